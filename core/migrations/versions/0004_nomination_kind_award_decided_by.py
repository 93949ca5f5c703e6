"""nominations have a kind (thường xuyên, đột xuất…); catalogue entries say who decides; district entries end 30/6/2025

Revision ID: 0004
Revises: 0003
"""
import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("nomination") as batch:
        batch.add_column(sa.Column("award_kind", sa.String(32), nullable=False, server_default="regular"))
    with op.batch_alter_table("award_form") as batch:
        batch.add_column(sa.Column("decided_by", sa.String(200), nullable=False, server_default=""))
    # Two-level local government from 1/7/2025: the district no longer grants anything.
    op.execute("UPDATE award_form SET effective_to = '2025-06-30' "
               "WHERE granting_level = 'district' AND effective_to IS NULL")


def downgrade() -> None:
    with op.batch_alter_table("award_form") as batch:
        batch.drop_column("decided_by")
    with op.batch_alter_table("nomination") as batch:
        batch.drop_column("award_kind")
