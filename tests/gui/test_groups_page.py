"""The Groups tab: the list, the empty state, forming groups by hand (drag and drop, keyboard), calendars."""
# ruff: noqa: F811 - the fixtures imported from groups_helpers are test parameters here

from __future__ import annotations

from pathlib import Path

import icalendar
from groups_helpers import group_ids, groups_page, members  # noqa: F401 - fixtures
from PySide6.QtCore import QModelIndex, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from mentordesk.models import GroupKind, MemberRole, Role
from mentordesk.models.store import EventStore
from mentordesk.ui.groups.add_people_dialog import AddPeopleDialog
from mentordesk.ui.groups.empty_panel import NOBODY_TEXT
from mentordesk.ui.groups.group_dialog import GroupDialog
from mentordesk.ui.groups.page import GroupsPage
from mentordesk.ui.itemmodels.group_list_model import Column
from mentordesk.ui.tasks import InlineRunner, TaskManager
from mentordesk.ui.widgets.tables import select_row

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def _cell(page: GroupsPage, name: str, column: Column) -> str:
    model = page.groups_tab.groups_model
    row = next(n for n in range(model.rowCount()) if model.row_at(n).summary.name == name)
    return str(model.data(model.index(row, column)))


def _choose_member(page: GroupsPage, person_id: int) -> None:
    tab = page.groups_tab
    row = tab.members_model.row_of(person_id)
    assert row is not None
    select_row(tab.members_table, row)
    tab.members_table.setFocus()


def test_group_list_shows_kind_size_next_session_and_attendance(groups_page: GroupsPage) -> None:
    tab = groups_page.groups_tab
    assert tab.stack.currentWidget() is tab.splitter
    assert tab.groups_model.rowCount() == 2
    assert _cell(groups_page, "Robotics Circle", Column.KIND) == "Group"
    assert _cell(groups_page, "Career Switchers", Column.KIND) == "Peer circle"
    assert _cell(groups_page, "Robotics Circle", Column.SIZE) == "1 mentor + 5 mentees"
    assert _cell(groups_page, "Robotics Circle", Column.RATE).endswith("%")
    assert "·" in _cell(groups_page, "Robotics Circle", Column.NEXT)
    # The first group is chosen and its members listed.
    assert tab.selected_group() is not None
    assert tab.members_model.rowCount() == 6
    assert "6 members" in tab.members_title.text()


def test_empty_event_says_how_to_start_and_a_group_is_made_by_hand(
    store: EventStore, qtbot: QtBot, add_person
) -> None:  # type: ignore[no-untyped-def]
    page = GroupsPage(TaskManager(InlineRunner()))
    qtbot.addWidget(page)
    page.set_store(store)
    page.show()
    page.set_active(True)
    tab = page.groups_tab
    assert tab.stack.currentWidget() is tab.empty_state
    # Nobody to form groups from: the import comes first; a group can still be made by hand.
    assert tab.empty_label.text() == NOBODY_TEXT
    assert tab.empty_state.import_button.isVisible() and tab.empty_new_button.isVisible()
    assert not tab.empty_form_button.isVisible()

    qtbot.mouseClick(tab.empty_new_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, GroupDialog)
    dialog.name_edit.setText("Ζωή’s circle")
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData(GroupKind.ONE_ON_ONE))
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Save), Qt.MouseButton.LeftButton)

    assert tab.stack.currentWidget() is tab.splitter
    assert tab.selected_group() is not None and tab.selected_group().summary.name == "Ζωή’s circle"
    assert tab.selected_group().summary.kind is GroupKind.ONE_ON_ONE
    assert tab.members_title.text() == "Ζωή’s circle — 0 members"

    # A second group of the same name is refused in the dialog, in words.
    dialog = page.open_group_dialog(None)
    assert dialog is not None
    dialog.name_edit.setText("ζωή’s CIRCLE")
    dialog.save()
    assert dialog.isVisible() and dialog.save_button.isEnabled()
    assert dialog.error_label.isVisibleTo(dialog) and dialog.error_label.text()


def test_keyboard_moves_a_member_to_the_next_group_and_back(
    groups_page: GroupsPage, demo_store: EventStore, qtbot: QtBot
) -> None:
    tab = groups_page.groups_tab
    ids = group_ids(demo_store)
    first = tab.selected_group()
    assert first is not None
    other = next(gid for gid in ids.values() if gid != first.summary.id)
    mentee = next(m for m in tab.members_model.rows if m.role is not MemberRole.MENTOR)
    _choose_member(groups_page, mentee.person_id)

    qtbot.keyClick(tab.members_table, Qt.Key.Key_Down, CTRL_SHIFT)

    assert mentee.person_id in members(demo_store, other)
    assert mentee.person_id not in members(demo_store, first.summary.id)
    # The page follows the person: their new group is chosen, and so are they.
    assert tab.selected_group().summary.id == other
    assert tab.selected_member_ids() == [mentee.person_id]
    assert "Moved 1 person" in groups_page.notice_label.text()

    qtbot.keyClick(tab.members_table, Qt.Key.Key_Up, CTRL_SHIFT)
    assert mentee.person_id in members(demo_store, first.summary.id)
    # Up from the first group goes nowhere and changes nothing.
    qtbot.keyClick(tab.members_table, Qt.Key.Key_Up, CTRL_SHIFT)
    assert mentee.person_id in members(demo_store, first.summary.id)


def test_dragging_members_onto_another_group_moves_them(groups_page: GroupsPage, demo_store: EventStore) -> None:
    tab = groups_page.groups_tab
    source = tab.selected_group()
    assert source is not None
    people = [m.person_id for m in tab.members_model.rows[:2]]
    drag = tab.members_model.mimeData([tab.members_model.index(0, 0), tab.members_model.index(1, 1)])
    target_row = 1 - tab.groups_model.row_of(source.summary.id)  # the other of the two groups
    target = tab.groups_model.index(target_row, 0)
    target_id = tab.groups_model.row_at(target_row).summary.id

    # What the view asks when something is dragged over a row and dropped on it.
    assert not tab.groups_model.canDropMimeData(drag, Qt.DropAction.MoveAction, -1, -1,
                                                tab.groups_model.index(1 - target_row, 0))
    assert tab.groups_model.canDropMimeData(drag, Qt.DropAction.MoveAction, -1, -1, target)
    tab.groups_model.dropMimeData(drag, Qt.DropAction.MoveAction, -1, -1, target)

    moved = members(demo_store, target_id)
    assert all(pid in moved for pid in people)
    assert not any(pid in members(demo_store, source.summary.id) for pid in people)
    assert sorted(tab.selected_member_ids()) == sorted(people)
    # Dropped between rows (no group under the pointer), nothing happens.
    assert not tab.groups_model.canDropMimeData(drag, Qt.DropAction.MoveAction, 0, 0, QModelIndex())


def test_move_to_menu_alt_m(groups_page: GroupsPage, demo_store: EventStore, qtbot: QtBot) -> None:
    tab = groups_page.groups_tab
    member = tab.members_model.rows[-1]
    _choose_member(groups_page, member.person_id)
    qtbot.keyClick(tab.members_table, Qt.Key.Key_M, Qt.KeyboardModifier.AltModifier)
    # In an active window Alt+M is the button's mnemonic, which clicks it a moment later.
    qtbot.waitUntil(lambda: tab.move_menu is not None)
    menu = tab.move_menu
    assert menu is not None and menu.isVisible()
    (action,) = menu.actions()  # the one other group
    target = group_ids(demo_store)[action.text()]
    action.trigger()
    menu.close()
    assert member.person_id in members(demo_store, target)


def test_people_are_added_from_a_search_that_ignores_accents(
    groups_page: GroupsPage, demo_store: EventStore, qtbot: QtBot
) -> None:
    tab = groups_page.groups_tab
    group = tab.selected_group()
    assert group is not None
    qtbot.mouseClick(tab.add_people_button, Qt.MouseButton.LeftButton)
    dialog = groups_page.dialog
    assert isinstance(dialog, AddPeopleDialog)
    everyone = dialog.model.rowCount()
    dialog.ungrouped_check.setChecked(True)  # the two groups hold 12 of the demo's people
    assert dialog.model.rowCount() == everyone - 6
    grouped = {p for gid in group_ids(demo_store).values() for p in members(demo_store, gid)}
    assert not any(c.person_id in grouped for c in dialog.model.rows)
    dialog.ungrouped_check.setChecked(False)
    dialog.search_edit.setText("zoe")
    assert dialog.proxy.rowCount() >= 1
    names = [dialog.proxy.index(r, 0).data() for r in range(dialog.proxy.rowCount())]
    assert all("Zoë" in name or "Zoe" in name for name in names)
    dialog.table.selectRow(0)
    chosen = dialog.chosen_ids()
    dialog.role_combo.setCurrentIndex(dialog.role_combo.findData(MemberRole.MENTEE))
    qtbot.keyClick(dialog.search_edit, Qt.Key.Key_Return)

    assert not dialog.isVisible()
    assert members(demo_store, group.summary.id)[chosen[0]].role is MemberRole.MENTEE
    assert "Added 1 person" in groups_page.notice_label.text()
    assert tab.members_model.row_of(chosen[0]) is not None


def test_archive_restore_and_delete(groups_page: GroupsPage, demo_store: EventStore, qtbot: QtBot) -> None:
    tab = groups_page.groups_tab
    group = tab.selected_group()
    assert group is not None
    qtbot.mouseClick(tab.archive_button, Qt.MouseButton.LeftButton)
    assert tab.selected_group().summary.archived and tab.archive_button.text() == "Restore"
    assert "(archived)" in _cell(groups_page, group.summary.name, Column.NAME)
    qtbot.mouseClick(tab.archive_button, Qt.MouseButton.LeftButton)
    assert not tab.selected_group().summary.archived

    qtbot.mouseClick(tab.delete_button, Qt.MouseButton.LeftButton)
    box = groups_page.dialog
    assert isinstance(box, QMessageBox)
    assert group.summary.name in box.text()
    delete = next(b for b in box.buttons() if b.text() == "Delete")
    qtbot.mouseClick(delete, Qt.MouseButton.LeftButton)
    assert group.summary.name not in group_ids(demo_store)
    assert tab.groups_model.rowCount() == 1


def test_calendar_export_for_a_group_and_for_all(groups_page: GroupsPage, demo_store: EventStore,
                                                 tmp_path: Path) -> None:
    tab = groups_page.groups_tab
    group = tab.selected_group()
    assert group is not None
    one = tmp_path / "one.ics"
    tab.calendar.export(one, group.summary.id)
    events = icalendar.Calendar.from_ical(one.read_bytes()).walk("VEVENT")
    assert len(events) == 4
    assert "4 sessions" in groups_page.notice_label.text()

    chooser = tab.calendar.choose_file(None, "all groups")
    assert chooser is not None and chooser.selectedFiles()[0].endswith("all groups.ics")
    chooser.close()
    every = tmp_path / "all.ics"
    tab.calendar.export(every, None)
    assert len(icalendar.Calendar.from_ical(every.read_bytes()).walk("VEVENT")) == 8
    assert "8 sessions" in groups_page.notice_label.text()


def test_calendar_export_failure_is_one_clear_line(groups_page: GroupsPage, tmp_path: Path) -> None:
    tab = groups_page.groups_tab
    missing = tmp_path / "no such folder" / "x.ics"
    tab.calendar.export(missing, None)
    assert groups_page.error_label.isVisible()
    text = groups_page.error_label.text()
    assert str(missing) in text and "\n" not in text


def test_mentor_can_be_made_a_mentee_from_the_role_menu(groups_page: GroupsPage, demo_store: EventStore) -> None:
    tab = groups_page.groups_tab
    group = tab.selected_group()
    assert group is not None
    mentor = next(m for m in tab.members_model.rows if m.event_role is Role.MENTOR)
    _choose_member(groups_page, mentor.person_id)
    tab.role_actions[MemberRole.PEER].trigger()
    assert members(demo_store, group.summary.id)[mentor.person_id].role is MemberRole.PEER
    assert tab.selected_member_ids() == [mentor.person_id]


def test_a_real_drop_on_the_group_list_moves_the_dragged_members(
    groups_page: GroupsPage, demo_store: EventStore, qtbot: QtBot
) -> None:
    """The drag's payload dropped on a row of the group list view, as the window system delivers it."""
    tab = groups_page.groups_tab
    source = tab.selected_group()
    assert source is not None
    person = tab.members_model.rows[0].person_id
    payload = tab.members_model.mimeData([tab.members_model.index(0, 0)])
    target_row = 1 - tab.groups_model.row_of(source.summary.id)
    target_id = tab.groups_model.row_at(target_row).summary.id
    viewport = tab.groups_table.viewport()
    # Qt's drag-enter and drag-move events take a QPoint, the drop event a QPointF.
    where = tab.groups_table.visualRect(tab.groups_model.index(target_row, 0)).center()
    buttons, plain = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(where, Qt.DropAction.MoveAction, payload, buttons, plain)
    QApplication.sendEvent(viewport, enter)
    assert enter.isAccepted()
    move = QDragMoveEvent(where, Qt.DropAction.MoveAction, payload, buttons, plain)
    QApplication.sendEvent(viewport, move)
    assert move.isAccepted()  # the pointer is over another group: a drop is welcome
    QApplication.sendEvent(viewport, QDropEvent(QPointF(where), Qt.DropAction.MoveAction, payload, buttons, plain))

    assert person in members(demo_store, target_id)
    assert tab.selected_group().summary.id == target_id


def test_the_page_in_the_main_window_loads_in_the_background(window, demo_store: EventStore,
                                                               qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    window.open_event(demo_store.path)
    page = next(p for p in window.workspace.pages if isinstance(p, GroupsPage))
    window.workspace.show_page(window.workspace.pages.index(page))
    qtbot.waitUntil(lambda: page.groups_tab.groups_model.rowCount() == 2, timeout=20_000)
    qtbot.waitUntil(lambda: page.groups_tab.members_model.rowCount() == 6, timeout=20_000)
    page.tabs.setCurrentWidget(page.sessions_tab)
    qtbot.waitUntil(lambda: page.sessions_tab.model.rowCount() > 0, timeout=20_000)


def test_a_group_not_written_for_a_full_disk_stays_in_its_dialog(
    groups_page: GroupsPage, demo_store: EventStore, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    import errno

    from mentordesk.services import groups as svc
    from mentordesk.ui import errors

    def full_disk(*_args: object, **_kwargs: object) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(svc, "create_group", full_disk)
    dialog = groups_page.open_group_dialog(None)
    assert dialog is not None
    dialog.name_edit.setText("Late starters")
    try:
        dialog.save()
        # Said by the operations layer (the main window's banner); the dialog keeps what was typed.
        problem = errors.problem_signals().current
        assert problem is not None and "disk is full" in problem
        assert dialog.isVisible() and dialog.name_edit.text() == "Late starters"
        assert dialog.save_button.isEnabled()
        assert not dialog.error_label.isVisibleTo(dialog)
        assert "Late starters" not in group_ids(demo_store)
    finally:
        if errors._open_box is not None:
            errors._open_box.close()
        errors.report_recovered()
