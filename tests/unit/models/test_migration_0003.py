"""Revision 0003: changeovers in seconds, stored waiting spots, one feedback row per author and subject.

A file at 0002 with flash sessions, seats and duplicated feedback (two stations saving at once) is
made from the 0001 sample, then opened: minutes become seconds, duplicates collapse to the newest.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import create_engine, delete, func, select, text
from sqlalchemy.exc import IntegrityError

from mentordesk.models import Feedback, FlashSeat, FlashSession, SeatKind
from mentordesk.models.store import EventStore, _alembic_config, head_revision
from mentordesk.services.flash.views import board, flash_snapshot

SAMPLE = Path(__file__).resolve().parents[2] / "data" / "event-schema-0001.mentordesk"


def _file_at_0002(path: Path) -> None:
    shutil.copy(SAMPLE, path)
    engine = create_engine(f"sqlite:///{path}")
    # A plain engine leaves SQLite's foreign keys off, as the store does while migrating.
    with engine.begin() as conn:
        config = _alembic_config()
        config.attributes["connection"] = conn
        command.upgrade(config, "0002")
    engine.dispose()


def _sql(path: Path, statement: str, **params: object) -> list[tuple[object, ...]]:
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        result = conn.execute(text(statement), params)
        rows = [tuple(r) for r in result] if result.returns_rows else []
    engine.dispose()
    return rows


@pytest.fixture
def old_file(tmp_path: Path) -> Path:
    """A 0002 file with two flash sessions (1- and 2-minute changeovers), seats and duplicate feedback."""
    path = tmp_path / "flash-0002.mentordesk"
    _file_at_0002(path)
    assert _sql(path, "SELECT version_num FROM alembic_version") == [("0002",)]
    event = _sql(path, "SELECT id FROM event")[0][0]
    mentors = [r[0] for r in _sql(path, "SELECT id FROM person WHERE role = 'mentor' ORDER BY id LIMIT 2")]
    mentees = [r[0] for r in _sql(path, "SELECT id FROM person WHERE role = 'mentee' ORDER BY id LIMIT 3")]
    for minutes in (1, 2):
        _sql(path, "INSERT INTO flash_session (event_id, name, mode, status, round_count, round_minutes, "
                   "changeover_minutes, seats_per_table, mentor_breaks, created_at) VALUES (:e, :n, 'rotate', "
                   "'planned', 1, 7, :c, 1, 0, '2026-05-04 18:00:00')", e=event, n=f"Session {minutes}", c=minutes)
    first = _sql(path, "SELECT min(id) FROM flash_session")[0][0]
    _sql(path, "INSERT INTO flash_round (session_id, number) VALUES (:s, 1)", s=first)
    round_id = _sql(path, "SELECT id FROM flash_round WHERE session_id = :s", s=first)[0][0]
    seats = [(mentors[0], "mentor", 1), (mentors[1], "mentor", 2), (mentees[0], "mentee", 1),
             (mentees[1], "mentee", 2), (mentees[2], "waiting", None)]
    for person, kind, table in seats:
        _sql(path, "INSERT INTO flash_seat (round_id, person_id, kind, table_number) VALUES (:r, :p, :k, :t)",
             r=round_id, p=person, k=kind, t=table)
    feedback = "INSERT INTO feedback (author_id, about_person_id, flash_session_id, round_number, rating, " \
               "comment, wants_follow_up, created_at) VALUES (:a, :b, :s, 1, :r, :c, 0, :t)"
    # Saved twice by two stations: the newer answer (4 stars) is the one to keep.
    _sql(path, feedback, a=mentees[0], b=mentors[0], s=first, r=2, c="older", t="2026-05-04 18:10:00")
    _sql(path, feedback, a=mentees[0], b=mentors[0], s=first, r=4, c="newer", t="2026-05-04 18:12:00")
    # Same instant: the later row wins.
    _sql(path, feedback, a=mentees[1], b=mentors[1], s=first, r=3, c="first", t="2026-05-04 18:11:00")
    _sql(path, feedback, a=mentees[1], b=mentors[1], s=first, r=5, c="second", t="2026-05-04 18:11:00")
    _sql(path, feedback, a=mentors[0], b=mentees[0], s=first, r=5, c="the mentor's own", t="2026-05-04 18:13:00")
    group_session = _sql(path, "SELECT min(id) FROM group_session")[0][0]
    on_session = "INSERT INTO feedback (author_id, group_session_id, rating, comment, wants_follow_up, created_at) " \
                 "VALUES (:a, :g, :r, :c, 0, :t)"
    _sql(path, on_session, a=mentees[2], g=group_session, r=1, c="old note", t="2026-05-01 10:00:00")
    _sql(path, on_session, a=mentees[2], g=group_session, r=5, c="new note", t="2026-05-02 10:00:00")
    _sql(path, on_session, a=mentees[1], g=group_session, r=3, c="someone else", t="2026-05-01 10:00:00")
    return path


def test_a_0002_file_upgrades_minutes_to_seconds_and_drops_duplicate_feedback(old_file: Path) -> None:
    with EventStore.open(old_file) as store:
        assert store.revision == head_revision()  # 0003 and every migration after it
        with store.read_session() as session:
            changeovers = session.execute(select(FlashSession.name, FlashSession.changeover_seconds)
                                          .order_by(FlashSession.id)).all()
            assert [tuple(c) for c in changeovers] == [("Session 1", 60), ("Session 2", 120)]
            seats = session.scalars(select(FlashSeat)).all()
            assert len(seats) == 5 and all(seat.spot is None for seat in seats)
            rows = session.scalars(select(Feedback).where(Feedback.flash_session_id.is_not(None))
                                   .order_by(Feedback.id)).all()
            assert [(f.rating, f.comment) for f in rows] == [(4, "newer"), (5, "second"), (5, "the mentor's own")]
            on_sessions = session.scalars(select(Feedback).where(Feedback.group_session_id.is_not(None))
                                          .order_by(Feedback.id)).all()
            assert [(f.rating, f.comment) for f in on_sessions] == [(5, "new note"), (3, "someone else")]
            # An old waiting seat has no spot: the projector sends that mentee to the waiting area.
            first = session.scalar(select(func.min(FlashSession.id)))
            assert first is not None
            session.execute(delete(FlashSession).where(FlashSession.id != first))
            shown = board(flash_snapshot(session, store.event_id), 1)
            assert shown is not None and [e.where for e in shown.entries if e.table is None] == ["Waiting"]
            assert "waiting area" in shown.waiting_note
            session.rollback()


def test_after_the_upgrade_a_second_answer_for_the_same_meeting_is_refused(old_file: Path) -> None:
    with EventStore.open(old_file) as store:
        with store.read_session() as session:
            kept = session.scalars(select(Feedback).where(Feedback.flash_session_id.is_not(None))).first()
            assert kept is not None
            twin = {"author_id": kept.author_id, "about_person_id": kept.about_person_id,
                    "flash_session_id": kept.flash_session_id, "round_number": kept.round_number}
        with pytest.raises(IntegrityError), store.session() as session:
            session.add(Feedback(**twin, rating=1))
        with store.session() as session:
            # Another round of the same pair is another subject.
            session.add(Feedback(**{**twin, "round_number": 2}, rating=1))
        with store.read_session() as session:
            on_session = session.scalars(select(Feedback).where(Feedback.group_session_id.is_not(None))).first()
            assert on_session is not None
            author, group_session = on_session.author_id, on_session.group_session_id
        with pytest.raises(IntegrityError), store.session() as session:
            session.add(Feedback(author_id=author, group_session_id=group_session, rating=2))
        with pytest.raises(IntegrityError), store.session() as session:
            seat = session.scalars(select(FlashSeat).where(FlashSeat.kind == SeatKind.MENTEE)).first()
            assert seat is not None
            seat.spot = "waiting spot 1a"  # only a waiting seat names a spot
            session.flush()


def test_downgrading_rounds_a_changeover_up_to_whole_minutes(old_file: Path) -> None:
    with EventStore.open(old_file) as store, store.session() as session:
        first, second = session.scalars(select(FlashSession).order_by(FlashSession.id)).all()
        first.changeover_seconds, second.changeover_seconds = 90, 3600
    engine = create_engine(f"sqlite:///{old_file}")
    with engine.begin() as conn:
        config = _alembic_config()
        config.attributes["connection"] = conn
        command.downgrade(config, "0002")
    engine.dispose()
    assert _sql(old_file, "SELECT changeover_minutes FROM flash_session ORDER BY id") == [(2,), (60,)]
