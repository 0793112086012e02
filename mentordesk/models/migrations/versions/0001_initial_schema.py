"""Initial schema: event, people, check-in log, flash sessions, groups, goals, notes, feedback.

Timestamps are stored as naive UTC DATETIME (the models' UTCDateTime type). Frozen: later
schema changes go in new revisions, never here.

Revision ID: 0001
Revises:
Create Date: 2026-11-25 20:18:36.291975
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('event',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('starts_on', sa.Date(), nullable=True),
    sa.Column('ends_on', sa.Date(), nullable=True),
    sa.Column('venue', sa.String(length=300), nullable=False),
    sa.Column('timezone', sa.String(length=64), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('settings', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint('ends_on IS NULL OR starts_on IS NULL OR ends_on >= starts_on', name=op.f('ck_event_dates_ordered')),
    sa.CheckConstraint('length(trim(name)) > 0', name=op.f('ck_event_name_not_blank')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_event'))
    )
    op.create_table('flash_session',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('mode', sa.Enum('rotate', 'match', name='plan_mode', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('status', sa.Enum('draft', 'planned', 'running', 'finished', name='session_status', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('round_count', sa.Integer(), nullable=False),
    sa.Column('round_minutes', sa.Integer(), nullable=False),
    sa.Column('changeover_minutes', sa.Integer(), nullable=False),
    sa.Column('seats_per_table', sa.Integer(), nullable=False),
    sa.Column('mentor_breaks', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('planned_at', sa.DateTime(), nullable=True),
    sa.CheckConstraint('changeover_minutes BETWEEN 0 AND 60', name=op.f('ck_flash_session_changeover_range')),
    sa.CheckConstraint('round_count BETWEEN 1 AND 100', name=op.f('ck_flash_session_round_count_range')),
    sa.CheckConstraint('round_minutes BETWEEN 1 AND 240', name=op.f('ck_flash_session_round_minutes_range')),
    sa.CheckConstraint('seats_per_table BETWEEN 1 AND 3', name=op.f('ck_flash_session_seats_range')),
    sa.ForeignKeyConstraint(['event_id'], ['event.id'], name=op.f('fk_flash_session_event_id_event'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_flash_session'))
    )
    with op.batch_alter_table('flash_session', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_flash_session_event_id'), ['event_id'], unique=False)

    op.create_table('mentor_group',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('kind', sa.Enum('group', 'one_on_one', 'peer_circle', 'reverse', name='group_kind', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('location', sa.String(length=300), nullable=False),
    sa.Column('archived', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint('length(trim(name)) > 0', name=op.f('ck_mentor_group_name_not_blank')),
    sa.ForeignKeyConstraint(['event_id'], ['event.id'], name=op.f('fk_mentor_group_event_id_event'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_mentor_group')),
    sa.UniqueConstraint('event_id', 'name', name=op.f('uq_mentor_group_event_id_name'))
    )
    with op.batch_alter_table('mentor_group', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_mentor_group_event_id'), ['event_id'], unique=False)

    op.create_table('person',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('first_name', sa.String(length=200), nullable=False),
    sa.Column('last_name', sa.String(length=200), nullable=False),
    sa.Column('email', sa.String(length=320), nullable=True),
    sa.Column('email_key', sa.String(length=320), nullable=True),
    sa.Column('role', sa.Enum('mentor', 'mentee', 'facilitator', name='role', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('organization', sa.String(length=300), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('pronouns', sa.String(length=40), nullable=False),
    sa.Column('department', sa.String(length=200), nullable=False),
    sa.Column('topics', sa.JSON(), nullable=False),
    sa.Column('consent_share_contact', sa.Boolean(), nullable=False),
    sa.Column('external_id', sa.String(length=120), nullable=True),
    sa.Column('badge_code', sa.String(length=32), nullable=False),
    sa.Column('is_walk_in', sa.Boolean(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('search_key', sa.String(length=400), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint('length(badge_code) >= 4', name=op.f('ck_person_badge_code_length')),
    sa.CheckConstraint('length(trim(first_name)) + length(trim(last_name)) > 0', name=op.f('ck_person_has_name')),
    sa.ForeignKeyConstraint(['event_id'], ['event.id'], name=op.f('fk_person_event_id_event'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_person')),
    sa.UniqueConstraint('event_id', 'badge_code', name=op.f('uq_person_event_id_badge_code')),
    sa.UniqueConstraint('event_id', 'email_key', name=op.f('uq_person_event_id_email_key'))
    )
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.create_index('ix_person_event_external', ['event_id', 'external_id'], unique=False)
        batch_op.create_index('ix_person_event_search', ['event_id', 'search_key'], unique=False)

    op.create_table('checkin_entry',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('action', sa.Enum('check_in', 'check_out', 'undo', name='action', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('method', sa.Enum('scan', 'code', 'name', 'kiosk', 'bulk', 'command_line', 'manual', name='method', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('recorded_at', sa.DateTime(), nullable=False),
    sa.Column('station', sa.String(length=100), nullable=False),
    sa.Column('undoes_id', sa.Integer(), nullable=True),
    sa.CheckConstraint("(action = 'undo') = (undoes_id IS NOT NULL)", name=op.f('ck_checkin_entry_undo_has_target')),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_checkin_entry_person_id_person'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['undoes_id'], ['checkin_entry.id'], name=op.f('fk_checkin_entry_undoes_id_checkin_entry'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_checkin_entry')),
    sa.UniqueConstraint('undoes_id', name=op.f('uq_checkin_entry_undoes_id'))
    )
    with op.batch_alter_table('checkin_entry', schema=None) as batch_op:
        batch_op.create_index('ix_checkin_entry_person_id_id', ['person_id', 'id'], unique=False)

    op.create_table('flash_clock',
    sa.Column('session_id', sa.Integer(), nullable=False),
    sa.Column('state', sa.Enum('idle', 'running', 'paused', 'finished', name='clock_state', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('round_number', sa.Integer(), nullable=False),
    sa.Column('phase', sa.Enum('meeting', 'changeover', name='clock_phase', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('phase_started_at', sa.DateTime(), nullable=True),
    sa.Column('elapsed_ms', sa.Integer(), nullable=False),
    sa.Column('extra_seconds', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("(state = 'running') = (phase_started_at IS NOT NULL)", name=op.f('ck_flash_clock_running_has_anchor')),
    sa.CheckConstraint('elapsed_ms >= 0', name=op.f('ck_flash_clock_elapsed_non_negative')),
    sa.CheckConstraint('round_number >= 0', name=op.f('ck_flash_clock_round_non_negative')),
    sa.ForeignKeyConstraint(['session_id'], ['flash_session.id'], name=op.f('fk_flash_clock_session_id_flash_session'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('session_id', name=op.f('pk_flash_clock'))
    )
    op.create_table('flash_round',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('session_id', sa.Integer(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('started_at', sa.DateTime(), nullable=True),
    sa.Column('ended_at', sa.DateTime(), nullable=True),
    sa.CheckConstraint('number >= 1', name=op.f('ck_flash_round_number_positive')),
    sa.ForeignKeyConstraint(['session_id'], ['flash_session.id'], name=op.f('fk_flash_round_session_id_flash_session'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_flash_round')),
    sa.UniqueConstraint('session_id', 'number', name=op.f('uq_flash_round_session_id_number'))
    )
    op.create_table('flash_table',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('session_id', sa.Integer(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('label', sa.String(length=100), nullable=False),
    sa.CheckConstraint('number >= 1', name=op.f('ck_flash_table_number_positive')),
    sa.ForeignKeyConstraint(['session_id'], ['flash_session.id'], name=op.f('fk_flash_table_session_id_flash_session'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_flash_table')),
    sa.UniqueConstraint('session_id', 'number', name=op.f('uq_flash_table_session_id_number'))
    )
    op.create_table('goal',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('group_id', sa.Integer(), nullable=True),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('target_on', sa.Date(), nullable=True),
    sa.Column('status', sa.Enum('open', 'achieved', 'dropped', name='goal_status', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint('length(trim(title)) > 0', name=op.f('ck_goal_title_not_blank')),
    sa.ForeignKeyConstraint(['group_id'], ['mentor_group.id'], name=op.f('fk_goal_group_id_mentor_group'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_goal_person_id_person'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_goal'))
    )
    with op.batch_alter_table('goal', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_goal_group_id'), ['group_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_goal_person_id'), ['person_id'], unique=False)

    op.create_table('group_member',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('group_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('role', sa.Enum('mentor', 'mentee', 'peer', name='member_role', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('joined_on', sa.Date(), nullable=True),
    sa.Column('left_on', sa.Date(), nullable=True),
    sa.CheckConstraint('left_on IS NULL OR joined_on IS NULL OR left_on >= joined_on', name=op.f('ck_group_member_dates_ordered')),
    sa.ForeignKeyConstraint(['group_id'], ['mentor_group.id'], name=op.f('fk_group_member_group_id_mentor_group'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_group_member_person_id_person'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_group_member')),
    sa.UniqueConstraint('group_id', 'person_id', name=op.f('uq_group_member_group_id_person_id'))
    )
    with op.batch_alter_table('group_member', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_group_member_person_id'), ['person_id'], unique=False)

    op.create_table('mentor_request',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('mentee_id', sa.Integer(), nullable=False),
    sa.Column('mentor_id', sa.Integer(), nullable=False),
    sa.Column('rank', sa.Integer(), nullable=False),
    sa.CheckConstraint('mentee_id <> mentor_id', name=op.f('ck_mentor_request_not_self')),
    sa.CheckConstraint('rank >= 1', name=op.f('ck_mentor_request_rank_positive')),
    sa.ForeignKeyConstraint(['mentee_id'], ['person.id'], name=op.f('fk_mentor_request_mentee_id_person'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['mentor_id'], ['person.id'], name=op.f('fk_mentor_request_mentor_id_person'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_mentor_request')),
    sa.UniqueConstraint('mentee_id', 'mentor_id', name=op.f('uq_mentor_request_mentee_id_mentor_id'))
    )
    with op.batch_alter_table('mentor_request', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_mentor_request_mentee_id'), ['mentee_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_mentor_request_mentor_id'), ['mentor_id'], unique=False)

    op.create_table('no_go_pair',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('person_a_id', sa.Integer(), nullable=False),
    sa.Column('person_b_id', sa.Integer(), nullable=False),
    sa.Column('reason', sa.String(length=300), nullable=False),
    sa.CheckConstraint('person_a_id < person_b_id', name=op.f('ck_no_go_pair_ordered')),
    sa.ForeignKeyConstraint(['person_a_id'], ['person.id'], name=op.f('fk_no_go_pair_person_a_id_person'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['person_b_id'], ['person.id'], name=op.f('fk_no_go_pair_person_b_id_person'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_no_go_pair')),
    sa.UniqueConstraint('person_a_id', 'person_b_id', name=op.f('uq_no_go_pair_person_a_id_person_b_id'))
    )
    with op.batch_alter_table('no_go_pair', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_no_go_pair_person_b_id'), ['person_b_id'], unique=False)

    op.create_table('session_series',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('group_id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('first_starts_at', sa.DateTime(), nullable=False),
    sa.Column('duration_minutes', sa.Integer(), nullable=False),
    sa.Column('rrule', sa.String(length=500), nullable=False),
    sa.Column('location', sa.String(length=300), nullable=False),
    sa.CheckConstraint('duration_minutes > 0', name=op.f('ck_session_series_duration_positive')),
    sa.ForeignKeyConstraint(['group_id'], ['mentor_group.id'], name=op.f('fk_session_series_group_id_mentor_group'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_session_series'))
    )
    with op.batch_alter_table('session_series', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_session_series_group_id'), ['group_id'], unique=False)

    op.create_table('flash_seat',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('round_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Enum('mentor', 'mentee', 'waiting', 'break', name='seat_kind', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('table_number', sa.Integer(), nullable=True),
    sa.CheckConstraint("(kind IN ('mentor', 'mentee')) = (table_number IS NOT NULL)", name=op.f('ck_flash_seat_table_iff_seated')),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_flash_seat_person_id_person'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['round_id'], ['flash_round.id'], name=op.f('fk_flash_seat_round_id_flash_round'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_flash_seat')),
    sa.UniqueConstraint('round_id', 'person_id', name=op.f('uq_flash_seat_round_id_person_id'))
    )
    with op.batch_alter_table('flash_seat', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_flash_seat_person_id'), ['person_id'], unique=False)

    op.create_table('goal_progress',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('goal_id', sa.Integer(), nullable=False),
    sa.Column('recorded_on', sa.Date(), nullable=False),
    sa.Column('percent', sa.Integer(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.CheckConstraint('percent BETWEEN 0 AND 100', name=op.f('ck_goal_progress_percent_range')),
    sa.ForeignKeyConstraint(['goal_id'], ['goal.id'], name=op.f('fk_goal_progress_goal_id_goal'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_goal_progress'))
    )
    with op.batch_alter_table('goal_progress', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_goal_progress_goal_id'), ['goal_id'], unique=False)

    op.create_table('group_session',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('group_id', sa.Integer(), nullable=False),
    sa.Column('series_id', sa.Integer(), nullable=True),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('starts_at', sa.DateTime(), nullable=False),
    sa.Column('duration_minutes', sa.Integer(), nullable=False),
    sa.Column('location', sa.String(length=300), nullable=False),
    sa.Column('agenda', sa.Text(), nullable=False),
    sa.Column('cancelled', sa.Boolean(), nullable=False),
    sa.CheckConstraint('duration_minutes > 0', name=op.f('ck_group_session_duration_positive')),
    sa.ForeignKeyConstraint(['group_id'], ['mentor_group.id'], name=op.f('fk_group_session_group_id_mentor_group'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['series_id'], ['session_series.id'], name=op.f('fk_group_session_series_id_session_series'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_group_session'))
    )
    with op.batch_alter_table('group_session', schema=None) as batch_op:
        batch_op.create_index('ix_group_session_group_start', ['group_id', 'starts_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_group_session_series_id'), ['series_id'], unique=False)

    op.create_table('attendance',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('session_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.Enum('present', 'late', 'absent', 'excused', name='attendance_status', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('source', sa.Enum('app', 'sign_in_sheet', name='attendance_source', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('note', sa.String(length=500), nullable=False),
    sa.Column('recorded_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_attendance_person_id_person'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['session_id'], ['group_session.id'], name=op.f('fk_attendance_session_id_group_session'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_attendance')),
    sa.UniqueConstraint('session_id', 'person_id', name=op.f('uq_attendance_session_id_person_id'))
    )
    with op.batch_alter_table('attendance', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_attendance_person_id'), ['person_id'], unique=False)

    op.create_table('feedback',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=False),
    sa.Column('about_person_id', sa.Integer(), nullable=True),
    sa.Column('flash_session_id', sa.Integer(), nullable=True),
    sa.Column('round_number', sa.Integer(), nullable=True),
    sa.Column('group_session_id', sa.Integer(), nullable=True),
    sa.Column('rating', sa.Integer(), nullable=True),
    sa.Column('comment', sa.Text(), nullable=False),
    sa.Column('wants_follow_up', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint('(flash_session_id IS NULL) <> (group_session_id IS NULL)', name=op.f('ck_feedback_one_subject')),
    sa.CheckConstraint('about_person_id IS NULL OR about_person_id <> author_id', name=op.f('ck_feedback_not_about_self')),
    sa.CheckConstraint('flash_session_id IS NULL OR (round_number IS NOT NULL AND about_person_id IS NOT NULL)', name=op.f('ck_feedback_flash_meeting_complete')),
    sa.CheckConstraint('rating IS NULL OR rating BETWEEN 1 AND 5', name=op.f('ck_feedback_rating_range')),
    sa.ForeignKeyConstraint(['about_person_id'], ['person.id'], name=op.f('fk_feedback_about_person_id_person'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['author_id'], ['person.id'], name=op.f('fk_feedback_author_id_person'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['flash_session_id'], ['flash_session.id'], name=op.f('fk_feedback_flash_session_id_flash_session'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['group_session_id'], ['group_session.id'], name=op.f('fk_feedback_group_session_id_group_session'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_feedback'))
    )
    with op.batch_alter_table('feedback', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_feedback_about_person_id'), ['about_person_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_feedback_author_id'), ['author_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_feedback_flash_session_id'), ['flash_session_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_feedback_group_session_id'), ['group_session_id'], unique=False)

    op.create_table('note',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=True),
    sa.Column('group_id', sa.Integer(), nullable=True),
    sa.Column('session_id', sa.Integer(), nullable=True),
    sa.Column('author', sa.String(length=200), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint('length(trim(body)) > 0', name=op.f('ck_note_body_not_blank')),
    sa.CheckConstraint('person_id IS NOT NULL OR group_id IS NOT NULL OR session_id IS NOT NULL', name=op.f('ck_note_has_subject')),
    sa.ForeignKeyConstraint(['group_id'], ['mentor_group.id'], name=op.f('fk_note_group_id_mentor_group'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_note_person_id_person'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['session_id'], ['group_session.id'], name=op.f('fk_note_session_id_group_session'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_note'))
    )
    with op.batch_alter_table('note', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_note_group_id'), ['group_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_note_person_id'), ['person_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_note_session_id'), ['session_id'], unique=False)
    # The check-in log is append-only; the database refuses to change a row.
    if op.get_bind().dialect.name == "sqlite":
        op.execute(
            "CREATE TRIGGER checkin_entry_append_only BEFORE UPDATE ON checkin_entry "
            "BEGIN SELECT RAISE(ABORT, 'the check-in log is append-only'); END"
        )


def downgrade() -> None:
    with op.batch_alter_table('note', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_note_session_id'))
        batch_op.drop_index(batch_op.f('ix_note_person_id'))
        batch_op.drop_index(batch_op.f('ix_note_group_id'))

    op.drop_table('note')
    with op.batch_alter_table('feedback', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_feedback_group_session_id'))
        batch_op.drop_index(batch_op.f('ix_feedback_flash_session_id'))
        batch_op.drop_index(batch_op.f('ix_feedback_author_id'))
        batch_op.drop_index(batch_op.f('ix_feedback_about_person_id'))

    op.drop_table('feedback')
    with op.batch_alter_table('attendance', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_attendance_person_id'))

    op.drop_table('attendance')
    with op.batch_alter_table('group_session', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_group_session_series_id'))
        batch_op.drop_index('ix_group_session_group_start')

    op.drop_table('group_session')
    with op.batch_alter_table('goal_progress', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_goal_progress_goal_id'))

    op.drop_table('goal_progress')
    with op.batch_alter_table('flash_seat', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_flash_seat_person_id'))

    op.drop_table('flash_seat')
    with op.batch_alter_table('session_series', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_session_series_group_id'))

    op.drop_table('session_series')
    with op.batch_alter_table('no_go_pair', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_no_go_pair_person_b_id'))

    op.drop_table('no_go_pair')
    with op.batch_alter_table('mentor_request', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_mentor_request_mentor_id'))
        batch_op.drop_index(batch_op.f('ix_mentor_request_mentee_id'))

    op.drop_table('mentor_request')
    with op.batch_alter_table('group_member', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_group_member_person_id'))

    op.drop_table('group_member')
    with op.batch_alter_table('goal', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_goal_person_id'))
        batch_op.drop_index(batch_op.f('ix_goal_group_id'))

    op.drop_table('goal')
    op.drop_table('flash_table')
    op.drop_table('flash_round')
    op.drop_table('flash_clock')
    with op.batch_alter_table('checkin_entry', schema=None) as batch_op:
        batch_op.drop_index('ix_checkin_entry_person_id_id')

    op.drop_table('checkin_entry')
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.drop_index('ix_person_event_search')
        batch_op.drop_index('ix_person_event_external')

    op.drop_table('person')
    with op.batch_alter_table('mentor_group', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_mentor_group_event_id'))

    op.drop_table('mentor_group')
    with op.batch_alter_table('flash_session', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_flash_session_event_id'))

    op.drop_table('flash_session')
    op.drop_table('event')
