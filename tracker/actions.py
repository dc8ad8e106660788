"""One library call per action: add, edit, accept, reject, retract, reopen, ingest, import,
initialise, edit a source, merge two sources. Each is one transaction and names its actor; the
CLI and the app's pages call these and hold no rule of their own.
"""

from __future__ import annotations

import csv
import getpass
import json
import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from tracker.csvformat import (
    COLUMNS,
    TEXT_COLUMNS,
    ExtractImportError,
    chunks,
    header_problems,
    not_utf8,
    problem_order,
    ragged_rows,
    read_header,
    record_lines,
    unescape,
)
from tracker.store import (
    FIGURE,
    FIGURE_WRITE_COLUMNS,
    REVISION,
    FigureError,
    Writer,
    _db_values,
    _series_frame,
    _source_frame,
    get_figure,
)
from tracker.tables import Status
from tracker.validation import Problem, ValidationError, check_rows, figure_row, now

FIGURES_DIR = Path(__file__).resolve().parent.parent / "figures"  # the curated sets
Progress = Callable[[int], None]

# Status changes a review may make, and whether they need a reason.
TRANSITIONS: dict[str, dict[str, bool]] = {
    Status.candidate.value: {Status.accepted.value: False, Status.rejected.value: True},
    Status.accepted.value: {Status.retracted.value: True},
    Status.rejected.value: {Status.candidate.value: True},
    Status.retracted.value: {Status.candidate.value: True},
}


def current_user() -> str:
    """Who is recorded on revisions: TRACKER_USER, else the login name."""
    return os.environ.get("TRACKER_USER") or getpass.getuser() or "unknown"


# --- one figure at a time ---------------------------------------------------------------------


def add_figure(engine: Engine, values: dict, by: str, reason: str | None = None) -> int:
    """Check and store one figure with its source; return its id. Raises ValidationError.

    `values` uses the extract's column names (source_title, low, period_end …); dates, numbers
    and text are all accepted. `origin` defaults to entered and `status` to accepted.
    """
    values = {"origin": "entered", **values, "created_by": by, "figure_id": None}
    typed, problems = check_rows(figure_row(values))
    if problems:
        raise ValidationError(problems)
    with engine.begin() as conn:
        writer = Writer(conn)
        [new_id] = writer.write(typed, returning=True)
        writer.finish("created", by, reason)
    return new_id


def add_candidates(
    engine: Engine, source: dict, candidates: list, by: str
) -> tuple[list[int], int]:
    """Store extracted candidates of one source for review; return (new ids, skipped as known).

    `source` has the extract's source_* keys; each candidate is a tracker.extract.Candidate. A
    candidate already stored for the same source (same sentence, span and estimate) is skipped,
    so ingesting a document twice adds nothing the second time.
    """
    rows = [_candidate_values(source, c, by) for c in candidates]
    if not rows:
        return [], 0
    typed, problems = check_rows(pd.concat([figure_row(r) for r in rows], ignore_index=True))
    if problems:
        raise ValidationError(problems)
    with engine.begin() as conn:
        writer = Writer(conn)
        source_id = int(writer.sources.resolve(_source_frame(typed.iloc[:1]))[0])
        known = {
            (r.quote, r.notes, r.low, r.best, r.high)
            for r in conn.execute(
                sa.select(
                    FIGURE.c.quote, FIGURE.c.notes, FIGURE.c.low, FIGURE.c.best, FIGURE.c.high
                ).where(FIGURE.c.source_id == source_id, FIGURE.c.origin == "extracted")
            )
        }
        fresh = [
            i for i, r in enumerate(rows)
            if (r["quote"], r["notes"], r["low"], r["best"], r["high"]) not in known
        ]  # fmt: skip
        ids = writer.write(typed.iloc[fresh], returning=True)
        writer.finish("extracted", by, None)
        return ids, len(rows) - len(fresh)


# How a candidate's notes name the words it was extracted from (the review page highlights them).
EXTRACTED_NOTE = "Extracted from the words “{span}”"
_EXTRACTED = re.compile(r"^Extracted from the words “(?P<span>.+?)”", re.DOTALL)


def extracted_span(notes: str | None) -> str | None:
    """The words a candidate was extracted from, as its notes record them; None if not said."""
    match = _EXTRACTED.match(notes or "")
    return match["span"] if match else None


def _candidate_values(source: dict, c, by: str) -> dict:
    from tracker.extract import PERIOD, PERIOD_PRECISION

    notes = EXTRACTED_NOTE.format(span=c.span)
    precision = None
    if c.period_text:
        notes += f"; period in the text: “{c.period_text}”"
        match = PERIOD.search(c.period_text)
        precision = PERIOD_PRECISION.get(match.lastgroup or "", "day") if match else "day"
    dated = c.period_start is not None or c.period_end is not None
    return {
        **source, "status": "candidate", "origin": "extracted", "created_by": by,
        "quote": c.sentence, "notes": notes, "population": c.population, "term": c.term,
        "measure": c.measure, "unit": c.unit, "household_size": c.household_size,
        # A stock is a count at one moment: only its end date is kept.
        "period_start": c.period_start if c.measure == "flow" else None,
        "period_end": c.period_end,
        "date_precision": (precision or "day") if dated else None, "attributed_to": c.attributed_to,
        "low": c.estimate.low, "best": c.estimate.best, "high": c.estimate.high,
        "qualifier": c.estimate.qualifier,
    }  # fmt: skip


def update_figure(
    engine: Engine, figure_id: int, changes: dict, by: str, reason: str | None = None,
    action: str = "edited",
) -> int:  # fmt: skip
    """Change a figure through the one validation path; write a revision; return its number."""
    current = get_figure(engine, figure_id)
    unknown = sorted(set(changes) - set(COLUMNS))
    if unknown:
        raise FigureError(f"{', '.join(unknown)}: not a column; use one of {', '.join(COLUMNS)}")
    text_changes = figure_row(changes).iloc[0].to_dict()
    merged = dict(current)
    for key in changes:
        merged[key] = text_changes[key] or None
    diff = {
        k: [current[k], merged[k]] for k in COLUMNS if (current[k] or None) != (merged[k] or None)
    }
    for frozen in ("figure_id", "origin", "created_by", "created_at", "revision"):
        if frozen in diff:
            raise FigureError(f"{frozen} cannot be changed; it records the figure's history")
    if not diff:
        raise FigureError(f"figure {figure_id}: nothing to change")
    if "status" in diff:
        old, new = diff["status"]
        allowed = TRANSITIONS.get(old, {})
        if new not in allowed:
            raise FigureError(
                f"figure {figure_id} is {old}; it can become {', '.join(allowed) or 'nothing else'}"
            )
        if allowed[new] and not (reason and reason.strip()):
            raise FigureError(f"making figure {figure_id} {new} needs a reason")
    typed, problems = check_rows(figure_row(merged))
    if problems:
        raise ValidationError(problems)
    revision = int(current["revision"]) + 1
    with engine.begin() as conn:
        writer = Writer(conn)
        series_id = int(writer.series.resolve(_series_frame(typed))[0])
        source_id = int(writer.sources.resolve(_source_frame(typed))[0])
        values = {c: _db_values(typed[c], c)[0] for c in FIGURE_WRITE_COLUMNS if c in typed}
        values.update(series_id=series_id, source_id=source_id, revision=revision)
        for key in ("id", "figure_id", "origin", "created_by", "created_at"):
            values.pop(key, None)
        for key in ("period_start", "period_end"):
            values[key] = date.fromisoformat(values[key]) if values[key] else None
        conn.execute(FIGURE.update().where(FIGURE.c.id == figure_id).values(**values))
        conn.execute(REVISION.insert().values(
            figure_id=figure_id, revision=revision, action=action, changed_by=by,
            changed_at=now(), changes=json.dumps(diff, ensure_ascii=False), reason=reason,
        ))  # fmt: skip
    return revision


def set_status(
    engine: Engine, figure_ids: Iterable[int], status: str, by: str, reason: str | None = None
) -> list[int]:
    """Accept, reject, retract or reopen figures (each through update_figure); return revisions."""
    action = {"accepted": "accepted", "rejected": "rejected", "retracted": "retracted",
              "candidate": "reopened"}[status]  # fmt: skip
    return [
        update_figure(engine, i, {"status": status}, by, reason, action=action) for i in figure_ids
    ]


@dataclass(frozen=True)
class ImportResult:
    figures: int
    skipped_hxl_row: bool


def import_extract(
    engine: Engine, path: str | os.PathLike, by: str, progress: Progress | None = None
) -> ImportResult:
    """Import a CSV extract in one transaction: every row, or none and an ExtractImportError.

    Rows are read and checked in chunks so memory stays flat; checking goes on after the first
    bad row so that every bad row is reported. Empty figure_id gives a new id; a figure_id that
    exists already is refused (export, then `init --empty`, then import keeps ids).
    """
    path = Path(path)
    header, hxl = read_header(path)
    structural = header_problems(header)
    if structural:
        raise ExtractImportError(structural)
    skip = 1 if hxl else 0
    problems: list[tuple[int, Problem]] = []
    total = 0
    seen_ids: set[int] = set()
    with engine.begin() as conn:
        existing = {r[0] for r in conn.execute(sa.text("SELECT id FROM figure"))}
        writer = Writer(conn)
        try:
            for offset, chunk in chunks(path, skip):
                chunk = chunk.reindex(columns=list(COLUMNS), fill_value="")
                for column in TEXT_COLUMNS:
                    chunk[column] = unescape(chunk[column])
                chunk["origin"] = chunk["origin"].where(chunk["origin"] != "", "imported")
                chunk["created_by"] = chunk["created_by"].where(chunk["created_by"] != "", by)
                typed, found = check_rows(chunk)
                problems.extend((offset + p.row, p) for p in found)
                ids = typed["figure_id"]
                for position, value in zip(range(len(ids)), ids.tolist(), strict=True):
                    if value is pd.NA or value is None:
                        continue
                    if value in existing:
                        problems.append((offset + position, Problem(
                            position, "figure_id",
                            f"figure {value} exists already; leave figure_id empty to add a new figure",
                        )))  # fmt: skip
                    elif value in seen_ids:
                        problems.append((offset + position, Problem(
                            position, "figure_id", f"figure {value} appears twice in the file"
                        )))  # fmt: skip
                    seen_ids.add(value)
                if not problems:
                    writer.write(typed)
                total += len(chunk)
                if progress:
                    progress(len(chunk))
        except UnicodeDecodeError as error:
            raise ExtractImportError([not_utf8(error)]) from None
        except (pd.errors.ParserError, pd.errors.ParserWarning, csv.Error) as error:
            raise ExtractImportError(
                ragged_rows(path, len(header)) or [f"the file is not a readable CSV: {error}"]
            ) from None
        if problems:
            lines = record_lines(path, {record for record, _ in problems}, skip)
            conn.rollback()
            raise ExtractImportError([
                f"line {lines.get(record, record + 2 + skip)}, column {p.column}: {p.message}"
                for record, p in sorted(problems, key=problem_order)
            ])  # fmt: skip
        writer.finish("imported", by, f"imported from {path.name}")
    return ImportResult(figures=total, skipped_hxl_row=hxl)


def load_directory(engine: Engine, folder: str | os.PathLike, by: str) -> dict[str, int]:
    """Import every CSV extract in `folder` (sorted by name); return figures per file."""
    loaded = {}
    for path in sorted(Path(folder).glob("*.csv")):
        loaded[path.name] = import_extract(engine, path, by).figures
    return loaded
