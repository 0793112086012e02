"""Add people to a group: a list searchable as you type (accents and case ignored), several at once.

The group and the people who could join are read through the operations layer as the dialog opens
(and again when "Only people in no group yet" is switched); adding them is one change, and the
dialog closes once it is written.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mentordesk.models import MemberRole
from mentordesk.services import groups as svc
from mentordesk.services.domain_error import DomainError
from mentordesk.ui.groups.dialog_parts import error_label, show_error
from mentordesk.ui.itemmodels.group_candidate_model import CandidateFilterModel, Column, GroupCandidateModel
from mentordesk.ui.operations import Failure, Operations
from mentordesk.ui.widgets.group_labels import ROLE_LABELS, plural
from mentordesk.ui.widgets.naming import named
from mentordesk.ui.widgets.tables import fit_to_screen, on_choice_changed, selected_rows, set_up_table

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


class AddPeopleDialog(QDialog):
    #: How many people were added.
    added = Signal(int)

    def __init__(self, ops: Operations, group_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.group_id = group_id
        self.setWindowTitle("Add people")
        #: The people listed were read for "only people in no group yet" as it was then (None: not yet read).
        self._read_ungrouped: bool | None = None
        #: An addition is being written (Enter pressed twice adds once).
        self._adding = False
        self.model = GroupCandidateModel(self)
        self.proxy = CandidateFilterModel(self)
        self.proxy.setSourceModel(self.model)
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText("Search by name, department or topic")
        self.search_edit.setClearButtonEnabled(True)
        # Forming groups from scratch, the people still without a group are the ones to place.
        self.ungrouped_check = QCheckBox("Only people in no group yet")
        self.table = QTableView()
        self.table.setModel(self.proxy)
        set_up_table(self.table, short_columns=(Column.ROLE,), multi=True)
        self.role_combo = QComboBox()
        self.role_combo.addItem("Role from the group's kind", None)
        for role, label in ROLE_LABELS.items():
            self.role_combo.addItem(f"As {label.lower()}", role)
        self.count_label = named(QLabel(""), "pageSubtitle")
        self.count_label.setWordWrap(True)
        self.count_label.setTextFormat(Qt.TextFormat.PlainText)
        self.error_label = error_label()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.add_button = self.buttons.addButton("Add", QDialogButtonBox.ButtonRole.AcceptRole)
        bottom = QHBoxLayout()
        bottom.addWidget(self.role_combo)
        bottom.addWidget(self.count_label, 1)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(self.search_edit, 1)
        top.addWidget(self.ungrouped_check)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self._connect_signals()
        self._update()
        ops.query("groups.group.read", lambda s: svc.get_group(s, group_id), done=self._on_group_read, owner=self)
        self.read_people()
        fit_to_screen(self, 620, 460)

    def _connect_signals(self) -> None:
        self.search_edit.textChanged.connect(self._on_search_edit_text_changed)
        self.ungrouped_check.toggled.connect(self._on_ungrouped_check_toggled)
        self.search_edit.returnPressed.connect(self._on_search_edit_return_pressed)
        on_choice_changed(self.table, self._on_table_choice_changed)
        self.table.doubleClicked.connect(self._on_table_double_clicked)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)

    def read_people(self) -> None:
        event_id, group_id, only_ungrouped = self.ops.event_id, self.group_id, self.ungrouped_check.isChecked()
        self.ops.query("groups.add_people.candidates",
                       lambda s: svc.available_people(s, event_id, exclude_group_id=group_id,
                                                      only_ungrouped=only_ungrouped),
                       done=lambda people: self._on_people_read(people, only_ungrouped), owner=self)

    def chosen_ids(self) -> list[int]:
        return [self.model.row_at(self.proxy.mapToSource(self.proxy.index(r, 0)).row()).person_id
                for r in selected_rows(self.table)]

    def add(self, person_ids: list[int] | None = None) -> None:
        """Add the chosen people (or these); ``added`` says how many once it is written."""
        ids = self.chosen_ids() if person_ids is None else list(person_ids)
        if not ids or self._adding:
            return
        data = self.role_combo.currentData()
        role, group_id = MemberRole(data) if data else None, self.group_id

        def work(session: Session) -> int:
            for person_id in ids:
                svc.add_member(session, group_id, person_id, role)
            return len(ids)

        self._adding = True
        self.add_button.setEnabled(False)
        self.ops.change("groups.members.add", work, done=self._on_added, refused=self._on_refused,
                        failed=self._on_failed, owner=self)

    def _on_group_read(self, group: svc.GroupDetails) -> None:
        self.setWindowTitle(f"Add people to {group.name}")

    def _on_people_read(self, people: list[svc.Candidate], only_ungrouped: bool) -> None:
        if only_ungrouped != self.ungrouped_check.isChecked():
            return  # read for the other choice; the answer for this one is on its way
        self._read_ungrouped = only_ungrouped
        self.model.set_rows(people)
        self._update()

    def _on_added(self, count: int) -> None:
        self.added.emit(count)
        self.accept()

    def _on_refused(self, error: DomainError) -> None:
        show_error(self.error_label, str(error))

    def _on_failed(self, _failure: Failure) -> None:
        self._adding = False
        self._update()

    def _update(self) -> None:
        chosen = len(selected_rows(self.table))
        shown = self.proxy.rowCount()
        query = self.search_edit.text().strip()
        if self._read_ungrouped is None:
            self.count_label.setText("")
        elif not self.model.rowCount():
            self.count_label.setText("Everyone is in a group already." if self.ungrouped_check.isChecked()
                                     else "Everyone who could join is already in this group.")
        elif not shown:
            self.count_label.setText(f"Nobody matches “{query}”. Try part of a name, a department or a topic.")
        else:
            self.count_label.setText(f"{chosen} chosen · {plural(shown, 'person', 'people')} listed")
        self.add_button.setEnabled(chosen > 0 and not self._adding)

    def _on_search_edit_text_changed(self, text: str) -> None:
        self.proxy.set_query(text)
        if self.proxy.rowCount() == 1:
            self.table.selectRow(0)
        self._update()

    def _on_ungrouped_check_toggled(self, _checked: bool) -> None:
        self.read_people()

    def _on_search_edit_return_pressed(self) -> None:
        if self.chosen_ids():
            self.add()

    def _on_table_choice_changed(self) -> None:
        self._update()

    def _on_table_double_clicked(self, *_args: object) -> None:
        self.add()

    def _on_buttons_accepted(self) -> None:
        self.add()
