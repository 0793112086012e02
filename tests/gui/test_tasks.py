"""Background work: results, failures and progress come back on the UI thread."""

from __future__ import annotations

import threading

import pytest
from pytestqt.qtbot import QtBot

from mentordesk.ui.tasks import InlineRunner, TaskManager, ThreadPoolRunner


def test_work_runs_off_the_ui_thread_and_reports_back_on_it(qtbot: QtBot) -> None:
    manager = TaskManager(ThreadPoolRunner())
    seen: dict[str, object] = {}

    def work(report):  # type: ignore[no-untyped-def]
        seen["worker_is_main"] = threading.current_thread() is threading.main_thread()
        report(0.5)
        return 42

    def on_success(result: object) -> None:
        seen["result"] = result
        seen["callback_is_main"] = threading.current_thread() is threading.main_thread()

    progress: list[float] = []
    busy: list[bool] = []
    manager.busy_changed.connect(busy.append)
    task = manager.run("answer", work, on_success=on_success, on_progress=progress.append)
    assert manager.busy
    with qtbot.waitSignal(task.finished, timeout=20_000):
        pass
    assert seen == {"worker_is_main": False, "result": 42, "callback_is_main": True}
    assert progress == [0.5]
    assert busy == [True, False]
    assert not manager.busy


def test_an_exception_is_delivered_not_raised(qtbot: QtBot) -> None:
    manager = TaskManager(ThreadPoolRunner())
    failures: list[BaseException] = []

    def work(_report):  # type: ignore[no-untyped-def]
        raise ValueError("disk full")

    task = manager.run("fail", work, on_failure=failures.append)
    with qtbot.waitSignal(task.finished, timeout=20_000):
        pass
    assert [str(e) for e in failures] == ["disk full"]
    assert isinstance(task.error, ValueError)


def test_inline_runner_finishes_before_run_returns() -> None:
    manager = TaskManager(InlineRunner())
    results: list[object] = []
    task = manager.run("now", lambda report: (report(1.0), "done")[1], on_success=results.append)
    assert results == ["done"]
    assert task.done
    assert not manager.busy


@pytest.mark.parametrize("fraction, expected", [(-1.0, 0.0), (0.25, 0.25), (3.0, 1.0)])
def test_progress_is_clamped(fraction: float, expected: float) -> None:
    manager = TaskManager(InlineRunner())
    progress: list[float] = []
    manager.run("p", lambda report: report(fraction), on_progress=progress.append)
    assert progress == [expected]
