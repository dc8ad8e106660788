"""`tracker upgrade` from a database that release 0.1.0 made, on SQLite and PostgreSQL: every
source, series, figure and revision survives, the natural keys are filled, duplicates that release
let in keep their rows without a key, and the database then works; older and newer databases are
refused by every other command."""

from __future__ import annotations

from datetime import date, datetime

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from click.testing import CliRunner
from sqlmodel import SQLModel

from tracker import storage, tables
from tracker.cli import main
from tracker.validation import format_number

# The schema as release 0.1.0 (8046b53) made it: what SQLModel's create_all emitted from its
# tracker/models.py, on SQLite; PostgreSQL differs only in SERIAL ids and TIMESTAMP.
RELEASE_0_1_0 = """
CREATE TABLE series (
    id {serial} NOT NULL,
    location TEXT NOT NULL,
    population TEXT NOT NULL,
    term VARCHAR(40) NOT NULL,
    measure VARCHAR(10) NOT NULL,
    PRIMARY KEY (id),
    UNIQUE (location, population, term, measure)
);
CREATE TABLE source (
    id {serial} NOT NULL,
    title TEXT NOT NULL,
    publisher TEXT,
    url TEXT,
    published_on DATE,
    kind VARCHAR(20) NOT NULL,
    reliability VARCHAR(1) NOT NULL,
    PRIMARY KEY (id)
);
CREATE TABLE figure (
    id {serial} NOT NULL,
    status VARCHAR(12) NOT NULL,
    series_id INTEGER NOT NULL,
    source_id INTEGER NOT NULL,
    country_iso3 VARCHAR(3),
    unit VARCHAR(12) NOT NULL,
    household_size FLOAT,
    period_start DATE,
    period_end DATE,
    date_precision VARCHAR(8),
    low FLOAT,
    best FLOAT,
    high FLOAT,
    qualifier VARCHAR(20) NOT NULL,
    credibility INTEGER NOT NULL,
    quote TEXT NOT NULL,
    attributed_to TEXT,
    notes TEXT,
    origin VARCHAR(10) NOT NULL,
    revision INTEGER NOT NULL,
    created_by TEXT NOT NULL,
    created_at {datetime} NOT NULL,
    PRIMARY KEY (id),
    FOREIGN KEY(series_id) REFERENCES series (id),
    FOREIGN KEY(source_id) REFERENCES source (id)
);
CREATE INDEX ix_figure_series_status ON figure (series_id, status);
CREATE INDEX ix_figure_country_iso3 ON figure (country_iso3);
CREATE TABLE revision (
    id {serial} NOT NULL,
    figure_id INTEGER NOT NULL,
    revision INTEGER NOT NULL,
    action VARCHAR(12) NOT NULL,
    changed_by TEXT NOT NULL,
    changed_at {datetime} NOT NULL,
    changes TEXT NOT NULL,
    reason TEXT,
    PRIMARY KEY (id),
    UNIQUE (figure_id, revision),
    FOREIGN KEY(figure_id) REFERENCES figure (id)
);
CREATE INDEX ix_revision_figure_id ON revision (figure_id);
"""

OCHA = {"title": "Syria: Flash Update 5", "publisher": "OCHA", "kind": "un_agency",
        "url": "https://reliefweb.int/report/syria/flash-update-5", "published_on": date(2019, 2, 10),
        "reliability": "A"}  # fmt: skip
SOURCES = [
    {"title": "Islamic State Loses Caliphate in Syria", "publisher": None, "url": None,
     "published_on": date(2019, 3, 22), "kind": "news", "reliability": "F"},
    OCHA,
    OCHA,  # stored twice: two writers raced to create it
    {"title": "An undated note", "publisher": None, "url": None, "published_on": None,
     "kind": "other", "reliability": "F"},
]  # fmt: skip
SERIES = [
    {"location": "Baghuz", "population": "civilians", "term": "fled", "measure": "flow"},
    {"location": "", "population": "IS fighters", "term": "remain", "measure": "stock"},
]
AT = datetime(2019, 3, 23, 9, 30, 5)


def _figure(**values) -> dict:
    return {"status": "accepted", "country_iso3": "SYR", "unit": "people", "household_size": None,
            "period_start": None, "period_end": None, "date_precision": None, "credibility": 3,
            "attributed_to": None, "notes": None, "origin": "entered", "revision": 1,
            "created_by": "analyst", "created_at": AT, **values}  # fmt: skip


HAJIN = _figure(source_id=2, series_id=1, quote="About 2,300 families have fled Hajin",
                low=2070.0, best=2300.0, high=2530.0, qualifier="approximately",
                unit="households", household_size=5.5, period_start=date(2019, 2, 4),
                period_end=date(2019, 2, 10), date_precision="week")  # fmt: skip
FIGURES = [
    _figure(source_id=1, series_id=1, quote="5,000 in just the past week", low=5000.0,
            best=5000.0, high=5000.0, qualifier="exact", period_start=date(2019, 3, 16),
            period_end=date(2019, 3, 22), date_precision="day", revision=2),
    HAJIN,
    HAJIN,  # stored twice: the same claim imported by two writers at once
    _figure(source_id=4, series_id=2, quote="IS still has 'tens of thousands' of fighters",
            low=20000.0, best=50000.0, high=99999.0, qualifier="vague_magnitude",
            country_iso3=None, attributed_to="US defense officials"),
    _figure(source_id=3, series_id=1, quote="fewer than 63.9 thousand", low=None, best=None,
            high=63.9, qualifier="less_than", status="candidate", origin="extracted"),
]  # fmt: skip
REVISIONS = [
    *({"figure_id": n, "revision": 1, "action": "created", "changed_by": "analyst",
       "changed_at": AT, "changes": "{}", "reason": None} for n in range(1, 6)),
    {"figure_id": 1, "revision": 2, "action": "accepted", "changed_by": "reviewer",
     "changed_at": AT, "changes": '{"status": ["candidate", "accepted"]}', "reason": "checked"},
]  # fmt: skip


def build_release_0_1_0(url: str, figures: list[dict] = FIGURES) -> None:
    """A database as release 0.1.0 left it: its schema, no version, rows with ids from 1."""
    engine = sa.create_engine(url)
    postgres = engine.dialect.name == "postgresql"
    ddl = RELEASE_0_1_0.format(serial="SERIAL" if postgres else "INTEGER",
                               datetime="TIMESTAMP WITHOUT TIME ZONE" if postgres else "DATETIME")  # fmt: skip
    with engine.begin() as connection:
        if not postgres:
            connection.exec_driver_sql("PRAGMA journal_mode=WAL")  # as every release-0.1.0 link
        for statement in filter(str.strip, ddl.split(";")):
            connection.exec_driver_sql(statement)
        # Written through the tables' types, as that release's SQLModel wrote them.
        old = sa.MetaData()
        old.reflect(connection)
        for name, rows in (("source", SOURCES), ("series", SERIES), ("figure", figures),
                           ("revision", REVISIONS)):  # fmt: skip
            connection.execute(old.tables[name].insert(), rows)
    engine.dispose()


def snapshot(url: str) -> dict[str, list[tuple]]:
    """Every row of the release-0.1.0 columns of every table, by id."""
    engine = sa.create_engine(url)
    old = sa.MetaData()
    old.reflect(engine)
    with engine.connect() as connection:
        rows = {}
        for name in ("source", "series", "figure", "revision"):
            table = old.tables[name]
            added = ("key", "merged_into", "fingerprint", "latitude", "longitude")
            columns = [c for c in table.c if c.name not in added]
            rows[name] = connection.execute(sa.select(*columns).order_by(table.c.id)).all()
    engine.dispose()
    return rows


def column(url: str, table: str, name: str) -> list:
    engine = sa.create_engine(url)
    with engine.connect() as connection:
        values = connection.scalars(sa.text(f"SELECT {name} FROM {table} ORDER BY id")).all()
    engine.dispose()
    return values


def run(url: str, *args: str):
    return CliRunner().invoke(main, ["--db", url, *args])


def shown(url: str) -> str:
    return storage.describe(storage.engine_for(url))


def fingerprint(f: dict) -> str:
    """tables.figure_fingerprint as the app computes it for a figure it writes."""
    day = [d.isoformat() if d else None for d in (f["period_start"], f["period_end"])]
    numbers = [format_number(f[k]) for k in ("low", "best", "high")]
    return tables.figure_fingerprint(f["source_id"], f["series_id"], f["quote"], *day, *numbers,
                                     f["qualifier"], f["unit"])  # fmt: skip


def differences(url: str, metadata: sa.MetaData) -> list:
    engine = sa.create_engine(url)
    with engine.connect() as connection:
        found = compare_metadata(MigrationContext.configure(connection), metadata)
    engine.dispose()
    return found


def alembic(url: str, verb: str, revision: str) -> None:
    """An Alembic command on the tracker's migrations (storage has no downgrade of its own)."""
    config = Config()
    config.set_main_option("script_location", str(storage.MIGRATIONS))
    with storage.writing(storage.engine_for(url)) as connection:
        config.attributes["connection"] = connection
        getattr(command, verb)(config, revision)


@pytest.fixture
def old(url) -> str:
    build_release_0_1_0(url)
    return url


# --- refused until upgraded, then upgraded without loss ----------------------------------------


def test_an_old_database_is_refused_by_every_command_and_left_as_it_is(old):
    before = snapshot(old)
    for args in (["export"], ["review"], ["history", "1"], ["init"],
                 ["add", "--quote", "q", "--population", "civilians", "--term", "fled",
                  "--estimate", "5,000", "--source-title", "A report"]):  # fmt: skip
        result = run(old, *args)
        assert result.exit_code == 1, args
        assert result.output == (
            f"Error: {shown(old)} has the schema of an earlier release (0001; this release reads "
            f"schema {storage.head()}): run tracker upgrade\n"
        )
    assert snapshot(old) == before
    assert "alembic_version" not in sa.inspect(sa.create_engine(old)).get_table_names()


def test_upgrade_keeps_every_row_and_fills_the_keys(old):
    before = snapshot(old)
    result = run(old, "upgrade")
    assert result.exit_code == 0, result.output
    assert result.output == f"upgraded {shown(old)} from schema 0001 to {storage.head()}\n"
    assert snapshot(old) == before
    assert storage.schema_revision(storage.engine_for(old)) == storage.head()

    keys = [tables.source_key(s["title"], s["publisher"], s["url"], s["published_on"])
            for s in SOURCES]  # fmt: skip
    assert column(old, "source", "key") == [keys[0], keys[1], None, keys[3]]
    assert column(old, "source", "merged_into") == [None] * 4
    prints = [fingerprint(f) for f in FIGURES]
    assert column(old, "figure", "fingerprint") == [prints[0], prints[1], None, prints[3],
                                                    prints[4]]  # fmt: skip
    # The schema is now exactly today's tables.
    assert differences(old, SQLModel.metadata) == []

    again = run(old, "upgrade")
    assert (
        again.output
        == f"{shown(old)} has schema {storage.head()}, this release's: nothing to upgrade\n"
    )


def test_an_upgraded_database_exports_and_takes_new_figures(old):
    assert run(old, "upgrade").exit_code == 0
    exported = run(old, "export", "--status", "all")
    assert exported.exit_code == 0, exported.output
    lines = exported.output.splitlines()
    assert [line.split(",")[0] for line in lines[1:]] == ["1", "2", "3", "4", "5"]
    assert "fewer than 63.9 thousand" in lines[5] and ",63.9," in lines[5]

    added = run(old, "add", "--quote", "About 3,000 fled Hajin", "--population", "civilians",
                "--term", "fled", "--estimate", "about 3,000", "--location", "Baghuz",
                "--source-title", "Syria: Flash Update 6", "--publisher", "OCHA")  # fmt: skip
    assert added.exit_code == 0, added.output
    assert added.output == "added figure 6\n"
    assert column(old, "figure", "fingerprint")[5] is not None
    history = run(old, "history", "1")
    assert history.exit_code == 0 and "checked" in history.output


def test_a_failed_upgrade_leaves_the_database_as_it_was(old):
    # An index of the name the upgrade makes stops it at its last step.
    engine = sa.create_engine(old)
    with engine.begin() as connection:
        connection.exec_driver_sql("CREATE INDEX ux_figure_fingerprint ON figure (quote)")
    engine.dispose()
    before = snapshot(old)
    with pytest.raises(sa.exc.DatabaseError, match="ux_figure_fingerprint"):
        storage.upgrade(storage.engine_for(old))
    assert snapshot(old) == before
    inspector = sa.inspect(sa.create_engine(old))
    assert "alembic_version" not in inspector.get_table_names()
    assert "key" not in {c["name"] for c in inspector.get_columns("source")}


def test_keys_are_filled_across_batches_and_a_late_duplicate_keeps_none(url):
    # More figures than the migration reads at a time (20,000), with a repeat of figure 2 among
    # the last ones.
    many = [_figure(source_id=1, series_id=1, quote=f"figure {n}", low=float(n), best=float(n),
                    high=float(n), qualifier="exact") for n in range(20_010)]  # fmt: skip
    many[20_004] = many[1]
    build_release_0_1_0(url, figures=many)
    assert run(url, "upgrade").exit_code == 0
    prints = column(url, "figure", "fingerprint")
    assert len(prints) == 20_010 and prints[20_004] is None
    assert [p for n, p in enumerate(prints) if n != 20_004] == [
        fingerprint(f) for n, f in enumerate(many) if n != 20_004
    ]


# --- the migrations themselves ----------------------------------------------------------------


def test_the_first_migration_is_release_0_1_0s_schema(url, request, tmp_path):
    from .conftest import _new_pg_database

    if url.startswith("sqlite"):
        other = f"sqlite:///{tmp_path / 'release.db'}"
    else:
        other = _new_pg_database(request.getfixturevalue("postgres_url"))
    build_release_0_1_0(other)
    release = sa.MetaData()
    engine = sa.create_engine(other)
    release.reflect(engine)
    engine.dispose()

    if url.startswith("sqlite"):
        sa.create_engine(url).connect().close()  # the file, which storage's engine never makes
    alembic(url, "upgrade", "0001")
    assert differences(url, release) == []


def test_downgrade_to_the_baseline_and_up_again(old):
    assert run(old, "upgrade").exit_code == 0
    keyed = column(old, "figure", "fingerprint")
    before = snapshot(old)
    alembic(old, "downgrade", "0001")
    assert "fingerprint" not in {
        c["name"] for c in sa.inspect(sa.create_engine(old)).get_columns("figure")
    }
    assert snapshot(old) == before
    assert run(old, "export").exit_code == 1
    assert run(old, "upgrade").exit_code == 0
    assert column(old, "figure", "fingerprint") == keyed


def test_a_new_database_gets_todays_schema_through_the_migrations(engine):
    assert storage.schema_revision(engine) == storage.head()
    assert differences(engine.url.render_as_string(hide_password=False), SQLModel.metadata) == []


def test_a_development_database_without_a_version_is_refused(url):
    # Between 0.1.0 and the migrations, development builds made newer tables with no version.
    engine = sa.create_engine(url)
    SQLModel.metadata.create_all(engine)
    engine.dispose()
    for args in (["review"], ["upgrade"], ["init"]):
        result = run(url, *args)
        assert result.exit_code == 1
        assert result.output == (
            f"Error: {shown(url)} was made by a development build of the tracker and records no "
            "schema version: make a new database with tracker init and import an export of this one\n"
        )
