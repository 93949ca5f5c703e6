"""initial schema

Revision ID: 0001
Revises: 
Create Date: 2026-11-23 17:33:39.408584
"""
import sqlalchemy as sa
from alembic import op

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('award_form',
    sa.Column('code', sa.String(length=60), nullable=False),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('category', sa.String(length=20), nullable=False),
    sa.Column('beneficiary', sa.String(length=20), nullable=False),
    sa.Column('granting_level', sa.String(length=20), nullable=False),
    sa.Column('legal_basis', sa.Text(), nullable=False),
    sa.Column('effective_from', sa.Date(), nullable=True),
    sa.Column('effective_to', sa.Date(), nullable=True),
    sa.PrimaryKeyConstraint('code')
    )
    op.create_table('commune_settings',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('commune_name', sa.String(length=200), nullable=False),
    sa.Column('unit_type', sa.Enum('xã', 'phường', 'thị trấn',
        name='unittype', native_enum=False, length=32), nullable=False),
    sa.Column('superior_body', sa.String(length=200), nullable=False),
    sa.Column('superior_level', sa.Enum('district', 'province',
        name='superiorlevel', native_enum=False, length=32), nullable=False),
    sa.Column('place_name', sa.String(length=200), nullable=False),
    sa.Column('chairman_name', sa.String(length=200), nullable=False),
    sa.Column('vice_chairmen', sa.JSON(), nullable=False),
    sa.Column('number_suffix', sa.String(length=40), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('nominee',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Enum('individual', 'collective', 'household',
        name='nomineekind', native_enum=False, length=32), nullable=False),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('gender', sa.String(length=10), nullable=True),
    sa.Column('birth_date', sa.Date(), nullable=True),
    sa.Column('position', sa.String(length=300), nullable=False),
    sa.Column('unit', sa.String(length=300), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('plan',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Enum('annual', 'campaign', name='plankind', native_enum=False, length=32), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('number', sa.String(length=40), nullable=True),
    sa.Column('issue_date', sa.Date(), nullable=True),
    sa.Column('place_name', sa.String(length=200), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('theme', sa.Text(), nullable=False),
    sa.Column('campaign_start', sa.Date(), nullable=True),
    sa.Column('campaign_end', sa.Date(), nullable=True),
    sa.Column('status', sa.Enum('draft', 'issued', name='planstatus', native_enum=False, length=32), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('revises_id', sa.Integer(), nullable=True),
    sa.Column('signer_authority', sa.String(length=40), nullable=False),
    sa.Column('signer_title', sa.String(length=100), nullable=False),
    sa.Column('signer_name', sa.String(length=200), nullable=False),
    sa.Column('targets_as_table', sa.Boolean(), nullable=False),
    sa.Column('award_deadline', sa.Date(), nullable=True),
    sa.Column('wizard_page', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.ForeignKeyConstraint(['revises_id'], ['plan.id'], ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('superior_document',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('file_name', sa.String(length=500), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('imported_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('sha256')
    )
    op.create_table('assignment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('unit', sa.Text(), nullable=False),
    sa.Column('task', sa.Text(), nullable=False),
    sa.Column('deadline', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['plan_id'], ['plan.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('assignment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_assignment_plan_id'), ['plan_id'], unique=False)

    op.create_table('legal_basis',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('doc_type', sa.String(length=100), nullable=False),
    sa.Column('number', sa.String(length=60), nullable=False),
    sa.Column('issue_date', sa.Date(), nullable=True),
    sa.Column('issuer', sa.String(length=200), nullable=False),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('superior_document_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['plan_id'], ['plan.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['superior_document_id'], ['superior_document.id'], ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('legal_basis', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_legal_basis_plan_id'), ['plan_id'], unique=False)

    op.create_table('nomination',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('nominee_id', sa.Integer(), nullable=False),
    sa.Column('award_form_code', sa.String(length=60), nullable=False),
    sa.Column('granting_level', sa.String(length=20), nullable=False),
    sa.Column('achievement', sa.Text(), nullable=False),
    sa.Column('plan_id', sa.Integer(), nullable=True),
    sa.Column('movement', sa.Text(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=True),
    sa.Column('deadline', sa.Date(), nullable=True),
    sa.Column('status', sa.Enum('draft', 'submitted', 'granted', 'refused',
        name='nominationstatus', native_enum=False, length=32), nullable=False),
    sa.Column('decision_number', sa.String(length=60), nullable=True),
    sa.Column('decision_date', sa.Date(), nullable=True),
    sa.Column('note', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['award_form_code'], ['award_form.code'], ),
    sa.ForeignKeyConstraint(['nominee_id'], ['nominee.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['plan_id'], ['plan.id'], ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('nomination', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_nomination_nominee_id'), ['nominee_id'], unique=False)

    op.create_table('plan_section',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Enum('basis', 'purpose', 'requirement', 'content', 'award',
        'timeline', 'organisation', 'closing',
        name='sectionkind', native_enum=False, length=32), nullable=False),
    sa.Column('field', sa.Enum('kinh_te', 'van_hoa_xa_hoi', 'moi_truong',
        'quoc_phong_an_ninh', 'xay_dung_dang_chinh_quyen', 'other',
        name='field', native_enum=False, length=32), nullable=True),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('heading', sa.Text(), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['plan_id'], ['plan.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('plan_section', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_plan_section_plan_id'), ['plan_id'], unique=False)

    op.create_table('recipient',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['plan_id'], ['plan.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('recipient', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_recipient_plan_id'), ['plan_id'], unique=False)

    op.create_table('target',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('plan_id', sa.Integer(), nullable=True),
    sa.Column('superior_document_id', sa.Integer(), nullable=True),
    sa.Column('derived_from_id', sa.Integer(), nullable=True),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('indicator', sa.Text(), nullable=False),
    sa.Column('comparator', sa.Enum('=', '~', '>', '>=', '<', '<=', 'reduce_by', 'reduce_to', 'qualitative',
        name='comparator', native_enum=False, length=32), nullable=False),
    sa.Column('value', sa.Float(), nullable=True),
    sa.Column('value_max', sa.Float(), nullable=True),
    sa.Column('unit', sa.String(length=60), nullable=True),
    sa.Column('field', sa.Enum('kinh_te', 'van_hoa_xa_hoi', 'moi_truong',
        'quoc_phong_an_ninh', 'xay_dung_dang_chinh_quyen', 'other',
        name='field', native_enum=False, length=32), nullable=False),
    sa.Column('source_text', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['derived_from_id'], ['target.id'], ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['plan_id'], ['plan.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['superior_document_id'], ['superior_document.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('target', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_target_plan_id'), ['plan_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_target_superior_document_id'), ['superior_document_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('target', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_target_superior_document_id'))
        batch_op.drop_index(batch_op.f('ix_target_plan_id'))

    op.drop_table('target')
    with op.batch_alter_table('recipient', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_recipient_plan_id'))

    op.drop_table('recipient')
    with op.batch_alter_table('plan_section', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_plan_section_plan_id'))

    op.drop_table('plan_section')
    with op.batch_alter_table('nomination', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_nomination_nominee_id'))

    op.drop_table('nomination')
    with op.batch_alter_table('legal_basis', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_legal_basis_plan_id'))

    op.drop_table('legal_basis')
    with op.batch_alter_table('assignment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_assignment_plan_id'))

    op.drop_table('assignment')
    op.drop_table('superior_document')
    op.drop_table('plan')
    op.drop_table('nominee')
    op.drop_table('commune_settings')
    op.drop_table('award_form')
