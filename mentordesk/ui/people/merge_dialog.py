"""Reviewing likely duplicates: each group of look-alike records side by side, and a merge.

The groups come from ``services.roster.likely_duplicates``; the user picks the record to keep and
``services.roster.merge_people`` folds the others into it. "Not the same person" moves on without
changing anything (the service has no way to remember that answer, so the group is offered again
next time). The records are read, and merged, through the operations layer (``ui/operations.py``):
the buttons wait while a group is read or merged.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from mentordesk.services import checkin, roster
from mentordesk.services.domain_error import DomainError
from mentordesk.services.roster import DuplicateGroup, PersonDetails
from mentordesk.ui.itemmodels.people_model import ROLE_LABELS
from mentordesk.ui.operations import Failure, Operations
from mentordesk.ui.widgets.naming import named

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

MERGE_TEXT = (
    "The other record is merged into the one you keep: its check-ins, requests, group memberships, "
    "attendance, goals, notes and feedback move over, fields left empty in the kept record are filled "
    "from it, and then it is removed."
)
REASONS = {"same name": "These records have the same name."}


@dataclass(frozen=True)
class Candidate:
    """One record of a duplicate group, as the comparison shows it."""

    details: PersonDetails
    checked_in: bool

    @property
    def id(self) -> int:
        return self.details.id

    def values(self) -> list[tuple[str, str]]:
        data = self.details.data
        return [
            ("Name", " ".join(part for part in (data.first_name, data.last_name) if part)),
            ("Role", ROLE_LABELS.get(data.role, str(data.role))),
            ("E-mail", data.email or ""),
            ("Organisation", data.organization),
            ("Job title", data.title),
            ("Department", data.department),
            ("Pronouns", data.pronouns),
            ("Topics", ", ".join(data.topics)),
            ("Badge code", self.details.badge_code),
            ("Arrived", "Yes" if self.checked_in else "No"),
            ("Added", "as a walk-in" if self.details.is_walk_in else "registered"),
            ("Notes", data.notes),
        ]


def read_candidates(session: Session, person_ids: Sequence[int]) -> tuple[Candidate, ...]:
    return tuple(Candidate(roster.get_person(session, person_id), checkin.is_checked_in(session, person_id))
                 for person_id in person_ids)


def merge_group(session: Session, keep: int, others: Sequence[int]) -> int:
    for other in others:
        roster.merge_people(session, keep, other)
    return keep


class MergeDialog(QDialog):
    #: A group was merged; the id of the record kept.
    merged = Signal(int)

    def __init__(self, ops: Operations, groups: Sequence[DuplicateGroup], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Possible duplicates")
        self.setMinimumSize(560, 420)
        # Tall enough for every field of two records; never taller than the window it belongs to.
        height = 600 if parent is None else min(600, max(420, parent.window().height() - 40))
        self.resize(680, height)
        self._ops = ops
        self.groups = tuple(groups)
        self.position = 0
        self.candidates: tuple[Candidate, ...] = ()
        self.keep_group = QButtonGroup(self)

        self.step_label = named(QLabel(""), "sectionTitle")
        self.reason_label = named(QLabel(""), "pageSubtitle")
        self.reason_label.setWordWrap(True)
        self.comparison = named(QWidget(), "mergeComparison")
        self.grid = QGridLayout(self.comparison)
        self.grid.setHorizontalSpacing(18)
        self.grid.setVerticalSpacing(6)
        scroll = named(QScrollArea(), "mergeScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.StyledPanel)
        scroll.setWidget(self.comparison)
        explanation = named(QLabel(MERGE_TEXT), "pageSubtitle")
        explanation.setWordWrap(True)
        self.error_label = named(QLabel(""), "inlineError")
        self.error_label.setWordWrap(True)
        self.error_label.hide()

        self.buttons = QDialogButtonBox()
        self.skip_button = QPushButton("Not the same person")
        self.skip_button.setToolTip("Leave these records as they are and go to the next group")
        self.merge_button = named(QPushButton("Merge"), "primaryButton")
        self.buttons.addButton(self.skip_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.merge_button, QDialogButtonBox.ButtonRole.ApplyRole)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 14)
        layout.setSpacing(10)
        layout.addWidget(self.step_label)
        layout.addWidget(self.reason_label)
        layout.addWidget(scroll, 1)
        layout.addWidget(explanation)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self._connect_signals()
        self._show_group()

    def _connect_signals(self) -> None:
        self.skip_button.clicked.connect(self._on_skip_button_clicked)
        self.merge_button.clicked.connect(self._on_merge_button_clicked)
        self.close_button.clicked.connect(self.accept)

    # -- driving the dialog

    @property
    def keep_id(self) -> int | None:
        return self.keep_group.checkedId() if self.keep_group.checkedButton() is not None else None

    def choose_keep(self, person_id: int) -> None:
        button = self.keep_group.button(person_id)
        if button is not None:
            button.setChecked(True)

    def merge(self) -> bool:
        """Merge the current group into the chosen record (in the background), then show the next
        group; False when there is nothing to merge now."""
        keep = self.keep_id
        if keep is None or not self.merge_button.isEnabled():
            return False
        others = [candidate.id for candidate in self.candidates if candidate.id != keep]
        self._set_busy(True)
        self._ops.change("people.merge", lambda session: merge_group(session, keep, others), done=self._on_merged,
                         refused=self._on_merge_refused, failed=self._on_merge_failed, owner=self)
        return True

    def skip(self) -> None:
        self._next()

    # -- slots

    def _on_skip_button_clicked(self) -> None:
        self.skip()

    def _on_merge_button_clicked(self) -> None:
        self.merge()

    # -- outcomes

    def _on_merged(self, keep: int) -> None:
        self.merged.emit(keep)
        self._next()

    def _on_merge_refused(self, error: DomainError) -> None:
        self.error_label.setText(str(error))
        self.error_label.show()

    def _on_merge_failed(self, _failure: Failure) -> None:
        self._set_busy(False)

    def _on_candidates_read(self, position: int, candidates: tuple[Candidate, ...]) -> None:
        if position != self.position:
            return
        self.candidates = candidates
        self._fill_grid()

    # -- helpers

    def _set_busy(self, busy: bool) -> None:
        self.merge_button.setEnabled(not busy)
        self.skip_button.setEnabled(not busy)

    def _next(self) -> None:
        self.position += 1
        if self.position >= len(self.groups):
            self.accept()
            return
        self._show_group()

    def _show_group(self) -> None:
        self.error_label.hide()
        if not self.groups:
            self.step_label.setText("No possible duplicates")
            self.reason_label.setText("")
            self.merge_button.setEnabled(False)
            self.skip_button.setEnabled(False)
            return
        group = self.groups[self.position]
        position, ids = self.position, group.person_ids
        # The buttons come back with the records (see _fill_grid).
        self._set_busy(True)
        self._ops.query("people.merge.read", lambda session: read_candidates(session, ids),
                        done=lambda candidates: self._on_candidates_read(position, candidates), owner=self)
        total = len(self.groups)
        step = f"Possible duplicate {self.position + 1} of {total}" if total > 1 else "Possible duplicate"
        self.step_label.setText(step)
        reason = REASONS.get(group.reason, f"Why: {group.reason}.")
        self.reason_label.setText(f"{reason} If they are the same person, choose the record to keep and merge.")

    def _fill_grid(self) -> None:
        for button in self.keep_group.buttons():
            self.keep_group.removeButton(button)
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        columns = [candidate.values() for candidate in self.candidates]
        for column, candidate in enumerate(self.candidates, start=1):
            radio = QRadioButton("Keep this record")
            name = columns[column - 1][0][1]
            radio.setAccessibleName(f"Keep the record of {name}, badge {candidate.details.badge_code}")
            self.keep_group.addButton(radio, candidate.id)
            self.grid.addWidget(radio, 0, column)
        for row, (label, _value) in enumerate(columns[0], start=1):
            values = [values[row - 1][1] for values in columns]
            if not any(values):
                continue
            caption = named(QLabel(label), "statCaption")
            self.grid.addWidget(caption, row, 0, Qt.AlignmentFlag.AlignTop)
            differs = len(set(values)) > 1
            for column, value in enumerate(values, start=1):
                # Values that differ are in bold: those are what the choice decides.
                shown = escape(value) if value else "<span style='color:gray'>—</span>"
                cell = QLabel(f"<b>{shown}</b>" if differs and value else shown)
                cell.setTextFormat(Qt.TextFormat.RichText)
                cell.setWordWrap(True)
                cell.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                self.grid.addWidget(cell, row, column, Qt.AlignmentFlag.AlignTop)
        for column in range(1, len(self.candidates) + 1):
            self.grid.setColumnStretch(column, 1)
        self.grid.setRowStretch(len(columns[0]) + 1, 1)
        # The record with an e-mail address is usually the registered one: offer it first.
        preferred = next((c for c in self.candidates if c.details.data.email), self.candidates[0])
        self.choose_keep(preferred.id)
        self.merge_button.setEnabled(True)
        self.skip_button.setEnabled(True)
        self.merge_button.setDefault(True)
