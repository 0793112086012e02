"""The round clock against a stepped wall clock and against many tiny pauses (issue 11, item 12).

Wall and monotonic clocks are both injected (``Sources``); nothing sleeps, nothing patches time.
The loop the console runs is reproduced without Qt: read the trusted clock, ``reconcile`` the
stored instants, then ``sync`` and show.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from flash_rows import new_flash_session
from sqlalchemy import select

from mentordesk.models import ClockPhase, ClockState, FlashClock, FlashRound, FlashSession, SessionStatus
from mentordesk.models.store import EventStore
from mentordesk.services.flash import clock
from mentordesk.services.flash.clock_face import ClockSnapshot, ClockView, needs_reconcile
from mentordesk.services.flash.wallclock import EPOCH, TrustedClock

T0 = datetime(2025, 5, 14, 18, 0, 0, 123_456, tzinfo=UTC)
MIN = timedelta(minutes=1)


class Sources:
    """Hand-moved wall and monotonic clocks: ``advance`` is time passing, ``step`` sets the wall clock."""

    def __init__(self) -> None:
        self.at = T0
        self.mono_ns = 9_000_000_000_000
        self.boot_id = "boot-1"
        self.wall_extra_ns = 0

    def wall_ns(self) -> int:
        return (self.at - EPOCH) // timedelta(microseconds=1) * 1000 + self.wall_extra_ns

    def mono(self) -> int:
        return self.mono_ns

    def advance(self, delta: timedelta) -> None:
        self.at += delta
        self.mono_ns += delta // timedelta(microseconds=1) * 1000

    def advance_ns(self, ns: int) -> None:
        """Time passing by a number of ns; the wall clock's reading keeps its sub-µs part."""
        self.wall_extra_ns += ns
        self.mono_ns += ns

    def step(self, delta: timedelta) -> None:
        self.at += delta

    def reboot(self) -> None:
        self.boot_id, self.mono_ns = "boot-2", 5_000_000_000

    def clock(self) -> TrustedClock:
        return TrustedClock(self.wall_ns, self.mono, self.boot_id)


class Console:
    """What the run console does with the clock, minus the widgets."""

    def __init__(self, store: EventStore, sid: int, trusted: TrustedClock) -> None:
        self.store, self.sid, self.trusted = store, sid, trusted
        # Opening: put the stored instants right first (a step made while closed), then catch up.
        self.look()

    def command(self, command) -> ClockView:  # type: ignore[no-untyped-def]
        reading = self.trusted.read()
        with self.store.session() as session:
            clock.reconcile(session, self.sid, reading)
            view = command(session, self.sid, reading.now)
            clock.record_anchor(session, self.sid, reading)
            return view

    def look(self) -> ClockView:
        return self.command(clock.sync)


def _rounds(store: EventStore, sid: int) -> dict[int, tuple[datetime | None, datetime | None]]:
    with store.read_session() as session:
        rows = session.scalars(select(FlashRound).where(FlashRound.session_id == sid)).all()
        return {r.number: (r.started_at, r.ended_at) for r in rows}


def _status(store: EventStore, sid: int) -> SessionStatus:
    with store.read_session() as session:
        return session.get(FlashSession, sid).status


def _row(store: EventStore, sid: int) -> FlashClock:
    with store.read_session() as session:
        row = session.get(FlashClock, sid)
        session.expunge(row)
        return row


def test_a_forward_step_while_running_ends_nothing_and_keeps_the_time(store: EventStore) -> None:
    # Two 5-minute rounds with a 1-minute changeover: 11 minutes in all, less than the step.
    sid = new_flash_session(store, rounds=2, minutes=5, changeover_seconds=60)
    src = Sources()
    console = Console(store, sid, src.clock())
    console.command(clock.start)
    src.advance(2 * MIN)
    assert console.look().remaining_ms == 3 * 60_000
    src.step(10 * MIN)
    view = console.look()
    assert (view.state, view.round_number, view.phase, view.remaining_ms) == (
        ClockState.RUNNING, 1, ClockPhase.MEETING, 3 * 60_000)
    assert _status(store, sid) is SessionStatus.RUNNING
    assert all(ended is None for _, ended in _rounds(store, sid).values())
    # The stored instants moved with the wall clock: a restart (wall clock only) agrees.
    assert _row(store, sid).phase_started_at == T0 + 10 * MIN
    with store.read_session() as session:
        assert clock.current_view(session, sid, src.at).remaining_ms == 3 * 60_000
    # The round ends when it really does, and its recorded length is its true length.
    src.advance(3 * MIN)
    view = console.look()
    assert (view.round_number, view.phase) == (1, ClockPhase.CHANGEOVER)
    started, ended = _rounds(store, sid)[1]
    assert started is not None and ended is not None and ended - started == 5 * MIN
    assert ended == src.at


def test_a_backward_step_while_running_does_not_turn_the_countdown_back(store: EventStore) -> None:
    sid = new_flash_session(store, rounds=2, minutes=5, changeover_seconds=60)
    src = Sources()
    console = Console(store, sid, src.clock())
    console.command(clock.start)
    src.advance(2 * MIN)
    src.step(-10 * MIN)
    assert console.look().remaining_ms == 3 * 60_000
    src.advance(MIN)
    assert console.look().remaining_ms == 2 * 60_000
    paused = console.command(clock.pause)
    assert paused.remaining_ms == 2 * 60_000
    assert _row(store, sid).elapsed_us == 3 * 60_000_000


def test_a_step_made_while_the_app_was_closed_is_caught_on_reopening(store: EventStore, event_path: Path) -> None:
    sid = new_flash_session(store, rounds=2, minutes=5, changeover_seconds=60)
    src = Sources()
    Console(store, sid, src.clock()).command(clock.start)
    store.engine.dispose()  # the app is closed (or killed)
    src.advance(MIN)
    src.step(10 * MIN)
    with EventStore.open(event_path) as reopened:
        view = Console(reopened, sid, src.clock()).look()  # a new process: a new trusted clock
        assert (view.round_number, view.phase, view.remaining_ms) == (1, ClockPhase.MEETING, 4 * 60_000)
        assert _status(reopened, sid) is SessionStatus.RUNNING
        assert _rounds(reopened, sid)[1] == (T0 + 10 * MIN, None)


def test_across_a_reboot_only_the_wall_clock_is_left(store: EventStore, event_path: Path) -> None:
    """The limit: after a reboot the monotonic anchor means nothing, and the wall clock is believed."""
    sid = new_flash_session(store, rounds=2, minutes=5, changeover_seconds=60)
    src = Sources()
    Console(store, sid, src.clock()).command(clock.start)
    store.engine.dispose()
    src.reboot()
    src.advance(MIN)
    src.step(2 * MIN)
    with EventStore.open(event_path) as reopened:
        view = Console(reopened, sid, src.clock()).look()
        assert view.remaining_ms == 2 * 60_000  # 5 min less 1 real minute less the 2-minute step
        # A new anchor of this boot is kept from here on.
        assert _row(reopened, sid).mono_boot_id == "boot-2"


def test_a_reopened_app_without_a_step_shows_the_same_microsecond(store: EventStore, event_path: Path) -> None:
    sid = new_flash_session(store, rounds=2, minutes=5, changeover_seconds=60)
    src = Sources()
    Console(store, sid, src.clock()).command(clock.start)
    store.engine.dispose()
    src.advance(timedelta(minutes=1, microseconds=333))
    with EventStore.open(event_path) as reopened:
        view = Console(reopened, sid, src.clock()).look()
        assert view.remaining_ms == -(-(4 * 60_000_000 - 333) // 1000)
        assert _row(reopened, sid).phase_started_at == T0


def test_no_reconcile_is_needed_while_nothing_is_stepped(store: EventStore) -> None:
    sid = new_flash_session(store, rounds=2, minutes=5, changeover_seconds=60)
    src = Sources()
    trusted = src.clock()
    console = Console(store, sid, trusted)
    console.command(clock.start)
    with store.read_session() as session:
        snapshot = ClockSnapshot.of(session.get(FlashClock, sid))
    for _ in range(100):
        src.advance(timedelta(microseconds=199_999))
        assert not needs_reconcile(snapshot, trusted.read())
    src.step(MIN)
    assert needs_reconcile(snapshot, trusted.read())


def test_a_thousand_pauses_of_0_4_ms_lose_under_a_millisecond(store: EventStore) -> None:
    """Each pause banked the run in whole ms: 1,000 of them lost 400 ms (the whole run)."""
    sid = new_flash_session(store, rounds=1, minutes=60, changeover_seconds=0)
    now = T0
    with store.session() as session:
        clock.start(session, sid, now)
        for _ in range(1_000):
            now += timedelta(microseconds=400)
            clock.pause(session, sid, now)
            now += timedelta(microseconds=400)
            clock.resume(session, sid, now)
        view = clock.pause(session, sid, now)
    assert _row(store, sid).elapsed_us == 400_000
    ideal_ms = 3_600_000 - 400
    assert abs(view.remaining_ms - ideal_ms) < 1


def test_a_thousand_sub_millisecond_pauses_on_nanosecond_clocks_drift_under_a_millisecond(
        store: EventStore) -> None:
    """Readings in ns, instants in µs: each banked run is off by under 1 µs, never by a whole ms."""
    sid = new_flash_session(store, rounds=1, minutes=60, changeover_seconds=0)
    src = Sources()
    trusted = src.clock()
    run_ns = 400_321
    with store.session() as session:
        clock.start(session, sid, trusted.read().now)
        for i in range(1_000):
            src.advance_ns(run_ns)
            clock.pause(session, sid, trusted.read().now)
            src.advance_ns(123_457 + i)
            clock.resume(session, sid, trusted.read().now)
        elapsed_us = session.get(FlashClock, sid).elapsed_us
    assert abs(elapsed_us * 1000 - 1_000 * run_ns) < 1_000_000
