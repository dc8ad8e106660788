"""Alembic's environment: migrations run on the connection storage hands over, inside the one
transaction storage opened on it; from the alembic command line, on the tracker's database."""

from __future__ import annotations

from alembic import context
from sqlmodel import SQLModel

from tracker import storage, tables  # noqa: F401  (tables registers the schema on SQLModel.metadata)


def run(connection) -> None:
    context.configure(connection=connection, target_metadata=SQLModel.metadata)
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    raise SystemExit("the tracker's migrations move data, so they cannot be written out as SQL")
if (connection := context.config.attributes.get("connection")) is not None:
    run(connection)
else:
    with storage.writing(storage.engine_for()) as connection:
        run(connection)
