"""A mentee's goal (title, group, target date, status, description) and its dated progress entries.

A goal being changed is read through the operations layer as its dialog opens (saving waits for
it); every save is one change, and a dialog closes once it is written, or stays open with what was
typed when it is refused or fails.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSlider,
    QSpinBox,
    QWidget,
)

from mentordesk.models import GoalStatus
from mentordesk.services import groups as svc
from mentordesk.services.domain_error import DomainError
from mentordesk.ui.groups.dialog_parts import (
    choice_combo,
    date_edit,
    error_label,
    form_layout,
    qdate,
    save_cancel_buttons,
    show_error,
)
from mentordesk.ui.operations import Failure, Operations
from mentordesk.ui.widgets.group_labels import GOAL_STATUS_LABELS, day_text
from mentordesk.ui.widgets.naming import named, with_buddy
from mentordesk.ui.widgets.qt_values import to_date

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


class GoalDialog(QDialog):
    saved = Signal(int)

    def __init__(self, ops: Operations, person_id: int, person_name: str, groups: list[tuple[int, str]],
                 parent: QWidget | None = None, *, goal_id: int | None = None, today: date | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.person_id = person_id
        self.goal_id = goal_id
        today = today or date.today()
        self.setWindowTitle(f"{'Edit goal' if goal_id else 'New goal'} — {person_name}")
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText("e.g. Build a portfolio website")
        self.group_combo = QComboBox()
        self.group_combo.addItem("Not tied to a group", None)
        for gid, name in groups:
            self.group_combo.addItem(name, gid)
        self.target_check = QCheckBox("by")
        self.target_edit = date_edit(qdate(today).addMonths(3))
        self.target_edit.setEnabled(False)
        target = QHBoxLayout()
        target.addWidget(self.target_check)
        target.addWidget(self.target_edit, 1)
        self.status_combo = choice_combo(GOAL_STATUS_LABELS)
        self.description_edit = QPlainTextEdit()
        self.description_edit.setTabChangesFocus(True)
        self.description_edit.setFixedHeight(80)
        self.error_label = error_label()
        self.buttons = save_cancel_buttons()
        self.save_button = self.buttons.button(self.buttons.StandardButton.Save)
        form = QFormLayout()
        form.addRow("&Goal", self.title_edit)
        form.addRow("G&roup", self.group_combo)
        form.addRow(with_buddy(QLabel("&Target"), self.target_check), target)
        form.addRow("&Status", self.status_combo)
        form.addRow("&Details", self.description_edit)
        form_layout(self, form, self.error_label, self.buttons)
        self._connect_signals()
        if goal_id is not None:
            # Saving before the goal is read would write empty fields over it.
            self.save_button.setEnabled(False)
            ops.query("groups.goal.read", lambda s: svc.get_goal(s, goal_id), done=self._on_goal_read, owner=self)
        else:
            self.status_combo.setEnabled(False)
        self.resize(460, self.sizeHint().height())

    def _connect_signals(self) -> None:
        self.target_check.toggled.connect(self.target_edit.setEnabled)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)

    def save(self) -> None:
        """Write the goal; ``saved`` gives its id once it is written, and the dialog closes."""
        target = to_date(self.target_edit.date()) if self.target_check.isChecked() else None
        data = self.group_combo.currentData()
        group_id = int(data) if data is not None else None
        title, description = self.title_edit.text(), self.description_edit.toPlainText()
        status = GoalStatus(self.status_combo.currentData())
        person_id, goal_id = self.person_id, self.goal_id

        def work(session: Session) -> int:
            if goal_id is None:
                return svc.add_goal(session, person_id, title, group_id=group_id, target_on=target,
                                    description=description)
            svc.update_goal(session, goal_id, title=title, target_on=target, description=description, status=status)
            return goal_id

        self.save_button.setEnabled(False)
        self.ops.change("groups.goal.save", work, done=self._on_saved, refused=self._on_refused,
                        failed=self._on_failed, owner=self)

    def _on_goal_read(self, goal: svc.GoalInfo) -> None:
        self.title_edit.setText(goal.title)
        self.group_combo.setCurrentIndex(max(0, self.group_combo.findData(goal.group_id)))
        if goal.target_on is not None:
            self.target_check.setChecked(True)
            self.target_edit.setDate(qdate(goal.target_on))
        self.status_combo.setCurrentIndex(list(GOAL_STATUS_LABELS).index(goal.status))
        self.description_edit.setPlainText(goal.description)
        self.save_button.setEnabled(True)

    def _on_saved(self, goal_id: int) -> None:
        self.saved.emit(goal_id)
        self.accept()

    def _on_refused(self, error: DomainError) -> None:
        show_error(self.error_label, str(error))

    def _on_failed(self, _failure: Failure) -> None:
        self.save_button.setEnabled(True)

    def _on_buttons_accepted(self) -> None:
        self.save()


class ProgressDialog(QDialog):
    """Record how far a goal has come: a percentage on a date, with a comment; earlier entries listed."""

    saved = Signal(int)

    def __init__(self, ops: Operations, goal_id: int, parent: QWidget | None = None, *,
                 today: date | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.goal_id = goal_id
        self.setWindowTitle("Progress")
        self.entries: tuple[svc.ProgressEntry, ...] = ()
        #: The goal was read; until then nothing can be recorded or removed.
        self.loaded = False
        #: An entry is being recorded or removed.
        self._saving = False
        self.history_label = named(QLabel(""), "pageSubtitle")
        self.history_label.setWordWrap(True)
        self.history_label.setTextFormat(Qt.TextFormat.PlainText)
        self.percent_slider = QSlider(Qt.Orientation.Horizontal)
        self.percent_slider.setRange(0, 100)
        self.percent_slider.setSingleStep(5)
        self.percent_slider.setPageStep(10)
        self.percent_spin = QSpinBox()
        self.percent_spin.setRange(0, 100)
        self.percent_spin.setSuffix(" %")
        percent = QHBoxLayout()
        percent.addWidget(self.percent_slider, 1)
        percent.addWidget(self.percent_spin)
        self.date_edit = date_edit(today or date.today())
        self.comment_edit = QLineEdit()
        self.comment_edit.setPlaceholderText("What changed (optional)")
        self.error_label = error_label(wrap=False)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.record_button = self.buttons.addButton("Record", QDialogButtonBox.ButtonRole.AcceptRole)
        # A mistyped entry is taken back rather than argued with by a newer one.
        self.remove_button = self.buttons.addButton("Remove latest entry", QDialogButtonBox.ButtonRole.ResetRole)
        form = QFormLayout()
        form.addRow("So far", self.history_label)
        form.addRow(with_buddy(QLabel("&Progress"), self.percent_spin), percent)
        form.addRow("&On", self.date_edit)
        form.addRow("&Comment", self.comment_edit)
        form_layout(self, form, self.error_label, self.buttons)
        self._connect_signals()
        self._show_entries()
        self.percent_spin.setFocus()
        ops.query("groups.goal.read", lambda s: svc.get_goal(s, goal_id), done=self._on_goal_read, owner=self)
        self.resize(440, self.sizeHint().height())

    def _connect_signals(self) -> None:
        # The slider and the box show one value: either can be used.
        self.percent_slider.valueChanged.connect(self.percent_spin.setValue)
        self.percent_spin.valueChanged.connect(self.percent_slider.setValue)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        self.remove_button.clicked.connect(self._on_remove_button_clicked)

    def _show_entries(self) -> None:
        lines = [f"{day_text(e.recorded_on)}: {e.percent} %" + (f" — {e.comment}" if e.comment else "")
                 for e in self.entries]
        self.history_label.setText("\n".join(lines) or ("No progress recorded yet." if self.loaded else ""))
        self._update_buttons()

    def _update_buttons(self) -> None:
        ready = self.loaded and not self._saving
        self.record_button.setEnabled(ready)
        self.remove_button.setEnabled(ready and bool(self.entries))

    def remove_latest(self) -> None:
        """Take back the latest entry; the list and the percentage show what is left once it is written."""
        if not self.entries or self._saving:
            return
        latest = max(self.entries, key=lambda e: (e.recorded_on, e.id))
        goal_id = self.goal_id

        def work(session: Session) -> svc.GoalInfo:
            svc.delete_progress(session, latest.id)
            return svc.get_goal(session, goal_id)

        self._set_saving(True)
        self.ops.change("groups.goal.progress.remove", work, done=self._on_latest_removed,
                        refused=self._on_refused, failed=self._on_failed, owner=self)

    def record(self) -> None:
        """Record the entry; ``saved`` says so once it is written, and the dialog closes."""
        if not self.loaded or self._saving:
            return
        goal_id, percent, comment = self.goal_id, self.percent_spin.value(), self.comment_edit.text()
        on = to_date(self.date_edit.date())
        self._set_saving(True)
        self.ops.change("groups.goal.progress.record",
                        lambda s: svc.record_progress(s, goal_id, percent, comment, on=on),
                        done=self._on_recorded, refused=self._on_refused, failed=self._on_failed, owner=self)

    def _set_saving(self, saving: bool) -> None:
        self._saving = saving
        self._update_buttons()

    def _show_goal(self, goal: svc.GoalInfo) -> None:
        self.entries = goal.entries
        self.percent_spin.setValue(goal.progress)
        self._show_entries()

    def _on_goal_read(self, goal: svc.GoalInfo) -> None:
        self.setWindowTitle(f"Progress — {goal.title}")
        self.loaded = True
        self._show_goal(goal)

    def _on_latest_removed(self, goal: svc.GoalInfo) -> None:
        self._saving = False
        self._show_goal(goal)
        self.saved.emit(self.goal_id)

    def _on_recorded(self, _entry: int) -> None:
        self.saved.emit(self.goal_id)
        self.accept()

    def _on_refused(self, error: DomainError) -> None:
        show_error(self.error_label, str(error))

    def _on_failed(self, _failure: Failure) -> None:
        self._set_saving(False)

    def _on_buttons_accepted(self) -> None:
        self.record()

    def _on_remove_button_clicked(self) -> None:
        self.remove_latest()
