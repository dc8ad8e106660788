"""The charts page: pick figures by filters kept in the URL, chart each series over time with its
uncertainty, page through every series that matches, list the figures with their citations, and
download exactly what is shown."""

from __future__ import annotations

import textwrap
from datetime import date

import pandas as pd
import streamlit as st

from tracker import charts, views
from tracker.series import series_label
from tracker.store import FigureFilter, extract_text
from tracker.tables import RELIABILITY_MEANING, Status
from tracker.ui import common, map_panel

TITLE = "Displacement figures over time"
STATUSES = [s.value for s in Status]
MEASURES = ["both", "flow", "stock"]
SCALES = ["linear", "log"]
MULTI = {  # URL parameter → (label, FilterOptions field, what it is called in a notice)
    "location": ("Location", "locations", "location"),
    "population": ("Population", "populations", "population"),
    "term": ("Term", "terms", "term"),
    "country": ("Country", "countries", "country code"),
}
# Parameters Streamlit itself reads from a URL; they are not filters.
STREAMLIT_PARAMETERS = {"embed", "embed_options"}
PARAMETERS = {*MULTI, "status", "measure", "reliability", "start", "end", "page", "scale"}
TABLE_COLUMNS = {
    "figure_id": "figure",
    "status": "status",
    "status_reason": "why",
    "location": "location",
    "population": "population",
    "term": "term",
    "measure": "measure",
    "unit": "unit",
    "household_size": "household size",
    "period_start": "from",
    "period_end": "to",
    "low": "low",
    "best": "best",
    "high": "high",
    "qualifier": "qualifier",
    "quote": "quote",
    "attributed_to": "said by",
    "source_title": "source",
    "source_publisher": "publisher",
    "source_published_on": "published",
    "source_reliability": "reliability",
    "credibility": "credibility",
    "source_url": "link",
    "notes": "notes",
}
# The table writes dates as the charts do: 22 Mar 2019 (moment.js tokens for charts.DATE_FORMAT).
TABLE_DATE_FORMAT = "D MMM YYYY"


# --- filters, kept in the URL ---------------------------------------------------------------------


def _seed_from_url(options: views.FilterOptions) -> None:
    """Widgets start from the URL the first time, so a shared link opens the same view; what the
    link names that does not exist is listed in a notice (kept until a filter changes)."""
    state, params = st.session_state, st.query_params
    if "f_status" in state:
        return
    notices: list[str] = []
    for name, (_, field, called) in MULTI.items():
        allowed = set(getattr(options, field))
        wanted = [v for v in params.get_all(name) if v != ""]
        state[f"f_{name}"] = [v for v in wanted if v in allowed]
        notices += [f"{called} “{v}”: no figure has it" for v in wanted if v not in allowed]
    statuses = params.get_all("status")
    if not statuses:
        state["f_status"] = ["accepted"]
    else:
        # An empty status (status=) is the cleared filter: figures of every status.
        state["f_status"] = [s for s in statuses if s in STATUSES]
        notices += [
            f"status “{s}”: not a status (one of {', '.join(STATUSES)})"
            for s in statuses
            if s and s not in STATUSES
        ]
    state["f_measure"] = _choice(params.get("measure"), MEASURES, "both", "measure", notices)
    state["f_reliability"] = _choice(
        params.get("reliability"), ["any", *RELIABILITY_MEANING], "any", "reliability", notices
    )
    state["f_scale"] = _choice(params.get("scale"), SCALES, "linear", "scale", notices)
    for name in ("start", "end"):
        state[f"f_{name}"] = _date_param(params.get(name), name, notices)
    page = params.get("page")
    good_page = bool(page) and page.isdigit() and int(page) >= 1
    if page and not good_page:
        notices.append(f"page “{page}”: not a page number (1, 2, …)")
    state["f_page"] = int(page) if good_page else 1
    notices += [
        f"“{name}”: not a filter of this page"
        for name in params
        if name not in PARAMETERS and name not in STREAMLIT_PARAMETERS
    ]
    state["f_notices"] = notices


def _choice(value: str | None, allowed: list[str], default: str, name: str, notices) -> str:
    if value is None or value in allowed:
        return value or default
    notices.append(f"{name} “{value}”: not one of {', '.join(allowed)}")
    return default


def _date_param(text: str | None, name: str, notices: list[str]) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        notices.append(f"{name} “{text}”: not a date (write it as 2019-03-22)")
        return None


def _multiselect(column, name: str, options: views.FilterOptions) -> None:
    label, field, _ = MULTI[name]
    column.multiselect(
        label, getattr(options, field), key=f"f_{name}", placeholder="any", on_change=_changed
    )


def _changed() -> None:
    """A filter changed: the link's notices are answered, and the first page of series shows."""
    st.session_state["f_notices"] = []
    st.session_state["f_page"] = 1


def _filters(options: views.FilterOptions) -> FigureFilter:
    _seed_from_url(options)
    # Three to a row: at 1024 pixels a wider row cuts the chosen values short.
    for column, name in zip(st.columns(3), ("location", "population", "term"), strict=True):
        _multiselect(column, name, options)
    country, status, reliability = st.columns(3)
    _multiselect(country, "country", options)
    status.multiselect(
        "Status",
        STATUSES,
        key="f_status",
        placeholder="any",
        on_change=_changed,
        help="Accepted figures by default; add candidates to see those awaiting review. "
        "Cleared, it shows every status.",
    )
    reliability.selectbox(
        "Least source reliability",
        ["any", *RELIABILITY_MEANING],
        key="f_reliability",
        on_change=_changed,
        format_func=lambda r: r if r == "any" else f"{r} ({RELIABILITY_MEANING[r]}) or better",
    )
    measure, start, end = st.columns(3)
    measure.radio("Flow or stock", MEASURES, key="f_measure", horizontal=True, on_change=_changed)
    start.date_input("From", key="f_start", min_value=date(1900, 1, 1), on_change=_changed)
    end.date_input("To", key="f_end", min_value=date(1900, 1, 1), on_change=_changed)
    state = st.session_state
    return FigureFilter(
        statuses=tuple(state["f_status"]) or None,
        countries=tuple(state["f_country"]) or None,
        locations=tuple(state["f_location"]) or None,
        populations=tuple(state["f_population"]) or None,
        terms=tuple(state["f_term"]) or None,
        measures=None if state["f_measure"] == "both" else (state["f_measure"],),
        start=state["f_start"],
        end=state["f_end"],
        min_reliability=None if state["f_reliability"] == "any" else state["f_reliability"],
    )


def _to_url(state) -> None:
    """Every choice into the URL, the cleared Status filter too (status= with nothing after)."""
    params: dict[str, str | list[str]] = {}
    for name in MULTI:
        if state[f"f_{name}"]:
            params[name] = list(state[f"f_{name}"])
    if state["f_status"] != ["accepted"]:
        params["status"] = list(state["f_status"]) or [""]
    for name, default in (("measure", "both"), ("reliability", "any"), ("scale", "linear")):
        if state[f"f_{name}"] != default:
            params[name] = state[f"f_{name}"]
    for name in ("start", "end"):
        if state[f"f_{name}"]:
            params[name] = state[f"f_{name}"].isoformat()
    if state.get("f_page", 1) != 1:
        params["page"] = str(state["f_page"])
    # Rewrite the URL only when it differs: each rewrite is a message to the browser.
    wanted = {k: v if isinstance(v, list) else [v] for k, v in params.items()}
    if wanted != {k: st.query_params.get_all(k) for k in st.query_params}:
        st.query_params.from_dict(params)


def _notices() -> None:
    notices = st.session_state.get("f_notices") or []
    if notices:
        # The values come from the link, that is from anyone: shown as text, never as Markdown.
        st.warning(
            common.escape_markdown(
                "This link asks for what the tracker does not hold, so it is left out of the "
                "view: " + "; ".join(notices) + "."
            ),
            icon=":material/link_off:",
        )


# --- the page -------------------------------------------------------------------------------------


def main() -> None:
    st.title(TITLE)
    database, version = common.url(), common.version()
    flt = _filters(common.options(database, version))
    state = st.session_state
    if flt.start and flt.end and flt.start > flt.end:
        _notices()
        _to_url(state)
        st.warning(
            f"From ({charts.date_text(flt.start)}) is after To ({charts.date_text(flt.end)}), "
            "so no figure can fall between them. Change one of the two dates.",
            icon=":material/date_range:",
        )
        return
    result = common.shown(database, flt, state.get("f_page", 1), version)
    pages = result.pages
    if state.get("f_page", 1) != result.page and not result.series.empty:
        notice = f"page {state['f_page']}: there are {pages} pages of series"
        state["f_notices"] = [*state.get("f_notices", []), notice]
        state["f_page"] = result.page
    _notices()
    if result.series.empty:
        _to_url(state)
        st.info("No figures match these filters.", icon=":material/filter_alt_off:")
        return
    left, right = st.columns([1, 2])
    left.radio(
        "y scale",
        SCALES,
        key="f_scale",
        horizontal=True,
        help="Log spreads out figures of one series that differ a hundredfold.",
    )
    labels = _page_labels(result.series)
    if pages > 1:
        right.selectbox(
            "Series shown (most figures first)",
            range(1, pages + 1),
            key="f_page",
            format_func=labels.get,
        )
    _to_url(state)
    log = state["f_scale"] == "log"
    page = common.page_charts(database, flt, result.page, log, version)
    _explain(result, page, flt, labels)
    for spec in page.panels:
        st.vega_lite_chart(spec, width="stretch", theme=None)
    _downloads(result, page, flt, labels)
    if pages > 1:
        with st.expander(f"Every series that matches ({len(result.series):,}) and its page"):
            _series_list(result)
    map_panel.show(database, flt, result, log, version)
    st.subheader("The figures charted, with their citations")
    _table(_table_data(database, flt, result.page, version))


def _count(n: int, word: str) -> str:
    """1 figure, 2 figures; 1 series, 2 series."""
    return f"{n:,} {word}" + ("s" if n != 1 and not word.endswith("s") else "")


def _page_labels(series: pd.DataFrame) -> dict[int, str]:
    """page → "series 11–20 of 27 (page 2 of 3)", for every page of `series` (series_pages)."""
    total = len(series)
    spans = pd.Series(range(1, total + 1), index=series.index).groupby(series["page"].to_numpy())
    first, last = spans.min(), spans.max()
    pages = len(first)
    return {
        int(p): (f"series {a:,}" if a == z else f"series {a:,}–{z:,}")
        + f" of {total:,} (page {p} of {pages})"
        for p, a, z in zip(first.index, first, last, strict=True)
    }


def _explain(
    result: views.Shown, page: charts.PageCharts, flt: FigureFilter, labels: dict[int, str]
) -> None:
    """What is charted, what is left out and why, and how to read the marks."""
    shown = result.page_series
    text = (
        f"{_count(len(result.figures), 'figure')} in {_count(len(shown), 'series')}, "
        f"from {_count(page.sources, 'source')}"
    )
    if result.pages == 1:
        text += "."
    else:
        text = (
            f"{labels[result.page].capitalize()}: {text}. All "
            f"{_count(len(result.series), 'series')} that match hold "
            f"{_count(result.matching_figures, 'figure')}; choose others under “Series shown”."
        )
    if page.undated:
        text += f" {_count(page.undated, 'figure')} without a date: in the table, not charted."
    if page.zero_on_log:
        text += (
            f" {_count(page.zero_on_log, 'figure')} with a bound of 0, drawn without it: a log "
            "scale has no 0."
        )
    st.caption(text)
    for row in result.cut.itertuples():
        label = series_label(row.location, row.population, row.term, row.measure)
        st.warning(
            common.escape_markdown(
                f"{label}: {row.charted:,} of its {row.figures:,} figures are charted and listed "
                f"(the first entered), the most a page holds ({result.limit:,}); its consensus and "
                "flags are not drawn. Narrow the dates or the status to see the rest."
            ),
            icon=":material/filter_alt:",
        )
    marks = charts.MARKS
    if set(flt.statuses or STATUSES) - {"accepted"}:
        marks += f" Status: {charts.STATUS_MARKS}."
    st.caption(f"{page.colouring.note} {marks}")


def _series_list(result: views.Shown) -> None:
    s = result.series
    table = pd.DataFrame(
        {
            "series": [
                series_label(*v)
                for v in zip(s["location"], s["population"], s["term"], s["measure"], strict=True)
            ],
            "figures": s["figures"],
            "page": s["page"],
        }
    )
    st.dataframe(
        table,
        hide_index=True,
        column_config={"figures": st.column_config.NumberColumn(format=charts.TABLE_NUMBER_FORMAT)},
    )


# --- downloads and the table ------------------------------------------------------------------------


def filter_words(flt: FigureFilter) -> str:
    """The filters of a view in words, for the exports' subtitle."""
    statuses = flt.statuses
    parts = [
        f"{' and '.join(statuses)} figures" if statuses else "figures of every status",
    ]
    for name, values in (
        ("location", flt.locations),
        ("population", flt.populations),
        ("term", flt.terms),
        ("country", flt.countries),
    ):
        if values:
            parts.append(f"{name} {', '.join(values)}")
    if flt.measures:
        parts.append(" and ".join(f"{m}s" for m in flt.measures))
    if flt.start:
        parts.append(f"from {charts.date_text(flt.start)}")
    if flt.end:
        parts.append(f"to {charts.date_text(flt.end)}")
    if flt.min_reliability:
        parts.append(f"sources of reliability {flt.min_reliability} or better")
    return "; ".join(parts)


def export_lines(
    result: views.Shown, page: charts.PageCharts, flt: FigureFilter, labels: dict[int, str]
) -> list[str]:
    """The subtitle of a saved chart: filters, series, the source line, how to read it."""
    lines = [f"Filters: {filter_words(flt)}."]
    if len(labels) > 1:
        lines.append(f"{labels[result.page].capitalize()}, most figures first.")
    lines.append(
        f"{page.figures:,} figures from {page.sources:,} sources. Source: displacement figures "
        f"tracker, extract of {charts.date_text(date.today())}."
    )
    marks = charts.MARKS + f" {charts.STATUS_MARKS.capitalize()}."
    lines += [page.colouring.note, marks]
    return [line for text in lines for line in textwrap.wrap(text, 120)]


def _downloads(
    result: views.Shown, page: charts.PageCharts, flt: FigureFilter, labels: dict[int, str]
) -> None:
    count = len(result.figures)

    def export() -> dict:
        return charts.export_spec(page, TITLE, export_lines(result, page, flt, labels))

    left, middle, right = st.columns(3)
    left.download_button(
        f"The {count:,} figure{'s' * (count != 1)} (CSV)",
        data=lambda: extract_text(common.engine(), result.flt, limit=result.limit),
        file_name="figures_view.csv",
        mime="text/csv",
        on_click="ignore",
        key="view_csv",
    )
    middle.download_button(
        "The chart (PNG)",
        data=lambda: charts.chart_png(export()),
        file_name="figures.png",
        mime="image/png",
        on_click="ignore",
        key="chart_png",
    )
    right.download_button(
        "The chart (SVG)",
        data=lambda: charts.chart_svg(export()),
        file_name="figures.svg",
        mime="image/svg+xml",
        on_click="ignore",
        key="chart_svg",
    )


# The table of a page is made once: only a filter or a page change makes another.
@st.cache_resource(show_spinner=False, max_entries=16)
def _table_data(database: str, flt: FigureFilter, page: int, data_version: int):
    """The page's figures as the table shows them (an Arrow table, converted once): numbers and
    dates as values, each figure's link to its own page, only http(s) links to sources."""
    import pyarrow as pa  # only here: the table is the one thing on the page that needs it

    figures = common.shown(database, flt, page, data_version).figures
    table = figures[list(TABLE_COLUMNS)].rename(columns=TABLE_COLUMNS)
    if not table["why"].notna().any():
        table = table.drop(columns="why")  # accepted figures only: no status has a reason
    for column in ("low", "best", "high", "household size", "credibility"):
        table[column] = pd.to_numeric(table[column])
    for column in ("from", "to", "published"):
        table[column] = pd.to_datetime(table[column], format="%Y-%m-%d")
    table["figure"] = figures["figure_id"].map(common.figure_url)
    links = table["link"].unique()
    table["link"] = table["link"].map(dict(zip(links, map(common.http_url, links), strict=True)))
    return pa.Table.from_pandas(table, preserve_index=False)


def _table(table) -> None:
    """The table of _table_data: numbers and dates written as the charts write them, open bounds
    blank, each figure linked to its own page."""
    number = st.column_config.NumberColumn
    when = st.column_config.DateColumn
    st.dataframe(
        table,
        hide_index=True,
        placeholder="",  # an open bound, an unknown date or a missing name is left blank
        column_config={
            "figure": common.figure_link_column(),
            "low": number(format=charts.TABLE_NUMBER_FORMAT),
            "best": number(format=charts.TABLE_NUMBER_FORMAT),
            "high": number(format=charts.TABLE_NUMBER_FORMAT),
            "from": when(format=TABLE_DATE_FORMAT),
            "to": when(format=TABLE_DATE_FORMAT),
            "published": when(format=TABLE_DATE_FORMAT),
            "link": st.column_config.LinkColumn("link", display_text="open source"),
            "quote": st.column_config.TextColumn("quote", width="large"),
        },
    )


if __name__ == "__main__":
    main()
