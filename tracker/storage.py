"""The database: an engine from TRACKER_DATABASE_URL (default: the SQLite file tracker.db), the schema."""

from __future__ import annotations

import contextlib
import functools
import os
from collections.abc import Iterator

import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlmodel import SQLModel

from tracker import tables  # noqa: F401  (registers the tables on SQLModel.metadata)

DEFAULT_URL = "sqlite:///tracker.db"


def database_url(url: str | None = None) -> str:
    """The URL given, else TRACKER_DATABASE_URL, else the SQLite file tracker.db here."""
    return url or os.environ.get("TRACKER_DATABASE_URL") or DEFAULT_URL


def engine_for(url: str | None = None) -> Engine:
    """One engine per URL for the process (the app and the CLI share this)."""
    return _engine(database_url(url))


@functools.cache
def _engine(url: str) -> Engine:
    if url.startswith("postgresql://"):
        # psycopg 3 is the driver we ship; a plain postgresql:// URL means it.
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    engine = sa.create_engine(url)
    if engine.dialect.name == "sqlite":
        sa.event.listen(engine, "connect", _sqlite_pragmas)
        sa.event.listen(engine, "begin", _sqlite_begin)
    return engine


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    # The driver's own transaction handling is off: _sqlite_begin says BEGIN itself.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _sqlite_begin(connection: sa.Connection) -> None:
    # A writer takes SQLite's write lock at BEGIN, so it waits (busy_timeout) for another writer
    # instead of failing when a read turns into a write halfway through its transaction.
    immediate = connection.get_execution_options().get("tracker_write")
    connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


@contextlib.contextmanager
def writing(engine: Engine) -> Iterator[sa.Connection]:
    """One write transaction: committed when the block ends, rolled back if it raises.

    On SQLite it holds the write lock from its first statement, so writers queue instead of
    failing midway.
    """
    with engine.execution_options(tracker_write=True).begin() as conn:
        yield conn


def create_schema(engine: Engine) -> None:
    """Create the tables that are missing; existing data is left as it is."""
    SQLModel.metadata.create_all(engine)


def reset_sequences(connection: sa.Connection) -> None:
    """After rows were written with explicit ids, move PostgreSQL's id sequences past them."""
    if connection.dialect.name != "postgresql":
        return
    for table in ("source", "series", "figure", "revision"):
        connection.exec_driver_sql(
            # Never backwards: other writers may hold ids drawn but not yet committed.
            f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), GREATEST("
            f"COALESCE((SELECT MAX(id) FROM {table}), 0) + 1, "
            f"nextval(pg_get_serial_sequence('{table}', 'id'))), false)"
        )
