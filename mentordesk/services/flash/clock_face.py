"""The face of a flash session's round clock: what it shows at an instant, computed, never counted; Qt-free.

What the run console and the projector show is ``clock_view(snapshot, config, now)``, a pure
function of the stored ``FlashClock`` state (a detached :class:`ClockSnapshot`) and the wall clock:
time run in the current phase is ``elapsed_us`` (run before the last pause, to the microsecond, so
that a thousand short pauses lose nothing) plus ``now - phase_started_at`` while running. Nothing
adds up timer ticks, so a GUI timer that fires late or not at all cannot make the clock drift, and
an app reopened after a crash shows the same second it would have shown had it stayed open. When a
phase ran out while nobody looked, the view has already moved on (meeting → changeover → next
meeting …, the last meeting → finished); that catch-up is arithmetic, not a replay (``locate``).
``due_chimes(before, after)`` tells the GUI which chimes to play, each exactly once.

``anchor_step`` and ``needs_reconcile`` compare a running phase's stored instant with its
monotonic anchor, so the console can tell (at every repaint, without the database) whether the
wall clock was stepped. The commands that write the clock are ``clock``.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from mentordesk.models import ClockPhase, ClockState, FlashClock, FlashSession
from mentordesk.services.flash.wallclock import Reading

MINUTE_US = 60_000_000
SECOND_US = 1_000_000
DEFAULT_WARN_AT_MS = 60_000
#: How long after End the console offers "Undo end" (and ``clock.undo_end`` accepts it).
UNDO_END_WINDOW = timedelta(minutes=5)
#: A stored instant further than this from what the monotonic anchor says is moved to it: the
#: anchor is exact (same boot, same clock), so this only absorbs rounding to the microsecond.
RECONCILE_MIN = timedelta(milliseconds=1)


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
    #: When End finished the session early (None: it was not ended by End, or it can't be undone).
    ended_early_at: datetime | None = None

    @classmethod
    def of(cls, row: FlashClock | None) -> ClockSnapshot:
        if row is None:
            return cls()
        early = row.ended_early_at if row.ended_from is not None else None
        return cls(row.state, row.round_number, row.phase, row.phase_started_at, row.elapsed_us, row.extra_seconds,
                   row.phase_started_mono_us, row.mono_boot_id, early)

    def undo_end_until(self) -> datetime | None:
        """Until when End can be undone (None: the clock was not ended by End)."""
        if self.state is not ClockState.FINISHED or self.ended_early_at is None:
            return None
        return self.ended_early_at + UNDO_END_WINDOW


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
    #: Until when "Undo end" puts the clock back where End found it; None when there is nothing to undo.
    undo_end_until: datetime | None = None

    @property
    def can_undo_end(self) -> bool:
        return self.undo_end_until is not None and self.now < self.undo_end_until

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
        return max(0, whole_us(self.now - self.finished_at) // 1000)

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


def whole_us(delta: timedelta) -> int:
    """A timedelta as whole microseconds, exactly (no float on the way)."""
    return (delta.days * 86_400 + delta.seconds) * 1_000_000 + delta.microseconds


def require_aware(now: datetime) -> datetime:
    """``now`` itself, refused unless it knows its time zone (the clock compares instants)."""
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
class Position:
    """Where the clock is after catching up, in microseconds relative to the stored phase's start."""

    round_number: int
    phase: ClockPhase
    elapsed_us: int
    length_us: int
    #: Offsets (from the stored phase's virtual start) of meeting starts and ends passed while catching up.
    meeting_starts: tuple[tuple[int, int], ...]
    meeting_ends: tuple[tuple[int, int], ...]
    finished_offset_us: int | None


def _catch_up(config: SessionConfig, round_number: int, phase: ClockPhase, run_us: int, extra_s: int) -> Position:
    """Advance past every phase that ran out, by division: O(1) whatever the gap."""
    n = config.round_count
    meeting = config.round_minutes * MINUTE_US
    change = config.changeover_seconds * SECOND_US
    length = _base_us(config, phase) + extra_s * SECOND_US
    if run_us < length:
        return Position(round_number, phase, run_us, length, (), (), None)
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
        return Position(n, ClockPhase.MEETING, meeting, meeting, starts, tuple(ends), finished_offset)
    return Position(new_round, new_phase, elapsed, _base_us(config, new_phase), starts, tuple(ends), None)


def locate(snapshot: ClockSnapshot, config: SessionConfig, now: datetime) -> tuple[Position, datetime | None]:
    """The caught-up position and the stored phase's virtual start instant (None unless running)."""
    run_us = snapshot.elapsed_us
    virtual_start = None
    if snapshot.state is ClockState.RUNNING and snapshot.phase_started_at is not None:
        # The run before the last pause counts as if the phase had started that much earlier.
        virtual_start = snapshot.phase_started_at - timedelta(microseconds=snapshot.elapsed_us)
        run_us += max(0, whole_us(now - snapshot.phase_started_at))
    position = _catch_up(config, snapshot.round_number, snapshot.phase, run_us, snapshot.extra_seconds)
    return position, virtual_start


def clock_view(snapshot: ClockSnapshot, config: SessionConfig, now: datetime) -> ClockView:
    """What the clock shows at ``now`` (aware), computed only from the stored state."""
    now = require_aware(now).astimezone(UTC)
    meeting_ms = config.round_minutes * 60_000
    if snapshot.state is ClockState.IDLE or snapshot.round_number == 0:
        return ClockView(now, ClockState.IDLE, 0, config.round_count, ClockPhase.MEETING, meeting_ms, meeting_ms,
                         None, None, -1, config.warn_at_ms)
    if snapshot.state is ClockState.FINISHED:
        return ClockView(now, ClockState.FINISHED, snapshot.round_number, config.round_count, snapshot.phase,
                         0, 0, None, None, 2 * config.round_count - 1, config.warn_at_ms, snapshot.undo_end_until())
    position, virtual_start = locate(snapshot, config, now)
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


# -- the stored instants against the trusted clock


def anchor_step(snapshot: ClockSnapshot, reading: Reading) -> timedelta | None:
    """How far the wall clock was stepped since the running phase was anchored (positive: set
    forward), measured by the monotonic clock; None when there is no anchor of this boot."""
    if (snapshot.state is not ClockState.RUNNING or snapshot.phase_started_at is None
            or snapshot.phase_started_mono_us is None or snapshot.mono_boot_id != reading.boot_id):
        return None
    wall_run_us = whole_us(require_aware(reading.now) - snapshot.phase_started_at)
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
