"""What the app's pages share: the database, cached queries keyed on a data version, the user,
the source picker, field errors, safe text and the full-extract downloads.
"""

from __future__ import annotations

import os
import re
from datetime import date

import pandas as pd
import streamlit as st
from sqlalchemy.engine import Engine

from tracker import actions, storage, views
from tracker.csvformat import escape_frame
from tracker.store import FigureError, FigureFilter, extract_text
from tracker.tables import RELIABILITY_MEANING, SourceKind
from tracker.validation import Problem

PAGES = "tracker/ui"  # page files, relative to streamlit_app.py


def engine() -> Engine:
    # engine_for caches per argument: pass the URL so a changed TRACKER_DATABASE_URL is honoured.
    return storage.engine_for(url())


def url() -> str:
    """The database URL: part of every cache key, so two databases never share cached answers."""
    # Root-level entries of the deployment's secrets (TRACKER_DATABASE_URL, TRACKER_ADMIN) are
    # environment variables once Streamlit has read the secrets.
    st.secrets.load_if_toml_exists()
    return storage.database_url()


@st.cache_resource(show_spinner="Preparing the database …")
def _prepared(database: str) -> bool:
    from tracker.actions import FIGURES_DIR, current_user, load_directory

    eng = storage.engine_for(database)
    storage.create_schema(eng)
    # A team's database (one with members) is loaded by `tracker init`, as one of its members.
    if not views.has_figures(eng) and not actions.members(eng):
        load_directory(eng, FIGURES_DIR, by=current_user())
    # The deployment's settings name the first admin of a team's tracker.
    if os.environ.get("TRACKER_ADMIN", "").strip():
        try:
            actions.ensure_admin(eng, os.environ["TRACKER_ADMIN"])
        except FigureError as error:  # not an e-mail: said on the page, as a setting's fault
            raise storage.StorageError(f"the deployment's TRACKER_ADMIN: {error}") from None
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
    for cached in (_series_pages, shown, _analysis, page_charts, page_map):
        cached.clear()


@st.cache_data(show_spinner=False, max_entries=32)
def options(database: str, data_version: int) -> views.FilterOptions:
    return views.filter_options(storage.engine_for(database))


# A page of the charts page and its charts are kept as they are (cache_resource), not pickled per
# read as cache_data would: they are large and never changed by the pages that read them.
@st.cache_resource(show_spinner=False, max_entries=16)
def shown(database: str, flt: FigureFilter, page: int, data_version: int) -> views.Shown:
    series = _series_pages(database, flt, data_version)
    engine = storage.engine_for(database)
    return views.shown_figures(engine, flt, page, series=series, limit=views.CHART_LIMIT)


# Every page of one filter reads the same list of series: it is read once.
@st.cache_resource(show_spinner=False, max_entries=16)
def _series_pages(database: str, flt: FigureFilter, data_version: int) -> pd.DataFrame:
    engine = storage.engine_for(database)
    return views.series_pages(engine, flt, views.PANEL_LIMIT, views.CHART_LIMIT)


@st.cache_resource(show_spinner=False, max_entries=16)
def _analysis(database: str, flt: FigureFilter, page: int, data_version: int):
    """(consensus, flags) of the series of a page charted whole (a series cut at the page's
    limit has neither); (None, None) when none is."""
    # Imported here: only the charts page needs it, and the other pages load faster without.
    from tracker.analysis import analysed_frames, frame_from_rows

    result = shown(database, flt, page, data_version)
    figures = result.figures
    whole = figures[~pd.to_numeric(figures["series_id"]).isin(result.cut["series_id"])]
    return analysed_frames(frame=frame_from_rows(whole)) if len(whole) else (None, None)


@st.cache_resource(show_spinner=False, max_entries=16)
def page_charts(database: str, flt: FigureFilter, page: int, log: bool, data_version: int):
    """The charts of a page of series (tracker.charts.PageCharts), with the consensus and flags
    of each series charted whole: the app draws their panels, and the exports are made from them."""
    from tracker import charts  # imported here, as tracker.analysis above

    result = shown(database, flt, page, data_version)
    consensus, flags = _analysis(database, flt, page, data_version)
    return charts.page_charts(
        result.figures, consensus, flags, start=flt.start, end=flt.end, log=log,
        order=result.page_series["series_id"].tolist(),  # most figures first, as the pages
    )  # fmt: skip


@st.cache_resource(show_spinner=False, max_entries=16)
def page_map(
    database: str, flt: FigureFilter, page: int, log: bool, data_version: int, answered: int
):
    """The map of a page of series (tracker.maps.PageMap), coloured as its charts, with the
    places the gazetteer's worker has given so far (`answered`: how many, tracker.lookup_process)."""
    from tracker import maps  # imported here, as tracker.analysis above

    result = shown(database, flt, page, data_version)
    consensus, _ = _analysis(database, flt, page, data_version)
    colouring = page_charts(database, flt, page, log, data_version).colouring
    return maps.page_map(result.figures, consensus, colouring, maps.app_place)


# --- who is using the app -------------------------------------------------------------------------
# With an [auth] section in the deployment's secrets, people sign in with its OpenID Connect
# provider (st.login) and act as the e-mail it gives them, with their role as a member. Without
# one, the app is one person's on their own machine and records the name in the sidebar.

ROLE_KEY = "tracker_role"  # the person's role, as admit() found it at the start of this run
# The pages that write, by url_path, and the write that opens each.
PAGE_NEEDS = {"enter": "add a candidate", "review": "add a candidate"}


def sign_in_configured() -> bool:
    """Whether the deployment's secrets configure an OpenID Connect provider ([auth])."""
    return st.secrets.load_if_toml_exists() and "auth" in st.secrets


def signed_in() -> str | None:
    """The e-mail the person signed in with, in lower case; None when nobody has signed in or
    the provider vouches for no e-mail."""
    if not st.user.get("is_logged_in") or st.user.get("email_verified") is False:
        return None
    return str(st.user.get("email") or "").strip().lower() or None


def user() -> str:
    """Who is recorded on revisions: the e-mail signed in with; without sign-in, the name in the
    sidebar (TRACKER_USER or the login name)."""
    return signed_in() or (st.session_state.get("user") or "").strip() or actions.current_user()


def role() -> str | None:
    """The person's role (admin on a tracker without members), None for someone who is not a
    member: as admit() found it for this run, else as the database says now."""
    if ROLE_KEY in st.session_state:
        return st.session_state[ROLE_KEY]
    with engine().connect() as conn:
        return actions.role_of(conn, user())


def allowed(write: str) -> bool:
    """Whether the person may make `write` (a key of actions.NEEDS): the pages show only the
    controls and pages of what the person may do (the library refuses the rest anyway)."""
    return actions.permits(role(), write)


def may_open(page: st.Page) -> bool:
    """Whether the person may open `page`: the pages that write are shown only to who may."""
    needed = PAGE_NEEDS.get(page.url_path)
    return needed is None or allowed(needed)


def admit() -> None:
    """Let in whoever may see the tracker, keeping their role for this run; stop at a page of
    its own for anyone else. With sign-in configured: a sign-in page until the person signs in,
    then, for someone who is not a member, a page saying whom to ask."""
    state = st.session_state
    state.pop(ROLE_KEY, None)
    if not sign_in_configured():
        state[ROLE_KEY] = role()
        return
    if not st.user.get("is_logged_in"):
        st.title("Displacement figures tracker")
        st.write("Sign in with your organisation's account to see and work on the figures.")
        st.button("Sign in", type="primary", on_click=st.login, key="sign_in")
        st.stop()
    email = signed_in()
    with engine().connect() as conn:
        found = actions.role_of(conn, email) if email else None
        admins = actions.admins(conn)
    if found is not None and admins:
        state[ROLE_KEY] = found
        return
    st.title("You cannot use this tracker yet")
    if email is None:
        st.write(
            "Your sign-in gave no verified e-mail address, and members are known by theirs: "
            "sign in with an account that has one."
        )
    elif not admins:
        st.write(
            "The tracker has no members yet. Its first admin is named in the deployment's "
            "settings (TRACKER_ADMIN), or added with `tracker members add EMAIL --role admin`."
        )
    else:
        # E-mails as code: shown as they are, ready to copy (Markdown would alter them).
        st.write("You signed in as")
        st.code(email, language=None)
        st.write("which is not a member of this tracker. Ask one of its admins to add you:")
        st.code("\n".join(admins), language=None)
    st.button("Sign out", on_click=st.logout, key="sign_out")
    st.stop()


def _identity() -> None:
    """At the top of the sidebar: who is recorded on what the person does."""
    email = signed_in()
    if email:
        member = role()
        as_role = f", {actions.a_role(member)}" if member else ""
        st.caption(f"Signed in as **{escape_markdown(email)}**{as_role}.")
        st.button("Sign out", on_click=st.logout, key="sign_out")
        return
    with engine().connect() as conn:
        team = bool(actions.admins(conn))
    member = role()
    if not team:
        said = "this is one person's tracker on this machine, and what you change is recorded "
        said += "under the name below"
    elif member:
        said = f"you act as the name below, {actions.a_role(member)} of this team's tracker"
    else:
        said = "the name below is not a member of this team's tracker: it may read, not write"
    st.caption(f"No sign-in: {said}.")
    st.session_state.setdefault("user", actions.current_user())
    st.text_input("Recorded as", key="user", help="Your name, kept on every revision you make.")


def sidebar() -> None:
    """Who is recorded, and the full extracts, on every page."""
    with st.sidebar:
        _identity()
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

    def shown(value) -> str:
        # None and NaN (a missing value in a pandas frame) alike are none.
        return "—" if value is None or pd.isna(value) or value == "" else escape_markdown(value)

    st.markdown("  \n".join(f"**{label}:** {shown(value)}" for label, value in pairs))


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


def bound_text(text: str | None) -> str:
    """A stored bound (text, as the extract writes it) as people read it: 30,000; open if empty."""
    if text is None or text == "":
        return "open"
    value = float(text)
    return f"{value:,.0f}" if value.is_integer() else f"{value:,}"


def figure_url(figure_id) -> str:
    """The figure page's address for a figure, relative so that it works under any base path."""
    return f"figure?id={int(figure_id)}"


def figure_link_column(label: str = "figure") -> st.column_config.LinkColumn:
    """A dataframe column of figure_url values, showing the figure's number."""
    return st.column_config.LinkColumn(label, display_text=r"figure\?id=(\d+)", width="small")


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


def source_table() -> pd.DataFrame:
    """The sources a figure may cite (views.source_choices), cached until the next write."""
    return _sources(url(), version())


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
            format_func=lambda i: source_label(by_id.loc[i]),
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


def source_label(row) -> str:
    """A source as one line of plain text (for a selectbox, whose options are not Markdown)."""
    # A missing publisher or date may come as None or as NaN (pandas): neither is shown.
    given = [row[k] for k in ("title", "publisher", "published_on")]
    return " · ".join(str(v) for v in given if v is not None and not pd.isna(v) and v != "")


def as_date(value) -> date | None:
    if value is None or value == "" or pd.isna(value):
        return None
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value))
