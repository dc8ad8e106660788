"""The database: an engine from TRACKER_DATABASE_URL (default: the SQLite file tracker.db), its
versioned schema (the Alembic migrations of tracker/migrations), and the faults a user can meet,
each said in one line."""

from __future__ import annotations

import contextlib
import functools
import os
import re
import shutil
import sqlite3
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Engine

from tracker import tables  # noqa: F401  (registers the tables on SQLModel.metadata)

DEFAULT_URL = "sqlite:///tracker.db"
MIGRATIONS = Path(__file__).resolve().parent / "migrations"
TABLES = ("source", "series", "figure", "revision")
BASELINE = "0001"  # the schema of release 0.1.0, which recorded no version
# A SQLite writer waits this long for another (an import may hold the database for minutes).
BUSY_TIMEOUT = 60.0  # seconds; TRACKER_SQLITE_BUSY_TIMEOUT overrides it
CONNECT_TIMEOUT = 10  # seconds to reach a PostgreSQL server before saying it cannot be reached
_SCHEMA_LOCK = 7_301_002  # PostgreSQL advisory lock: one instance creates or upgrades the schema

BUSY = (
    "the database is busy: another writer, such as an import, holds it; "
    "try again when it has finished"
)


class StorageError(Exception):
    """A fault of the database a user can meet and mend (no schema, read-only, full disk, bad URL,
    unreachable server, busy); the message is one line saying what is wrong and what to do."""


class SchemaError(StorageError):
    """The database's schema is not this release's: missing, older or newer."""


class NoSchema(SchemaError):
    """The database has no tracker schema yet: `tracker init` creates it."""


def database_url(url: str | None = None) -> str:
    """The URL given, else TRACKER_DATABASE_URL, else the SQLite file tracker.db here."""
    return url or os.environ.get("TRACKER_DATABASE_URL") or DEFAULT_URL


def engine_for(url: str | None = None) -> Engine:
    """One engine per URL for the process (the app and the CLI share this).

    On SQLite it opens only a file that exists (create_schema alone makes one), reads a
    write-protected file, and a writer waits busy_timeout() seconds for another.
    """
    return _engine(database_url(url))


@functools.cache
def _engine(url: str) -> Engine:
    try:
        parsed = sa.make_url(url)
    except (sa.exc.ArgumentError, ValueError):
        raise StorageError(_bad_url(url, "it is not a database URL")) from None
    if parsed.drivername == "postgresql":
        # psycopg 3 is the driver we ship; a plain postgresql:// URL means it.
        parsed = parsed.set(drivername="postgresql+psycopg")
    connect_args = {}
    if parsed.get_backend_name() == "postgresql" and "connect_timeout" not in parsed.query:
        connect_args["connect_timeout"] = CONNECT_TIMEOUT
    try:
        engine = sa.create_engine(parsed, connect_args=connect_args)
    except sa.exc.NoSuchModuleError:
        raise StorageError(_bad_url(url, f"no database is called {parsed.drivername!r}")) from None
    except ImportError as error:
        raise StorageError(_bad_url(url, f"its driver is not installed ({error})")) from None
    if engine.dialect.name == "sqlite":
        sa.event.listen(engine, "do_connect", _sqlite_open)
        sa.event.listen(engine, "connect", _sqlite_pragmas)
        sa.event.listen(engine, "begin", _sqlite_begin)
    return engine


def _bad_url(url: str, reason: str) -> str:
    return (
        f"cannot use the database URL {_masked(url)}: {reason}; write it as "
        "sqlite:///path/to/tracker.db or postgresql://user@host/database"
    )


def _masked(url: str) -> str:
    return re.sub(r"(://[^:/@]*:)[^@/]*@", r"\1***@", url)


def busy_timeout() -> float:
    """Seconds a SQLite writer waits for another: TRACKER_SQLITE_BUSY_TIMEOUT, else 60."""
    value = os.environ.get("TRACKER_SQLITE_BUSY_TIMEOUT", "").strip()
    if not value:
        return BUSY_TIMEOUT
    try:
        seconds = float(value)
    except ValueError:
        seconds = -1.0
    if not 0 <= seconds < float("inf"):
        raise StorageError(
            f"TRACKER_SQLITE_BUSY_TIMEOUT={value!r}: write a number of seconds, such as 60"
        )
    return seconds


def sqlite_path(engine: Engine) -> Path | None:
    """The file of a SQLite database (as its URL writes it), None for other databases."""
    database = engine.url.database or ""
    if engine.dialect.name != "sqlite" or database in ("", ":memory:"):
        return None
    if database.startswith("file:") and engine.url.query.get("uri"):
        return None  # a URI the user wrote: opened as it says
    return Path(database)


def describe(engine: Engine) -> str:
    """The database as messages name it: the SQLite file, else the URL without its password."""
    path = sqlite_path(engine)
    if path is not None:
        return str(path)
    url = engine.url
    if url.drivername == "postgresql+psycopg":  # the driver we ship, named as users write it
        url = url.set(drivername="postgresql")
    return url.render_as_string(hide_password=True)


def _sqlite_open(_dialect, _record, cargs: list, cparams: dict) -> None:
    # The file is opened as it is, never created: a command run in the wrong folder leaves no
    # empty tracker.db behind (create_schema makes the file). A writer waits for another.
    cparams["timeout"] = busy_timeout()
    database = cargs[0] if cargs else ""
    if cparams.get("uri") or database in ("", ":memory:"):
        return
    cargs[0] = _file_uri(Path(database), "rw")
    cparams["uri"] = True


def _file_uri(path: Path, mode: str) -> str:
    absolute = path.absolute()
    query = {"mode": mode}
    wal = absolute.with_name(absolute.name + "-wal")
    if mode == "rw" and absolute.exists() and not os.access(absolute.parent, os.W_OK | os.X_OK):
        # A WAL database is read through a -shm file made beside it; a read-only folder cannot
        # have one, and without a -wal file nobody is writing there either: read it as it is.
        if not wal.exists():
            query = {"mode": "ro", "immutable": "1"}
    return f"file:{urllib.parse.quote(str(absolute))}?{urllib.parse.urlencode(query)}"


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    # The driver's own transaction handling is off: _sqlite_begin says BEGIN itself. WAL is kept
    # in the file (create_schema and upgrade set it): said here, it would fail on a read-only file.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    # 64 MiB of page cache (SQLite's default is 2 MiB): a bulk import inserts into the unique
    # fingerprint index at random places, and a small cache rereads its pages from disk.
    cursor.execute("PRAGMA cache_size=-65536")
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


# --- the schema and its version ------------------------------------------------------------------


@functools.cache
def _scripts() -> ScriptDirectory:
    return ScriptDirectory.from_config(_alembic_config())


def _alembic_config(connection: sa.Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    # env.py runs the migrations on this connection, inside the transaction that is open on it.
    config.attributes["connection"] = connection
    return config


def head() -> str:
    """The schema revision this release reads and writes."""
    return _scripts().get_current_head()


def schema_revision(engine: Engine) -> str | None:
    """The database's schema revision (the baseline for one of release 0.1.0); None for none."""
    return _status(engine)[0]


def check_schema(engine: Engine) -> None:
    """Refuse (SchemaError) a database that lacks this release's schema; it is left untouched."""
    revision, _ = _status(engine)
    _refuse(engine, revision)


def create_schema(engine: Engine) -> None:
    """Create the schema (every migration) in a database without one; a current one is left as
    it is, and one of another release refused (SchemaError: `tracker upgrade` is a step of its
    own). On SQLite the file is made here, and only here, in WAL mode."""
    path = sqlite_path(engine)
    made = path is not None and not path.exists()
    if made:
        _make_file(path)
    try:
        revision, _ = _status(engine)
        if revision is None:
            _set_wal(engine)
            with writing(engine) as connection:
                _lock(connection)
                revision, _ = _revision_in(connection, describe(engine))
                if revision is None:  # nobody made it meanwhile
                    command.upgrade(_alembic_config(connection), "head")
                    revision = head()
        _refuse(engine, revision)
    except BaseException:
        if made:  # a failed start leaves no file behind
            engine.dispose()
            for leftover in (path, *(path.with_name(path.name + e) for e in ("-wal", "-shm"))):
                leftover.unlink(missing_ok=True)
        raise


def upgrade(engine: Engine) -> tuple[str, str]:
    """Bring the schema of an earlier release to this one, keeping every source, series, figure
    and revision; return (revision before, revision now). One transaction: it completes or leaves
    the database as it was. A database of release 0.1.0 (its tables, no version) is recognised as
    the baseline and stamped first."""
    revision, versioned = _status(engine)
    if revision == head() and versioned:
        return revision, revision
    _refuse(engine, revision, outdated_ok=True)
    _set_wal(engine)
    with writing(engine) as connection:
        _lock(connection)
        revision, versioned = _revision_in(connection, describe(engine))
        _refuse(engine, revision, outdated_ok=True)
        config = _alembic_config(connection)
        if not versioned:
            command.stamp(config, revision)
        command.upgrade(config, "head")
    return revision, head()


def _status(engine: Engine) -> tuple[str | None, bool]:
    path = sqlite_path(engine)
    if path is not None and not path.exists():
        raise NoSchema(_no_file(path))
    with engine.connect() as connection:
        return _revision_in(connection, describe(engine))


def _revision_in(connection: sa.Connection, where: str) -> tuple[str | None, bool]:
    """(revision, whether the database records it); (None, False) for no tracker tables."""
    inspector = sa.inspect(connection)
    names = set(inspector.get_table_names())
    if "alembic_version" in names:
        revision = MigrationContext.configure(connection).get_current_revision()
        if revision:
            return revision, True
    present = names & set(TABLES)
    if not present:
        return None, False
    if missing := set(TABLES) - present:
        raise SchemaError(
            f"{where} has some of the tracker's tables but not {', '.join(sorted(missing))}: "
            "it is not a tracker database; name another with --db or TRACKER_DATABASE_URL"
        )
    # Release 0.1.0 recorded no version. Development builds after it made newer tables, still
    # without a version: which revision they match is not known, so none is guessed.
    if "key" in {c["name"] for c in inspector.get_columns("source")}:
        raise SchemaError(
            f"{where} was made by a development build of the tracker and records no schema "
            "version: make a new database with tracker init and import an export of this one"
        )
    return BASELINE, False


def _refuse(engine: Engine, revision: str | None, outdated_ok: bool = False) -> None:
    where, current = describe(engine), head()
    if revision is None:
        raise NoSchema(f"{where} has no tracker schema: create it with tracker init")
    if revision not in {script.revision for script in _scripts().walk_revisions()}:
        raise SchemaError(
            f"{where} was made by a newer release of the tracker (schema {revision}; this "
            f"release reads schema {current}): upgrade the tracker"
        )
    if revision != current and not outdated_ok:
        raise SchemaError(
            f"{where} has the schema of an earlier release ({revision}; this release reads "
            f"schema {current}): run tracker upgrade"
        )


def _no_file(path: Path) -> str:
    if not path.absolute().parent.is_dir():
        return (
            f"no folder {path.parent} for the database {path}: create the folder, or name "
            "another database with --db or TRACKER_DATABASE_URL"
        )
    return (
        f"no database at {path}: create one with tracker init, or name another with --db or "
        "TRACKER_DATABASE_URL"
    )


def _make_file(path: Path) -> None:
    if not path.absolute().parent.is_dir():
        raise StorageError(_no_file(path))
    try:
        sqlite3.connect(_file_uri(path, "rwc"), uri=True).close()
    except sqlite3.Error as error:
        raise StorageError(explain(error, str(path)) or f"cannot make {path}: {error}") from None


def _set_wal(engine: Engine) -> None:
    if engine.dialect.name != "sqlite":
        return
    # WAL lets readers go on while a writer works, and is kept in the file. It cannot be set
    # inside a transaction, so it is said on the bare driver connection.
    raw = engine.raw_connection()
    try:
        raw.driver_connection.execute("PRAGMA journal_mode=WAL").close()
    finally:
        raw.close()


def _lock(connection: sa.Connection) -> None:
    # SQLite's write transaction already excludes other writers; on PostgreSQL, instances that
    # start together take turns, and the second finds the schema made.
    if connection.dialect.name == "postgresql":
        connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_SCHEMA_LOCK})")


# --- faults a user can meet --------------------------------------------------------------------


def explain(error: BaseException, url: str | None = None) -> str | None:
    """One line for a fault of the database a user can meet, saying what to do; None for any
    other error (a bug, which keeps its traceback). `url` names the database (default: the one
    database_url() gives); errors of SQLAlchemy and of both drivers are understood."""
    if isinstance(error, StorageError):
        return str(error)
    cause = error.orig if isinstance(error, sa.exc.DBAPIError) else error
    try:
        engine = engine_for(url)
    except StorageError as bad:
        return str(bad)
    if isinstance(cause, sqlite3.Error):
        return _sqlite_fault(cause, engine)
    if type(cause).__module__.startswith("psycopg"):
        return _postgres_fault(cause, describe(engine))
    return None


def _sqlite_fault(error: sqlite3.Error, engine: Engine) -> str | None:
    name = getattr(error, "sqlite_errorname", "")
    where, path = describe(engine), sqlite_path(engine)
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
        return BUSY
    if name.startswith("SQLITE_READONLY"):
        return (
            f"{where} is read-only: reading works, but changing it needs write permission on "
            "the file and on its folder"
        )
    if name == "SQLITE_FULL" or (name.startswith("SQLITE_IOERR") and _disk_full(path)):
        # A full disk can also fail the making of the -shm file, which SQLite calls an I/O error.
        return f"the disk that holds {where} is full: free some space and try again"
    if name.startswith("SQLITE_CANTOPEN"):
        if path is not None and not path.exists():
            return _no_file(path)
        return f"cannot open {where}: check the permissions of the file and of its folder"
    if name == "SQLITE_NOTADB":
        return (
            f"{where} is not a SQLite database: name the tracker's database with --db or "
            "TRACKER_DATABASE_URL"
        )
    if name.startswith("SQLITE_CORRUPT"):
        return f"{where} is damaged ({error}): restore it from a copy"
    if name.startswith("SQLITE_IOERR"):
        return f"cannot read or write {where} ({error}): check the disk it is on"
    return None


def _disk_full(path: Path | None) -> bool:
    if path is None:
        return False
    try:
        return shutil.disk_usage(path.absolute().parent).free < 1 << 20
    except OSError:
        return False


def _postgres_fault(error: Exception, where: str) -> str | None:
    # psycopg is imported already: the error came from it.
    import psycopg

    state = getattr(error, "sqlstate", None) or ""
    reason = (str(error).strip().splitlines() or [type(error).__name__])[0]
    reason = reason.removeprefix("connection failed: ")
    if state in ("28000", "28P01"):
        return f"the server refused the login to {where} ({reason}): check the user and password"
    if state == "3D000":
        return f"{where} does not exist on its server: create it (createdb) or correct the URL"
    if state == "25006":
        return (
            f"{where} is read-only ({reason}): reading works, but changing it needs a server "
            "and a user that may write"
        )
    if state == "42501":
        return f"{where} refused it: the user lacks a right ({reason}); ask the database's owner"
    if state == "53100":
        return f"the disk of the server that holds {where} is full: free some space and try again"
    if state in ("53300", "57P01", "57P02", "57P03"):
        return f"the server of {where} cannot take a connection now ({reason}): try again later"
    if not state and isinstance(error, psycopg.OperationalError) and "FATAL:" in reason:
        # The server answered, and refused: no such database, user or password (libpq gives
        # no SQLSTATE for these).
        reason = re.sub(r"\s+", " ", reason.partition("FATAL:")[2]).strip()
        return f"the server of {where} refused the connection ({reason}): check the URL"
    if state.startswith("08") or (not state and isinstance(error, psycopg.OperationalError)):
        return (
            f"cannot reach the database server of {where} ({reason}): check that it is running "
            "and that --db or TRACKER_DATABASE_URL names it"
        )
    return None


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
