"""Every page of an empty event says what to do next, in one style, with the one button that does it
(issue 14, item 16). Opened in the real window, so each button's next step — another page, another
tab, the import — is followed through the workspace as the user sees it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from mentordesk.models.store import EventStore
from mentordesk.ui.checkin.page import NOBODY_REGISTERED, CheckinPage
from mentordesk.ui.flash.feedback_grid import NO_PLAN_TEXT as NO_FEEDBACK_PLAN
from mentordesk.ui.flash.page import FlashPage
from mentordesk.ui.flash.setup_panel import NO_PEOPLE_TEXT
from mentordesk.ui.groups.goals_tab import NOBODY_STATE
from mentordesk.ui.groups.page import GroupsPage
from mentordesk.ui.groups.sessions_tab import NO_GROUPS
from mentordesk.ui.main_window import MainWindow
from mentordesk.ui.people.importing.import_dialog import ImportDialog
from mentordesk.ui.widgets.empty_state import EmptyState


def _open(window: MainWindow, store: EventStore, qtbot: QtBot, key: str) -> None:
    window.open_event(store.path)  # type: ignore[arg-type]
    window.resize(1024, 700)
    window.show()
    qtbot.waitExposed(window)
    window.workspace.show_page(window.workspace.index_of(key))


def _click(qtbot: QtBot, button: QPushButton) -> None:
    assert button.isVisible() and button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _shown(qtbot: QtBot, empty: EmptyState, title: str) -> None:
    qtbot.waitUntil(lambda: empty.isVisible() and empty.text() == title, timeout=10_000)
    assert empty.hint_label.text()  # one sentence says why, and what to do


def _import_opened(window: MainWindow, qtbot: QtBot) -> None:
    people = window.workspace.people
    qtbot.waitUntil(lambda: window.workspace.current_page is people, timeout=10_000)
    dialog = window.workspace.dialog
    assert isinstance(dialog, ImportDialog)
    qtbot.waitUntil(dialog.file_chooser.isVisible, timeout=10_000)  # it asks for the attendee file at once
    dialog.file_chooser.reject()
    dialog.reject()


def test_check_in_with_nobody_registered_offers_the_import(window: MainWindow, store: EventStore,
                                                           qtbot: QtBot) -> None:
    _open(window, store, qtbot, "checkin")
    page = window.workspace.current_page
    assert isinstance(page, CheckinPage)
    _shown(qtbot, page.empty_state, NOBODY_REGISTERED[0])
    _click(qtbot, page.empty_state.action_button)
    _import_opened(window, qtbot)


def test_flash_rounds_with_nobody_checked_in_lead_to_the_check_in_page(window: MainWindow, store: EventStore,
                                                                      qtbot: QtBot) -> None:
    _open(window, store, qtbot, "flash")
    page = window.workspace.current_page
    assert isinstance(page, FlashPage)
    _shown(qtbot, page.setup_panel.empty_state, NO_PEOPLE_TEXT)
    _click(qtbot, page.setup_panel.empty_state.action_button)
    qtbot.waitUntil(lambda: isinstance(window.workspace.current_page, CheckinPage), timeout=10_000)


def test_feedback_without_a_plan_leads_to_the_plan_tab(window: MainWindow, store: EventStore, qtbot: QtBot) -> None:
    _open(window, store, qtbot, "flash")
    page = window.workspace.current_page
    assert isinstance(page, FlashPage) and page.feedback is not None
    page.tabs.setCurrentWidget(page.feedback)
    _shown(qtbot, page.feedback.grid.empty_state, NO_FEEDBACK_PLAN)
    _click(qtbot, page.feedback.grid.empty_state.action_button)
    qtbot.waitUntil(lambda: page.tabs.currentWidget() is page.setup_panel, timeout=10_000)


def test_sessions_without_groups_lead_to_the_groups_tab(window: MainWindow, store: EventStore, qtbot: QtBot) -> None:
    _open(window, store, qtbot, "groups")
    page = window.workspace.current_page
    assert isinstance(page, GroupsPage)
    page.tabs.setCurrentWidget(page.sessions_tab)
    _shown(qtbot, page.sessions_tab.empty_state, NO_GROUPS[0])
    _click(qtbot, page.sessions_tab.empty_state.action_button)
    qtbot.waitUntil(lambda: page.tabs.currentWidget() is page.groups_tab, timeout=10_000)


def test_goals_without_people_offer_the_import(window: MainWindow, store: EventStore, qtbot: QtBot) -> None:
    _open(window, store, qtbot, "groups")
    page = window.workspace.current_page
    assert isinstance(page, GroupsPage)
    page.tabs.setCurrentWidget(page.goals_tab)
    _shown(qtbot, page.goals_tab.empty_state, NOBODY_STATE[0])
    _click(qtbot, page.goals_tab.empty_state.action_button)
    _import_opened(window, qtbot)


def test_the_check_in_desk_shows_the_empty_state_only_while_nobody_is_registered(
    window: MainWindow, store: EventStore, qtbot: QtBot, add_person  # type: ignore[no-untyped-def]
) -> None:
    _open(window, store, qtbot, "checkin")
    page = window.workspace.current_page
    assert isinstance(page, CheckinPage)
    _shown(qtbot, page.empty_state, NOBODY_REGISTERED[0])
    add_person(store, "Ada", "Lovelace")
    page.refresh()
    qtbot.waitUntil(lambda: page.outcome_stack.currentWidget() is page.result_panel, timeout=10_000)


def test_a_document_needing_a_plan_leads_to_the_flash_rounds_page(window: MainWindow, store: EventStore,
                                                                 qtbot: QtBot) -> None:
    from mentordesk.ui.exports.page import PLAN_ACTION, ExportsPage

    _open(window, store, qtbot, "exports")
    page = window.workspace.current_page
    assert isinstance(page, ExportsPage)
    assert page.select_document("schedule")
    _click(qtbot, page.panel.preview_button)
    button = page.panel.message_button
    qtbot.waitUntil(button.isVisible, timeout=10_000)
    assert "cannot be made yet" in page.panel.message_label.text()
    assert button.text() == PLAN_ACTION
    _click(qtbot, button)
    qtbot.waitUntil(lambda: isinstance(window.workspace.current_page, FlashPage), timeout=10_000)


def test_tables_and_people_without_a_plan_lead_to_the_plan_tab(window: MainWindow, store: EventStore,
                                                              qtbot: QtBot) -> None:
    from mentordesk.ui.flash.lookup_panel import NO_PLAN_STATE

    _open(window, store, qtbot, "flash")
    page = window.workspace.current_page
    assert isinstance(page, FlashPage)
    page.tabs.setCurrentWidget(page.lookup)
    _shown(qtbot, page.lookup.empty_state, NO_PLAN_STATE[0])
    _click(qtbot, page.lookup.empty_state.action_button)
    qtbot.waitUntil(lambda: page.tabs.currentWidget() is page.setup_panel, timeout=10_000)


def test_groups_without_people_offer_the_import_and_with_people_the_forming(
    window: MainWindow, store: EventStore, qtbot: QtBot, add_person  # type: ignore[no-untyped-def]
) -> None:
    from mentordesk.models import Role
    from mentordesk.ui.groups.empty_panel import EMPTY_TEXT, NOBODY_TEXT

    _open(window, store, qtbot, "groups")
    page = window.workspace.current_page
    assert isinstance(page, GroupsPage)
    panel = page.groups_tab.empty_state
    qtbot.waitUntil(lambda: panel.isVisible() and panel.message_label.text() == NOBODY_TEXT, timeout=10_000)
    assert not panel.form_button.isVisible()
    _click(qtbot, panel.import_button)
    _import_opened(window, qtbot)

    add_person(store, "Ada", "Lovelace", Role.MENTOR)
    window.workspace.show_page(window.workspace.index_of("groups"))
    page.reload()
    qtbot.waitUntil(lambda: panel.message_label.text() == EMPTY_TEXT and panel.form_button.isVisible(),
                    timeout=10_000)
    assert not panel.import_button.isVisible()
