"""Events: whether each is its sentence's main event (``principal``).

Events stored before this migration keep NULL (not known): telling the main event needs
the sentence's parse, which the store does not keep. Re-ingesting the articles into a new
store records it.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("events") as batch:
        batch.add_column(sa.Column("principal", sa.Boolean(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("events") as batch:
        batch.drop_column("principal")
