"""nominations carry their folded search text, so the list searches 50,000 rows in SQL

Revision ID: 0005
Revises: 0004
"""
from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

from core.nominations import search_text

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("nomination") as batch:
        batch.add_column(sa.Column("search_text", sa.Text(), nullable=False, server_default=""))
    bind = op.get_bind()
    found: Sequence[Any] = bind.exec_driver_sql(
        "SELECT m.id, n.name, n.unit, n.position, f.name, m.movement, m.achievement FROM nomination m"
        " JOIN nominee n ON n.id = m.nominee_id JOIN award_form f ON f.code = m.award_form_code").fetchall()
    if found:
        bind.exec_driver_sql("UPDATE nomination SET search_text = ? WHERE id = ?",
                             [(search_text(name, unit, position, form, movement, achievement), nid)
                              for nid, name, unit, position, form, movement, achievement in found])


def downgrade() -> None:
    with op.batch_alter_table("nomination") as batch:
        batch.drop_column("search_text")
