"""The round clock's commands: start, pause, resume, add a minute, skip, end, undo end, sync; Qt-free.

Each command takes ``(session, flash_session_id, now)``, updates the ``FlashClock`` row (creating
it when missing) and stamps ``FlashRound.started_at`` / ``ended_at`` with the instants the rounds
really began and ended, computed, not "when someone next looked". Each returns the view at ``now``
(``clock_face.clock_view``, where what the clock shows is computed).

The wall clock can be stepped (NTP, a hand, a laptop waking with a wrong clock). The console
reads ``now`` from ``wallclock.TrustedClock``, which runs at the monotonic clock's pace and
reports steps; ``reconcile`` then moves the stored instants of a running phase by the step, so
the countdown neither jumps ahead (a forward step would otherwise end rounds for good) nor back.
``record_anchor`` keeps, next to ``phase_started_at``, the monotonic reading of that instant and
the boot it counts from: an app reopened within the same boot compares the two and catches a step
made while it was closed. Across a reboot only the wall clock is left; such a step goes unseen.
"""

from __future__ import annotations

import logging
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
from mentordesk.services.flash.clock_face import (
    RECONCILE_MIN,
    UNDO_END_WINDOW,
    ClockSnapshot,
    ClockView,
    SessionConfig,
    anchor_step,
    clock_view,
    locate,
    require_aware,
    whole_us,
)
from mentordesk.services.flash.wallclock import Reading

log = logging.getLogger(__name__)


class ClockError(DomainError):
    """A command the clock cannot carry out now (e.g. pausing a clock that is not running)."""


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
    # Any change after End (or a clock that ran out) leaves nothing for "Undo end" to put back.
    row.ended_early_at, row.ended_from = None, None
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
    position, virtual_start = locate(snapshot, config, now)
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
    now = require_aware(now or _now())
    flash, row = _load(session, flash_session_id)
    return _sync(session, flash, row, now)


def current_view(session: Session, flash_session_id: int, now: datetime | None = None) -> ClockView:
    """The view at ``now`` without writing anything."""
    flash = session.get(FlashSession, flash_session_id)
    if flash is None:
        raise ClockError(f"there is no flash session {flash_session_id}")
    return clock_view(ClockSnapshot.of(flash.clock), SessionConfig.of(flash), require_aware(now or _now()))


def start(session: Session, flash_session_id: int, now: datetime | None = None) -> ClockView:
    """Start round 1."""
    now = require_aware(now or _now())
    flash, row = _load(session, flash_session_id)
    if row.state is not ClockState.IDLE:
        raise ClockError("the clock has already been started")
    _set(row, ClockState.RUNNING, 1, ClockPhase.MEETING, now, 0, 0, now)
    _round(session, flash_session_id, 1).started_at = now
    _mark_status(flash, row)
    session.flush()
    return clock_view(ClockSnapshot.of(row), SessionConfig.of(flash), now)


def pause(session: Session, flash_session_id: int, now: datetime | None = None) -> ClockView:
    now = require_aware(now or _now())
    flash, row = _load(session, flash_session_id)
    _sync(session, flash, row, now)
    if row.state is not ClockState.RUNNING or row.phase_started_at is None:
        raise ClockError("the clock is not running")
    # Banked to the microsecond (the resolution of the instants themselves): nothing is rounded.
    run_us = row.elapsed_us + max(0, whole_us(now - row.phase_started_at))
    _set(row, ClockState.PAUSED, row.round_number, row.phase, None, run_us, row.extra_seconds, now)
    session.flush()
    return clock_view(ClockSnapshot.of(row), SessionConfig.of(flash), now)


def resume(session: Session, flash_session_id: int, now: datetime | None = None) -> ClockView:
    now = require_aware(now or _now())
    flash, row = _load(session, flash_session_id)
    if row.state is not ClockState.PAUSED:
        raise ClockError("the clock is not paused")
    _set(row, ClockState.RUNNING, row.round_number, row.phase, now, row.elapsed_us, row.extra_seconds, now)
    session.flush()
    return clock_view(ClockSnapshot.of(row), SessionConfig.of(flash), now)


def add_minute(session: Session, flash_session_id: int, now: datetime | None = None) -> ClockView:
    """+1 minute to the current phase (meeting or changeover)."""
    now = require_aware(now or _now())
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
    now = require_aware(now or _now())
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
    """Finish the session now (a meeting in progress ends now); ``undo_end`` can take it back
    for ``UNDO_END_WINDOW``.

    A clock ended while running or paused keeps, in its row, the round, phase, run and extra time
    it had, and the state it was in (``ended_from``), so that nothing is lost until the window
    closes or the clock is used again. An idle clock (nothing started) just finishes.
    """
    now = require_aware(now or _now())
    flash, row = _load(session, flash_session_id)
    _sync(session, flash, row, now)
    if row.state is ClockState.FINISHED:
        return clock_view(ClockSnapshot.of(row), SessionConfig.of(flash), now)
    if row.round_number >= 1 and row.phase is ClockPhase.MEETING:
        meeting = _round(session, flash_session_id, row.round_number)
        if meeting.ended_at is None:
            meeting.ended_at = now
    interrupted = row.state if row.state in (ClockState.RUNNING, ClockState.PAUSED) else None
    run_us = row.elapsed_us
    if row.state is ClockState.RUNNING and row.phase_started_at is not None:
        run_us += max(0, whole_us(now - row.phase_started_at))
    _set(row, ClockState.FINISHED, row.round_number, row.phase, None, run_us if interrupted else 0,
         row.extra_seconds if interrupted else 0, now)
    if interrupted is not None:
        row.ended_early_at, row.ended_from = now, interrupted
    _mark_status(flash, row)
    session.flush()
    log.info("flash session %d: ended by hand in round %d", flash_session_id, row.round_number)
    return clock_view(ClockSnapshot.of(row), SessionConfig.of(flash), now)


def undo_end(session: Session, flash_session_id: int, now: datetime | None = None) -> ClockView:
    """Put back the clock End finished: the same round and phase, with the time that was left,
    running again if it was running (the minutes between End and now do not count), paused if
    it was paused. Refused after ``UNDO_END_WINDOW``, for a clock that ran out by itself, and
    once a newer rotation has been planned (the ended one would take the console back from it)."""
    now = require_aware(now or _now())
    flash, row = _load(session, flash_session_id)
    until = ClockSnapshot.of(row).undo_end_until()
    if until is None or row.ended_from is None or row.ended_early_at is None:
        raise ClockError("only rounds finished with End can be brought back")
    if now >= until:
        minutes = round(UNDO_END_WINDOW / timedelta(minutes=1))
        raise ClockError(f"End can only be undone within {minutes} minutes")
    newer = session.scalar(select(FlashSession.id).where(FlashSession.event_id == flash.event_id,
                                                         FlashSession.id > flash.id).limit(1))
    if newer is not None:
        raise ClockError("new rounds were planned after End: the ended rounds cannot be brought back")
    ended_at, state = row.ended_early_at, row.ended_from
    if row.round_number >= 1 and row.phase is ClockPhase.MEETING:
        meeting = _round(session, flash_session_id, row.round_number)
        if meeting.ended_at == ended_at:
            meeting.ended_at = None
    _set(row, state, row.round_number, row.phase, now, row.elapsed_us, row.extra_seconds, now)
    _mark_status(flash, row)
    session.flush()
    log.info("flash session %d: End undone, round %d %s again", flash_session_id, row.round_number, state.value)
    return clock_view(ClockSnapshot.of(row), SessionConfig.of(flash), now)


# -- keeping the stored instants on the trusted clock


def record_anchor(session: Session, flash_session_id: int, reading: Reading) -> None:
    """Store the monotonic reading of a running phase's start (nothing when not running)."""
    flash = session.get(FlashSession, flash_session_id)
    row = flash.clock if flash is not None else None
    if row is None:
        return
    if row.state is not ClockState.RUNNING or row.phase_started_at is None:
        row.phase_started_mono_us, row.mono_boot_id = None, None
        return
    row.phase_started_mono_us = reading.mono_us - whole_us(require_aware(reading.now) - row.phase_started_at)
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
        row.updated_at = require_aware(reading.now)
        applied = step
        log.warning("flash session %d: wall clock stepped by %+d ms; the running phase keeps its time",
                    flash_session_id, round(step / timedelta(milliseconds=1)))
    record_anchor(session, flash_session_id, reading)
    session.flush()
    return applied
