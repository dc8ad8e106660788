"""Where a figure is: figure.latitude and figure.longitude (decimal degrees, WGS 84), from the
offline gazetteer or set by a person; empty for the figures stored before.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("figure", sa.Column("latitude", sa.Float(), nullable=True))
    op.add_column("figure", sa.Column("longitude", sa.Float(), nullable=True))


def downgrade() -> None:
    # ALTER TABLE … DROP COLUMN in place (SQLite 3.35+), as 0002 drops its columns: a batch
    # rebuild of figure would trip the foreign keys of the revisions that point to it.
    op.drop_column("figure", "longitude")
    op.drop_column("figure", "latitude")
