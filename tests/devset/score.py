"""Score a figure extractor on the development set: precision, recall and interval accuracy.

Used by tests/test_extract.py (as a regression guard) and by benchmarks/bench_extract.py.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

DEVSET = Path(__file__).with_name("devset.jsonl")
# Whole documents of other crises, held out: the extractor was not tuned on them.
DOCUMENTS = Path(__file__).with_name("documents.jsonl")


@dataclass(frozen=True)
class Predicted:
    """One figure an extractor reports; fields it cannot say are None."""

    best: float | None
    low: float | None = None
    high: float | None = None
    qualifier: str | None = None
    unit: str | None = None
    term: str | None = None
    measure: str | None = None
    span: str | None = None
    period_start: str | None = None
    period_end: str | None = None
    location: str | None = None
    country_iso3: str | None = None
    attributed_to: str | None = None


@dataclass
class Score:
    expected: int = 0
    predicted: int = 0
    matched: int = 0
    interval_exact: int = 0
    term_right: int = 0
    measure_right: int = 0
    unit_right: int = 0
    period_checked: int = 0
    period_right: int = 0
    not_figures: int = 0
    not_figures_reported: int = 0
    place_checked: int = 0  # matched figures whose record annotates where and who
    location_right: int = 0
    country_right: int = 0
    attribution_right: int = 0
    misses: list[str] = field(default_factory=list)
    false_positives: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.expected if self.expected else 1.0

    @property
    def interval_accuracy(self) -> float:
        return self.interval_exact / self.matched if self.matched else 0.0

    def summary(self) -> str:
        m = self.matched or 1
        return (
            f"precision {self.precision:.3f} ({self.matched}/{self.predicted}), "
            f"recall {self.recall:.3f} ({self.matched}/{self.expected}), "
            f"interval accuracy {self.interval_accuracy:.3f}, "
            f"term {self.term_right / m:.3f}, measure {self.measure_right / m:.3f}, "
            f"unit {self.unit_right / m:.3f}, "
            f"period {self.period_right / (self.period_checked or 1):.3f} "
            f"({self.period_right}/{self.period_checked}), "
            f"non-figures reported {self.not_figures_reported}/{self.not_figures}"
            + (
                f", location {self.location_right / self.place_checked:.3f}, country "
                f"{self.country_right / self.place_checked:.3f}, attribution "
                f"{self.attribution_right / self.place_checked:.3f} (of {self.place_checked})"
                if self.place_checked
                else ""
            )
        )


def load_documents(split: str | None = None) -> list[dict]:
    """The whole documents, or those of one split: "tuning" (the extractor may be improved on
    them) or "sealed" (never; see tests/devset/README.md)."""
    return [d for d in load(DOCUMENTS) if split is None or d["split"] == split]


def load(path: Path = DEVSET) -> list[dict]:
    """The dev set: one record per sentence (see tests/devset/README.md)."""
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _key(low: float | None, best: float | None, high: float | None) -> float | None:
    # The number that identifies a figure: best, or the bound a less_than/at_most figure gives.
    return best if best is not None else (high if high is not None else low)


def _same(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-6)


def score(
    predict: Callable[[dict], Iterable[Predicted]], records: list[dict] | None = None
) -> Score:
    """Match predicted to expected figures per sentence by their identifying number (one to one).

    precision = matched / predicted; recall = matched / expected; interval accuracy = the share of
    matched figures whose low, best, high and qualifier are all as annotated. Term, measure, unit
    and period are reported the same way (period only where the sentence's source has a
    publication date and the figure an annotated period).
    """
    result = Score()
    for record in records if records is not None else load():
        expected = list(record["figures"])
        predicted = list(predict(record))
        result.expected += len(expected)
        result.predicted += len(predicted)
        open_expected = expected[:]
        for p in predicted:
            key = _key(p.low, p.best, p.high)
            hit = next(
                (e for e in open_expected if _same(_key(e["low"], e["best"], e["high"]), key)), None
            )
            if hit is None:
                result.false_positives.append(f"{record['id']}: {p.span or key!r}")
                continue
            open_expected.remove(hit)
            result.matched += 1
            bounds = all(
                _same(p_, e_)
                for p_, e_ in ((p.low, hit["low"]), (p.best, hit["best"]), (p.high, hit["high"]))
            )
            result.interval_exact += bounds and p.qualifier == hit["qualifier"]
            result.term_right += p.term == hit["term"]
            result.measure_right += p.measure == hit["measure"]
            result.unit_right += p.unit == hit["unit"]
            if "location" in hit:
                result.place_checked += 1
                result.location_right += _same_place(p.location, hit["location"])
                result.country_right += p.country_iso3 == hit["country_iso3"]
                result.attribution_right += _same_words(p.attributed_to, hit["attributed_to"])
            if record["published_on"] and hit["period_end"]:
                # Periods resolve against the publication date; without one they cannot.
                result.period_checked += 1
                result.period_right += (p.period_start, p.period_end) == (
                    hit["period_start"],
                    hit["period_end"],
                )
        result.misses += [f"{record['id']}: {e['best'] or e['high']}" for e in open_expected]
        for words in record.get("not_figures", []):
            result.not_figures += 1
            start = record["text"].find(words)
            end = start + len(words)
            reported = any(
                p.span and _overlaps(record["text"], p.span, start, end) for p in predicted
            )
            result.not_figures_reported += reported
    return result


def _same_words(a: str | None, b: str | None) -> bool:
    def norm(x):
        words = (x or "").lower().replace("the ", "").split()
        return " ".join(words[1:] if words[:1] in (["a"], ["an"]) else words)

    return norm(a) == norm(b)


def _same_place(predicted: str | None, expected: str | None) -> bool:
    """The same place: the same words (with or without a word of place after them: "Darfur
    region" and "Darfur"), or the gazetteer's same first reading ("Al-Hol camp" and "Al Hol
    camp")."""
    if predicted is None or expected is None:
        return predicted is expected
    from tracker import places

    if places.key(predicted) == places.key(expected):
        return True
    # "Darfur region" is Darfur: a word of place after a name the gazetteer lacks names it too.
    bare = places._without_place_word
    if places.key(bare(predicted)) == places.key(bare(expected)):
        return True
    a, b = places.lookup(predicted), places.lookup(expected)
    return bool(a and b and a[0] == b[0])


def _overlaps(text: str, span: str, start: int, end: int) -> bool:
    at = text.find(span)
    while at != -1:
        if at < end and start < at + len(span):
            return True
        at = text.find(span, at + 1)
    return False


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def extract_predictions(record: dict) -> list[Predicted]:
    """Run tracker.extract on one dev-set sentence."""
    from tracker.extract import extract

    published = date.fromisoformat(record["published_on"]) if record["published_on"] else None
    return [
        Predicted(
            best=c.estimate.best,
            low=c.estimate.low,
            high=c.estimate.high,
            qualifier=c.estimate.qualifier,
            unit=c.unit,
            term=c.term,
            measure=c.measure,
            span=c.span,
            period_start=_iso(c.period_start),
            period_end=_iso(c.period_end),
            location=c.location,
            country_iso3=c.country_iso3,
            attributed_to=c.attributed_to,
        )
        for c in extract(record["text"], published, title=record.get("title"))
    ]


if __name__ == "__main__":
    s = score(extract_predictions)
    print("in-sample sentences:", s.summary())
    tuning = score(extract_predictions, load_documents("tuning"))
    print("tuning documents:", tuning.summary())
    print("tuning misses:", tuning.misses, "false positives:", tuning.false_positives)
    sealed = load_documents("sealed")
    if sealed:
        print("sealed documents:", score(extract_predictions, sealed).summary())
    print("misses:", s.misses)
    print("false positives:", s.false_positives)
    for record in load():
        for p in extract_predictions(record):
            for e in record["figures"]:
                if _same(_key(e["low"], e["best"], e["high"]), _key(p.low, p.best, p.high)) and (
                    p.period_start,
                    p.period_end,
                ) != (e["period_start"], e["period_end"]):
                    print(
                        "period",
                        record["id"],
                        p.span,
                        (p.period_start, p.period_end),
                        (e["period_start"], e["period_end"]),
                    )
