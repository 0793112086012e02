"""The console's link to the round clock: commands, repaints, chimes — never a counted tick.

The countdown shown is ``clock_view(snapshot, config, now)``: a pure function of the clock
state stored in the event file and the time. The QTimer here only asks for a repaint a few
times a second; a late or missed tick changes nothing but how fresh the picture is. When the
view has moved on to another phase than the stored one (a meeting ran out), ``sync`` writes the
change, so the file always says where the session is and a reopened app shows the same second.

Every ``now`` comes from ``clock``, a ``TrustedClock``: wall-clock time run at the monotonic
clock's pace. When the wall clock is stepped (NTP, a laptop waking, a hand), the reading says so
and the stored instants of the running phase are moved by the step (``round_clock.reconcile``)
before anything is shown or written, so the countdown neither jumps ahead (a forward step would
otherwise end rounds for good) nor back. On attaching to a session the same reconcile compares
the stored monotonic anchor, catching a step made while the app was closed (same boot only).

``clock`` is an attribute so that tests can drive wall and monotonic time through an hour
without waiting.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from sqlalchemy.orm import Session

from mentordesk.models import ClockState
from mentordesk.services.flash import clock as round_clock
from mentordesk.services.flash.clock import (
    Chime,
    ClockError,
    ClockSnapshot,
    ClockView,
    SessionConfig,
    clock_view,
)
from mentordesk.services.flash.views import clock_inputs
from mentordesk.services.flash.wallclock import Reading, TrustedClock

if TYPE_CHECKING:
    from mentordesk.models.store import EventStore

#: Repaints per second while the clock runs (the seconds digit changes on time within 1/5 s).
REPAINT_MS = 200

Command = Callable[[Session, int, datetime], ClockView]


class ClockDriver(QObject):
    #: The view to show (after every repaint tick and every command).
    view_changed = Signal(object)
    #: A chime is due (each exactly once): a ``Chime``.
    chimed = Signal(object)
    #: A command the clock refused, or a write that failed; one line for the user.
    refused = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        #: Where every ``now`` comes from (tests put one on fake wall and monotonic clocks).
        self.clock = TrustedClock()
        self.warn_at_ms = round_clock.DEFAULT_WARN_AT_MS
        self._store: EventStore | None = None
        self._flash_id: int | None = None
        self._snapshot = ClockSnapshot()
        self._config: SessionConfig | None = None
        self._last: ClockView | None = None
        #: When the session ran out while nobody was looking (the app closed or crashed), if it did.
        self.ended_unseen_at: datetime | None = None
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

    def attach(self, store: EventStore | None, flash_id: int | None) -> None:
        """Follow a session (None: none). On a new session the stored state is caught up and
        written first: rounds that ran out while the app was closed are recorded, not chimed."""
        changed = (store, flash_id) != (self._store, self._flash_id)
        self._store, self._flash_id = store, flash_id
        if changed:
            self._last = None
            self.ended_unseen_at = None
        if store is None or flash_id is None:
            self._config = None
            self.timer.stop()
            return
        reading = self.clock.read()
        if changed:
            # First put the stored instants right (a wall-clock step while the app was closed),
            # then judge what ran out meanwhile.
            with store.session() as session:
                round_clock.reconcile(session, flash_id, reading)
            with store.read_session() as session:
                before = round_clock.current_view(session, flash_id, reading.now)
            self.ended_unseen_at = before.finished_at
        self._write(lambda session, fid, now: round_clock.sync(session, fid, now), chime=False, reading=reading)

    def set_warning(self, warn_at_ms: int) -> None:
        self.warn_at_ms = max(0, warn_at_ms)
        if self._config is not None:
            self._reload()

    # -- the console's commands

    def start(self) -> None:
        self._write(round_clock.start)

    def pause(self) -> None:
        self._write(round_clock.pause)

    def resume(self) -> None:
        self._write(round_clock.resume)

    def toggle_pause(self) -> None:
        view = self.current()
        if view is None:
            return
        if view.state is ClockState.RUNNING:
            self.pause()
        elif view.state is ClockState.PAUSED:
            self.resume()
        elif view.state is ClockState.IDLE:
            self.start()

    def add_minute(self) -> None:
        self._write(round_clock.add_minute)

    def skip(self) -> None:
        self._write(round_clock.skip)

    def end(self) -> None:
        self._write(round_clock.end)

    def current(self) -> ClockView | None:
        """The view at the trusted now from the state last read (the database is only written
        when the wall clock has just been found stepped)."""
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
        stored = (self._snapshot.state, self._snapshot.round_number, self._snapshot.phase)
        if view.state is not ClockState.IDLE and (view.state, view.round_number, view.phase) != stored:
            self._write(lambda session, fid, now: round_clock.sync(session, fid, now), reading=reading)
            return self._last
        self._emit(view, chime=True)
        return view

    # -- internals

    def _read(self) -> Reading:
        """The trusted now; a running phase's stored instants first follow any wall-clock step."""
        reading = self.clock.read()
        store, flash_id = self._store, self._flash_id
        if store is None or flash_id is None or self._config is None:
            return reading
        if round_clock.needs_reconcile(self._snapshot, reading):
            with store.session() as session:
                round_clock.reconcile(session, flash_id, reading)
            with store.read_session() as session:
                self._snapshot, self._config = clock_inputs(session, flash_id, self.warn_at_ms)
        return reading

    def _write(self, command: Command, *, chime: bool = True, reading: Reading | None = None) -> None:
        store, flash_id = self._store, self._flash_id
        if store is None or flash_id is None:
            return
        reading = reading or self._read()
        try:
            with store.session() as session:
                command(session, flash_id, reading.now)
                round_clock.record_anchor(session, flash_id, reading)
        except ClockError as error:
            self.refused.emit(str(error))
        self._reload(reading, chime=chime)

    def _reload(self, reading: Reading | None = None, *, chime: bool = False) -> None:
        store, flash_id = self._store, self._flash_id
        if store is None or flash_id is None:
            return
        with store.read_session() as session:
            self._snapshot, self._config = clock_inputs(session, flash_id, self.warn_at_ms)
        if reading is None:
            reading = self._read()
        view = clock_view(self._snapshot, self._config, reading.now)
        if view.state is ClockState.RUNNING:
            self.timer.start()
        else:
            self.timer.stop()
        self._emit(view, chime=chime)

    def _emit(self, view: ClockView, *, chime: bool) -> None:
        if chime:
            for due in round_clock.due_chimes(self._last, view):
                self.chimed.emit(due)
        self._last = view
        self.view_changed.emit(view)

    def _on_timer_timeout(self) -> None:
        self.tick()


__all__ = ["Chime", "ClockDriver"]
