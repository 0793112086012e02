"""A row chosen with the mouse does what the same row chosen with the keys does, on every list whose
selection drives another pane or buttons.

A mouse press makes a row current before it selects it; screens that read the selection when the
current row changed saw nothing chosen after a click (issue 14, item 1). Each test clicks with the
real mouse, at the centre of the row on the view's viewport, and looks at what the user would see.
"""
# ruff: noqa: F811 - the fixtures imported from the helpers are test parameters here

from __future__ import annotations

from collections.abc import Iterator

import pytest
from checkin_helpers import Guests, desk, guests, scan, type_name  # noqa: F401 - fixtures
from exports_helpers import open_page
from groups_helpers import class_of_30, class_page, groups_page  # noqa: F401 - fixtures
from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QListWidget
from pytestqt.qtbot import QtBot

from mentordesk.models import PlanMode
from mentordesk.models.store import EventStore
from mentordesk.services import groups as svc
from mentordesk.ui.checkin.page import CheckinPage
from mentordesk.ui.exports.page import ROW_ROLE
from mentordesk.ui.flash.page import FlashPage
from mentordesk.ui.groups.add_people_dialog import AddPeopleDialog
from mentordesk.ui.groups.auto_form_dialog import AutoFormDialog
from mentordesk.ui.groups.goals_tab import PICK_SOMEONE
from mentordesk.ui.groups.page import GroupsPage
from mentordesk.ui.main_window import MainWindow
from mentordesk.ui.people.page import PeoplePage
from mentordesk.ui.tasks import InlineRunner, TaskManager
from mentordesk.ui.widgets.bidi import strip_isolates
from mentordesk.ui.widgets.tables import current_row


def click_row(qtbot: QtBot, view: QAbstractItemView, row: int) -> None:
    """Click the row with the left button, in its first visible column, as a user would."""
    model = view.model()
    column = next(c for c in range(model.columnCount())
                  if not getattr(view, "isColumnHidden", lambda _c: False)(c))
    index = model.index(row, column)
    view.scrollTo(index)
    rect = view.visualRect(index)
    assert rect.isValid() and view.viewport().rect().contains(rect.center()), "the row is not on screen"
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def click_item(qtbot: QtBot, view: QListWidget, row: int) -> None:
    item = view.item(row)
    view.scrollToItem(item)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualItemRect(item).center())


# -- Groups


def test_clicking_a_group_lists_its_members_and_enables_its_actions(groups_page: GroupsPage, qtbot: QtBot) -> None:
    tab = groups_page.groups_tab
    assert tab.groups_model.rowCount() == 2
    for row in (1, 0, 1):
        name = tab.groups_model.row_at(row).summary.name
        click_row(qtbot, tab.groups_table, row)
        group = tab.selected_group()
        assert group is not None and group.summary.name == name
        qtbot.waitUntil(lambda name=name: tab.members_title.text().startswith(f"{name} — "), timeout=20_000)
        assert tab.members_model.rowCount() == 6
        for button in (tab.edit_button, tab.archive_button, tab.delete_button, tab.add_people_button):
            assert button.isEnabled()


def test_clicking_a_member_enables_the_member_actions(groups_page: GroupsPage, qtbot: QtBot) -> None:
    tab = groups_page.groups_tab
    assert not tab.remove_button.isEnabled()
    click_row(qtbot, tab.members_table, 2)
    assert tab.selected_member_ids() == [tab.members_model.row_at(2).person_id]
    assert tab.remove_button.isEnabled() and tab.move_button.isEnabled()


def test_clicking_a_proposed_group_lists_its_members(class_page: GroupsPage, qtbot: QtBot) -> None:
    tab = class_page.groups_tab
    qtbot.mouseClick(tab.empty_form_button, Qt.MouseButton.LeftButton)
    dialog = class_page.dialog
    assert isinstance(dialog, AutoFormDialog)
    qtbot.waitUntil(lambda: dialog.proposal is not None and dialog.groups_model.rowCount() == 6, timeout=20_000)
    assert dialog.proposal is not None
    for row in (2, 4, 0):
        click_row(qtbot, dialog.groups_table, row)
        group = dialog.proposal.groups[row]
        shown = {member.person_id for member in dialog.members_model.rows}
        assert shown == set(group.mentor_ids) | set(group.mentee_ids) and shown
    click_row(qtbot, dialog.members_table, 1)
    assert dialog.move_button.isEnabled()
    dialog.reject()


def test_clicking_a_person_in_goals_shows_their_history(groups_page: GroupsPage, qtbot: QtBot) -> None:
    tab = groups_page.goals_tab
    groups_page.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.people_proxy.rowCount() > 3, timeout=20_000)
    for row in (3, 1):
        click_row(qtbot, tab.people_table, row)
        person_id = tab.selected_person_id()
        assert person_id is not None
        qtbot.waitUntil(lambda: tab.summary_label.text() != PICK_SOMEONE, timeout=20_000)
        assert tab.name_label.text() == tab.people_proxy.index(row, 0).data()
        assert tab.add_goal_button.isEnabled()


def test_clicking_a_goal_enables_its_actions(groups_page: GroupsPage, demo_store: EventStore, qtbot: QtBot) -> None:
    tab = groups_page.goals_tab
    groups_page.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.people_proxy.rowCount() > 1, timeout=20_000)
    source = tab.people_proxy.mapToSource(tab.people_proxy.index(0, 0)).row()
    person_id = tab.people_model.row_at(source).person_id
    with demo_store.session() as session:
        for title in ("Build a robot arm", "Give a talk"):
            svc.add_goal(session, person_id, title)
    # Choosing the person (again) reads their goals.
    click_row(qtbot, tab.people_table, 1)
    click_row(qtbot, tab.people_table, 0)
    qtbot.waitUntil(lambda: tab.goals_model.rowCount() >= 2, timeout=20_000)
    tab.goals_table.clearSelection()
    assert not tab.progress_button.isEnabled()
    click_row(qtbot, tab.goals_table, 1)
    goal = tab.selected_goal()
    assert goal is not None and goal.id == tab.goals_model.row_at(1).id
    assert tab.edit_goal_button.isEnabled() and tab.progress_button.isEnabled()


def test_clicking_a_session_enables_its_actions(groups_page: GroupsPage, qtbot: QtBot) -> None:
    tab = groups_page.sessions_tab
    groups_page.tabs.setCurrentWidget(tab)
    tab.when_combo.setCurrentIndex(tab.when_combo.count() - 1)
    qtbot.waitUntil(lambda: tab.model.rowCount() > 2, timeout=20_000)
    tab.table.clearSelection()
    assert not tab.notes_button.isEnabled()
    click_row(qtbot, tab.table, 2)
    info = tab.selected_session()
    assert info is not None and info.id == tab.model.row_at(2).id
    assert tab.notes_button.isEnabled() and tab.move_button.isEnabled()


def test_clicking_people_to_add_to_a_group_counts_them(groups_page: GroupsPage, qtbot: QtBot) -> None:
    tab = groups_page.groups_tab
    qtbot.mouseClick(tab.add_people_button, Qt.MouseButton.LeftButton)
    dialog = groups_page.dialog
    assert isinstance(dialog, AddPeopleDialog)
    qtbot.waitUntil(lambda: dialog.model.rowCount() > 1, timeout=20_000)
    dialog.table.clearSelection()
    assert not dialog.add_button.isEnabled()
    click_row(qtbot, dialog.table, 1)
    assert len(dialog.chosen_ids()) == 1
    assert dialog.add_button.isEnabled()
    dialog.reject()


# -- People


@pytest.fixture
def people_page(window: MainWindow, demo_store: EventStore, qtbot: QtBot) -> PeoplePage:
    window.open_event(demo_store.path)  # type: ignore[arg-type]
    window.workspace.show_page(1)
    page = window.workspace.people
    assert isinstance(page, PeoplePage)
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=20_000)
    return page


def test_clicking_a_person_enables_edit_and_erase(people_page: PeoplePage, qtbot: QtBot) -> None:
    people_page.table.clearSelection()
    assert not people_page.edit_button.isEnabled()
    click_row(qtbot, people_page.table, 4)
    person = people_page.selected_person()
    index = people_page.proxy.mapToSource(people_page.proxy.index(4, 0))
    assert person is not None and person.id == people_page.model.row_at(index.row()).id
    assert people_page.edit_button.isEnabled() and people_page.erase_button.isEnabled()


# -- Check-in


def test_clicking_one_of_two_matches_chooses_it(desk: CheckinPage, guests: Guests, qtbot: QtBot) -> None:
    type_name(qtbot, desk, "anna nov")
    view = desk.candidates_view
    assert [c.card.name for c in view.model.rows] == ["Anna Novák", "Anna Nováková"]
    with qtbot.waitSignal(view.choice_changed) as chosen:
        click_row(qtbot, view.table, 1)
    assert chosen.args is not None and chosen.args[0] is not None
    assert chosen.args[0].card.name == "Anna Nováková"
    current = view.current()
    assert current is not None and current.card.name == "Anna Nováková"


def test_clicking_a_recent_check_in_makes_it_the_check_out_target(
    desk: CheckinPage, guests: Guests, qtbot: QtBot
) -> None:
    scan(qtbot, desk, guests.zoe.code)
    scan(qtbot, desk, guests.mentor.code)
    qtbot.waitUntil(lambda: desk.recent.model.rowCount() >= 2, timeout=20_000)
    older = desk.recent.model.row_at(1)
    click_row(qtbot, desk.recent.table, 1)
    assert desk.recent.selected_line() == older
    qtbot.waitUntil(lambda: strip_isolates(desk.recent.target_label.text()) == f"Check-out applies to {older.name}.",
                    timeout=20_000)


# -- Flash rounds: finding a person by name


@pytest.fixture
def flash_page(qtbot: QtBot) -> Iterator[FlashPage]:
    shown = FlashPage(TaskManager(InlineRunner()))
    qtbot.addWidget(shown)
    shown.resize(900, 640)
    shown.show()
    qtbot.waitExposed(shown)
    yield shown
    shown.set_store(None)


def test_clicking_one_of_several_people_in_the_lookup_shows_their_tables(
    flash_page: FlashPage, demo_store: EventStore, qtbot: QtBot
) -> None:
    flash_page.set_store(demo_store)
    flash_page.set_active(True)
    flash_page.setup_panel.mode_combo.setCurrentIndex(flash_page.setup_panel.mode_combo.findData(PlanMode.MATCH.value))
    flash_page.setup_panel.plan_button.click()
    lookup = flash_page.lookup
    flash_page.tabs.setCurrentWidget(lookup)
    lookup.name_edit.setText("a")  # many people have an "a" in their name
    qtbot.waitUntil(lambda: lookup.matches.count() > 2, timeout=20_000)
    second = lookup.matches.item(2)
    click_item(qtbot, lookup.matches, 2)
    assert lookup.person_id == second.data(Qt.ItemDataRole.UserRole)
    assert lookup.person_title.text().startswith(second.text())


# -- Print & export


def test_clicking_a_document_shows_its_options(demo_store: EventStore, qtbot: QtBot) -> None:
    exports = open_page(qtbot, demo_store)
    view = exports.documents_view
    qtbot.waitUntil(lambda: view.model().rowCount() > 3, timeout=20_000)
    for row in (3, 1):
        click_row(qtbot, view, row)
        kind = view.model().index(row, 0).data(ROW_ROLE)
        assert exports.current_kind == kind
        assert exports.panel.document_title.text() == kind.title


# -- The shared helper


def test_the_chosen_row_is_the_selected_one_while_a_click_is_half_done(groups_page: GroupsPage) -> None:
    """Between the press making a row current and the selection following it, the choice is the row still
    selected, not nothing."""
    table = groups_page.groups_tab.groups_table
    assert current_row(table) == 0
    table.selectionModel().setCurrentIndex(table.model().index(1, 0), QItemSelectionModel.SelectionFlag.NoUpdate)
    assert current_row(table) == 0
    table.selectionModel().clearSelection()
    assert current_row(table) is None
    assert not table.selectionModel().isRowSelected(1, QModelIndex())


def test_the_helper_calls_back_once_per_choice_by_mouse_key_or_code(qtbot: QtBot) -> None:
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QTableView

    from mentordesk.ui.widgets.tables import on_choice_changed, select_row, set_up_table

    model = QStandardItemModel()
    for name in ("Ada", "Bo", "Cy", "Di"):
        model.appendRow([QStandardItem(name), QStandardItem("x")])
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    set_up_table(view)
    chosen: list[int | None] = []
    on_choice_changed(view, lambda: chosen.append(current_row(view)))
    view.resize(300, 200)
    view.show()
    qtbot.waitExposed(view)

    click_row(qtbot, view, 2)
    assert chosen == [2]
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Down)
    assert chosen == [2, 3]
    select_row(view, 0)
    assert chosen == [2, 3, 0]
    click_row(qtbot, view, 0)  # the same row again: nothing changed
    assert chosen == [2, 3, 0]
    view.clearSelection()
    assert chosen == [2, 3, 0, None]
