"""How far two careful people agree: a second annotator's fields scored as an extractor's are.

`agreement.jsonl` holds, for documents of the dev set, the fields a second annotator gave to the
figures of the record (shown their spans only, never the record; see README.md, "Agreement
between annotators"). Scored by `score.score`, the same matching and the same comparisons as the
extractor's, they give the agreement the extractor's scores can be read against.

    python tests/devset/agreement.py
"""

from __future__ import annotations

import json
from dataclasses import fields
from pathlib import Path

try:  # run as a script (python tests/devset/agreement.py) or imported by the tests
    from score import Predicted, Score, load_documents, score
except ImportError:
    from tests.devset.score import Predicted, Score, load_documents, score

AGREEMENT = Path(__file__).with_name("agreement.jsonl")


def load_answers(path: Path = AGREEMENT) -> dict[str, dict]:
    """The second annotator's answers by document id."""
    with open(path, encoding="utf-8") as fh:
        return {a["id"]: a for a in map(json.loads, filter(str.strip, fh))}


def second_reader(answers: dict[str, dict]):
    """A predict function for `score`: the second annotator's figures of a record."""

    def predict(record: dict) -> list[Predicted]:
        return [
            Predicted(**{k.name: f[k.name] for k in fields(Predicted)})
            for f in answers[record["id"]]["figures"]
        ]

    return predict


def agreement(path: Path = AGREEMENT) -> Score:
    answers = load_answers(path)
    records = [d for d in load_documents() if d["id"] in answers]
    return score(second_reader(answers), records)


if __name__ == "__main__":
    result = agreement()
    print(f"second annotator on {len(load_answers())} documents:", result.summary())
