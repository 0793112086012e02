"""Telling the screens that the open event changed, instead of each page re-reading on a timer.

One :class:`ChangeWatcher` per open event, shared by the pages that show it (:func:`acquire` /
:func:`release`). It emits :attr:`ChangeWatcher.changed` on the UI thread:

* with the names of the tables a commit of this app wrote, right after it committed (from
  ``EventStore.changes``; a burst of commits is announced once, ``COALESCE_MS`` later);
* with ``None`` ("anything may have changed") when another process committed: the command line,
  a second window, another desk on the same file. A probe asks SQLite every ``PROBE_MS`` whether
  any other connection committed (``PRAGMA data_version``, about 20 µs). The probe cannot tell
  this app's own commits from others', so while this app writes it announces "anything" at most
  every ``BUSY_RECHECK_MS`` — a change from elsewhere shows within that, and a busy desk does not
  re-read everything after each of its own scans.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from mentordesk.models.changes import DataVersionProbe
from mentordesk.models.store import EventStore

PROBE_MS = 400
COALESCE_MS = 30
BUSY_RECHECK_MS = 3_000


class ChangeWatcher(QObject):
    #: Something in the event changed: a frozenset of table names, or None for "anything".
    changed = Signal(object)
    #: A commit of this app (emitted on the committing thread, delivered on the UI thread).
    _committed = Signal(object)

    def __init__(self, store: EventStore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self._pending: set[str] = set()
        self._anything = False
        self._local_commits = 0
        self._probe = DataVersionProbe(store.path) if store.path is not None else None
        self.coalesce_timer = QTimer(self)
        self.coalesce_timer.setSingleShot(True)
        self.coalesce_timer.setInterval(COALESCE_MS)
        self.probe_timer = QTimer(self)
        self.probe_timer.setInterval(PROBE_MS)
        self.busy_timer = QTimer(self)
        self.busy_timer.setSingleShot(True)
        self.busy_timer.setInterval(BUSY_RECHECK_MS)
        self._connect_signals()
        self._listener = self._committed.emit
        store.changes.add_listener(self._listener)
        if self._probe is not None:
            self._probe.changed()  # the first answer only sets the baseline
            self.probe_timer.start()

    def _connect_signals(self) -> None:
        # Queued even when the commit happened on the UI thread: listeners never run inside the
        # committing call.
        self._committed.connect(self._on_committed, Qt.ConnectionType.QueuedConnection)
        self.coalesce_timer.timeout.connect(self._on_coalesce_timer_timeout)
        self.probe_timer.timeout.connect(self._on_probe_timer_timeout)
        self.busy_timer.timeout.connect(self._on_busy_timer_timeout)

    @property
    def sees_other_writers(self) -> bool:
        """Whether commits of other processes are noticed (SQLite files; not yet database servers)."""
        return self._probe is not None

    def stop(self) -> None:
        """Stop watching (the event is being closed)."""
        self.store.changes.remove_listener(self._listener)
        self.probe_timer.stop()
        self.coalesce_timer.stop()
        self.busy_timer.stop()
        if self._probe is not None:
            self._probe.close()

    def probe_now(self) -> None:
        """Ask at once whether another process committed (the timer asks every PROBE_MS)."""
        self._on_probe_timer_timeout()

    def _on_committed(self, tables: frozenset[str]) -> None:
        self._local_commits += 1
        self._pending.update(tables)
        if not self.coalesce_timer.isActive():
            self.coalesce_timer.start()

    def _on_probe_timer_timeout(self) -> None:
        if self._probe is None or not self._probe.changed():
            return
        if self._local_commits:
            # Probably our own commits (already announced with their tables); check once more later
            # in case another process wrote in the same moment.
            self._local_commits = 0
            if not self.busy_timer.isActive():
                self.busy_timer.start()
            return
        self._announce_anything()

    def _on_busy_timer_timeout(self) -> None:
        self._announce_anything()

    def _announce_anything(self) -> None:
        self._anything = True
        if not self.coalesce_timer.isActive():
            self.coalesce_timer.start()

    def _on_coalesce_timer_timeout(self) -> None:
        tables: frozenset[str] | None = None if self._anything else frozenset(self._pending)
        self._pending.clear()
        self._anything = False
        self.changed.emit(tables)


_watchers: dict[int, tuple[ChangeWatcher, int]] = {}


def acquire(store: EventStore) -> ChangeWatcher:
    """The watcher of ``store``, made on first use; every acquire needs its :func:`release`."""
    key = id(store)
    watcher, users = _watchers.get(key, (None, 0))
    if watcher is None:
        watcher = ChangeWatcher(store)
    _watchers[key] = (watcher, users + 1)
    return watcher


def release(store: EventStore) -> None:
    key = id(store)
    if key not in _watchers:
        return
    watcher, users = _watchers[key]
    if users > 1:
        _watchers[key] = (watcher, users - 1)
        return
    del _watchers[key]
    watcher.stop()
    watcher.deleteLater()
