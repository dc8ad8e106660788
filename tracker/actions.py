"""One library call per action: add, edit, accept, reject, retract, reopen, ingest, import,
initialise, edit a source, merge two sources, and manage the members of a team.

Each call is one transaction (all of it is saved, or nothing), names the person acting (`by`) and
writes a revision for every figure it changes. The CLI and the app's pages call these and hold no
rule of their own. Errors a user can meet are FigureError (naming the figure), NotAllowed (naming
the role a write needs) or ValidationError (naming the field), and leave the database as it was.

Roles: a tracker with no members is one person's, on their own machine, and every write is
allowed. Once it has members (a team deployment), `by` must be an active member's e-mail and each
write needs the role NEEDS gives it, whatever calls the library: a page, the CLI or a script.
"""

from __future__ import annotations

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

from tracker import storage
from tracker.csvformat import (
    COLUMNS,
    SOURCE_COLUMNS,
    TEXT_COLUMNS,
    ExtractImportError,
    ReadError,
    chunks,
    header_problems,
    problem_order,
    read_header,
    record_lines,
    unescape,
    unreadable,
)
from tracker.places import PLACES_FILE
from tracker.store import (
    FIGURE,
    FIGURE_WRITE_COLUMNS,
    REVISION,
    SERIES,
    SOURCE,
    FigureError,
    FigureFilter,
    Writer,
    _db_values,
    count_figures,
    extract_select,
    fingerprints,
)
from tracker.tables import MEMBER, ROLE_ORDER, Role, Status, source_key
from tracker.validation import Problem, ValidationError, check_rows, figure_row, now

# The curated sets: in a source tree figures/ at the top; installed, they ship in the package
# (pyproject maps figures/ to tracker._figures).
_SHIPPED = Path(__file__).resolve().parent / "_figures"
FIGURES_DIR = _SHIPPED if _SHIPPED.is_dir() else Path(__file__).resolve().parent.parent / "figures"
Progress = Callable[[int], None]

# Status changes a review may make, and whether they need a reason.
TRANSITIONS: dict[str, dict[str, bool]] = {
    Status.candidate.value: {Status.accepted.value: False, Status.rejected.value: True},
    Status.accepted.value: {Status.retracted.value: True},
    Status.rejected.value: {Status.candidate.value: True},
    Status.retracted.value: {Status.candidate.value: True},
}
# The word a revision records for each status a figure is given.
STATUS_ACTIONS = {
    Status.accepted.value: "accepted", Status.rejected.value: "rejected",
    Status.retracted.value: "retracted", Status.candidate.value: "reopened",
}  # fmt: skip
# Columns that record a figure's history: no edit may change them.
FROZEN = ("figure_id", "origin", "created_by", "created_at", "revision")


def current_user() -> str:
    """Who is recorded on revisions: TRACKER_USER, else the login name."""
    return os.environ.get("TRACKER_USER") or getpass.getuser() or "unknown"


# --- who may do what ------------------------------------------------------------------------------

# The least role each kind of write needs in a team deployment (DESIGN.md, "Member").
NEEDS: dict[str, Role] = {
    "add a candidate": Role.editor,
    "ingest a document": Role.editor,
    "edit a candidate": Role.editor,
    "add an accepted figure": Role.reviewer,
    "import an extract": Role.reviewer,
    "accept, reject, retract or reopen a figure": Role.reviewer,
    "edit a settled figure": Role.reviewer,
    "edit a source": Role.reviewer,
    "merge sources": Role.admin,
    "manage members": Role.admin,
}


class NotAllowed(FigureError):
    """The acting person may not make this write (not a member, or a role below what it needs)."""


def role_of(conn: sa.Connection, person: str) -> str | None:
    """`person`'s role in a team deployment; "admin" on a tracker without members (one person's
    own); None for someone who is not an active member of a team."""
    m = MEMBER.c
    if conn.execute(sa.select(m.id).limit(1)).first() is None:
        return Role.admin.value
    return conn.execute(
        sa.select(m.role).where(m.email == person.strip().lower(), m.removed_at.is_(None))
    ).scalar()


def permits(role: str | None, write: str) -> bool:
    """Whether a member of `role` (None: someone who is not a member) may make `write`, a key of
    NEEDS. The app asks this to show only the controls a person may use."""
    return role is not None and ROLE_ORDER.index(role) >= ROLE_ORDER.index(NEEDS[write].value)


def admins(conn: sa.Connection) -> list[str]:
    """The e-mails of the active admins, whom a person who is not a member asks to be added."""
    m = MEMBER.c
    query = sa.select(m.email).where(m.role == Role.admin.value, m.removed_at.is_(None))
    return list(conn.execute(query.order_by(m.email)).scalars())


def _authorise(conn: sa.Connection, by: str, write: str) -> None:
    role = role_of(conn, by)
    if role is None:
        raise NotAllowed(
            f"{by} is not a member of this tracker; ask one of its admins to add you"
            f"{_admins_hint(conn)}"
        )
    if not permits(role, write):
        raise NotAllowed(f"{by} is {a_role(role)}: to {write} needs the {NEEDS[write].value} role")


def a_role(role: str) -> str:
    """The role with its article, as messages say it: "an editor", "a viewer"."""
    return f"{'an' if role[0] in 'aeiou' else 'a'} {role}"


def _admins_hint(conn: sa.Connection) -> str:
    found = admins(conn)
    return f" ({', '.join(found)})" if found else ""


class DuplicateFigure(FigureError):
    """The figure is stored already (same source, quote, series, period and estimate)."""

    def __init__(self, figure_id: int):
        self.figure_id = figure_id
        super().__init__(
            f"this figure is stored already as figure {figure_id} (same source, quote, series, "
            "period and estimate); nothing was added"
        )


# --- adding figures -----------------------------------------------------------------------------


def add_figure(engine: Engine, values: dict, by: str, reason: str | None = None) -> int:
    """Check and store one figure with its source; return its id.

    `values` uses the extract's column names (source_title, low, period_end …); dates, numbers
    and text are all accepted. `origin` defaults to entered and `status` to accepted. A source
    already stored keeps its kind and reliability where `values` gives none. Raises
    ValidationError (naming each field) or DuplicateFigure.
    """
    values = {"origin": "entered", **values, "created_by": by, "figure_id": None}
    _grade_from_stored_source(engine, values)
    typed, problems = check_rows(figure_row(values))
    if problems:
        raise ValidationError(problems)
    with storage.writing(engine) as conn:
        candidate = typed["status"].iloc[0] == Status.candidate.value
        _authorise(conn, by, "add a candidate" if candidate else "add an accepted figure")
        written = Writer(conn, "created", by, reason).write(typed)
        if written.problems:
            raise ValidationError(written.problems)
        if written.duplicate_of:
            raise DuplicateFigure(written.duplicate_of[0])
        return written.ids[0]


def _grade_from_stored_source(engine: Engine, values: dict) -> None:
    """Fill an omitted source kind or reliability from the stored source of that name, if any."""
    if values.get("source_kind") and values.get("source_reliability"):
        return
    key = source_key(
        _blank(values.get("source_title")), _blank(values.get("source_publisher")),
        _blank(values.get("source_url")), values.get("source_published_on") or None,
    )  # fmt: skip
    so = SOURCE.c
    with engine.connect() as conn:
        row = conn.execute(sa.select(so.kind, so.reliability).where(so.key == key)).first()
    if row is not None:
        values["source_kind"] = values.get("source_kind") or row.kind
        values["source_reliability"] = values.get("source_reliability") or row.reliability


def _blank(value) -> str | None:
    text = " ".join(str(value).split()) if value is not None else ""
    return text or None


@dataclass(frozen=True)
class Ingested:
    """Candidates stored from one document: their ids, and how many were stored already."""

    ids: list[int]
    skipped: int


def add_candidates(engine: Engine, source: dict, candidates: list, by: str) -> Ingested:
    """Store extracted candidates of one source for review, in one transaction.

    `source` has the extract's source_* keys; each candidate is a tracker.extract.Candidate. A
    candidate identical to a stored figure is skipped, so ingesting a document twice adds nothing
    the second time.
    """
    rows = [_candidate_values(source, c, by) for c in candidates]
    if not rows:
        return Ingested([], 0)
    typed, problems = check_rows(pd.concat([figure_row(r) for r in rows], ignore_index=True))
    if problems:
        raise ValidationError(problems)
    with storage.writing(engine) as conn:
        _authorise(conn, by, "ingest a document")
        written = Writer(conn, "extracted", by).write(typed)
        if written.problems:
            raise ValidationError(written.problems)
        return Ingested(written.new_ids, len(written.duplicate_of))


def ingest_document(
    engine: Engine, text: str, source: dict, by: str, published_on: date | None = None,
    title: str | None = None,
) -> Ingested:  # fmt: skip
    """Extract the candidate figures of a document's text and store them for review; `title`
    (the document's own, else the source's) places figures whose sentence names no place."""
    from tracker.extract import extract

    title = title or source.get("source_title")
    return add_candidates(engine, source, extract(text, published_on, title=title), by)


# How a candidate's notes name the words it was extracted from (the review page highlights them).
EXTRACTED_NOTE = "Extracted from the words “{span}”"
_EXTRACTED = re.compile(r"^Extracted from the words “(?P<span>.+?)”", re.DOTALL)


def extracted_span(notes: str | None) -> str | None:
    """The words a candidate was extracted from, as its notes record them; None if not said."""
    match = _EXTRACTED.match(notes or "")
    return match["span"] if match else None


# How a candidate's notes list the other places its document names (the review page offers them).
OPTIONS_NOTE = "other places the document names: "
_OPTIONS = re.compile(re.escape(OPTIONS_NOTE) + r"(?P<names>“[^”]*”(?:, “[^”]*”)*)")


def place_options(notes: str | None) -> list[str]:
    """The other places a candidate's document names, as its notes list them, nearest first."""
    found = _OPTIONS.search(notes or "")
    return re.findall(r"“([^”]*)”", found["names"]) if found else []


def _candidate_values(source: dict, c, by: str) -> dict:
    notes = EXTRACTED_NOTE.format(span=c.span)
    if c.period_text:
        notes += f"; period in the text: “{c.period_text}”"
    if c.place_note:
        notes += f"; {c.place_note}"
    options = [name for name in getattr(c, "place_options", ()) if "”" not in name]
    if options:
        notes += "; " + OPTIONS_NOTE + ", ".join(f"“{name}”" for name in options)
    dated = c.period_start is not None or c.period_end is not None
    return {
        **source, "status": "candidate", "origin": "extracted", "created_by": by,
        "quote": c.sentence, "notes": notes, "population": c.population, "term": c.term,
        "measure": c.measure, "unit": c.unit, "household_size": c.household_size,
        # A stock is a count at one moment: only its end date is kept.
        "period_start": c.period_start if c.measure == "flow" else None,
        "period_end": c.period_end,
        "date_precision": (c.date_precision or "day") if dated else None,
        "attributed_to": c.attributed_to, "location": c.location,
        "country_iso3": c.country_iso3, "latitude": c.latitude, "longitude": c.longitude,
        "low": c.estimate.low, "best": c.estimate.best, "high": c.estimate.high,
        "qualifier": c.estimate.qualifier,
    }  # fmt: skip


# --- changing figures ---------------------------------------------------------------------------


def edit_figure(
    engine: Engine, figure_id: int, changes: dict, by: str, reason: str | None = None,
    expected_revision: int | None = None,
) -> int:  # fmt: skip
    """Change fields of a figure (extract column names) and write a revision; return its number.

    With `expected_revision` (the revision the person saw), an edit of a figure changed since is
    refused instead of applied over the newer change.
    """
    with storage.writing(engine) as conn:
        return _change(conn, figure_id, changes, by, reason, "edited", expected_revision)


def accept(
    engine: Engine, figure_ids: Iterable[int], by: str, reason: str | None = None,
    edits: dict[int, dict] | None = None, expected_revisions: dict[int, int] | None = None,
) -> list[int]:  # fmt: skip
    """Accept candidates (each optionally with field changes), all or none; return revisions."""
    return _settle(engine, figure_ids, Status.accepted.value, by, reason, edits, expected_revisions)


def reject(
    engine: Engine, figure_ids: Iterable[int], by: str, reason: str,
    expected_revisions: dict[int, int] | None = None,
) -> list[int]:  # fmt: skip
    """Reject candidates with a reason, all or none; they stay, with their history."""
    return _settle(engine, figure_ids, Status.rejected.value, by, reason, None, expected_revisions)


def retract(
    engine: Engine, figure_ids: Iterable[int], by: str, reason: str,
    expected_revisions: dict[int, int] | None = None,
) -> list[int]:  # fmt: skip
    """Withdraw accepted figures with a reason, all or none; they stay, with their history."""
    return _settle(engine, figure_ids, Status.retracted.value, by, reason, None, expected_revisions)


def reopen(
    engine: Engine, figure_ids: Iterable[int], by: str, reason: str,
    expected_revisions: dict[int, int] | None = None,
) -> list[int]:  # fmt: skip
    """Put rejected or retracted figures back among the candidates, with a reason."""
    return _settle(engine, figure_ids, Status.candidate.value, by, reason, None, expected_revisions)


def _settle(
    engine: Engine, figure_ids: Iterable[int], status: str, by: str, reason: str | None,
    edits: dict[int, dict] | None = None, expected_revisions: dict[int, int] | None = None,
) -> list[int]:  # fmt: skip
    ids = list(dict.fromkeys(figure_ids))
    if not ids:
        raise FigureError("name at least one figure")
    edits, expected = edits or {}, expected_revisions or {}
    revisions = []
    with storage.writing(engine) as conn:
        for figure_id in ids:
            changes = {**edits.get(figure_id, {}), "status": status}
            revisions.append(_change(conn, figure_id, changes, by, reason,
                                     STATUS_ACTIONS[status], expected.get(figure_id)))  # fmt: skip
    return revisions


def _change(
    conn: sa.Connection, figure_id: int, changes: dict, by: str, reason: str | None,
    action: str, expected_revision: int | None,
) -> int:  # fmt: skip
    """Apply `changes` to one figure inside `conn`'s transaction; return the new revision."""
    current = _locked_figure(conn, figure_id)
    if "status" in changes and changes["status"] != current["status"]:
        _authorise(conn, by, "accept, reject, retract or reopen a figure")
    elif current["status"] == Status.candidate.value:
        _authorise(conn, by, "edit a candidate")
    else:
        _authorise(conn, by, "edit a settled figure")
    revision = int(current["revision"])
    if expected_revision is not None and revision != expected_revision:
        who = conn.execute(
            sa.select(REVISION.c.changed_by).where(
                REVISION.c.figure_id == figure_id, REVISION.c.revision == revision
            )
        ).scalar()
        raise FigureError(
            f"figure {figure_id} changed since you opened it (revision {revision} by {who}); "
            "reload it to see the change, then edit again"
        )
    unknown = sorted(set(changes) - set(COLUMNS))
    if unknown:
        raise FigureError(
            f"figure {figure_id}: {', '.join(unknown)} is not a column; use one of {', '.join(COLUMNS)}"
        )
    text_changes = figure_row(changes).iloc[0].to_dict()
    merged = dict(current)
    for key in changes:
        merged[key] = text_changes[key] or None
    diff = {
        k: [current[k], merged[k]] for k in COLUMNS if (current[k] or None) != (merged[k] or None)
    }
    frozen = [k for k in FROZEN if k in diff]
    if frozen:
        raise FigureError(
            f"figure {figure_id}: {frozen[0]} cannot be changed; it records the figure's history"
        )
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
            raise FigureError(f"figure {figure_id}: making it {new} needs a reason")
    typed, problems = check_rows(figure_row(merged))
    if problems:
        raise ValidationError([Problem(figure_id, p.column, p.message) for p in problems])
    writer = Writer(conn, action, by, reason)
    source_ids, problems = writer.resolve_sources(typed)
    if problems:
        raise ValidationError([Problem(figure_id, p.column, p.message) for p in problems])
    series_ids = writer.resolve_series(typed)
    [fingerprint] = fingerprints(typed, source_ids, series_ids)
    other = conn.execute(
        sa.select(FIGURE.c.id).where(FIGURE.c.fingerprint == fingerprint, FIGURE.c.id != figure_id)
    ).scalar()
    if other is not None:
        raise FigureError(
            f"figure {figure_id} would then repeat figure {other} (same source, quote, series, "
            "period and estimate); reject or retract one of them instead"
        )
    values = {c: _db_values(typed[c], c)[0] for c in FIGURE_WRITE_COLUMNS if c in typed}
    for key in ("id", "figure_id", "origin", "created_by", "created_at", "revision"):
        values.pop(key, None)
    for key in ("period_start", "period_end"):
        values[key] = date.fromisoformat(values[key]) if values[key] else None
    values.update(series_id=int(series_ids[0]), source_id=int(source_ids[0]),
                  revision=revision + 1, fingerprint=fingerprint)  # fmt: skip
    conn.execute(FIGURE.update().where(FIGURE.c.id == figure_id).values(**values))
    conn.execute(REVISION.insert().values(
        figure_id=figure_id, revision=revision + 1, action=action, changed_by=by,
        changed_at=now(), changes=json.dumps(diff, ensure_ascii=False), reason=reason,
    ))  # fmt: skip
    return revision + 1


def _locked_figure(conn: sa.Connection, figure_id: int) -> dict:
    """One figure's values as text in the extract's columns, locked against other writers until
    the transaction ends (SQLite's write lock covers the whole database already)."""
    query = extract_select(FigureFilter(statuses=None, figure_ids=(figure_id,)), escape=False)
    row = conn.execute(query.with_for_update(of=FIGURE)).mappings().first()
    if row is None:
        raise FigureError(f"figure {figure_id} does not exist")
    return dict(row)


# --- sources --------------------------------------------------------------------------------------

# A source's fields as the extract names them, and as the source table does.
SOURCE_FIELDS = {
    "source_title": "title", "source_publisher": "publisher", "source_url": "url",
    "source_published_on": "published_on", "source_kind": "kind",
    "source_reliability": "reliability",
}  # fmt: skip


def edit_source(
    engine: Engine, source_id: int, changes: dict, by: str, reason: str | None = None
) -> int:
    """Change a source once for all its figures (extract names: source_title, source_url …);
    each figure gets a revision that records the change. Return how many figures changed."""
    unknown = sorted(set(changes) - set(SOURCE_FIELDS))
    if unknown:
        raise FigureError(
            f"{', '.join(unknown)}: not a field of a source; use {', '.join(SOURCE_FIELDS)}"
        )
    with storage.writing(engine) as conn:
        _authorise(conn, by, "edit a source")
        current = _source(conn, source_id)
        merged = {**current, **{k: v for k, v in changes.items()}}
        checked = _checked_source(merged)
        diff = {
            k: [current[k], checked[k]]
            for k in SOURCE_FIELDS
            if (current[k] or None) != (checked[k] or None)
        }
        if not diff:
            raise FigureError(f"source {source_id}: nothing to change")
        key = source_key(checked["source_title"], checked["source_publisher"],
                         checked["source_url"], checked["source_published_on"])  # fmt: skip
        other = conn.execute(
            sa.select(SOURCE.c.id).where(SOURCE.c.key == key, SOURCE.c.id != source_id)
        ).scalar()
        if other is not None:
            raise FigureError(
                f"source {other} has that title, publisher, URL and date already; merge the two "
                f"instead (tracker sources merge {other} {source_id})"
            )
        row = {SOURCE_FIELDS[k]: checked[k] for k in SOURCE_FIELDS}
        row["published_on"] = (
            date.fromisoformat(row["published_on"]) if row["published_on"] else None
        )
        conn.execute(SOURCE.update().where(SOURCE.c.id == source_id).values(key=key, **row))
        return _revise_figures_of(conn, [source_id], diff, "source_edited", by, reason)


def merge_sources(
    engine: Engine, keep_id: int, merged_id: int, by: str, reason: str | None = None
) -> int:
    """Move every figure of source `merged_id` to source `keep_id` (a revision each); the merged
    source stays, pointing to the one kept. Return how many figures moved."""
    if keep_id == merged_id:
        raise FigureError(f"source {keep_id} cannot be merged into itself")
    with storage.writing(engine) as conn:
        _authorise(conn, by, "merge sources")
        keep, merged = _source(conn, keep_id), _source(conn, merged_id)
        if merged["merged_into"] is not None:
            raise FigureError(
                f"source {merged_id} was merged into source {merged['merged_into']} already"
            )
        if keep["merged_into"] is not None:
            raise FigureError(
                f"source {keep_id} was merged into source {keep['merged_into']}; keep that one"
            )
        diff = {
            k: [merged[k], keep[k]]
            for k in SOURCE_FIELDS
            if (merged[k] or None) != (keep[k] or None)
        }
        f = FIGURE.c
        moved = conn.execute(
            sa.select(
                f.id,
                f.series_id,
                f.quote,
                f.period_start,
                f.period_end,
                f.low,
                f.best,
                f.high,
                f.qualifier,
                f.unit,
            ).where(f.source_id == merged_id)  # fmt: skip
        ).all()
        count = _revise_figures_of(conn, [merged_id], diff, "source_merged", by, reason)
        if moved:
            frame = pd.DataFrame(moved, columns=["id", "series_id", "quote", "period_start",
                                                 "period_end", "low", "best", "high", "qualifier",
                                                 "unit"])  # fmt: skip
            for column in ("period_start", "period_end"):
                frame[column] = pd.to_datetime(frame[column])
            for column in ("low", "best", "high"):
                frame[column] = frame[column].astype("float64")
            prints = fingerprints(frame, [keep_id] * len(frame), frame["series_id"])
            taken = set(conn.execute(
                sa.select(f.fingerprint).where(f.fingerprint.in_(prints), f.source_id == keep_id)
            ).scalars())  # fmt: skip
            # A figure both sources carried stays, without a fingerprint, as a visible repeat.
            conn.execute(
                FIGURE.update().where(f.id == sa.bindparam("fid")).values(
                    source_id=keep_id, fingerprint=sa.bindparam("fp")),
                [{"fid": int(i), "fp": None if p in taken else p}
                 for i, p in zip(frame["id"], prints, strict=True)],
            )  # fmt: skip
        conn.execute(
            SOURCE.update().where(SOURCE.c.merged_into == merged_id).values(merged_into=keep_id)
        )
        conn.execute(SOURCE.update().where(SOURCE.c.id == merged_id).values(merged_into=keep_id))
        return count


def _source(conn: sa.Connection, source_id: int) -> dict:
    so = SOURCE.c
    row = (
        conn.execute(sa.select(SOURCE).where(so.id == source_id).with_for_update())
        .mappings()
        .first()
    )
    if row is None:
        raise FigureError(f"source {source_id} does not exist")
    values = {k: row[column] for k, column in SOURCE_FIELDS.items()}
    values["source_published_on"] = (
        row["published_on"].isoformat() if row["published_on"] is not None else None
    )
    return {**values, "merged_into": row["merged_into"]}


def _checked_source(values: dict) -> dict:
    """A source's fields checked by the one validation path (as part of a placeholder figure)."""
    placeholder = {"quote": "-", "population": "-", "term": "fled", "measure": "flow",
                   "qualifier": "exact", "low": 1, "best": 1, "high": 1, "created_by": "-",
                   "origin": "entered"}  # fmt: skip
    typed, problems = check_rows(
        figure_row({**placeholder, **{k: values.get(k) for k in SOURCE_FIELDS}})
    )
    problems = [p for p in problems if p.column in SOURCE_COLUMNS]
    if problems:
        raise ValidationError(problems)
    row = typed.iloc[0]
    day = row["source_published_on"]
    return {
        **{k: row[k] for k in SOURCE_FIELDS},
        "source_published_on": None if pd.isna(day) else day.date().isoformat(),
    }


def _revise_figures_of(
    conn: sa.Connection, source_ids: list[int], diff: dict, action: str, by: str,
    reason: str | None,
) -> int:  # fmt: skip
    """Give every figure of these sources a new revision recording `diff` (set-based)."""
    f = FIGURE.c
    of_sources = f.source_id.in_(source_ids)
    count = conn.execute(
        sa.update(FIGURE).where(of_sources).values(revision=f.revision + 1)
    ).rowcount
    conn.execute(REVISION.insert().from_select(
        ["figure_id", "revision", "action", "changed_by", "changed_at", "changes", "reason"],
        sa.select(f.id, f.revision, sa.literal(action), sa.literal(by), sa.literal(now()),
                  sa.literal(json.dumps(diff, ensure_ascii=False)), sa.literal(reason, sa.Text))
        .where(of_sources),
    ))  # fmt: skip
    return count


# --- imports and the curated sets ---------------------------------------------------------------


@dataclass(frozen=True)
class ImportResult:
    figures: int  # new figures stored
    duplicates: int  # rows identical to a stored figure (or to an earlier row), skipped
    skipped_hxl_row: bool


def import_extract(
    engine: Engine, path: str | os.PathLike, by: str, progress: Progress | None = None
) -> ImportResult:
    """Import a CSV extract in one transaction: every row, or none and an ExtractImportError.

    Rows are read and checked in chunks so memory stays flat; checking goes on after the first
    bad row so that every bad row is reported. Empty figure_id gives a new id; a row identical to
    a stored figure is skipped and counted, so importing the same extract twice changes nothing;
    a figure_id taken by a different figure is refused.
    """
    path = Path(path)
    header, hxl = read_header(path)
    structural = header_problems(header)
    if structural:
        raise ExtractImportError(structural)
    skip = 1 if hxl else 0
    problems: list[tuple[int, Problem]] = []
    total = duplicates = 0
    with storage.writing(engine) as conn:
        _authorise(conn, by, "import an extract")
        writer = Writer(conn, "imported", by, f"imported from {path.name}")
        try:
            for offset, chunk in chunks(path, skip):
                chunk = chunk.reindex(columns=list(COLUMNS), fill_value="")
                for column in TEXT_COLUMNS:
                    chunk[column] = unescape(chunk[column])
                chunk["origin"] = chunk["origin"].where(chunk["origin"] != "", "imported")
                chunk["created_by"] = chunk["created_by"].where(chunk["created_by"] != "", by)
                typed, found = check_rows(chunk)
                problems.extend((offset + p.row, p) for p in found)
                if not problems:
                    written = writer.write(typed)
                    problems.extend((offset + p.row, p) for p in written.problems)
                    duplicates += len(written.duplicate_of)
                total += len(chunk)
                if progress:
                    progress(len(chunk))
        except ReadError as error:
            raise ExtractImportError(unreadable(path, header, error)) from None
        if problems:
            lines = record_lines(path, {record for record, _ in problems}, skip)
            raise ExtractImportError([
                f"line {lines.get(record, record + 2 + skip)}, column {p.column}: {p.message}"
                for record, p in sorted(problems, key=problem_order)
            ])  # fmt: skip
        writer.finish()
    return ImportResult(figures=total - duplicates, duplicates=duplicates, skipped_hxl_row=hxl)


def load_directory(engine: Engine, folder: str | os.PathLike, by: str) -> dict[str, int]:
    """Import every CSV extract in `folder` (sorted by name); return new figures per file."""
    loaded = {}
    for path in sorted(Path(folder).glob("*.csv")):
        if path.name == PLACES_FILE:  # the gazetteer's curated places, not figures
            continue
        loaded[path.name] = import_extract(engine, path, by).figures
    return loaded


def initialise(engine: Engine, by: str, load: bool = True) -> dict[str, int]:
    """Bring the schema up to date and, into a database without figures, load the curated sets
    of figures/; return new figures per file (empty when nothing was loaded)."""
    storage.create_schema(engine)
    if not load or count_figures(engine):
        return {}
    return load_directory(engine, FIGURES_DIR, by)


# --- members of a team ----------------------------------------------------------------------------


@dataclass(frozen=True)
class MemberRow:
    email: str
    role: str
    added_by: str
    added_at: object
    removed_at: object | None


def members(engine: Engine, include_removed: bool = False) -> list[MemberRow]:
    """The members of the tracker, by e-mail (active ones only unless `include_removed`)."""
    m = MEMBER.c
    query = sa.select(m.email, m.role, m.added_by, m.added_at, m.removed_at).order_by(m.email)
    if not include_removed:
        query = query.where(m.removed_at.is_(None))
    with engine.connect() as conn:
        return [MemberRow(*row) for row in conn.execute(query)]


def add_member(engine: Engine, email: str, role: str, by: str) -> None:
    """Add a member (or bring back a removed one) with a role. On a tracker without members the
    first one must be an admin: that starts the team deployment."""
    email, role = _member_email(email), _member_role(role)
    m = MEMBER.c
    with storage.writing(engine) as conn:
        first = conn.execute(sa.select(m.id).limit(1)).first() is None
        if first and role != Role.admin.value:
            raise NotAllowed("the first member of a tracker must be an admin (--role admin)")
        if not first:
            _authorise(conn, by, "manage members")
        row = conn.execute(sa.select(m.id, m.removed_at).where(m.email == email)).first()
        if row is not None and row.removed_at is None:
            raise FigureError(f"{email} is a member already; change the role with set-role")
        if row is not None:
            conn.execute(sa.update(MEMBER).where(m.id == row.id).values(
                role=role, added_by=by, added_at=now(), removed_at=None))  # fmt: skip
        else:
            conn.execute(
                sa.insert(MEMBER).values(email=email, role=role, added_by=by, added_at=now())
            )


def set_role(engine: Engine, email: str, role: str, by: str) -> None:
    """Give a member another role; the last admin keeps theirs."""
    email, role = _member_email(email), _member_role(role)
    with storage.writing(engine) as conn:
        _authorise(conn, by, "manage members")
        current = _active_member(conn, email)
        if current == Role.admin.value and role != Role.admin.value:
            _keep_an_admin(conn, email)
        conn.execute(sa.update(MEMBER).where(MEMBER.c.email == email).values(role=role))


def remove_member(engine: Engine, email: str, by: str) -> None:
    """Remove a member: they can no longer write; their name stays on what they did."""
    email = _member_email(email)
    with storage.writing(engine) as conn:
        _authorise(conn, by, "manage members")
        if _active_member(conn, email) == Role.admin.value:
            _keep_an_admin(conn, email)
        conn.execute(sa.update(MEMBER).where(MEMBER.c.email == email).values(removed_at=now()))


def ensure_admin(engine: Engine, email: str) -> bool:
    """Make `email` the first admin of a tracker that has no members yet (the deployment's
    settings name them); return whether it did. A tracker with members is left as it is."""
    m = MEMBER.c
    with storage.writing(engine) as conn:
        if conn.execute(sa.select(m.id).limit(1)).first() is not None:
            return False
        conn.execute(sa.insert(MEMBER).values(
            email=_member_email(email), role=Role.admin.value, added_by="deployment settings",
            added_at=now()))  # fmt: skip
        return True


def _member_email(email: str) -> str:
    email = (email or "").strip().lower()
    if not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", email):
        raise FigureError(f"{email or '(empty)'!s} is not an e-mail address")
    return email


def _member_role(role: str) -> str:
    if role not in ROLE_ORDER:
        raise FigureError(f"{role} is not a role; use one of {', '.join(ROLE_ORDER)}")
    return role


def _active_member(conn: sa.Connection, email: str) -> str:
    m = MEMBER.c
    role = conn.execute(sa.select(m.role).where(m.email == email, m.removed_at.is_(None))).scalar()
    if role is None:
        raise FigureError(f"{email} is not a member")
    return role


def _keep_an_admin(conn: sa.Connection, leaving: str) -> None:
    m = MEMBER.c
    others = conn.execute(sa.select(sa.func.count()).where(
        m.role == Role.admin.value, m.removed_at.is_(None), m.email != leaving)).scalar()  # fmt: skip
    if not others:
        raise NotAllowed(f"{leaving} is the last admin; make another member admin first")


# --- places ---------------------------------------------------------------------------------------


def set_place(
    engine: Engine, series_id: int, location: str | None, country_iso3: str | None,
    latitude: float | None, longitude: float | None, by: str, reason: str | None = None,
) -> int:  # fmt: skip
    """Set or correct a series' place in one transaction: its location (None keeps it), and the
    country and coordinates of each of its figures, each changed figure with a revision. Return
    how many figures changed. Authorised like editing a source (a reviewer's write)."""
    values = {"location": location, "country_iso3": country_iso3, "latitude": latitude,
              "longitude": longitude}  # fmt: skip
    placeholder = {"quote": "-", "population": "-", "term": "fled", "measure": "flow",
                   "qualifier": "exact", "low": 1, "best": 1, "high": 1, "created_by": "-",
                   "origin": "entered", "source_title": "-"}  # fmt: skip
    typed, problems = check_rows(figure_row({**placeholder, **values}))
    problems = [p for p in problems if p.column in values]
    if problems:
        raise ValidationError(problems)
    row = typed.iloc[0]
    country = row["country_iso3"]
    lat, lon = (None if pd.isna(row[c]) else float(row[c]) for c in ("latitude", "longitude"))
    se, f = SERIES.c, FIGURE.c
    with storage.writing(engine) as conn:
        _authorise(conn, by, "edit a source")
        series = conn.execute(sa.select(SERIES).where(se.id == series_id)).mappings().first()
        if series is None:
            raise FigureError(f"series {series_id} does not exist")
        new_location = row["location"] if location is not None else series["location"]
        if (new_location or "") != series["location"]:
            taken = conn.execute(sa.select(se.id).where(
                se.location == (new_location or ""), se.population == series["population"],
                se.term == series["term"], se.measure == series["measure"])).scalar()  # fmt: skip
            if taken is not None:
                raise FigureError(
                    f"series {taken} already counts {series['population']} · {series['term']} at "
                    f"{new_location}; move the figures there instead"
                )
            conn.execute(
                SERIES.update().where(se.id == series_id).values(location=new_location or "")
            )
        figures = conn.execute(
            sa.select(f.id, f.revision, f.country_iso3, f.latitude, f.longitude)
            .where(f.series_id == series_id)
            .with_for_update()
        ).all()
        changed = 0
        for fig in figures:
            diff = {}
            if (series["location"] or None) != (new_location or None):
                diff["location"] = [series["location"] or None, new_location or None]
            for column, old, new in (("country_iso3", fig.country_iso3, country),
                                     ("latitude", fig.latitude, lat),
                                     ("longitude", fig.longitude, lon)):  # fmt: skip
                if (old if old is not None else None) != new:
                    diff[column] = [old, new]
            if not diff:
                continue
            changed += 1
            conn.execute(FIGURE.update().where(f.id == fig.id).values(
                country_iso3=country, latitude=lat, longitude=lon, revision=fig.revision + 1))  # fmt: skip
            conn.execute(REVISION.insert().values(
                figure_id=fig.id, revision=fig.revision + 1, action="place_set", changed_by=by,
                changed_at=now(), changes=json.dumps(diff, ensure_ascii=False), reason=reason,
            ))  # fmt: skip
        return changed
