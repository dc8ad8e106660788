"""The gazetteer in a process of its own, for the app: it takes about a second of Python to build,
which in the app's process would hold up every page drawn meanwhile. Questions go to one worker
(`python -m tracker.lookup_process`, a line of JSON each), which builds it once and answers; the
app asks again on its next redraw.
"""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
import threading
import time

from tracker import places

# A question: ("first", location, country) → first_reading; ("all", location, None) → readings.
Question = tuple[str, str, str | None]


def first_reading(location: str, country_iso3: str | None = None) -> places.Place | None:
    """The gazetteer's first reading of `location` that has coordinates, among the readings in
    `country_iso3` when it is given and the gazetteer has one there; None if it knows none."""
    found = readings(location)
    if country_iso3:
        found = [p for p in found if p.country_iso3 == country_iso3] or found
    return found[0] if found else None


def readings(location: str) -> list[places.Place]:
    """Every reading of `location` that has coordinates."""
    return [p for p in places.lookup(location) if p.latitude is not None]


def answer(question: Question):
    kind, location, country = question
    return first_reading(location, country) if kind == "first" else readings(location)


# --- the app's side -------------------------------------------------------------------------------

_lock = threading.Lock()
_worker: subprocess.Popen | None = None
_known: dict[Question, object] = {}
_asked: set[Question] = set()


def _start() -> subprocess.Popen:
    global _worker
    if _worker is None or _worker.poll() is not None:
        _worker = subprocess.Popen(
            [sys.executable, "-m", "tracker.lookup_process"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, encoding="utf-8",
        )  # fmt: skip
        threading.Thread(target=_read, args=(_worker,), name="gazetteer", daemon=True).start()
    return _worker


def _read(worker: subprocess.Popen) -> None:
    """Each answer the worker writes, into _known."""
    assert worker.stdout is not None
    for line in worker.stdout:
        reply = json.loads(line)
        question = tuple(reply["question"])
        value = reply["answer"]
        if isinstance(value, list):
            value = [places.Place(**p) for p in value]
        elif value is not None:
            value = places.Place(**value)
        with _lock:
            _known[question] = value
            _asked.discard(question)
    with _lock:
        lost = sorted(_asked)
        _asked.clear()
    if lost:
        raise RuntimeError(f"the gazetteer's worker stopped before answering {lost}")


def ask(questions: list[Question]) -> dict:
    """The answers known now, by question; the others are sent to the worker (once each) and
    answered on a later call."""
    with _lock:
        new = [q for q in questions if q not in _known and q not in _asked]
        if new:
            worker = _start()
            assert worker.stdin is not None
            for question in new:
                worker.stdin.write(json.dumps(question) + "\n")
            worker.stdin.flush()
            _asked.update(new)
        return {q: _known[q] for q in questions if q in _known}


def waiting() -> bool:
    """Whether a question is still with the worker."""
    with _lock:
        return bool(_asked)


def answered() -> int:
    """How many questions have been answered: a cache key for what depends on them."""
    with _lock:
        return len(_known)


def wait(timeout: float = 60) -> None:
    """Until every question sent has its answer (for tests and scripts)."""
    deadline = time.monotonic() + timeout
    while waiting():
        if time.monotonic() > deadline:
            raise TimeoutError("the gazetteer's worker has not answered")
        time.sleep(0.05)


def _serve() -> None:
    """The worker: a question a line on stdin, its answer a line on stdout."""
    for line in sys.stdin:
        question = tuple(json.loads(line))
        value = answer(question)
        if isinstance(value, list):
            value = [dataclasses.asdict(p) for p in value]
        elif value is not None:
            value = dataclasses.asdict(value)
        print(json.dumps({"question": question, "answer": value}), flush=True)


if __name__ == "__main__":
    _serve()
