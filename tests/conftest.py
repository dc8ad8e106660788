"""Real resources for the tests: a temporary SQLite file, and a PostgreSQL server the tests start."""

from __future__ import annotations

import glob
import os
import pwd
import re
import shutil
import socket
import subprocess
import tempfile
import uuid
from pathlib import Path

import pytest
import sqlalchemy as sa
from hypothesis import settings

from tracker import storage

ROOT = Path(__file__).resolve().parent.parent

# Property tests assert what is found, never how fast: no deadline per example (a first example
# that compiles a pattern of thousands of alternatives took 359 ms on a loaded CI machine, over
# Hypothesis's 200 ms default, and failed as "flaky"). Speed is measured in benchmarks/.
settings.register_profile("tracker", deadline=None)
settings.load_profile("tracker")


def drawn(at):
    """An AppTest run again (a page drawn once the gazetteer has answered), without an error."""
    at.run()
    assert not at.exception, at.exception
    return at


def said(elements) -> list[str]:
    """What Streamlit elements say, with the escapes that keep Markdown from rendering undone."""
    return [re.sub(r"\\(.)", r"\1", e.value) for e in elements]


def _pg_bin(name: str) -> str:
    found = shutil.which(name) or next(
        iter(sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))[::-1]), None
    )
    if not found:
        pytest.fail(
            f"PostgreSQL's {name} is not installed: the storage suite runs on a real server. "
            "Install it with `apt-get install postgresql` (.ci/run does)."
        )
    return found


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _as_server_user(command: list[str]) -> list[str]:
    # PostgreSQL refuses to run as root: run it as the `postgres` user then.
    if os.geteuid() != 0:
        return command
    return ["runuser", "-u", "postgres", "--", *command]


@pytest.fixture(scope="session")
def postgres_url():
    """A PostgreSQL server on a loopback port for the whole test session; stopped afterwards."""
    initdb, pg_ctl = _pg_bin("initdb"), _pg_bin("pg_ctl")
    base = Path(tempfile.mkdtemp(prefix="tracker-pg-"))
    data = base / "data"
    if os.geteuid() == 0:
        user = pwd.getpwnam("postgres")
        os.chown(base, user.pw_uid, user.pw_gid)
    subprocess.run(
        _as_server_user([initdb, "-D", str(data), "-U", "postgres", "--auth=trust", "-E", "UTF8",
                         "--locale=C"]),
        check=True, capture_output=True,
    )  # fmt: skip
    port = _free_port()
    options = f"-h 127.0.0.1 -p {port} -k {base} -c fsync=off -c synchronous_commit=off"
    subprocess.run(
        _as_server_user([pg_ctl, "-D", str(data), "-o", options, "-l", str(base / "log"), "-w",
                         "start"]),
        check=True, capture_output=True,
    )  # fmt: skip
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}"
    finally:
        subprocess.run(_as_server_user([pg_ctl, "-D", str(data), "-m", "immediate", "stop"]),
                       capture_output=True)  # fmt: skip
        shutil.rmtree(base, ignore_errors=True)


def _new_pg_database(server: str) -> str:
    name = "t_" + uuid.uuid4().hex[:12]
    admin = sa.create_engine(f"{server}/postgres", isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f"CREATE DATABASE {name}")
    admin.dispose()
    return f"{server}/{name}"


@pytest.fixture
def sqlite_url(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'tracker.db'}"


@pytest.fixture(params=["sqlite", "postgresql"])
def url(request, tmp_path) -> str:
    """A new, empty database URL on each backend the storage suite covers."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'tracker.db'}"
    return _new_pg_database(request.getfixturevalue("postgres_url"))


@pytest.fixture
def engine(url):
    """An engine on a new database with the schema the migrations make."""
    engine = storage.engine_for(url)
    storage.create_schema(engine)
    yield engine
    engine.dispose()


@pytest.fixture
def sqlite_engine(sqlite_url):
    engine = storage.engine_for(sqlite_url)
    storage.create_schema(engine)
    yield engine
    engine.dispose()
