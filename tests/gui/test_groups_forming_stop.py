"""Form automatically…: a proposal being made shows its progress and can be stopped (Stop, or closing
the dialog); the work itself then stops, and "Propose again" makes it anew."""
# ruff: noqa: F811 - the fixtures imported from groups_helpers are test parameters here

from __future__ import annotations

import logging
from collections.abc import Callable

import pytest
from groups_helpers import class_of_30  # noqa: F401 - fixture
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from mentordesk.models.store import EventStore
from mentordesk.ui.groups.auto_form_dialog import AutoFormDialog
from mentordesk.ui.operations import Operations
from mentordesk.ui.tasks import Runner, TaskManager


class HeldRunner:
    """Holds each job until the test lets it run: the moment between asking and answering, made still."""

    def __init__(self) -> None:
        self.jobs: list[Callable[[], None]] = []

    def start(self, job: Callable[[], None]) -> None:
        self.jobs.append(job)

    def wait(self, timeout_ms: int) -> bool:
        return not self.jobs

    def one_at_a_time(self) -> Runner:
        return self

    def run_all(self) -> None:
        jobs, self.jobs = self.jobs, []
        for job in jobs:
            job()


def test_stop_ends_the_work_and_propose_again_makes_it(
    class_of_30: EventStore, qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    runner = HeldRunner()
    dialog = AutoFormDialog(Operations(class_of_30, TaskManager(runner)))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.progress_bar.isVisible() and dialog.stop_button.isVisible()
    assert dialog.stop_button.text() == "S&top" and not dialog.create_button.isEnabled()

    qtbot.mouseClick(dialog.stop_button, Qt.MouseButton.LeftButton)
    assert dialog.score_label.text().startswith("Stopped") and dialog.score_label.isVisible()
    assert not dialog.progress_bar.isVisible() and not dialog.create_button.isEnabled()
    assert dialog.stop_button.text() == "&Propose again"
    with caplog.at_level(logging.INFO):
        runner.run_all()  # the held work runs now, and stops at its first look at the flag
    assert "groups.propose: refused (FormingCancelled)" in caplog.text
    assert dialog.proposal is None and dialog.score_label.text().startswith("Stopped")

    qtbot.mouseClick(dialog.stop_button, Qt.MouseButton.LeftButton)
    assert dialog.progress_bar.isVisible() and dialog.stop_button.text() == "S&top"
    runner.run_all()
    qtbot.waitUntil(lambda: dialog.proposal is not None, timeout=10_000)
    assert len(dialog.proposal.groups) == 6 and dialog.create_button.isEnabled()
    assert dialog.progress_bar.value() == 100
    assert not dialog.progress_bar.isVisible() and not dialog.stop_button.isVisible()
    assert dialog.score_label.text().startswith("Sizes are even")


def test_a_newer_proposal_or_closing_the_dialog_stops_the_one_being_made(
    class_of_30: EventStore, qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    runner = HeldRunner()
    dialog = AutoFormDialog(Operations(class_of_30, TaskManager(runner)))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.count_spin.setValue(3)
    dialog.propose()  # the options changed: the first proposal is no longer wanted
    with caplog.at_level(logging.INFO):
        runner.run_all()
    assert caplog.text.count("refused (FormingCancelled)") == 1
    qtbot.waitUntil(lambda: dialog.proposal is not None, timeout=10_000)
    assert len(dialog.proposal.groups) == 3

    dialog.count_spin.setValue(4)
    dialog.propose()
    dialog.reject()  # Cancel: the dialog closes, and its work stops too
    with caplog.at_level(logging.INFO):
        runner.run_all()
    assert caplog.text.count("refused (FormingCancelled)") == 2
