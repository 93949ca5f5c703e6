"""a superior plan read from a scan by OCR is marked so, and so is each of its targets (check against the paper)

Revision ID: 0007
Revises: 0006
"""
import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("superior_document") as batch:
        batch.add_column(sa.Column("from_ocr", sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table("superior_document") as batch:
        batch.drop_column("from_ocr")
