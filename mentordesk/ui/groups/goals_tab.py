"""The Goals & history tab: pick a person, see their groups, sessions attended and goals, and set goals.

The person list is searchable as you type, accent- and case-blind. Everything shown comes from the
groups service's ``member_history``; goals are added and progressed through its goal functions,
written through the operations layer (the page's :meth:`GroupsHost.change` and the goal dialogs).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mentordesk.services import groups as svc
from mentordesk.ui.groups.goal_dialog import GoalDialog, ProgressDialog
from mentordesk.ui.itemmodels.group_candidate_model import CandidateFilterModel, GroupCandidateModel
from mentordesk.ui.itemmodels.group_candidate_model import Column as PersonColumn
from mentordesk.ui.itemmodels.group_goal_model import Column as GoalColumn
from mentordesk.ui.itemmodels.group_goal_model import GroupGoalModel
from mentordesk.ui.itemmodels.group_history_model import Column as HistoryColumn
from mentordesk.ui.itemmodels.group_history_model import GroupHistoryModel
from mentordesk.ui.widgets.empty_state import EmptyState
from mentordesk.ui.widgets.group_labels import ROLE_LABELS, plural, rate_text
from mentordesk.ui.widgets.naming import named
from mentordesk.ui.widgets.page import IMPORT_PEOPLE
from mentordesk.ui.widgets.tables import current_row, on_choice_changed, select_row, set_up_table

if TYPE_CHECKING:
    from mentordesk.ui.groups.host import GroupsHost

PICK_SOMEONE = "Choose someone on the left to see their groups, attendance and goals."
NOBODY_YET = "No mentors or mentees in this event yet: add or import them on the People page."
#: The tab's empty state while the event has nobody (title, sentence, button).
NOBODY_STATE = ("No mentors or mentees yet", "Goals and history belong to the people in groups: "
                "import your attendee list first.", "Import people…")


def history_text(history: svc.MemberHistory) -> str:
    """One paragraph: attendance overall, then each group with the person's role and rate there."""
    s = history.stats
    if not history.groups:
        return f"{history.name} is not in any group yet."
    if not s.held:
        attended = "No sessions held yet"
    elif s.rate is None:
        attended = f"{plural(s.held, 'session', 'sessions')} held, no attendance recorded yet"
    else:
        attended = f"Came to {s.attended} of {plural(s.held, 'session', 'sessions')} held ({rate_text(s.rate)})"
    if s.rate is not None and (s.late or s.excused):
        attended += f", {s.late} late, {s.excused} excused"
    groups = "; ".join(f"{g.name} ({ROLE_LABELS.get(g.role, 'left') if g.role else 'left'}, {rate_text(g.stats.rate)})"
                       for g in history.groups)
    return f"{attended}. Groups: {groups}."


class GoalsTab(QWidget):
    changed = Signal()

    def __init__(self, page: GroupsHost) -> None:
        super().__init__()
        self.page = page
        self.people_model = GroupCandidateModel(self)
        self.people_proxy = CandidateFilterModel(self)
        self.people_proxy.setSourceModel(self.people_model)
        self.goals_model = GroupGoalModel(self)
        self.history_model = GroupHistoryModel(self)
        self.history: svc.MemberHistory | None = None
        #: Person to choose once the list of people arrives (opened from another tab).
        self._person_after_load: int | None = None
        self._people_loaded = False
        self._build()
        self._connect_signals()
        self._update_view()

    def _build(self) -> None:
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText("Find a person")
        self.search_edit.setClearButtonEnabled(True)
        self.people_table = named(QTableView(), "goalPeople")
        self.people_table.setModel(self.people_proxy)
        set_up_table(self.people_table, short_columns=(PersonColumn.ROLE,))
        for column in (PersonColumn.DEPARTMENT, PersonColumn.TOPICS):
            self.people_table.hideColumn(column)
        left = QWidget()
        left.setMinimumWidth(190)  # room for a name, even in the smallest window
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.search_edit)
        left_layout.addWidget(self.people_table, 1)

        self.name_label = named(QLabel(""), "sectionTitle")
        self.name_label.setTextFormat(Qt.TextFormat.PlainText)
        self.summary_label = named(QLabel(PICK_SOMEONE), "pageSubtitle")
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextFormat(Qt.TextFormat.PlainText)
        self.goals_table = named(QTableView(), "goalsTable")
        self.goals_table.setModel(self.goals_model)
        set_up_table(self.goals_table, short_columns=(GoalColumn.TARGET, GoalColumn.STATUS, GoalColumn.PROGRESS))
        self.add_goal_button = QPushButton("Add goal…")
        self.edit_goal_button = QPushButton("Edit…")
        self.progress_button = QPushButton("Record progress…")
        self.delete_goal_button = QPushButton("Delete")
        goal_buttons = QHBoxLayout()
        goal_buttons.addWidget(named(QLabel("Goals"), "sectionTitle"), 1)
        for button in (self.add_goal_button, self.edit_goal_button, self.progress_button, self.delete_goal_button):
            goal_buttons.addWidget(button)
        self.history_table = named(QTableView(), "historyTable")
        self.history_table.setModel(self.history_model)
        set_up_table(self.history_table, short_columns=(HistoryColumn.WHEN, HistoryColumn.STATUS))
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.name_label)
        right_layout.addWidget(self.summary_label)
        right_layout.addLayout(goal_buttons)
        right_layout.addWidget(self.goals_table, 2)
        right_layout.addWidget(named(QLabel("Sessions"), "sectionTitle"))
        right_layout.addWidget(self.history_table, 3)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 5)
        self.empty_state = EmptyState()
        self.empty_state.show_next_step(*NOBODY_STATE)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.splitter)
        self.stack.addWidget(self.empty_state)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 10, 0, 0)
        layout.addWidget(self.stack)

    def _connect_signals(self) -> None:
        self.search_edit.textChanged.connect(self._on_search_edit_text_changed)
        on_choice_changed(self.people_table, self._on_people_table_choice_changed)
        on_choice_changed(self.goals_table, self._on_goals_table_choice_changed)
        self.goals_table.doubleClicked.connect(self._on_progress_button_clicked)
        self.add_goal_button.clicked.connect(self._on_add_goal_button_clicked)
        self.edit_goal_button.clicked.connect(self._on_edit_goal_button_clicked)
        self.progress_button.clicked.connect(self._on_progress_button_clicked)
        self.delete_goal_button.clicked.connect(self._on_delete_goal_button_clicked)
        self.empty_state.action_requested.connect(self._on_empty_state_action_requested)

    # -- reading

    def clear(self) -> None:
        self._people_loaded = False
        self.people_model.set_rows([])
        self._show_history(None)

    def reload(self) -> None:
        self.page.load("groups.people", lambda s, e: svc.available_people(s, e), self._show_people)
        self._load_history()

    def _show_people(self, people: list[svc.Candidate]) -> None:
        self._people_loaded = True
        chosen = self.selected_person_id()
        if [p.person_id for p in people] != [p.person_id for p in self.people_model.rows]:
            self.people_model.set_rows(people)
            if chosen is not None:
                self.select_person(chosen)
            if self.history is None:
                self.summary_label.setText(self._no_one_text())
        if self._person_after_load is not None:
            wanted, self._person_after_load = self._person_after_load, None
            self.select_person(wanted)
        self._update_view()

    def show_person(self, person_id: int) -> None:
        """Show someone's goals and history (now, or as soon as the list of people is read)."""
        self.search_edit.clear()
        if not self.select_person(person_id):
            self._person_after_load = person_id

    def _load_history(self) -> None:
        person_id = self.selected_person_id()
        if person_id is None:
            self._show_history(None)
            return
        self.page.load(f"groups.history.{person_id}", lambda s, _e: svc.member_history(s, person_id),
                       self._on_history_loaded)

    def _on_history_loaded(self, history: svc.MemberHistory) -> None:
        if history.person_id == self.selected_person_id():
            self._show_history(history)

    def _show_history(self, history: svc.MemberHistory | None) -> None:
        goal = self.selected_goal()
        self.history = history
        self.goals_model.set_rows(history.goals if history else [])
        sessions = sorted(history.sessions, key=lambda s: s.starts_at, reverse=True) if history else []
        self.history_model.set_rows(sessions)
        if goal is not None and (row := self.goals_model.row_of(goal.id)) is not None:
            select_row(self.goals_table, row)
        self.name_label.setText(history.name if history else "")
        self.summary_label.setText(history_text(history) if history else self._no_one_text())
        self._update_view()

    # -- what the tab offers

    def selected_person_id(self) -> int | None:
        row = current_row(self.people_table)
        if row is None:
            return None
        return self.people_model.row_at(self.people_proxy.mapToSource(self.people_proxy.index(row, 0)).row()).person_id

    def select_person(self, person_id: int) -> bool:
        source = self.people_model.row_of(person_id)
        if source is None:
            return False
        index = self.people_proxy.mapFromSource(self.people_model.index(source, 0))
        if not index.isValid():
            return False
        select_row(self.people_table, index.row())
        return True

    def selected_goal(self) -> svc.GoalInfo | None:
        row = current_row(self.goals_table)
        return self.goals_model.row_at(row) if row is not None else None

    def open_add_goal(self) -> GoalDialog | None:
        return self._open_goal_dialog(None)

    def open_edit_goal(self) -> GoalDialog | None:
        goal = self.selected_goal()
        return self._open_goal_dialog(goal.id) if goal is not None else None

    def open_progress(self) -> ProgressDialog | None:
        goal = self.selected_goal()
        ops = self.page.ops
        if goal is None or ops is None:
            return None
        dialog = ProgressDialog(ops, goal.id, self)
        dialog.saved.connect(self._on_goal_saved)
        return self.page.open(dialog)

    def _open_goal_dialog(self, goal_id: int | None) -> GoalDialog | None:
        history = self.history
        ops = self.page.ops
        if history is None or ops is None:
            return None
        groups = [(g.group_id, g.name) for g in history.groups if g.role is not None]
        dialog = GoalDialog(ops, history.person_id, history.name, groups, self, goal_id=goal_id)
        if goal_id is None and len(groups) == 1:
            dialog.group_combo.setCurrentIndex(1)
        dialog.saved.connect(self._on_goal_saved)
        return self.page.open(dialog)

    # -- helpers

    def _no_one_text(self) -> str:
        return NOBODY_YET if self._people_loaded and not self.people_model.rowCount() else PICK_SOMEONE

    def _update_view(self) -> None:
        nobody = self._people_loaded and not self.people_model.rowCount()
        self.stack.setCurrentWidget(self.empty_state if nobody else self.splitter)
        person = self.history is not None
        goal = self.selected_goal() is not None
        self.add_goal_button.setEnabled(person)
        for button in (self.edit_goal_button, self.progress_button, self.delete_goal_button):
            button.setEnabled(goal)

    # -- slots

    def _on_empty_state_action_requested(self) -> None:
        self.page.ask_next_step(IMPORT_PEOPLE)

    def _on_search_edit_text_changed(self, text: str) -> None:
        self.people_proxy.set_query(text)
        if self.people_proxy.rowCount() and self.selected_person_id() is None:
            select_row(self.people_table, 0)

    def _on_people_table_choice_changed(self) -> None:
        self._load_history()

    def _on_goals_table_choice_changed(self) -> None:
        self._update_view()

    def _on_add_goal_button_clicked(self) -> None:
        self.open_add_goal()

    def _on_edit_goal_button_clicked(self) -> None:
        self.open_edit_goal()

    def _on_progress_button_clicked(self, *_args: object) -> None:
        self.open_progress()

    def _on_delete_goal_button_clicked(self) -> None:
        goal = self.selected_goal()
        if goal is None:
            return

        def deleted(_result: None) -> None:
            self.page.show_notice(f"Deleted the goal “{goal.title}”.")
            self._reload_history()

        self.page.change("groups.goal.delete", lambda s: svc.delete_goal(s, goal.id), deleted)

    def _on_goal_saved(self, _goal_id: int) -> None:
        self._reload_history()

    def _reload_history(self) -> None:
        self.page.discard_pending_loads()
        self._load_history()
