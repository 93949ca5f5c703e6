"""the award season: Quyết định and Tờ trình with their lists, council sessions and their votes, certificate layouts

Revision ID: 0008
Revises: 0007
"""
import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "award_document",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(40), nullable=True),
        sa.Column("issue_date", sa.Date(), nullable=True),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("addressee", sa.String(300), nullable=False),
        sa.Column("proposer", sa.Text(), nullable=False),
        sa.Column("signer_authority", sa.String(40), nullable=False),
        sa.Column("signer_title", sa.String(100), nullable=False),
        sa.Column("signer_name", sa.String(200), nullable=False),
        sa.Column("issued_settings", sa.JSON(), nullable=True),
    )
    op.create_table(
        "award_document_item",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("document_id", sa.Integer(), sa.ForeignKey("award_document.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("nomination_id", sa.Integer(), sa.ForeignKey("nomination.id", ondelete="CASCADE"), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
    )
    op.create_index("ix_award_document_item_document_id", "award_document_item", ["document_id"])
    op.create_index("ix_award_document_item_nomination_id", "award_document_item", ["nomination_id"])
    op.create_table(
        "council_session",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("start_time", sa.String(20), nullable=False),
        sa.Column("end_time", sa.String(20), nullable=False),
        sa.Column("place", sa.String(300), nullable=False),
        sa.Column("chair", sa.String(200), nullable=False),
        sa.Column("secretary", sa.String(200), nullable=False),
        sa.Column("members_present", sa.Integer(), nullable=False),
        sa.Column("members_total", sa.Integer(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
    )
    op.create_table(
        "council_vote",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("session_id", sa.Integer(), sa.ForeignKey("council_session.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("nomination_id", sa.Integer(), sa.ForeignKey("nomination.id", ondelete="CASCADE"), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("votes_for", sa.Integer(), nullable=False),
        sa.Column("passed", sa.Boolean(), nullable=False),
    )
    op.create_index("ix_council_vote_session_id", "council_vote", ["session_id"])
    op.create_index("ix_council_vote_nomination_id", "council_vote", ["nomination_id"])
    op.create_table(
        "certificate_layout",
        sa.Column("form_code", sa.String(60), sa.ForeignKey("award_form.code", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("page_width_mm", sa.Float(), nullable=False),
        sa.Column("page_height_mm", sa.Float(), nullable=False),
        sa.Column("fields", sa.JSON(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("certificate_layout")
    op.drop_table("council_vote")
    op.drop_table("council_session")
    op.drop_table("award_document_item")
    op.drop_table("award_document")
