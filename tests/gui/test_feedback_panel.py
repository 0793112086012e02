"""The feedback panel inside the Flash page: a tab of its own, following the open event."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from mentordesk.models.store import EventStore
from mentordesk.services.flash import load_problem, plan, replan_saved, save_plan
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


def test_the_page_and_its_feedback_tab_follow_the_same_session_after_an_older_one_is_replanned(
        qtbot: QtBot, demo_store: EventStore) -> None:
    with demo_store.session() as session:
        problem = load_problem(session, demo_store.event_id, rounds=3, seats=1)
        morning = save_plan(session, demo_store.event_id, plan(problem).plan, minutes=7, name="Morning")
        afternoon = save_plan(session, demo_store.event_id, plan(problem).plan, minutes=7, name="Afternoon")
    with demo_store.session() as session:
        replan_saved(session, morning)  # stamps the older session's planned_at again
    page = FlashPage(TaskManager(InlineRunner()))
    qtbot.addWidget(page)
    page.set_store(demo_store)
    page.set_active(True)
    page.tabs.setCurrentWidget(page.feedback)
    assert page.snapshot is not None and page.snapshot.info is not None
    assert page.snapshot.info.id == afternoon
    assert page.feedback.board is not None and page.feedback.board.flash_session_id == afternoon
    assert "Afternoon" in page.feedback.session_label.text()
    page.set_store(None)
