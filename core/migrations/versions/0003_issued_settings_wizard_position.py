"""an issued plan keeps the settings it printed with; the wizard's position leaves the plan row

Revision ID: 0003
Revises: 0002
"""
import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "wizard_position",
        sa.Column("plan_id", sa.Integer(), sa.ForeignKey("plan.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("page", sa.Integer(), nullable=False),
    )
    op.execute("INSERT INTO wizard_position (plan_id, page) SELECT id, wizard_page FROM plan WHERE status = 'draft'")
    with op.batch_alter_table("plan") as batch:
        batch.add_column(sa.Column("issued_settings", sa.JSON(), nullable=True))
        batch.drop_column("wizard_page")
    # Plans issued before this version printed the settings of the day; freeze today's, the best known.
    op.execute(
        "UPDATE plan SET issued_settings = (SELECT json_object('commune_name', commune_name, 'unit_type', unit_type,"
        " 'place_name', place_name, 'number_suffix', number_suffix) FROM commune_settings LIMIT 1)"
        " WHERE status = 'issued'"
    )


def downgrade() -> None:
    with op.batch_alter_table("plan") as batch:
        batch.add_column(sa.Column("wizard_page", sa.Integer(), nullable=False, server_default="0"))
        batch.drop_column("issued_settings")
    op.drop_table("wizard_position")
