"""The round clock of a flash session: derived from stored instants, never counted, Qt-free.

What the run console and the projector show is ``clock_view(snapshot, config, now)``, a pure
function of the stored ``FlashClock`` state and the wall clock: time run in the current phase is
``elapsed_us`` (run before the last pause, to the microsecond, so that a thousand short pauses
lose nothing) plus ``now - phase_started_at`` while running. Nothing
adds up timer ticks, so a GUI timer that fires late or not at all cannot make the clock drift, and
an app reopened after a crash shows the same second it would have shown had it stayed open. When a
phase ran out while nobody looked, the view has already moved on (meeting → changeover → next
meeting …, the last meeting → finished); that catch-up is arithmetic, not a replay.

The commands (``start``, ``pause``, ``resume``, ``add_minute``, ``skip``, ``end`` and ``sync``)
take ``(session, flash_session_id, now)``, update the ``FlashClock`` row (creating it when
missing) and stamp ``FlashRound.started_at`` / ``ended_at`` with the instants the rounds really
began and ended, computed, not "when someone next looked". Each returns the view at ``now``.
``due_chimes(before, after)`` tells the GUI which chimes to play, each exactly once.

The wall clock can be stepped (NTP, a hand, a laptop waking with a wrong clock). The console
reads ``now`` from ``wallclock.TrustedClock``, which runs at the monotonic clock's pace and
reports steps; ``reconcile`` then moves the stored instants of a running phase by the step, so
the countdown neither jumps ahead (a forward step would otherwise end rounds for good) nor back.
``record_anchor`` keeps, next to ``phase_started_at``, the monotonic reading of that instant and
the boot it counts from: an app reopened within the same boot compares the two and catches a step
made while it was closed. Across a reboot only the wall clock is left; such a step goes unseen.
"""

from __future__ import annotations

import enum
import logging
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from mentordesk.models import (
    ClockPhase,
    ClockState,
    FlashClock,
    FlashRound,
    FlashSession,
    SessionStatus,
)
from mentordesk.services.domain_error import DomainError
from mentordesk.services.flash.wallclock import Reading

log = logging.getLogger(__name__)

MINUTE_US = 60_000_000
SECOND_US = 1_000_000
DEFAULT_WARN_AT_MS = 60_000
#: A stored instant further than this from what the monotonic anchor says is moved to it: the
#: anchor is exact (same boot, same clock), so this only absorbs rounding to the microsecond.
RECONCILE_MIN = timedelta(milliseconds=1)


class ClockError(DomainError):
    """A command the clock cannot carry out now (e.g. pausing a clock that is not running)."""


class ChimeKind(enum.StrEnum):
    ONE_MINUTE_LEFT = "one_minute_left"
    PHASE_END = "phase_end"


@dataclass(frozen=True)
class SessionConfig:
    """The parts of a flash session the clock needs."""

    round_count: int
    round_minutes: int
    changeover_seconds: int
    #: When the "one minute left" chime sounds in a meeting (configurable; 0 turns it off).
    warn_at_ms: int = DEFAULT_WARN_AT_MS

    @classmethod
    def of(cls, flash: FlashSession, warn_at_ms: int = DEFAULT_WARN_AT_MS) -> SessionConfig:
        return cls(flash.round_count, flash.round_minutes, flash.changeover_seconds, warn_at_ms)


@dataclass(frozen=True)
class ClockSnapshot:
    """The stored clock state, detached from the database so that ``clock_view`` stays pure."""

    state: ClockState = ClockState.IDLE
    round_number: int = 0
    phase: ClockPhase = ClockPhase.MEETING
    phase_started_at: datetime | None = None
    #: Run before the last pause, in microseconds.
    elapsed_us: int = 0
    extra_seconds: int = 0
    #: The monotonic clock at ``phase_started_at`` (µs) and the boot it counts from; None if unknown.
    phase_started_mono_us: int | None = None
    mono_boot_id: str | None = None

    @classmethod
    def of(cls, row: FlashClock | None) -> ClockSnapshot:
        if row is None:
            return cls()
        return cls(row.state, row.round_number, row.phase, row.phase_started_at, row.elapsed_us, row.extra_seconds,
                   row.phase_started_mono_us, row.mono_boot_id)


@dataclass(frozen=True)
class ClockView:
    """What the clock shows at one instant."""

    now: datetime
    state: ClockState
    #: The round being held; during a changeover, the round that just ended (0 before the start).
    round_number: int
    round_count: int
    phase: ClockPhase
    phase_length_ms: int
    #: Rounded up, so it is 0 only once the phase is over; never negative.
    remaining_ms: int
    #: When the current phase began (wall clock, UTC); None unless running.
    phase_started_at: datetime | None
    #: When the last meeting ended, if the session has finished by running out.
    finished_at: datetime | None
    #: Position in the sequence of phases (meeting 1 = 0, changeover after 1 = 1, …), for chimes.
    phase_index: int
    warn_at_ms: int

    @property
    def running(self) -> bool:
        return self.state is ClockState.RUNNING

    @property
    def finished(self) -> bool:
        return self.state is ClockState.FINISHED

    @property
    def overtime_ms(self) -> int:
        """How long ago the session ran out (e.g. while the app was closed); 0 otherwise."""
        if self.finished_at is None:
            return 0
        return max(0, _us(self.now - self.finished_at) // 1000)

    @property
    def upcoming_round(self) -> int:
        """The round people sit down for next (or are sitting in, during a meeting)."""
        if self.phase is ClockPhase.CHANGEOVER or self.state is ClockState.IDLE:
            return min(self.round_number + 1, self.round_count)
        return self.round_number

    @property
    def one_minute_warning_due(self) -> bool:
        """A meeting is running with at most ``warn_at_ms`` left (changeovers are too short to warn)."""
        return (
            self.state in (ClockState.RUNNING, ClockState.PAUSED)
            and self.phase is ClockPhase.MEETING
            and 0 < self.remaining_ms <= self.warn_at_ms
        )

    @property
    def headline(self) -> str:
        """The projector's big line: "Round 2 of 6"."""
        if self.finished:
            return f"All {self.round_count} rounds done"
        return f"Round {self.upcoming_round} of {self.round_count}"

    @property
    def phase_label(self) -> str:
        if self.finished:
            return "Finished"
        if self.state is ClockState.IDLE:
            return "Ready"
        label = "Find your table" if self.phase is ClockPhase.CHANGEOVER else "Meeting"
        return f"{label} (paused)" if self.state is ClockState.PAUSED else label

    @property
    def countdown(self) -> str:
        """"MM:SS", whole seconds rounded up so "00:00" shows only at the very end."""
        seconds = -(-self.remaining_ms // 1000)
        return f"{seconds // 60:02d}:{seconds % 60:02d}"

    def events_between(self, before: ClockView | None) -> list[Chime]:
        return due_chimes(before, self)


@dataclass(frozen=True)
class Chime:
    kind: ChimeKind
    round_number: int
    phase: ClockPhase


# -- the pure clock


def _us(delta: timedelta) -> int:
    """A timedelta as whole microseconds, exactly (no float on the way)."""
    return (delta.days * 86_400 + delta.seconds) * 1_000_000 + delta.microseconds


def _aware(now: datetime) -> datetime:
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError("the clock needs an aware datetime (UTC)")
    return now


def _base_us(config: SessionConfig, phase: ClockPhase) -> int:
    if phase is ClockPhase.MEETING:
        return config.round_minutes * MINUTE_US
    return config.changeover_seconds * SECOND_US


def _phase_index(round_number: int, phase: ClockPhase) -> int:
    return 2 * (round_number - 1) + (1 if phase is ClockPhase.CHANGEOVER else 0)


@dataclass(frozen=True)
class _Position:
    """Where the clock is after catching up, in microseconds relative to the stored phase's start."""

    round_number: int
    phase: ClockPhase
    elapsed_us: int
    length_us: int
    #: Offsets (from the stored phase's virtual start) of meeting starts and ends passed while catching up.
    meeting_starts: tuple[tuple[int, int], ...]
    meeting_ends: tuple[tuple[int, int], ...]
    finished_offset_us: int | None


def _catch_up(config: SessionConfig, round_number: int, phase: ClockPhase, run_us: int, extra_s: int) -> _Position:
    """Advance past every phase that ran out, by division: O(1) whatever the gap."""
    n = config.round_count
    meeting = config.round_minutes * MINUTE_US
    change = config.changeover_seconds * SECOND_US
    length = _base_us(config, phase) + extra_s * SECOND_US
    if run_us < length:
        return _Position(round_number, phase, run_us, length, (), (), None)
    # The phases that follow repeat with period meeting + changeover, starting at ``origin``, the
    # (possibly virtual) start of the changeover after the stored round; with no changeover the
    # cycle is just the meetings.
    cycle = meeting + change
    origin = length if phase is ClockPhase.MEETING else length - change
    offset = run_us - origin
    k, rem = divmod(offset, cycle)
    if rem < change:
        new_round, new_phase, elapsed = round_number + k, ClockPhase.CHANGEOVER, rem
        finished = new_round >= n
    else:
        new_round, new_phase, elapsed = round_number + k + 1, ClockPhase.MEETING, rem - change
        finished = new_round > n
    last_started = min(new_round, n)

    def start_of(j: int) -> int:
        return origin + (j - round_number - 1) * cycle + change

    starts = tuple((j, start_of(j)) for j in range(round_number + 1, last_started + 1))
    ends = [(round_number, length)] if phase is ClockPhase.MEETING else []
    last_ended = n if finished else (new_round if new_phase is ClockPhase.CHANGEOVER else new_round - 1)
    ends += [(j, start_of(j) + meeting) for j in range(round_number + 1, last_ended + 1)]
    if finished:
        finished_offset = start_of(n) + meeting if n > round_number else length
        return _Position(n, ClockPhase.MEETING, meeting, meeting, starts, tuple(ends), finished_offset)
    return _Position(new_round, new_phase, elapsed, _base_us(config, new_phase), starts, tuple(ends), None)


def _locate(snapshot: ClockSnapshot, config: SessionConfig, now: datetime) -> tuple[_Position, datetime | None]:
    """The caught-up position and the stored phase's virtual start instant (None unless running)."""
    run_us = snapshot.elapsed_us
    virtual_start = None
    if snapshot.state is ClockState.RUNNING and snapshot.phase_started_at is not None:
        # The run before the last pause counts as if the phase had started that much earlier.
        virtual_start = snapshot.phase_started_at - timedelta(microseconds=snapshot.elapsed_us)
        run_us += max(0, _us(now - snapshot.phase_started_at))
    position = _catch_up(config, snapshot.round_number, snapshot.phase, run_us, snapshot.extra_seconds)
    return position, virtual_start


def clock_view(snapshot: ClockSnapshot, config: SessionConfig, now: datetime) -> ClockView:
    """What the clock shows at ``now`` (aware), computed only from the stored state."""
    now = _aware(now).astimezone(UTC)
    meeting_ms = config.round_minutes * 60_000
    if snapshot.state is ClockState.IDLE or snapshot.round_number == 0:
        return ClockView(now, ClockState.IDLE, 0, config.round_count, ClockPhase.MEETING, meeting_ms, meeting_ms,
                         None, None, -1, config.warn_at_ms)
    if snapshot.state is ClockState.FINISHED:
        return ClockView(now, ClockState.FINISHED, snapshot.round_number, config.round_count, snapshot.phase,
                         0, 0, None, None, 2 * config.round_count - 1, config.warn_at_ms)
    position, virtual_start = _locate(snapshot, config, now)
    if position.finished_offset_us is not None:
        finished_at = None if virtual_start is None else virtual_start + timedelta(
            microseconds=position.finished_offset_us)
        return ClockView(now, ClockState.FINISHED, config.round_count, config.round_count, ClockPhase.MEETING,
                         0, 0, None, finished_at, 2 * config.round_count - 1, config.warn_at_ms)
    remaining_us = position.length_us - position.elapsed_us
    started = None
    if snapshot.state is ClockState.RUNNING:
        same_phase = (position.round_number, position.phase) == (snapshot.round_number, snapshot.phase)
        # A phase entered while catching up began exactly ``elapsed`` ago; the stored one keeps its anchor.
        started = snapshot.phase_started_at if same_phase else now - timedelta(microseconds=position.elapsed_us)
    return ClockView(
        now, snapshot.state, position.round_number, config.round_count, position.phase,
        -(-position.length_us // 1000), -(-remaining_us // 1000), started, None,
        _phase_index(position.round_number, position.phase), config.warn_at_ms,
    )


def due_chimes(before: ClockView | None, after: ClockView, warn_at_ms: int | None = None) -> list[Chime]:
    """The chimes to play for the step from ``before`` to ``after``; each crossing lies in one step.

    With no ``before`` (the app just opened) nothing chimes: what happened while it was closed is
    not announced. After a long gap several phases may have ended; one phase-end chime is enough.
    """
    if before is None:
        return []
    warn = after.warn_at_ms if warn_at_ms is None else warn_at_ms
    if before.state in (ClockState.IDLE, ClockState.FINISHED):
        return []
    chimes: list[Chime] = []
    same_phase = after.phase_index == before.phase_index
    if after.phase_index > before.phase_index:
        chimes.append(Chime(ChimeKind.PHASE_END, before.round_number, before.phase))
    in_meeting = after.phase is ClockPhase.MEETING and after.state in (ClockState.RUNNING, ClockState.PAUSED)
    if in_meeting and warn > 0 and 0 < after.remaining_ms <= warn:
        # A meeting no longer than the warning (or re-entered) would otherwise chime as it begins.
        crossed = before.remaining_ms > warn if same_phase else after.phase_length_ms > warn
        if crossed:
            chimes.append(Chime(ChimeKind.ONE_MINUTE_LEFT, after.round_number, after.phase))
    return chimes


# -- the commands


def _now() -> datetime:
    return datetime.now(UTC)


def _load(session: Session, flash_session_id: int) -> tuple[FlashSession, FlashClock]:
    flash = session.get(FlashSession, flash_session_id)
    if flash is None:
        raise ClockError(f"there is no flash session {flash_session_id}")
    row = flash.clock
    if row is None:
        row = FlashClock(session_id=flash_session_id, state=ClockState.IDLE, round_number=0,
                         phase=ClockPhase.MEETING, phase_started_at=None, elapsed_us=0, extra_seconds=0)
        session.add(row)
        flash.clock = row
    return flash, row


def _round(session: Session, flash_session_id: int, number: int) -> FlashRound:
    found = session.scalar(select(FlashRound).where(FlashRound.session_id == flash_session_id,
                                                     FlashRound.number == number))
    if found is None:
        # Rounds normally come from the saved plan; a clock run before planning still records them.
        found = FlashRound(session_id=flash_session_id, number=number)
        session.add(found)
    return found


def _set(row: FlashClock, state: ClockState, round_number: int, phase: ClockPhase,
         started: datetime | None, elapsed_us: int, extra_seconds: int, now: datetime) -> None:
    row.state, row.round_number, row.phase = state, round_number, phase
    row.phase_started_at = started if state is ClockState.RUNNING else None
    row.elapsed_us, row.extra_seconds = elapsed_us, extra_seconds
    # The monotonic anchor belonged to the old instant; ``record_anchor`` sets the new one.
    row.phase_started_mono_us, row.mono_boot_id = None, None
    row.updated_at = now


def _mark_status(flash: FlashSession, row: FlashClock) -> None:
    """The session's status follows its clock: running from the start, finished at the end."""
    if row.state is ClockState.FINISHED:
        flash.status = SessionStatus.FINISHED
    elif row.state in (ClockState.RUNNING, ClockState.PAUSED):
        flash.status = SessionStatus.RUNNING


def _sync(session: Session, flash: FlashSession, row: FlashClock, now: datetime) -> ClockView:
    """Persist the phase changes that happened since the row was written, stamping the rounds."""
    config = SessionConfig.of(flash)
    snapshot = ClockSnapshot.of(row)
    view = clock_view(snapshot, config, now)
    if snapshot.state is not ClockState.RUNNING:
        return view
    position, virtual_start = _locate(snapshot, config, now)
    moved = (position.round_number, position.phase) != (snapshot.round_number, snapshot.phase)
    if virtual_start is None or not (moved or position.finished_offset_us is not None):
        return view
    for number, offset in position.meeting_starts:
        _round(session, flash.id, number).started_at = virtual_start + timedelta(microseconds=offset)
    for number, offset in position.meeting_ends:
        _round(session, flash.id, number).ended_at = virtual_start + timedelta(microseconds=offset)
    if position.finished_offset_us is not None:
        _set(row, ClockState.FINISHED, config.round_count, ClockPhase.MEETING, None, 0, 0, now)
    else:
        # The new phase's anchor is its real start, so the stored state stays exact to the µs.
        _set(row, ClockState.RUNNING, position.round_number, position.phase, view.phase_started_at, 0, 0, now)
    _mark_status(flash, row)
    session.flush()
    return view


def sync(session: Session, flash_session_id: int, now: datetime | None = None) -> ClockView:
    """Record automatic phase changes (call it on opening the file and now and then while running)."""
    now = _aware(now or _now())
    flash, row = _load(session, flash_session_id)
    return _sync(session, flash, row, now)


def current_view(session: Session, flash_session_id: int, now: datetime | None = None) -> ClockView:
    """The view at ``now`` without writing anything."""
    flash = session.get(FlashSession, flash_session_id)
    if flash is None:
        raise ClockError(f"there is no flash session {flash_session_id}")
    return clock_view(ClockSnapshot.of(flash.clock), SessionConfig.of(flash), _aware(now or _now()))


def start(session: Session, flash_session_id: int, now: datetime | None = None) -> ClockView:
    """Start round 1."""
    now = _aware(now or _now())
    flash, row = _load(session, flash_session_id)
    if row.state is not ClockState.IDLE:
        raise ClockError("the clock has already been started")
    _set(row, ClockState.RUNNING, 1, ClockPhase.MEETING, now, 0, 0, now)
    _round(session, flash_session_id, 1).started_at = now
    _mark_status(flash, row)
    session.flush()
    return clock_view(ClockSnapshot.of(row), SessionConfig.of(flash), now)


def pause(session: Session, flash_session_id: int, now: datetime | None = None) -> ClockView:
    now = _aware(now or _now())
    flash, row = _load(session, flash_session_id)
    _sync(session, flash, row, now)
    if row.state is not ClockState.RUNNING or row.phase_started_at is None:
        raise ClockError("the clock is not running")
    # Banked to the microsecond (the resolution of the instants themselves): nothing is rounded.
    run_us = row.elapsed_us + max(0, _us(now - row.phase_started_at))
    _set(row, ClockState.PAUSED, row.round_number, row.phase, None, run_us, row.extra_seconds, now)
    session.flush()
    return clock_view(ClockSnapshot.of(row), SessionConfig.of(flash), now)


def resume(session: Session, flash_session_id: int, now: datetime | None = None) -> ClockView:
    now = _aware(now or _now())
    flash, row = _load(session, flash_session_id)
    if row.state is not ClockState.PAUSED:
        raise ClockError("the clock is not paused")
    _set(row, ClockState.RUNNING, row.round_number, row.phase, now, row.elapsed_us, row.extra_seconds, now)
    session.flush()
    return clock_view(ClockSnapshot.of(row), SessionConfig.of(flash), now)


def add_minute(session: Session, flash_session_id: int, now: datetime | None = None) -> ClockView:
    """+1 minute to the current phase (meeting or changeover)."""
    now = _aware(now or _now())
    flash, row = _load(session, flash_session_id)
    _sync(session, flash, row, now)
    if row.state not in (ClockState.RUNNING, ClockState.PAUSED):
        raise ClockError("only a running or paused clock can be given more time")
    row.extra_seconds += 60
    row.updated_at = now
    session.flush()
    return clock_view(ClockSnapshot.of(row), SessionConfig.of(flash), now)


def skip(session: Session, flash_session_id: int, now: datetime | None = None) -> ClockView:
    """End the current phase now and go on to the next (a paused clock stays paused)."""
    now = _aware(now or _now())
    flash, row = _load(session, flash_session_id)
    _sync(session, flash, row, now)
    if row.state not in (ClockState.RUNNING, ClockState.PAUSED):
        raise ClockError("only a running or paused clock can skip ahead")
    state, number = row.state, row.round_number
    if row.phase is ClockPhase.MEETING:
        _round(session, flash_session_id, number).ended_at = now
        if number >= flash.round_count:
            _set(row, ClockState.FINISHED, number, ClockPhase.MEETING, None, 0, 0, now)
        elif flash.changeover_seconds > 0:
            _set(row, state, number, ClockPhase.CHANGEOVER, now, 0, 0, now)
        else:
            _set(row, state, number + 1, ClockPhase.MEETING, now, 0, 0, now)
            _round(session, flash_session_id, number + 1).started_at = now
    else:
        _set(row, state, number + 1, ClockPhase.MEETING, now, 0, 0, now)
        _round(session, flash_session_id, number + 1).started_at = now
    _mark_status(flash, row)
    session.flush()
    return clock_view(ClockSnapshot.of(row), SessionConfig.of(flash), now)


def end(session: Session, flash_session_id: int, now: datetime | None = None) -> ClockView:
    """Finish the session now (a meeting in progress ends now)."""
    now = _aware(now or _now())
    flash, row = _load(session, flash_session_id)
    _sync(session, flash, row, now)
    if row.state is ClockState.FINISHED:
        return clock_view(ClockSnapshot.of(row), SessionConfig.of(flash), now)
    if row.round_number >= 1 and row.phase is ClockPhase.MEETING:
        meeting = _round(session, flash_session_id, row.round_number)
        if meeting.ended_at is None:
            meeting.ended_at = now
    _set(row, ClockState.FINISHED, row.round_number, row.phase, None, 0, 0, now)
    _mark_status(flash, row)
    session.flush()
    return clock_view(ClockSnapshot.of(row), SessionConfig.of(flash), now)


# -- keeping the stored instants on the trusted clock


def anchor_step(snapshot: ClockSnapshot, reading: Reading) -> timedelta | None:
    """How far the wall clock was stepped since the running phase was anchored (positive: set
    forward), measured by the monotonic clock; None when there is no anchor of this boot."""
    if (snapshot.state is not ClockState.RUNNING or snapshot.phase_started_at is None
            or snapshot.phase_started_mono_us is None or snapshot.mono_boot_id != reading.boot_id):
        return None
    wall_run_us = _us(_aware(reading.now) - snapshot.phase_started_at)
    mono_run_us = reading.mono_us - snapshot.phase_started_mono_us
    return timedelta(microseconds=wall_run_us - mono_run_us)


def needs_reconcile(snapshot: ClockSnapshot, reading: Reading) -> bool:
    """Whether ``reconcile`` has something to do (pure: the console asks at every repaint)."""
    if snapshot.state is not ClockState.RUNNING:
        return False
    if snapshot.phase_started_mono_us is None or snapshot.mono_boot_id != reading.boot_id:
        return True  # no anchor of this boot yet: record one (and follow a step, if any)
    step = anchor_step(snapshot, reading)
    return step is not None and abs(step) > RECONCILE_MIN


def record_anchor(session: Session, flash_session_id: int, reading: Reading) -> None:
    """Store the monotonic reading of a running phase's start (nothing when not running)."""
    flash = session.get(FlashSession, flash_session_id)
    row = flash.clock if flash is not None else None
    if row is None:
        return
    if row.state is not ClockState.RUNNING or row.phase_started_at is None:
        row.phase_started_mono_us, row.mono_boot_id = None, None
        return
    row.phase_started_mono_us = reading.mono_us - _us(_aware(reading.now) - row.phase_started_at)
    row.mono_boot_id = reading.boot_id


def reconcile(session: Session, flash_session_id: int, reading: Reading) -> timedelta | None:
    """Move a running phase's stored instants by the wall-clock step the monotonic clock shows.

    With an anchor of this boot the step is measured exactly (also one made while the app was
    closed); without one, the step ``reading`` found is used (a step before that reading, or
    across a reboot, cannot be seen). The current meeting's recorded start moves with it, so the
    round's recorded length stays true. Returns the step applied, if any; records the anchor.
    """
    flash = session.get(FlashSession, flash_session_id)
    row = flash.clock if flash is not None else None
    if row is None or row.state is not ClockState.RUNNING or row.phase_started_at is None:
        return None
    step = anchor_step(ClockSnapshot.of(row), reading)
    if step is None:
        step = reading.step
    applied = None
    if step is not None and abs(step) > RECONCILE_MIN:
        row.phase_started_at = row.phase_started_at + step
        meeting = None
        if row.phase is ClockPhase.MEETING:
            meeting = session.scalar(select(FlashRound).where(FlashRound.session_id == flash_session_id,
                                                              FlashRound.number == row.round_number))
        if meeting is not None and meeting.started_at is not None and meeting.ended_at is None:
            meeting.started_at = meeting.started_at + step
        row.updated_at = _aware(reading.now)
        applied = step
        log.warning("flash session %d: wall clock stepped by %+d ms; the running phase keeps its time",
                    flash_session_id, round(step / timedelta(milliseconds=1)))
    record_anchor(session, flash_session_id, reading)
    session.flush()
    return applied
