"""The charts page in a real browser (`streamlit run` on a loopback port, Debian's Chromium): panels
that fit their column at 1024 and 1440 pixels, readable axes, tooltips that show text as text, a
retracted figure greyed with its reason, saved charts, no Vega warnings, nothing from the internet.

Photographs the page at both widths into $TRACKER_SCREENSHOTS (see test_browser_pages) for a person
to look at, and remakes README's screenshot, docs/charts.png.
"""

from __future__ import annotations

import re
from urllib.parse import urlencode

import pytest

from tracker import actions, storage

from . import test_browser_pages as pages
from .conftest import ROOT

pytestmark = pytest.mark.browser

SCREENSHOT = ROOT / "docs" / "charts.png"
# HTML and Markdown in a source's title and quote: a tooltip must show these characters.
PLANTED = '<img src="x" onerror="window.planted=1"><b>bold</b> [click](https://example.org/x)'
PLANTED_FIGURE = {
    "source_title": "Tooltip report " + PLANTED,
    "source_published_on": "2019-03-20",
    "source_kind": "ngo",
    "source_reliability": "C",
    "quote": "Some 1,200 people fled Tooltip Town this week. " + PLANTED,
    "population": "people",
    "term": "fled",
    "measure": "flow",
    "location": "Tooltip Town",
    "low": 1080,
    "best": 1200,
    "high": 1320,
    "qualifier": "approximately",
    "period_start": "2019-03-14",
    "period_end": "2019-03-20",
    "date_precision": "week",
    "credibility": 3,
}
LONE = {"location": "Al Hol camp", "population": "camp residents", "term": "hosted"}
ARRIVED = {"location": "Al Hol camp", "population": "people", "term": "arrived"}

server = pages.server
browser = pages.browser


@pytest.fixture(scope="module")
def planted_db(tmp_path_factory) -> tuple[str, dict[str, int]]:
    """The curated figures, a figure whose source and quote hold HTML and Markdown, and figure 23
    (Al Hol camp · people · arrived) retracted with a reason (read by test_browser_pages.server)."""
    url = f"sqlite:///{tmp_path_factory.mktemp('charts') / 'tracker.db'}"
    engine = storage.engine_for(url)
    actions.initialise(engine, by="curator")
    planted = actions.add_figure(engine, PLANTED_FIGURE, by="curator")
    actions.retract(engine, [23], by="curator", reason="counted twice")
    engine.dispose()
    return url, {"planted": planted}


# Opened at a page's own address (/figure?id=5), Streamlit first looks for its server under that
# path (/figure/_stcore/health) and, answered 404, under the root: expected, and not ours.
STREAMLIT_PROBE = re.compile(r"/[\w-]+/_stcore/(health|host-config)$")


@pytest.fixture
def watched(browser):
    """A page whose console messages, requests and failed answers are kept, at 1440 pixels unless
    resized; afterwards none may be a Vega warning, an error, or a request off this machine."""
    context, page = pages.new_page(browser, 1440, 1100)
    seen: dict[str, list[str]] = {"console": [], "requests": [], "failed": []}
    page.on("console", lambda m: seen["console"].append(f"{m.type}: {m.text}"))
    page.on("request", lambda r: seen["requests"].append(r.url))
    page.on("response", lambda r: r.status >= 400 and seen["failed"].append(r.url))
    yield page, seen
    context.close()
    failed = [u for u in seen["failed"] if not STREAMLIT_PROBE.search(u)]
    assert not failed, failed
    messages = [
        m for m in seen["console"]
        if not (m.startswith("error: Failed to load resource") and not failed)
    ]  # fmt: skip
    # Vega reports its warnings on the console ("WARN …").
    assert not [m for m in messages if "WARN" in m or m.startswith("error")], messages
    outside = [
        u for u in seen["requests"] if not re.match(r"(http://127\.0\.0\.1:|data:|blob:)", u)
    ]
    assert not outside, outside


# The panels of series; the map (tracker.ui.map_panel, in the container keyed "map") apart.
PANELS = "[data-testid='stVegaLiteChart']:not(.st-key-map [data-testid='stVegaLiteChart'])"
MAP = ".st-key-map [data-testid='stVegaLiteChart']"


def charts_drawn(page, count: int | None = None) -> None:
    page.locator(f"{PANELS} svg").first.wait_for(state="visible")
    pages.settled(page)
    if count is not None:
        assert page.locator(PANELS).count() == count


def plot_sizes(page) -> list[dict]:
    """Each chart's plot (Vega's background of the data area) and its place against the column."""
    return page.evaluate(
        """selector => [...document.querySelectorAll(selector)].map(chart => {
            const column = chart.closest('[data-testid=stVerticalBlock]').getBoundingClientRect();
            const svg = chart.querySelector('svg').getBoundingClientRect();
            const plot = chart.querySelector('path.background').getBoundingClientRect();
            return {plot_height: plot.height, right: svg.right, column_right: column.right,
                    left: svg.left, column_left: column.left};
        })""",
        PANELS,
    )


def hover_until_tooltip(page, marks, text: str, beside: bool = False) -> str:
    """Hover each of `marks` (at its centre, or near its right end `beside` it) until the tooltip
    shows `text`; return the tooltip's text."""
    tooltip = page.locator("#vg-tooltip-element")
    for n in range(marks.count()):
        mark = marks.nth(n)
        box = mark.bounding_box()
        at = {"x": box["width"] * 0.8, "y": box["height"] / 2} if beside and box else None
        mark.hover(force=True, position=at)
        page.wait_for_timeout(150)
        if tooltip.is_visible() and text in tooltip.inner_text():
            return tooltip.inner_text()
    raise AssertionError(f"no tooltip shows {text!r}")


@pytest.mark.parametrize("width", pages.WIDTHS)
def test_the_default_view_fits_its_column_and_is_photographed(server, watched, width):
    page, _ = watched
    page.set_viewport_size({"width": width, "height": 5000})
    page.goto(server)
    charts_drawn(page, count=10)
    page.get_by_text(re.compile(r"Series 1–10 of 28 \(page 1 of 3\)")).first.wait_for()
    for chart in plot_sizes(page):
        assert chart["plot_height"] >= 250
        assert (
            chart["column_left"] - 1 <= chart["left"]
            and chart["right"] <= chart["column_right"] + 1
        )
    pages.SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(pages.SCREENSHOTS / f"charts_default_{width}.png"))


@pytest.mark.parametrize("width", pages.WIDTHS)
def test_a_lone_series_is_readable_with_years_on_its_axis(server, watched, width):
    page, _ = watched
    page.set_viewport_size({"width": width, "height": 1700})
    page.goto(f"{server}/?{urlencode(LONE)}")
    charts_drawn(page, count=1)
    [chart] = plot_sizes(page)
    assert chart["plot_height"] >= 250 and chart["right"] <= chart["column_right"] + 1
    axis = page.locator("[data-testid='stVegaLiteChart'] g.mark-text.role-axis-label text")
    labels = axis.evaluate_all("texts => texts.map(t => t.textContent)")
    assert "70,000" in labels  # y values
    dates = [t for t in labels if not re.fullmatch(r"[\d,]+", t)]
    assert dates and all(re.fullmatch(r"\d{1,2} [A-Z][a-z]{2} 20\d\d", t) for t in dates), dates
    pages.SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(pages.SCREENSHOTS / f"charts_lone_series_{width}.png"))
    if width == 1440:
        page.set_viewport_size({"width": 1400, "height": 1150})
        page.wait_for_timeout(800)
        page.screenshot(path=str(SCREENSHOT))
        assert SCREENSHOT.stat().st_size > 20_000


def test_tooltips_show_source_text_as_text(server, watched):
    page, _ = watched
    page.goto(f"{server}/?location=Tooltip+Town")
    charts_drawn(page, count=1)
    dots = page.locator(f"{PANELS} g.mark-symbol path")
    text = hover_until_tooltip(page, dots, "Tooltip report")
    assert PLANTED in text  # the very characters, not markup
    tooltip = page.locator("#vg-tooltip-element")
    assert tooltip.locator("img, b, a").count() == 0
    assert page.evaluate("() => window.planted === undefined")
    assert "accepted" in text and "14 Mar 2019 to 20 Mar 2019" in text


def test_a_retracted_figure_is_grey_with_its_status_and_reason(server, watched):
    page, _ = watched
    address = urlencode({**ARRIVED, "status": ["accepted", "retracted"]}, doseq=True)
    page.goto(f"{server}/?{address}")
    charts_drawn(page, count=1)
    dots = page.locator(f"{PANELS} g.mark-symbol path")
    text = hover_until_tooltip(page, dots, "retracted")
    assert "retracted: counted twice" in text
    grey = page.locator("[data-testid='stVegaLiteChart'] path[fill='#b3b3b3']")
    assert grey.count() >= 1


def test_the_consensus_has_a_tooltip_and_a_legend(server, watched):
    page, _ = watched
    page.goto(f"{server}/?{urlencode(LONE)}")
    charts_drawn(page, count=1)
    legend = page.locator("[data-testid='stVegaLiteChart'] g.role-legend")
    texts = legend.evaluate_all("groups => groups.map(g => g.textContent)")
    assert any("consensus of the figures" in t and "low to high" in t for t in texts)
    dashes = page.locator("[data-testid='stVegaLiteChart'] g.mark-symbol path[stroke='#4d4d4d']")
    assert "agreement" in hover_until_tooltip(page, dashes, "consensus", beside=True)


def test_the_chart_saves_as_png_and_svg_with_its_title(server, watched, tmp_path):
    page, _ = watched
    page.goto(f"{server}/?{urlencode(LONE)}")
    charts_drawn(page, count=1)
    with page.expect_download() as png:
        page.get_by_role("button", name="The chart (PNG)").click()
    assert png.value.path().read_bytes().startswith(b"\x89PNG")
    with page.expect_download() as svg:
        page.get_by_role("button", name="The chart (SVG)").click()
    text = svg.value.path().read_text(encoding="utf-8")
    assert "Displacement figures over time" in text
    assert "location Al Hol camp; population camp residents; term hosted" in text


def test_a_figure_of_the_table_opens_on_its_own_page(server, watched):
    """The table links figure?id=N; that address is the figure's page."""
    page, _ = watched
    page.goto(f"{server}/figure?id=5")
    page.get_by_text("Figure").first.wait_for()
    pages.settled(page)
    assert "/figure?id=5" in page.url


@pytest.mark.parametrize("width", pages.WIDTHS)
def test_the_map_shows_the_curated_places_readably_and_is_photographed(server, watched, width):
    page, _ = watched
    page.set_viewport_size({"width": width, "height": 1100})
    page.goto(
        f"{server}/?{urlencode({'location': ['Baghuz', 'Al Hol camp', 'Hajin enclave']}, doseq=True)}"
    )
    charts_drawn(page)
    # The page redraws the map once the gazetteer's worker has answered.
    names = page.locator(f"{MAP} g.mark-text text")
    page.locator(f"{MAP} g.mark-text text", has_text="Baghuz").wait_for()
    pages.settled(page)
    the_map = page.locator(".st-key-map")
    the_map.scroll_into_view_if_needed()
    box = the_map.bounding_box()
    panel = page.locator(PANELS).first.bounding_box()  # as wide as the panels' column
    assert box["height"] >= 400 and abs(box["width"] - panel["width"]) <= 2
    # No name covers another.
    boxes = names.evaluate_all(
        "texts => texts.map(t => { const b = t.getBoundingClientRect(); "
        "return [t.textContent, b.left, b.top, b.right, b.bottom]; })"
    )
    written = [b for b in boxes if b[0]]
    assert {"Syria", "Iraq"} <= {b[0] for b in written}
    for n, (a, *ra) in enumerate(written):
        for b, *rb in written[n + 1 :]:
            apart = ra[2] <= rb[0] or rb[2] <= ra[0] or ra[3] <= rb[1] or rb[3] <= ra[1]
            assert apart, (a, b)
    points = page.locator(f"{MAP} g.mark-symbol path")
    text = hover_until_tooltip(page, points, "latest source")
    assert "place from the gazetteer" in text and "latest consensus" in text
    tooltip = page.locator("#vg-tooltip-element").bounding_box()
    assert tooltip["x"] >= 0 and tooltip["x"] + tooltip["width"] <= width
    pages.SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.mouse.move(0, 0)
    page.wait_for_timeout(200)
    the_map.screenshot(path=str(pages.SCREENSHOTS / f"charts_map_{width}.png"))
    points.first.hover(force=True)
    page.wait_for_timeout(300)
    page.screenshot(path=str(pages.SCREENSHOTS / f"charts_map_tooltip_{width}.png"))
