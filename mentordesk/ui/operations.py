"""One door from the screens to the open event: every read (a query) and write (a change).

A screen never opens a database session itself (``tests/unit/test_ui_layering.py`` holds it to
that). It hands :class:`Operations` a plain function of a session — usually one service call —
and says what to do with the result:

- :meth:`Operations.query` runs the function in a read transaction on the window's task manager,
  so several reads can run side by side and none of them blocks the UI thread.
- :meth:`Operations.change` runs it in one write transaction (committed when the function
  returns, rolled back when it raises) on the event's *writer*: one background thread per open
  event, shared by every screen, which runs the changes one after another in the order they were
  asked for. Two scans in a row are recorded in that order, a long import holds the writer and the
  desk's next scan waits behind it instead of meeting a locked file; and the UI thread never waits
  for either.

Whatever goes wrong is sorted into one of three kinds, the same way for every screen:

- **refused** — a :class:`~mentordesk.services.domain_error.DomainError`: the event's rules said
  no ("nobody has that code"). The caller's ``refused`` shows it where the user acted; without
  one, a message box says it. Logged as one line without its text (it may hold a name).
- **environment** — the file is locked, read-only, on a full or failing disk, or gone
  (``models/db_errors.py``). The transaction was rolled back, nothing half-written remains, and
  the main window's banner says what to do until a later change goes through; the screen keeps
  what the user entered, so it can be saved again.
- **unexpected** — anything else: a bug. Logged with its traceback and reported by ``errors``.

A failure of any kind then reaches the caller's ``failed`` (to re-enable a button, say "Not
recorded" on the desk …). Callbacks run on the UI thread, and not at all once ``owner`` — the
widget that asked — has been deleted (a dialog closed while its save was running).

Every change leaves one line in the log (its label and how long it took, or why it failed);
labels are fixed words, never a person's data.
"""

from __future__ import annotations

import enum
import logging
import time
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

import shiboken6
from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from mentordesk.models.db_errors import environment_problem
from mentordesk.services.domain_error import DomainError
from mentordesk.ui import errors
from mentordesk.ui.tasks import ReportProgress, Task, TaskManager

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from mentordesk.models.store import EventStore

log = logging.getLogger(__name__)

T = TypeVar("T")


class FailureKind(enum.Enum):
    REFUSED = "refused"
    ENVIRONMENT = "environment"
    UNEXPECTED = "unexpected"


@dataclass(frozen=True)
class Failure:
    """Why an operation did not finish, already shown to the user (see the module docstring)."""

    kind: FailureKind
    #: In the user's words: the refusal, the environment's problem, or the error's type and text.
    message: str
    error: BaseException


def classify(error: BaseException) -> Failure:
    """Sort ``error`` into one of the three kinds."""
    if isinstance(error, DomainError):
        return Failure(FailureKind.REFUSED, str(error), error)
    problem = environment_problem(error)
    if problem is not None:
        return Failure(FailureKind.ENVIRONMENT, problem, error)
    return Failure(FailureKind.UNEXPECTED, f"{type(error).__name__}: {error}", error)


#: The writer of each open event: a task manager whose jobs run one at a time, in order.
_writers: weakref.WeakKeyDictionary[EventStore, TaskManager] = weakref.WeakKeyDictionary()


def _writer_of(store: EventStore, tasks: TaskManager) -> TaskManager:
    writer = _writers.get(store)
    if writer is None or not shiboken6.isValid(writer):
        writer = tasks.one_at_a_time()
        _writers[store] = writer
    return writer


def finish_changes(store: EventStore, timeout_ms: int = 30_000) -> bool:
    """Wait until the changes asked of ``store`` are written (before the event is closed).

    Their results still arrive later through the event loop; False if the wait timed out."""
    writer = _writers.get(store)
    return writer is None or not shiboken6.isValid(writer) or writer.wait_for_all(timeout_ms)


class Operations:
    """The door to one open event for one screen (cheap: make one wherever a store arrives).

    Every screen's changes to the same event share one writer, whichever ``Operations`` asked.
    """

    def __init__(self, store: EventStore, tasks: TaskManager) -> None:
        self.store = store
        self.tasks = tasks

    @property
    def event_id(self) -> int:
        return self.store.event_id

    def query(
        self,
        label: str,
        work: Callable[[Session], T],
        *,
        done: Callable[[T], None] | None = None,
        refused: Callable[[DomainError], None] | None = None,
        failed: Callable[[Failure], None] | None = None,
        owner: QObject | None = None,
    ) -> Task:
        """Read with ``work(session)`` in the background; ``done(result)`` on the UI thread."""
        return self._start(label, lambda session, _report: work(session), write=False,
                           done=done, refused=refused, failed=failed, owner=owner, progress=None)

    def change(
        self,
        label: str,
        work: Callable[[Session], T],
        *,
        done: Callable[[T], None] | None = None,
        refused: Callable[[DomainError], None] | None = None,
        failed: Callable[[Failure], None] | None = None,
        owner: QObject | None = None,
    ) -> Task:
        """Write with ``work(session)`` on the event's writer, committed when it returns."""
        return self._start(label, lambda session, _report: work(session), write=True,
                           done=done, refused=refused, failed=failed, owner=owner, progress=None)

    def query_with_progress(
        self,
        label: str,
        work: Callable[[Session, ReportProgress], T],
        *,
        progress: Callable[[float], None] | None = None,
        done: Callable[[T], None] | None = None,
        refused: Callable[[DomainError], None] | None = None,
        failed: Callable[[Failure], None] | None = None,
        owner: QObject | None = None,
    ) -> Task:
        """A long read: ``work(session, report)`` reports how far it got (0.0 to 1.0)."""
        return self._start(label, work, write=False, done=done, refused=refused, failed=failed,
                           owner=owner, progress=progress)

    def change_with_progress(
        self,
        label: str,
        work: Callable[[Session, ReportProgress], T],
        *,
        progress: Callable[[float], None] | None = None,
        done: Callable[[T], None] | None = None,
        refused: Callable[[DomainError], None] | None = None,
        failed: Callable[[Failure], None] | None = None,
        owner: QObject | None = None,
    ) -> Task:
        """A long write (an import): ``work(session, report)`` reports how far it got."""
        return self._start(label, work, write=True, done=done, refused=refused, failed=failed,
                           owner=owner, progress=progress)

    # ------------------------------------------------------------------ one way for all four

    def _start(
        self,
        label: str,
        work: Callable[[Session, ReportProgress], T],
        *,
        write: bool,
        done: Callable[[T], None] | None,
        refused: Callable[[DomainError], None] | None,
        failed: Callable[[Failure], None] | None,
        owner: QObject | None,
        progress: Callable[[float], None] | None,
    ) -> Task:
        store = self.store
        runner = _writer_of(store, self.tasks) if write else self.tasks

        def job(report: ReportProgress) -> tuple[T, float]:
            started = time.perf_counter()
            if write:
                with store.session() as session:
                    result = work(session, report)
            else:
                with store.read_session() as session:
                    result = work(session, report)
            return result, (time.perf_counter() - started) * 1000

        def alive() -> bool:
            return owner is None or shiboken6.isValid(owner)

        def on_success(outcome: tuple[T, float]) -> None:
            result, elapsed_ms = outcome
            if write:
                log.info("%s: written in %.0f ms", label, elapsed_ms)
                errors.report_recovered()
            if done is not None and alive():
                done(result)

        def on_failure(error: BaseException) -> None:
            failure = classify(error)
            parent = owner if isinstance(owner, QWidget) and alive() else None
            if failure.kind is FailureKind.REFUSED:
                log.info("%s: refused (%s)", label, type(error).__name__)
                if not alive():
                    return
                if refused is not None:
                    refused(error)  # type: ignore[arg-type]  # classify() saw a DomainError
                else:
                    _show_refusal(failure.message, parent)
            elif failure.kind is FailureKind.ENVIRONMENT:
                log.warning("%s: not %s: %s", label, "written" if write else "read", failure.message)
                errors.report_environment(failure.message, parent)
            else:
                log.error("%s: failed", label)
                errors.report_unexpected(error, parent)
            if failed is not None and alive():
                failed(failure)

        def on_progress(fraction: float) -> None:
            if progress is not None and alive():
                progress(fraction)

        return runner.run(label, job, on_success=on_success, on_failure=on_failure,
                          on_progress=on_progress if progress is not None else None)


def _show_refusal(message: str, parent: QWidget | None) -> None:
    """A refusal no screen shows inline: a message box that does not block."""
    box = QMessageBox(QMessageBox.Icon.Information, "Not done", message, QMessageBox.StandardButton.Ok, parent)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
