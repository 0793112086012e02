"""Making one document's PDF in the background, with progress and a way to cancel.

A :class:`DocumentBuild` runs ``catalog.build`` through the page's task manager on a read session
of its own. The document's progress callback reports to the task (so a progress bar moves on the
UI thread) and raises :class:`catalog.Cancelled` once :meth:`cancel` was called, which is how a
long export stops between two pages. Exactly one of ``built``, ``refused``, ``cancelled`` or
``failed`` is emitted, on the UI thread. Used by the Print & export page and by the badge printer
of the check-in desk.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from mentordesk.printing import catalog

if TYPE_CHECKING:
    from mentordesk.models.store import EventStore
    from mentordesk.ui.tasks import TaskManager


class DocumentBuild(QObject):
    """One build of one document with fixed options."""

    #: Fraction done, 0.0 to 1.0.
    progressed = Signal(float)
    #: The PDF's bytes.
    built = Signal(bytes)
    #: The document says it cannot be made (``DocumentError``): its one-line reason.
    refused = Signal(str)
    cancelled = Signal()
    #: Something unexpected (a bug, a disk error): the exception.
    failed = Signal(object)

    def __init__(self, tasks: TaskManager, store: EventStore, key: str, options: Mapping[str, Any],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.options = dict(options)
        self._tasks = tasks
        self._store = store
        # Read by the worker, set by the UI thread: an Event is safe across both.
        self._cancel = threading.Event()
        #: True until one of the outcome signals was emitted (the page disables its actions).
        self.running = True

    def start(self) -> None:
        store, key, options, cancel = self._store, self.key, self.options, self._cancel

        def work(report: Any) -> bytes:
            def progress(done: int, total: int) -> None:
                if cancel.is_set():
                    raise catalog.Cancelled
                if total > 0:
                    report(done / total)

            with store.read_session() as session:
                return catalog.build(session, key, options, progress)

        self._tasks.run(f"export.{key}", work, on_success=self._on_task_succeeded,
                        on_failure=self._on_task_failed, on_progress=self._on_task_progressed)

    def cancel(self) -> None:
        """Stop at the document's next progress call (the result, if any, is then dropped)."""
        self._cancel.set()

    @property
    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def _on_task_progressed(self, fraction: float) -> None:
        if not self._cancel.is_set():
            self.progressed.emit(fraction)

    def _on_task_succeeded(self, data: object) -> None:
        self.running = False
        if self._cancel.is_set():
            # Finished before it noticed: the user asked for nothing, so nothing is shown.
            self.cancelled.emit()
        elif not isinstance(data, bytes | bytearray) or bytes(data[:5]) != b"%PDF-":
            self.failed.emit(RuntimeError(f"document {self.key!r} did not produce a PDF"))
        else:
            self.built.emit(bytes(data))

    def _on_task_failed(self, error: object) -> None:
        self.running = False
        if isinstance(error, catalog.Cancelled) or (self._cancel.is_set() and isinstance(error, catalog.DocumentError)):
            self.cancelled.emit()
        elif isinstance(error, catalog.DocumentError):
            self.refused.emit(str(error) or "This document cannot be made for this event.")
        else:
            self.failed.emit(error)
