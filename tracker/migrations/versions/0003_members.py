"""Members of a team deployment (e-mail, role); revision actions up to 20 characters.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "member",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("email", sa.String(320), nullable=False),
        sa.Column("role", sa.String(10), nullable=False),
        sa.Column("added_by", sa.Text(), nullable=False),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.Column("removed_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("email"),
    )
    # SQLite cannot change a column's type in place: batch mode copies the table there (its
    # revisions are copied as they are); PostgreSQL alters the column.
    with op.batch_alter_table("revision") as batch:
        batch.alter_column(
            "action", type_=sa.String(20), existing_type=sa.String(12), existing_nullable=False
        )


def downgrade() -> None:
    with op.batch_alter_table("revision") as batch:
        batch.alter_column(
            "action", type_=sa.String(12), existing_type=sa.String(20), existing_nullable=False
        )
    op.drop_table("member")
