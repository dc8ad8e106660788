"""The least-privilege PostgreSQL role the app connects as in a team deployment: it reads every
table, inserts and updates figures, sources, series and members, only inserts revisions, deletes
nothing and changes no schema. So the record of who did what cannot be rewritten through the app,
whatever a page or a person does; `tracker upgrade` runs as the role that owns the tables.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from tracker import storage

# What the app's role may do to each table of the schema. Every table is named, so that a new one
# (a migration) is refused by app_role_statements until someone decides what the app may do to it.
APP_PRIVILEGES: dict[str, tuple[str, ...]] = {
    "source": ("SELECT", "INSERT", "UPDATE"),
    "series": ("SELECT", "INSERT", "UPDATE"),
    "figure": ("SELECT", "INSERT", "UPDATE"),
    "revision": ("SELECT", "INSERT"),  # the record: written once, never changed
    "member": ("SELECT", "INSERT", "UPDATE"),  # a removed member keeps the row
    "alembic_version": ("SELECT",),  # the app checks the schema's version
}
# New rows draw their ids from the sequences; an import that writes ids itself moves them on
# (setval), which needs UPDATE.
SEQUENCE_PRIVILEGES = ("USAGE", "SELECT", "UPDATE")


class GrantError(storage.StorageError):
    """The grants cannot be made: not PostgreSQL, no such role, or a role no grant can restrict."""


def app_role_statements(engine: Engine, role: str) -> list[str]:
    """The SQL that gives `role` exactly the app's privileges on the tracker's database (and
    takes back any others it was given on its tables), for the owner of the tables to run.

    Raises GrantError when the database is not PostgreSQL, the role does not exist, or it is a
    superuser or owns the tables (no grant restricts those), and SchemaError when the database
    lacks this release's schema.
    """
    if engine.dialect.name != "postgresql":
        raise GrantError(
            f"grants are for PostgreSQL: {storage.describe(engine)} is a {engine.dialect.name} "
            "database, which only the permissions of its files protect"
        )
    storage.check_schema(engine)
    with engine.connect() as conn:
        schema, database = conn.execute(
            sa.text("SELECT current_schema(), current_database()")
        ).one()
        tables = set(sa.inspect(conn).get_table_names(schema=schema))
        _check_role(conn, role, schema, tables & set(APP_PRIVILEGES))
        public_may_create = conn.execute(
            sa.text("SELECT has_schema_privilege('public', :schema, 'CREATE')"), {"schema": schema}
        ).scalar()
        owner = conn.execute(
            sa.text(
                "SELECT tableowner FROM pg_tables WHERE schemaname = :schema AND tablename = 'figure'"
            ),
            {"schema": schema},
        ).scalar()
    unknown = sorted(tables - set(APP_PRIVILEGES))
    if unknown:
        raise GrantError(
            f"{storage.describe(engine)} has tables this release gives no grants for "
            f"({', '.join(unknown)}): is it a tracker database of a newer release?"
        )
    q = engine.dialect.identifier_preparer.quote  # quotes a name only where it must
    who, where = q(role), q(schema)
    statements = [
        # Start from nothing, so that a privilege given earlier by hand is taken back.
        f"REVOKE ALL ON ALL TABLES IN SCHEMA {where} FROM {who}",
        f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA {where} FROM {who}",
        f"REVOKE CREATE ON SCHEMA {where} FROM {who}",
        f"GRANT CONNECT ON DATABASE {q(database)} TO {who}",
        f"GRANT USAGE ON SCHEMA {where} TO {who}",
    ]
    if public_may_create:
        # Before PostgreSQL 15 everyone may create tables in the public schema: no DDL for the
        # app means taking that from everyone, and giving it back to the tables' owner.
        statements += [
            f"REVOKE CREATE ON SCHEMA {where} FROM PUBLIC",
            f"GRANT CREATE ON SCHEMA {where} TO {q(owner)}",
        ]
    for table in sorted(tables, key=list(APP_PRIVILEGES).index):
        statements.append(
            f"GRANT {', '.join(APP_PRIVILEGES[table])} ON {where}.{q(table)} TO {who}"
        )
    statements.append(
        f"GRANT {', '.join(SEQUENCE_PRIVILEGES)} ON ALL SEQUENCES IN SCHEMA {where} TO {who}"
    )
    return statements


# Every privilege a table can be given, to check that the app's role holds only its own.
TABLE_PRIVILEGES = ("SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES", "TRIGGER")


def grant_app_role(engine: Engine, role: str) -> list[str]:
    """Run app_role_statements for `role`, in one transaction, and check that the role then holds
    exactly the app's privileges; return the statements. A privilege that another role gave, or
    that comes through a role it belongs to, survives the statements: that raises GrantError
    (naming it) and nothing is changed."""
    statements = app_role_statements(engine, role)
    with engine.begin() as conn:
        for statement in statements:
            conn.exec_driver_sql(statement)
        extra = _privileges_beyond_the_apps(conn, role)
        if extra:
            raise GrantError(
                f"{role} would still hold {', '.join(extra)}, given by another role or through a "
                "role it belongs to: revoke that as the role that gave it; nothing was changed"
            )
    return statements


def _privileges_beyond_the_apps(conn: sa.Connection, role: str) -> list[str]:
    """The privileges `role` holds on the tracker's schema beyond APP_PRIVILEGES, such as
    "DELETE on revision" (through any role it belongs to as well)."""
    schema = conn.execute(sa.text("SELECT current_schema()")).scalar()
    tables = set(sa.inspect(conn).get_table_names(schema=schema)) & set(APP_PRIVILEGES)
    found = [
        f"{privilege} on {table}"
        for table in sorted(tables, key=list(APP_PRIVILEGES).index)
        for privilege in TABLE_PRIVILEGES
        if privilege not in APP_PRIVILEGES[table]
        and conn.execute(
            sa.text("SELECT has_table_privilege(:role, :table, :privilege)"),
            {"role": role, "table": f"{schema}.{table}", "privilege": privilege},
        ).scalar()
    ]
    may_create = conn.execute(
        sa.text("SELECT has_schema_privilege(:role, :schema, 'CREATE')"),
        {"role": role, "schema": schema},
    ).scalar()
    return found + ([f"CREATE on schema {schema}"] if may_create else [])


def _check_role(conn: sa.Connection, role: str, schema: str, tables: set[str]) -> None:
    found = conn.execute(
        sa.text("SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = :role"),
        {"role": role},
    ).first()
    if found is None:
        raise GrantError(
            f"the server has no role {role}: create it first, e.g. "
            f"CREATE ROLE {role} LOGIN PASSWORD '…' (as a superuser or a role with CREATEROLE)"
        )
    if found[0]:
        raise GrantError(
            f"{role} is a superuser (or bypasses row security): no grant restricts it; give the "
            "app a role of its own"
        )
    owned = (
        conn.execute(
            sa.text(
                "SELECT tablename FROM pg_tables WHERE schemaname = :schema "
                "AND pg_has_role(:role, tableowner, 'MEMBER') ORDER BY tablename"
            ),
            {"schema": schema, "role": role},
        )
        .scalars()
        .all()
    )
    if set(owned) & tables:
        raise GrantError(
            f"{role} owns the tracker's tables (or is a member of the role that owns them), and "
            "an owner may do anything to its tables: give the app a role of its own, and keep "
            "this one for tracker upgrade"
        )
