"""Time `tracker.extract` against quantulum3 on the dev set, and score both on it.

Run: python benchmarks/bench_extract.py   (needs the `bench` extra: quantulum3)
Floors: extract ≥ 200,000 chars/s and ≥ 10× quantulum3's throughput.
"""

from __future__ import annotations

import sys
import time
import warnings
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.devset.score import Predicted, extract_predictions, load, score  # noqa: E402
from tracker.extract import extract  # noqa: E402

CORPUS_CHARS = 1_000_000
QUANTULUM_SLICE = 50_000  # quantulum3 takes minutes on a megabyte; its rate is measured on a slice
FLOOR_CHARS_PER_S = 200_000
FLOOR_RATIO = 10.0


def corpus(records: list[dict]) -> str:
    """The dev set's sentences as paragraphs, repeated to at least CORPUS_CHARS characters."""
    block = "\n\n".join(r["text"] for r in records) + "\n\n"
    return block * (CORPUS_CHARS // len(block) + 1)


def rate(fn, text: str, repeat: int = 3) -> tuple[float, int]:
    """Best-of-`repeat` characters per second, and how many quantities one run found."""
    best, found = float("inf"), 0
    for _ in range(repeat):
        start = time.perf_counter()
        found = len(fn(text))
        best = min(best, time.perf_counter() - start)
    return len(text) / best, found


def main() -> int:
    warnings.filterwarnings("ignore")
    from quantulum3 import parser

    records = load()
    text = corpus(records)
    published = date(2019, 3, 22)
    extract_rate, n_extract = rate(lambda t: extract(t, published), text)
    parser.parse("warm up: 5,000 people")  # its first call loads models; not part of the rate
    sample = text[:QUANTULUM_SLICE]
    quantulum_rate, n_quantulum = rate(parser.parse, sample, repeat=1)

    def quantulum_predictions(record: dict) -> list[Predicted]:
        return [
            Predicted(best=float(q.value), span=q.surface) for q in parser.parse(record["text"])
        ]

    ours = score(extract_predictions, records)
    theirs = score(quantulum_predictions, records)
    ratio = extract_rate / quantulum_rate
    print(f"corpus: {len(records)} dev-set sentences repeated to {len(text):,} chars")
    print(
        f"extract:    {extract_rate:12,.0f} chars/s over {len(text):,} chars "
        f"({n_extract:,} candidates; best of 3)"
    )
    print(
        f"quantulum3: {quantulum_rate:12,.0f} chars/s over a {len(sample):,}-char slice "
        f"({n_quantulum:,} quantities; one run)"
    )
    print(f"ratio extract / quantulum3: {ratio:,.1f}x")
    print(f"dev set, extract:    {ours.summary()}")
    print(
        f"dev set, quantulum3: precision {theirs.precision:.3f} "
        f"({theirs.matched}/{theirs.predicted}), recall {theirs.recall:.3f} "
        f"({theirs.matched}/{theirs.expected}) — a quantity counts when its value is an "
        "expected best; any other quantity is a false positive"
    )
    ok = extract_rate >= FLOOR_CHARS_PER_S and ratio >= FLOOR_RATIO
    print(
        f"floors (≥ {FLOOR_CHARS_PER_S:,} chars/s, ≥ {FLOOR_RATIO:.0f}x): "
        f"{'met' if ok else 'NOT met'}"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
