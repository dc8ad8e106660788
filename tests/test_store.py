"""The figures store on SQLite and PostgreSQL: one validation path, revisions, CSV in and out."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from datetime import date

import pytest
from click.testing import CliRunner

from tracker import storage
from tracker.actions import accept, add_figure, edit_figure, import_extract, reject, retract
from tracker.cli import main
from tracker.csvformat import COLUMNS, ExtractImportError
from tracker.store import (
    FigureError,
    FigureFilter,
    count_figures,
    get_figure,
    history,
    write_extract,
)
from tracker.validation import ValidationError

from .conftest import ROOT, _new_pg_database

SEED = {
    "quote": "In all, upward of 30,000 civilians, mostly family members of IS fighters, have fled "
    "Baghuz since the offensive began, 5,000 in just the past week.",
    "population": "civilians",
    "term": "fled",
    "measure": "flow",
    "location": "Baghuz",
    "country_iso3": "SYR",
    "period_start": date(2019, 3, 16),
    "period_end": date(2019, 3, 22),
    "date_precision": "day",
    "low": 5000.0,
    "best": 5000.0,
    "high": 5000.0,
    "qualifier": "exact",
    "credibility": 3,
    "source_title": "Islamic State Loses Caliphate in Syria",
    "source_kind": "news",
    "source_reliability": "F",
}


def export_text(engine, **filters) -> str:
    out = io.StringIO()
    write_extract(engine, out, FigureFilter(**filters) if filters else None)
    return out.getvalue()


def test_add_figure_stores_it_with_a_first_revision(engine):
    figure_id = add_figure(engine, SEED, by="analyst")
    stored = get_figure(engine, figure_id)
    assert stored["best"] == "5000" and stored["period_start"] == "2019-03-16"
    assert stored["origin"] == "entered" and stored["created_by"] == "analyst"
    [first] = history(engine, figure_id)
    assert (first.revision, first.action, first.changed_by) == (1, "created", "analyst")


def test_unknown_stays_empty(engine):
    values = {**SEED, "country_iso3": None, "location": None, "source_published_on": None}
    figure_id = add_figure(engine, values, by="analyst")
    stored = get_figure(engine, figure_id)
    assert stored["country_iso3"] is None and stored["location"] is None
    assert stored["source_published_on"] is None


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        ({"low": 6000.0}, "best", "low ≤ best ≤ high"),
        ({"best": -5.0, "low": None, "qualifier": "up_to"}, "best", "negative"),
        ({"high": float("inf")}, "high", "finite"),
        ({"high": None}, "high", "needs high"),
        ({"qualifier": "more_than"}, "high", "leaves high empty"),
        ({"qualifier": "roughly"}, "qualifier", "is not one of"),
        ({"period_start": date(2019, 3, 30)}, "period_start", "after period_end"),
        ({"period_end": "2019-02-30"}, "period_end", "real calendar date"),
        ({"quote": "   "}, "quote", "is required"),
        ({"source_title": ""}, "source_title", "is required"),
        ({"source_url": "javascript:alert(1)"}, "source_url", "http or https"),
        ({"country_iso3": "XYZ"}, "country_iso3", "ISO 3166-1 alpha-3"),
        ({"term": "vanished"}, "term", "known term"),
        ({"measure": "pile"}, "measure", "is not one of"),
        ({"source_reliability": "G"}, "source_reliability", "is not one of"),
        ({"source_kind": "blog"}, "source_kind", "is not one of"),
        ({"credibility": 9}, "credibility", "1 (confirmed) to 6"),
        ({"measure": "stock"}, "period_start", "a stock is a count at one moment"),
        ({"household_size": 5.0}, "household_size", "only for figures counted in households"),
        ({"period_start": None, "period_end": None}, "date_precision", "for figures with dates"),
    ],
)
def test_bad_figures_are_refused_naming_the_field(engine, change, field, words):
    with pytest.raises(ValidationError) as caught:
        add_figure(engine, {**SEED, **change}, by="analyst")
    assert any(p.column == field and words in p.message for p in caught.value.problems), (
        caught.value
    )
    assert count_figures(engine) == 0


def test_every_change_is_a_revision_and_nothing_is_deleted(engine):
    figure_id = add_figure(engine, {**SEED, "status": "candidate"}, by="a")
    edit_figure(engine, figure_id, {"best": 5500.0, "high": 5500.0, "low": 5500.0}, by="b",
                  reason="corrected by the agency")  # fmt: skip
    with pytest.raises(FigureError, match="needs a reason"):
        reject(engine, [figure_id], by="c", reason="")
    accept(engine, [figure_id], by="c")
    retract(engine, [figure_id], by="d", reason="source withdrew it")
    entries = history(engine, figure_id)
    assert [e.action for e in entries] == ["created", "edited", "accepted", "retracted"]
    assert entries[1].changes["best"] == ["5000", "5500"]
    assert entries[3].reason == "source withdrew it"
    assert get_figure(engine, figure_id)["status"] == "retracted"
    assert count_figures(engine) == 1
    assert count_figures(engine, FigureFilter()) == 0  # only accepted ones by default


def test_a_retracted_figure_cannot_be_accepted_directly(engine):
    figure_id = add_figure(engine, SEED, by="a")
    retract(engine, [figure_id], by="a", reason="duplicate")
    with pytest.raises(FigureError, match="can become candidate"):
        accept(engine, [figure_id], by="a")


def test_round_trip_is_byte_identical(engine, url, tmp_path, request):
    """Export → init --empty → import → export gives the same bytes, formula cells included."""
    add_figure(engine, SEED, by="a")
    add_figure(engine, {**SEED, "quote": "=HYPERLINK(\"http://x\")", "notes": "-5,000 was a typo",
                        "attributed_to": "@officials", "low": 63.9, "best": 71.0, "high": 78.1,
                        "population": "'=already escaped looking",
                        "qualifier": "approximately", "unit": "households",
                        "household_size": 5.5}, by="b")  # fmt: skip
    first = tmp_path / "first.csv"
    first.write_text(export_text(engine))
    rows = list(csv.DictReader(io.StringIO(first.read_text())))
    assert rows[1]["quote"].startswith("'=") and rows[1]["notes"].startswith("'-")
    assert rows[1]["population"] == "''=already escaped looking"
    assert rows[1]["low"] == "63.9"

    if url.startswith("sqlite"):
        second = f"sqlite:///{tmp_path / 'second.db'}"
    else:
        second = _new_pg_database(request.getfixturevalue("postgres_url"))
    fresh = storage.engine_for(second)
    storage.create_schema(fresh)
    import_extract(fresh, first, by="importer")
    assert export_text(fresh) == first.read_text()


def test_import_is_all_or_nothing_with_line_numbers(engine, tmp_path):
    header, row = export_text_of(engine, tmp_path).splitlines(keepends=True)
    row = row.removeprefix("1,")  # no figure_id: each row is a new figure
    # A quoted cell over two lines (lines 3-4) moves the line numbers of the rows after it.
    multiline = row.replace("In all, upward", "In all,\nupward")
    not_a_number = row.replace(",5000,5000,5000,exact,", ",5000,lots,5000,exact,")
    bad_date = row.replace("2019-03-22", "2019-13-22")
    path = tmp_path / "bad.csv"
    path.write_text(header + "".join("," + r for r in (row, multiline, not_a_number, bad_date)))
    before = count_figures(engine)
    with pytest.raises(ExtractImportError) as caught:
        import_extract(engine, path, by="x")
    assert caught.value.problems == [
        "line 5, column best: 'lots' is not a number; write plain digits like 30000 or 63.9",
        "line 6, column period_end: '2019-13-22' is not a real calendar date; write YYYY-MM-DD",
    ]
    assert count_figures(engine) == before


def export_text_of(engine, tmp_path) -> str:
    add_figure(engine, SEED, by="a")
    return export_text(engine)


def test_import_refuses_a_header_it_does_not_know(engine, tmp_path):
    path = tmp_path / "odd.csv"
    path.write_text("quote,people\nsomething,5\n")
    with pytest.raises(ExtractImportError) as caught:
        import_extract(engine, path, by="x")
    assert (
        "line 1, column 2: 'people' is not a column of the extract format" in caught.value.problems
    )


def test_import_refuses_a_row_with_extra_cells(engine, tmp_path):
    text = export_text_of(engine, tmp_path)
    path = tmp_path / "ragged.csv"
    header, row = text.splitlines()[:2]
    path.write_text(header + "\n" + row.replace("1,accepted", ",accepted") + ",extra\n")
    n = len(COLUMNS)
    with pytest.raises(ExtractImportError, match=f"line 2: {n + 1} cells where the header has {n}"):
        import_extract(engine, path, by="x")


def test_import_with_hxl_row_and_existing_ids(engine, tmp_path):
    add_figure(engine, SEED, by="a")
    out = io.StringIO()
    write_extract(engine, out, hxl=True)
    lines = out.getvalue().splitlines()
    assert lines[1].split(",")[0] == "#meta+id"
    path = tmp_path / "hxl.csv"
    path.write_text(out.getvalue())
    # The same extract again changes nothing: its row repeats figure 1.
    again = import_extract(engine, path, by="x")
    assert (again.figures, again.duplicates, again.skipped_hxl_row) == (0, 1, True)
    assert count_figures(engine) == 1
    # Figure 1's id on different values is refused.
    path.write_text(
        out.getvalue().replace("5,000 in just the past week", "6,000 in just the past week")
    )
    with pytest.raises(ExtractImportError) as caught:
        import_extract(engine, path, by="x")
    assert caught.value.problems == [
        "line 3, column figure_id: figure 1 exists already with other values; leave figure_id "
        "empty to add this as a new figure"
    ]


def test_cli_init_loads_the_curated_figures(url, tmp_path):
    runner = CliRunner()
    result = runner.invoke(main, ["--db", url, "init"])
    assert result.exit_code == 0, result.output
    extracts = [p for p in (ROOT / "figures").glob("*.csv") if p.name != "places.csv"]
    curated = sum(1 for p in extracts for _ in csv.DictReader(p.open()))
    assert curated >= 60
    assert f"loaded {curated} figures" in result.output
    again = runner.invoke(main, ["--db", url, "init"])
    assert "not loaded again" in again.output
    exported = runner.invoke(main, ["--db", url, "export", "--status", "all"])
    assert exported.output.count("\n") >= curated + 1


def test_cli_add_import_export_history(sqlite_url, tmp_path):
    runner = CliRunner()
    runner.invoke(main, ["--db", sqlite_url, "init", "--empty"])
    added = runner.invoke(main, [
        "--db", sqlite_url, "add", "--quote", "IS still has \"tens of thousands\" of fighters",
        "--population", "IS fighters", "--term", "remain", "--estimate", "tens of thousands",
        "--end", "2019-03-22", "--precision", "day", "--source-title", "Islamic State Loses Caliphate in Syria",
        "--attributed-to", "US defense officials",
    ])  # fmt: skip
    assert added.exit_code == 0, added.output
    out = tmp_path / "x.csv"
    assert runner.invoke(main, ["--db", sqlite_url, "export", "-o", str(out)]).exit_code == 0
    row = next(csv.DictReader(out.open()))
    assert (row["low"], row["best"], row["high"], row["qualifier"], row["measure"]) == (
        "20000", "50000", "99999", "vague_magnitude", "stock"
    )  # fmt: skip
    shown = runner.invoke(main, ["--db", sqlite_url, "history", "1"])
    assert "revision 1" in shown.output and "created" in shown.output
    bad = tmp_path / "bad.csv"
    bad.write_text(out.read_text().replace(",remain,", ",vanished,"))
    failed = runner.invoke(main, ["--db", sqlite_url, "import", str(bad)])
    assert failed.exit_code == 1
    assert "line 2, column term: 'vanished' is not a known term" in failed.output


def test_python_dash_m_is_the_same_command(tmp_path):
    done = subprocess.run([sys.executable, "-m", "tracker", "export", "--help"], capture_output=True,
                          text=True, cwd=tmp_path)  # fmt: skip
    assert done.returncode == 0 and "Example:" in done.stdout


def test_export_columns_are_the_design_order(engine):
    add_figure(engine, SEED, by="a")
    header = export_text(engine).splitlines()[0]
    assert tuple(header.split(",")) == COLUMNS


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "line 1: the file is empty"),
        (
            b"figure_id,quote\n\xff\xfe\x00garbage\n",
            "line 2, column figure_id: byte 0xFF is not UTF-8",
        ),
        (
            "figure_id,quote\n1,caf\u00e9\n".encode("latin-1"),
            "line 2, column quote: byte 0xE9 is not UTF-8",
        ),
    ],
)
def test_import_refuses_unreadable_files_with_a_message(sqlite_engine, tmp_path, content, message):
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    with pytest.raises(ExtractImportError, match=message):
        import_extract(sqlite_engine, path, by="x")
    assert count_figures(sqlite_engine) == 0
