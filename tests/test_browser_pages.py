"""The figure, sources, history, entry and review pages in a real browser: `streamlit run` on a
loopback port over a database holding planted Markdown, driven by Debian's Chromium.

Each page is also photographed at 1024 and 1440 pixels wide, into $TRACKER_SCREENSHOTS (default: a
folder tracker-screenshots in the system's temporary folder), for a person to look at.
"""

from __future__ import annotations

import os
import re
import tempfile
from datetime import date
from pathlib import Path
from urllib.parse import urlencode

import pytest
from playwright.sync_api import expect

from tracker import actions, storage
from tracker.store import get_figure, history

from .app_server import app_server, chromium
from .test_pages import PLANT, PLANTED_FIGURE, plant

pytestmark = pytest.mark.browser

SCREENSHOTS = Path(os.environ.get("TRACKER_SCREENSHOTS") or tempfile.gettempdir()) / (
    "tracker-screenshots"
)
WIDTHS = (1024, 1440)
SHOWN_PLANT = re.compile(re.escape(PLANT).replace("://", ":\u2060?//"))


@pytest.fixture(scope="module")
def planted_db(tmp_path_factory) -> tuple[str, dict[str, int]]:
    folder = tmp_path_factory.mktemp("pages")
    url = f"sqlite:///{folder / 'tracker.db'}"
    engine = storage.engine_for(url)
    storage.create_schema(engine)
    ids = plant(engine)
    engine.dispose()
    return url, ids


@pytest.fixture(scope="module")
def server(planted_db, tmp_path_factory):
    """The app on the planted database, served headless on 127.0.0.1; stopped afterwards."""
    url, _ = planted_db
    with app_server(tmp_path_factory.mktemp("server"), url) as base:
        yield base


@pytest.fixture(scope="module")
def browser():
    with chromium() as browser:
        yield browser


def new_page(browser, width: int = 1440, height: int = 1000):
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    page.set_default_timeout(60_000)
    return context, page


def settled(page) -> None:
    """Wait until the script has finished running and the page stopped changing; it shows no
    exception."""
    page.wait_for_load_state("networkidle")
    page.locator("[data-testid='stStatusWidget']").wait_for(state="hidden")
    page.wait_for_timeout(600)
    expect(page.locator("[data-testid='stException']")).to_have_count(0)


def assert_no_planted_markdown(page) -> None:
    """Nothing planted became a link, an image or coloured text anywhere in the DOM."""
    found = page.evaluate(
        r"""() => ({
            links: document.querySelectorAll('a[href="https://example.org/phish"]').length,
            images: document.querySelectorAll('img[src="https://example.org/track.png"]').length,
            red: [...document.querySelectorAll('.stMarkdownColoredText, [style]')]
                 .filter(e => e.classList.contains('stMarkdownColoredText')
                              || /(^|;)\s*color\s*:/.test(e.getAttribute('style')))
                 .filter(e => e.textContent.includes('RED')).length,
        })"""
    )
    assert found == {"links": 0, "images": 0, "red": 0}, found


def photograph(page, name: str, width: int) -> Path:
    """The whole page at `width`: Streamlit scrolls inside its main area, so the window is made
    as tall as what that area holds."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}_{width}.png"
    height = page.evaluate(
        "() => document.querySelector('[data-testid=stMainBlockContainer]').scrollHeight"
    )
    page.set_viewport_size({"width": width, "height": max(800, min(int(height) + 120, 8000))})
    # Resizing redraws the page: wait until no element is a placeholder any more.
    page.wait_for_function("() => !document.querySelector('[data-testid=stSkeleton]')")
    page.wait_for_timeout(1500)
    page.screenshot(path=str(path))
    return path


# --- every page: planted Markdown stays text; a picture of each at two widths -------------------

PAGES = {
    "figure": ("figure?id={accepted}", "Figure"),
    "figure_candidate": ("figure?id={candidate}", "Figure"),
    "sources": ("sources?id={source}", "Its figures"),
    "history": ("history?q=planted", "Latest changes"),
    "entry": ("enter", "Enter a figure"),
    "review": ("review", "Candidates awaiting review"),
    # The charts page (the default page, at the root) drawing the planted series: its location
    # holds the planted Markdown too.
    "charts": (
        "?"
        + urlencode({"location": PLANTED_FIGURE["location"]}).replace("{", "{{").replace("}", "}}"),
        "Displacement figures",
    ),
}


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", list(PAGES))
def test_each_page_shows_planted_markdown_as_text_and_is_photographed(
    server, browser, planted_db, name, width
):
    _, ids = planted_db
    address, heading = PAGES[name]
    context, page = new_page(browser, width)
    try:
        page.goto(f"{server}/{address.format(**ids)}")
        page.get_by_text(heading).first.wait_for()
        settled(page)
        if name == "sources":
            page.get_by_text("Merge a duplicate into this source").wait_for()
        if name == "review":
            page.get_by_text(re.compile("Candidate figure")).first.wait_for()
        assert_no_planted_markdown(page)
        if name in ("figure", "sources", "review"):
            # The planted title is on the page, as the characters stored (the address in it
            # holds an invisible word joiner, which keeps it from becoming a link).
            expect(page.get_by_text(SHOWN_PLANT).first).to_be_visible()
        assert photograph(page, name, width).stat().st_size > 10_000
    finally:
        context.close()


def test_the_recorded_as_name_and_period_words_stay_text(server, browser):
    context, page = new_page(browser)
    try:
        page.goto(f"{server}/enter")
        page.get_by_text("Enter a figure").first.wait_for()
        settled(page)
        name = page.get_by_role("textbox", name="Recorded as")
        name.fill("Ana " + PLANT)
        name.press("Enter")
        settled(page)
        period = page.get_by_label("In words, counted from the publication date")
        period.fill("since " + PLANT)
        period.press("Enter")
        page.get_by_text("could not be turned into dates").wait_for()
        assert_no_planted_markdown(page)
        expect(page.get_by_text(re.compile("since " + SHOWN_PLANT.pattern)).first).to_be_visible()
    finally:
        context.close()


# --- the figure page: an edit, and a stale edit refused ------------------------------------------


def _form_field(page, label: str):
    return page.locator("[data-testid='stForm']").get_by_label(label, exact=True)


def test_an_edit_on_the_figure_page_is_saved_and_a_stale_one_refused(server, browser, planted_db):
    url, ids = planted_db
    engine = storage.engine_for(url)
    figure_id = ids["candidate"]
    context, page = new_page(browser)
    try:
        page.goto(f"{server}/figure?id={figure_id}")
        page.get_by_text("Change it", exact=True).wait_for()
        settled(page)
        _form_field(page, "high").fill("1400")
        _form_field(page, "Why (kept on the revision; needed to reject, retract or reopen)").fill(
            "corrected high bound"
        )
        page.get_by_role("button", name="Save changes").click()
        page.get_by_text(re.compile(r"your changes are saved as revision \d+")).wait_for()
        stored = get_figure(engine, figure_id)
        assert stored["high"] == "1400"
        revision = int(stored["revision"])

        # Someone else changes the figure; then this page saves over the revision it opened.
        actions.edit_figure(engine, figure_id, {"notes": "checked"}, by="someone")
        _form_field(page, "Location").fill("Elsewhere")
        page.get_by_role("button", name="Save changes").click()
        message = (
            f"figure {figure_id} changed since you opened it (revision {revision + 1} by someone)"
        )
        page.get_by_text(message).wait_for()
        settled(page)
        assert get_figure(engine, figure_id)["location"] == PLANTED_FIGURE["location"]
        assert len(history(engine, figure_id)) == revision + 1
        photograph(page, "figure_stale", 1440)
    finally:
        context.close()
        engine.dispose()


# --- the entry form: errors under their fields; a save clears the figure ---------------------------


def _below(page, field, error) -> bool:
    """Whether `error` sits under `field`, in its column."""
    f, e = field.bounding_box(), error.bounding_box()
    return (
        e["y"] >= f["y"] + f["height"] - 1
        and e["x"] < f["x"] + f["width"]
        and (e["x"] + e["width"] > f["x"])
    )


def _choose_source(page) -> None:
    page.get_by_role("combobox", name="Existing source").click()
    page.get_by_role("option", name=re.compile("Islamic State Loses Caliphate")).click()
    settled(page)


def test_entry_bounds_out_of_order_show_under_each_bound(server, browser):
    context, page = new_page(browser, 1024, 1400)
    try:
        page.goto(f"{server}/enter")
        page.get_by_text("Enter a figure").first.wait_for()
        settled(page)
        _choose_source(page)
        for bound, value in (("low", "5000"), ("best", "2000"), ("high", "3000")):
            field = page.get_by_label(bound, exact=True)
            field.fill(value)
            field.press("Enter")
            settled(page)
        page.get_by_role("button", name="Save the figure").click()
        page.get_by_text("Nothing was saved").wait_for()
        settled(page)
        for bound, says in (("low", "is more than best (2,000) and high (3,000)"),
                            ("best", "is less than low (5,000)"),
                            ("high", "is less than low (5,000)")):  # fmt: skip
            error = page.locator("[data-testid='stAlertContentError']").filter(
                has_text=f"{bound}: {says}"
            )
            assert _below(page, page.get_by_label(bound, exact=True), error), bound
        photograph(page, "entry_bounds", 1024)
    finally:
        context.close()


def test_a_saved_figure_clears_its_fields_including_date_precision(server, browser, planted_db):
    url, _ = planted_db
    context, page = new_page(browser)
    try:
        page.goto(f"{server}/enter")
        page.get_by_text("Enter a figure").first.wait_for()
        settled(page)
        _choose_source(page)
        page.get_by_label("Quote (the source's words, verbatim)").fill(
            "Some 2,222 people reached the Clearing transit site."
        )
        population = page.get_by_label("Population (the source's wording)")
        population.click()
        population.fill("transit arrivals")
        population.press("Enter")
        words = page.get_by_label("In the source's words")
        words.fill("some 2,222")
        words.press("Enter")
        expect(page.get_by_label("best", exact=True)).to_have_value("2222")
        period = page.get_by_label("In words, counted from the publication date")
        period.fill("in the past week")
        period.press("Enter")
        page.get_by_text("resolved against the publication date").wait_for()
        expect(page.get_by_role("combobox", name="Date precision")).to_have_value(
            re.compile("day|week")
        )  # fmt: skip
        page.get_by_role("button", name="Save the figure").click()
        page.get_by_text(re.compile(r"Saved figure \d+")).wait_for()
        settled(page)
        expect(page.get_by_label("Quote (the source's words, verbatim)")).to_have_value("")
        expect(page.get_by_label("best", exact=True)).to_have_value("")
        expect(page.get_by_label("In words, counted from the publication date")).to_have_value("")
        expect(page.get_by_role("combobox", name="Date precision")).to_have_value("(no dates)")
        photograph(page, "entry_saved", 1440)
    finally:
        context.close()


# --- sources and history --------------------------------------------------------------------------


def test_a_row_picked_in_the_sources_table_opens_that_source(server, browser):
    context, page = new_page(browser)
    try:
        page.goto(f"{server}/sources")
        table = page.locator("[data-testid='stDataFrame']").first
        table.wait_for()
        settled(page)
        # The first row's selection box: under the header row, at the left edge. The grid draws
        # on a canvas a moment after it appears: point at the box first, then click.
        box = table.bounding_box()
        x, y = box["x"] + 16, box["y"] + 35 + 17
        page.mouse.move(x, y)
        page.wait_for_timeout(500)
        page.mouse.click(x, y)
        page.get_by_text(re.compile(r"^Its figures: \d+")).wait_for()
        assert re.search(r"[?&]id=\d+", page.url)
    finally:
        context.close()


def test_history_finds_a_figure_by_words_and_sources_list_a_sources_figures(
    server, browser, planted_db
):
    context, page = new_page(browser)
    try:
        page.goto(f"{server}/history")
        page.get_by_text("Latest changes").wait_for()
        settled(page)
        search = page.get_by_label(re.compile("Find a figure by words"))
        search.fill("planted town fled")
        search.press("Enter")
        page.get_by_text(re.compile(r"\d+ figures hold these words")).wait_for()
        assert "q=planted+town+fled" in page.url or "q=planted%20town%20fled" in page.url
        assert_no_planted_markdown(page)
    finally:
        context.close()


# --- the review page: the gazetteer's readings of a candidate's location ---------------------------


def test_cards_of_one_place_show_its_reading_and_whole_bounds_at_1024(server, browser, planted_db):
    # Seen at 1024 px: four columns cut the bound "2100000" to "21000"; and a card of a place
    # with one reading showed "choose one" over its filled coordinates (not seen again here).
    url, _ = planted_db
    engine = storage.engine_for(url)
    source = {"source_title": "Flash update: Baghuz", "source_publisher": "OCHA",
              "source_published_on": "2024-05-10", "source_kind": "un_agency"}  # fmt: skip
    ids = actions.ingest_document(
        engine, "About 2.1 million people fled Baghuz last month. Some 300 people fled Baghuz "
        "last week.", source, by="extractor", published_on=date(2024, 5, 10),
    ).ids  # fmt: skip
    engine.dispose()
    context, page = new_page(browser, 1024, 1600)
    try:
        page.goto(f"{server}/review")
        for figure_id in ids:
            card = page.locator(f".st-key-review_{figure_id}_card")
            picker = card.get_by_role("combobox", name=re.compile("readings of “Baghuz”"))
            picker.wait_for()
        settled(page)
        for figure_id in ids:
            card = page.locator(f".st-key-review_{figure_id}_card")
            SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            card.screenshot(path=str(SCREENSHOTS / f"review_one_place_{figure_id}_1024.png"))
            expect(card.get_by_text("choose one")).to_have_count(0)
        best = page.locator(f".st-key-review_{ids[0]}_best input")
        expect(best).to_have_value("2100000")
        assert best.evaluate("e => e.scrollWidth <= e.clientWidth"), "the bound is cut"
    finally:
        context.close()


def test_a_reviewer_picks_a_reading_of_an_ambiguous_place(server, browser, planted_db):
    url, _ = planted_db
    engine = storage.engine_for(url)
    source = {"source_title": "Flash update: Tripoli", "source_publisher": "OCHA",
              "source_published_on": "2024-05-10", "source_kind": "un_agency"}  # fmt: skip
    [figure_id] = actions.ingest_document(
        engine, "Some 3,000 people fled Tripoli last month.", source, by="extractor",
        published_on=date(2024, 5, 10),
    ).ids  # fmt: skip
    engine.dispose()
    context, page = new_page(browser, 1024, 1600)
    try:
        page.goto(f"{server}/review")
        card = page.locator(f".st-key-review_{figure_id}_card")
        card.get_by_text("“Tripoli” has 3 readings: choose one").wait_for()
        settled(page)
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        card.screenshot(path=str(SCREENSHOTS / "review_readings_1024.png"))
        card.get_by_role("combobox", name=re.compile("readings of “Tripoli”")).click()
        page.get_by_role("option", name=re.compile(r"^Tripoli, LBN \(")).click()
        settled(page)
        expect(card.get_by_label("Country (ISO3)")).to_have_value("LBN")
        expect(card.get_by_label("Latitude")).to_have_value(re.compile(r"^34\.43"))
        expect(card.get_by_text("has 3 readings")).to_have_count(0)
        card.screenshot(path=str(SCREENSHOTS / "review_reading_chosen_1024.png"))
        # A latitude out of range is refused under its field, and nothing is stored.
        latitude = card.get_by_label("Latitude")
        latitude.fill("95")
        latitude.press("Enter")
        settled(page)
        card.get_by_role("button", name="Accept").click()
        error = card.get_by_text(re.compile("^latitude: must be at most 90"))
        error.wait_for()
        settled(page)
        assert _below(page, latitude, error)
        card.screenshot(path=str(SCREENSHOTS / "review_reading_refused_1024.png"))
        engine = storage.engine_for(url)
        assert get_figure(engine, figure_id)["status"] == "candidate"
        engine.dispose()
    finally:
        context.close()
