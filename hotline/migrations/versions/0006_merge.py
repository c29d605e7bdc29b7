"""Join the referrals-and-cases, audit-and-privacy and operations branches into one history.

Revision ID: 0006_merge
Revises: 0002, 0004, 0005
"""

revision = "0006_merge"
down_revision = ("0002", "0004", "0005")
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
