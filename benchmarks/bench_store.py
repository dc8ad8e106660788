"""Time `tracker import` and `tracker export` against their floors, measured in the same run.

Floors: pandas.read_csv + sqlite3 executemany into one plain table (import), and sqlite3 SELECT +
csv.writer (export). Prints seconds, ratios and each command's peak memory, then the time of a
single `add` into the full database (its transaction: the database's part of the work).

    python benchmarks/bench_store.py                      # N = 1,000,000, one source per 20 figures
    python benchmarks/bench_store.py -n 100000 --sources 500
"""

from __future__ import annotations

import argparse
import csv
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tracker.csvformat import COLUMNS  # noqa: E402

TERMS = ["fled", "displaced", "arrived", "returned", "hosted", "remain", "died"]
STOCKS = {"hosted", "remain"}


def generate(path: Path, n: int, sources: int, seed: int = 7) -> None:
    """N figures in the extract format: 2,000 series, `sources` sources, ids 1..N."""
    rng = np.random.default_rng(seed)
    series = rng.integers(0, 2000, n)
    term = np.array(TERMS)[series % len(TERMS)]
    stock = np.isin(term, list(STOCKS))
    end = pd.Timestamp("2019-01-01") + pd.to_timedelta(rng.integers(0, 1500, n), unit="D")
    start = end - pd.to_timedelta(rng.integers(1, 60, n), unit="D")
    best = rng.integers(10, 500_000, n).astype(float)
    kind = rng.integers(0, 3, n)  # exact, approximately, more_than
    low = np.where(kind == 1, np.floor(best * 0.9), best)
    high = np.where(kind == 1, np.ceil(best * 1.1), best)
    source = rng.integers(0, sources, n)

    def text(values) -> pd.Series:
        return pd.Series(values, dtype=object)

    frame = pd.DataFrame({
        "figure_id": np.arange(1, n + 1),
        "status": "accepted",
        "country_iso3": np.where(series % 5 == 0, "", "SYR"),
        "location": text([f"Location {s % 400}" for s in series]),
        "population": text([f"population {s // 400}" for s in series]),
        "term": term,
        "measure": np.where(stock, "stock", "flow"),
        "unit": "people",
        "household_size": "",
        "period_start": np.where(stock, "", start.strftime("%Y-%m-%d")),
        "period_end": end.strftime("%Y-%m-%d"),
        "date_precision": "day",
        "low": [f"{v:g}" for v in low],
        "best": [f"{v:g}" for v in best],
        "high": np.where(kind == 2, "", [f"{v:g}" for v in high]),
        "qualifier": np.array(["exact", "approximately", "more_than"])[kind],
        "credibility": rng.integers(1, 7, n),
        "quote": text([f"Some {int(b):,} people were counted in the area, the agency said." for b in best]),
        "attributed_to": "UN OCHA",
        "notes": "",
        "source_title": text([f"Flash Update {s}" for s in source]),
        "source_publisher": "UN OCHA (via ReliefWeb)",
        "source_url": text([f"https://reliefweb.int/report/flash-update-{s}" for s in source]),
        "source_published_on": "2019-03-04",
        "source_kind": "un_agency",
        "source_reliability": "B",
        "origin": "imported",
        "revision": 1,
        "created_by": "bench",
        "created_at": "2026-11-25T00:00:00Z",
    })  # fmt: skip
    # Columns the generator leaves out (coordinates) are empty, as in most extracts.
    frame = frame.reindex(columns=list(COLUMNS), fill_value="")
    frame.to_csv(path, index=False, lineterminator="\n")


def floor_import(csv_path: Path, db_path: Path) -> float:
    started = time.perf_counter()
    frame = pd.read_csv(csv_path, dtype=str, keep_default_na=False)
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute(f"CREATE TABLE plain ({', '.join(c + ' TEXT' for c in COLUMNS)})")
    marks = ", ".join("?" for _ in COLUMNS)
    conn.executemany(
        f"INSERT INTO plain VALUES ({marks})", frame.itertuples(index=False, name=None)
    )
    conn.commit()
    conn.close()
    return time.perf_counter() - started


def floor_export(db_path: Path, out_path: Path) -> float:
    started = time.perf_counter()
    conn = sqlite3.connect(db_path)
    with open(out_path, "w", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        cursor = conn.execute("SELECT * FROM plain")
        writer.writerow([d[0] for d in cursor.description])
        writer.writerows(cursor)
    conn.close()
    return time.perf_counter() - started


# Runs the tracker command and reports its own peak memory. VmHWM, unlike ru_maxrss, is not
# inherited from the (large) benchmark process that started it.
PEAK_WRAPPER = """
import atexit, sys
def report():
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            sys.stderr.write("PEAK_KB " + line.split()[1] + "\\n")
atexit.register(report)
from tracker.cli import main
sys.argv[0] = "tracker"
main()
"""


def timed(args: list[str], cwd: Path) -> tuple[float, float]:
    """Wall seconds and peak memory (MiB) of one tracker command."""
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", PEAK_WRAPPER, *args], cwd=cwd,
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)  # fmt: skip
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"tracker {' '.join(args)} failed:\n{done.stderr}")
    peak_kb = next(
        int(line.split()[1]) for line in done.stderr.splitlines() if line.startswith("PEAK_KB")
    )
    return seconds, peak_kb / 1024


def single_adds(db_url: str, count: int = 20) -> tuple[float, float]:
    """Median wall time of one add_figure into the database, and of its transaction (ms)."""
    import sqlalchemy as sa

    from tracker import storage
    from tracker.actions import add_figure

    engine = storage.engine_for(db_url)
    spans: list[float] = []
    began: list[float] = []
    sa.event.listen(engine, "begin", lambda conn: began.append(time.perf_counter()))
    sa.event.listen(engine, "commit", lambda conn: spans.append(time.perf_counter() - began[-1]))
    walls = []
    for i in range(count):
        values = {
            "quote": f"Benchmark figure {i}", "population": "civilians", "term": "fled",
            "measure": "flow", "location": f"New place {i}", "low": 1000 + i, "best": 1000 + i,
            "high": 1000 + i, "qualifier": "exact", "source_title": f"New report {i}",
            "source_kind": "ngo", "source_reliability": "C",
        }  # fmt: skip
        started = time.perf_counter()
        add_figure(engine, values, by="bench")
        walls.append(time.perf_counter() - started)
    return float(np.median(walls)) * 1000, float(np.median(spans[-count:])) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=1_000_000, help="figures to generate")
    parser.add_argument(
        "--sources", type=int, help="distinct sources (default: one per 20 figures)"
    )
    args = parser.parse_args()
    sources = args.sources or max(args.n // 20, 1)
    tracker = [sys.executable, "-m", "tracker"]
    with tempfile.TemporaryDirectory(prefix="bench-store-") as folder:
        work = Path(folder)
        source = work / "figures.csv"
        print(f"generating {args.n:,} figures from {sources:,} sources …", flush=True)
        generate(source, args.n, sources)
        print(f"file: {source.stat().st_size / 2**20:.0f} MiB")

        floor_in = floor_import(source, work / "floor.db")
        floor_out = floor_export(work / "floor.db", work / "floor.csv")

        db_url = f"sqlite:///{work / 'tracker.db'}"
        subprocess.run([*tracker, "--db", db_url, "init", "--empty"], cwd=work, check=True,
                       stdout=subprocess.DEVNULL)  # fmt: skip
        ours_in, mem_in = timed(["--db", db_url, "import", str(source)], work)
        out = work / "export.csv"
        ours_out, mem_out = timed(
            ["--db", db_url, "export", "--status", "all", "-o", str(out)], work
        )
        same = out.read_bytes() == source.read_bytes()
        add_wall, add_db = single_adds(db_url)

    print(
        f"import: tracker {ours_in:6.2f} s   floor {floor_in:6.2f} s   ratio {ours_in / floor_in:4.2f}"
        f"   peak {mem_in:,.0f} MiB"
    )
    print(
        f"export: tracker {ours_out:6.2f} s   floor {floor_out:6.2f} s   ratio {ours_out / floor_out:4.2f}"
        f"   peak {mem_out:,.0f} MiB"
    )
    print(f"round trip byte-identical: {same}")
    print(
        f"single add at {args.n:,} figures: {add_wall:.1f} ms, of which its transaction {add_db:.1f} ms"
    )


if __name__ == "__main__":
    main()
