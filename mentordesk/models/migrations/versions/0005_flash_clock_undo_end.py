"""The round clock remembers what End interrupted, so that an End pressed by mistake can be undone.

- ``flash_clock.ended_early_at``: when End finished the session before its last round ran out.
- ``flash_clock.ended_from``: the state End interrupted (running or paused). The row's round,
  phase, banked run and extra time stay as End found them, so "Undo end" puts the clock back.

Rows from before have neither (their End cannot be undone).

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02 00:10:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('flash_clock', schema=None) as batch_op:
        batch_op.add_column(sa.Column('ended_early_at', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('ended_from', sa.Enum('idle', 'running', 'paused', 'finished',
                                                             name='clock_ended_from', native_enum=False,
                                                             create_constraint=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('flash_clock', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_flash_clock_clock_ended_from'), type_='check')
        batch_op.drop_column('ended_from')
        batch_op.drop_column('ended_early_at')
