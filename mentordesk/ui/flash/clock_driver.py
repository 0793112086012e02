"""The console's link to the round clock: commands, repaints, chimes — never a counted tick.

The countdown shown is ``clock_view(snapshot, config, now())``: a pure function of the clock
state stored in the event file and the wall clock. The QTimer here only asks for a repaint a few
times a second; a late or missed tick changes nothing but how fresh the picture is. When the
view has moved on to another phase than the stored one (a meeting ran out), ``sync`` writes the
change, so the file always says where the session is and a reopened app shows the same second.

``now`` is an attribute so that tests can drive the clock through an hour without waiting.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
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

if TYPE_CHECKING:
    from mentordesk.models.store import EventStore

#: Repaints per second while the clock runs (the seconds digit changes on time within 1/5 s).
REPAINT_MS = 200

Command = Callable[[Session, int, datetime], ClockView]


def _utc_now() -> datetime:
    return datetime.now(UTC)


class ClockDriver(QObject):
    #: The view to show (after every repaint tick and every command).
    view_changed = Signal(object)
    #: A chime is due (each exactly once): a ``Chime``.
    chimed = Signal(object)
    #: A command the clock refused, or a write that failed; one line for the user.
    refused = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.now: Callable[[], datetime] = _utc_now
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
        if changed:
            with store.read_session() as session:
                before = round_clock.current_view(session, flash_id, self.now())
            self.ended_unseen_at = before.finished_at
        self._write(lambda session, fid, now: round_clock.sync(session, fid, now), chime=False)

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
        """The view at ``now()`` from the state last read (no database access)."""
        if self._config is None:
            return None
        return clock_view(self._snapshot, self._config, self.now())

    def tick(self) -> ClockView | None:
        """Repaint: compute the view, emit due chimes, and record a phase change if there was one."""
        view = self.current()
        if view is None:
            return None
        stored = (self._snapshot.state, self._snapshot.round_number, self._snapshot.phase)
        if view.state is not ClockState.IDLE and (view.state, view.round_number, view.phase) != stored:
            self._write(lambda session, fid, now: round_clock.sync(session, fid, now))
            return self._last
        self._emit(view, chime=True)
        return view

    # -- internals

    def _write(self, command: Command, *, chime: bool = True) -> None:
        store, flash_id = self._store, self._flash_id
        if store is None or flash_id is None:
            return
        now = self.now()
        try:
            with store.session() as session:
                command(session, flash_id, now)
        except ClockError as error:
            self.refused.emit(str(error))
        self._reload(chime=chime)

    def _reload(self, *, chime: bool = False) -> None:
        store, flash_id = self._store, self._flash_id
        if store is None or flash_id is None:
            return
        with store.read_session() as session:
            self._snapshot, self._config = clock_inputs(session, flash_id, self.warn_at_ms)
        view = clock_view(self._snapshot, self._config, self.now())
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
