"""The feedback panel inside the Flash page: a tab of its own, following the open event."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from mentordesk.models.store import EventStore
from mentordesk.ui.flash.feedback_panel import FeedbackPanel
from mentordesk.ui.flash.page import FlashPage
from mentordesk.ui.tasks import InlineRunner, TaskManager


def test_the_flash_page_has_a_feedback_tab(qtbot: QtBot, demo_store: EventStore) -> None:
    page = FlashPage(TaskManager(InlineRunner()))
    qtbot.addWidget(page)
    assert isinstance(page.feedback, FeedbackPanel)
    page.set_store(demo_store)
    assert page.feedback.store is demo_store
    page.tabs.setCurrentWidget(page.feedback)
    assert page.feedback.board is not None
    page.set_store(None)
    assert page.feedback.store is None
    assert page.feedback.board is None
