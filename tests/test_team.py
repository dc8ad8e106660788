"""A team's tracker outside the browser: `tracker members` on SQLite and PostgreSQL, the app's
least-privilege PostgreSQL role (`tracker grants`) on a real server, and one person's changes."""

from __future__ import annotations

import uuid

import pytest
import sqlalchemy as sa
from click.testing import CliRunner
from sqlmodel import SQLModel

from tracker import actions, grants, storage, views
from tracker.cli import main

from .test_cli import COMMANDS, examples, pipeline
from .test_roles import FIGURE

ADA, EVE = "ada@example.org", "eve@example.org"


def tracker(url: str, *args: str, user: str | None = None):
    """Run `tracker --db url args…` acting as `user` (TRACKER_USER; None: the login name)."""
    result = CliRunner(env={"TRACKER_USER": user}).invoke(main, ["--db", url, *args])
    # A traceback is a bug, whatever the exit status.
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result


def ok(url: str, *args: str, user: str | None = None) -> str:
    result = tracker(url, *args, user=user)
    assert result.exit_code == 0, result.output
    return result.output


# --- tracker members --------------------------------------------------------------------------------


def test_members_commands_make_a_team(engine):
    url = engine.url.render_as_string(hide_password=False)
    assert ok(url, "members", "list") == (
        "no members: this tracker is one person's; make it a team's with "
        "tracker members add EMAIL --role admin\n"
    )
    assert ok(url, "members", "add", "Ada@Example.org", "--role", "admin") == (
        f"{ADA} is a member, as admin\n"
    )
    assert ok(url, "members", "add", EVE, "--role", "editor", user=ADA) == (
        f"{EVE} is a member, as editor\n"
    )
    assert ok(url, "members", "set-role", EVE, "--role", "reviewer", user=ADA) == (
        f"{EVE} is a reviewer now\n"
    )
    lines = ok(url, "members", "list").splitlines()
    assert lines[0].split() == ["EMAIL", "ROLE", "ADDED", "(UTC)", "ADDED", "BY"]
    assert [line.split()[:2] for line in lines[1:]] == [[ADA, "admin"], [EVE, "reviewer"]]
    assert lines[2].endswith(f"  {ADA}")
    assert ok(url, "members", "remove", EVE, user=ADA) == (
        f"{EVE} is no longer a member; their name stays on their work\n"
    )
    assert [line.split()[0] for line in ok(url, "members", "list").splitlines()[1:]] == [ADA]
    everyone = ok(url, "members", "list", "--all").splitlines()
    column = everyone[0].index("REMOVED (UTC)")
    assert everyone[1][column:] == "" and everyone[2][column:].startswith("20")


@pytest.mark.parametrize(
    ("members", "args", "user", "message"),
    [
        # The first member starts the team, as its admin.
        ({}, ["add", EVE, "--role", "editor"], None,
         "the first member of a tracker must be an admin (--role admin)"),
        # Once there is a team, the command acts as TRACKER_USER, else the login name.
        ({ADA: "admin"}, ["add", EVE, "--role", "editor"], "mallory@example.org",
         f"mallory@example.org is not a member of this tracker; ask one of its admins to add you "
         f"({ADA})"),
        ({ADA: "admin", EVE: "reviewer"}, ["add", "vic@example.org", "--role", "viewer"], EVE,
         f"{EVE} is a reviewer: to manage members needs the admin role"),
        ({ADA: "admin", EVE: "editor"}, ["set-role", EVE, "--role", "admin"], EVE,
         f"{EVE} is an editor: to manage members needs the admin role"),
        ({ADA: "admin"}, ["add", "eve at example.org", "--role", "editor"], ADA,
         "eve at example.org is not an e-mail address"),
        ({ADA: "admin"}, ["add", EVE, "--role", "boss"], ADA,
         "boss is not a role; use one of viewer, editor, reviewer, admin"),
        ({ADA: "admin", EVE: "editor"}, ["add", EVE, "--role", "viewer"], ADA,
         f"{EVE} is a member already; change the role with set-role"),
        ({ADA: "admin"}, ["set-role", EVE, "--role", "viewer"], ADA, f"{EVE} is not a member"),
        ({ADA: "admin"}, ["remove", EVE], ADA, f"{EVE} is not a member"),
        ({ADA: "admin"}, ["remove", ADA], ADA,
         f"{ADA} is the last admin; make another member admin first"),
        ({ADA: "admin"}, ["set-role", ADA, "--role", "editor"], ADA,
         f"{ADA} is the last admin; make another member admin first"),
    ],
    ids=lambda v: " ".join(v) if isinstance(v, list) else None,
)  # fmt: skip
def test_members_refusals_are_one_line(sqlite_engine, members, args, user, message):
    for email, role in members.items():
        actions.add_member(sqlite_engine, email, role, by=ADA)
    result = tracker(str(sqlite_engine.url), "members", *args, user=user)
    assert (result.exit_code, result.output) == (1, f"Error: {message}\n")


@pytest.mark.parametrize(
    ("args", "user", "message"),
    [
        (["accept", "1"], "vic@example.org",
         "vic@example.org is a viewer: to accept, reject, retract or reopen a figure needs the "
         "reviewer role; nothing was changed"),
        (["edit", "1", "location=Hajin"], None,
         "root is not a member of this tracker; ask one of its admins to add you (ada@example.org)"),
        (["sources", "merge", "1", "2"], EVE,
         f"{EVE} is a reviewer: to merge sources needs the admin role"),
    ],
    ids=lambda v: " ".join(v) if isinstance(v, list) else None,
)  # fmt: skip
def test_on_a_team_database_the_command_acts_as_tracker_user(
    sqlite_engine, args, user, message, monkeypatch
):
    monkeypatch.setattr("getpass.getuser", lambda: "root")
    actions.add_figure(sqlite_engine, {**FIGURE, "status": "candidate"}, by="analyst")
    actions.add_figure(sqlite_engine, {**FIGURE, "source_title": "Flash update 8"}, by="analyst")
    actions.add_member(sqlite_engine, ADA, "admin", by="deployment settings")
    actions.add_member(sqlite_engine, "vic@example.org", "viewer", by=ADA)
    actions.add_member(sqlite_engine, EVE, "reviewer", by=ADA)
    result = tracker(str(sqlite_engine.url), *args, user=user)
    assert (result.exit_code, result.output) == (1, f"Error: {message}\n")
    assert ok(str(sqlite_engine.url), "accept", "1", user=EVE) == "accepted: 1\n"


TEAM_EXAMPLES = [
    (path, example) for path in COMMANDS if path[0] == "members" for example in examples(path)
]


@pytest.mark.parametrize(("path", "example"), TEAM_EXAMPLES, ids=[e for _, e in TEAM_EXAMPLES])
def test_members_examples_run(path, example, sqlite_engine):
    """Each example of `tracker members --help`, run by the team's admin on a team of two."""
    [argv], _ = pipeline(example)
    actions.add_member(sqlite_engine, ADA, "admin", by="deployment settings")
    if path != ("members", "add"):
        actions.add_member(sqlite_engine, EVE, "editor", by=ADA)
    ok(str(sqlite_engine.url), *argv[1:], user=ADA)


# --- the app's role on PostgreSQL -------------------------------------------------------------------


@pytest.fixture
def deployment(postgres_url):
    """A team database as the README deploys it: owned by a role that is no superuser, which made
    the schema and holds two figures; and the app's role, given its grants by that owner.
    Yields (owner's URL, app's URL, the app's role)."""
    yield from _deploy(postgres_url)


@pytest.fixture(scope="module")
def shared_deployment(postgres_url):
    """One deployment for the tests that change nothing."""
    yield from _deploy(postgres_url)


def _deploy(postgres_url: str):
    suffix = uuid.uuid4().hex[:10]
    owner, app, database = f"owner_{suffix}", f"app_{suffix}", f"team_{suffix}"
    superuser = sa.create_engine(f"{postgres_url}/postgres", isolation_level="AUTOCOMMIT")
    with superuser.connect() as conn:
        conn.exec_driver_sql(f"CREATE ROLE {owner} LOGIN")
        conn.exec_driver_sql(f"CREATE ROLE {app} LOGIN")
        conn.exec_driver_sql(f"CREATE DATABASE {database} OWNER {owner}")
    superuser.dispose()
    server = postgres_url.rpartition("@")[2]
    owner_url = f"postgresql+psycopg://{owner}@{server}/{database}"
    app_url = f"postgresql+psycopg://{app}@{server}/{database}"
    engine = storage.engine_for(owner_url)
    storage.create_schema(engine)
    actions.add_figure(engine, {**FIGURE, "status": "candidate"}, by="analyst")
    actions.add_figure(engine, {**FIGURE, "best": 3001, "source_title": "Flash update 8"},
                       by="analyst")  # fmt: skip
    grants.grant_app_role(engine, app)
    yield owner_url, app_url, app
    for url in (owner_url, app_url):
        storage.engine_for(url).dispose()


def _extract(tmp_path):
    path = tmp_path / "one.csv"
    path.write_text(
        "figure_id,population,term,measure,low,best,high,qualifier,quote,source_title\n"
        "900,civilians,fled,flow,10,10,10,exact,ten fled,A report\n"
    )
    return path


def test_every_table_has_its_grants_decided():
    assert set(grants.APP_PRIVILEGES) == {*SQLModel.metadata.tables, "alembic_version"}


def test_the_app_role_makes_every_write_of_the_app(deployment, tmp_path):
    _, app_url, _ = deployment
    engine = storage.engine_for(app_url)
    storage.create_schema(engine)  # what the app does at start: finds the schema made
    assert actions.ensure_admin(engine, ADA)
    actions.add_member(engine, EVE, "editor", by=ADA)
    actions.add_member(engine, "rex@example.org", "reviewer", by=ADA)
    new = actions.add_figure(engine, {**FIGURE, "status": "candidate", "best": 2999}, by=EVE)
    actions.edit_figure(engine, new, {"location": "Hajin"}, by=EVE)
    actions.accept(engine, [new], by="rex@example.org", edits={new: {"best": 3000}})
    actions.retract(engine, [new], by="rex@example.org", reason="withdrawn")
    actions.reopen(engine, [new], by="rex@example.org", reason="it was not")
    actions.reject(engine, [1], by="rex@example.org", reason="counted twice")
    actions.ingest_document(
        engine, "Some 4,000 people fled Hajin last week, the agency said.",
        {"source_title": "Flash update 9", "source_published_on": "2019-03-22"}, EVE,
    )  # fmt: skip
    actions.import_extract(engine, _extract(tmp_path), by=ADA)  # COPY, and ids set by the file
    actions.edit_source(engine, 1, {"source_publisher": "UN OCHA"}, by=ADA)
    actions.merge_sources(engine, 1, 2, by=ADA)
    actions.set_role(engine, EVE, "reviewer", by=ADA)
    actions.remove_member(engine, EVE, by=ADA)
    history = views.changes_by(engine, "rex@example.org")[0]
    assert list(history["action"]) == ["rejected", "reopened", "retracted", "accepted"]


# What the app's role may not do: rewrite or delete the record, delete anything, change the schema.
REFUSED = [
    "DELETE FROM revision",
    "UPDATE revision SET changed_by = 'someone else'",
    "TRUNCATE revision",
    "DELETE FROM figure",
    "DELETE FROM source",
    "DELETE FROM series",
    "DELETE FROM member",
    "DROP TABLE revision",
    "ALTER TABLE revision ADD COLUMN note text",
    "ALTER TABLE revision DISABLE TRIGGER ALL",
    "CREATE TABLE notes (x integer)",
    "CREATE INDEX ix_quote ON figure (quote)",
    "UPDATE alembic_version SET version_num = '0001'",
]


@pytest.mark.parametrize("statement", REFUSED)
def test_the_app_role_can_neither_delete_nor_rewrite(shared_deployment, statement):
    owner_url, app_url, _ = shared_deployment
    before = _revisions(owner_url)
    engine = storage.engine_for(app_url)
    with pytest.raises(sa.exc.ProgrammingError) as refused, engine.begin() as conn:
        conn.exec_driver_sql(statement)
    assert refused.value.orig.sqlstate == "42501"  # insufficient_privilege
    assert storage.explain(refused.value, app_url).startswith(
        f"{storage.describe(engine)} refused it: the user lacks a right"
    )
    assert _revisions(owner_url) == before


def _revisions(url: str) -> list[tuple]:
    with storage.engine_for(url).connect() as conn:
        return conn.execute(sa.text("SELECT * FROM revision ORDER BY id")).all()


def test_grants_take_back_what_was_given_by_hand(deployment):
    owner_url, app_url, app = deployment
    owner = storage.engine_for(owner_url)
    with owner.begin() as conn:
        conn.exec_driver_sql(f"GRANT DELETE, UPDATE ON revision TO {app}")
    with storage.engine_for(app_url).begin() as conn:
        conn.exec_driver_sql("UPDATE revision SET reason = reason")
    grants.grant_app_role(owner, app)
    with pytest.raises(sa.exc.ProgrammingError), storage.engine_for(app_url).begin() as conn:
        conn.exec_driver_sql("UPDATE revision SET reason = reason")


def test_grants_refuse_a_privilege_they_cannot_take_back(deployment, postgres_url):
    owner_url, app_url, app = deployment
    database = owner_url.rpartition("/")[2]
    superuser = sa.create_engine(f"{postgres_url}/{database}", isolation_level="AUTOCOMMIT")
    with superuser.connect() as conn:
        conn.exec_driver_sql(f"CREATE ROLE cleaners_{app}")
        conn.exec_driver_sql(f"GRANT DELETE ON revision TO cleaners_{app}")
        conn.exec_driver_sql(f"GRANT cleaners_{app} TO {app}")
    superuser.dispose()
    result = tracker(owner_url, "grants", "--app-role", app, "--apply")
    assert (result.exit_code, result.output) == (1, (
        f"Error: {app} would still hold DELETE on revision, given by another role or through a "
        "role it belongs to: revoke that as the role that gave it; nothing was changed\n"
    ))  # fmt: skip


def test_the_grants_printed_are_the_grants_applied(deployment):
    owner_url, _, app = deployment
    statements = grants.app_role_statements(storage.engine_for(owner_url), app)
    printed = ok(owner_url, "grants", "--app-role", app)
    assert printed == "\n".join(["BEGIN;", *(f"{s};" for s in statements), "COMMIT;"]) + "\n"
    assert f"GRANT SELECT, INSERT ON public.revision TO {app};" in printed.splitlines()
    assert not any("DELETE" in line or "TRUNCATE" in line for line in printed.splitlines())
    assert ok(owner_url, "grants", "--app-role", app, "--apply") == (
        f"{app} has the app's privileges on {storage.describe(storage.engine_for(owner_url))} "
        f"({len(statements)} statements run)\n"
    )


@pytest.mark.parametrize(("path", "example"), [
    (path, example) for path in COMMANDS if path[0] == "grants" for example in examples(path)
])  # fmt: skip
def test_grants_examples_run(path, example, deployment):
    owner_url, _, app = deployment
    [argv], _ = pipeline(example)
    args = [owner_url if a.startswith("postgresql://") else a for a in argv[1:]]
    ok(owner_url, *[app if a == "tracker_app" else a for a in args])


def test_grants_refuse_what_no_grant_restricts(deployment, postgres_url, sqlite_engine):
    owner_url, _, _ = deployment
    owner = owner_url.rpartition("//")[2].partition("@")[0]

    def refused(url: str, role: str) -> str:
        result = tracker(url, "grants", "--app-role", role)
        assert result.exit_code == 1, result.output
        return result.output

    assert refused(owner_url, owner) == (
        f"Error: {owner} owns the tracker's tables (or is a member of the role that owns them), "
        "and an owner may do anything to its tables: give the app a role of its own, and keep "
        "this one for tracker upgrade\n"
    )
    assert refused(owner_url, "postgres") == (
        "Error: postgres is a superuser (or bypasses row security): no grant restricts it; give "
        "the app a role of its own\n"
    )
    assert refused(owner_url, "nobody_here") == (
        "Error: the server has no role nobody_here: create it first, e.g. CREATE ROLE nobody_here "
        "LOGIN PASSWORD '…' (as a superuser or a role with CREATEROLE)\n"
    )
    assert refused(str(sqlite_engine.url), "tracker_app") == (
        f"Error: grants are for PostgreSQL: {storage.describe(sqlite_engine)} is a sqlite "
        "database, which only the permissions of its files protect\n"
    )


# --- one person's changes -----------------------------------------------------------------------------


def test_one_persons_changes_newest_first(engine):
    first = actions.add_figure(engine, FIGURE, by=ADA)
    second = actions.add_figure(engine, {**FIGURE, "best": 3001}, by=EVE)
    actions.edit_figure(engine, first, {"location": "Hajin"}, by=EVE, reason="the town")
    actions.retract(engine, [second], by=ADA, reason="withdrawn")
    assert views.people(engine) == (ADA, EVE)
    changes, total = views.changes_by(engine, EVE)
    assert total == 2
    assert changes[["figure_id", "revision", "action", "reason"]].values.tolist() == [
        [first, 2, "edited", "the town"],
        [second, 1, "created", None],
    ]
    assert '"location": [null, "Hajin"]' in changes["changes"].iloc[0]
    assert views.changes_by(engine, EVE, limit=1)[0]["figure_id"].tolist() == [first]
    assert views.changes_by(engine, "nobody@example.org")[1] == 0
