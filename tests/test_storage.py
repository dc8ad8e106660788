"""Faults a user can meet, on real files, real processes and a real PostgreSQL server: each is one
line and exit status 1, and makes no file; read commands work on a read-only database; an export
replaces its file whole or not at all; a writer waits for another; the package ships its parts."""

from __future__ import annotations

import errno
import json
import os
import shutil
import signal
import sqlite3
import stat
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
import sqlalchemy as sa
from click.testing import CliRunner

from tracker import storage
from tracker.cli import main

from .conftest import ROOT, _free_port, _new_pg_database

ADD = ["add", "--quote", "About 3,000 fled Hajin", "--population", "civilians", "--term", "fled",
       "--estimate", "about 3,000", "--location", "Hajin", "--source-title", "A report"]  # fmt: skip
NO_DATABASE = "create one with tracker init, or name another with --db or TRACKER_DATABASE_URL"
BUSY = (
    "Error: the database is busy: another writer, such as an import, holds it; try again when it "
    "has finished"
)


def cli(url: str, *args: str, **kwargs):
    """`tracker --db URL ARGS…` in this process."""
    return CliRunner().invoke(main, ["--db", url, *args], **kwargs)


def process(*args: str, cwd: Path, env: dict | None = None, reader: bool = False):
    """`tracker ARGS…` as a process of its own. A `reader` lacks root's power to write what is
    write-protected, so a read-only file stops it as it stops anybody."""
    command = [sys.executable, "-m", "tracker", *args]
    if reader and os.geteuid() == 0:
        command = ["setpriv", "--bounding-set=-dac_override,-dac_read_search,-fowner", *command]
    environment = {k: v for k, v in os.environ.items() if not k.startswith("TRACKER_")}
    return subprocess.run(command, cwd=cwd, env={**environment, **(env or {})},
                          capture_output=True, text=True, timeout=120)  # fmt: skip


def listing(folder: Path) -> list[str]:
    """The files in a folder, less SQLite's own -wal and -shm beside a database in use."""
    return sorted(p.name for p in folder.iterdir() if not p.name.endswith(("-wal", "-shm")))


def one_line(output: str) -> str:
    """The error line of a command's output, which must be all it printed."""
    lines = output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), output
    return lines[0]


@pytest.fixture
def database(tmp_path) -> Path:
    """A SQLite file made by `tracker init` (the curated figures), in a folder of its own."""
    path = tmp_path / "data" / "tracker.db"
    path.parent.mkdir()
    made = cli(f"sqlite:///{path}", "init")
    assert made.exit_code == 0, made.output
    storage.engine_for(f"sqlite:///{path}").dispose()  # this process holds no connection to it
    return path


# --- no database, a bad URL, a server that cannot be reached ------------------------------------

NEEDS_A_DATABASE = {
    "export": ["export"],
    "export -o": ["export", "-o", "out.csv"],
    "history": ["history", "1"],
    "review": ["review"],
    "check": ["check"],
    "accept": ["accept", "1"],
    "edit": ["edit", "1", "location=Hajin"],
    "add": ADD,
    "upgrade": ["upgrade"],
}


@pytest.mark.parametrize("args", NEEDS_A_DATABASE.values(), ids=NEEDS_A_DATABASE)
def test_a_folder_without_a_database_gets_one_line_and_no_file(tmp_path, monkeypatch, args):
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "tracker.db"
    result = cli(f"sqlite:///{path}", *args)
    assert result.exit_code == 1
    assert one_line(result.output) == f"Error: no database at {path}: {NO_DATABASE}"
    assert list(tmp_path.iterdir()) == []


def test_the_default_database_is_made_by_init_and_never_by_a_read(tmp_path):
    refused = process("review", cwd=tmp_path)
    assert refused.returncode == 1
    assert one_line(refused.stderr) == f"Error: no database at tracker.db: {NO_DATABASE}"
    assert list(tmp_path.iterdir()) == []
    made = process("init", "--empty", cwd=tmp_path)
    assert made.stdout == f"schema {storage.head()} ready at tracker.db\n", made.stderr
    assert storage.schema_revision(storage.engine_for(f"sqlite:///{tmp_path}/tracker.db")) == (
        storage.head()
    )
    with sqlite3.connect(tmp_path / "tracker.db") as connection:  # WAL is kept in the file
        assert connection.execute("PRAGMA journal_mode").fetchone() == ("wal",)


@pytest.mark.parametrize("args", [["init"], ["review"], ADD], ids=["init", "review", "add"])
def test_a_database_in_a_missing_folder(tmp_path, args):
    path = tmp_path / "missing" / "tracker.db"
    result = cli(f"sqlite:///{path}", *args)
    assert result.exit_code == 1
    assert one_line(result.output) == (
        f"Error: no folder {path.parent} for the database {path}: create the folder, or name "
        "another database with --db or TRACKER_DATABASE_URL"
    )
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    "url, reason",
    [
        ("nonsense", "it is not a database URL"),
        ("postgresql://analyst@db.example.org:port/tracker", "it is not a database URL"),
        ("foo://db.example.org/tracker", "no database is called 'foo'"),
        ("mysql://analyst@db.example.org/tracker", "its driver is not installed"),
        # The password is not repeated on the screen.
        ("mysql://analyst:s3cret@db.example.org/tracker", "mysql://analyst:***@db.example.org"),
    ],
)
def test_a_bad_url_gets_one_line_and_no_file(tmp_path, monkeypatch, url, reason):
    monkeypatch.chdir(tmp_path)
    result = cli(url, "review")
    line = one_line(result.output)
    assert result.exit_code == 1 and reason in line and "s3cret" not in line
    assert line.endswith(
        "write it as sqlite:///path/to/tracker.db or postgresql://user@host/database"
    )
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("args", [["export"], ["init"], ADD], ids=["export", "init", "add"])
def test_an_unreachable_server_gets_one_line(args):
    port = _free_port()  # nothing listens there
    result = cli(f"postgresql://analyst@127.0.0.1:{port}/tracker", *args)
    assert result.exit_code == 1
    assert one_line(result.output) == (
        f"Error: cannot reach the database server of postgresql://analyst@127.0.0.1:{port}/tracker"
        f' (connection to server at "127.0.0.1", port {port} failed: Connection refused): check '
        "that it is running and that --db or TRACKER_DATABASE_URL names it"
    )


def test_a_postgres_database_without_schema_is_refused_and_left_empty(postgres_url):
    url = _new_pg_database(postgres_url)
    shown = url.replace("postgresql+psycopg://", "postgresql://")
    for args in (["export"], ["review"], ADD, ["upgrade"]):
        result = cli(url, *args)
        assert result.exit_code == 1
        assert one_line(result.output) == (
            f"Error: {shown} has no tracker schema: create it with tracker init"
        )
    engine = sa.create_engine(url)
    assert sa.inspect(engine).get_table_names() == []
    engine.dispose()
    assert cli(url, "init", "--empty").exit_code == 0
    assert cli(url, "review").output == "no candidates to review\n"


def test_a_postgres_database_that_does_not_exist(postgres_url):
    result = cli(f"{postgres_url}/nowhere", "review")
    assert result.exit_code == 1
    assert one_line(result.output).endswith(
        'refused the connection (database "nowhere" does not exist): check the URL'
    )


def test_a_newer_schema_is_refused_by_every_command(database):
    with sqlite3.connect(database) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '0099'")
    url = f"sqlite:///{database}"
    for args in (["export"], ADD, ["init"], ["upgrade"]):
        result = cli(url, *args)
        assert result.exit_code == 1
        assert one_line(result.output) == (
            f"Error: {database} was made by a newer release of the tracker (schema 0099; this "
            f"release reads schema {storage.head()}): upgrade the tracker"
        )


def test_the_app_stops_with_the_reason_on_a_database_of_another_release(database, monkeypatch):
    from streamlit.testing.v1 import AppTest

    with sqlite3.connect(database) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '0099'")
    monkeypatch.setenv("TRACKER_DATABASE_URL", f"sqlite:///{database}")
    app = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=60).run()
    assert not app.exception
    [error] = app.error
    # Shown as text: every Markdown mark escaped.
    assert "made by a newer release of the tracker \\(schema 0099" in error.value
    assert "upgrade the tracker" in error.value


# --- read-only, full and busy databases -------------------------------------------------------


@pytest.mark.parametrize("protected", ["file", "file and folder"])
def test_read_commands_work_on_a_read_only_database(database, protected):
    url, folder = f"sqlite:///{database}", database.parent
    expected = cli(url, "export").output
    storage.engine_for(url).dispose()
    database.chmod(0o444)
    if protected == "file and folder":
        folder.chmod(0o555)
    before = listing(folder)
    try:
        exported = process("--db", url, "export", cwd=folder.parent, reader=True)
        assert exported.returncode == 0, exported.stderr
        assert exported.stdout == expected
        refused = process("--db", url, *ADD, cwd=folder.parent, reader=True)
        assert refused.returncode == 1
        assert one_line(refused.stderr) == (
            f"Error: {database} is read-only: reading works, but changing it needs write "
            "permission on the file and on its folder"
        )
        if protected == "file and folder":
            assert listing(folder) == before
    finally:
        folder.chmod(0o755)
        database.chmod(0o644)


FULL_DISK = """
import json, os, sqlite3, shutil, subprocess, sys
disk, database, tracker = sys.argv[1], sys.argv[2], [sys.executable, "-m", "tracker"]
subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", disk], check=True)
for name in ("alone.db", "read.db"):
    shutil.copy(database, os.path.join(disk, name))
reader = sqlite3.connect(os.path.join(disk, "read.db"))  # another program reads this one
reader.execute("SELECT count(*) FROM figure").fetchall()
with open(os.path.join(disk, "out.csv"), "w") as old:
    old.write("the old extract\\n")
filler = os.open(os.path.join(disk, "filler"), os.O_WRONLY | os.O_CREAT)
try:
    while True:
        os.write(filler, bytes(1 << 16))
except OSError:
    os.close(filler)
runs = {}
for name in ("alone.db", "read.db"):
    runs[name] = subprocess.run([*tracker, "--db", f"sqlite:///{disk}/{name}", *json.loads(sys.argv[3])],
                                capture_output=True, text=True).stderr
runs["export"] = subprocess.run([*tracker, "--db", f"sqlite:///{database}", "export", "-o",
                                 f"{disk}/out.csv"], capture_output=True, text=True).stderr
runs["out.csv"] = open(os.path.join(disk, "out.csv")).read()
runs["listing"] = sorted(os.listdir(disk))
print(json.dumps(runs))
"""


def test_a_full_disk_gets_one_line_and_the_old_extract_stays(database, tmp_path):
    # A real full disk: a 2 MB tmpfs, in a mount namespace of its own, filled to the brim.
    disk = tmp_path / "disk"
    disk.mkdir()
    namespace = ["unshare", "-m"] if os.geteuid() == 0 else ["unshare", "-rm"]
    if shutil.which("unshare") is None or subprocess.run([*namespace, "true"]).returncode:
        pytest.skip(
            "this machine refuses a mount namespace (unshare), which the test needs to mount a "
            "real 2 MB disk and fill it; .ci/run, as root, runs it"
        )
    run = subprocess.run(
        [*namespace, sys.executable, "-c", FULL_DISK, str(disk), str(database), json.dumps(ADD)],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    runs = json.loads(run.stdout)
    for name in ("alone.db", "read.db"):
        assert one_line(runs[name]) == (
            f"Error: the disk that holds {disk}/{name} is full: free some space and try again"
        )
    assert one_line(runs["export"]) == (
        f"Error: cannot write {disk}/out.csv: the disk is full; free some space and try again "
        "(the file there is unchanged)"
    )
    assert runs["out.csv"] == "the old extract\n"
    assert not [name for name in runs["listing"] if name.endswith(".tmp")]


HOLD = textwrap.dedent("""
    import sqlite3, sys, time
    connection = sqlite3.connect(sys.argv[1], isolation_level=None)
    connection.execute("BEGIN IMMEDIATE")  # the write lock, as an import holds it
    print("holding", flush=True)
    time.sleep(float(sys.argv[2]))
    connection.execute("COMMIT")
""")


def _hold(database: Path, seconds: float) -> subprocess.Popen:
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(database), str(seconds)],
                              stdout=subprocess.PIPE, text=True)  # fmt: skip
    assert holder.stdout.readline() == "holding\n"
    return holder


def test_a_writer_waits_for_another_writer(database, monkeypatch):
    monkeypatch.setenv("TRACKER_SQLITE_BUSY_TIMEOUT", "30")
    holder = _hold(database, 1.5)
    started = time.monotonic()
    result = cli(f"sqlite:///{database}", *ADD)
    assert result.exit_code == 0, result.output
    assert time.monotonic() - started > 1
    holder.wait(timeout=30)


def test_a_writer_that_waited_long_enough_says_the_database_is_busy(database, monkeypatch):
    monkeypatch.setenv("TRACKER_SQLITE_BUSY_TIMEOUT", "0.2")
    holder = _hold(database, 30)
    try:
        result = cli(f"sqlite:///{database}", *ADD)
        assert result.exit_code == 1 and one_line(result.output) == BUSY
        # Reading goes on meanwhile (WAL).
        assert cli(f"sqlite:///{database}", "history", "1").exit_code == 0
    finally:
        holder.kill()
        holder.wait()


def test_the_wait_is_a_minute_unless_set(monkeypatch, database):
    monkeypatch.delenv("TRACKER_SQLITE_BUSY_TIMEOUT", raising=False)
    assert storage.busy_timeout() == 60
    monkeypatch.setenv("TRACKER_SQLITE_BUSY_TIMEOUT", "soon")
    result = cli(f"sqlite:///{database}", "review")
    assert one_line(result.output) == (
        "Error: TRACKER_SQLITE_BUSY_TIMEOUT='soon': write a number of seconds, such as 60"
    )


# --- export replaces its file whole -------------------------------------------------------------


def test_export_replaces_the_file_and_keeps_its_mode(database):
    out = database.parent / "out.csv"
    out.write_text("the old extract\n")
    out.chmod(0o640)
    result = cli(f"sqlite:///{database}", "export", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert out.read_text().startswith("figure_id,status,")
    assert stat.S_IMODE(out.stat().st_mode) == 0o640
    assert [p.name for p in database.parent.iterdir() if p.name.endswith(".tmp")] == []


def test_a_failed_export_leaves_the_old_file_and_no_temporary_file(database, monkeypatch):
    out = database.parent / "out.csv"
    out.write_text("the old extract\n")

    def fails_midway(engine, stream, *args, **kwargs):
        stream.write("figure_id,status\n1,accepted\n")
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("tracker.cli.write_extract", fails_midway)
    result = cli(f"sqlite:///{database}", "export", "-o", str(out))
    assert result.exit_code == 1
    assert one_line(result.output) == (
        f"Error: cannot write {out}: the disk is full; free some space and try again "
        "(the file there is unchanged)"
    )
    assert out.read_text() == "the old extract\n"
    assert [p.name for p in database.parent.iterdir() if p.name.endswith(".tmp")] == []


def test_a_killed_export_leaves_the_old_file_whole(database):
    with sqlite3.connect(database) as connection:  # 60 × 2¹¹ figures: an export of seconds
        columns = [r[1] for r in connection.execute("PRAGMA table_info(figure)")]
        copied = ", ".join(c for c in columns if c not in ("id", "fingerprint"))
        for _ in range(11):
            connection.execute(f"INSERT INTO figure ({copied}) SELECT {copied} FROM figure")
    out = database.parent / "out.csv"
    out.write_text("the old extract\n")
    export = subprocess.Popen(
        [sys.executable, "-m", "tracker", "--db", f"sqlite:///{database}", "export", "-o", str(out)]
    )
    deadline = time.monotonic() + 60
    while not list(database.parent.glob(".out.csv.*.tmp")):
        assert export.poll() is None and time.monotonic() < deadline
        time.sleep(0.005)
    export.send_signal(signal.SIGKILL)
    export.wait()
    assert out.read_text() == "the old extract\n"


@pytest.mark.parametrize(
    "target, reason",
    [
        ("missing/out.csv", "the folder missing does not exist; create it or write elsewhere"),
        ("tracker.db/out.csv", "tracker.db is not a folder; write elsewhere"),
    ],
)
def test_export_to_a_place_that_cannot_be_written(database, monkeypatch, target, reason):
    monkeypatch.chdir(database.parent)
    result = cli(f"sqlite:///{database}", "export", "-o", target)
    assert result.exit_code == 1
    assert one_line(result.output) == f"Error: cannot write {target}: {reason}"
    assert listing(database.parent) == ["tracker.db"]


def test_export_into_a_read_only_folder(database):
    folder = database.parent / "archive"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        result = process("--db", f"sqlite:///{database}", "export", "-o", "archive/out.csv",
                         cwd=database.parent, reader=True)  # fmt: skip
        assert result.returncode == 1
        assert one_line(result.stderr) == (
            "Error: cannot write archive/out.csv: the folder archive may not be written to; "
            "write elsewhere"
        )
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o755)


# --- the package ships its migrations and figures ---------------------------------------------


def test_a_built_package_holds_every_package_its_migrations_and_figures(tmp_path):
    # What `pip install .` installs is what setuptools' build_py puts in build/lib: build a copy
    # of the source with the project's own settings, then run the built package.
    source = tmp_path / "source"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    for folder in ("tracker", "figures"):
        shutil.copytree(ROOT / folder, source / folder,
                        ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))  # fmt: skip
    built = tmp_path / "lib"
    build = subprocess.run(
        [sys.executable, "-c", "import setuptools; setuptools.setup()", "-q", "build_py",
         "--build-lib", str(built)],
        cwd=source, capture_output=True, text=True,
    )  # fmt: skip
    assert build.returncode == 0, build.stderr
    packages = {p.parent.relative_to(ROOT) for p in (ROOT / "tracker").rglob("*.py")}
    for package in packages:
        assert (built / package / "__init__.py").is_file(), f"{package} is not in the package"
    assert (built / "tracker/_figures/syria_2019.csv").read_bytes() == (
        ROOT / "figures/syria_2019.csv"
    ).read_bytes()
    assert (built / "tracker/migrations/script.py.mako").is_file()
    versions = sorted(p.name for p in (ROOT / "tracker/migrations/versions").glob("0*.py"))
    assert sorted(p.name for p in (built / "tracker/migrations/versions").glob("0*.py")) == versions

    work = tmp_path / "work"
    work.mkdir()
    made = subprocess.run(
        [sys.executable, "-c", "import tracker, tracker.cli; print(tracker.__file__); "
         "tracker.cli.main(['init', '--empty'])"],
        cwd=work, env={**os.environ, "PYTHONPATH": str(built)}, capture_output=True, text=True,
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    assert made.stdout.splitlines() == [
        str(built / "tracker/__init__.py"),
        f"schema {storage.head()} ready at tracker.db",
    ]
