"""The charts (tracker.charts) and the page of series behind them (tracker.views): colours, panels,
axes, status, consensus and flags, exports, and every series within reach."""

from __future__ import annotations

import json
import re
from datetime import date

import pandas as pd
import pytest
import vl_convert as vlc

from tracker import actions, charts, storage, views
from tracker.analysis import analysed_frames, frame_from_rows
from tracker.csvformat import COLUMNS
from tracker.store import FigureFilter


def row(figure_id: int, **values) -> dict:
    """One figure as the page reads it: the extract's columns as text, and its series_id."""
    base = dict.fromkeys(COLUMNS)
    base.update(
        figure_id=str(figure_id), status="accepted", location="Al Hol camp",
        population="camp residents", term="hosted", measure="stock", unit="people",
        period_end="2019-03-01", date_precision="day", low="1000", best="1000", high="1000",
        qualifier="exact", credibility="2", quote="Some 1,000 people live in the camp.",
        source_title="Camp report", source_published_on="2019-03-01", source_kind="ngo",
        source_reliability="B", series_id=1,
    )  # fmt: skip
    base.update({k: None if v is None else str(v) for k, v in values.items()})
    base["series_id"] = int(base["series_id"])
    return base


def frame(*rows: dict) -> pd.DataFrame:
    return pd.DataFrame(list(rows), dtype=object)


def layers(spec: dict) -> dict[str, dict]:
    """A panel's layers by the field their y reads."""
    return {layer["encoding"]["y"]["field"]: layer for layer in spec["layer"]}


def titles_with_colour(colour: str, count: int) -> list[str]:
    """`count` source titles whose colour is `colour`."""
    found = []
    n = 0
    while len(found) < count:
        title = f"Report {n}"
        if charts.source_colour(charts.plot_frame(frame(row(1, source_title=title)))
                                ["source_key"][0]) == colour:  # fmt: skip
            found.append(title)
        n += 1
    return found


# --- colour -------------------------------------------------------------------------------------


def test_a_source_keeps_its_colour_in_every_view_and_export():
    """The colour comes from the source, not from its place in a view."""
    a, b = row(1, source_title="Alpha"), row(2, source_title="Bravo")
    first = charts.page_charts(frame(a, b))
    second = charts.page_charts(frame(row(3, source_title="Charlie"), row(4, source_title="Alpha")))
    colour_of = [
        dict(zip(p.colouring.domain, p.colouring.range, strict=True)) for p in (first, second)
    ]
    assert first.colouring.by == second.colouring.by == "source"
    assert colour_of[0]["Alpha"] == colour_of[1]["Alpha"]
    assert colour_of[0]["Alpha"] == charts.source_colour(
        charts.plot_frame(frame(a))["source_key"][0]
    )
    exported = charts.export_spec(second, "t", [])
    scales = [
        layer["encoding"]["color"]["scale"]
        for panel in exported["vconcat"]
        for layer in panel["layer"]
        if "color" in layer["encoding"]
    ]
    assert all(dict(zip(s["domain"], s["range"], strict=True)) == colour_of[1] for s in scales)


def test_more_sources_than_colours_are_coloured_by_reliability_and_the_page_says_why():
    many = [
        row(i, source_title=f"Report {i}", source_reliability="ABCDEF"[i % 6])
        for i in range(len(charts.PALETTE) + 1)
    ]
    page = charts.page_charts(frame(*many))
    assert page.colouring.by == "reliability"
    assert page.colouring.domain[0] == "A — completely reliable"
    assert page.colouring.range == tuple(charts.RELIABILITY_COLOURS.values())
    assert "its 9 sources are more than the 8 colours" in page.colouring.note
    legend = layers(page.panels[0])["dot"]["encoding"]["color"]
    assert legend["title"] == "source reliability"


def test_two_sources_that_would_share_a_colour_are_coloured_by_reliability():
    first, second = titles_with_colour(charts.PALETTE[0], 2)
    page = charts.page_charts(frame(row(1, source_title=first), row(2, source_title=second)))
    assert page.colouring.by == "reliability"
    assert "some of its 2 sources would share a colour" in page.colouring.note


def test_long_source_names_wrap_in_the_legend_instead_of_being_cut():
    title = "A very long report title that goes on and on about the displacement " * 2
    page = charts.page_charts(frame(row(1, source_title=title)))
    [label] = page.colouring.domain
    assert all(len(line) <= charts.LABEL_CHARS for line in label.split("\n"))
    assert label.replace("\n", " ") == title.strip()
    assert charts.CONFIG["legend"]["labelLimit"] == 0  # never cut with "…"


# --- panels and axes ----------------------------------------------------------------------------


def test_a_lone_series_is_a_tall_panel_with_y_values_and_dated_ticks():
    page = charts.page_charts(frame(*(row(i, period_end=f"2019-0{i}-01") for i in range(1, 6))))
    [panel] = page.panels
    assert panel["height"] >= 250
    assert panel["title"]["text"] == ["Al Hol camp · camp residents · hosted (stock)"]
    y = layers(panel)["dot"]["encoding"]["y"]
    assert y["axis"]["format"] == charts.NUMBER_FORMAT and y["title"] == "people"
    x = panel["encoding"]["x"]
    assert x["axis"]["format"] == charts.DATE_FORMAT == "%-d %b %Y"  # 1 Mar 2019: with its year
    assert x["scale"]["type"] == "utc"
    assert panel["autosize"]["type"] == "fit-x"  # fits its column


def test_each_series_has_its_own_panel_and_y_scale_on_one_time_axis():
    page = charts.page_charts(
        frame(row(1, best="500", low="500", high="500"),
              row(2, series_id=2, location="Baghuz", best="60000", low="60000", high="60000",
                  period_end="2019-05-01"))
    )  # fmt: skip
    assert len(page.panels) == 2
    maxima = [layers(p)["dot"]["encoding"]["y"]["scale"]["domainMax"] for p in page.panels]
    assert maxima[0] < 1000 < 60000 < maxima[1]
    assert page.panels[0]["encoding"]["x"] == page.panels[1]["encoding"]["x"]


@pytest.mark.parametrize(
    ("start", "end", "first", "last"),
    [
        # the chosen period, a little room either side
        (date(2019, 1, 1), date(2019, 12, 31), date(2018, 12, 25), date(2020, 1, 7)),
        # no choice: the dates drawn
        (None, None, date(2019, 2, 28), date(2019, 4, 2)),
        # a flow ending after the chosen end is drawn whole: the axis reaches its end
        (date(2019, 1, 1), date(2019, 3, 15), date(2018, 12, 30), date(2019, 4, 2)),
    ],
)
def test_the_time_axis_spans_the_chosen_period(start, end, first, last):
    figures = frame(
        row(1),
        row(2, measure="flow", term="fled", period_start="2019-03-10", period_end="2019-04-01"),
    )
    scale = charts.page_charts(figures, start=start, end=end).panels[0]["encoding"]["x"]["scale"]
    as_date = [
        date(d["year"], d["month"], d["date"]) for d in (scale["domainMin"], scale["domainMax"])
    ]
    assert as_date[0] <= (start or date(2019, 3, 1)) and as_date[1] >= (end or date(2019, 4, 1))
    assert (first, last) == (as_date[0], as_date[1]) or (
        abs((as_date[0] - first).days) <= 1 and abs((as_date[1] - last).days) <= 1
    )


def test_a_log_scale_has_no_zero_and_says_how_many_bounds_it_left_out():
    figures = frame(
        row(1, low="0", best="10", high="20"), row(2, low="5000", best="5000", high="5000")
    )
    page = charts.page_charts(figures, log=True)
    y = layers(page.panels[0])["dot"]["encoding"]["y"]
    assert y["scale"]["type"] == "log" and y["title"] == "people (log scale)"
    assert page.zero_on_log == 1
    assert "down" in layers(page.panels[0])  # the lost low bound shows as open


def test_figures_without_a_date_are_counted_not_drawn():
    page = charts.page_charts(frame(row(1), row(2, period_end=None)))
    assert (page.figures, page.undated) == (1, 1)


def test_household_figures_are_people_when_sized_and_a_panel_of_their_own_when_not():
    page = charts.page_charts(
        frame(row(1, unit="households", household_size="5", low="100", best="100", high="100"),
              row(2, unit="households", low="40", best="40", high="40"))
    )  # fmt: skip
    titles = [" ".join(p["title"]["text"]) for p in page.panels]
    assert titles == [
        "Al Hol camp · camp residents · hosted (stock)",
        "Al Hol camp · camp residents · hosted (stock) — in households",
    ]
    sized = page.panels[0]["datasets"]["figures_0"].to_pandas().iloc[0]
    assert sized["dot"] == 500 and "households × 5 people each" in sized["estimate"]
    assert layers(page.panels[1])["dot"]["encoding"]["y"]["title"] == "households"


# --- marks: open bounds, status, consensus, flags ------------------------------------------------


@pytest.mark.parametrize(
    ("low", "best", "high", "drawn"),
    [
        ("30000", "30000", None, {"dot": 30000, "up": 30000}),  # more than 30,000
        (None, "5000", "5000", {"dot": 5000, "down": 5000}),  # up to 5,000
        (None, None, "5000", {"down": 5000}),  # fewer than 5,000: no dot
        ("4500", "5000", "5500", {"dot": 5000, "bar_low": 4500, "bar_high": 5500}),
    ],
)
def test_open_bounds_are_drawn_open(low, best, high, drawn):
    page = charts.page_charts(frame(row(1, low=low, best=best, high=high)))
    data = page.panels[0]["datasets"]["figures_0"].to_pandas().iloc[0]
    fields = ["dot", "up", "down", "bar_low", "bar_high"]
    assert {f: data[f] for f in fields if pd.notna(data[f])} == drawn
    estimate = data["estimate"]
    assert ("high open" in estimate) == (high is None) and ("low open" in estimate) == (low is None)


def test_candidates_are_hollow_and_rejected_figures_grey_with_status_and_reason():
    figures = frame(
        row(1),
        row(2, status="candidate", period_end="2019-03-05"),
        row(3, status="rejected", status_reason="counted twice", period_end="2019-03-09"),
    )
    [panel] = charts.page_charts(figures).panels
    drawn = layers(panel)
    assert drawn["dot_hollow"]["mark"]["filled"] is False
    assert drawn["dot"]["encoding"]["color"]["condition"] == {
        "test": "datum.greyed",
        "value": charts.GREY,
    }
    data = panel["datasets"]["figures_0"].to_pandas().set_index("figure")
    assert data.loc["2", "dot_hollow"] == 1000 and pd.isna(data.loc["2", "dot"])
    assert bool(data.loc["3", "greyed"]) and not bool(data.loc["1", "greyed"])
    assert data.loc["3", "status_text"] == "rejected: counted twice"
    tooltip = [t["title"] for t in drawn["dot"]["encoding"]["tooltip"]]
    assert tooltip[:4] == ["estimate", "series", "period", "status"]


def test_the_consensus_is_a_band_with_its_best_as_a_line_in_the_legend_with_a_tooltip():
    figures = frame(
        row(1, low="900", best="1000", high="1100", qualifier="approximately"),
        row(2, low="950", best="1050", high="1200", qualifier="approximately"),
        row(3, period_end="2019-04-01", low="2000", best="2000", high="2000"),
    )
    consensus, _ = analysed_frames(frame=frame_from_rows(figures))
    [panel] = charts.page_charts(figures, consensus).panels
    band = layers(panel)["c_low"]
    assert band["mark"]["type"] == "area" and band["encoding"]["y2"] == {"field": "c_high"}
    assert band["encoding"]["fill"]["title"] == "consensus of the figures"
    line, dash = [layer for layer in panel["layer"] if layer["encoding"]["y"]["field"] == "c_best"]
    assert line["mark"]["type"] == "line" and line["encoding"]["stroke"]["datum"] == "best"
    assert dash["mark"]["shape"] == "stroke"  # a dash at each date, wider than a dot
    assert [t["title"] for t in dash["encoding"]["tooltip"]][0] == "consensus"
    bands = panel["datasets"]["consensus_0"].to_pandas()
    assert list(bands["c_estimate"]) == [
        "low 950 · best 1,025 · high 1,100",
        "low 2,000 · best 2,000 · high 2,000",
    ]


def test_flagged_figures_are_ringed_and_the_ring_is_explained_in_the_legend():
    figures = frame(
        row(1, low="100", best="100", high="100"), row(2, low="900", best="900", high="900")
    )
    consensus, flags = analysed_frames(frame=frame_from_rows(figures))
    assert len(flags) == 1
    [panel] = charts.page_charts(figures, consensus, flags).panels
    ring = layers(panel)["ring"]
    assert ring["mark"]["color"] == charts.FLAG
    assert ring["encoding"]["shape"]["datum"].startswith("flagged: contradicts another figure")
    data = panel["datasets"]["figures_0"].to_pandas()
    assert data["flag_text"].str.contains("do not overlap").all()


# --- what the browser gets: no Vega-Lite warnings, text as text ---------------------------------


@pytest.fixture
def curated(tmp_path) -> str:
    url = f"sqlite:///{tmp_path / 'charts.db'}"
    actions.initialise(storage.engine_for(url), by="tester")
    return url


def page_of(url: str, flt: FigureFilter, page: int = 1, log: bool = False) -> charts.PageCharts:
    shown = views.shown_figures(storage.engine_for(url), flt, page)
    consensus, flags = analysed_frames(frame=frame_from_rows(shown.figures))
    return charts.page_charts(
        shown.figures, consensus, flags, start=flt.start, end=flt.end, log=log
    )


@pytest.mark.parametrize("log", [False, True])
@pytest.mark.parametrize("page", [1, 2, 3])
def test_every_panel_of_the_curated_figures_compiles_without_a_vega_lite_warning(
    curated, page, log, capfd
):
    for spec in page_of(curated, FigureFilter(), page, log).panels:
        vlc.vegalite_to_vega(charts.json_ready(spec), show_warnings=True)
    assert "WARN" not in capfd.readouterr().err


def test_text_from_sources_stays_text_in_the_saved_chart():
    planted = '<img src=x onerror="alert(1)"> [click](https://example.org) **bold**'
    page = charts.page_charts(frame(row(1, source_title=planted, quote=planted)))
    svg = charts.chart_svg(charts.export_spec(page, "Title " + planted, ["line " + planted]))
    assert "<img" not in svg and "&lt;img" in svg
    assert "[click](https://example.org) **bold**" in svg


# --- exports ------------------------------------------------------------------------------------


def test_a_saved_chart_carries_its_title_filters_source_line_and_the_app_colours(curated):
    from tracker.ui.charts_page import _page_labels, export_lines, filter_words

    flt = FigureFilter(locations=("Al Hol camp",), start=date(2019, 1, 1))
    shown = views.shown_figures(storage.engine_for(curated), flt)
    page = page_of(curated, flt)
    lines = export_lines(shown, page, flt, _page_labels(shown.series))
    assert filter_words(flt) == "accepted figures; location Al Hol camp; from 1 Jan 2019"
    spec = charts.export_spec(page, "Displacement figures over time", lines)
    svg = charts.chart_svg(spec)
    for text in ("Displacement figures over time", "Filters: accepted figures; location Al Hol",
                 f"{page.figures} figures from {page.sources} sources", "extract of"):  # fmt: skip
        assert text in svg, text
    for colour in page.colouring.range:
        assert colour in svg
    assert charts.chart_png(spec).startswith(b"\x89PNG")
    # The PNG draws the same panels as the page: one per series, each as tall as in the app.
    assert [p["height"] for p in spec["vconcat"]] == [charts.PLOT_HEIGHT] * len(page.panels)


def test_the_saved_chart_is_made_from_plain_json():
    page = charts.page_charts(frame(row(1)))
    spec = charts.export_spec(page, "t", [])
    json.dumps(spec)  # no frames, no NaN left in it
    assert not re.search(r"\bNaN\b", json.dumps(spec))


# --- the page of series (views) -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("figures", "per_page", "limit", "pages"),
    [
        ([3, 2, 1], 2, 100, [1, 1, 2]),  # two series a page
        ([1] * 9, 8, 100, [1] * 8 + [2]),  # the ninth series starts page 2
        ([60, 50, 10], 8, 100, [1, 2, 2]),  # a page holds at most `limit` figures
        ([500, 20], 8, 100, [1, 2]),  # a series over the limit has a page to itself
        ([], 8, 100, []),
    ],
)
def test_pages_of_series(figures, per_page, limit, pages):
    assert views.page_numbers(pd.Series(figures, dtype=int), per_page, limit) == pages


def test_every_series_that_matches_is_on_a_page(curated):
    engine = storage.engine_for(curated)
    first = views.shown_figures(engine, FigureFilter())
    assert (first.pages, len(first.series), first.matching_figures) == (3, 27, 60)
    seen = set()
    for number in range(1, first.pages + 1):
        shown = views.shown_figures(engine, FigureFilter(), number)
        assert shown.page == number and not len(shown.cut)
        seen |= set(pd.to_numeric(shown.figures["series_id"]))
    assert seen == set(first.series["series_id"])
    # A page past the last shows the last.
    assert views.shown_figures(engine, FigureFilter(), 99).page == 3


def test_a_series_with_more_figures_than_a_page_holds_is_cut_and_named(curated):
    engine = storage.engine_for(curated)
    flt = FigureFilter(locations=("Al Hol camp",), populations=("camp residents",))
    shown = views.shown_figures(engine, flt, limit=5)
    [cut] = shown.cut.itertuples()
    assert (cut.figures, cut.charted, len(shown.figures)) == (13, 5, 5)


def test_the_reason_shown_for_a_status_is_that_of_its_latest_change(curated):
    engine = storage.engine_for(curated)
    actions.retract(engine, [4], by="tester", reason="counted twice")
    actions.reopen(engine, [4], by="tester", reason="checked again")
    actions.edit_figure(engine, 4, {"credibility": 5}, by="tester", reason="a later edit")
    actions.retract(engine, [5], by="tester", reason="the camp was counted twice")
    assert views.status_reasons(engine, [4, 5, 6]) == {
        4: "checked again",
        5: "the camp was counted twice",
        6: "imported from syria_2019.csv",
    }
    shown = views.shown_figures(engine, FigureFilter(statuses=None, figure_ids=(4, 5, 6)))
    reasons = dict(zip(shown.figures["figure_id"], shown.figures["status_reason"], strict=True))
    assert reasons == {"4": "checked again", "5": "the camp was counted twice", "6": None}


def test_a_source_s_colour_is_the_same_from_its_stored_key_as_from_its_fields(curated):
    """The page reads each source's stored key; a frame without it (a script's, a test's) gets the
    same key, and so the same colour, from the source's title, publisher, URL and date."""
    rows = views.shown_figures(storage.engine_for(curated), FigureFilter(), 2).figures
    stored = charts.plot_frame(rows)["source_key"]
    computed = charts.plot_frame(rows.drop(columns="source_key"))["source_key"]
    assert stored.tolist() == computed.tolist()


def test_a_lone_figure_is_its_own_consensus_and_the_rest_keep_their_texts():
    """A date with one figure on its own draws no consensus (it would only repeat the figure);
    the consensus rows kept still carry their own tooltip texts."""
    figures = frame(
        row(9, series_id=2, location="Baghuz", term="fled", measure="flow", period_end="2019-01-05",
            low="500", best="500", high="500"),
        row(1, low="900", best="1000", high="1100", qualifier="approximately"),
        row(2, low="950", best="1050", high="1200", qualifier="approximately"),
        row(3, period_end="2019-04-01", low="2000", best="2000", high="2000"),
    )  # fmt: skip
    consensus, _ = analysed_frames(frame=frame_from_rows(figures))
    page = charts.page_charts(figures, consensus)
    flow, stock = page.panels  # in the order the series first appear
    assert flow["title"]["text"] == ["Baghuz · camp residents · fled (flow)"]
    assert flow["datasets"]["consensus_0"].num_rows == 0
    assert not [layer for layer in flow["layer"] if layer["data"]["name"] == "consensus_0"]
    bands = stock["datasets"]["consensus_1"].to_pandas()
    assert len(bands) == 2
    for best, estimate in zip(bands["c_best"], bands["c_estimate"], strict=True):
        assert f"best {best:,.0f}" in estimate


def test_panels_follow_the_order_of_the_page_most_figures_first(curated):
    shown = views.shown_figures(storage.engine_for(curated), FigureFilter())
    order = shown.page_series["series_id"].tolist()
    page = charts.page_charts(shown.figures, order=order)
    titles = [" ".join(p["title"]["text"]) for p in page.panels]
    assert titles[:2] == [
        "Al Hol camp · camp residents · hosted (stock)",
        "Al Hol camp · people · arrived (flow)",
    ]
    assert len(titles) == len(order)
