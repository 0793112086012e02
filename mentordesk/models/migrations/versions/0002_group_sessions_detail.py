"""Group sessions in detail: named time zones, recurrence parts, mode and link, topic, notes, UID.

Existing series and sessions get the event's time zone (or, when the event has none, the zone of
the computer doing the upgrade — the one they were entered in), their local start time, the rule
parts read from the stored RRULE text, and a fresh iCalendar UID per session.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26 00:05:00
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime

import sqlalchemy as sa
from alembic import op

from mentordesk.models.timezones import local_zone_name, zone

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def _mode_enum() -> sa.Enum:
    return sa.Enum('in_person', 'remote', name='session_mode', native_enum=False, create_constraint=True)


def upgrade() -> None:
    with op.batch_alter_table('mentor_group', schema=None) as batch_op:
        batch_op.add_column(sa.Column('topic', sa.String(length=300), server_default='', nullable=False))

    with op.batch_alter_table('session_series', schema=None) as batch_op:
        batch_op.add_column(sa.Column('frequency', sa.Enum('weekly', 'monthly_weekday', name='frequency',
                                                           native_enum=False, create_constraint=True),
                                      server_default='weekly', nullable=False))
        batch_op.add_column(sa.Column('repeat_interval', sa.Integer(), server_default='1', nullable=False))
        batch_op.add_column(sa.Column('until_on', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('repeat_count', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('local_start', sa.Time(), nullable=True))
        batch_op.add_column(sa.Column('timezone', sa.String(length=64), server_default='', nullable=False))
        batch_op.add_column(sa.Column('topic', sa.String(length=300), server_default='', nullable=False))
        batch_op.add_column(sa.Column('mode', _mode_enum(), server_default='in_person', nullable=False))
        batch_op.add_column(sa.Column('meeting_url', sa.String(length=1000), server_default='', nullable=False))
        batch_op.create_check_constraint(op.f('ck_session_series_interval_positive'), 'repeat_interval >= 1')
        batch_op.create_check_constraint(op.f('ck_session_series_count_positive'),
                                         'repeat_count IS NULL OR repeat_count >= 1')

    with op.batch_alter_table('group_session', schema=None) as batch_op:
        batch_op.add_column(sa.Column('timezone', sa.String(length=64), server_default='', nullable=False))
        batch_op.add_column(sa.Column('topic', sa.String(length=300), server_default='', nullable=False))
        batch_op.add_column(sa.Column('mode', _mode_enum(), server_default='in_person', nullable=False))
        batch_op.add_column(sa.Column('meeting_url', sa.String(length=1000), server_default='', nullable=False))
        batch_op.add_column(sa.Column('discussion', sa.Text(), server_default='', nullable=False))
        batch_op.add_column(sa.Column('actions', sa.Text(), server_default='', nullable=False))
        batch_op.add_column(sa.Column('original_starts_at', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('ical_uid', sa.String(length=100), server_default='', nullable=False))
        batch_op.add_column(sa.Column('ical_sequence', sa.Integer(), server_default='0', nullable=False))

    _backfill()


def _rule_parts(rrule: str) -> dict[str, str]:
    parts: dict[str, str] = {}
    for piece in (rrule or '').upper().removeprefix('RRULE:').split(';'):
        key, _, value = piece.partition('=')
        if key and value:
            parts[key.strip()] = value.strip()
    return parts


def _backfill() -> None:
    conn = op.get_bind()
    event_zone = conn.execute(sa.text("SELECT timezone FROM event ORDER BY id LIMIT 1")).scalar() or ''
    zone_name = zone(event_zone).key if event_zone else local_zone_name()
    tz = zone(zone_name)

    conn.execute(sa.text("UPDATE group_session SET timezone = :z WHERE timezone = ''"), {"z": zone_name})
    for (session_id,) in conn.execute(sa.text("SELECT id FROM group_session WHERE ical_uid = ''")).all():
        conn.execute(sa.text("UPDATE group_session SET ical_uid = :u WHERE id = :i"),
                     {"u": f"{uuid.uuid4()}@mentordesk", "i": session_id})

    series = conn.execute(sa.text("SELECT id, first_starts_at, rrule FROM session_series")
                          .columns(sa.column("id", sa.Integer()), sa.column("first_starts_at", sa.DateTime()),
                                   sa.column("rrule", sa.String()))).all()
    for series_id, first, rrule in series:
        if isinstance(first, str):
            first = datetime.fromisoformat(first)
        local = first.replace(tzinfo=UTC).astimezone(tz)
        parts = _rule_parts(rrule)
        frequency = 'monthly_weekday' if parts.get('FREQ') == 'MONTHLY' else 'weekly'
        interval = int(parts['INTERVAL']) if parts.get('INTERVAL', '').isdigit() else 1
        count = int(parts['COUNT']) if parts.get('COUNT', '').isdigit() else None
        until = None
        if parts.get('UNTIL', '')[:8].isdigit():
            raw = parts['UNTIL'][:8]
            until = date(int(raw[:4]), int(raw[4:6]), int(raw[6:8]))
        conn.execute(
            sa.text("UPDATE session_series SET timezone = :z, local_start = :t, frequency = :f, "
                    "repeat_interval = :n, repeat_count = :c, until_on = :u WHERE id = :i")
            .bindparams(sa.bindparam("t", type_=sa.Time()), sa.bindparam("u", type_=sa.Date())),
            {"z": zone_name, "t": local.time().replace(tzinfo=None), "f": frequency, "n": max(interval, 1),
             "c": count, "u": until, "i": series_id},
        )


def downgrade() -> None:
    with op.batch_alter_table('group_session', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_group_session_session_mode'), type_='check')
        for column in ('ical_sequence', 'ical_uid', 'original_starts_at', 'actions', 'discussion', 'meeting_url',
                       'mode', 'topic', 'timezone'):
            batch_op.drop_column(column)
    with op.batch_alter_table('session_series', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_session_series_count_positive'), type_='check')
        batch_op.drop_constraint(op.f('ck_session_series_interval_positive'), type_='check')
        batch_op.drop_constraint(op.f('ck_session_series_session_mode'), type_='check')
        batch_op.drop_constraint(op.f('ck_session_series_frequency'), type_='check')
        for column in ('meeting_url', 'mode', 'topic', 'timezone', 'local_start', 'repeat_count', 'until_on',
                       'repeat_interval', 'frequency'):
            batch_op.drop_column(column)
    with op.batch_alter_table('mentor_group', schema=None) as batch_op:
        batch_op.drop_column('topic')
