"""End to end in a real browser: `streamlit run` on a loopback port, driven by Debian's Chromium.

The charts page, and README's screenshot of it, are tested in test_browser_charts.py.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from .app_server import app_server, chromium

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """The app on a fresh SQLite file, served headless on 127.0.0.1; stopped afterwards."""
    folder = tmp_path_factory.mktemp("app")
    with app_server(folder, f"sqlite:///{folder / 'tracker.db'}") as base:
        yield base


@pytest.fixture(scope="module")
def browser():
    with chromium() as browser:
        yield browser


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1100}, accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(60_000)
    yield page
    context.close()


def _chart_drawn(page) -> None:
    # Vega draws into a canvas or an SVG inside the chart element once its data has loaded.
    page.locator(
        "[data-testid='stVegaLiteChart'] canvas, [data-testid='stVegaLiteChart'] svg"
    ).first.wait_for(state="visible")
    page.wait_for_load_state("networkidle")
    # The script run has ended: a download clicked during a rerun is revoked by it.
    page.locator("[data-testid='stApp'][data-test-script-state='notRunning']").wait_for()


def test_a_figure_entered_in_the_form_is_charted_and_downloaded(server, page, tmp_path):
    quote = "Some 4,321 people reached the Playwright transit site."
    page.goto(f"{server}/enter")
    page.get_by_text("Enter a figure").first.wait_for()
    # No source is picked for the user: choose the seed article's.
    source = page.get_by_role("combobox", name="Existing source")
    source.click()
    page.get_by_role("option", name=re.compile("Islamic State Loses Caliphate")).click()
    page.get_by_label("Quote (the source's words, verbatim)").fill(quote)
    population = page.get_by_label("Population (the source's wording)")
    population.click()
    population.fill("transit arrivals")
    population.press("Enter")
    page.get_by_label("Location").fill("Playwright transit site")
    page.get_by_label("Country (ISO 3166-1 alpha-3, e.g. SYR; empty for several)").fill("SYR")
    words = page.get_by_label("In the source's words")
    words.fill("some 4,321")
    words.press("Enter")
    # Wait for the filled estimate, so the next edit does not race the rerun that filled it.
    expect(page.get_by_label("best")).to_have_value("4321")
    period = page.get_by_label("In words, counted from the publication date")
    period.fill("in the past week")
    period.press("Enter")
    page.get_by_text("resolved against the publication date").wait_for()
    page.get_by_role("button", name="Save the figure").click()
    outcome = page.get_by_text(re.compile(r"Saved figure \d+|Nothing was saved"))
    outcome.first.wait_for()
    errors = page.locator("[data-testid='stAlertContentError']").all_inner_texts()
    assert not errors, errors

    page.goto(f"{server}/?location=Playwright+transit+site")
    _chart_drawn(page)
    page.get_by_text(re.compile(r"^1 figure in 1 series")).wait_for()
    with page.expect_download() as info:
        page.get_by_role("button", name="The 1 figure (CSV)").click()
    csv_path = tmp_path / "view.csv"
    info.value.save_as(csv_path)
    text = csv_path.read_text(encoding="utf-8")
    assert text.startswith("figure_id,status,country_iso3,location,")
    assert quote in text and "Playwright transit site" in text and "browser-test" in text
    assert len(text.strip().splitlines()) == 2
