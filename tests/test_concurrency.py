"""Many writers at once, as real processes on one database (SQLite file and PostgreSQL server).

Each worker is a separate Python process that starts when every worker is ready (a barrier file),
so the writes really overlap.
"""

from __future__ import annotations

import csv
import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import sqlalchemy as sa
from click.testing import CliRunner

from tracker import storage
from tracker.actions import add_figure
from tracker.cli import main
from tracker.csvformat import COLUMNS

ROOT = Path(__file__).resolve().parent.parent

WORKER_PRELUDE = """
import os, sys, time
from pathlib import Path
go = Path(sys.argv[2])
Path(sys.argv[3]).touch()  # ready
while not go.exists():
    time.sleep(0.01)
url, worker = sys.argv[1], int(sys.argv[4])
"""


def _run_workers(
    body: str, url: str, tmp_path: Path, count: int
) -> list[subprocess.CompletedProcess]:
    """Start `count` processes running `body` (after WORKER_PRELUDE), release them together."""
    script = tmp_path / "worker.py"
    script.write_text(WORKER_PRELUDE + textwrap.dedent(body))
    go = tmp_path / "go"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    processes = []
    for n in range(count):
        ready = tmp_path / f"ready{n}"
        processes.append(subprocess.Popen(
            [sys.executable, str(script), url, str(go), str(ready), str(n)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
        ))  # fmt: skip
    deadline = time.monotonic() + 60
    while not all((tmp_path / f"ready{n}").exists() for n in range(count)):
        assert time.monotonic() < deadline, "workers did not start"
        time.sleep(0.02)
    go.touch()
    results = []
    for p in processes:
        out, err = p.communicate(timeout=300)
        results.append(subprocess.CompletedProcess(p.args, p.returncode, out, err))
    return results


def _scalar(engine, sql: str):
    with engine.connect() as conn:
        return conn.execute(sa.text(sql)).scalar()


def test_four_writers_adding_into_the_same_new_series_and_sources(engine, url, tmp_path):
    results = _run_workers(
        """
        from tracker import storage
        from tracker.actions import add_figure
        engine = storage.engine_for(url)
        for i in range(200):
            add_figure(engine, {
                "quote": f"worker {worker} figure {i}", "population": "civilians", "term": "fled",
                "measure": "flow", "location": "Baghuz", "low": 100 + i, "best": 100 + i,
                "high": 100 + i, "qualifier": "exact",
                "source_title": f"Flash update {i % 10}", "source_kind": "un_agency",
                "source_reliability": "B",
            }, by=f"worker {worker}")
        """,
        url, tmp_path, 4,
    )  # fmt: skip
    assert [r.returncode for r in results] == [0, 0, 0, 0], [r.stderr[-2000:] for r in results]
    assert _scalar(engine, "SELECT COUNT(*) FROM figure") == 800
    assert _scalar(engine, "SELECT COUNT(*) FROM revision") == 800
    assert _scalar(engine, "SELECT COUNT(*) FROM source") == 10
    assert _scalar(engine, "SELECT COUNT(*) FROM series") == 1


def _extract(path: Path, rows: int, tag: str) -> None:
    """An extract of `rows` new figures over 50 series and 200 sources shared by every tag."""
    with path.open("w", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=COLUMNS)
        writer.writeheader()
        for i in range(rows):
            writer.writerow({
                "status": "accepted", "location": f"Place {i % 50}", "population": "civilians",
                "term": "fled", "measure": "flow", "low": i, "best": i, "high": i,
                "qualifier": "exact", "quote": f"{tag} {i}", "source_title": f"Report {i % 200}",
                "source_kind": "ngo", "source_reliability": "C",
            })  # fmt: skip


def test_two_imports_sharing_series_and_sources_both_complete(engine, url, tmp_path):
    for tag in ("a", "b"):
        _extract(tmp_path / f"{tag}.csv", 5_000, tag)
    results = _run_workers(
        """
        from click.testing import CliRunner
        from tracker.cli import main
        path = Path(sys.argv[2]).parent / ("a.csv" if worker == 0 else "b.csv")
        result = CliRunner().invoke(main, ["--db", url, "import", str(path)])
        print(result.output)
        sys.exit(result.exit_code)
        """,
        url, tmp_path, 2,
    )  # fmt: skip
    assert [r.returncode for r in results] == [0, 0], [r.stdout + r.stderr for r in results]
    assert _scalar(engine, "SELECT COUNT(*) FROM figure") == 10_000
    assert _scalar(engine, "SELECT COUNT(*) FROM source") == 200
    assert _scalar(engine, "SELECT COUNT(*) FROM series") == 50


def test_two_processes_editing_one_figure_lose_no_revision(engine, url, tmp_path):
    figure_id = add_figure(engine, {
        "quote": "5,000 in just the past week", "population": "civilians", "term": "fled",
        "measure": "flow", "low": 5000, "best": 5000, "high": 5000, "qualifier": "exact",
        "source_title": "Islamic State Loses Caliphate in Syria",
    }, by="analyst")  # fmt: skip
    results = _run_workers(
        f"""
        from tracker.cli import main
        for i in range(50):
            main(["--db", url, "edit", "{figure_id}", f"notes=worker {{worker}} edit {{i}}",
                  "--why", "concurrency test"], standalone_mode=False)
        """,
        url, tmp_path, 2,
    )  # fmt: skip
    assert [r.returncode for r in results] == [0, 0], [r.stderr[-2000:] for r in results]
    assert _scalar(engine, "SELECT COUNT(*) FROM revision") == 101
    assert _scalar(engine, "SELECT MAX(revision) FROM figure") == 101
    assert _scalar(engine, "SELECT COUNT(DISTINCT revision) FROM revision") == 101


def test_a_stale_edit_is_refused_and_names_the_newer_revision(engine):
    from tracker.actions import edit_figure
    from tracker.store import FigureError

    figure_id = add_figure(engine, {
        "quote": "some 3,000 left", "population": "civilians", "term": "left", "measure": "flow",
        "low": 2700, "best": 3000, "high": 3300, "qualifier": "approximately",
        "source_title": "A report",
    }, by="first")  # fmt: skip
    edit_figure(engine, figure_id, {"notes": "checked"}, by="second", expected_revision=1)
    try:
        edit_figure(engine, figure_id, {"notes": "my older view"}, by="third", expected_revision=1)
    except FigureError as error:
        message = str(error)
    else:
        raise AssertionError("a stale edit was applied")
    assert message.startswith(
        f"figure {figure_id} changed since you opened it (revision 2 by second)"
    )
    with engine.connect() as conn:
        notes = conn.execute(sa.text("SELECT notes FROM figure")).scalar()
    assert notes == "checked"


def test_a_writer_waits_for_an_import_holding_sqlite(sqlite_url, tmp_path):
    """While one process holds SQLite's write lock, another's add waits for it, then succeeds."""
    engine = storage.engine_for(sqlite_url)
    storage.create_schema(engine)
    results = _run_workers(
        """
        from tracker import storage
        from tracker.actions import add_figure
        engine = storage.engine_for(url)
        if worker == 0:
            with storage.writing(engine) as conn:
                conn.exec_driver_sql("INSERT INTO series (location, population, term, measure) "
                                     "VALUES ('x', 'y', 'fled', 'flow')")
                time.sleep(2)  # an import holding the database
        else:
            time.sleep(0.3)
            add_figure(engine, {"quote": "q", "population": "p", "term": "fled",
                                "measure": "flow", "best": 1, "low": 1, "high": 1,
                                "qualifier": "exact", "source_title": "s"}, by="b")
        """,
        sqlite_url, tmp_path, 2,
    )  # fmt: skip
    assert [r.returncode for r in results] == [0, 0], [r.stderr[-2000:] for r in results]
    assert _scalar(engine, "SELECT COUNT(*) FROM figure") == 1


def test_cli_accept_of_several_ids_is_all_or_nothing(sqlite_url):
    runner = CliRunner()
    runner.invoke(main, ["--db", sqlite_url, "init", "--empty"])
    engine = storage.engine_for(sqlite_url)
    ids = [
        add_figure(engine, {
            "status": "candidate", "quote": f"{n} fled", "population": "civilians",
            "term": "fled", "measure": "flow", "low": n, "best": n, "high": n,
            "qualifier": "exact", "source_title": "A report",
        }, by="a")
        for n in (100, 200)
    ]  # fmt: skip
    result = runner.invoke(main, ["--db", sqlite_url, "accept", str(ids[0]), "9999", str(ids[1])])
    assert result.exit_code == 1
    assert "figure 9999 does not exist; nothing was changed" in result.output
    assert _scalar(engine, "SELECT COUNT(*) FROM figure WHERE status = 'accepted'") == 0
    assert _scalar(engine, "SELECT COUNT(*) FROM revision") == 2


def test_a_junk_candidate_can_be_rejected(sqlite_url):
    engine = storage.engine_for(sqlite_url)
    storage.create_schema(engine)
    junk = add_figure(engine, {
        "status": "candidate", "quote": "Call 555-1234.", "measure": "stock", "low": 555,
        "best": 555, "high": 555, "qualifier": "exact", "source_title": "A leaflet",
    }, by="extractor")  # fmt: skip
    result = CliRunner().invoke(
        main, ["--db", sqlite_url, "reject", str(junk), "--why", "a phone number"]
    )
    assert result.exit_code == 0, result.output
    assert _scalar(engine, "SELECT status FROM figure") == "rejected"
