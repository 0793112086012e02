"""End is undoable for a while: "Undo end" puts the clock back where End found it (issue 14, item 2)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from flash_rows import new_flash_session
from sqlalchemy import select

from mentordesk.models import ClockPhase, ClockState, FlashRound, FlashSession, SessionStatus
from mentordesk.models.store import EventStore
from mentordesk.services.flash import clock
from mentordesk.services.flash.clock import ClockError
from mentordesk.services.flash.clock_face import UNDO_END_WINDOW, ClockView

T0 = datetime(2025, 5, 14, 18, 0, 0, 123_456, tzinfo=UTC)
MIN = timedelta(minutes=1)
SEC = timedelta(seconds=1)


def _do(store: EventStore, command, sid: int, now: datetime) -> ClockView:
    with store.session() as session:
        return command(session, sid, now)


def _round(store: EventStore, sid: int, number: int) -> tuple[datetime | None, datetime | None]:
    with store.read_session() as session:
        row = session.scalars(select(FlashRound).where(FlashRound.session_id == sid,
                                                       FlashRound.number == number)).one()
        return row.started_at, row.ended_at


def _status(store: EventStore, sid: int) -> SessionStatus:
    with store.read_session() as session:
        return session.get_one(FlashSession, sid).status


def test_undo_end_of_a_running_round_goes_on_with_the_time_that_was_left(store: EventStore) -> None:
    sid = new_flash_session(store, rounds=6, minutes=7, changeover_seconds=60)
    _do(store, clock.start, sid, T0)
    _do(store, clock.add_minute, sid, T0 + MIN)
    # Round 1 has 8 minutes now; End after 2:30 leaves 5:30.
    ended = _do(store, clock.end, sid, T0 + 2 * MIN + 30 * SEC)
    assert ended.finished and ended.can_undo_end
    assert ended.undo_end_until == T0 + 2 * MIN + 30 * SEC + UNDO_END_WINDOW
    assert _status(store, sid) is SessionStatus.FINISHED
    assert _round(store, sid, 1) == (T0, T0 + 2 * MIN + 30 * SEC)
    # Still finished a minute later (nothing runs while ended) ...
    later = clock.current_view
    with store.read_session() as session:
        assert later(session, sid, T0 + 3 * MIN + 30 * SEC).finished
    # ... and undone two minutes after End: running again from 5:30, the two minutes not counted.
    back = _do(store, clock.undo_end, sid, T0 + 4 * MIN + 30 * SEC)
    assert (back.state, back.round_number, back.phase, back.remaining_ms) == (
        ClockState.RUNNING, 1, ClockPhase.MEETING, 5 * 60_000 + 30_000)
    assert not back.can_undo_end
    assert _status(store, sid) is SessionStatus.RUNNING
    assert _round(store, sid, 1) == (T0, None)
    with store.read_session() as session:
        assert clock.current_view(session, sid, T0 + 5 * MIN + 30 * SEC).remaining_ms == 4 * 60_000 + 30_000
    # The clock goes on as before: the round runs out into the changeover.
    view = _do(store, clock.sync, sid, T0 + 10 * MIN + 30 * SEC)
    assert (view.round_number, view.phase) == (1, ClockPhase.CHANGEOVER)


def test_undo_end_of_a_paused_changeover_stays_paused(store: EventStore) -> None:
    sid = new_flash_session(store, rounds=3, minutes=5, changeover_seconds=90)
    _do(store, clock.start, sid, T0)
    _do(store, clock.sync, sid, T0 + 5 * MIN + 30 * SEC)  # 30 s into the changeover
    _do(store, clock.pause, sid, T0 + 5 * MIN + 40 * SEC)
    _do(store, clock.end, sid, T0 + 6 * MIN)
    assert _round(store, sid, 1)[1] == T0 + 5 * MIN  # the meeting's end stays where it was
    back = _do(store, clock.undo_end, sid, T0 + 7 * MIN)
    assert (back.state, back.round_number, back.phase, back.remaining_ms) == (
        ClockState.PAUSED, 1, ClockPhase.CHANGEOVER, 50_000)
    assert _round(store, sid, 1)[1] == T0 + 5 * MIN
    assert _status(store, sid) is SessionStatus.RUNNING


def test_undo_end_is_refused_after_the_window(store: EventStore) -> None:
    sid = new_flash_session(store)
    _do(store, clock.start, sid, T0)
    ended = _do(store, clock.end, sid, T0 + MIN)
    with store.read_session() as session:
        assert not clock.current_view(session, sid, T0 + MIN + UNDO_END_WINDOW).can_undo_end
        assert clock.current_view(session, sid, T0 + MIN + UNDO_END_WINDOW - SEC).can_undo_end
    with pytest.raises(ClockError, match="within 5 minutes"):
        _do(store, clock.undo_end, sid, ended.now + UNDO_END_WINDOW)


def test_rounds_that_ran_out_cannot_be_brought_back(store: EventStore) -> None:
    sid = new_flash_session(store, rounds=2, minutes=5, changeover_seconds=0)
    _do(store, clock.start, sid, T0)
    view = _do(store, clock.sync, sid, T0 + 11 * MIN)
    assert view.finished and not view.can_undo_end
    with pytest.raises(ClockError, match="only rounds finished with End"):
        _do(store, clock.undo_end, sid, T0 + 11 * MIN)


def test_an_idle_clock_ended_has_nothing_to_bring_back(store: EventStore) -> None:
    sid = new_flash_session(store)
    view = _do(store, clock.end, sid, T0)
    assert not view.can_undo_end
    with pytest.raises(ClockError):
        _do(store, clock.undo_end, sid, T0 + SEC)


def test_undo_end_is_refused_once_newer_rounds_were_planned(store: EventStore) -> None:
    sid = new_flash_session(store)
    _do(store, clock.start, sid, T0)
    _do(store, clock.end, sid, T0 + MIN)
    new_flash_session(store)
    with pytest.raises(ClockError, match="new rounds were planned"):
        _do(store, clock.undo_end, sid, T0 + 2 * MIN)


def test_end_then_undo_survives_reopening_the_file(store: EventStore, event_path) -> None:
    sid = new_flash_session(store)
    _do(store, clock.start, sid, T0)
    _do(store, clock.end, sid, T0 + 3 * MIN)
    store.engine.dispose()
    with EventStore.open(event_path) as reopened:
        back = _do(reopened, clock.undo_end, sid, T0 + 4 * MIN)
        assert (back.state, back.remaining_ms) == (ClockState.RUNNING, 4 * 60_000)
