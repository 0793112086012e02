"""The Groups tab: every group with its size, next session and attendance, and the chosen group's members.

Members are formed by hand here: drag them onto another group of the list, or from the keyboard
(Ctrl+Shift+Up/Down moves the chosen members to the group above or below; Alt+M opens "Move to…").
Every change is one groups service call written through the operations layer (the page's
:meth:`GroupsHost.change`); once it is committed, the page re-reads what it shows. The "Export
calendar" button's work is ``calendar_export``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mentordesk.models import MemberRole
from mentordesk.models.normalize import fold
from mentordesk.services import events
from mentordesk.services import groups as svc
from mentordesk.ui.groups.calendar_export import CalendarExport
from mentordesk.ui.groups.empty_panel import NoGroupsPanel
from mentordesk.ui.groups.member_view import MOVE_KEYS_TEXT, MemberTableView
from mentordesk.ui.itemmodels.group_list_model import Column as GroupColumn
from mentordesk.ui.itemmodels.group_list_model import GroupListModel, GroupRow
from mentordesk.ui.itemmodels.group_member_model import Column as MemberColumn
from mentordesk.ui.itemmodels.group_member_model import GroupMemberModel
from mentordesk.ui.widgets.buttons import match_heights
from mentordesk.ui.widgets.group_labels import ROLE_LABELS, plural
from mentordesk.ui.widgets.naming import named
from mentordesk.ui.widgets.page import IMPORT_PEOPLE
from mentordesk.ui.widgets.tables import current_row, on_choice_changed, select_row, selected_rows, set_up_table

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from mentordesk.ui.groups.host import GroupsHost


def natural_key(name: str) -> tuple[tuple[int, int | str], ...]:
    """Sorts "Group 2" before "Group 10", accent- and case-blind, as people count."""
    return tuple((0, int(part)) if part.isdigit() else (1, part) for part in re.split(r"(\d+)", fold(name)) if part)


def groups_snapshot(session: Session, event_id: int) -> list[GroupRow]:
    """The group list, in natural order, with each group's attendance rate over its held sessions."""
    groups = sorted(svc.list_groups(session, event_id), key=lambda g: natural_key(g.name))
    rates = svc.attendance_rates(session, event_id)
    return [GroupRow(g, rates.get(g.id)) for g in groups]


def _has_mentors_or_mentees(session: Session, event_id: int) -> bool:
    counts = events.counts(session, event_id)
    return bool(counts.mentors.registered or counts.mentees.registered)

class GroupsTab(QWidget):
    #: The groups or their members changed (sessions and goals may need re-reading).
    changed = Signal()
    #: A member was opened (Enter or double-click): show their goals and history.
    person_opened = Signal(int)

    def __init__(self, page: GroupsHost) -> None:
        super().__init__()
        self.page = page
        self.calendar = CalendarExport(page, self)
        self.groups_model = GroupListModel(self)
        self.members_model = GroupMemberModel(self)
        self.move_menu: QMenu | None = None
        self._loaded = False
        self._select_after_load: int | None = None
        #: Members to choose once their group's list arrives (they were just moved there).
        self._members_to_select: list[int] | None = None
        self._build()
        self._connect_signals()
        self._update_view()

    # -- building

    def _build(self) -> None:
        self.new_button = named(QPushButton("New group…"), "primaryButton")
        self.new_button.setToolTip("Make a group by hand (Ctrl+Shift+N)")
        self.form_button = QPushButton("Form automatically…")
        self.form_button.setToolTip("Propose balanced groups from everyone's topics and department, then adjust")
        self.edit_button = QPushButton("Edit…")
        self.archive_button = QPushButton("Archive")
        self.archive_button.setToolTip("Hide a finished group from planning; its sessions and attendance stay")
        self.delete_button = QPushButton("Delete…")
        self.calendar_button = QPushButton("Export calendar")
        self.calendar_button.setToolTip("Save sessions as an .ics file for Outlook, Google or Apple Calendar")
        calendar_menu = QMenu(self.calendar_button)
        self.calendar_group_action = calendar_menu.addAction("This group's sessions…")
        self.calendar_all_action = calendar_menu.addAction("Every group's sessions…")
        self.calendar_button.setMenu(calendar_menu)
        # Hidden while there are no groups: the empty state offers the same first steps, larger.
        self.toolbar = QWidget()
        toolbar = QHBoxLayout(self.toolbar)
        toolbar.setContentsMargins(0, 0, 0, 0)
        toolbar.setSpacing(8)
        for button in (self.new_button, self.form_button):
            toolbar.addWidget(button)
        toolbar.addStretch(1)
        toolbar.addWidget(self.calendar_button)
        match_heights(self.new_button, self.form_button, self.edit_button, self.archive_button,
                      self.delete_button, self.calendar_button)

        self.groups_table = named(QTableView(), "groupsTable")
        self.groups_table.setModel(self.groups_model)
        set_up_table(self.groups_table, short_columns=(GroupColumn.KIND, GroupColumn.RATE))
        self.groups_table.setAcceptDrops(True)
        self.groups_table.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)
        self.groups_table.setDragDropOverwriteMode(True)
        self.groups_table.setDropIndicatorShown(True)

        self.members_title = named(QLabel(""), "sectionTitle")
        self.members_title.setTextFormat(Qt.TextFormat.PlainText)
        # A long group name gives way to the buttons beside it (the whole name is in the list above).
        self.members_title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.members_table = MemberTableView()
        self.members_table.setObjectName("membersTable")
        self.members_table.setModel(self.members_model)
        set_up_table(self.members_table, short_columns=(MemberColumn.ROLE,), multi=True)
        self.members_table.setDragEnabled(True)
        self.members_table.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.members_table.setToolTip(
            f"Drag members onto another group, or {MOVE_KEYS_TEXT}; Enter shows a member's goals and history")
        self.add_people_button = QPushButton("Add people…")
        self.remove_button = QPushButton("Remove")
        self.role_button = QPushButton("Role")
        role_menu = QMenu(self.role_button)
        self.role_actions = {role: role_menu.addAction(ROLE_LABELS[role]) for role in MemberRole}
        self.role_button.setMenu(role_menu)
        self.move_button = QPushButton("&Move to…")
        self.move_button.setToolTip("Move the chosen members to another group (Alt+M)")
        member_buttons = QHBoxLayout()
        member_buttons.setSpacing(8)
        for button in (self.add_people_button, self.remove_button, self.role_button, self.move_button):
            member_buttons.addWidget(button)
        member_buttons.addStretch(1)
        members = QWidget()
        members_layout = QVBoxLayout(members)
        members_layout.setContentsMargins(0, 0, 0, 0)
        # The chosen group's name with what can be done to the group itself, beside it.
        title_row = QHBoxLayout()
        title_row.setSpacing(8)
        title_row.addWidget(self.members_title, 1)
        for button in (self.edit_button, self.archive_button, self.delete_button):
            title_row.addWidget(button)
        members_layout.addLayout(title_row)
        members_layout.addWidget(self.members_table, 1)
        members_layout.addLayout(member_buttons)

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.groups_table)
        self.splitter.addWidget(members)
        self.splitter.setChildrenCollapsible(False)
        # A term's six or eight groups fit without scrolling; the members take the rest.
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)

        self.empty_state = NoGroupsPanel()
        self.empty_label = self.empty_state.message_label
        self.empty_form_button = self.empty_state.form_button
        self.empty_new_button = self.empty_state.new_button

        self.stack = QStackedWidget()
        self.stack.addWidget(self.splitter)
        self.stack.addWidget(self.empty_state)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 10, 0, 0)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.stack, 1)

        self.remove_shortcut = QShortcut(QKeySequence(Qt.Key.Key_Delete), self.members_table,
                                         context=Qt.ShortcutContext.WidgetShortcut)

    def _connect_signals(self) -> None:
        on_choice_changed(self.groups_table, self._on_groups_table_choice_changed)
        self.groups_table.doubleClicked.connect(self._on_edit_button_clicked)
        on_choice_changed(self.members_table, self._on_members_table_choice_changed)
        self.groups_model.members_dropped.connect(self._on_groups_model_members_dropped)
        self.groups_model.modelReset.connect(self._on_groups_model_reset)
        self.new_button.clicked.connect(self._on_new_button_clicked)
        self.empty_new_button.clicked.connect(self._on_new_button_clicked)
        self.form_button.clicked.connect(self._on_form_button_clicked)
        self.empty_form_button.clicked.connect(self._on_form_button_clicked)
        self.empty_state.import_button.clicked.connect(self._on_empty_import_button_clicked)
        self.edit_button.clicked.connect(self._on_edit_button_clicked)
        self.archive_button.clicked.connect(self._on_archive_button_clicked)
        self.delete_button.clicked.connect(self._on_delete_button_clicked)
        self.calendar_group_action.triggered.connect(self._on_calendar_group_action_triggered)
        self.calendar_all_action.triggered.connect(self._on_calendar_all_action_triggered)
        self.add_people_button.clicked.connect(self._on_add_people_button_clicked)
        self.remove_button.clicked.connect(self._on_remove_button_clicked)
        self.remove_shortcut.activated.connect(self._on_remove_button_clicked)
        for role, action in self.role_actions.items():
            action.triggered.connect(lambda _checked=False, r=role: self.set_role(r))
        self.move_button.clicked.connect(self._on_move_button_clicked)
        self.members_table.menu_requested.connect(self._on_move_button_clicked)
        self.members_table.move_requested.connect(self._on_members_table_move_requested)
        self.members_table.activated.connect(self._on_members_table_activated)

    # -- reading

    def clear(self) -> None:
        self._loaded = False
        self.groups_model.set_rows([])
        self.members_model.show_group(None, [])
        self._update_view()

    def reload(self) -> None:
        self.page.load("groups.list", groups_snapshot, self._show_groups)
        self.page.load("groups.anyone", _has_mentors_or_mentees, self._on_people_counted)

    def _on_people_counted(self, anyone: bool) -> None:
        self.empty_state.show_nobody(not anyone)

    def _show_groups(self, rows: list[GroupRow]) -> None:
        wanted = self._select_after_load or (group.summary.id if (group := self.selected_group()) else None)
        self._select_after_load = None
        self._loaded = True
        self.groups_model.set_rows(rows)
        row = self.groups_model.row_of(wanted) if wanted is not None else None
        if row is None and rows:
            row = 0
        if row is not None:
            select_row(self.groups_table, row)
        else:
            self.members_model.show_group(None, [])
        self._update_view()

    def _load_members(self) -> None:
        group = self.selected_group()
        if group is None:
            self.members_model.show_group(None, [])
            self._update_view()
            return
        group_id = group.summary.id
        self.page.load(f"groups.members.{group_id}", lambda s, _e: svc.group_members(s, group_id),
                       lambda members: self._show_members(group_id, members))

    def _show_members(self, group_id: int, members: Sequence[svc.MemberInfo]) -> None:
        group = self.selected_group()
        if group is None or group.summary.id != group_id:
            return  # the coordinator chose another group meanwhile
        chosen = self.selected_member_ids() if self.members_model.group_id == group_id else []
        if self._members_to_select is not None:
            chosen, self._members_to_select = self._members_to_select, None
        self.members_model.show_group(group_id, members)
        self.select_members(chosen)
        self._update_view()

    # -- what the tab offers

    def select_after_load(self, group_id: int) -> None:
        """Choose this group once the list is next read (it was just made)."""
        self._select_after_load = group_id

    def selected_group(self) -> GroupRow | None:
        row = current_row(self.groups_table)
        return self.groups_model.row_at(row) if row is not None else None

    def select_group(self, group_id: int) -> bool:
        row = self.groups_model.row_of(group_id)
        if row is None:
            return False
        select_row(self.groups_table, row)
        return True

    def selected_member_ids(self) -> list[int]:
        return [self.members_model.row_at(r).person_id for r in selected_rows(self.members_table)]

    def select_members(self, person_ids: Sequence[int]) -> None:
        selection = self.members_table.selectionModel()
        selection.clearSelection()
        for person_id in person_ids:
            row = self.members_model.row_of(person_id)
            if row is not None:
                flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
                selection.select(self.members_model.index(row, 0), flags)
                selection.setCurrentIndex(self.members_model.index(row, 0), QItemSelectionModel.SelectionFlag.NoUpdate)

    def move_members(self, person_ids: Sequence[int], from_group_id: int, to_group_id: int) -> bool:
        """Move people between groups (the role follows the target group's kind), then follow them there.

        True when the move was asked for; the page shows it once it is written.
        """
        if not person_ids or from_group_id == to_group_id:
            return False
        people = list(person_ids)

        def work(session: Session) -> None:
            for person_id in people:
                svc.move_member(session, person_id, from_group_id, to_group_id)

        def moved(_result: None) -> None:
            names = {g.summary.id: g.summary.name for g in self.groups_model.rows}
            self.page.show_notice(f"Moved {plural(len(people), 'person', 'people')} to {names.get(to_group_id, '')}.")
            self._select_after_load = to_group_id
            self._members_to_select = people
            self._after_change()

        return self.page.change("groups.members.move", work, moved)

    def move_by(self, step: int) -> bool:
        """Move the chosen members to the group ``step`` rows above (-1) or below (+1) in the list."""
        group = self.selected_group()
        row = current_row(self.groups_table)
        people = self.selected_member_ids()
        if group is None or row is None or not people:
            return False
        target = row + step
        if not 0 <= target < self.groups_model.rowCount():
            return False
        return self.move_members(people, group.summary.id, self.groups_model.row_at(target).summary.id)

    def open_move_menu(self) -> QMenu | None:
        group = self.selected_group()
        people = self.selected_member_ids()
        if group is None or not people:
            return None
        menu = QMenu(self)
        for other in self.groups_model.rows:
            if other.summary.id == group.summary.id or other.summary.archived:
                continue
            action: QAction = menu.addAction(other.summary.name)
            action.triggered.connect(
                lambda _c=False, to=other.summary.id, src=group.summary.id, ids=tuple(people):
                self.move_members(ids, src, to))
        self.move_menu = menu
        rect = self.members_table.visualRect(self.members_table.currentIndex())
        menu.popup(self.members_table.viewport().mapToGlobal(rect.bottomLeft()))
        return menu

    def set_role(self, role: MemberRole) -> None:
        group = self.selected_group()
        people = self.selected_member_ids()
        if group is None or not people:
            return

        group_id = group.summary.id

        def work(session: Session) -> None:
            for person_id in people:
                svc.set_member_role(session, group_id, person_id, role)

        self.page.change("groups.members.role", work, lambda _result: self._after_change())

    def remove_members(self) -> None:
        group = self.selected_group()
        people = self.selected_member_ids()
        if group is None or not people:
            return

        group_id, name = group.summary.id, group.summary.name

        def work(session: Session) -> None:
            for person_id in people:
                svc.remove_member(session, group_id, person_id)

        def removed(_result: None) -> None:
            self.page.show_notice(f"Removed {plural(len(people), 'person', 'people')} from {name}. "
                                  "Their attendance so far is kept.")
            self._after_change()

        self.page.change("groups.members.remove", work, removed)

    def _on_empty_import_button_clicked(self) -> None:
        self.page.ask_next_step(IMPORT_PEOPLE)

    # -- helpers

    def _after_change(self) -> None:
        self.page.discard_pending_loads()
        self.reload()
        self.changed.emit()

    def _update_view(self) -> None:
        has_store = self.page.store is not None
        empty = self._loaded and self.groups_model.rowCount() == 0
        self.stack.setCurrentWidget(self.empty_state if empty else self.splitter)
        self.toolbar.setVisible(not empty)
        group = self.selected_group()
        chosen = bool(self.selected_member_ids())
        for button in (self.new_button, self.form_button):
            button.setEnabled(has_store)
        for button in (self.edit_button, self.archive_button, self.delete_button, self.add_people_button):
            button.setEnabled(group is not None)
        self.calendar_button.setEnabled(has_store and not empty)
        self.calendar_group_action.setEnabled(group is not None)
        for button in (self.remove_button, self.role_button, self.move_button):
            button.setEnabled(group is not None and chosen)
        if group is not None:
            self.archive_button.setText("Restore" if group.summary.archived else "Archive")
            count = plural(self.members_model.rowCount(), "member", "members")
            self.members_title.setText(f"{group.summary.name} — {count}")
        else:
            self.members_title.setText("")

    # -- slots

    def _on_groups_table_choice_changed(self) -> None:
        self._load_members()
        self._update_view()

    def _on_groups_model_reset(self) -> None:
        self._update_view()

    def _on_members_table_choice_changed(self) -> None:
        self._update_view()

    def _on_groups_model_members_dropped(self, person_ids: list[int], from_id: int, to_id: int) -> None:
        self.move_members(person_ids, from_id, to_id)

    def _on_members_table_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.person_opened.emit(self.members_model.row_at(index.row()).person_id)

    def _on_members_table_move_requested(self, step: int) -> None:
        self.move_by(step)

    def _on_move_button_clicked(self) -> None:
        self.open_move_menu()

    def _on_new_button_clicked(self) -> None:
        self.page.open_group_dialog(None)

    def _on_form_button_clicked(self) -> None:
        self.page.open_auto_form()

    def _on_edit_button_clicked(self, *_args: object) -> None:
        group = self.selected_group()
        if group is not None:
            self.page.open_group_dialog(group.summary.id)

    def _on_archive_button_clicked(self) -> None:
        group = self.selected_group()
        if group is None:
            return
        group_id, archived = group.summary.id, not group.summary.archived
        self.page.change("groups.archive", lambda s: svc.update_group(s, group_id, archived=archived),
                         lambda _result: self._after_change())

    def _on_delete_button_clicked(self) -> None:
        group = self.selected_group()
        if group is None:
            return
        sessions = plural(group.summary.session_count, "session", "sessions")
        box = QMessageBox(QMessageBox.Icon.Warning, "Delete group",
                          f"Delete “{group.summary.name}” with its {sessions} "
                          "and their attendance? Archive keeps them instead.",
                          QMessageBox.StandardButton.Cancel, self)
        delete = box.addButton("Delete", QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        group_id = group.summary.id
        box.buttonClicked.connect(lambda button: self._delete(group_id) if button is delete else None)
        self.page.dialog = box
        box.open()

    def _delete(self, group_id: int) -> None:
        self.page.change("groups.delete", lambda s: svc.delete_group(s, group_id), lambda _result: self._after_change())

    def _on_calendar_group_action_triggered(self) -> None:
        group = self.selected_group()
        if group is not None:
            self.calendar.choose_file(group.summary.id, group.summary.name)

    def _on_calendar_all_action_triggered(self) -> None:
        self.calendar.choose_file(None, "all groups")

    def _on_add_people_button_clicked(self) -> None:
        group = self.selected_group()
        if group is not None:
            self.page.open_add_people(group.summary.id)

    def _on_remove_button_clicked(self) -> None:
        self.remove_members()
