"""Change one session: move it to another day or time, or change its topic, place, length or mode.

Only this session changes; the others of its series stay where and as they are. Times are wall-clock
times in the session's own zone.
"""

from __future__ import annotations

from datetime import time

from PySide6.QtCore import QTime, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from mentordesk.models import SessionMode
from mentordesk.models.store import EventStore
from mentordesk.services import groups as svc
from mentordesk.ui.groups.labels import MODE_LABELS, when_text
from mentordesk.ui.groups.schedule_dialog import qdate


class SessionDialog(QDialog):
    #: The session's id, once changed.
    changed = Signal(int)

    def __init__(self, store: EventStore, info: svc.SessionInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.info = info
        self.setWindowTitle("Change session")
        part_of = " Only this session changes; the others of its series stay as they are." if info.series_id else ""
        intro = QLabel(f"{info.group_name}, {when_text(info.starts_at)}.{part_of}")
        intro.setWordWrap(True)
        self.date_edit = QDateEdit(qdate(info.starts_at.date()))
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("ddd d MMM yyyy")
        self.time_edit = QTimeEdit(QTime(info.starts_at.hour, info.starts_at.minute))
        self.time_edit.setDisplayFormat("HH:mm")
        self.duration_spin = QSpinBox()
        self.duration_spin.setRange(5, 600)
        self.duration_spin.setSingleStep(15)
        self.duration_spin.setSuffix(" min")
        self.duration_spin.setValue(info.duration_minutes)
        when = QHBoxLayout()
        when.addWidget(self.date_edit, 1)
        when.addWidget(QLabel("at"))
        when.addWidget(self.time_edit)
        when.addWidget(QLabel("for"))
        when.addWidget(self.duration_spin)
        self.location_edit = QLineEdit(info.location)
        self.mode_combo = QComboBox()
        for mode, label in MODE_LABELS.items():
            self.mode_combo.addItem(label, mode)
        self.mode_combo.setCurrentIndex(list(MODE_LABELS).index(info.mode))
        self.link_edit = QLineEdit(info.meeting_url)
        self.link_edit.setPlaceholderText("https://… (video call link)")
        self.topic_edit = QLineEdit(info.topic)
        self.error_label = QLabel("", objectName="inlineError")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        form = QFormLayout()
        form.addRow(QLabel("&When", buddy=self.date_edit), when)
        form.addRow("W&here", self.location_edit)
        form.addRow("&Mode", self.mode_combo)
        form.addRow("&Link", self.link_edit)
        form.addRow("&Topic", self.topic_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self._connect_signals()
        self._on_mode_combo_changed()
        self.setMinimumWidth(460)

    def _connect_signals(self) -> None:
        self.mode_combo.currentIndexChanged.connect(self._on_mode_combo_changed)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)

    def save(self) -> bool:
        at = self.time_edit.time()
        day, start = self.date_edit.date().toPython(), time(at.hour(), at.minute())
        moved = (day, start) != (self.info.starts_at.date(), self.info.starts_at.time().replace(second=0, microsecond=0))
        mode = SessionMode(self.mode_combo.currentData())
        changes = svc.SessionChanges(
            topic=self.topic_edit.text(), duration_minutes=self.duration_spin.value(),
            location=self.location_edit.text(), mode=mode,
            meeting_url=self.link_edit.text() if mode is SessionMode.REMOTE else "")
        try:
            with self.store.session() as session:
                if moved:
                    svc.move_session(session, self.info.id, day, start)
                svc.update_session(session, self.info.id, changes)
        except svc.GroupError as error:
            self.error_label.setText(str(error))
            self.error_label.show()
            return False
        self.changed.emit(self.info.id)
        self.accept()
        return True

    def _on_mode_combo_changed(self, *_args: object) -> None:
        self.link_edit.setEnabled(self.mode_combo.currentData() == SessionMode.REMOTE)

    def _on_buttons_accepted(self) -> None:
        self.save()
