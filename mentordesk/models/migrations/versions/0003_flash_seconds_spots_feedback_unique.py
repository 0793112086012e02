"""Flash details: the changeover in seconds, stored waiting spots, one feedback row per subject.

- ``flash_session.changeover_minutes`` becomes ``changeover_seconds`` (minutes × 60), so a
  facilitator can set a 90-second changeover; seconds are the only column left.
- ``flash_seat.spot`` keeps where a waiting mentee waits in rotate mode ("waiting spot 3a"), which
  was only known in memory; seats of files from before stay without one (the waiting area).
- ``feedback`` gets one row per author and meeting (and per author and group session). Rows that
  two stations saved twice are merged first: the newest row (latest ``created_at``, then highest
  id) is kept.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26 00:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None

_MEETING_KEY = ('author_id', 'about_person_id', 'flash_session_id', 'round_number')
_GROUP_KEY = ('author_id', 'group_session_id')


def _drop_duplicates(key: tuple[str, ...]) -> None:
    """Delete every row of a key but the newest; rows with a NULL in the key never clash."""
    columns = ', '.join(key)
    present = ' AND '.join(f'{c} IS NOT NULL' for c in key)
    op.execute(sa.text(
        f"DELETE FROM feedback WHERE id IN ("
        f"SELECT id FROM (SELECT id, ROW_NUMBER() OVER (PARTITION BY {columns} "
        f"ORDER BY created_at DESC, id DESC) AS newness FROM feedback WHERE {present}) AS ranked "
        f"WHERE newness > 1)"
    ))


def upgrade() -> None:
    with op.batch_alter_table('flash_session', schema=None) as batch_op:
        batch_op.add_column(sa.Column('changeover_seconds', sa.Integer(), server_default='60', nullable=False))
    op.execute(sa.text("UPDATE flash_session SET changeover_seconds = changeover_minutes * 60"))
    with op.batch_alter_table('flash_session', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_flash_session_changeover_range'), type_='check')
        batch_op.drop_column('changeover_minutes')
        batch_op.create_check_constraint(op.f('ck_flash_session_changeover_seconds_range'),
                                         'changeover_seconds BETWEEN 0 AND 3600')

    with op.batch_alter_table('flash_seat', schema=None) as batch_op:
        batch_op.add_column(sa.Column('spot', sa.String(length=60), nullable=True))
        batch_op.create_check_constraint(op.f('ck_flash_seat_spot_only_when_waiting'),
                                         "spot IS NULL OR kind = 'waiting'")

    _drop_duplicates(_MEETING_KEY)
    _drop_duplicates(_GROUP_KEY)
    with op.batch_alter_table('feedback', schema=None) as batch_op:
        batch_op.create_unique_constraint('uq_feedback_one_per_meeting', list(_MEETING_KEY))
        batch_op.create_unique_constraint('uq_feedback_one_per_group_session', list(_GROUP_KEY))


def downgrade() -> None:
    with op.batch_alter_table('feedback', schema=None) as batch_op:
        batch_op.drop_constraint('uq_feedback_one_per_group_session', type_='unique')
        batch_op.drop_constraint('uq_feedback_one_per_meeting', type_='unique')

    with op.batch_alter_table('flash_seat', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_flash_seat_spot_only_when_waiting'), type_='check')
        batch_op.drop_column('spot')

    with op.batch_alter_table('flash_session', schema=None) as batch_op:
        batch_op.add_column(sa.Column('changeover_minutes', sa.Integer(), server_default='1', nullable=False))
    # Whole minutes only: a 90-second changeover becomes 2 minutes (rounded up, never shorter).
    op.execute(sa.text("UPDATE flash_session SET changeover_minutes = "
                       "CASE WHEN changeover_seconds > 3540 THEN 60 ELSE (changeover_seconds + 59) / 60 END"))
    with op.batch_alter_table('flash_session', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_flash_session_changeover_seconds_range'), type_='check')
        batch_op.drop_column('changeover_seconds')
        batch_op.create_check_constraint(op.f('ck_flash_session_changeover_range'),
                                         'changeover_minutes BETWEEN 0 AND 60')
