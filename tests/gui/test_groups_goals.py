"""Goals and history on the Groups page: pick a person (accent-blind), set a goal, record progress."""
# ruff: noqa: F811 - the fixtures imported from groups_helpers are test parameters here

from __future__ import annotations

from datetime import date

from groups_helpers import groups_page  # noqa: F401 - fixtures
from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot

from mentordesk.models import GoalStatus
from mentordesk.models.store import EventStore
from mentordesk.services import groups as svc
from mentordesk.ui.groups.goal_dialog import GoalDialog, ProgressDialog
from mentordesk.ui.groups.goals_tab import PICK_SOMEONE
from mentordesk.ui.groups.page import GroupsPage


def _pick(page: GroupsPage, text: str) -> int:
    tab = page.goals_tab
    page.tabs.setCurrentWidget(tab)
    tab.search_edit.setText(text)
    assert tab.people_proxy.rowCount() == 1
    person_id = tab.selected_person_id()
    assert person_id is not None
    return person_id


def test_history_of_a_person_found_without_accents(groups_page: GroupsPage, demo_store: EventStore) -> None:
    tab = groups_page.goals_tab
    groups_page.tabs.setCurrentWidget(tab)
    assert tab.summary_label.text() == PICK_SOMEONE
    assert not tab.add_goal_button.isEnabled()
    person_id = _pick(groups_page, "lukasz wisn")
    assert tab.name_label.text() == "Łukasz Wiśniewski"
    with demo_store.read_session() as session:
        history = svc.member_history(session, person_id)
    assert tab.history_model.rowCount() == len(history.sessions) > 0
    assert tab.summary_label.text().startswith(f"Came to {history.stats.attended} of {history.stats.held} sessions")
    assert "Robotics Circle (Mentee" in tab.summary_label.text()
    assert tab.goals_model.rowCount() == len(history.goals)


def test_goal_added_and_progressed(groups_page: GroupsPage, demo_store: EventStore, qtbot: QtBot) -> None:
    tab = groups_page.goals_tab
    person_id = _pick(groups_page, "ayse")
    existing = tab.goals_model.rowCount()
    qtbot.mouseClick(tab.add_goal_button, Qt.MouseButton.LeftButton)
    dialog = groups_page.dialog
    assert isinstance(dialog, GoalDialog)
    assert dialog.group_combo.currentText() == "Robotics Circle"  # their only group, chosen for them
    dialog.title_edit.setText("Give a five-minute talk — 발표")
    dialog.target_check.setChecked(True)
    dialog.target_edit.setDate(QDate(2027, 3, 1))
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Save), Qt.MouseButton.LeftButton)
    assert tab.goals_model.rowCount() == existing + 1
    row = next(r for r in range(tab.goals_model.rowCount()) if tab.goals_model.row_at(r).title.startswith("Give"))
    tab.goals_table.selectRow(row)
    assert tab.progress_button.isEnabled()

    qtbot.mouseClick(tab.progress_button, Qt.MouseButton.LeftButton)
    progress = groups_page.dialog
    assert isinstance(progress, ProgressDialog)
    assert progress.history_label.text() == "No progress recorded yet."
    progress.percent_slider.setValue(40)
    assert progress.percent_spin.value() == 40
    progress.date_edit.setDate(QDate(2027, 1, 12))
    progress.comment_edit.setText("Outline done")
    progress.record()
    assert not progress.isVisible()

    with demo_store.read_session() as session:
        goal = next(g for g in svc.list_goals(session, person_id=person_id) if g.title.startswith("Give"))
    assert goal.progress == 40 and goal.target_on == date(2027, 3, 1) and goal.status is GoalStatus.OPEN
    assert [(e.recorded_on, e.percent, e.comment) for e in goal.entries] == [(date(2027, 1, 12), 40, "Outline done")]
    assert goal.group_name == "Robotics Circle"
    row = tab.goals_model.row_of(goal.id)
    assert row is not None and tab.goals_model.data(tab.goals_model.index(row, 4)) == "40 %"

    # A mistyped entry is taken back.
    tab.goals_table.selectRow(row)
    again = tab.open_progress()
    assert again is not None and again.history_label.text() == "Tue 12 Jan 2027: 40 % — Outline done"
    again.percent_spin.setValue(80)
    again.date_edit.setDate(QDate(2027, 1, 20))
    again.record()
    assert not again.isVisible()
    again = tab.open_progress()
    assert again is not None and again.percent_spin.value() == 80
    again.remove_latest()
    assert again.percent_spin.value() == 40 and "80 %" not in again.history_label.text()
    again.reject()

    # Achieved: the status is changed in the goal's own dialog.
    tab.goals_table.selectRow(row)
    edit = tab.open_edit_goal()
    assert edit is not None and edit.title_edit.text() == goal.title
    edit.status_combo.setCurrentIndex(edit.status_combo.findData(GoalStatus.ACHIEVED))
    with qtbot.waitSignal(edit.saved) as saved:
        edit.save()
    assert saved.args == [goal.id]
    with demo_store.read_session() as session:
        assert svc.get_goal(session, goal.id).status is GoalStatus.ACHIEVED
    assert tab.goals_model.data(tab.goals_model.index(tab.goals_model.row_of(goal.id), 3)) == "Achieved"


def test_a_goal_needs_a_title(groups_page: GroupsPage) -> None:
    _pick(groups_page, "ayse")
    dialog = groups_page.goals_tab.open_add_goal()
    assert dialog is not None
    dialog.title_edit.setText("   ")
    dialog.save()
    assert dialog.error_label.text()
    assert dialog.save_button.isEnabled()  # the dialog stays open, ready for a title


def test_enter_on_a_member_opens_their_goals_and_history(groups_page: GroupsPage, qtbot: QtBot) -> None:
    tab = groups_page.groups_tab
    member = tab.members_model.rows[1]
    tab.members_table.selectRow(1)
    tab.members_table.setFocus()
    qtbot.keyClick(tab.members_table, Qt.Key.Key_Return)
    assert groups_page.tabs.currentWidget() is groups_page.goals_tab
    assert groups_page.goals_tab.selected_person_id() == member.person_id
    assert groups_page.goals_tab.name_label.text() == member.name


def test_an_event_without_people_says_where_to_add_them(store: EventStore, qtbot: QtBot) -> None:
    from mentordesk.ui.groups.goals_tab import NOBODY_YET
    from mentordesk.ui.tasks import InlineRunner, TaskManager

    page = GroupsPage(TaskManager(InlineRunner()))
    qtbot.addWidget(page)
    page.set_store(store)
    page.show()
    page.set_active(True)
    page.tabs.setCurrentWidget(page.goals_tab)
    assert page.goals_tab.summary_label.text() == NOBODY_YET
    assert page.goals_tab.stack.currentWidget() is page.goals_tab.empty_state
