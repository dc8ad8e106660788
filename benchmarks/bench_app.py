"""Time the charts page on a large database with Streamlit's AppTest: the first chart in a new
process, a rerun after a filter changes, the next page of series; print the peak memory of the
process that ran the app.

    python benchmarks/bench_app.py            # 1,000,000 figures over 2,000 series
    python benchmarks/bench_app.py -n 100000
    python benchmarks/bench_app.py --db sqlite:///big.db   # reuse a filled database

Targets (issue 10): first chart in a new process under 2 s, rerun after a filter change under
0.3 s, peak memory under 512 MiB.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))


def fill(db_url: str, n: int, work: Path) -> None:
    from bench_store import generate

    source = work / "figures.csv"
    sources = max(n // 20, 1)  # as bench_store: one source per 20 figures
    print(f"generating and importing {n:,} figures from {sources:,} sources …", flush=True)
    generate(source, n, sources)
    tracker = [sys.executable, "-m", "tracker", "--db", db_url]
    subprocess.run([*tracker, "init", "--empty"], check=True, stdout=subprocess.DEVNULL)
    subprocess.run([*tracker, "import", str(source)], check=True, stdout=subprocess.DEVNULL)
    source.unlink()


def measure(db_url: str, reruns: int = 5) -> None:
    """Runs in its own process so that its peak memory is the app's alone."""
    os.environ["TRACKER_DATABASE_URL"] = db_url
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    def run(app: AppTest) -> float:
        started = time.perf_counter()
        app.run()
        if app.exception:
            raise SystemExit(f"the app failed: {app.exception}")
        return time.perf_counter() - started

    app = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=120)
    cold = run(app)
    options = app.multiselect(key="f_location").options
    times = []
    for n in range(reruns):
        app.multiselect(key="f_location").set_value(
            [options[(n + 1) * len(options) // (reruns + 2)]]
        )
        times.append(run(app))
    shown = next((c.value for c in app.caption if "figures in" in c.value), "")
    # The next page of series of the whole tracker.
    app.multiselect(key="f_location").set_value([])
    run(app)
    app.selectbox(key="f_page").set_value(2)
    next_page = run(app)
    # A new session on a server that has run before: modules imported, caches empty.
    st.cache_data.clear()
    st.cache_resource.clear()
    warm = run(AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=120))
    peak = next(
        int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM:")
    )
    times.sort()
    print(f"first chart, new process: {cold:5.2f} s  (target < 2 s; includes importing modules)")
    print(f"first chart, new session on a running server (caches empty): {warm:5.2f} s")
    print(
        f"rerun after choosing a location: median {times[len(times) // 2]:4.2f} s, "
        f"worst {times[-1]:4.2f} s over {reruns}  (target < 0.3 s)"
    )
    print(f"next page of series: {next_page:4.2f} s")
    print(f"peak memory of the app's process: {peak / 1024:,.0f} MiB  (target < 512 MiB)")
    print(f"last location's view: {shown}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=1_000_000, help="figures to generate")
    parser.add_argument("--db", help="use this filled database instead of generating one")
    parser.add_argument("--measure", metavar="URL", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        measure(args.measure)
        return
    with tempfile.TemporaryDirectory(prefix="bench-app-") as folder:
        db_url = args.db or f"sqlite:///{Path(folder) / 'tracker.db'}"
        if not args.db:
            fill(db_url, args.n, Path(folder))
        subprocess.run([sys.executable, __file__, "--measure", db_url], check=True)


if __name__ == "__main__":
    main()
