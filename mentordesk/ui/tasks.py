"""Background work, in one place.

Anything that may take long (saving a copy, imports, big exports, planning a large event) runs
through a :class:`TaskManager`: the work is a plain callable that receives a ``report(fraction)``
function and returns a result. It runs off the UI thread; its progress, result or exception come
back to the UI thread as the signals of a :class:`Task`. Worker code never touches a widget.

Tests that want the work done synchronously give the manager an :class:`InlineRunner`; the
thread-pool runner is the default everywhere else.

Lifetimes are arranged so that nothing Qt is ever destroyed on a worker thread: a job holds no
reference to a QObject except one relay that lives as long as the application, and it names
its task by number. A result for a manager or task that is gone is dropped.
"""

from __future__ import annotations

import itertools
import weakref
from collections.abc import Callable
from typing import Any, Protocol

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QThreadPool, Signal, Slot

#: The work's way to say how far it got, 0.0 to 1.0. Safe to call from any thread.
ReportProgress = Callable[[float], None]
Work = Callable[[ReportProgress], Any]


class Runner(Protocol):
    """Where jobs run: a thread pool in the app, the calling thread in some tests."""

    def start(self, job: Callable[[], None]) -> None: ...

    def wait(self, timeout_ms: int) -> bool: ...

    def one_at_a_time(self) -> Runner:
        """A runner of the same kind that runs its jobs one after another, in order."""
        ...


class ThreadPoolRunner:
    """Runs jobs on a private QThreadPool (so nothing else competes for its threads)."""

    def __init__(self, max_threads: int = 2) -> None:
        self._pool = QThreadPool()
        self._pool.setMaxThreadCount(max_threads)

    def start(self, job: Callable[[], None]) -> None:
        # A plain callable rather than a QRunnable subclass: nothing for Python's garbage
        # collector to delete while the pool is still running it.
        self._pool.start(job)

    def wait(self, timeout_ms: int) -> bool:
        return self._pool.waitForDone(timeout_ms)

    def one_at_a_time(self) -> Runner:
        # A pool of one thread takes its queue first in, first out.
        return ThreadPoolRunner(max_threads=1)


class InlineRunner:
    """Runs each job at once in the calling thread; results arrive before ``run`` returns."""

    def start(self, job: Callable[[], None]) -> None:
        job()

    def wait(self, timeout_ms: int) -> bool:
        return True

    def one_at_a_time(self) -> Runner:
        return self


class Task(QObject):
    """One piece of work, as seen from the UI thread."""

    progressed = Signal(float)
    succeeded = Signal(object)
    failed = Signal(object)
    #: Emitted after ``succeeded`` or ``failed``, whichever happened.
    finished = Signal()

    def __init__(self, label: str) -> None:
        super().__init__()
        self.label = label
        self.done = False
        self.result: Any = None
        self.error: BaseException | None = None


class _Relay(QObject):
    """Carries messages from workers to the UI thread. Emitting from a worker queues the call
    to the thread this object lives in (the UI thread); with the inline runner it is direct."""

    progressed = Signal(int, int, float)
    finished = Signal(int, int, bool, object)

    def __init__(self) -> None:
        super().__init__()
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.progressed.connect(self._on_self_progressed)
        self.finished.connect(self._on_self_finished)

    @Slot(int, int, float)
    def _on_self_progressed(self, manager_id: int, task_id: int, fraction: float) -> None:
        manager = _live_manager(manager_id)
        if manager is not None:
            manager._deliver_progress(task_id, fraction)

    @Slot(int, int, bool, object)
    def _on_self_finished(self, manager_id: int, task_id: int, ok: bool, outcome: object) -> None:
        manager = _live_manager(manager_id)
        if manager is not None:
            manager._deliver_outcome(task_id, ok, outcome)


_relay: _Relay | None = None
_managers: weakref.WeakValueDictionary[int, TaskManager] = weakref.WeakValueDictionary()
_ids = itertools.count(1)


def _live_manager(manager_id: int) -> TaskManager | None:
    """The manager, unless it (or the Qt object behind it, e.g. with its window) is gone."""
    manager = _managers.get(manager_id)
    return manager if manager is not None and shiboken6.isValid(manager) else None


def _the_relay() -> _Relay:
    global _relay
    if _relay is None:
        _relay = _Relay()
        app = QCoreApplication.instance()
        if app is not None:
            # Owned by the application object, so it outlives every window and worker.
            _relay.setParent(app)
    return _relay


class TaskManager(QObject):
    """Starts tasks and keeps track of the ones still running."""

    busy_changed = Signal(bool)

    def __init__(self, runner: Runner | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner: Runner = runner or ThreadPoolRunner()
        self._running: dict[int, Task] = {}
        self._id = next(_ids)
        _managers[self._id] = self
        self._relay = _the_relay()

    @property
    def busy(self) -> bool:
        return bool(self._running)

    def one_at_a_time(self) -> TaskManager:
        """A new manager whose jobs run one after another, in the order they were started."""
        return TaskManager(self._runner.one_at_a_time())

    def run(
        self,
        label: str,
        work: Work,
        *,
        on_success: Callable[[Any], None] | None = None,
        on_failure: Callable[[BaseException], None] | None = None,
        on_progress: Callable[[float], None] | None = None,
    ) -> Task:
        """Run ``work(report)`` in the background; the callbacks run on the UI thread."""
        task = Task(label)
        # Connected before the job starts, so an inline runner cannot outrun them.
        if on_progress is not None:
            task.progressed.connect(on_progress)
        if on_success is not None:
            task.succeeded.connect(on_success)
        if on_failure is not None:
            task.failed.connect(on_failure)
        task_id = next(_ids)
        was_busy = self.busy
        self._running[task_id] = task
        if not was_busy:
            self.busy_changed.emit(True)

        relay, manager_id = self._relay, self._id

        def report(fraction: float) -> None:
            relay.progressed.emit(manager_id, task_id, min(1.0, max(0.0, float(fraction))))

        def job() -> None:
            # Runs in a worker thread: it only emits the relay's signals.
            try:
                outcome, ok = work(report), True
            except Exception as exc:  # noqa: BLE001 - every failure goes back to the UI to be shown
                outcome, ok = exc, False
            relay.finished.emit(manager_id, task_id, ok, outcome)

        self._runner.start(job)
        return task

    def wait_for_all(self, timeout_ms: int = 30_000) -> bool:
        """Block until no job is running any more (used before the event is closed).

        Results of those jobs are still delivered later, through the event loop."""
        return self._runner.wait(timeout_ms)

    def _deliver_progress(self, task_id: int, fraction: float) -> None:
        task = self._running.get(task_id)
        if task is not None:
            task.progressed.emit(fraction)

    def _deliver_outcome(self, task_id: int, ok: bool, outcome: object) -> None:
        task = self._running.pop(task_id, None)
        if task is None:
            return
        task.done = True
        if ok:
            task.result = outcome
            task.succeeded.emit(outcome)
        else:
            task.error = outcome  # type: ignore[assignment]
            task.failed.emit(outcome)
        task.finished.emit()
        if not self._running:
            self.busy_changed.emit(False)
