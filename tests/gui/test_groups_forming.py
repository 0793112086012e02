"""Forming groups automatically: the proposal, adjusted by the coordinator (keyboard, drag and drop,
renaming), then accepted — for a class of 30 with six mentors."""
# ruff: noqa: F811 - the fixtures imported from groups_helpers are test parameters here

from __future__ import annotations

from groups_helpers import class_of_30, class_page, group_ids, members  # noqa: F401 - fixtures
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from mentordesk.models import MemberRole, Role
from mentordesk.models.store import EventStore
from mentordesk.ui.groups.auto_form_dialog import AutoFormDialog
from mentordesk.ui.groups.page import GroupsPage
from mentordesk.ui.itemmodels.group_proposal_model import UNASSIGNED, GroupColumn
from mentordesk.ui.operations import Operations
from mentordesk.ui.tasks import TaskManager, ThreadPoolRunner
from mentordesk.ui.widgets.tables import select_row

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def _open(page: GroupsPage, qtbot: QtBot) -> AutoFormDialog:
    tab = page.groups_tab
    assert tab.stack.currentWidget() is tab.empty_state
    qtbot.mouseClick(tab.empty_form_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, AutoFormDialog)
    return dialog


def test_proposal_for_six_groups_is_balanced_and_scored(class_page: GroupsPage, qtbot: QtBot) -> None:
    dialog = _open(class_page, qtbot)
    assert dialog.count_spin.value() == 6
    proposal = dialog.proposal
    assert proposal is not None and len(proposal.groups) == 6
    assert {len(g.mentee_ids) for g in proposal.groups} == {5}
    assert all(len(g.mentor_ids) == 1 for g in proposal.groups)
    assert dialog.score_label.text().startswith("Sizes are even")
    assert "share a topic" in dialog.score_label.text()
    assert dialog.groups_model.rowCount() == 6
    assert dialog.members_model.rowCount() == 6  # the first group: its mentor and five mentees

    # By size instead: groups of 4 make 8 groups (30 / 4, rounded up), sizes within one of each other.
    dialog.size_radio.setChecked(True)
    dialog.size_spin.setValue(4)
    qtbot.waitUntil(lambda: dialog.proposal is not None and len(dialog.proposal.groups) == 8)
    assert max(len(g.mentee_ids) for g in dialog.proposal.groups) - min(
        len(g.mentee_ids) for g in dialog.proposal.groups) <= 1
    assert "no mentor" in dialog.score_label.text()  # six mentors for eight groups: said plainly


def test_adjusted_proposal_is_what_gets_created(
    class_page: GroupsPage, class_of_30: EventStore, qtbot: QtBot
) -> None:
    dialog = _open(class_page, qtbot)
    # Keyboard: choose a mentee in the first group and move them down to the second group.
    mentee = next(c for c in dialog.members_model.rows if c.role is Role.MENTEE)
    select_row(dialog.members_table, dialog.members_model.row_of(mentee.person_id))
    dialog.members_table.setFocus()
    qtbot.keyClick(dialog.members_table, Qt.Key.Key_Down, CTRL_SHIFT)
    assert dialog.proposal is not None
    assert mentee.person_id in dialog.proposal.groups[1].mentee_ids
    assert dialog.chosen_ids() == [mentee.person_id]  # the view follows them
    assert dialog.groups_model.data(dialog.groups_model.index(1, GroupColumn.MENTEES)) == "6"
    assert dialog.score_label.text().startswith("Sizes differ by up to 2")

    # Drag and drop: another mentee of group 3 onto group 5.
    select_row(dialog.groups_table, 2)
    dragged = next(c for c in dialog.members_model.rows if c.role is Role.MENTEE)
    model = dialog.members_model
    drag = model.mimeData([model.index(model.row_of(dragged.person_id), 0)])
    dialog.groups_model.dropMimeData(drag, Qt.DropAction.MoveAction, -1, -1, dialog.groups_model.index(4, 0))
    assert dragged.person_id in dialog.proposal.groups[4].mentee_ids

    # Alt+M ▸ Leave out: the person waits in "Not placed" and is not put in any group.
    left_out = next(c for c in dialog.members_model.rows if c.role is Role.MENTEE and c.person_id != dragged.person_id)
    select_row(dialog.members_table, dialog.members_model.row_of(left_out.person_id))
    menu = dialog.open_move_menu()
    assert menu is not None
    next(a for a in menu.actions() if a.text().startswith("Leave out")).trigger()
    menu.close()
    assert left_out.person_id in dialog.proposal.unassigned
    assert dialog.groups_model.key_at(dialog.groups_model.rowCount() - 1) == UNASSIGNED

    # Rename the first group from the keyboard: F2, type, Enter.
    select_row(dialog.groups_table, 0)
    dialog.groups_table.setFocus()
    qtbot.keyClick(dialog.groups_table, Qt.Key.Key_F2)
    (editor,) = dialog.groups_table.viewport().findChildren(QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, "Robotics crew")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # The delegate commits on the next turn of the event loop.
    qtbot.waitUntil(lambda: dialog.proposal is not None and dialog.proposal.groups[0].name == "Robotics crew")

    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    ids = group_ids(class_of_30)
    assert len(ids) == 6 and "Robotics crew" in ids
    second = members(class_of_30, ids[dialog.proposal.groups[1].name])
    assert second[mentee.person_id].role is MemberRole.MENTEE
    assert len(second) == 7
    assert dragged.person_id in members(class_of_30, ids[dialog.proposal.groups[4].name])
    assert all(left_out.person_id not in members(class_of_30, gid) for gid in ids.values())
    assert "Created 6 groups" in class_page.notice_label.text()
    assert class_page.groups_tab.stack.currentWidget() is class_page.groups_tab.splitter
    assert class_page.groups_tab.selected_group().summary.name == "Robotics crew"


def test_names_already_taken_are_refused_before_anything_is_written(
    class_page: GroupsPage, class_of_30: EventStore, qtbot: QtBot
) -> None:
    dialog = _open(class_page, qtbot)
    dialog.rename(1, dialog.proposal.groups[0].name)
    dialog.accept_proposal()
    assert dialog.isVisible()
    assert dialog.error_label.isVisibleTo(dialog) and "both called" in dialog.error_label.text()
    assert group_ids(class_of_30) == {}


def test_proposals_are_made_in_the_background_and_only_the_newest_is_shown(
    class_of_30: EventStore, qtbot: QtBot
) -> None:
    tasks = TaskManager(ThreadPoolRunner())
    dialog = AutoFormDialog(Operations(class_of_30, tasks))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.proposing and not dialog.create_button.isEnabled()
    # Three requests in a row (a spin box held down): each starts its own background work, and the
    # answers may arrive in any order; the one shown must be for the last options.
    for count in (3, 4, 5):
        dialog.count_spin.setValue(count)
        dialog.propose()
    qtbot.waitUntil(lambda: not tasks.busy, timeout=20_000)
    assert not dialog.proposing
    assert dialog.proposal is not None and len(dialog.proposal.groups) == 5
    assert dialog.groups_model.rowCount() == 5
    assert dialog.create_button.isEnabled()
    assert dialog.score_label.text().startswith("Sizes")


def test_accepting_while_a_proposal_is_on_its_way_uses_the_options_shown(
    class_of_30: EventStore, qtbot: QtBot
) -> None:
    tasks = TaskManager(ThreadPoolRunner())
    dialog = AutoFormDialog(Operations(class_of_30, tasks))
    qtbot.addWidget(dialog)
    dialog.count_spin.setValue(2)  # starts the rest timer; Enter comes before it runs out
    with qtbot.waitSignal(dialog.accepted_groups, timeout=20_000) as created:
        dialog.accept_proposal()
    assert len(created.args[0]) == 2
    assert len(group_ids(class_of_30)) == 2
    qtbot.waitUntil(lambda: not tasks.busy, timeout=20_000)  # the late answer is dropped harmlessly
    assert dialog.proposal is not None and len(dialog.proposal.groups) == 2
