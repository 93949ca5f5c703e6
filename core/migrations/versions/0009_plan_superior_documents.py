"""superior plans belong to the plan they were imported for; rejected superior targets stay rejected; a target's
superior-scope warning can be confirmed

Revision ID: 0009
Revises: 0008
"""
import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "plan_superior_document",
        sa.Column("plan_id", sa.Integer, sa.ForeignKey("plan.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("superior_document_id", sa.Integer, sa.ForeignKey("superior_document.id", ondelete="CASCADE"),
                  primary_key=True),
    )
    op.create_table(
        "plan_rejected_target",
        sa.Column("plan_id", sa.Integer, sa.ForeignKey("plan.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("target_id", sa.Integer, sa.ForeignKey("target.id", ondelete="CASCADE"), primary_key=True),
    )
    # Plans that already cite an imported superior plan as a căn cứ list it as theirs.
    op.execute("INSERT OR IGNORE INTO plan_superior_document (plan_id, superior_document_id) "
               "SELECT plan_id, superior_document_id FROM legal_basis WHERE superior_document_id IS NOT NULL")
    with op.batch_alter_table("target") as batch:
        batch.add_column(sa.Column("scope_confirmed", sa.Boolean, nullable=False, server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table("target") as batch:
        batch.drop_column("scope_confirmed")
    op.drop_table("plan_rejected_target")
    op.drop_table("plan_superior_document")
