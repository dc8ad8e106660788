"""Reading and writing figures inside a transaction: filters, the extract's SELECT, export, the
bulk writer that resolves sources and series to ids, history. tracker.actions builds every user
action on these; nothing here decides what a user may do.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TextIO

import numpy as np
import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.expression import ColumnElement, FunctionElement

from tracker.csvformat import COLUMNS, FREE_TEXT_COLUMNS, HXL, escape_sql, write_rows
from tracker.tables import Figure, Revision, Series, Source, Status, figure_fingerprint, source_key
from tracker.validation import Problem, now

CHUNK_ROWS = 50_000
Progress = Callable[[int], None]

FIGURE = Figure.__table__
SOURCE = Source.__table__
SERIES = Series.__table__
REVISION = Revision.__table__
# Each figure with its series and its source: what extracts, counts and analyses read.
JOINED = FIGURE.join(SERIES, FIGURE.c.series_id == SERIES.c.id).join(
    SOURCE, FIGURE.c.source_id == SOURCE.c.id
)


class FigureError(ValueError):
    """A request about figures that cannot be carried out (unknown id, a forbidden change)."""


@dataclass(frozen=True)
class FigureFilter:
    """Which figures a view, an export or an analysis covers; None means no restriction."""

    statuses: tuple[str, ...] | None = (Status.accepted.value,)
    countries: tuple[str, ...] | None = None
    locations: tuple[str, ...] | None = None
    populations: tuple[str, ...] | None = None
    terms: tuple[str, ...] | None = None
    measures: tuple[str, ...] | None = None
    start: date | None = None
    end: date | None = None
    min_reliability: str | None = None
    figure_ids: tuple[int, ...] | None = None
    series_ids: tuple[int, ...] | None = None
    source_ids: tuple[int, ...] | None = None

    def where(self) -> list[ColumnElement]:
        f, se, so = FIGURE.c, SERIES.c, SOURCE.c
        clauses: list[ColumnElement] = []
        for values, column in (
            (self.statuses, f.status), (self.countries, f.country_iso3),
            (self.locations, se.location), (self.populations, se.population),
            (self.terms, se.term), (self.measures, se.measure),
            (self.figure_ids, f.id), (self.series_ids, f.series_id),
            (self.source_ids, f.source_id),
        ):  # fmt: skip
            if values is not None:
                clauses.append(column.in_(list(values)))
        if self.start is not None:
            clauses.append(f.period_end >= self.start)
        if self.end is not None:
            clauses.append(sa.func.coalesce(f.period_start, f.period_end) <= self.end)
        if self.min_reliability:
            clauses.append(so.reliability <= self.min_reliability)
        return clauses


# --- text forms of stored values, computed by the database (fast for exports of millions) ----


class _IsoDate(FunctionElement):
    type = sa.String()
    inherit_cache = True


class _IsoTimestamp(FunctionElement):
    type = sa.String()
    inherit_cache = True


class _NumberText(FunctionElement):
    type = sa.String()
    inherit_cache = True


@compiles(_IsoDate)
def _iso_date_sqlite(element, compiler, **kw):
    # SQLite keeps dates as ISO text already.
    return compiler.process(element.clauses, **kw)


@compiles(_IsoDate, "postgresql")
def _iso_date_pg(element, compiler, **kw):
    return f"to_char({compiler.process(element.clauses, **kw)}, 'YYYY-MM-DD')"


@compiles(_IsoTimestamp)
def _iso_ts_sqlite(element, compiler, **kw):
    return f"strftime('%Y-%m-%dT%H:%M:%SZ', {compiler.process(element.clauses, **kw)})"


@compiles(_IsoTimestamp, "postgresql")
def _iso_ts_pg(element, compiler, **kw):
    return f"""to_char({compiler.process(element.clauses, **kw)}, 'YYYY-MM-DD"T"HH24:MI:SS"Z"')"""


@compiles(_NumberText)
def _number_sqlite(element, compiler, **kw):
    x = compiler.process(element.clauses, **kw)
    return (
        f"CASE WHEN {x} = CAST({x} AS INTEGER) THEN CAST(CAST({x} AS INTEGER) AS TEXT) "
        f"ELSE CAST({x} AS TEXT) END"
    )


@compiles(_NumberText, "postgresql")
def _number_pg(element, compiler, **kw):
    # PostgreSQL prints float8 in its shortest exact form: 30000, 63.9.
    return f"CAST({compiler.process(element.clauses, **kw)} AS TEXT)"


def extract_select(flt: FigureFilter, escape: bool = True) -> sa.Select:
    """SELECT every extract column as text, in the CSV's order, for the figures of `flt`."""
    f, se, so = FIGURE.c, SERIES.c, SOURCE.c
    sources = {
        "figure_id": sa.cast(f.id, sa.String), "status": f.status,
        "country_iso3": f.country_iso3, "location": sa.func.nullif(se.location, ""),
        "population": se.population, "term": se.term, "measure": se.measure, "unit": f.unit,
        "household_size": _NumberText(f.household_size), "period_start": _IsoDate(f.period_start),
        "period_end": _IsoDate(f.period_end), "date_precision": f.date_precision,
        "low": _NumberText(f.low), "best": _NumberText(f.best), "high": _NumberText(f.high),
        "qualifier": f.qualifier, "credibility": sa.cast(f.credibility, sa.String),
        "quote": f.quote, "attributed_to": f.attributed_to, "notes": f.notes,
        "source_title": so.title, "source_publisher": so.publisher, "source_url": so.url,
        "source_published_on": _IsoDate(so.published_on), "source_kind": so.kind,
        "source_reliability": so.reliability, "origin": f.origin,
        "revision": sa.cast(f.revision, sa.String), "created_by": f.created_by,
        "created_at": _IsoTimestamp(f.created_at), "latitude": _NumberText(f.latitude),
        "longitude": _NumberText(f.longitude),
    }  # fmt: skip
    columns = [
        (escape_sql(sources[c]) if escape and c in FREE_TEXT_COLUMNS else sources[c]).label(c)
        for c in COLUMNS
    ]
    return sa.select(*columns).select_from(JOINED).where(*flt.where()).order_by(f.id)


def figure_rows(
    engine: Engine, flt: FigureFilter, escape: bool = False, limit: int | None = None
) -> pd.DataFrame:
    """The figures of `flt` (the first `limit` by id) as text in the extract's columns, None for
    empty, plus their series_id."""
    query = extract_select(flt, escape=escape).add_columns(FIGURE.c.series_id)
    if limit is not None:
        query = query.limit(limit)
    with engine.connect() as conn:
        rows = conn.execute(query).fetchall()
    # object columns keep None for empty (pandas' string columns would turn it into NaN).
    return pd.DataFrame(rows, columns=[*COLUMNS, "series_id"], dtype=object)


# --- writing figures: sources and series by upsert, duplicates skipped, a revision each ----------

# Everyone who creates sources or series on PostgreSQL takes this transaction lock first, so two
# writers never wait on each other's new rows in opposite orders (a deadlock); writers that create
# nothing new never take it.
_CREATE_LOCK = 7_041_988
# Keys looked up per statement (well under SQLite's and PostgreSQL's limits on parameters).
_LOOKUP_BATCH = 2_000

SOURCE_KEY = ("title", "publisher", "url", "published_on")
SERIES_KEY = ("location", "population", "term", "measure")


def _plain(value):
    if value is None or value is pd.NaT or value is pd.NA:
        return None
    if isinstance(value, float) and np.isnan(value):
        return None
    if isinstance(value, pd.Timestamp):
        return value.date()
    return value


def _source_frame(typed: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame({
        "title": typed["source_title"], "publisher": typed["source_publisher"],
        "url": typed["source_url"], "published_on": typed["source_published_on"],
        "kind": typed["source_kind"], "reliability": typed["source_reliability"],
    })  # fmt: skip


def _series_frame(typed: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame({
        # A candidate may lack population or term until review: stored as "" like a lost location.
        "location": typed["location"].fillna(""), "population": typed["population"].fillna(""),
        "term": typed["term"].fillna(""), "measure": typed["measure"],
    })  # fmt: skip


def _groups(frame: pd.DataFrame, columns: Sequence[str]) -> tuple[np.ndarray, list[tuple]]:
    """Group codes for each row, and each group's values (plain Python) in code order."""
    codes = frame.groupby(list(columns), dropna=False, sort=False).ngroup().to_numpy()
    first = pd.Series(np.arange(len(frame))).groupby(codes).first().to_numpy()
    uniques = frame[list(columns)].iloc[first].astype(object)
    return codes, [tuple(_plain(v) for v in row) for row in uniques.itertuples(False, None)]


def _insert_ignoring_duplicates(conn: sa.Connection, table: sa.Table, rows: list[dict],
                                key: Sequence[str]) -> None:  # fmt: skip
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    conn.execute(insert(table).on_conflict_do_nothing(index_elements=list(key)), rows)


def _batches(items: list, size: int = _LOOKUP_BATCH):
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _number_text(values: np.ndarray) -> list[str]:
    """Numbers as the CSV writes them (30000, 63.9; "" for empty), for fingerprints."""
    out = []
    for v in values.tolist():
        if v != v:
            out.append("")
        elif v == int(v):
            out.append(str(int(v)))
        else:
            out.append(repr(v))
    return out


def _date_text(column: pd.Series) -> list:
    return column.dt.strftime("%Y-%m-%d").astype(object).where(column.notna(), None).tolist()


def fingerprints(typed: pd.DataFrame, source_ids, series_ids) -> list[str]:
    """tables.figure_fingerprint of every row of `typed` with its resolved source and series."""
    columns = (
        [int(i) for i in source_ids], [int(i) for i in series_ids], typed["quote"].tolist(),
        _date_text(typed["period_start"]), _date_text(typed["period_end"]),
        _number_text(typed["low"].to_numpy(dtype="float64")),
        _number_text(typed["best"].to_numpy(dtype="float64")),
        _number_text(typed["high"].to_numpy(dtype="float64")),
        typed["qualifier"].tolist(), typed["unit"].tolist(),
    )  # fmt: skip
    return [figure_fingerprint(*row) for row in zip(*columns, strict=True)]


@dataclass
class Written:
    """What Writer.write did with each row: its figure id (new, or the stored figure it
    duplicates), which rows were duplicates, and problems found only against the database."""

    ids: list[int | None]
    duplicate_of: dict[int, int]  # row position → id of the stored figure it repeats
    problems: list[Problem]

    @property
    def new_ids(self) -> list[int]:
        return [i for n, i in enumerate(self.ids) if n not in self.duplicate_of and i is not None]


class Writer:
    """Writes checked rows as figures inside one open write transaction (`conn`), each with its
    first revision (`action`, `by`, `reason`)."""

    def __init__(self, conn: sa.Connection, action: str, by: str, reason: str | None = None):
        self.conn, self.action, self.by, self.reason = conn, action, by, reason
        self.postgres = conn.dialect.name == "postgresql"
        self.source_ids: dict[str, tuple[int, str, str]] = {}  # key → (id, kind, reliability)
        self.series_ids: dict[tuple, int] = {}
        self.explicit_ids = False
        self._locked = False
        self.at = now()

    def _lock_to_create(self) -> None:
        if self.postgres and not self._locked:
            self.conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_CREATE_LOCK})")
            self._locked = True

    # sources ---------------------------------------------------------------------------------

    def resolve_sources(self, typed: pd.DataFrame) -> tuple[np.ndarray, list[Problem]]:
        """Source ids for each row, creating the new sources; problems where a row grades a
        stored source (kind, reliability) differently from how it is stored."""
        frame = _source_frame(typed)
        codes, uniques = _groups(frame, SOURCE_KEY)
        keys = [source_key(*u) for u in uniques]
        self._load_sources([k for k in keys if k not in self.source_ids])
        missing = sorted(
            {k: u for k, u in zip(keys, uniques, strict=True) if k not in self.source_ids}.items()
        )
        if missing:
            # A new source takes the grading of its first row; later rows must agree (below).
            first_row = pd.Series(np.arange(len(frame))).groupby(codes).first().to_numpy()
            kinds = frame["kind"].to_numpy(dtype=object)[first_row]
            grades = frame["reliability"].to_numpy(dtype=object)[first_row]
            grading = dict(zip(keys, zip(kinds, grades, strict=True), strict=True))
            self._lock_to_create()
            _insert_ignoring_duplicates(self.conn, SOURCE, [
                {"key": k, **dict(zip(SOURCE_KEY, u, strict=True)),
                 "kind": grading[k][0], "reliability": grading[k][1]}
                for k, u in missing
            ], ["key"])  # fmt: skip
            self._load_sources([k for k, _ in missing])
        stored = [self.source_ids[k] for k in keys]
        ids = np.array([s[0] for s in stored], dtype=np.int64)[codes]
        problems = []
        for column, position in (("kind", 1), ("reliability", 2)):
            expected = np.array([s[position] for s in stored], dtype=object)[codes]
            for row in np.flatnonzero(frame[column].to_numpy(dtype=object) != expected):
                problems.append(Problem(int(row), f"source_{column}", (
                    f"{frame[column].iloc[row]!r} differs from the stored source "
                    f"{frame['title'].iloc[row]!r} (source {ids[row]}), graded "
                    f"{expected[row]!r}; use {expected[row]!r} here, or change the source once "
                    f"for all its figures with `tracker sources edit {ids[row]}`"
                )))  # fmt: skip
        return ids, problems

    def _load_sources(self, keys: list[str]) -> None:
        # A merged source stands for the one it was merged into.
        kept = SOURCE.alias("kept")
        so, into = SOURCE.c, kept.c
        target = sa.func.coalesce(so.merged_into, so.id)
        for batch in _batches(keys):
            rows = self.conn.execute(
                sa.select(so.key, into.id, into.kind, into.reliability)
                .join_from(SOURCE, kept, into.id == target)
                .where(so.key.in_(batch))
            )
            for key, id_, kind, reliability in rows:
                self.source_ids[key] = (id_, kind, reliability)

    # series ----------------------------------------------------------------------------------

    def resolve_series(self, typed: pd.DataFrame) -> np.ndarray:
        """Series ids for each row, creating the new series."""
        codes, uniques = _groups(_series_frame(typed), SERIES_KEY)
        self._load_series([u for u in uniques if u not in self.series_ids])
        missing = sorted(u for u in set(uniques) if u not in self.series_ids)
        if missing:
            self._lock_to_create()
            _insert_ignoring_duplicates(
                self.conn, SERIES, [dict(zip(SERIES_KEY, u, strict=True)) for u in missing],
                SERIES_KEY,
            )  # fmt: skip
            self._load_series(missing)
        return np.array([self.series_ids[u] for u in uniques], dtype=np.int64)[codes]

    def _load_series(self, keys: list[tuple]) -> None:
        se = SERIES.c
        columns = [se[k] for k in SERIES_KEY]
        for batch in _batches(keys, 500):
            rows = self.conn.execute(
                sa.select(se.id, *columns).where(sa.tuple_(*columns).in_(batch))
            )
            for id_, *key in rows:
                self.series_ids[tuple(key)] = id_

    # figures ---------------------------------------------------------------------------------

    def write(self, typed: pd.DataFrame) -> Written:
        """Insert the rows of `typed` (from check_rows, without problems) as figures.

        A row identical to a stored figure (or to an earlier row) is skipped and reported in
        `duplicate_of`; a row whose figure_id is taken by a different figure is a problem. Rows
        without figure_id get new ids. Nothing is written when a problem is found.
        """
        n = len(typed)
        if n == 0:
            return Written([], {}, [])
        source_ids, problems = self.resolve_sources(typed)
        series_ids = self.resolve_series(typed)
        prints = fingerprints(typed, source_ids, series_ids)
        given = [None if v is pd.NA or v is None else int(v) for v in typed["figure_id"].tolist()]
        stored_by_print = self._stored_prints(prints)
        stored_by_id = self._stored_ids([i for i in given if i is not None])
        ids: list[int | None] = list(given)
        duplicate_of: dict[int, int] = {}
        earlier: dict[int, int] = {}  # row → the earlier row of this batch it repeats
        first_row: dict[str, int] = {}
        given_here: set[int] = set()
        for row, (fp, fid) in enumerate(zip(prints, given, strict=True)):
            if fp in stored_by_print:
                duplicate_of[row] = ids[row] = stored_by_print[fp]
            elif fp in first_row:
                earlier[row] = first_row[fp]
            elif fid is not None and fid in stored_by_id:
                problems.append(Problem(row, "figure_id", (
                    f"figure {fid} exists already with other values; leave figure_id empty to "
                    "add this as a new figure"
                )))  # fmt: skip
            elif fid is not None and fid in given_here:
                problems.append(
                    Problem(row, "figure_id", f"figure {fid} appears twice in the file")
                )
            else:
                first_row[fp] = row
                if fid is not None:
                    given_here.add(fid)
        if problems:
            return Written(ids, duplicate_of, problems)
        fresh = list(first_row.values())
        self._assign_ids(ids, fresh)
        for row, first in earlier.items():
            duplicate_of[row] = ids[row] = ids[first]
        values = {
            "id": pd.Series(ids, index=typed.index, dtype=object),
            "series_id": pd.Series(series_ids, index=typed.index),
            "source_id": pd.Series(source_ids, index=typed.index),
            "fingerprint": pd.Series(prints, index=typed.index, dtype=object),
        }
        columns = [
            _db_values(values[c] if c in values else typed[c], c) for c in FIGURE_WRITE_COLUMNS
        ]
        rows = list(zip(*columns, strict=True))
        self._copy("figure", FIGURE_WRITE_COLUMNS, [rows[r] for r in fresh])
        if fresh:
            # The first revision of each figure just written, set-based over the id range they
            # span (every other figure there has its revisions already, or is another writer's
            # and not visible to this transaction).
            written_ids = [ids[r] for r in fresh]
            self.conn.execute(
                sa.text(
                    "INSERT INTO revision (figure_id, revision, action, changed_by, changed_at, "
                    "changes, reason) SELECT f.id, f.revision, :action, :by, :at, '{}', :reason "
                    "FROM figure f WHERE f.id BETWEEN :low AND :high AND NOT EXISTS "
                    "(SELECT 1 FROM revision r WHERE r.figure_id = f.id)"
                ),
                {"action": self.action, "by": self.by, "at": self.at, "reason": self.reason,
                 "low": min(written_ids), "high": max(written_ids)},
            )  # fmt: skip
        return Written(ids, duplicate_of, [])

    def _stored_prints(self, prints: list[str]) -> dict[str, int]:
        found = {}
        wanted = sorted(set(prints))
        for batch in _batches(wanted):
            rows = self.conn.execute(
                sa.select(FIGURE.c.fingerprint, FIGURE.c.id).where(FIGURE.c.fingerprint.in_(batch))
            )
            found.update({fp: id_ for fp, id_ in rows})
        return found

    def _stored_ids(self, ids: list[int]) -> set[int]:
        found: set[int] = set()
        for batch in _batches(sorted(set(ids))):
            rows = self.conn.execute(sa.select(FIGURE.c.id).where(FIGURE.c.id.in_(batch)))
            found.update(r[0] for r in rows)
        return found

    def _assign_ids(self, ids: list[int | None], fresh: list[int]) -> None:
        """Give new ids to the fresh rows without one: from PostgreSQL's sequence, or on SQLite
        (which holds the write lock) after the largest id."""
        need = [r for r in fresh if ids[r] is None]
        if any(ids[r] is not None for r in fresh):
            self.explicit_ids = True
        if not need:
            return
        if self.postgres:
            new = (
                self.conn.exec_driver_sql(
                    "SELECT nextval(pg_get_serial_sequence('figure', 'id')) "
                    f"FROM generate_series(1, {len(need)})"
                )
                .scalars()
                .all()
            )
        else:
            taken = [ids[r] for r in fresh if ids[r] is not None]
            top = self.conn.execute(sa.select(sa.func.max(FIGURE.c.id))).scalar() or 0
            start = max([top, *taken]) + 1
            new = range(start, start + len(need))
        for row, new_id in zip(need, new, strict=True):
            ids[row] = int(new_id)

    def _copy(self, table: str, columns: Sequence[str], rows: list[tuple]) -> None:
        if not rows:
            return
        names = ", ".join(columns)
        dbapi = self.conn.connection.driver_connection
        if self.postgres:
            with (
                dbapi.cursor() as cursor,
                cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy,
            ):
                for row in rows:
                    copy.write_row(row)
        else:
            marks = ", ".join("?" for _ in columns)
            cursor = dbapi.cursor()
            cursor.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", rows)
            cursor.close()

    def finish(self) -> None:
        """After figures were written with ids of their own, move PostgreSQL's sequence past them."""
        if self.explicit_ids:
            from tracker.storage import reset_sequences

            reset_sequences(self.conn)


FIGURE_WRITE_COLUMNS = (
    "id", "status", "series_id", "source_id", "country_iso3", "unit", "household_size",
    "period_start", "period_end", "date_precision", "low", "best", "high", "qualifier",
    "credibility", "quote", "attributed_to", "notes", "origin", "revision", "created_by",
    "created_at", "fingerprint", "latitude", "longitude",
)  # fmt: skip


def _db_values(column: pd.Series, name: str) -> list:
    """A column as DB-API values: None for empty, ISO text for dates, plain ints and floats."""
    if name in ("period_start", "period_end"):
        return column.dt.strftime("%Y-%m-%d").astype(object).where(column.notna(), None).tolist()
    if name == "created_at":
        return (
            column.dt.strftime("%Y-%m-%d %H:%M:%S")
            .astype(object)
            .where(column.notna(), None)
            .tolist()
        )
    if name in ("id", "series_id", "source_id", "credibility", "revision"):
        return [None if v is pd.NA or v is None else int(v) for v in column.tolist()]
    if name in ("household_size", "low", "best", "high", "latitude", "longitude"):
        values = column.to_numpy(dtype="float64")
        return np.where(np.isnan(values), None, values).tolist()
    return column.astype(object).where(column.notna(), None).tolist()


def get_figure(engine: Engine, figure_id: int) -> dict:
    """One figure's values as text in the extract's columns. Raises FigureError if unknown."""
    rows = figure_rows(engine, FigureFilter(statuses=None, figure_ids=(figure_id,)))
    if rows.empty:
        raise FigureError(f"figure {figure_id} does not exist")
    return {k: v for k, v in rows.iloc[0].to_dict().items() if k in COLUMNS}


def write_extract(
    engine: Engine, out: TextIO, flt: FigureFilter | None = None, hxl: bool = False,
    progress: Progress | None = None, limit: int | None = None,
) -> int:  # fmt: skip
    """Write the figures of `flt` (default: accepted) as a CSV extract to `out`; return the count.

    With `limit`, the first `limit` figures by id: what a capped view shows.
    """
    flt = flt or FigureFilter()
    query = extract_select(flt)
    if limit is not None:
        query = query.limit(limit)
    write_rows(out, [COLUMNS, *([[HXL[c] for c in COLUMNS]] if hxl else [])])
    count = 0
    with engine.connect() as conn:
        result = conn.execution_options(stream_results=True, yield_per=CHUNK_ROWS).execute(query)
        for rows in result.partitions(CHUNK_ROWS):
            write_rows(out, rows)
            count += len(rows)
            if progress:
                progress(len(rows))
    return count


def extract_text(
    engine: Engine, flt: FigureFilter | None = None, hxl: bool = False, limit: int | None = None
) -> str:
    """The CSV extract as a string (for downloads of what a view shows)."""
    out = io.StringIO()
    write_extract(engine, out, flt, hxl=hxl, limit=limit)
    return out.getvalue()


@dataclass
class HistoryEntry:
    revision: int
    action: str
    changed_by: str
    changed_at: datetime
    changes: dict = field(default_factory=dict)
    reason: str | None = None


def history(engine: Engine, figure_id: int) -> list[HistoryEntry]:
    """Every revision of a figure, oldest first. Raises FigureError if the figure is unknown."""
    with engine.connect() as conn:
        exists = conn.execute(sa.select(FIGURE.c.id).where(FIGURE.c.id == figure_id)).first()
        if exists is None:
            raise FigureError(f"figure {figure_id} does not exist")
        rows = conn.execute(
            sa.select(REVISION)
            .where(REVISION.c.figure_id == figure_id)
            .order_by(REVISION.c.revision)
        ).mappings()
        return [
            HistoryEntry(
                r["revision"],
                r["action"],
                r["changed_by"],
                r["changed_at"],
                json.loads(r["changes"] or "{}"),
                r["reason"],
            )  # fmt: skip
            for r in rows
        ]


def count_figures(engine: Engine, flt: FigureFilter | None = None) -> int:
    flt = flt or FigureFilter(statuses=None)
    query = sa.select(sa.func.count()).select_from(JOINED).where(*flt.where())
    with engine.connect() as conn:
        return int(conn.execute(query).scalar())
