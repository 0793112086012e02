"""What changed in the event: the tables each commit touched, and a cheap probe for other writers.

:class:`CommitAnnouncer` follows the sessions of one store. It gathers the tables written by each
flush (objects added, changed or deleted, and ORM ``insert``/``update``/``delete`` statements)
and, once the transaction has committed, calls every listener with them — derived from what
was written, never declared by hand. A rollback announces nothing. Listeners run on the thread
that committed (a background task's, often); the screens hand the news to the UI thread.

:class:`DataVersionProbe` notices commits made by *other* connections: the command line, a second
window, another desk on the same file. It asks SQLite for ``PRAGMA data_version`` on a connection
of its own, which changes whenever any other connection commits (about 20 µs a question).

Qt-free: the screens' watcher (``ui/change_watcher.py``) puts the two together.
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.orm import ORMExecuteState, Session, sessionmaker

#: Listeners receive the names of the tables a commit wrote.
CommitListener = Callable[[frozenset[str]], None]

_INFO_KEY = "mentordesk_changed_tables"
log = logging.getLogger(__name__)


class CommitAnnouncer:
    """Calls listeners with the tables each committed transaction of ``factories`` wrote."""

    def __init__(self, *factories: sessionmaker[Session]) -> None:
        self._listeners: list[CommitListener] = []
        self._lock = threading.Lock()
        for factory in factories:
            event.listen(factory, "after_flush", self._on_after_flush)
            event.listen(factory, "do_orm_execute", self._on_do_orm_execute)
            event.listen(factory, "after_commit", self._on_after_commit)
            event.listen(factory, "after_soft_rollback", self._on_after_soft_rollback)

    def add_listener(self, listener: CommitListener) -> None:
        with self._lock:
            self._listeners.append(listener)

    def remove_listener(self, listener: CommitListener) -> None:
        with self._lock, contextlib.suppress(ValueError):
            self._listeners.remove(listener)

    @staticmethod
    def _pending(session: Session) -> set[str]:
        tables: set[str] = session.info.setdefault(_INFO_KEY, set())
        return tables

    def _on_after_flush(self, session: Session, _context: Any) -> None:
        tables = self._pending(session)
        # An object merely touched (an attribute set to the value it had) is in ``dirty`` but
        # writes nothing: announcing it would make a screen that writes as it reads read for ever.
        touched = [instance for instance in session.dirty if session.is_modified(instance)]
        for instance in (*session.new, *touched, *session.deleted):
            mapper = getattr(instance, "__mapper__", None)
            if mapper is not None:
                tables.update(table.name for table in mapper.tables)

    def _on_do_orm_execute(self, state: ORMExecuteState) -> None:
        if state.is_insert or state.is_update or state.is_delete:
            table = getattr(state.statement, "table", None)
            name = getattr(table, "name", None)
            if isinstance(name, str):
                self._pending(state.session).add(name)

    def _on_after_commit(self, session: Session) -> None:
        tables = frozenset(session.info.pop(_INFO_KEY, set()))
        if not tables:
            return
        with self._lock:
            listeners = list(self._listeners)
        for listener in listeners:
            try:
                listener(tables)
            except Exception:
                log.exception("a change listener failed")

    def _on_after_soft_rollback(self, session: Session, previous_transaction: Any) -> None:
        if previous_transaction.parent is None:  # the outermost transaction: nothing was kept
            session.info.pop(_INFO_KEY, None)


class DataVersionProbe:
    """Tells whether another connection has committed to a SQLite file since the last question."""

    def __init__(self, path: Path) -> None:
        self._path = path
        self._conn: sqlite3.Connection | None = None
        self._last: int | None = None

    def changed(self) -> bool:
        """True when another connection committed since the previous call (False the first time)."""
        version = self._read()
        if version is None:
            return False
        changed = self._last is not None and version != self._last
        self._last = version
        return changed

    def close(self) -> None:
        if self._conn is not None:
            with contextlib.suppress(sqlite3.Error):
                self._conn.close()
            self._conn = None

    def _read(self) -> int | None:
        try:
            if self._conn is None:
                # Read-only, and only while the event is open (its -wal/-shm exist then).
                self._conn = sqlite3.connect(f"{self._path.resolve().as_uri()}?mode=ro", uri=True,
                                             check_same_thread=False)
            row = self._conn.execute("PRAGMA data_version").fetchone()
        except sqlite3.Error:
            # The file went away or cannot be read just now: ask again next time.
            self.close()
            return None
        return int(row[0]) if row else None
