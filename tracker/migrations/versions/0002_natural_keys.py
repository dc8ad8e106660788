"""Natural keys: source.key and figure.fingerprint under unique indexes; source.merged_into.

The keys of the rows already stored are computed here, in batches, and written set-based. Where an
earlier release let a duplicate in, the first row (lowest id) gets the key and the others keep
none, so nothing is lost and the unique index holds.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

BATCH = 20_000  # rows read at a time
KEYS = "tracker_migration_keys"  # a temporary table: (row id, its key)


# Copies of tracker.tables.natural_key, source_key and figure_fingerprint, and of
# tracker.validation.format_number, as they were when this revision was written: a migration keeps
# its meaning when the app's code changes later.


def _natural_key(*parts: object) -> str:
    text = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()


def _day(value) -> str | None:
    # SQLite hands dates back as the ISO text it stores; PostgreSQL as dates.
    if value is None:
        return None
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def _number(value) -> str:
    if value is None or value != value:
        return ""
    if float(value).is_integer():
        return str(int(value))
    return repr(float(value))


def _source_key(row: tuple) -> str:
    _, title, publisher, url, published_on = row
    return _natural_key(title, publisher, url, _day(published_on))


def _fingerprint(row: tuple) -> str:
    _, source_id, series_id, quote, start, end, low, best, high, qualifier, unit = row
    return _natural_key(source_id, series_id, quote, _day(start), _day(end), _number(low),
                        _number(best), _number(high), qualifier, unit)  # fmt: skip


def upgrade() -> None:
    op.add_column("source", sa.Column("key", sa.String(32), nullable=True))
    op.add_column(
        "source",
        sa.Column("merged_into", sa.Integer(), sa.ForeignKey("source.id"), nullable=True),
        # REFERENCES within ADD COLUMN: SQLite cannot add a constraint to a table afterwards.
        inline_references=True,
    )
    op.add_column("figure", sa.Column("fingerprint", sa.String(32), nullable=True))
    connection = op.get_bind()
    _fill(connection, "source", "key", ("title", "publisher", "url", "published_on"), _source_key)
    _fill(connection, "figure", "fingerprint",
          ("source_id", "series_id", "quote", "period_start", "period_end", "low", "best", "high",
           "qualifier", "unit"), _fingerprint)  # fmt: skip
    op.create_index("ux_source_key", "source", ["key"], unique=True)
    op.create_index("ux_figure_fingerprint", "figure", ["fingerprint"], unique=True)


def _fill(
    connection: sa.Connection, table: str, column: str, reads: tuple[str, ...],
    key: Callable[[tuple], str],
) -> None:  # fmt: skip
    """Set `column` of every row of `table` to key(row), except where a lower id has that key."""
    connection.exec_driver_sql(
        f"CREATE TEMPORARY TABLE {KEYS} (id INTEGER PRIMARY KEY, k VARCHAR(32) NOT NULL)"
    )
    # One pass over the table, BATCH rows at a time (a server-side cursor on PostgreSQL).
    select = sa.text(f"SELECT id, {', '.join(reads)} FROM {table}")
    rows = connection.execute(select.execution_options(yield_per=BATCH))
    for batch in rows.partitions():
        _insert_keys(connection, [(row[0], key(row)) for row in batch])
    connection.exec_driver_sql(f"CREATE INDEX {KEYS}_k ON {KEYS} (k, id)")
    if connection.dialect.name == "postgresql":
        connection.exec_driver_sql(f"ANALYZE {KEYS}")  # temporary tables get no statistics else
    # A duplicate's key stays with the first row that has it; the duplicate keeps none.
    connection.exec_driver_sql(
        f"DELETE FROM {KEYS} WHERE EXISTS (SELECT 1 FROM {KEYS} AS earlier "
        f"WHERE earlier.k = {KEYS}.k AND earlier.id < {KEYS}.id)"
    )
    if connection.dialect.name == "postgresql":
        connection.exec_driver_sql(
            f"UPDATE {table} SET {column} = keys.k FROM {KEYS} AS keys WHERE {table}.id = keys.id"
        )
    else:
        connection.exec_driver_sql(
            f"UPDATE {table} SET {column} = (SELECT k FROM {KEYS} AS keys WHERE keys.id = "
            f"{table}.id) WHERE id IN (SELECT id FROM {KEYS})"
        )
    connection.exec_driver_sql(f"DROP TABLE {KEYS}")


def _insert_keys(connection: sa.Connection, rows: list[tuple[int, str]]) -> None:
    driver = connection.connection.driver_connection
    if connection.dialect.name == "postgresql":
        # COPY: a million keys go into PostgreSQL in seconds.
        with driver.cursor() as cursor, cursor.copy(f"COPY {KEYS} (id, k) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
    else:
        driver.executemany(f"INSERT INTO {KEYS} (id, k) VALUES (?, ?)", rows)


def downgrade() -> None:
    # Merges are forgotten (merged_into), the figures they moved stay with the kept source.
    op.drop_index("ux_figure_fingerprint", table_name="figure")
    op.drop_index("ux_source_key", table_name="source")
    op.drop_column("figure", "fingerprint")
    op.drop_column("source", "merged_into")
    op.drop_column("source", "key")
