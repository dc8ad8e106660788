"""The map of a page of series (tracker.maps) on the curated figures in a real SQLite file: a point
per located series at its latest consensus, the gazetteer where the figures have no coordinates,
stored coordinates first, the series left off counted with their reason, nothing from the
internet, a view fitted to the points; and the gazetteer's worker process (tracker.lookup_process).
"""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from tracker import actions, charts, lookup_process, maps, storage, views
from tracker.analysis import analysed_frames, frame_from_rows
from tracker.store import FigureError, FigureFilter
from tracker.validation import ValidationError

from .conftest import ROOT, drawn, said

BAGHUZ = (34.45861, 40.95056)  # figures/places.csv
AL_HOL = (36.37556, 41.14861)


@pytest.fixture(scope="module")
def curated(tmp_path_factory):
    url = f"sqlite:///{tmp_path_factory.mktemp('maps') / 'tracker.db'}"
    engine = storage.engine_for(url)
    storage.create_schema(engine)
    actions.import_extract(engine, actions.FIGURES_DIR / "syria_2019.csv", by="curator")
    yield engine
    engine.dispose()


def mapped(engine, locate=maps.gazetteer_place, **filters) -> tuple[maps.PageMap, views.Shown]:
    """The map of the first page of series of `filters`, as the charts page makes it."""
    shown = views.shown_figures(engine, FigureFilter(**filters))
    consensus, flags = analysed_frames(frame=frame_from_rows(shown.figures))
    page = charts.page_charts(shown.figures, consensus, flags)
    return maps.page_map(shown.figures, consensus, page.colouring, locate), shown


def point(page_map: maps.PageMap, series: str) -> dict:
    [row] = page_map.points[page_map.points["series"] == series].to_dict("records")
    return row


def test_every_series_at_a_known_place_is_a_point_from_the_gazetteer(curated):
    page_map, shown = mapped(curated, locations=("Baghuz", "Al Hol camp"))
    assert len(page_map.points) == len(shown.page_series) and page_map.unlocated.empty
    row = point(page_map, "Al Hol camp · camp residents · hosted (stock)")
    assert (row["latitude"], row["longitude"]) == AL_HOL
    assert row["how"] == maps.GAZETTEER and row["place"].endswith("place from the gazetteer")
    baghuz = page_map.points[page_map.points["series"].str.startswith("Baghuz")]
    assert set(zip(baghuz["latitude"], baghuz["longitude"], strict=True)) == {BAGHUZ}


def test_the_point_is_the_latest_consensus_with_its_citation(curated):
    page_map, _ = mapped(curated, locations=("Al Hol camp",), populations=("camp residents",))
    row = point(page_map, "Al Hol camp · camp residents · hosted (stock)")
    # The latest of its 13 figures: 73,000 hosted on 14 May 2019, from WFP's bulletin.
    assert row["period"] == "on 14 May 2019" and row["size"] == 73_000
    assert row["consensus"] == "best 73,000 · low 73,000 · high open"
    assert row["source"].startswith("Syria mVAM Bulletin #36") and "(WFP" in row["source"]
    assert row["published"] == "14 May 2019" and row["figure"] == "16"


@pytest.mark.parametrize(
    ("rows", "kept"),
    [
        # a stock: its latest date
        ([("people", None, "2019-03-01", 10), ("people", None, "2019-03-05", 20)], 20),
        # people before households without a size, even at an earlier date
        ([("people", None, "2019-03-01", 10), ("households", None, "2019-03-09", 3)], 10),
        # flows ending the same day: the one from the earliest known start (it counts the rest)
        (
            [
                ("people", "2019-03-15", "2019-03-22", 5_000),
                ("people", "2019-01-01", "2019-03-22", 30_000),
                ("people", None, "2019-03-22", 7),
            ],
            30_000,
        ),  # fmt: skip
    ],
)
def test_the_latest_consensus_of_a_series(rows, kept):
    consensus = pd.DataFrame(
        [(1, unit, pd.Timestamp(s) if s else pd.NaT, pd.Timestamp(e), b, b, b, "single", "1")
         for unit, s, e, b in rows],
        columns=["series_id", "unit", "period_start", "date", "low", "best", "high", "agreement",
                 "figure_ids"],
    )  # fmt: skip
    [best] = maps.latest_consensus(consensus)["best"]
    assert best == kept


def test_coordinates_stored_with_the_figures_win_over_the_gazetteer(curated):
    page_map, shown = mapped(curated, locations=("Hajin enclave",))
    series_id = int(shown.page_series["series_id"].iloc[0])
    [before] = page_map.points.to_dict("records")
    assert before["how"] == maps.GAZETTEER and before["name"] == "Hajīn"
    actions.set_place(curated, series_id, None, "SYR", 34.7, 40.8, by="tester", reason="map")
    try:
        page_map, _ = mapped(curated, locations=("Hajin enclave",))
        [after] = page_map.points.to_dict("records")
        assert (after["latitude"], after["longitude"], after["how"]) == (34.7, 40.8, maps.STORED)
        assert after["place"] == "Hajin enclave, 34.700, 40.800, stored with its figures"
    finally:
        actions.set_place(curated, series_id, None, "SYR", None, None, by="tester", reason="undo")


def test_series_off_the_map_are_counted_with_their_reason(curated):
    page_map, shown = mapped(curated)  # the first page: ten series
    assert len(page_map.points) + len(page_map.unlocated) == len(shown.page_series) == 10
    off = dict(zip(page_map.unlocated["series"], page_map.unlocated["reason"], strict=True))
    assert off == {
        "Al Hol camp (en route or after arrival) · children and newborns · died (flow)":
            maps.NO_PLACE,
        "Al Hol camp (en route or after arrival) · people · died (flow)": maps.NO_PLACE,
    }  # fmt: skip
    # Candidates have no consensus (it is of accepted figures): nothing to map, and said so.
    candidates, _ = mapped(curated, statuses=("rejected",), locations=("Baghuz",))
    assert candidates.spec is None or candidates.unlocated["reason"].eq(maps.NO_CONSENSUS).all()


def test_a_place_the_worker_has_not_answered_yet_waits(curated):
    page_map, _ = mapped(curated, locate=lambda *_: maps.LATER, locations=("Baghuz",))
    assert page_map.spec is None and set(page_map.unlocated["reason"]) == {maps.WAITING}


def test_the_spec_holds_no_address_and_fits_the_points(curated):
    page_map, _ = mapped(curated, locations=("Baghuz", "Al Hol camp", "Hajin enclave"))
    text = json.dumps(page_map.spec, allow_nan=False)  # valid JSON: no NaN
    assert "http" not in text and '"url"' not in text
    fit = np.array(page_map.spec["projection"]["fit"]["geometry"]["coordinates"])
    # Syria's east, not the world: the points' box with a margin of degrees.
    assert 37 < fit[:, 0].min() < 40.8 and 41.2 < fit[:, 0].max() < 44
    assert 31 < fit[:, 1].min() < 34.4 and 36.4 < fit[:, 1].max() < 40
    outlines = page_map.spec["layer"][0]["data"]["values"]
    assert {"SYR", "IRQ"} <= {f["id"] for f in outlines} and len(outlines) < 60
    countries = {c["name"] for c in page_map.spec["layer"][1]["data"]["values"]}
    assert {"Syria", "Iraq"} <= countries
    names = {n["name"] for n in page_map.spec["layer"][3]["data"]["values"]}
    assert {"Al Hol camp (5 series)", "Baghuz (5 series)"} <= names  # one name per place


def test_points_are_coloured_as_the_charts_colour_their_latest_figure(curated):
    page_map, shown = mapped(curated, locations=("Baghuz",))
    figures = shown.figures.set_index(pd.to_numeric(shown.figures["figure_id"]))
    colour = page_map.spec["layer"][2]["encoding"]["color"]["scale"]
    for row in page_map.points.itertuples():
        cited = figures.loc[int(row.figure)]
        expected = charts.RELIABILITY_COLOURS[cited["source_reliability"]]  # 25 sources: by grade
        assert colour["range"][colour["domain"].index(row.key)] == expected


def test_the_map_renders_offline(curated):
    page_map, _ = mapped(curated, locations=("Baghuz", "Al Hol camp"))
    svg = charts.chart_svg({**page_map.spec, "width": 700})
    assert "Al Hol camp" in svg and "Syria" in svg


def test_setting_a_place_refuses_bad_coordinates_and_unknown_series(curated):
    with pytest.raises(ValidationError) as raised:
        actions.set_place(curated, 1, None, "SYR", 95, 40.0, by="tester")
    assert [p.column for p in raised.value.problems] == ["latitude"]
    with pytest.raises(FigureError, match="series 9999 does not exist"):
        actions.set_place(curated, 9999, None, "SYR", 35.0, 40.0, by="tester")


def test_the_worker_answers_as_the_gazetteer_does():
    questions = [("first", "Baghuz", None), ("first", "Tripoli", "LBN"), ("all", "Tripoli", None),
                 ("first", "Nowhere At All", None)]  # fmt: skip
    lookup_process.ask(questions)
    lookup_process.wait()
    answers = lookup_process.ask(questions)
    assert answers[questions[0]] == maps.gazetteer_place("Baghuz")
    assert answers[questions[1]].country_iso3 == "LBN"
    assert {p.country_iso3 for p in answers[questions[2]]} >= {"LBY", "LBN"}
    assert answers[questions[3]] is None


# --- the charts page, through AppTest ---------------------------------------------------------


APP = str(ROOT / "streamlit_app.py")


@pytest.fixture
def app(tmp_path, monkeypatch) -> AppTest:
    """The app on a new database (loaded with figures/ on first use), its gazetteer answered."""
    monkeypatch.setenv("TRACKER_DATABASE_URL", f"sqlite:///{tmp_path / 'app.db'}")
    monkeypatch.setenv("TRACKER_USER", "tester")
    at = AppTest.from_file(APP, default_timeout=60).run()
    lookup_process.wait()
    return drawn(at)


def the_map(at: AppTest) -> dict:
    [spec] = [
        s for c in at.get("vega_lite_chart") if "projection" in (s := json.loads(c.proto.spec))
    ]
    return spec


def test_the_charts_page_maps_the_curated_figures(app):
    spec = the_map(app)
    points = spec["layer"][2]["data"]["values"]
    assert {p["name"] for p in points} == {"Al Hol camp", "Baghuz"}
    assert all("place from the gazetteer" in p["place"] for p in points)
    assert "http" not in json.dumps(spec)
    captions = said(app.caption)
    assert any(
        c.startswith("The latest consensus of 8 of the 10 series charted above") for c in captions
    )
    assert any(
        c.startswith("2 series have no place the gazetteer knows: set one below") for c in captions
    )
    # The panels are still ten: the map is a chart of its own.
    assert len(app.get("vega_lite_chart")) == views.PANEL_LIMIT + 1


def test_a_reviewer_sets_a_series_place_and_the_map_shows_it(app):
    # The first series offered is one off the map; out-of-range coordinates name the field.
    assert app.selectbox(key="place_series").options[0].startswith("Al Hol camp (en route")
    app.number_input(key="place_latitude").set_value(95.0)
    app.number_input(key="place_longitude").set_value(41.15)
    app.text_input(key="place_why").input("the camp's annex")
    app.button(key="place_save").click()
    drawn(app)
    errors = said(app.error)
    assert "Nothing was saved: fix the fields marked below." in errors
    assert any(e.startswith("latitude: must be at most 90") for e in errors)
    assert len(the_map(app)["layer"][2]["data"]["values"]) == 8  # nothing changed
    app.number_input(key="place_latitude").set_value(36.37)
    app.button(key="place_save").click()
    drawn(app)
    assert any("figures changed, each with a revision" in s for s in said(app.success))
    points = the_map(app)["layer"][2]["data"]["values"]
    stored = [p for p in points if p["how"] == maps.STORED]
    assert len(points) == 9 and stored[0]["series"].startswith("Al Hol camp (en route")


def test_the_gazetteer_readings_of_the_location_fill_the_form(app):
    app.text_input(key="place_location").input("Tripoli")
    drawn(app)
    lookup_process.wait()
    drawn(app)
    picker = app.selectbox(key="place_reading_tripoli")
    picker.select_index(next(i for i, o in enumerate(picker.options) if ", LBN (" in o))
    app.button(key="place_use").click()
    drawn(app)
    assert app.text_input(key="place_country_iso3").value == "LBN"
    assert app.number_input(key="place_latitude").value == pytest.approx(34.4, abs=0.1)


def test_a_reviewer_made_a_viewer_meanwhile_is_refused_and_nothing_changes(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'team.db'}"
    monkeypatch.setenv("TRACKER_DATABASE_URL", url)
    monkeypatch.setenv("TRACKER_USER", "rex@example.org")
    engine = storage.engine_for(url)
    storage.create_schema(engine)
    actions.import_extract(engine, actions.FIGURES_DIR / "syria_2019.csv", by="curator")
    actions.ensure_admin(engine, "ada@example.org")
    actions.add_member(engine, "rex@example.org", "reviewer", by="ada@example.org")
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert "Save the place" in [b.label for b in at.button]
    actions.set_role(engine, "rex@example.org", "viewer", by="ada@example.org")
    at.number_input(key="place_latitude").set_value(36.37)
    at.number_input(key="place_longitude").set_value(41.15)
    at.button(key="place_save").click()
    drawn(at)
    assert any(e.startswith("Nothing was saved:") for e in said(at.error)), said(at.error)
    assert "Save the place" not in [b.label for b in at.button]  # a viewer sees no form
    with engine.connect() as conn:
        assert (
            conn.exec_driver_sql("SELECT count(*) FROM figure WHERE latitude IS NOT NULL").scalar()
            == 0
        )
    engine.dispose()
