"""The command line as analysts use it: extract, ingest, review, check, consensus export."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from tracker.cli import main

from .conftest import ROOT

SEED = str(ROOT / "seeds" / "000_5e049728476cadbf.txt")
SOURCE = ["--title", "Islamic State Loses Caliphate in Syria", "--published", "2019-03-22",
          "--kind", "news"]  # fmt: skip


@pytest.fixture
def run(sqlite_url):
    runner = CliRunner()

    def invoke(*args: str):
        return runner.invoke(main, ["--db", sqlite_url, *args])

    assert invoke("init", "--empty").exit_code == 0
    return invoke


def test_extract_prints_the_seed_figures_and_stores_nothing(run):
    result = run("extract", SEED, "--published", "2019-03-22", "--format", "json")
    assert result.exit_code == 0, result.output
    found = json.loads(result.output)
    assert [(c["best"], c["qualifier"], c["measure"]) for c in found] == [
        (50000, "vague_magnitude", "stock"),
        (30000, "more_than", "flow"),
        (5000, "exact", "flow"),
    ]
    assert found[2]["period_start"] == "2019-03-16" and found[2]["period_end"] == "2019-03-22"
    assert (
        found[1]["period_text"] == "since the offensive began" and found[1]["period_start"] is None
    )
    assert "no candidates" in run("review").output


def test_extract_csv_is_spreadsheet_safe(run, tmp_path):
    doc = tmp_path / "doc.html"
    doc.write_text(
        "<p>=cmd| About 2,300 families have fled Hajin since Monday.</p><script>x=1</script>"
    )
    result = run("extract", str(doc), "--published", "2019-02-06", "--format", "csv")
    assert result.exit_code == 0, result.output
    [row] = list(csv.DictReader(io.StringIO(result.output)))
    assert row["unit"] == "households" and row["best"] == "2300"
    assert row["sentence"].startswith("'=cmd|")


def test_ingest_twice_adds_nothing_and_review_settles(run):
    first = run("ingest", SEED, *SOURCE)
    assert "stored 3 candidates" in first.output, first.output
    second = run("ingest", SEED, *SOURCE)
    assert "stored 0 candidates" in second.output and "3 were stored already" in second.output
    listed = run("review").output
    assert listed.count("Extracted from the words") == 3
    refused = run("reject", "2")
    assert refused.exit_code != 0 and "--why" in refused.output
    assert run("accept", "1").exit_code == 0
    assert run("reject", "2", "--why", "counted twice").exit_code == 0
    assert run("review").output.count("Extracted from the words") == 1
    history = run("history", "2").output
    assert "rejected" in history and "counted twice" in history
    exported = list(csv.DictReader(io.StringIO(run("export").output)))
    assert [r["figure_id"] for r in exported] == ["1"]
    assert exported[0]["origin"] == "extracted" and exported[0]["quote"].startswith("Even once")


def test_edit_changes_a_figure_with_a_revision(run):
    run("ingest", SEED, *SOURCE)
    # Extraction placed it at Baghuz (the sentence says "fled Baghuz"); the reviewer moves it.
    assert run("edit", "3", "location=Al Hol camp", "--why", "named").exit_code == 0
    bad = run("edit", "3", "country_iso3=Syria")
    assert (
        bad.exit_code == 1
        and "country_iso3: 'Syria' is not an ISO 3166-1 alpha-3 code" in bad.output
    )
    assert 'location: "Baghuz" → "Al Hol camp"' in run("history", "3").output


def _add(run, *args: str):
    result = run("add", "--quote", "q", "--population", "civilians", "--term", "fled",
                 "--location", "Baghuz", "--source-title", "A report", "--precision", "day", *args)  # fmt: skip
    assert result.exit_code == 0, result.output


def test_check_exits_1_on_contradictions_and_0_without(run):
    _add(run, "--estimate", "about 3,000", "--start", "2019-03-04", "--end", "2019-03-04")
    _add(run, "--estimate", "3,100", "--start", "2019-03-04", "--end", "2019-03-04")
    calm = run("check")
    assert calm.exit_code == 0 and "no consistency flags" in calm.output
    _add(run, "--estimate", "500", "--start", "2019-03-04", "--end", "2019-03-04")
    flagged = run("check", "--format", "csv")
    assert flagged.exit_code == 1
    rows = list(csv.DictReader(io.StringIO(flagged.output)))
    assert {r["kind"] for r in rows} == {"estimates_disagree"}
    assert "3" in rows[0]["figure_ids"].split() and rows[0]["series"].startswith("Baghuz")


def test_export_consensus(run):
    _add(run, "--estimate", "about 3,000", "--start", "2019-03-04", "--end", "2019-03-04")
    _add(run, "--estimate", "3,100", "--start", "2019-03-04", "--end", "2019-03-04")
    result = run("export", "--consensus")
    assert result.exit_code == 0, result.output
    [row] = list(csv.DictReader(io.StringIO(result.output)))
    assert list(row)[:7] == ["series", "date", "low", "best", "high", "agreement", "figure_ids"]
    assert (row["period_start"], row["unit"]) == ("2019-03-04", "people")
    assert (row["date"], row["low"], row["high"], row["agreement"]) == (
        "2019-03-04",
        "3100",
        "3100",
        "agree",
    )
    assert row["figure_ids"].split() == ["1", "2"]
