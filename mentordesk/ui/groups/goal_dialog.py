"""A mentee's goal (title, group, target date, status, description) and its dated progress entries."""

from __future__ import annotations

from datetime import date

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
from mentordesk.models.store import EventStore
from mentordesk.services import groups as svc
from mentordesk.ui.groups.dialog_parts import (
    choice_combo,
    date_edit,
    error_label,
    form_layout,
    qdate,
    save_cancel_buttons,
    show_error,
)
from mentordesk.ui.widgets.group_labels import GOAL_STATUS_LABELS, day_text
from mentordesk.ui.widgets.naming import named, with_buddy
from mentordesk.ui.widgets.qt_values import to_date


class GoalDialog(QDialog):
    saved = Signal(int)

    def __init__(self, store: EventStore, person_id: int, person_name: str, groups: list[tuple[int, str]],
                 parent: QWidget | None = None, *, goal_id: int | None = None, today: date | None = None) -> None:
        super().__init__(parent)
        self.store = store
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
        form = QFormLayout()
        form.addRow("&Goal", self.title_edit)
        form.addRow("G&roup", self.group_combo)
        form.addRow(with_buddy(QLabel("&Target"), self.target_check), target)
        form.addRow("&Status", self.status_combo)
        form.addRow("&Details", self.description_edit)
        form_layout(self, form, self.error_label, self.buttons)
        if goal_id is not None:
            with store.read_session() as session:
                goal = svc.get_goal(session, goal_id)
            self.title_edit.setText(goal.title)
            self.group_combo.setCurrentIndex(max(0, self.group_combo.findData(goal.group_id)))
            if goal.target_on is not None:
                self.target_check.setChecked(True)
                self.target_edit.setEnabled(True)
                self.target_edit.setDate(qdate(goal.target_on))
            self.status_combo.setCurrentIndex(list(GOAL_STATUS_LABELS).index(goal.status))
            self.description_edit.setPlainText(goal.description)
        else:
            self.status_combo.setEnabled(False)
        self._connect_signals()
        self.resize(460, self.sizeHint().height())

    def _connect_signals(self) -> None:
        self.target_check.toggled.connect(self.target_edit.setEnabled)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)

    def save(self) -> int | None:
        target = to_date(self.target_edit.date()) if self.target_check.isChecked() else None
        group = self.group_combo.currentData()
        try:
            with self.store.session() as session:
                if self.goal_id is None:
                    goal_id = svc.add_goal(session, self.person_id, self.title_edit.text(),
                                           group_id=int(group) if group is not None else None, target_on=target,
                                           description=self.description_edit.toPlainText())
                else:
                    goal_id = self.goal_id
                    svc.update_goal(session, goal_id, title=self.title_edit.text(), target_on=target,
                                    description=self.description_edit.toPlainText(),
                                    status=GoalStatus(self.status_combo.currentData()))
        except svc.GroupError as error:
            show_error(self.error_label, str(error))
            return None
        self.saved.emit(goal_id)
        self.accept()
        return goal_id

    def _on_buttons_accepted(self) -> None:
        self.save()


class ProgressDialog(QDialog):
    """Record how far a goal has come: a percentage on a date, with a comment; earlier entries listed."""

    saved = Signal(int)

    def __init__(self, store: EventStore, goal_id: int, parent: QWidget | None = None, *,
                 today: date | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.goal_id = goal_id
        with store.read_session() as session:
            goal = svc.get_goal(session, goal_id)
        self.setWindowTitle(f"Progress — {goal.title}")
        self.entries = goal.entries
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
        self.percent_slider.setValue(goal.progress)
        self.percent_spin.setValue(goal.progress)
        percent = QHBoxLayout()
        percent.addWidget(self.percent_slider, 1)
        percent.addWidget(self.percent_spin)
        self.date_edit = date_edit(today or date.today())
        self.comment_edit = QLineEdit()
        self.comment_edit.setPlaceholderText("What changed (optional)")
        self.error_label = error_label(wrap=False)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.addButton("Record", QDialogButtonBox.ButtonRole.AcceptRole)
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
        self.history_label.setText("\n".join(lines) or "No progress recorded yet.")
        self.remove_button.setEnabled(bool(self.entries))

    def remove_latest(self) -> bool:
        if not self.entries:
            return False
        latest = max(self.entries, key=lambda e: (e.recorded_on, e.id))
        try:
            with self.store.session() as session:
                svc.delete_progress(session, latest.id)
                goal = svc.get_goal(session, self.goal_id)
        except svc.GroupError as error:
            show_error(self.error_label, str(error))
            return False
        self.entries = goal.entries
        self._show_entries()
        self.percent_spin.setValue(goal.progress)
        self.saved.emit(self.goal_id)
        return True

    def record(self) -> int | None:
        try:
            with self.store.session() as session:
                entry = svc.record_progress(session, self.goal_id, self.percent_spin.value(), self.comment_edit.text(),
                                            on=to_date(self.date_edit.date()))
        except svc.GroupError as error:
            show_error(self.error_label, str(error))
            return None
        self.saved.emit(self.goal_id)
        self.accept()
        return entry

    def _on_buttons_accepted(self) -> None:
        self.record()

    def _on_remove_button_clicked(self) -> None:
        self.remove_latest()
