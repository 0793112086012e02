"""The one door from screens to the event: queries, changes in order, and the three kinds of failure."""

from __future__ import annotations

import errno
import logging
import threading

import pytest
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from mentordesk.models import Person, Role
from mentordesk.models.store import EventStore
from mentordesk.services import checkin, people
from mentordesk.services.checkin import CheckinError
from mentordesk.services.domain_error import DomainError
from mentordesk.ui import errors
from mentordesk.ui.main_window import MainWindow
from mentordesk.ui.operations import Failure, FailureKind, Operations, finish_changes
from mentordesk.ui.tasks import InlineRunner, TaskManager, ThreadPoolRunner


def _add(session: Session, event_id: int, first: str, last: str = "Okafor") -> int:
    person = Person(event_id=event_id, first_name=first, last_name=last, role=Role.MENTEE,
                    badge_code=people.new_badge_code(session, event_id))
    session.add(person)
    session.flush()
    return person.id


def _count(store: EventStore) -> int:
    with store.read_session() as session:
        return session.scalar(select(func.count()).select_from(Person)) or 0


def test_a_query_reads_off_the_ui_thread_and_answers_on_it(qtbot: QtBot, store: EventStore) -> None:
    ops = Operations(store, TaskManager(ThreadPoolRunner()))
    seen: dict[str, object] = {}

    def read(session: Session) -> int:
        seen["worker"] = threading.current_thread() is not threading.main_thread()
        return session.scalar(select(func.count()).select_from(Person)) or 0

    def done(count: int) -> None:
        seen["count"] = count
        seen["answered_on_ui_thread"] = threading.current_thread() is threading.main_thread()

    task = ops.query("test.count", read, done=done)
    qtbot.waitUntil(lambda: task.done, timeout=20_000)
    assert seen == {"worker": True, "count": 0, "answered_on_ui_thread": True}


def test_changes_are_written_one_at_a_time_in_the_order_asked(qtbot: QtBot, store: EventStore) -> None:
    # Two screens with their own task managers still share the event's one writer.
    desk, dialog = (Operations(store, TaskManager(ThreadPoolRunner())) for _ in range(2))
    written: list[int] = []
    names = [f"Person {n:02}" for n in range(30)]
    for n, name in enumerate(names):
        ops = desk if n % 2 else dialog
        ops.change("test.add", lambda s, name=name: _add(s, store.event_id, name), done=written.append)
    qtbot.waitUntil(lambda: len(written) == len(names), timeout=20_000)
    assert written == sorted(written)
    with store.read_session() as session:
        in_order = list(session.scalars(select(Person.first_name).order_by(Person.id)))
    assert in_order == names


def test_a_refusal_goes_to_where_the_user_acted(qtbot: QtBot, store: EventStore) -> None:
    ops = Operations(store, TaskManager(InlineRunner()))
    refusals: list[DomainError] = []
    failures: list[Failure] = []
    ops.change("test.check_out", lambda s: checkin.check_out(s, _add(s, store.event_id, "Ada"), station="Desk"),
               refused=refusals.append, failed=failures.append)
    assert [type(error) for error in refusals] == [CheckinError]
    assert [failure.kind for failure in failures] == [FailureKind.REFUSED]
    # The refused change was rolled back as a whole: Ada was not added either.
    assert _count(store) == 0


def test_a_refusal_nobody_shows_inline_gets_a_message_box(qtbot: QtBot, store: EventStore) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)

    def refuse(_session: Session) -> None:
        raise CheckinError("Ada is not checked in, so there is nothing to check out.")

    Operations(store, TaskManager(InlineRunner())).change("test.refuse", refuse, owner=parent)
    boxes = parent.findChildren(QMessageBox)
    assert [box.text() for box in boxes] == ["Ada is not checked in, so there is nothing to check out."]


def test_an_environment_failure_shows_the_banner_until_a_change_goes_through(
    qtbot: QtBot, store: EventStore, caplog: pytest.LogCaptureFixture
) -> None:
    window = MainWindow(tasks=TaskManager(InlineRunner()))
    qtbot.addWidget(window)
    window.show()
    ops = Operations(store, window.tasks)
    failures: list[Failure] = []

    def fill_the_disk(session: Session) -> None:
        _add(session, store.event_id, "Grace")
        raise OSError(errno.ENOSPC, "No space left on device")

    with caplog.at_level(logging.INFO, logger="mentordesk"):
        ops.change("test.add_on_full_disk", fill_the_disk, failed=failures.append)
    assert [failure.kind for failure in failures] == [FailureKind.ENVIRONMENT]
    banner = window.problem_banner
    assert banner.isVisible()
    assert banner.message == "The disk is full: nothing was saved; free some space and try again."
    assert banner.accessibleName() == "Problem with the event file"
    assert _count(store) == 0, "the change was rolled back, not half-written"
    assert errors._open_box is None, "a banner, not a dialog"
    assert "test.add_on_full_disk: not written: the disk is full" in caplog.text
    assert "Grace" not in caplog.text

    with caplog.at_level(logging.INFO, logger="mentordesk"):
        ops.change("test.add", lambda s: _add(s, store.event_id, "Grace"))
    assert not banner.isVisible()
    assert _count(store) == 1
    assert "test.add: written in" in caplog.text


def test_the_banner_can_be_dismissed_with_a_click(qtbot: QtBot) -> None:
    from PySide6.QtCore import Qt

    window = MainWindow(tasks=TaskManager(InlineRunner()))
    qtbot.addWidget(window)
    window.show()
    errors.report_environment("the event file is busy: another program kept it locked for too long")
    banner = window.problem_banner
    assert banner.isVisible()
    qtbot.mouseClick(banner.dismiss_button, Qt.MouseButton.LeftButton)
    assert not banner.isVisible()
    errors.report_recovered()


def test_anything_else_is_reported_as_unexpected(qtbot: QtBot, store: EventStore) -> None:
    parent = QLabel()
    qtbot.addWidget(parent)
    failures: list[Failure] = []

    def broken(_session: Session) -> None:
        raise KeyError("no such column")

    try:
        Operations(store, TaskManager(InlineRunner())).query("test.broken", broken, failed=failures.append,
                                                             owner=parent)
        assert [failure.kind for failure in failures] == [FailureKind.UNEXPECTED]
        assert errors._open_box is not None
        assert "KeyError" in errors._open_box.text()
    finally:
        if errors._open_box is not None:
            errors._open_box.close()


def test_no_answer_reaches_a_widget_that_is_gone(qtbot: QtBot, store: EventStore) -> None:
    ops = Operations(store, TaskManager(ThreadPoolRunner()))
    dialog = QWidget()
    answers: list[int] = []
    gate = threading.Event()

    def slow(session: Session) -> int:
        gate.wait(10)
        return _add(session, store.event_id, "Lin")

    task = ops.change("test.slow", slow, done=answers.append, owner=dialog)
    dialog.deleteLater()
    qtbot.waitUntil(lambda: not _alive(dialog), timeout=20_000)
    gate.set()
    qtbot.waitUntil(lambda: task.done, timeout=20_000)
    assert answers == []
    assert _count(store) == 1, "the change itself was still written"


def test_closing_the_event_waits_for_the_changes_asked_for(qtbot: QtBot, store: EventStore) -> None:
    ops = Operations(store, TaskManager(ThreadPoolRunner()))
    for n in range(10):
        ops.change("test.add", lambda s, n=n: _add(s, store.event_id, f"P{n}"))
    assert finish_changes(store)
    assert _count(store) == 10


def _alive(widget: QWidget) -> bool:
    import shiboken6

    return shiboken6.isValid(widget)
