"""Reading and writing figures inside a transaction: filters, the extract's SELECT, export, the
bulk writer that resolves sources and series to ids, history. tracker.actions builds every user
action on these; nothing here decides what a user may do.
"""

from __future__ import annotations

import csv
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

from tracker.csvformat import COLUMNS, FREE_TEXT_COLUMNS, HXL, escape_sql
from tracker.tables import Figure, Revision, Series, Source, Status
from tracker.validation import now

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
        "created_at": _IsoTimestamp(f.created_at),
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


# --- resolving sources and series to ids, in bulk ---------------------------------------------


class _Keys:
    """Lookup of dimension rows (sources, series) by their natural key, inserting what is new."""

    def __init__(self, conn: sa.Connection, table: sa.Table, key: Sequence[str]):
        self.conn, self.table, self.key = conn, table, list(key)
        rows = conn.execute(sa.select(table.c.id, *(table.c[k] for k in self.key)))
        self.ids = {tuple(r[1:]): r[0] for r in rows}

    def resolve(self, frame: pd.DataFrame) -> np.ndarray:
        """Ids for each row of `frame` (columns named as the table's key)."""
        codes = frame.groupby(self.key, dropna=False, sort=False).ngroup().to_numpy()
        first = pd.Series(np.arange(len(frame))).groupby(codes).first().to_numpy()
        ids = np.empty(len(first), dtype=np.int64)
        uniques = frame[self.key].iloc[first].astype(object)
        for group, values in enumerate(uniques.itertuples(index=False, name=None)):
            key = tuple(_plain(v) for v in values)
            if key not in self.ids:
                values = dict(zip(self.key, key, strict=True))
                inserted = self.conn.execute(self.table.insert().values(**values))
                self.ids[key] = inserted.inserted_primary_key[0]
            ids[group] = self.ids[key]
        return ids[codes]


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


FIGURE_WRITE_COLUMNS = (
    "id", "status", "series_id", "source_id", "country_iso3", "unit", "household_size",
    "period_start", "period_end", "date_precision", "low", "best", "high", "qualifier",
    "credibility", "quote", "attributed_to", "notes", "origin", "revision", "created_by",
    "created_at",
)  # fmt: skip


class Writer:
    """Writes checked rows as figures inside one open transaction (`conn`)."""

    def __init__(self, conn: sa.Connection):
        self.conn = conn
        self.sources = _Keys(conn, SOURCE, ("title", "publisher", "url", "published_on", "kind",
                                            "reliability"))  # fmt: skip
        self.series = _Keys(conn, SERIES, ("location", "population", "term", "measure"))
        self.explicit_ids = False

    def write(self, typed: pd.DataFrame, returning: bool = False) -> list[int]:
        """Insert `typed` (from check_rows, no problems); ids as given, or new where empty.

        With `returning`, the new ids of the rows without one, in order (one statement a row:
        for the few figures of a form or a document, not for bulk imports).
        """
        if typed.empty:
            return []
        values = {
            "id": typed["figure_id"],
            "series_id": pd.Series(self.series.resolve(_series_frame(typed)), index=typed.index),
            "source_id": pd.Series(self.sources.resolve(_source_frame(typed)), index=typed.index),
        }
        for column in FIGURE_WRITE_COLUMNS[1:]:
            if column not in values:
                values[column] = typed[column]
        columns = [_db_values(values[c], c) for c in FIGURE_WRITE_COLUMNS]
        has_id = typed["figure_id"].notna().to_numpy()
        rows = list(zip(*columns, strict=True))
        with_id = [r for r, given in zip(rows, has_id, strict=True) if given]
        without_id = [r[1:] for r, given in zip(rows, has_id, strict=True) if not given]
        self.explicit_ids |= bool(with_id)
        self._insert(FIGURE_WRITE_COLUMNS, with_id)
        if returning:
            return self._insert_returning(FIGURE_WRITE_COLUMNS[1:], without_id)
        self._insert(FIGURE_WRITE_COLUMNS[1:], without_id)
        return []

    def _insert_returning(self, columns: Sequence[str], rows: list[tuple]) -> list[int]:
        mark = "%s" if self.conn.dialect.name == "postgresql" else "?"
        sql = (
            f"INSERT INTO figure ({', '.join(columns)}) "
            f"VALUES ({', '.join(mark for _ in columns)}) RETURNING id"
        )
        cursor = self.conn.connection.driver_connection.cursor()
        try:
            ids = []
            for row in rows:
                cursor.execute(sql, row)
                ids.append(int(cursor.fetchone()[0]))
            return ids
        finally:
            cursor.close()

    def _insert(self, columns: Sequence[str], rows: list[tuple]) -> None:
        if not rows:
            return
        names = ", ".join(columns)
        dbapi = self.conn.connection.driver_connection
        if self.conn.dialect.name == "postgresql":
            with dbapi.cursor() as cursor, cursor.copy(f"COPY figure ({names}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            marks = ", ".join("?" for _ in columns)
            cursor = dbapi.cursor()
            cursor.executemany(f"INSERT INTO figure ({names}) VALUES ({marks})", rows)
            cursor.close()

    def finish(self, action: str, by: str, reason: str | None) -> int:
        """Write the first revision of every figure that has none yet (those just written)."""
        result = self.conn.execute(
            sa.text(
                "INSERT INTO revision (figure_id, revision, action, changed_by, changed_at, "
                "changes, reason) SELECT f.id, f.revision, :action, :by, :at, '{}', :reason "
                "FROM figure f WHERE NOT EXISTS (SELECT 1 FROM revision r WHERE r.figure_id = f.id)"
            ),
            {"action": action, "by": by, "at": now(), "reason": reason},
        )
        if self.explicit_ids:
            from tracker.storage import reset_sequences

            reset_sequences(self.conn)
        return result.rowcount


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
    if name in ("household_size", "low", "best", "high"):
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
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    if hxl:
        writer.writerow([HXL[c] for c in COLUMNS])
    count = 0
    with engine.connect() as conn:
        result = conn.execution_options(stream_results=True, yield_per=CHUNK_ROWS).execute(query)
        for rows in result.partitions(CHUNK_ROWS):
            writer.writerows(rows)
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
