"""The Streamlit app, page by page, through streamlit.testing's AppTest on a real SQLite file."""

from __future__ import annotations

import csv
import io
import re
from datetime import date

import pytest
from streamlit.testing.v1 import AppTest

from tracker import charts, storage, views
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
    # The first run imports pandas, Altair and the library and loads figures/: allow for it.
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


def test_a_fresh_database_loads_figures_and_charts_them(app, database):
    assert not app.exception
    assert count_figures(storage.engine_for(database)) == 60
    assert len(app.get("vega_lite_chart")) == 1
    assert any(label.startswith("Download these") for label in labels(app))
    assert {
        "Save the chart as PNG",
        "Save the chart as SVG",
        "Full extract (CSV)",
        "Full extract with HXL tags (CSV)",
    } <= set(labels(app))
    table = app.dataframe[0].value
    assert "quote" in table and "link" in table and len(table) > 0


def test_filters_go_into_the_url_and_a_shared_url_opens_the_same_view(app, database):
    app.multiselect(key="f_location").set_value(["Baghuz"]).run()
    app.radio(key="f_measure").set_value("flow").run()
    assert app.query_params["location"] == "Baghuz"
    assert app.query_params["measure"] == "flow"
    shown = set(app.dataframe[0].value["location"])
    assert shown == {"Baghuz"}
    assert set(app.dataframe[0].value["measure"]) == {"flow"}

    shared = AppTest.from_file(APP, default_timeout=60)
    shared.query_params.update(location="Baghuz", measure="flow")
    shared.run()
    assert not shared.exception
    assert shared.multiselect(key="f_location").value == ["Baghuz"]
    assert len(shared.dataframe[0].value) == len(app.dataframe[0].value)


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
    assert "candidate" not in set(app.dataframe[0].value["status"])
    app.multiselect(key="f_status").set_value(["accepted", "candidate"]).run()
    assert "candidate" in set(app.dataframe[0].value["status"])


def test_the_view_download_holds_exactly_the_figures_shown(database, app):
    engine = storage.engine_for(database)
    shown = views.shown_figures(engine, FigureFilter(), panel_limit=3, limit=7)
    rows = list(csv.DictReader(io.StringIO(extract_text(engine, shown.flt, limit=7))))
    assert [r["figure_id"] for r in rows] == list(shown.figures["figure_id"])
    assert shown.capped and shown.matching_figures == 60


def test_the_chart_draws_open_bounds_as_open_and_saves_as_png_and_svg(database, app):
    engine = storage.engine_for(database)
    figures = views.capped_rows(engine, FigureFilter(figure_ids=(1, 2)))
    frame = charts.plot_frame(figures)
    open_high = frame.set_index("figure_id").loc["1"]
    assert open_high["high"] != open_high["high"]  # NaN: no made-up upper bound
    assert open_high["open_high_at"] == 30000
    spec = charts.figure_spec(figures)
    assert charts.chart_png(spec).startswith(b"\x89PNG")
    assert "<svg" in charts.chart_svg(spec)


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
    assert str(figure_id) in set(app.dataframe[0].value["figure"].astype(str))


# --- review, sources, history -------------------------------------------------------------------


def _find_in_seed(at: AppTest) -> list[int]:
    page(at, "review")
    at.radio(key="review_source_mode").set_value("new").run()
    at.text_input(key="review_src_title").input("Islamic State Loses Caliphate in Syria").run()
    at.date_input(key="review_src_published").set_value(date(2019, 3, 22)).run()
    # The curated figures cite this article already, graded as news: the same source must be
    # graded the same way (a different grade is refused, and named, under its field).
    at.selectbox(key="review_src_kind").set_value("news").run()
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
