"""Making one document's PDF in the background, with progress and a way to cancel.

A :class:`DocumentBuild` runs ``catalog.build`` as a query with progress of the operations layer
(``ui/operations.py``). The document's progress callback reports to the query (so a progress bar
moves on the UI thread) and raises :class:`catalog.Cancelled` once :meth:`cancel` was called, which
is how a long export stops between two pages. Exactly one of ``built``, ``refused``, ``cancelled``
or ``failed`` is emitted, on the UI thread; by the time ``failed`` is, the operations layer has
already told the user (the banner for a file that cannot be read, the error report for a bug).
Used by the Print & export page and by the badge printer of the check-in desk.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from mentordesk.printing import catalog
from mentordesk.ui.operations import Failure, Operations

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from mentordesk.models.store import EventStore
    from mentordesk.ui.tasks import ReportProgress, TaskManager


class _Refused:
    """The document cannot be made (``DocumentError``), or the build was cancelled: not failures
    of the operations layer's kinds, so they come back as results."""

    def __init__(self, reason: str | None) -> None:
        #: None: cancelled.
        self.reason = reason


class DocumentBuild(QObject):
    """One build of one document with fixed options."""

    #: Fraction done, 0.0 to 1.0.
    progressed = Signal(float)
    #: The PDF's bytes.
    built = Signal(bytes)
    #: The document says it cannot be made (``DocumentError``): its one-line reason.
    refused = Signal(str)
    cancelled = Signal()
    #: Something unexpected (a bug, a disk error), already reported: the exception.
    failed = Signal(object)

    def __init__(self, tasks: TaskManager, store: EventStore, key: str, options: Mapping[str, Any],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.options = dict(options)
        self._ops = Operations(store, tasks)
        # Read by the worker, set by the UI thread: an Event is safe across both.
        self._cancel = threading.Event()
        #: True until one of the outcome signals was emitted (the page disables its actions).
        self.running = True

    def start(self) -> None:
        key, options, cancel = self.key, self.options, self._cancel

        def work(session: Session, report: ReportProgress) -> bytes | _Refused:
            def progress(done: int, total: int) -> None:
                if cancel.is_set():
                    raise catalog.Cancelled
                if total > 0:
                    report(done / total)

            try:
                return catalog.build(session, key, options, progress)
            except catalog.Cancelled:
                return _Refused(None)
            except catalog.DocumentError as exc:
                return _Refused(None if cancel.is_set() else str(exc) or "This document cannot be made for this event.")

        # The document's key is a fixed word of the catalog (never a person's data).
        self._ops.query_with_progress(f"export.{key}", work, progress=self._on_task_progressed,
                                      done=self._on_task_succeeded, failed=self._on_task_failed, owner=self)

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
        if isinstance(data, _Refused) and data.reason is not None:
            self.refused.emit(data.reason)
        elif self._cancel.is_set() or isinstance(data, _Refused):
            # Finished before it noticed: the user asked for nothing, so nothing is shown.
            self.cancelled.emit()
        elif not isinstance(data, bytes | bytearray) or bytes(data[:5]) != b"%PDF-":
            self.failed.emit(RuntimeError(f"document {self.key!r} did not produce a PDF"))
        else:
            self.built.emit(bytes(data))

    def _on_task_failed(self, failure: Failure) -> None:
        self.running = False
        self.failed.emit(failure.error)
