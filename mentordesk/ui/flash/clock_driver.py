"""The console's link to the round clock: commands, repaints, chimes — never a counted tick.

The countdown shown is ``clock_view(snapshot, config, now)``: a pure function of the clock
state stored in the event file and the time. The QTimer here only asks for a repaint a few
times a second, computed from the snapshot held in memory — a repaint never reads the event
file; a late or missed tick changes nothing but how fresh the picture is. When the view has
moved on to another phase than the stored one (a meeting ran out), ``sync`` writes the change,
so the file always says where the session is and a reopened app shows the same second.

Every write (a command, ``sync``, ``reconcile``, each with ``record_anchor``) is a change of the
operations layer (``ui/operations.py``) on the event's one writer, which runs them first in,
first out: keys pressed quickly one after another are applied in the order pressed, each at the
instant it was pressed; Space (pause or resume) is decided on the writer, against the state the
previous key left. A change hands back the clock state it committed; only the newest asked-for
result is shown (the writer is in order, so it is the freshest), and an older one arriving
meanwhile is dropped. A command the clock refuses (a ``ClockError``) is said through ``refused``;
other failures are the operations layer's to show, and the clock is then read again.

Every ``now`` comes from ``clock``, a ``TrustedClock``: wall-clock time run at the monotonic
clock's pace. When the wall clock is stepped (NTP, a laptop waking, a hand), the reading says so
and the stored instants of the running phase are moved by the step (``round_clock.reconcile``)
before anything is shown or written, so the countdown neither jumps ahead (a forward step would
otherwise end rounds for good) nor back; the snapshot in memory is moved the same way at once,
so the repaints do not wait for the write. On attaching to a session the same reconcile compares
the stored monotonic anchor, catching a step made while the app was closed (same boot only).

``clock`` is an attribute so that tests can drive wall and monotonic time through an hour
without waiting.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal

from mentordesk.models import ClockState
from mentordesk.services.domain_error import DomainError
from mentordesk.services.flash import clock as round_clock
from mentordesk.services.flash import clock_face
from mentordesk.services.flash.clock_face import (
    Chime,
    ClockSnapshot,
    ClockView,
    SessionConfig,
    clock_view,
)
from mentordesk.services.flash.views import clock_inputs
from mentordesk.services.flash.wallclock import Reading, TrustedClock

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from mentordesk.models.store import EventStore
    from mentordesk.ui.operations import Failure, Operations

#: Repaints per second while the clock runs (the seconds digit changes on time within 1/5 s).
REPAINT_MS = 200
#: After an automatic write failed (a full or locked disk), the repaints do not try again for
#: this long: the countdown goes on from memory, and the banner already says what is wrong.
SYNC_RETRY_US = 5_000_000

Command = Callable[["Session", int, datetime], ClockView]
Inputs = tuple[ClockSnapshot, SessionConfig]


def pause_or_resume(session: Session, flash_session_id: int, now: datetime) -> ClockView:
    """Space on the console: pause a running clock, resume a paused one, start an idle one —
    judged on the writer, so a second Space pressed before the first was written undoes it."""
    state = round_clock.current_view(session, flash_session_id, now).state
    if state is ClockState.RUNNING:
        return round_clock.pause(session, flash_session_id, now)
    if state is ClockState.PAUSED:
        return round_clock.resume(session, flash_session_id, now)
    if state is ClockState.IDLE:
        return round_clock.start(session, flash_session_id, now)
    return round_clock.current_view(session, flash_session_id, now)


def _following(snapshot: ClockSnapshot, reading: Reading) -> ClockSnapshot:
    """What ``round_clock.reconcile`` will store for ``reading``, for the repaints until it has."""
    started = snapshot.phase_started_at
    if snapshot.state is not ClockState.RUNNING or started is None:
        return snapshot
    step = clock_face.anchor_step(snapshot, reading)
    if step is None:
        step = reading.step
    if step is not None and abs(step) > clock_face.RECONCILE_MIN:
        started = started + step
    anchor = reading.mono_us - (reading.now - started) // timedelta(microseconds=1)
    return replace(snapshot, phase_started_at=started, phase_started_mono_us=anchor, mono_boot_id=reading.boot_id)


class ClockDriver(QObject):
    #: The view to show (after every repaint tick and every command).
    view_changed = Signal(object)
    #: A chime is due (each exactly once): a ``Chime``.
    chimed = Signal(object)
    #: A command the clock refused; one line for the user.
    refused = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        #: Where every ``now`` comes from (tests put one on fake wall and monotonic clocks).
        self.clock = TrustedClock()
        self.warn_at_ms = clock_face.DEFAULT_WARN_AT_MS
        self._ops: Operations | None = None
        self._flash_id: int | None = None
        self._snapshot = ClockSnapshot()
        self._config: SessionConfig | None = None
        self._last: ClockView | None = None
        #: When the session ran out while nobody was looking (the app closed or crashed), if it did.
        self.ended_unseen_at: datetime | None = None
        #: Bumped when another session (or none) is followed: late results for the old one are dropped.
        self._generation = 0
        #: Numbers every read and write asked for; only the newest one's result is shown.
        self._asked = 0
        #: Writes asked for and not finished yet (a repaint asks for no sync while there are).
        self._writing = 0
        #: No automatic sync before this monotonic instant (µs), after one failed.
        self._sync_after_us = 0
        self.timer = QTimer(self)
        self.timer.setInterval(REPAINT_MS)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.timer.timeout.connect(self._on_timer_timeout)

    @property
    def flash_id(self) -> int | None:
        return self._flash_id

    @property
    def view(self) -> ClockView | None:
        return self._last

    @property
    def store(self) -> EventStore | None:
        return None if self._ops is None else self._ops.store

    def attach(self, ops: Operations | None, flash_id: int | None) -> None:
        """Follow a session (None: none). On a new session the stored state is caught up and
        written first: rounds that ran out while the app was closed are recorded, not chimed; the
        same session again is read again (a command given elsewhere shows)."""
        store = None if ops is None else ops.store
        changed = (store, flash_id) != (self.store, self._flash_id)
        self._ops, self._flash_id = ops, flash_id
        if changed:
            self._generation += 1
            self._writing = 0
            self._sync_after_us = 0
            self._last = None
            self.ended_unseen_at = None
            # Nothing to show of the new session until its state has been read.
            self._snapshot, self._config = ClockSnapshot(), None
            self.timer.stop()
        if ops is None or flash_id is None:
            self._config = None
            self.timer.stop()
            return
        if not changed:
            # The same session read again (after a change here or elsewhere, e.g. the command
            # line): read its clock, write nothing — a write here would be announced as a change
            # and read again, for ever. A phase that ran out is written by the next repaint.
            self._reload()
            return
        reading = self._read()

        def catch_up(session: Session) -> datetime | None:
            # First put the stored instants right (a wall-clock step while the app was closed),
            # then judge what ran out meanwhile, then record it.
            round_clock.reconcile(session, flash_id, reading)
            before = round_clock.current_view(session, flash_id, reading.now)
            round_clock.sync(session, flash_id, reading.now)
            return before.finished_at

        self._change("flash.clock.attach", catch_up, reading, then=self._on_caught_up)

    def set_warning(self, warn_at_ms: int) -> None:
        self.warn_at_ms = max(0, warn_at_ms)
        if self._config is not None:
            self._show((self._snapshot, replace(self._config, warn_at_ms=self.warn_at_ms)), chime=False)

    # -- the console's commands

    def start(self) -> None:
        self._command("flash.clock.start", round_clock.start)

    def pause(self) -> None:
        self._command("flash.clock.pause", round_clock.pause)

    def resume(self) -> None:
        self._command("flash.clock.resume", round_clock.resume)

    def toggle_pause(self) -> None:
        view = self.current()
        if view is None or view.state is ClockState.FINISHED:
            return
        self._command("flash.clock.toggle_pause", pause_or_resume)

    def add_minute(self) -> None:
        self._command("flash.clock.add_minute", round_clock.add_minute)

    def skip(self) -> None:
        self._command("flash.clock.skip", round_clock.skip)

    def end(self) -> None:
        self._command("flash.clock.end", round_clock.end)

    def undo_end(self) -> None:
        self._command("flash.clock.undo_end", round_clock.undo_end)

    def current(self) -> ClockView | None:
        """The view at the trusted now from the state held in memory (nothing is read)."""
        if self._config is None:
            return None
        reading = self._read()
        return clock_view(self._snapshot, self._config, reading.now)

    def tick(self) -> ClockView | None:
        """Repaint: compute the view, emit due chimes, and record a phase change if there was one."""
        if self._config is None:
            return None
        reading = self._read()
        view = clock_view(self._snapshot, self._config, reading.now)
        self._emit(view, chime=True)
        stored = (self._snapshot.state, self._snapshot.round_number, self._snapshot.phase)
        moved = view.state is not ClockState.IDLE and (view.state, view.round_number, view.phase) != stored
        if moved and self._writing == 0 and reading.mono_us >= self._sync_after_us:
            flash_id = self._flash_id
            if flash_id is not None:
                self._change("flash.clock.sync", lambda session: round_clock.sync(session, flash_id, reading.now),
                             reading, automatic=True)
        return self._last

    # -- internals

    def _read(self) -> Reading:
        """The trusted now; a running phase's stored instants first follow any wall-clock step
        (in memory at once, in the event file through the writer)."""
        reading = self.clock.read()
        flash_id = self._flash_id
        if self._ops is None or flash_id is None or self._config is None:
            return reading
        if clock_face.needs_reconcile(self._snapshot, reading):
            self._snapshot = _following(self._snapshot, reading)
            self._change("flash.clock.reconcile", lambda session: round_clock.reconcile(session, flash_id, reading),
                         reading, automatic=True)
        return reading

    def _command(self, label: str, command: Command) -> None:
        flash_id = self._flash_id
        if self._ops is None or flash_id is None:
            return
        # The instant the key was pressed, whenever the writer gets to it.
        reading = self._read()
        self._change(label, lambda session: command(session, flash_id, reading.now), reading)

    def _change(self, label: str, work: Callable[[Session], Any], reading: Reading, *, automatic: bool = False,
                then: Callable[[Any], None] | None = None) -> None:
        """Write ``work`` and the monotonic anchor on the event's writer; show the state it left."""
        ops, flash_id = self._ops, self._flash_id
        if ops is None or flash_id is None:
            return
        generation = self._generation
        self._asked += 1
        asked = self._asked
        self._writing += 1
        warn_at_ms = self.warn_at_ms

        def write(session: Session) -> tuple[Any, Inputs]:
            result = work(session)
            round_clock.record_anchor(session, flash_id, reading)
            session.flush()
            return result, clock_inputs(session, flash_id, warn_at_ms)

        def done(outcome: tuple[Any, Inputs]) -> None:
            if generation != self._generation:
                return
            self._writing -= 1
            result, inputs = outcome
            if then is not None:
                then(result)
            if asked == self._asked:
                self._show(inputs, chime=True)

        def refused(error: DomainError) -> None:
            if generation == self._generation:
                self.refused.emit(str(error))

        def failed(_failure: Failure) -> None:
            if generation != self._generation:
                return
            self._writing -= 1
            if automatic:
                self._sync_after_us = self.clock.read().mono_us + SYNC_RETRY_US
            if asked == self._asked:
                # Nothing was written: show what the event file says.
                self._reload()

        ops.change(label, write, done=done, refused=refused, failed=failed, owner=self)

    def _on_caught_up(self, finished_at: datetime | None) -> None:
        self.ended_unseen_at = finished_at

    def _reload(self) -> None:
        ops, flash_id = self._ops, self._flash_id
        if ops is None or flash_id is None or self._writing:
            # A write on its way hands back the state it committed: fresher than a read now.
            return
        generation = self._generation
        self._asked += 1
        asked = self._asked
        warn_at_ms = self.warn_at_ms

        def done(inputs: Inputs) -> None:
            if generation == self._generation and asked == self._asked:
                self._show(inputs, chime=True)

        ops.query("flash.clock.read", lambda session: clock_inputs(session, flash_id, warn_at_ms), done=done,
                  owner=self)

    def _show(self, inputs: Inputs, *, chime: bool) -> None:
        self._snapshot, self._config = inputs
        reading = self._read()
        view = clock_view(self._snapshot, self._config, reading.now)
        if view.state is ClockState.RUNNING:
            if not self.timer.isActive():
                self.timer.start()
        else:
            self.timer.stop()
        self._emit(view, chime=chime)

    def _emit(self, view: ClockView, *, chime: bool) -> None:
        if chime:
            for due in clock_face.due_chimes(self._last, view):
                self.chimed.emit(due)
        self._last = view
        self.view_changed.emit(view)

    def _on_timer_timeout(self) -> None:
        self.tick()


__all__ = ["Chime", "ClockDriver"]
