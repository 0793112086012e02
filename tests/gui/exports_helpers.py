"""The Print & export page as the exports tests open it (imported by those test files)."""

from __future__ import annotations

from focus_helpers import activate
from pytestqt.qtbot import QtBot

from mentordesk.models.store import EventStore
from mentordesk.ui.exports.page import ExportsPage
from mentordesk.ui.tasks import InlineRunner, Runner, TaskManager


def open_page(qtbot: QtBot, store: EventStore | None, runner: Runner | None = None) -> ExportsPage:
    """The page shown and active on ``store``; reads and builds run inline unless ``runner`` says otherwise."""
    page = ExportsPage(TaskManager(runner or InlineRunner()))
    qtbot.addWidget(page)
    page.resize(1100, 760)
    page.set_store(store)
    page.show()
    page.set_active(True)
    qtbot.waitExposed(page)
    # The page's keys (Ctrl+P, Ctrl+S, F5) are shortcuts: Qt delivers them only in the active window.
    activate(qtbot, page)
    return page
