"""the commune's drafting unit (đơn vị tham mưu) is a setting: since 1/7/2025 a commune has a Văn phòng HĐND và UBND

Revision ID: 0006
Revises: 0005
"""
import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("commune_settings") as batch:
        batch.add_column(sa.Column("drafting_unit", sa.String(200), nullable=False,
                                   server_default="Văn phòng HĐND và UBND"))
        batch.add_column(sa.Column("drafting_unit_short", sa.String(20), nullable=False, server_default="VP"))


def downgrade() -> None:
    with op.batch_alter_table("commune_settings") as batch:
        batch.drop_column("drafting_unit_short")
        batch.drop_column("drafting_unit")
