"""The round clock to the microsecond, tied to the monotonic clock.

- ``flash_clock.elapsed_ms`` becomes ``elapsed_us`` (ms × 1000): each pause banked the run in
  whole milliseconds, so a thousand sub-millisecond pauses lost about a second.
- ``flash_clock.phase_started_mono_us`` and ``mono_boot_id`` keep the monotonic clock's reading at
  ``phase_started_at`` and the boot it counts from, so that an app reopened within the same boot
  notices a wall-clock step made while it was closed. Rows from before have none (the app records
  one on the next write).

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-27 00:10:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('flash_clock', schema=None) as batch_op:
        batch_op.add_column(sa.Column('elapsed_us', sa.BigInteger(), server_default='0', nullable=False))
        batch_op.add_column(sa.Column('phase_started_mono_us', sa.BigInteger(), nullable=True))
        batch_op.add_column(sa.Column('mono_boot_id', sa.String(length=64), nullable=True))
    op.execute(sa.text("UPDATE flash_clock SET elapsed_us = elapsed_ms * 1000"))
    with op.batch_alter_table('flash_clock', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_flash_clock_elapsed_non_negative'), type_='check')
        batch_op.drop_column('elapsed_ms')
        batch_op.create_check_constraint(op.f('ck_flash_clock_elapsed_non_negative'), 'elapsed_us >= 0')


def downgrade() -> None:
    with op.batch_alter_table('flash_clock', schema=None) as batch_op:
        batch_op.add_column(sa.Column('elapsed_ms', sa.Integer(), server_default='0', nullable=False))
    # Whole milliseconds again: up to 1 ms of each banked run is lost (rounded down, never more).
    op.execute(sa.text("UPDATE flash_clock SET elapsed_ms = elapsed_us / 1000"))
    with op.batch_alter_table('flash_clock', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_flash_clock_elapsed_non_negative'), type_='check')
        batch_op.drop_column('mono_boot_id')
        batch_op.drop_column('phase_started_mono_us')
        batch_op.drop_column('elapsed_us')
        batch_op.create_check_constraint(op.f('ck_flash_clock_elapsed_non_negative'), 'elapsed_ms >= 0')
