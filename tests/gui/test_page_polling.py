"""The page base: a page re-reads the event on its timer only while it is visible and an event is open."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from mentordesk.models.store import EventStore
from mentordesk.ui.tasks import InlineRunner, TaskManager
from mentordesk.ui.widgets.page import Page


class CountingPage(Page):
    key = "counting"
    title = "Counting"
    refresh_interval_ms = 20

    def __init__(self, tasks: TaskManager) -> None:
        super().__init__(tasks)
        self.polls = 0

    def poll(self) -> None:
        self.polls += 1


def test_polls_only_while_visible_with_an_event_open(store: EventStore, qtbot: QtBot) -> None:
    page = CountingPage(TaskManager(InlineRunner()))
    qtbot.addWidget(page)
    page.set_active(True)
    assert not page.refresh_timer.isActive()  # no event open: nothing to read
    page.set_store(store)
    assert page.refresh_timer.isActive() and page.refresh_timer.interval() == 20
    qtbot.waitUntil(lambda: page.polls >= 2, timeout=10_000)

    page.set_active(False)  # another page is shown
    assert not page.refresh_timer.isActive()
    page.set_active(True)
    assert page.refresh_timer.isActive()
    page.set_store(None)  # the event is closed
    assert not page.refresh_timer.isActive()


def test_a_page_without_an_interval_never_polls(store: EventStore, qtbot: QtBot) -> None:
    page = Page(TaskManager(InlineRunner()))
    qtbot.addWidget(page)
    page.set_store(store)
    page.set_active(True)
    assert not page.refresh_timer.isActive()
