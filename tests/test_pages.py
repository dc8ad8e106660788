"""The figure, sources, history and entry pages through AppTest, on a real SQLite file holding the
curated figures and figures whose source, quote and names carry planted Markdown."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from streamlit.testing.v1 import AppTest

from tracker import actions, storage, views
from tracker.store import FigureFilter, count_figures, get_figure, history
from tracker.ui import common
from tracker.validation import check_rows, figure_row

from .conftest import ROOT

APP = str(ROOT / "streamlit_app.py")
# A link, an image that would be fetched, and coloured text: each must stay text on every page.
PLANT = (
    "Report [click here](https://example.org/phish) ![img](https://example.org/track.png) :red[RED]"
)
# What would render: the link, the image, the colour, and the bare address (GFM links it even
# when its marks are escaped).
RAW = ("[click here](", "![img](", ":red[", "://example.org")
PLANTED_SOURCE = {
    "source_title": PLANT,
    "source_publisher": "Planted " + PLANT,
    "source_url": "https://example.org/report",
    "source_published_on": "2019-03-20",
    "source_kind": "ngo",
    "source_reliability": "C",
}
PLANTED_FIGURE = {
    **PLANTED_SOURCE,
    "quote": "Some 1,200 people fled Planted Town this week. " + PLANT,
    "attributed_to": "aid workers " + PLANT,
    "population": "planted people " + PLANT,
    "term": "fled",
    "measure": "flow",
    "location": "Planted Town " + PLANT,
    "country_iso3": "SYR",
    "low": 1080,
    "best": 1200,
    "high": 1320,
    "qualifier": "approximately",
    "period_start": "2019-03-14",
    "period_end": "2019-03-20",
    "date_precision": "week",
    "credibility": 3,
    "notes": "Planted notes " + PLANT,
}


def plant(engine) -> dict[str, int]:
    """The curated figures, then an accepted figure, a candidate and a revision whose texts hold
    Markdown; returns their ids (and the planted source's)."""
    actions.import_extract(engine, actions.FIGURES_DIR / "syria_2019.csv", by="curator")
    accepted = actions.add_figure(engine, PLANTED_FIGURE, by="curator")
    candidate = actions.add_figure(
        engine,
        {**PLANTED_FIGURE, "status": "candidate", "origin": "extracted", "best": 1250},
        by="extractor " + PLANT,
    )
    actions.edit_figure(engine, accepted, {"credibility": 2}, by="curator", reason="why " + PLANT)
    source_id = int(views.figure_detail(engine, accepted)["source_id"])
    return {"accepted": accepted, "candidate": candidate, "source": source_id}


@pytest.fixture
def database(tmp_path, monkeypatch) -> str:
    url = f"sqlite:///{tmp_path / 'app.db'}"
    monkeypatch.setenv("TRACKER_DATABASE_URL", url)
    monkeypatch.setenv("TRACKER_USER", "tester")
    return url


@pytest.fixture
def engine(database):
    engine = storage.engine_for(database)
    storage.create_schema(engine)
    return engine


@pytest.fixture
def planted(engine) -> dict[str, int]:
    return plant(engine)


@pytest.fixture
def app(planted) -> AppTest:
    return AppTest.from_file(APP, default_timeout=60).run()


def open_page(at: AppTest, name: str, **params: str) -> AppTest:
    at.query_params.clear()
    at.query_params.update(params)
    at.switch_page(f"tracker/ui/{name}_page.py").run()
    assert not at.exception, at.exception
    return at


def plain(markdown: str) -> str:
    """Markdown-escaped text as read (escapes and word joiners dropped)."""
    return re.sub(r"\\(.)", r"\1", markdown).replace("\u2060", "")


def errors(at: AppTest) -> list[str]:
    return [plain(e.value) for e in at.error]


def button(at: AppTest, key: str):
    [found] = [b for b in at.button if b.key == key]
    return found


# Elements whose text Streamlit renders as Markdown, and the Markdown fields of widgets.
MARKDOWN_BODIES = {"markdown", "caption", "title", "header", "subheader", "error", "warning",
                   "info", "success", "toast", "badge", "latex"}  # fmt: skip


def rendered_markdown(at: AppTest) -> list[str]:
    """Every text of the page that Streamlit renders as Markdown (not dataframes, not the values
    inside inputs, not selectbox options, which are shown as text)."""
    found: list[str] = []

    def walk(node) -> None:
        for child in getattr(node, "children", {}).values():
            walk(child)
        kind = getattr(node, "type", None)
        proto = getattr(node, "proto", None)
        if proto is None:
            return
        if kind in MARKDOWN_BODIES and hasattr(proto, "body"):
            found.append(proto.body)
        for field in ("label", "help", "placeholder"):
            value = getattr(proto, field, None)
            if isinstance(value, str):
                found.append(value)
        if kind == "radio":
            found.extend(proto.options)

    walk(at._tree)
    return found


def assert_text_stays_text(at: AppTest) -> None:
    for text in rendered_markdown(at):
        for raw in RAW:
            assert raw not in text, text


# --- the figure page ------------------------------------------------------------------------------


def test_the_figure_page_shows_the_figure_its_source_quote_series_and_revisions(app, planted):
    figure_id = planted["accepted"]
    open_page(app, "figure", id=str(figure_id))
    assert app.title[0].value == f"Figure {figure_id}"
    assert app.number_input(key="fig_id").value == figure_id
    shown = [plain(m) for m in rendered_markdown(app)]
    assert any(PLANTED_FIGURE["quote"] in t for t in shown)  # the quote, as text
    assert any(PLANT in t for t in shown)  # the source's title
    assert any("2 — probably true" in t for t in shown)  # credibility as edited
    series, revisions = app.dataframe[0].value, app.dataframe[1].value
    assert f"figure?id={figure_id}" in set(series["figure"])
    assert f"figure?id={planted['candidate']}" in set(series["figure"])  # same series
    assert list(revisions["action"]) == ["created", "edited"]
    assert revisions["why"].iloc[-1] == "why " + PLANT
    assert f"Download figure {figure_id} (CSV)" in [b.label for b in app.download_button]
    assert_text_stays_text(app)


def test_the_figure_page_without_a_figure_asks_for_one_and_an_unknown_one_is_named(app):
    open_page(app, "figure")
    assert "Give a figure's number" in app.info[0].value
    open_page(app, "figure", id="99999")
    assert "figure 99999 does not exist" in plain(app.warning[0].value)


def test_an_edit_with_a_reason_is_saved_as_a_new_revision(app, planted, engine):
    figure_id = planted["accepted"]
    open_page(app, "figure", id=str(figure_id))
    app.number_input(key=f"fig_{figure_id}_high").set_value(1500.0)
    app.text_input(key=f"fig_{figure_id}_location").input("Planted Town")
    app.text_input(key=f"fig_{figure_id}_why").input("the agency corrected its count")
    button(app, f"fig_{figure_id}_save").click().run()
    assert not app.error, errors(app)
    assert "saved as revision 3" in app.success[0].value
    stored = get_figure(engine, figure_id)
    assert (stored["high"], stored["location"], stored["revision"]) == ("1500", "Planted Town", "3")
    last = history(engine, figure_id)[-1]
    assert (last.action, last.changed_by, last.reason) == (
        "edited", "tester", "the agency corrected its count"
    )  # fmt: skip
    assert set(last.changes) == {"high", "location"}
    # The form now holds the new revision: a second edit is not refused as stale.
    app.number_input(key=f"fig_{figure_id}_low").set_value(1000.0)
    button(app, f"fig_{figure_id}_save").click().run()
    assert not app.error, errors(app)
    assert get_figure(engine, figure_id)["revision"] == "4"


def test_a_stale_edit_is_refused_with_the_library_message_and_nothing_is_applied(
    app, planted, engine
):
    figure_id = planted["accepted"]
    open_page(app, "figure", id=str(figure_id))
    # Someone else changes the figure after the page was opened (revision 2 → 3).
    actions.edit_figure(engine, figure_id, {"notes": "checked"}, by="someone", reason="checked")
    app.text_input(key=f"fig_{figure_id}_population").input("everyone")
    app.text_input(key=f"fig_{figure_id}_why").input("my edit")
    button(app, f"fig_{figure_id}_save").click().run()
    assert errors(app) == [
        f"figure {figure_id} changed since you opened it (revision 3 by someone); reload it to "
        "see the change, then edit again"
    ]
    stored = get_figure(engine, figure_id)
    assert stored["population"] == PLANTED_FIGURE["population"]
    assert stored["revision"] == "3" and len(history(engine, figure_id)) == 3
    # Accepting or saving again is refused alike; reloading opens revision 3, which saves.
    button(app, f"fig_{figure_id}_reload").click().run()
    assert app.text_area(key=f"fig_{figure_id}_notes").value == "checked"
    app.text_input(key=f"fig_{figure_id}_population").input("everyone")
    button(app, f"fig_{figure_id}_save").click().run()
    assert not app.error, errors(app)
    assert get_figure(engine, figure_id)["population"] == "everyone"


def test_a_stale_acceptance_is_refused_too(app, planted, engine):
    figure_id = planted["candidate"]
    open_page(app, "figure", id=str(figure_id))
    actions.edit_figure(engine, figure_id, {"best": 1210}, by="someone")
    button(app, f"fig_{figure_id}_to_accepted").click().run()
    assert "changed since you opened it (revision 2 by someone)" in errors(app)[0]
    assert get_figure(engine, figure_id)["status"] == "candidate"


def test_a_figure_is_retracted_reopened_accepted_and_rejected_through_the_library(
    app, planted, engine
):
    figure_id = planted["accepted"]
    open_page(app, "figure", id=str(figure_id))
    assert {b.key for b in app.button} >= {f"fig_{figure_id}_to_retracted"}
    button(app, f"fig_{figure_id}_to_retracted").click().run()
    # The library's rule and message: a retraction needs a reason.
    assert errors(app) == [f"figure {figure_id}: making it retracted needs a reason"]
    assert get_figure(engine, figure_id)["status"] == "accepted"

    app.text_input(key=f"fig_{figure_id}_why").input("counted twice")
    button(app, f"fig_{figure_id}_to_retracted").click().run()
    assert get_figure(engine, figure_id)["status"] == "retracted"
    app.text_input(key=f"fig_{figure_id}_why").input("not a double count after all")
    button(app, f"fig_{figure_id}_to_candidate").click().run()
    assert get_figure(engine, figure_id)["status"] == "candidate"
    # Accepting takes the form's edits with it, in one revision.
    app.number_input(key=f"fig_{figure_id}_best").set_value(1210.0)
    button(app, f"fig_{figure_id}_to_accepted").click().run()
    stored = get_figure(engine, figure_id)
    assert (stored["status"], stored["best"]) == ("accepted", "1210")
    assert [e.action for e in history(engine, figure_id)][-3:] == [
        "retracted", "reopened", "accepted"
    ]  # fmt: skip

    other = planted["candidate"]
    open_page(app, "figure", id=str(other))
    app.text_input(key=f"fig_{other}_why").input("repeats figure " + str(figure_id))
    button(app, f"fig_{other}_to_rejected").click().run()
    assert get_figure(engine, other)["status"] == "rejected"


def test_a_bad_edit_shows_each_problem_under_its_field_and_saves_nothing(app, planted, engine):
    figure_id = planted["accepted"]
    open_page(app, "figure", id=str(figure_id))
    app.number_input(key=f"fig_{figure_id}_low").set_value(5000.0)
    app.text_input(key=f"fig_{figure_id}_country_iso3").input("XXX")
    button(app, f"fig_{figure_id}_save").click().run()
    shown = errors(app)
    assert "Nothing was saved: fix the fields marked above." in shown
    assert any(e.startswith("low: is more than best (1,200) and high (1,320)") for e in shown)
    assert any(e.startswith("best: is less than low (5,000)") for e in shown)
    assert any(e.startswith("country_iso3: 'XXX' is not an ISO 3166-1") for e in shown)
    assert get_figure(engine, figure_id)["revision"] == "2"


# --- sources --------------------------------------------------------------------------------------


def test_a_source_shows_its_figures_linked_to_their_pages(app, planted):
    source_id = planted["source"]
    open_page(app, "sources", id=str(source_id))
    assert app.selectbox(key="src_id").value == source_id
    assert app.subheader[0].value == "Its figures: 2"
    figures = app.dataframe[1].value
    assert set(figures["figure"]) == {
        f"figure?id={planted['accepted']}", f"figure?id={planted['candidate']}"
    }  # fmt: skip
    assert_text_stays_text(app)


def test_a_source_without_publisher_address_or_date_opens_with_dashes(app, engine):
    bare = {**PLANTED_FIGURE, "source_title": "Bare note", "source_publisher": None,
            "source_url": None, "source_published_on": None, "quote": "A bare quote."}  # fmt: skip
    source_id = int(
        views.figure_detail(engine, actions.add_figure(engine, bare, by="x"))["source_id"]
    )
    open_page(app, "sources", id=str(source_id))
    facts = [m.value for m in app.markdown if m.value.startswith("**Publisher:**")]
    assert facts == ["**Publisher:** —  \n**Published:** —  \n**Kind:** ngo  \n"
                     "**Reliability:** C — fairly reliable"]  # fmt: skip
    assert app.text_input(key=f"src_{source_id}_source_publisher").value == ""
    assert not [t.value for t in app.text if t.value.startswith("Address:")]


def test_a_source_is_changed_once_for_all_its_figures(app, planted, engine):
    source_id = planted["source"]
    open_page(app, "sources", id=str(source_id))
    app.text_input(key=f"src_{source_id}_source_title").input("Planted report")
    app.selectbox(key=f"src_{source_id}_source_reliability").set_value("B")
    app.text_input(key=f"src_{source_id}_why").input("title as printed")
    button(app, f"src_{source_id}_save").click().run()
    assert not app.error, errors(app)
    assert "each of its 2 figures has a revision" in plain(app.success[0].value)
    for figure_id in (planted["accepted"], planted["candidate"]):
        stored = get_figure(engine, figure_id)
        assert (stored["source_title"], stored["source_reliability"]) == ("Planted report", "B")
        last = history(engine, figure_id)[-1]
        assert (last.action, last.reason) == ("source_edited", "title as printed")


def test_a_bad_source_edit_shows_the_problem_under_its_field(app, planted, engine):
    source_id = planted["source"]
    open_page(app, "sources", id=str(source_id))
    app.text_input(key=f"src_{source_id}_source_url").input("ftp://example.org/x")
    button(app, f"src_{source_id}_save").click().run()
    assert any(
        e.startswith("source_url: 'ftp://example.org/x' is not an http") for e in errors(app)
    )
    assert get_figure(engine, planted["accepted"])["source_url"] == "https://example.org/report"


def test_two_sources_are_merged_and_the_merged_one_leaves_the_list(app, planted, engine):
    keep = planted["source"]
    twin = actions.add_figure(
        engine,
        {**PLANTED_FIGURE, "source_title": "Planted twin", "quote": "Twin quote.", "best": 1201},
        by="curator",
    )
    twin_source = int(views.figure_detail(engine, twin)["source_id"])
    open_page(app, "sources", id=str(keep))
    app.selectbox(key=f"src_{keep}_merge").set_value(twin_source)
    app.text_input(key=f"src_{keep}_merge_why").input("the same report")
    button(app, f"src_{keep}_merge_go").click().run()
    assert not app.error, errors(app)
    assert f"Source {twin_source} is merged into source {keep}" in plain(app.success[0].value)
    assert get_figure(engine, twin)["source_title"] == PLANT
    assert history(engine, twin)[-1].action == "source_merged"
    assert twin_source not in set(app.dataframe[0].value["source_id"])
    assert app.subheader[0].value == "Its figures: 3"


# --- history: finding a figure ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("fled planted town", {"accepted", "candidate"}),  # words of the quote and location
        ("CLICK HERE report", {"accepted", "candidate"}),  # of the source, in any case
        ("Planted Town", {"accepted", "candidate"}),  # of the location
        ("Baghuz nowhere-at-all", set()),  # every word must be found
    ],
)
def test_history_finds_figures_by_words_and_links_them(app, planted, words, expected):
    open_page(app, "history")
    app.text_input(key="hist_q").input(words).run()
    assert app.query_params["q"] == words
    if not expected:
        assert "No figure holds all these words" in app.info[0].value
        return
    found = set(app.dataframe[0].value["figure"])
    assert {f"figure?id={planted[name]}" for name in expected} <= found
    assert_text_stays_text(app)


def test_history_finds_a_figure_by_its_number_and_lists_the_latest_changes(app, planted):
    open_page(app, "history", q=str(planted["accepted"]))
    assert app.text_input(key="hist_q").value == str(planted["accepted"])
    assert f"figure?id={planted['accepted']}" in set(app.dataframe[0].value["figure"])
    latest = app.dataframe[1].value
    assert latest["figure_id"].iloc[0] == f"figure?id={planted['accepted']}"
    assert latest["reason"].iloc[0] == "why " + PLANT


# --- the entry form -------------------------------------------------------------------------------


def _fill(at: AppTest, quote: str) -> None:
    at.selectbox(key="entry_source_id").select_index(0).run()
    at.text_area(key="entry_quote").input(quote).run()
    at.selectbox(key="entry_population").set_value("people").run()
    at.text_input(key="entry_location").input("Al Hol camp").run()
    at.text_input(key="entry_words").input("some 7,000").run()


FIGURE_KEYS = ("quote", "attributed_to", "population", "location", "country", "words", "low",
               "best", "high", "qualifier", "period_words", "start", "end", "notes")  # fmt: skip


def test_a_saved_figure_clears_every_field_of_it_and_the_next_needs_no_dates(app, engine):
    open_page(app, "entry")
    _fill(app, "Some 7,000 people arrived at Al Hol camp.")
    app.date_input(key="entry_end").set_value(date(2019, 3, 20)).run()
    app.selectbox(key="entry_precision").set_value("day").run()
    app.button(key="entry_save").click().run()
    assert not app.error, errors(app)
    assert app.selectbox(key="entry_precision").value == ""
    for name in FIGURE_KEYS:
        assert app.session_state[f"entry_{name}"] in (None, ""), name
    assert app.selectbox(key="entry_term").value == "fled"
    assert app.selectbox(key="entry_credibility").value == 6
    # The source stays picked; a next figure without dates saves.
    _fill(app, "Another 7,000 people arrived at Al Hol camp.")
    app.button(key="entry_save").click().run()
    assert not app.error, errors(app)
    assert "Saved figure" in app.success[0].value


def test_bounds_out_of_order_show_under_each_bound_involved(app):
    open_page(app, "entry")
    _fill(app, "Between 2,000 and 3,000 people arrived.")
    app.selectbox(key="entry_qualifier").set_value("between").run()
    for bound, value in (("low", 5000.0), ("best", 2000.0), ("high", 3000.0)):
        app.number_input(key=f"entry_{bound}").set_value(value).run()
    app.button(key="entry_save").click().run()
    shown = errors(app)
    assert (
        "low: is more than best (2,000) and high (3,000); bounds must satisfy low ≤ best ≤ high"
        in shown
    )
    assert "best: is less than low (5,000); bounds must satisfy low ≤ best ≤ high" in shown
    assert "high: is less than low (5,000); bounds must satisfy low ≤ best ≤ high" in shown


@pytest.mark.parametrize("field", ["start", "end", "src_published"])
def test_a_date_in_the_future_is_refused_under_its_field(app, engine, field):
    before = count_figures(engine, FigureFilter(statuses=None))
    open_page(app, "entry")
    if field == "src_published":
        app.radio(key="entry_source_mode").set_value("new").run()
        app.text_input(key="entry_src_title").input("A report from the future").run()
    _fill_new_or_existing(app, field)
    future = date.today() + timedelta(days=30)
    app.date_input(key=f"entry_{field}").set_value(future).run()
    if field != "src_published":
        app.selectbox(key="entry_precision").set_value("day").run()
    app.button(key="entry_save").click().run()
    column = {"start": "period_start", "end": "period_end", "src_published": "source_published_on"}
    assert (
        f"{column[field]}: {future.isoformat()} is in the future; a date may be today at the latest"
        in errors(app)
    )
    assert count_figures(engine, FigureFilter(statuses=None)) == before


def _fill_new_or_existing(at: AppTest, field: str) -> None:
    if field != "src_published":
        at.selectbox(key="entry_source_id").select_index(0).run()
    at.text_area(key="entry_quote").input("Some 7,000 people arrived at Al Hol camp.").run()
    at.selectbox(key="entry_population").set_value("people").run()
    at.text_input(key="entry_words").input("some 7,000").run()


@pytest.mark.parametrize(
    ("change", "column"),
    [
        ({"period_end": "2100-01-01"}, "period_end"),
        ({"period_start": "2100-01-01", "period_end": "2100-01-02"}, "period_start"),
        ({"source_published_on": "2100-01-01"}, "source_published_on"),
    ],
)
def test_the_one_validation_path_refuses_future_dates(change, column):
    values = {**PLANTED_FIGURE, "created_by": "x", "origin": "entered", **change}
    _, problems = check_rows(figure_row(values))
    assert any(p.column == column and "is in the future" in p.message for p in problems)


def test_today_is_a_date_anyone_may_give():
    values = {**PLANTED_FIGURE, "created_by": "x", "origin": "entered",
              "period_start": None, "period_end": date.today().isoformat()}  # fmt: skip
    _, problems = check_rows(figure_row(values))
    assert problems == []


# --- text stays text --------------------------------------------------------------------------


def test_the_recorded_as_name_and_period_words_are_shown_as_text(app):
    open_page(app, "entry")
    app.sidebar.text_input(key="user").input("Ana " + PLANT).run()
    app.text_input(key="entry_period_words").input("in the past week " + PLANT).run()
    _fill(app, "Some 7,000 people arrived at Al Hol camp.")
    app.button(key="entry_save").click().run()
    assert not app.error, errors(app)
    assert "entered by Ana " + PLANT in plain(app.success[0].value)
    assert_text_stays_text(app)
    app.text_input(key="entry_period_words").input("since " + PLANT).run()
    assert any(PLANT in plain(c.value) for c in app.caption)
    assert_text_stays_text(app)


@pytest.mark.parametrize(
    "text",
    ["see https://example.org/phish", "www.example.org", "write to info@example.org",
     "HTTP://EXAMPLE.ORG"],
)  # fmt: skip
def test_bare_addresses_are_not_linked_but_read_the_same(text):
    escaped = common.escape_markdown(text)
    assert "://" not in escaped and "www." not in escaped.replace("\\", "")
    assert not re.search(r"\w@", escaped)
    assert plain(escaped) == text


@pytest.mark.parametrize(
    ("publisher", "published_on", "label"),
    [
        (None, None, "Camp update"),
        (float("nan"), date(2019, 3, 22), "Camp update · 2019-03-22"),  # pandas' missing value
        ("UNHCR", None, "Camp update · UNHCR"),
    ],
)
def test_a_source_label_leaves_out_what_is_missing(publisher, published_on, label):
    row = {"title": "Camp update", "publisher": publisher, "published_on": published_on}
    assert common.source_label(row) == label


@pytest.mark.parametrize("name", ["charts", "entry", "review", "sources", "history", "figure"])
def test_no_page_renders_planted_markdown(app, planted, name):
    params = {"figure": {"id": str(planted["accepted"])}, "sources": {"id": str(planted["source"])},
              "history": {"q": "planted"}}.get(name, {})  # fmt: skip
    open_page(app, name, **params)
    assert_text_stays_text(app)


def test_review_shows_a_planted_source_title_as_text(app, planted):
    open_page(app, "review")
    captions = [c.value for c in app.caption if "Candidate figure" in c.value]
    assert any(PLANT in plain(c) for c in captions)
    assert_text_stays_text(app)
