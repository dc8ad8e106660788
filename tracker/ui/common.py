"""What the app's pages share: the database, cached queries keyed on a data version, the user,
the source picker, field errors, safe text and the full-extract downloads.
"""

from __future__ import annotations

import re
from datetime import date

import pandas as pd
import streamlit as st
from sqlalchemy.engine import Engine

from tracker import storage, views
from tracker.csvformat import escape_frame
from tracker.store import FigureFilter, extract_text
from tracker.tables import RELIABILITY_MEANING, SourceKind
from tracker.validation import Problem

PAGES = "tracker/ui"  # page files, relative to streamlit_app.py


def engine() -> Engine:
    # engine_for caches per argument: pass the URL so a changed TRACKER_DATABASE_URL is honoured.
    return storage.engine_for(url())


def url() -> str:
    """The database URL: part of every cache key, so two databases never share cached answers."""
    return storage.database_url()


@st.cache_resource(show_spinner="Preparing the database …")
def _prepared(database: str) -> bool:
    from tracker.actions import FIGURES_DIR, current_user, load_directory

    eng = storage.engine_for(database)
    storage.create_schema(eng)
    if not views.has_figures(eng):
        load_directory(eng, FIGURES_DIR, by=current_user())
    return True


def prepare() -> None:
    """Create the schema and, on an empty database, load figures/ (once per process).

    A database of another release, or one that cannot be used, stops the page with the reason.
    """
    database = url()
    try:
        _prepared(database)
    except Exception as error:
        # storage.explain knows the database's faults; any other error is a bug and is raised.
        message = storage.explain(error, database)
        if message is None:
            raise
        st.error(escape_markdown(message), icon=":material/error:")
        st.stop()


def version() -> int:
    """The data version; cached answers are keyed on it, so another instance's writes show too."""
    return views.data_version(engine())


def after_write() -> None:
    """Forget every cached answer, so what was just written shows at once."""
    st.cache_data.clear()
    for cached in (shown, analysis, chart_spec):
        cached.clear()


@st.cache_data(show_spinner=False, max_entries=32)
def options(database: str, data_version: int) -> views.FilterOptions:
    return views.filter_options(storage.engine_for(database))


# The chart's figures, analysis and spec are kept as they are (cache_resource), not pickled per
# read as cache_data would: they are large and never changed by the pages that read them.
@st.cache_resource(show_spinner=False, max_entries=16)
def shown(database: str, flt: FigureFilter, data_version: int) -> views.Shown:
    return views.shown_figures(storage.engine_for(database), flt)


@st.cache_resource(show_spinner=False, max_entries=16)
def analysis(database: str, flt: FigureFilter, data_version: int):
    """(consensus, flags) of the series a view of `flt` shows, from the figures it shows (all the
    figures of those series, since analysis is drawn only when the view is not capped)."""
    from tracker.analysis import analysed_frames, frame_from_rows

    figures = shown(database, flt, data_version).figures
    return analysed_frames(frame=frame_from_rows(figures))


@st.cache_resource(show_spinner=False, max_entries=16)
def chart_spec(database: str, flt: FigureFilter, data_version: int) -> dict:
    """The Vega-Lite spec of the chart of `flt`, with consensus and flags when the view is not
    capped; cached, because building and serialising the chart is most of a page run."""
    from tracker import charts

    result = shown(database, flt, data_version)
    consensus = flags = None
    if len(result.figures) < views.CHART_LIMIT:
        consensus, flags = analysis(database, flt, data_version)
    return charts.figure_spec(result.figures, consensus, flags)


def user() -> str:
    """Who is recorded on revisions: the name in the sidebar (TRACKER_USER or the login name)."""
    from tracker.actions import current_user

    return (st.session_state.get("user") or "").strip() or current_user()


def sidebar() -> None:
    """The user's name and the full extracts, on every page."""
    from tracker.actions import current_user

    with st.sidebar:
        st.session_state.setdefault("user", current_user())
        st.text_input("Recorded as", key="user", help="Your name, kept on every revision you make.")
        st.caption("Every accepted figure, as a CSV extract:")
        st.download_button(
            "Full extract (CSV)",
            data=lambda: extract_text(engine(), FigureFilter()),
            file_name="figures.csv",
            mime="text/csv",
            on_click="ignore",
            key="full_csv",
        )
        st.download_button(
            "Full extract with HXL tags (CSV)",
            data=lambda: extract_text(engine(), FigureFilter(), hxl=True),
            file_name="figures_hxl.csv",
            mime="text/csv",
            on_click="ignore",
            key="full_hxl",
        )


# --- safe text ----------------------------------------------------------------------------------

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~:$&\"'=])")
# Streamlit links bare addresses (https://…, www.…, a@b.org) in the text left after parsing, so
# escapes do not stop them: an invisible word joiner (U+2060) inside each keeps them text.
_BARE_LINK = re.compile(r"(?<=:)(?=//)|(?=@)|(?<=www)(?=\.)", re.IGNORECASE)


def escape_markdown(text: str) -> str:
    """Text from sources or users, made inert for st.markdown: every mark is backslash-escaped
    and bare addresses are broken up invisibly, so no link, image, HTML, LaTeX or directive can
    form. (Text to be copied as it is, such as an address, is better shown with st.text.)"""
    text = _BARE_LINK.sub("\u2060", str(text))
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text).replace("\n", "  \n")


def labelled(pairs: list[tuple[str, object]]) -> None:
    """Labelled values, one a line (— for none); the values are text from people, so escaped."""
    st.markdown(
        "  \n".join(
            f"**{label}:** {escape_markdown(value) if value not in (None, '') else '—'}"
            for label, value in pairs
        )
    )


def highlighted(sentence: str, span: str | None) -> str:
    """Markdown of `sentence` (escaped) with `span` highlighted where it occurs."""
    if span and span in sentence:
        before, _, after = sentence.partition(span)
        return (
            f"{escape_markdown(before)}:orange-background[**{escape_markdown(span)}**]"
            f"{escape_markdown(after)}"
        )
    return escape_markdown(sentence)


def http_url(value) -> str | None:
    """The URL if it is http(s), else None: only such links are ever made clickable."""
    text = str(value or "")
    return text if re.match(r"https?://", text, re.IGNORECASE) else None


def csv_safe(frame: pd.DataFrame) -> str:
    """A frame as CSV with the design's formula escape on every text cell."""

    return escape_frame(frame).to_csv(index=False, lineterminator="\n")


# --- field errors -------------------------------------------------------------------------------


def problems_by_field(problems: list[Problem]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for p in problems:
        found.setdefault(p.column, []).append(p.message)
    return found


def show_problems(problems: dict[str, list[str]], *columns: str) -> None:
    """The validation messages of these fields, right under the field."""
    for column in columns:
        for message in problems.get(column, []):
            # Messages quote the values given, which may hold Markdown: escaped.
            st.error(escape_markdown(f"{column}: {message}"), icon=":material/error:")


# --- the source of a figure -----------------------------------------------------------------------

SOURCE_KINDS = [k.value for k in SourceKind]
RELIABILITIES = list(RELIABILITY_MEANING)


@st.cache_data(show_spinner=False, max_entries=8)
def _sources(database: str, data_version: int) -> pd.DataFrame:
    return views.source_choices(storage.engine_for(database))


def source_fields(prefix: str, problems: dict[str, list[str]]) -> dict:
    """Pick an existing source or describe a new one; return the figure's source_* values."""
    sources = _sources(url(), version())
    mode = st.radio(
        "Source",
        ["existing", "new"],
        horizontal=True,
        key=f"{prefix}_source_mode",
        format_func={"existing": "An existing source", "new": "A new source"}.get,
        index=0 if len(sources) else 1,
    )
    if mode == "existing" and len(sources):
        by_id = sources.set_index("id")
        st.selectbox(
            "Existing source",
            [int(i) for i in by_id.index],
            key=f"{prefix}_source_id",
            format_func=lambda i: _source_label(by_id.loc[i]),
            # No source is picked for the user: a figure filed under the wrong source is worse
            # than one refused until its source is chosen.
            index=None,
            placeholder="choose a source (type to search)",
        )
        values = source_values(prefix)
        show_problems(problems, *values)
        return values
    left, right = st.columns(2)
    with left:
        st.text_input("Title", key=f"{prefix}_src_title")
        show_problems(problems, "source_title")
        st.text_input("Publisher", key=f"{prefix}_src_publisher")
        show_problems(problems, "source_publisher")
        st.text_input("URL (http or https)", key=f"{prefix}_src_url")
        show_problems(problems, "source_url")
    with right:
        st.date_input(
            "Publication date",
            value=None,
            key=f"{prefix}_src_published",
            min_value=date(1900, 1, 1),
        )
        show_problems(problems, "source_published_on")
        st.selectbox(
            "Kind", SOURCE_KINDS, index=SOURCE_KINDS.index("other"), key=f"{prefix}_src_kind"
        )
        show_problems(problems, "source_kind")
        st.selectbox(
            "Reliability",
            RELIABILITIES,
            index=RELIABILITIES.index("F"),
            key=f"{prefix}_src_reliability",
            format_func=lambda r: f"{r} — {RELIABILITY_MEANING[r]}",
        )
        show_problems(problems, "source_reliability")
    return source_values(prefix)


def source_values(prefix: str) -> dict:
    """The source_* values the source picker holds now (callbacks run before the page redraws)."""
    state = st.session_state
    if state.get(f"{prefix}_source_mode") == "existing" and state.get(f"{prefix}_source_id"):
        by_id = _sources(url(), version()).set_index("id")
        if state[f"{prefix}_source_id"] in by_id.index:
            row = by_id.loc[state[f"{prefix}_source_id"]]
            return {
                "source_title": row["title"],
                "source_publisher": row["publisher"],
                "source_url": row["url"],
                "source_published_on": row["published_on"],
                "source_kind": row["kind"],
                "source_reliability": row["reliability"],
            }
    return {
        "source_title": state.get(f"{prefix}_src_title"),
        "source_publisher": state.get(f"{prefix}_src_publisher"),
        "source_url": state.get(f"{prefix}_src_url"),
        "source_published_on": state.get(f"{prefix}_src_published"),
        "source_kind": state.get(f"{prefix}_src_kind", "other"),
        "source_reliability": state.get(f"{prefix}_src_reliability", "F"),
    }


def _source_label(row) -> str:
    parts = [str(row["title"])]
    if row["publisher"]:
        parts.append(str(row["publisher"]))
    if row["published_on"]:
        parts.append(str(row["published_on"]))
    return " · ".join(parts)


def as_date(value) -> date | None:
    if value is None or value == "" or pd.isna(value):
        return None
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value))
