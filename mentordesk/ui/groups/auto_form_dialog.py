"""Form groups automatically: ask for a number of groups (or a size) and a kind, show the proposal, let
the coordinator adjust it, then create the groups.

The proposal is plain data from the forming service; every adjustment (a person moved by drag and
drop, Ctrl+Shift+Up/Down or Alt+M, a group renamed with F2) makes a new proposal through the same
service, and its figures — how even the sizes are, how many group-mates share a topic, how well
departments are spread — are shown again at once. Nothing is written before "Create groups".

A fresh proposal (the options changed) is made in the background, a query of the operations layer:
for a few hundred people it takes a noticeable moment, and the options stay responsive meanwhile.
Only the answer to the newest request is shown; an older one still running is stopped, and one arriving
late is dropped. A progress bar shows how far the proposal got (forming 2,000 people takes a second or
two) and *Stop* ends it — as does closing the dialog. Creating the
groups is one change; accepted while a proposal is still on its way, the change makes the proposal
for the options shown itself, and the dialog shows what was created.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mentordesk.models import GroupKind
from mentordesk.services import groups as svc
from mentordesk.services.domain_error import DomainError
from mentordesk.ui.groups.dialog_parts import choice_combo, error_label, show_error
from mentordesk.ui.groups.member_view import MemberTableView
from mentordesk.ui.itemmodels.group_proposal_model import (
    UNASSIGNED,
    GroupColumn,
    MemberColumn,
    ProposalGroupModel,
    ProposalMemberModel,
    proposal_members,
)
from mentordesk.ui.operations import Failure, FailureKind, Operations
from mentordesk.ui.widgets.group_labels import KIND_LABELS, plural
from mentordesk.ui.widgets.naming import named, with_buddy

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from mentordesk.ui.tasks import ReportProgress
from mentordesk.ui.widgets.tables import (
    current_row,
    fit_to_screen,
    on_choice_changed,
    select_row,
    selected_rows,
    set_up_table,
)

#: How long the options must rest before a new proposal is made.
PROPOSE_DELAY_MS = 150


@dataclass(frozen=True)
class ProposalRequest:
    """The options a proposal is made from, read off the dialog on the UI thread."""

    kind: GroupKind
    name_prefix: str
    group_count: int | None
    group_size: int | None

    def make(self, session: Session, event_id: int, report: ReportProgress | None = None,
             stop: threading.Event | None = None) -> svc.Proposal:
        """Run the forming service (in the operations layer's work, on any thread); ``stop`` set ends it."""
        return svc.propose_groups(session, event_id, kind=self.kind, name_prefix=self.name_prefix,
                                  group_count=self.group_count, group_size=self.group_size, progress=report,
                                  cancelled=stop.is_set if stop is not None else None)


def score_text(proposal: svc.Proposal, score: svc.ProposalScore) -> str:
    """The proposal's figures in words a coordinator can weigh."""
    sizes = "Sizes are even" if score.size_spread <= 1 else f"Sizes differ by up to {score.size_spread}"
    parts = [sizes]
    # Topic cohesion is about group-mates: with one mentee a group (one-on-one pairs) it says nothing.
    if any(len(g.mentee_ids) > 1 for g in proposal.groups):
        parts.append(f"{round(score.topic_cohesion * 100)} % of group-mates share a topic")
    parts.append("departments spread evenly" if score.department_spread <= 1
                 else f"departments uneven by up to {score.department_spread}")
    if score.groups_without_mentor:
        parts.append(plural(score.groups_without_mentor, "group has no mentor", "groups have no mentor"))
    return " · ".join(parts)


class AutoFormDialog(QDialog):
    #: Ids of the groups created on accepting.
    accepted_groups = Signal(tuple)

    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        #: The groups are being created.
        self.creating = False
        self.proposal: svc.Proposal | None = None
        #: Numbers the proposals asked for; only the answer to the newest one is shown.
        self._asked = 0
        self._answered = 0
        #: Set to stop the proposal being made (a newer one was asked for, Stop, the dialog closed).
        self._stop = threading.Event()
        #: The last proposal was stopped before it was made.
        self._stopped = False
        self.move_menu: QMenu | None = None
        # Options changed in quick succession (a spin box held down) make one proposal, not ten.
        self.propose_timer = QTimer(self)
        self.propose_timer.setSingleShot(True)
        self.propose_timer.setInterval(PROPOSE_DELAY_MS)
        self.setWindowTitle("Form groups automatically")
        self.count_radio = QRadioButton("&Number of groups")
        self.size_radio = QRadioButton("Mentees per &group")
        self.count_radio.setChecked(True)
        self.count_spin = QSpinBox()
        self.count_spin.setRange(1, 200)
        self.count_spin.setValue(6)
        self.size_spin = QSpinBox()
        self.size_spin.setRange(1, 100)
        self.size_spin.setValue(5)
        self.size_spin.setEnabled(False)
        self.kind_combo = choice_combo(KIND_LABELS)
        self.prefix_edit = QLineEdit("Group")
        self.prefix_edit.setMaximumWidth(140)
        self.prefix_edit.setToolTip("Groups are named this, then a number; rename any of them in the proposal (F2)")
        # Two short rows rather than one long one, so the dialog fits a small screen.
        how_many = QHBoxLayout()
        for widget in (self.count_radio, self.count_spin, self.size_radio, self.size_spin):
            how_many.addWidget(widget)
        how_many.addStretch(1)
        what = QHBoxLayout()
        what.addWidget(with_buddy(QLabel("&Kind"), self.kind_combo))
        what.addWidget(self.kind_combo)
        what.addSpacing(12)
        what.addWidget(with_buddy(QLabel("Name&s"), self.prefix_edit))
        what.addWidget(self.prefix_edit)
        what.addStretch(1)
        options = QVBoxLayout()
        options.addLayout(how_many)
        options.addLayout(what)

        self.score_label = named(QLabel(""), "pageNotice")
        self.score_label.setWordWrap(True)
        self.progress_bar = QProgressBar()
        self.progress_bar.setRange(0, 100)
        self.progress_bar.setAccessibleName("Making a proposal")
        self.progress_bar.setTextVisible(False)
        self.progress_bar.setFixedWidth(160)
        self.stop_button = QPushButton("S&top")
        self.stop_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.stop_button.setToolTip("Stop making this proposal")
        working = QHBoxLayout()
        working.addWidget(self.score_label, 1)
        working.addWidget(self.progress_bar)
        working.addWidget(self.stop_button)
        self.warnings_label = named(QLabel(""), "inlineError")
        self.warnings_label.setWordWrap(True)
        self.groups_model = ProposalGroupModel(self)
        self.members_model = ProposalMemberModel(self)
        self.groups_table = named(QTableView(), "proposalGroups")
        self.groups_table.setModel(self.groups_model)
        set_up_table(self.groups_table, short_columns=(GroupColumn.MENTEES,))
        self.groups_table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                          | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.groups_table.setAcceptDrops(True)
        self.groups_table.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)
        self.groups_table.setDragDropOverwriteMode(True)
        self.members_table = MemberTableView()
        self.members_table.setObjectName("proposalMembers")
        self.members_table.setModel(self.members_model)
        set_up_table(self.members_table, short_columns=(MemberColumn.ROLE,), multi=True)
        self.members_table.setDragEnabled(True)
        self.members_table.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.members_table.setToolTip("Drag people onto another group, or Ctrl+Shift+Up/Down, or Alt+M")
        self.move_button = QPushButton("&Move to…")
        self.move_button.setToolTip("Move the chosen people to another proposed group (Alt+M)")
        self.hint_label = named(QLabel("Drag people onto another group (or Ctrl+Shift+Up/Down, Alt+M). "
                                 "Double-click a group's name (F2) to rename it."), "pageSubtitle")
        self.hint_label.setWordWrap(True)
        members_box = QWidget()
        members_layout = QVBoxLayout(members_box)
        members_layout.setContentsMargins(0, 0, 0, 0)
        members_layout.addWidget(self.members_table, 1)
        row = QHBoxLayout()
        row.addWidget(self.hint_label, 1)
        row.addWidget(self.move_button)
        members_layout.addLayout(row)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.groups_table)
        self.splitter.addWidget(members_box)
        self.splitter.setChildrenCollapsible(False)

        self.error_label = error_label()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.create_button = self.buttons.addButton("Create groups", QDialogButtonBox.ButtonRole.AcceptRole)
        self.create_button.setObjectName("primaryButton")
        layout = QVBoxLayout(self)
        layout.addLayout(options)
        layout.addLayout(working)
        layout.addWidget(self.warnings_label)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

        self._connect_signals()
        self.propose()
        fit_to_screen(self, 860, 640)

    def _connect_signals(self) -> None:
        self.count_radio.toggled.connect(self._on_option_changed)
        self.count_spin.valueChanged.connect(self._on_option_changed)
        self.size_spin.valueChanged.connect(self._on_option_changed)
        self.kind_combo.currentIndexChanged.connect(self._on_option_changed)
        self.prefix_edit.editingFinished.connect(self._on_option_changed)
        self.propose_timer.timeout.connect(self._on_propose_timer_timeout)
        on_choice_changed(self.groups_table, self._on_groups_table_choice_changed)
        self.groups_model.members_dropped.connect(self._on_groups_model_members_dropped)
        self.groups_model.renamed.connect(self._on_groups_model_renamed)
        on_choice_changed(self.members_table, self._on_members_table_choice_changed)
        self.move_button.clicked.connect(self._on_move_button_clicked)
        self.members_table.menu_requested.connect(self._on_move_button_clicked)
        self.members_table.move_requested.connect(self._on_members_table_move_requested)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        self.stop_button.clicked.connect(self._on_stop_button_clicked)

    # -- the proposal

    @property
    def proposing(self) -> bool:
        """A proposal has been asked for and its answer has not arrived yet."""
        return self._answered != self._asked

    def request(self) -> ProposalRequest:
        by_count = self.count_radio.isChecked()
        return ProposalRequest(
            kind=GroupKind(self.kind_combo.currentData()),
            name_prefix=self.prefix_edit.text(),
            group_count=self.count_spin.value() if by_count else None,
            group_size=None if by_count else self.size_spin.value(),
        )

    def propose(self) -> None:
        """Ask the forming service, in the background, for a fresh proposal with the options as they stand."""
        asked, stop = self._ask()
        request, event_id = self.request(), self.ops.event_id
        self.create_button.setEnabled(False)
        self.ops.query_with_progress(
            "groups.propose", lambda s, report: request.make(s, event_id, report, stop),
            progress=lambda fraction: self._on_proposal_progressed(asked, fraction),
            done=lambda proposal: self._on_proposal_made(asked, proposal),
            refused=lambda error: self._on_proposal_refused(asked, error),
            failed=lambda failure: self._on_proposal_failed(asked, failure), owner=self)

    def stop(self) -> None:
        """Stop the proposal being made; the dialog no longer waits for it."""
        self._stop.set()
        if self.proposing:
            self._answered = self._asked
            self._stopped = True
            self.creating = False  # Create groups waited for this proposal: nothing is created
            self._show_answer(None, "")
            self.score_label.setText("Stopped before a proposal was made. Change the options, or propose again.")
            self.score_label.show()

    def _ask(self) -> tuple[int, threading.Event]:
        """A new request's number and stop flag; the request before it, if still running, is stopped."""
        self._stop.set()
        self._stop = threading.Event()
        self._stopped = False
        self._asked += 1
        self.score_label.setText("Making a proposal…")
        self.score_label.show()
        self.progress_bar.setValue(0)
        self._show_working()
        return self._asked, self._stop

    def _show_working(self) -> None:
        self.progress_bar.setVisible(self.proposing)
        self.stop_button.setText("S&top" if self.proposing else "&Propose again")
        self.stop_button.setToolTip("Stop making this proposal" if self.proposing
                                    else "Make a proposal with the options shown")
        self.stop_button.setVisible(self.proposing or self._stopped)

    def _show_answer(self, proposal: svc.Proposal | None, error: str) -> None:
        if error:
            self._show_error(error)
        else:
            self.error_label.hide()
        self.set_proposal(proposal)
        self._show_working()

    def set_proposal(self, proposal: svc.Proposal | None, *, key: int | None = None,
                     people: list[int] | None = None) -> None:
        """Show ``proposal``; ``key`` and ``people`` say which group and people stay chosen."""
        previous = self._current_key()
        self.proposal = proposal
        self.groups_model.set_proposal(proposal)
        wanted = key if key is not None else previous
        row = self.groups_model.row_of(wanted) if wanted is not None else None
        select_row(self.groups_table, row if row is not None else 0)
        self._show_members(people or [])
        if proposal is None:
            self.score_label.setText("")
            self.warnings_label.setText("")
        else:
            self.score_label.setText(score_text(proposal, svc.score_proposal(proposal)))
            self.warnings_label.setText("\n".join(proposal.warnings))
        self.warnings_label.setVisible(bool(self.warnings_label.text()))
        self.score_label.setVisible(bool(self.score_label.text()))
        self.create_button.setEnabled(proposal is not None and bool(proposal.groups) and not self.creating)

    def move_people(self, person_ids: list[int], to_key: int) -> bool:
        if self.proposal is None or not person_ids:
            return False
        proposal = self.proposal
        try:
            for person_id in person_ids:
                proposal = svc.move_in_proposal(proposal, person_id, None if to_key == UNASSIGNED else to_key)
        except svc.GroupError as error:
            self._show_error(str(error))
            return False
        self.set_proposal(proposal, key=to_key, people=person_ids)
        return True

    def move_by(self, step: int) -> bool:
        row = current_row(self.groups_table)
        people = self.chosen_ids()
        if row is None or not people:
            return False
        target = row + step
        if not 0 <= target < self.groups_model.rowCount():
            return False
        return self.move_people(people, self.groups_model.key_at(target))

    def rename(self, index: int, name: str) -> bool:
        if self.proposal is None:
            return False
        try:
            proposal = svc.rename_in_proposal(self.proposal, index, name)
        except svc.GroupError as error:
            self._show_error(str(error))
            return False
        self.set_proposal(proposal, key=index)
        return True

    def chosen_ids(self) -> list[int]:
        return [self.members_model.row_at(r).person_id for r in selected_rows(self.members_table)]

    def open_move_menu(self) -> QMenu | None:
        people = self.chosen_ids()
        current = self._current_key()
        if self.proposal is None or not people:
            return None
        menu = QMenu(self)
        for index, group in enumerate(self.proposal.groups):
            if index != current:
                action = menu.addAction(group.name)
                action.triggered.connect(lambda _c=False, k=index, ids=tuple(people): self.move_people(list(ids), k))
        if current != UNASSIGNED:
            menu.addSeparator()
            action = menu.addAction("Leave out (not placed)")
            action.triggered.connect(lambda _c=False, ids=tuple(people): self.move_people(list(ids), UNASSIGNED))
        self.move_menu = menu
        rect = self.members_table.visualRect(self.members_table.currentIndex())
        menu.popup(self.members_table.viewport().mapToGlobal(rect.bottomLeft()))
        return menu

    def accept_proposal(self) -> None:
        """Create the groups; ``accepted_groups`` gives their ids once they are written, and the dialog closes."""
        if self.creating:
            return
        if self.propose_timer.isActive() or self.proposing:
            # The options changed a moment ago: accept what they ask for, once it is made and shown.
            self.propose_timer.stop()
            asked, stop = self._ask()  # answers still on their way are for older options
            request, event_id = self.request(), self.ops.event_id
            self._set_creating(True)
            self.ops.query_with_progress(
                "groups.propose", lambda s, report: request.make(s, event_id, report, stop),
                progress=lambda fraction: self._on_proposal_progressed(asked, fraction),
                done=lambda proposal: self._on_proposal_to_accept_made(asked, proposal),
                refused=lambda error: self._on_proposal_to_accept_refused(asked, error),
                failed=lambda failure: self._on_proposal_to_accept_failed(asked, failure), owner=self)
            return
        if self.proposal is not None:
            self._create(self.proposal)

    def _create(self, proposal: svc.Proposal) -> None:
        event_id = self.ops.event_id
        self._set_creating(True)
        self.ops.change("groups.form.create", lambda s: svc.accept_proposal(s, event_id, proposal),
                        done=self._on_groups_created, refused=self._on_create_refused,
                        failed=self._on_create_failed, owner=self)

    def _set_creating(self, creating: bool) -> None:
        self.creating = creating
        self.create_button.setEnabled(not creating and self.proposal is not None and bool(self.proposal.groups))

    # -- helpers

    def _current_key(self) -> int | None:
        row = current_row(self.groups_table)
        return self.groups_model.key_at(row) if row is not None else None

    def _show_members(self, chosen: list[int]) -> None:
        key = self._current_key()
        if self.proposal is None or key is None:
            self.members_model.show_group(None, [])
            return
        self.members_model.show_group(key, proposal_members(self.proposal, key))
        selection = self.members_table.selectionModel()
        for person_id in chosen:
            row = self.members_model.row_of(person_id)
            if row is not None:
                index = self.members_model.index(row, 0)
                selection.select(index,
                                 QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)
                selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.NoUpdate)
        self.move_button.setEnabled(bool(self.chosen_ids()))

    def _show_error(self, text: str) -> None:
        show_error(self.error_label, text)

    # -- slots

    def _on_option_changed(self, *_args: object) -> None:
        self.count_spin.setEnabled(self.count_radio.isChecked())
        self.size_spin.setEnabled(not self.count_radio.isChecked())
        self.propose_timer.start()

    def _on_propose_timer_timeout(self) -> None:
        self.propose()

    def done(self, result: int) -> None:
        self._stop.set()  # closed while a proposal is being made: its work stops too
        super().done(result)

    def _on_stop_button_clicked(self) -> None:
        if self.proposing:
            self.stop()
        else:
            self.propose()

    def _on_proposal_progressed(self, asked: int, fraction: float) -> None:
        if asked == self._asked:
            self.progress_bar.setValue(round(fraction * 100))

    def _on_proposal_made(self, asked: int, proposal: svc.Proposal) -> None:
        if asked != self._asked:
            return  # the options changed after this was asked for: a newer answer is on its way
        self._answered = asked
        self._show_answer(proposal, "")

    def _on_proposal_refused(self, asked: int, error: DomainError) -> None:
        if asked == self._asked and self.proposing:  # not a proposal already stopped
            self._answered = asked
            self._show_answer(None, str(error))

    def _on_proposal_failed(self, asked: int, failure: Failure) -> None:
        if asked == self._asked and failure.kind is not FailureKind.REFUSED:
            # Already reported (the banner or the error report); the dialog no longer waits for it.
            self._answered = asked
            self._show_answer(None, "No proposal could be made.")

    def _on_proposal_to_accept_made(self, asked: int, proposal: svc.Proposal) -> None:
        if asked == self._asked:
            self._answered = asked
        self._show_answer(proposal, "")
        self._create(proposal)

    def _on_proposal_to_accept_refused(self, asked: int, error: DomainError) -> None:
        self._set_creating(False)
        self._on_proposal_refused(asked, error)

    def _on_proposal_to_accept_failed(self, asked: int, failure: Failure) -> None:
        self._set_creating(False)
        self._on_proposal_failed(asked, failure)

    def _on_groups_created(self, created: tuple[int, ...]) -> None:
        self.accepted_groups.emit(created)
        self.accept()

    def _on_create_refused(self, error: DomainError) -> None:
        self._show_error(str(error))

    def _on_create_failed(self, _failure: Failure) -> None:
        self._set_creating(False)

    def _on_groups_table_choice_changed(self) -> None:
        self._show_members([])

    def _on_members_table_choice_changed(self) -> None:
        self.move_button.setEnabled(bool(self.chosen_ids()))

    def _on_groups_model_members_dropped(self, person_ids: list[int], _from_key: int, to_key: int) -> None:
        self.move_people(person_ids, to_key)

    def _on_groups_model_renamed(self, index: int, name: str) -> None:
        self.rename(index, name)

    def _on_move_button_clicked(self) -> None:
        self.open_move_menu()

    def _on_members_table_move_requested(self, step: int) -> None:
        self.move_by(step)

    def _on_buttons_accepted(self) -> None:
        self.accept_proposal()
