"""The charts page: pick figures by filters kept in the URL, chart them over time with their
uncertainty, list them with their citations, and download exactly what is shown."""

from __future__ import annotations

from datetime import date

import streamlit as st

from tracker import charts, views
from tracker.store import FigureFilter, extract_text
from tracker.tables import RELIABILITY_MEANING, Status
from tracker.ui import common

STATUSES = [s.value for s in Status]
MULTI = {  # URL parameter → (label, FilterOptions field)
    "country": ("Country", "countries"),
    "location": ("Location", "locations"),
    "population": ("Population", "populations"),
    "term": ("Term", "terms"),
}
TABLE_COLUMNS = {
    "figure_id": "figure",
    "status": "status",
    "location": "location",
    "population": "population",
    "term": "term",
    "measure": "measure",
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


def _seed_from_url(options: views.FilterOptions) -> None:
    """Widgets start from the URL the first time, so a shared link opens the same view."""
    params = st.query_params
    for name, (_, field) in MULTI.items():
        allowed = set(getattr(options, field))
        st.session_state.setdefault(f"f_{name}", [v for v in params.get_all(name) if v in allowed])
    statuses = [s for s in params.get_all("status") if s in STATUSES] or ["accepted"]
    st.session_state.setdefault("f_status", statuses)
    measure = params.get("measure")
    st.session_state.setdefault("f_measure", measure if measure in ("flow", "stock") else "both")
    reliability = params.get("reliability")
    st.session_state.setdefault(
        "f_reliability", reliability if reliability in RELIABILITY_MEANING else "any"
    )
    for name in ("start", "end"):
        st.session_state.setdefault(f"f_{name}", _date_param(params.get(name)))


def _date_param(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


def _filters(options: views.FilterOptions) -> FigureFilter:
    _seed_from_url(options)
    columns = st.columns(4)
    for column, (name, (label, field)) in zip(columns, MULTI.items(), strict=True):
        column.multiselect(label, getattr(options, field), key=f"f_{name}", placeholder="any")
    a, b, c, d, e = st.columns([2, 1.3, 1, 1, 1.4])
    a.multiselect(
        "Status",
        STATUSES,
        key="f_status",
        help="Accepted figures by default; add candidates to see those awaiting review.",
    )
    b.radio("Flow or stock", ["both", "flow", "stock"], key="f_measure", horizontal=True)
    c.date_input("From", key="f_start", min_value=date(1900, 1, 1))
    d.date_input("To", key="f_end", min_value=date(1900, 1, 1))
    e.selectbox(
        "Least source reliability",
        ["any", *RELIABILITY_MEANING],
        key="f_reliability",
        format_func=lambda r: r if r == "any" else f"{r} or better",
    )
    state = st.session_state
    _to_url(state)
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
    params: dict[str, str | list[str]] = {}
    for name in (*MULTI, "status"):
        if state[f"f_{name}"]:
            params[name] = list(state[f"f_{name}"])
    if state["f_measure"] != "both":
        params["measure"] = state["f_measure"]
    if state["f_reliability"] != "any":
        params["reliability"] = state["f_reliability"]
    for name in ("start", "end"):
        if state[f"f_{name}"]:
            params[name] = state[f"f_{name}"].isoformat()
    # Rewrite the URL only when it differs: each rewrite is a message to the browser.
    wanted = {k: v if isinstance(v, list) else [v] for k, v in params.items()}
    if wanted != {k: st.query_params.get_all(k) for k in st.query_params}:
        st.query_params.from_dict(params)


def main() -> None:
    st.title("Displacement figures over time")
    database, version = common.url(), common.version()
    flt = _filters(common.options(database, version))
    result = common.shown(database, flt, version)
    figures = result.figures
    if figures.empty:
        st.info("No figures match these filters.")
        return
    series = figures["series_id"].nunique()
    st.caption(
        f"{len(figures):,} figures in {series} series"
        + (
            f" (of {result.matching_figures:,} figures in {result.matching_series:,} series"
            " that match)"
            if result.capped
            else ""
        )
        + ". A dot is the best estimate, a bar runs from low to high, a triangle marks a bound "
        "left open, a line spans a flow's period; the grey band is the consensus of each period."
    )
    if result.capped:
        st.warning(
            f"Showing the {series} series with most figures (at most {views.CHART_LIMIT:,}"
            " figures). Narrow the filters (location, population, term, dates) to chart others.",
            icon=":material/filter_alt:",
        )
    spec = common.chart_spec(database, flt, version)
    st.vega_lite_chart(spec)
    _downloads(spec, result)
    st.subheader("The figures charted, with their citations")
    _table(figures)


def _downloads(spec: dict, result: views.Shown) -> None:
    count = len(result.figures)
    left, middle, right = st.columns(3)
    left.download_button(
        f"Download these {count:,} figures (CSV)",
        data=lambda: extract_text(common.engine(), result.flt, limit=views.CHART_LIMIT),
        file_name="figures_view.csv",
        mime="text/csv",
        on_click="ignore",
        key="view_csv",
    )
    middle.download_button(
        "Save the chart as PNG",
        data=lambda: charts.chart_png(spec),
        file_name="figures.png",
        mime="image/png",
        on_click="ignore",
        key="chart_png",
    )
    right.download_button(
        "Save the chart as SVG",
        data=lambda: charts.chart_svg(spec),
        file_name="figures.svg",
        mime="image/svg+xml",
        on_click="ignore",
        key="chart_svg",
    )


def _table(figures) -> None:
    table = figures[list(TABLE_COLUMNS)].rename(columns=TABLE_COLUMNS)
    table["link"] = table["link"].map(common.http_url)
    st.dataframe(
        table,
        hide_index=True,
        column_config={
            "link": st.column_config.LinkColumn("link", display_text="open source"),
            "quote": st.column_config.TextColumn("quote", width="large"),
        },
    )


if __name__ == "__main__":
    main()
