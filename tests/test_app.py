"""The Streamlit app, page by page, through streamlit.testing's AppTest on a real SQLite file."""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import date

import pytest
from streamlit.testing.v1 import AppTest

from tracker import actions, charts, storage, views
from tracker.store import FigureFilter, count_figures, extract_text, get_figure, history
from tracker.ui import common

from .conftest import ROOT

APP = str(ROOT / "streamlit_app.py")
SEED = (ROOT / "seeds" / "000_5e049728476cadbf.txt").read_text(encoding="utf-8")


@pytest.fixture
def database(tmp_path, monkeypatch) -> str:
    url = f"sqlite:///{tmp_path / 'app.db'}"
    monkeypatch.setenv("TRACKER_DATABASE_URL", url)
    monkeypatch.setenv("TRACKER_USER", "tester")
    return url


@pytest.fixture
def app(database) -> AppTest:
    # The first run imports pandas and the library and loads figures/: allow for it.
    return AppTest.from_file(APP, default_timeout=60).run()


def page(at: AppTest, name: str) -> AppTest:
    at.switch_page(f"tracker/ui/{name}_page.py").run()
    assert not at.exception, at.exception
    return at


def labels(at: AppTest) -> list[str]:
    return [b.label for b in at.download_button]


def errors(at: AppTest) -> list[str]:
    """The error messages shown, as read (messages are Markdown-escaped text)."""
    return [re.sub(r"\\(.)", r"\1", e.value) for e in at.error]


# --- charts -------------------------------------------------------------------------------------


def charts_shown(at: AppTest) -> list[dict]:
    """The panels of series (the map, a chart with a projection, is tested in test_maps)."""
    specs = [json.loads(c.proto.spec) for c in at.get("vega_lite_chart")]
    return [s for s in specs if "projection" not in s]


def figures_table(at: AppTest):
    [table] = [d.value for d in at.dataframe if "quote" in d.value]
    return table


def shown_ids(at: AppTest) -> set[int]:
    return {int(link.split("=")[1]) for link in figures_table(at)["figure"]}


def warnings(at: AppTest) -> list[str]:
    """The warnings shown, as read (they are Markdown-escaped text)."""
    return [re.sub(r"\\(.)", r"\1", w.value).replace("\u2060", "") for w in at.warning]


def test_a_fresh_database_loads_figures_and_charts_a_page_of_series(app, database):
    assert not app.exception
    assert count_figures(storage.engine_for(database)) == 60
    panels = charts_shown(app)
    assert len(panels) == views.PANEL_LIMIT  # a panel per series of the first page
    assert all(p["height"] >= 250 for p in panels)
    assert {
        "The 41 figures (CSV)",
        "The chart (PNG)",
        "The chart (SVG)",
        "Full extract (CSV)",
        "Full extract with HXL tags (CSV)",
    } <= set(labels(app))
    table = figures_table(app)
    assert "quote" in table and "link" in table and len(table) == 41
    # 25 sources are more than the colours that can be told apart: colour shows reliability.
    assert any(
        c.value.startswith("Colour shows the source's reliability (A–F), not the source: its 25")
        and "a red ring flags a figure" in c.value
        for c in app.caption
    )


def test_a_lone_series_gets_a_readable_panel(database):
    shared = AppTest.from_file(APP, default_timeout=60)
    shared.query_params.update(location="Al Hol camp", population="camp residents", term="hosted")
    shared.run()
    [panel] = charts_shown(shared)
    assert panel["height"] >= 250
    assert panel["title"]["text"] == ["Al Hol camp · camp residents · hosted (stock)"]
    assert shared.caption[0].value == "13 figures in 1 series, from 13 sources."
    assert "f_page" not in [s.key for s in shared.selectbox]  # one page: nothing to choose


def test_the_default_view_reaches_every_series_page_by_page(app):
    caption = app.caption[0].value
    assert caption.startswith("Series 1–10 of 27 (page 1 of 3): 41 figures in 10 series")
    assert "All 27 series that match hold 60 figures" in caption
    seen = shown_ids(app)
    for number in (2, 3):
        app.selectbox(key="f_page").set_value(number).run()
        assert app.query_params["page"] == str(number)
        seen |= shown_ids(app)
    assert seen == set(range(1, 61))
    # Every series, with its page, is listed too.
    [listed] = [d.value for d in app.dataframe if "series" in d.value]
    assert len(listed) == 27 and list(listed.columns) == ["series", "figures", "page"]
    # A filter change starts again from the first page.
    app.multiselect(key="f_location").set_value(["Baghuz", "Al Hol camp"]).run()
    assert app.selectbox(key="f_page").value == 1 and "page" not in app.query_params


def test_every_filter_round_trips_through_the_url_even_a_cleared_status(app):
    app.multiselect(key="f_country").set_value(["SYR"]).run()
    app.multiselect(key="f_location").set_value(["Al Hol camp"]).run()
    app.multiselect(key="f_status").set_value([]).run()
    app.radio(key="f_measure").set_value("stock").run()
    app.date_input(key="f_start").set_value(date(2019, 1, 1)).run()
    app.date_input(key="f_end").set_value(date(2019, 6, 30)).run()
    app.selectbox(key="f_reliability").set_value("C").run()
    app.radio(key="f_scale").set_value("log").run()
    params = {k: v if isinstance(v, list) else [v] for k, v in app.query_params.items()}
    assert params == {
        "country": ["SYR"], "location": ["Al Hol camp"], "status": [""], "measure": ["stock"],
        "reliability": ["C"], "scale": ["log"], "start": ["2019-01-01"], "end": ["2019-06-30"],
    }  # fmt: skip

    shared = AppTest.from_file(APP, default_timeout=60)
    shared.query_params.update({k: v for k, v in params.items()})
    shared.run()
    assert not shared.exception and not shared.warning
    assert shared.multiselect(key="f_status").value == []
    assert shared.radio(key="f_scale").value == "log"
    assert shared.date_input(key="f_end").value == date(2019, 6, 30)
    assert figures_table(shared).equals(figures_table(app))
    [panel] = charts_shown(shared)
    assert panel["layer"][0]["encoding"]["y"]["scale"]["type"] == "log"


def test_what_a_link_names_that_does_not_exist_is_said_not_dropped(database):
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params.update(
        location=["Baghuz", "Nowhere"], start="not-a-date", status="approved", page="x",
        colour="red", term="[click](https://example.org/phish)",
    )  # fmt: skip
    at.run()
    assert not at.exception
    [notice] = warnings(at)
    for said in (
        "location “Nowhere”: no figure has it",
        "start “not-a-date”: not a date (write it as 2019-03-22)",
        "status “approved”: not a status (one of candidate, accepted, rejected, retracted)",
        "page “x”: not a page number",
        "“colour”: not a filter of this page",
        "term “[click](https://example.org/phish)”: no figure has it",
    ):
        assert said in notice, said
    assert "](https" not in at.warning[0].value  # the link stays text
    assert at.multiselect(key="f_location").value == ["Baghuz"]  # what exists is kept
    # The notice stays until a filter changes.
    at.radio(key="f_measure").set_value("flow").run()
    assert not at.warning


def test_a_page_past_the_last_shows_the_last_and_says_so(database):
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params.update(page="9")
    at.run()
    assert warnings(at) == [
        "This link asks for what the tracker does not hold, so it is left out of the view: "
        "page 9: there are 3 pages of series."
    ]
    assert at.selectbox(key="f_page").value == 3 and at.query_params["page"] == "3"


def test_from_after_to_is_said_and_nothing_is_charted(database):
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params.update(start="2019-05-01", end="2019-03-01")
    at.run()
    assert [w for w in warnings(at) if "From (1 May 2019) is after To (1 Mar 2019)" in w]
    assert not at.get("vega_lite_chart")
    assert at.query_params["start"] == "2019-05-01"  # kept as given


def test_a_series_with_more_figures_than_a_page_holds_says_what_is_left_out(app, monkeypatch):
    monkeypatch.setattr(views, "CHART_LIMIT", 5)
    common.after_write()  # forget the pages read with the real limit
    app.multiselect(key="f_population").set_value(["camp residents"]).run()
    [notice] = warnings(app)
    assert notice.startswith(
        "Al Hol camp · camp residents · hosted (stock): 5 of its 13 figures are charted and listed"
    )
    assert "Narrow the dates or the status to see the rest" in notice
    assert len(figures_table(app)) == 5


def test_candidates_are_charted_only_on_request(app, database):
    page(app, "review")
    app.text_area(key="review_text").input(SEED).run()
    app.button(key="review_find").click().run()
    # No source was chosen: nothing is stored, and the source picker says why.
    assert "source_title: is required: every figure cites a source" in errors(app)
    assert count_figures(storage.engine_for(database)) == 60
    app.selectbox(key="review_source_id").select_index(0).run()
    app.button(key="review_find").click().run()
    assert not app.error
    page(app, "charts")
    app.multiselect(key="f_population").set_value(["civilians"]).run()
    assert "candidate" not in set(figures_table(app)["status"])
    app.multiselect(key="f_status").set_value(["accepted", "candidate"]).run()
    assert "candidate" in set(figures_table(app)["status"])
    assert any("hollow marks are candidates" in c.value for c in app.caption)


def test_a_retracted_figure_shows_only_when_chosen_greyed_with_its_reason(app, database):
    actions.retract(storage.engine_for(database), [4], by="tester", reason="counted twice")
    common.after_write()
    app.multiselect(key="f_population").set_value(["camp residents"]).run()
    assert 4 not in shown_ids(app)
    app.multiselect(key="f_status").set_value(["accepted", "retracted"]).run()
    assert 4 in shown_ids(app)
    table = figures_table(app).set_index("status")
    assert table.loc["retracted", "why"] == "counted twice"
    [panel] = charts_shown(app)
    assert panel["layer"][-1]["encoding"]["color"]["condition"]["value"] == charts.GREY


def test_the_table_writes_numbers_and_dates_as_the_chart_and_links_each_figure(app):
    [element] = [d for d in app.dataframe if "quote" in d.value]
    table, config = element.value, json.loads(element.proto.columns)
    assert table["figure"].str.fullmatch(r"figure\?id=\d+").all()
    assert config["figure"]["type_config"] == {"type": "link", "display_text": r"figure\?id=(\d+)"}
    for bound in ("low", "best", "high"):
        assert config[bound]["type_config"]["format"] == charts.TABLE_NUMBER_FORMAT == "%,d"
        assert table[bound].dtype.kind in "if"  # numbers, sorted as numbers
    assert table["high"].isna().any()  # an open bound is blank, not "None"
    assert config["to"]["type_config"]["format"] == "D MMM YYYY"  # 22 Mar 2019, as the chart
    assert element.proto.placeholder == ""  # missing values are blank, not "None"
    assert not (table.select_dtypes(["object", "str"]) == "None").any().any()


def test_the_view_download_holds_exactly_the_figures_shown(database, app):
    engine = storage.engine_for(database)
    shown = views.shown_figures(engine, FigureFilter(), page=2, per_page=3, limit=7)
    rows = list(csv.DictReader(io.StringIO(extract_text(engine, shown.flt, limit=shown.limit))))
    assert [r["figure_id"] for r in rows] == list(shown.figures["figure_id"])
    assert shown.matching_figures == 60 and shown.pages > 2


# --- entry --------------------------------------------------------------------------------------


def _new_source(at: AppTest, title: str = "Field report") -> None:
    at.radio(key="entry_source_mode").set_value("new").run()
    at.text_input(key="entry_src_title").input(title).run()
    at.date_input(key="entry_src_published").set_value(date(2019, 3, 22)).run()


def test_the_form_refuses_bad_input_with_each_field_message_and_saves_nothing(app, database):
    page(app, "entry")
    before = count_figures(storage.engine_for(database), FigureFilter(statuses=None))
    _new_source(app)
    app.text_input(key="entry_src_url").input("ftp://example.org/report").run()
    app.text_input(key="entry_country").input("XXX").run()
    app.button(key="entry_save").click().run()
    shown = errors(app)
    assert any(e.startswith("source_url:") and "http or https" in e for e in shown)
    assert any(e.startswith("country_iso3:") for e in shown)
    assert any(e.startswith("quote:") for e in shown)
    assert any(e.startswith("population:") for e in shown)
    assert any(e.startswith("qualifier:") for e in shown)
    assert count_figures(storage.engine_for(database), FigureFilter(statuses=None)) == before


def test_words_fill_the_estimate_and_the_period_before_saving(app):
    page(app, "entry")
    _new_source(app)
    app.text_input(key="entry_words").input("tens of thousands").run()
    values = [app.number_input(key=f"entry_{b}").value for b in ("low", "best", "high")]
    assert values == [20000, 50000, 99999]
    assert app.selectbox(key="entry_qualifier").value == "vague_magnitude"
    app.text_input(key="entry_period_words").input("in the past week").run()
    assert app.date_input(key="entry_start").value == date(2019, 3, 16)
    assert app.date_input(key="entry_end").value == date(2019, 3, 22)


def test_a_good_figure_is_saved_recorded_by_its_author_and_charted_at_once(app, database):
    page(app, "entry")
    _new_source(app, "Camp update")
    app.text_area(key="entry_quote").input("Some 7,000 people arrived at Al Hol camp.").run()
    app.selectbox(key="entry_population").set_value("people").run()
    app.selectbox(key="entry_term").set_value("arrived").run()
    app.text_input(key="entry_location").input("Al Hol camp").run()
    app.text_input(key="entry_country").input("SYR").run()
    app.text_input(key="entry_words").input("some 7,000").run()
    app.text_input(key="entry_period_words").input("in the past week").run()
    app.button(key="entry_save").click().run()
    assert not app.error, [e.value for e in app.error]
    assert "Saved figure" in app.success[0].value
    figure_id = int(app.success[0].value.split()[2].rstrip(","))
    engine = storage.engine_for(database)
    saved = get_figure(engine, figure_id)
    assert (saved["low"], saved["best"], saved["high"]) == ("6300", "7000", "7700")
    assert saved["source_title"] == "Camp update" and saved["origin"] == "entered"
    assert history(engine, figure_id)[0].changed_by == "tester"

    page(app, "charts")
    app.multiselect(key="f_location").set_value(["Al Hol camp"]).run()
    assert figure_id in shown_ids(app)


# --- review, sources, history -------------------------------------------------------------------


def _find_in_seed(at: AppTest) -> list[int]:
    page(at, "review")
    at.radio(key="review_source_mode").set_value("new").run()
    # A wire copy of the seed article: the curated figures cite the original, and candidates
    # identical to those (same source, quote, series, period and estimate) would be skipped.
    at.text_input(key="review_src_title").input("Islamic State Loses Caliphate (wire copy)").run()
    at.date_input(key="review_src_published").set_value(date(2019, 3, 22)).run()
    at.text_area(key="review_text").input(SEED).run()
    at.button(key="review_find").click().run()
    return [int(b.key.split("_")[1]) for b in at.button if b.key and b.key.endswith("_accept")]


def test_review_shows_candidates_in_their_sentence_with_the_number_highlighted(app):
    ids = _find_in_seed(app)
    assert len(ids) == 3
    marked = [m.value for m in app.markdown if ":orange-background[" in m.value]
    assert any("**upward of 30,000**" in m for m in marked)
    assert any("Download these 3 candidates" in label for label in labels(app))


def test_review_accepts_an_edited_candidate_and_rejects_one_only_with_a_reason(app, database):
    engine = storage.engine_for(database)
    first, second, _ = _find_in_seed(app)
    app.text_input(key=f"review_{first}_population").input("women and children").run()
    app.button(key=f"review_{first}_accept").click().run()
    accepted = get_figure(engine, first)
    assert accepted["status"] == "accepted" and accepted["population"] == "women and children"
    # The edit and the acceptance are one action: one revision records both.
    *_, last = history(engine, first)
    assert last.action == "accepted"
    assert last.changes["population"][1] == "women and children"

    app.button(key=f"review_{second}_reject").click().run()
    assert any("why it is rejected" in e for e in errors(app))
    assert get_figure(engine, second)["status"] == "candidate"
    app.text_input(key=f"review_{second}_reason").input("counted twice").run()
    app.button(key=f"review_{second}_reject").click().run()
    assert get_figure(engine, second)["status"] == "rejected"
    assert history(engine, second)[-1].reason == "counted twice"
    assert app.subheader[-1].value == "Candidates awaiting review: 1"


def test_sources_list_their_figure_counts(app):
    page(app, "sources")
    table = app.dataframe[0].value
    assert table["figures"].sum() == 60
    assert (
        table.loc[table["title"] == "Islamic State Loses Caliphate in Syria", "figures"].item() == 3
    )


# --- text from sources is shown as text ----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "[click](https://evil.example)",
        "![x](https://evil.example/x.png)",
        "<img src=x onerror=1>",
        "$x$ :red[alarm] **bold**",
    ],
)
def test_markdown_from_sources_is_escaped(text):
    escaped = common.escape_markdown(text)
    for mark in "[]()<>$:*!":
        assert mark not in escaped.replace("\\" + mark, "")


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("https://example.org/a", "https://example.org/a"),
        ("javascript:alert(1)", None),
        (None, None),
        ("data:text/html,x", None),
    ],
)
def test_only_http_links_are_clickable(url, shown):
    assert common.http_url(url) == shown
