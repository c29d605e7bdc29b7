"""operations: caller flags and caller blocks (abusive callers, by the caller's keyed hash)

Revision ID: 0005
Revises: 0001
Create Date: 2026-11-24 09:00:00
"""
from alembic import op
import sqlalchemy as sa
import hotline.db


revision = '0005'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'caller_flags',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('caller_hash', sa.String(length=64), nullable=False),
        sa.Column('call_id', sa.Integer(), nullable=True),
        sa.Column('reason', sa.Text(), nullable=False),
        sa.Column('flagged_by', sa.Integer(), nullable=True),
        sa.Column('created_at', hotline.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['call_id'], ['calls.id'], ondelete='SET NULL'),
        sa.ForeignKeyConstraint(['flagged_by'], ['users.id'], ondelete='SET NULL'),
        sa.PrimaryKeyConstraint('id'),
    )
    with op.batch_alter_table('caller_flags', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_caller_flags_caller_hash'), ['caller_hash'], unique=False)

    op.create_table(
        'caller_blocks',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('caller_hash', sa.String(length=64), nullable=False),
        sa.Column('reason', sa.Text(), nullable=False),
        sa.Column('days', sa.Integer(), nullable=False),
        sa.Column('created_by', sa.Integer(), nullable=True),
        sa.Column('created_at', hotline.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column('expires_at', hotline.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column('lifted_at', hotline.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column('lifted_by', sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(['created_by'], ['users.id'], ondelete='SET NULL'),
        sa.ForeignKeyConstraint(['lifted_by'], ['users.id'], ondelete='SET NULL'),
        sa.PrimaryKeyConstraint('id'),
    )
    with op.batch_alter_table('caller_blocks', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_caller_blocks_caller_hash'), ['caller_hash'], unique=False)
        batch_op.create_index(batch_op.f('ix_caller_blocks_expires_at'), ['expires_at'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('caller_blocks', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_caller_blocks_expires_at'))
        batch_op.drop_index(batch_op.f('ix_caller_blocks_caller_hash'))
    op.drop_table('caller_blocks')
    with op.batch_alter_table('caller_flags', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_caller_flags_caller_hash'))
    op.drop_table('caller_flags')
