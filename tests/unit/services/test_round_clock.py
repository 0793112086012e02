"""The round clock: derived from stored instants with an injected clock, exact over an hour, crash-proof."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from flash_rows import new_flash_session
from sqlalchemy import select

from mentordesk.models import (
    ClockPhase,
    ClockState,
    FlashClock,
    FlashRound,
    FlashSession,
)
from mentordesk.models.store import EventStore
from mentordesk.services.flash import clock
from mentordesk.services.flash.clock import ClockError
from mentordesk.services.flash.clock_face import (
    ChimeKind,
    ClockSnapshot,
    ClockView,
    SessionConfig,
    clock_view,
    due_chimes,
)

T0 = datetime(2025, 5, 14, 18, 0, 0, 123_456, tzinfo=UTC)
MIN = timedelta(minutes=1)


def _ms(delta: timedelta) -> int:
    return delta // timedelta(milliseconds=1)


def _do(store: EventStore, command, sid: int, now: datetime) -> ClockView:
    with store.session() as session:
        return command(session, sid, now)


def _view(store: EventStore, sid: int, now: datetime) -> ClockView:
    with store.read_session() as session:
        return clock.current_view(session, sid, now)


def _rounds(store: EventStore, sid: int) -> dict[int, tuple[datetime | None, datetime | None]]:
    with store.read_session() as session:
        rows = session.scalars(select(FlashRound).where(FlashRound.session_id == sid)).all()
        return {r.number: (r.started_at, r.ended_at) for r in rows}


def test_an_hour_at_60_hz_with_jitter_and_pauses_is_exact(store: EventStore) -> None:
    sid = new_flash_session(store, rounds=1, minutes=60, changeover_seconds=0)
    config = SessionConfig(1, 60, 0)
    length_us = 60 * 60_000_000
    rng = random.Random(7)
    now = T0
    _do(store, clock.start, sid, now)
    with store.read_session() as session:
        snapshot = ClockSnapshot.of(session.get(FlashClock, sid))
    # The independent model: run time banked at pauses (to the µs, as the clock's column holds)
    # plus the exact run since the last resume; and the ideal run time, never rounded.
    banked_us, anchor, ideal_us, running = 0, now, 0, True
    pauses = 0
    # An even number of toggles: pause, resume, … so the round ends running.
    pause_steps = set(rng.sample(range(1000, 200_000), 8))
    steps = 0
    worst_drift_ms = 0.0
    while steps < 1_000_000:
        step = timedelta(microseconds=16_700 + rng.randint(-4_000, 4_000))
        if running:
            ideal_us += step // timedelta(microseconds=1)
        now += step
        steps += 1
        view = clock_view(snapshot, config, now)
        run_us = banked_us + ((now - anchor) // timedelta(microseconds=1) if running else 0)
        if run_us >= length_us:
            assert view.finished
            assert view.remaining_ms == 0
            break
        expected_ms = -(-(length_us - run_us) // 1000)
        assert view.remaining_ms == expected_ms, f"step {steps}"
        drift = abs(view.remaining_ms - (length_us - ideal_us) / 1000)
        worst_drift_ms = max(worst_drift_ms, drift)
        if steps in pause_steps:
            if running:
                view = _do(store, clock.pause, sid, now)
                banked_us = run_us
                pauses += 1
            else:
                view = _do(store, clock.resume, sid, now)
                anchor = now
            running = not running
            with store.read_session() as session:
                snapshot = ClockSnapshot.of(session.get(FlashClock, sid))
    assert view.finished
    assert steps > 200_000
    assert pauses >= 4
    # Pauses bank the run to the µs: the only difference left is the display's round-up (< 1 ms).
    assert worst_drift_ms < 1


def test_without_pauses_an_hour_drifts_zero(store: EventStore) -> None:
    sid = new_flash_session(store, rounds=1, minutes=60, changeover_seconds=0)
    _do(store, clock.start, sid, T0)
    for offset_us in (0, 1, 999, 1_000, 16_667, 59 * 60_000_000 + 999_999, 3_599_999_999):
        view = _view(store, sid, T0 + timedelta(microseconds=offset_us))
        assert view.remaining_ms == -(-(3_600_000_000 - offset_us) // 1000)
    assert _view(store, sid, T0 + 60 * MIN).finished


def test_start_shows_round_one(store: EventStore) -> None:
    sid = new_flash_session(store)
    idle = _view(store, sid, T0)
    assert (idle.state, idle.headline, idle.phase_label, idle.countdown) == (
        ClockState.IDLE, "Round 1 of 6", "Ready", "07:00")
    view = _do(store, clock.start, sid, T0)
    assert (view.state, view.round_number, view.phase, view.remaining_ms) == (
        ClockState.RUNNING, 1, ClockPhase.MEETING, 7 * 60_000)
    assert view.headline == "Round 1 of 6"
    assert _rounds(store, sid)[1] == (T0, None)
    with pytest.raises(ClockError):
        _do(store, clock.start, sid, T0)


def test_pause_and_resume_keep_the_remaining_time(store: EventStore) -> None:
    sid = new_flash_session(store)
    _do(store, clock.start, sid, T0)
    paused = _do(store, clock.pause, sid, T0 + timedelta(minutes=2, milliseconds=500))
    assert paused.state is ClockState.PAUSED
    assert paused.remaining_ms == 4 * 60_000 + 59_500
    assert paused.phase_label == "Meeting (paused)"
    # An hour of pause changes nothing, not even a chime.
    later = _view(store, sid, T0 + 60 * MIN)
    assert later.remaining_ms == paused.remaining_ms
    resumed = _do(store, clock.resume, sid, T0 + 60 * MIN)
    assert resumed.remaining_ms == paused.remaining_ms
    assert _view(store, sid, T0 + 61 * MIN).remaining_ms == paused.remaining_ms - 60_000
    with pytest.raises(ClockError):
        _do(store, clock.resume, sid, T0 + 61 * MIN)


def test_add_minute_lengthens_only_the_current_phase(store: EventStore) -> None:
    sid = new_flash_session(store)
    _do(store, clock.start, sid, T0)
    view = _do(store, clock.add_minute, sid, T0 + 6 * MIN)
    assert view.remaining_ms == 2 * 60_000
    assert view.phase_length_ms == 8 * 60_000
    change = _view(store, sid, T0 + 8 * MIN)
    assert (change.phase, change.round_number, change.remaining_ms) == (ClockPhase.CHANGEOVER, 1, 60_000)
    assert change.headline == "Round 2 of 6"
    assert change.phase_label == "Find your table"
    # The next meeting has its normal length again.
    nxt = _do(store, clock.sync, sid, T0 + 9 * MIN)
    assert (nxt.phase, nxt.round_number, nxt.remaining_ms, nxt.phase_length_ms) == (
        ClockPhase.MEETING, 2, 7 * 60_000, 7 * 60_000)
    assert _rounds(store, sid)[1] == (T0, T0 + 8 * MIN)
    assert _rounds(store, sid)[2] == (T0 + 9 * MIN, None)


def test_skip_goes_to_changeover_then_next_round_then_finishes(store: EventStore) -> None:
    sid = new_flash_session(store, rounds=2)
    _do(store, clock.start, sid, T0)
    view = _do(store, clock.skip, sid, T0 + 3 * MIN)
    assert (view.phase, view.round_number, view.remaining_ms) == (ClockPhase.CHANGEOVER, 1, 60_000)
    view = _do(store, clock.skip, sid, T0 + 3 * MIN + timedelta(seconds=10))
    assert (view.phase, view.round_number, view.remaining_ms) == (ClockPhase.MEETING, 2, 7 * 60_000)
    view = _do(store, clock.skip, sid, T0 + 5 * MIN)
    assert view.finished
    assert view.remaining_ms == 0
    assert view.headline == "All 2 rounds done"
    assert _rounds(store, sid) == {1: (T0, T0 + 3 * MIN),
                                   2: (T0 + 3 * MIN + timedelta(seconds=10), T0 + 5 * MIN)}


def test_skip_without_changeover_and_while_paused(store: EventStore) -> None:
    sid = new_flash_session(store, rounds=3, changeover_seconds=0)
    _do(store, clock.start, sid, T0)
    _do(store, clock.pause, sid, T0 + MIN)
    view = _do(store, clock.skip, sid, T0 + 2 * MIN)
    assert (view.state, view.phase, view.round_number, view.remaining_ms) == (
        ClockState.PAUSED, ClockPhase.MEETING, 2, 7 * 60_000)


def test_end_finishes_now(store: EventStore) -> None:
    sid = new_flash_session(store)
    _do(store, clock.start, sid, T0)
    view = _do(store, clock.end, sid, T0 + 2 * MIN)
    assert view.finished
    assert _view(store, sid, T0 + 90 * MIN).finished
    assert _rounds(store, sid)[1] == (T0, T0 + 2 * MIN)
    with pytest.raises(ClockError):
        _do(store, clock.pause, sid, T0 + 3 * MIN)


def test_reopened_after_a_crash_resumes_at_the_right_second(store: EventStore, event_path: Path) -> None:
    sid = new_flash_session(store, rounds=6, minutes=7, changeover_seconds=60)
    _do(store, clock.start, sid, T0)
    _do(store, clock.pause, sid, T0 + 2 * MIN)
    _do(store, clock.resume, sid, T0 + 3 * MIN)  # one minute of pause: everything shifts by 1 min
    store.engine.dispose()  # the app dies; nothing else is written
    with EventStore.open(event_path) as reopened:
        # 20 min 30.25 s after T0: 19:30.25 of run = round 1 (7) + change (1) + round 2 (7) + change (1)
        # + 3:30.25 into round 3.
        at = T0 + timedelta(minutes=20, seconds=30, milliseconds=250)
        view = _view(reopened, sid, at)
        assert (view.phase, view.round_number) == (ClockPhase.MEETING, 3)
        assert view.remaining_ms == 3 * 60_000 + 29_750
        assert view.headline == "Round 3 of 6"
        synced = _do(reopened, clock.sync, sid, at)
        assert synced.remaining_ms == view.remaining_ms
        rounds = _rounds(reopened, sid)
        assert rounds[1] == (T0, T0 + 8 * MIN)
        assert rounds[2] == (T0 + 9 * MIN, T0 + 16 * MIN)
        assert rounds[3] == (T0 + 17 * MIN, None)
        # After syncing, the stored state alone gives the same countdown later on.
        assert _view(reopened, sid, at + MIN).remaining_ms == view.remaining_ms - 60_000


def test_reopened_after_the_session_ended_while_closed(store: EventStore, event_path: Path) -> None:
    sid = new_flash_session(store, rounds=3, minutes=5, changeover_seconds=60)
    _do(store, clock.start, sid, T0)
    store.engine.dispose()
    with EventStore.open(event_path) as reopened:
        at = T0 + 40 * MIN
        view = _view(reopened, sid, at)
        assert view.finished
        assert view.finished_at == T0 + 17 * MIN  # 5 + 1 + 5 + 1 + 5
        assert view.overtime_ms == 23 * 60_000
        assert view.phase_label == "Finished"
        _do(reopened, clock.sync, sid, at)
        assert _rounds(reopened, sid) == {1: (T0, T0 + 5 * MIN), 2: (T0 + 6 * MIN, T0 + 11 * MIN),
                                          3: (T0 + 12 * MIN, T0 + 17 * MIN)}
        with reopened.read_session() as session:
            assert session.get(FlashClock, sid).state is ClockState.FINISHED


def test_catch_up_is_arithmetic_at_every_boundary() -> None:
    config = SessionConfig(4, 5, 120)
    running = ClockSnapshot(ClockState.RUNNING, 1, ClockPhase.MEETING, T0, 0, 0)
    expected = [(0, 1, ClockPhase.MEETING), (5, 1, ClockPhase.CHANGEOVER), (7, 2, ClockPhase.MEETING),
                (12, 2, ClockPhase.CHANGEOVER), (14, 3, ClockPhase.MEETING), (21, 4, ClockPhase.MEETING)]
    for minute, number, phase in expected:
        view = clock_view(running, config, T0 + minute * MIN)
        assert (view.round_number, view.phase) == (number, phase), minute
        assert view.phase_started_at == T0 + minute * MIN
    almost = clock_view(running, config, T0 + 26 * MIN - timedelta(microseconds=1))
    assert (almost.round_number, almost.remaining_ms, almost.finished) == (4, 1, False)
    assert clock_view(running, config, T0 + 26 * MIN).finished
    # A million years away costs no more than a second away.
    assert clock_view(running, config, T0 + timedelta(days=365_000)).finished


def test_naive_now_is_refused() -> None:
    with pytest.raises(ValueError, match="aware"):
        clock_view(ClockSnapshot(), SessionConfig(1, 1, 0), datetime(2025, 1, 1))


def test_chimes_fire_once_each(store: EventStore) -> None:
    sid = new_flash_session(store, rounds=2, minutes=3, changeover_seconds=60)
    _do(store, clock.start, sid, T0)
    with store.read_session() as session:
        snapshot = ClockSnapshot.of(session.get(FlashClock, sid))
    config = SessionConfig(2, 3, 60, warn_at_ms=60_000)
    heard = []
    before = None
    now = T0
    while now < T0 + 10 * MIN:
        now += timedelta(milliseconds=16)
        view = clock_view(snapshot, config, now)
        heard += [(c.kind, c.round_number, c.phase, _ms(now - T0)) for c in due_chimes(before, view)]
        before = view
    assert heard == [
        (ChimeKind.ONE_MINUTE_LEFT, 1, ClockPhase.MEETING, 120_000),
        (ChimeKind.PHASE_END, 1, ClockPhase.MEETING, 180_000),
        (ChimeKind.PHASE_END, 1, ClockPhase.CHANGEOVER, 240_000),
        (ChimeKind.ONE_MINUTE_LEFT, 2, ClockPhase.MEETING, 360_000),
        (ChimeKind.PHASE_END, 2, ClockPhase.MEETING, 420_000),
    ]


def test_no_chimes_on_opening_and_the_warning_is_configurable() -> None:
    config = SessionConfig(1, 5, 0, warn_at_ms=120_000)
    running = ClockSnapshot(ClockState.RUNNING, 1, ClockPhase.MEETING, T0, 0, 0)
    assert due_chimes(None, clock_view(running, config, T0 + 4 * MIN)) == []
    before = clock_view(running, config, T0 + 3 * MIN - timedelta(milliseconds=1))
    after = clock_view(running, config, T0 + 3 * MIN)
    assert after.one_minute_warning_due
    assert [c.kind for c in after.events_between(before)] == [ChimeKind.ONE_MINUTE_LEFT]
    assert due_chimes(after, clock_view(running, config, T0 + 3 * MIN + timedelta(seconds=1))) == []


def _status(store: EventStore, sid: int) -> str:
    with store.read_session() as session:
        return str(session.get(FlashSession, sid).status)


def test_the_session_status_follows_the_clock(store: EventStore) -> None:
    sid = new_flash_session(store, rounds=2, minutes=5, changeover_seconds=0)
    assert _status(store, sid) == "draft"
    _do(store, clock.start, sid, T0)
    assert _status(store, sid) == "running"
    _do(store, clock.pause, sid, T0 + MIN)
    assert _status(store, sid) == "running"
    _do(store, clock.resume, sid, T0 + 2 * MIN)
    # Both rounds run out while nobody touches the app: the next sync records the end.
    _do(store, clock.sync, sid, T0 + 30 * MIN)
    assert _status(store, sid) == "finished"


def test_ending_early_finishes_the_session(store: EventStore) -> None:
    sid = new_flash_session(store)
    _do(store, clock.start, sid, T0)
    _do(store, clock.end, sid, T0 + 3 * MIN)
    assert _status(store, sid) == "finished"


# -- a changeover of 90 seconds (set in seconds, not whole minutes)

SEC = timedelta(seconds=1)


def test_a_90_second_changeover_is_exact_at_every_boundary() -> None:
    config = SessionConfig(3, 5, 90)
    running = ClockSnapshot(ClockState.RUNNING, 1, ClockPhase.MEETING, T0, 0, 0)
    expected = [(0, 1, ClockPhase.MEETING, 5 * 60_000), (300, 1, ClockPhase.CHANGEOVER, 90_000),
                (390, 2, ClockPhase.MEETING, 5 * 60_000), (690, 2, ClockPhase.CHANGEOVER, 90_000),
                (780, 3, ClockPhase.MEETING, 5 * 60_000)]
    for second, number, phase, length in expected:
        view = clock_view(running, config, T0 + second * SEC)
        assert (view.round_number, view.phase, view.phase_length_ms) == (number, phase, length), second
        assert view.phase_started_at == T0 + second * SEC
        assert view.remaining_ms == length
    changeover = clock_view(running, config, T0 + 300 * SEC + timedelta(seconds=89, microseconds=999_001))
    assert (changeover.phase, changeover.remaining_ms, changeover.countdown) == (ClockPhase.CHANGEOVER, 1, "00:01")
    assert clock_view(running, config, T0 + 300 * SEC).countdown == "01:30"
    assert not clock_view(running, config, T0 + 1080 * SEC - timedelta(microseconds=1)).finished
    assert clock_view(running, config, T0 + 1080 * SEC).finished_at == T0 + 1080 * SEC  # 5 + 1.5 + 5 + 1.5 + 5 min


def test_a_90_second_changeover_survives_a_crash_and_skips_and_adds_time(store: EventStore,
                                                                         event_path: Path) -> None:
    sid = new_flash_session(store, rounds=4, minutes=7, changeover_seconds=90)
    _do(store, clock.start, sid, T0)
    store.engine.dispose()
    with EventStore.open(event_path) as reopened:
        # 7 min + 1:30 changeover + 7 min + 0:45 into the second changeover.
        at = T0 + timedelta(minutes=16, seconds=15)
        view = _do(reopened, clock.sync, sid, at)
        assert (view.phase, view.round_number, view.remaining_ms) == (ClockPhase.CHANGEOVER, 2, 45_000)
        assert _rounds(reopened, sid) == {1: (T0, T0 + 7 * MIN),
                                          2: (T0 + 8 * MIN + 30 * SEC, T0 + 15 * MIN + 30 * SEC)}
        view = _do(reopened, clock.add_minute, sid, at)
        assert view.remaining_ms == 105_000
        view = _do(reopened, clock.skip, sid, at + 5 * SEC)
        assert (view.phase, view.round_number) == (ClockPhase.MEETING, 3)
        view = _do(reopened, clock.skip, sid, at + 10 * SEC)
        assert (view.phase, view.round_number, view.remaining_ms) == (ClockPhase.CHANGEOVER, 3, 90_000)
