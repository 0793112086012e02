"""Move one occurrence of a series to another day or time; the rest of the series stays where it is."""

from __future__ import annotations

from PySide6.QtCore import QTime, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from mentordesk.models.store import EventStore
from mentordesk.services import groups as svc
from mentordesk.ui.groups.labels import when_text
from mentordesk.ui.groups.schedule_dialog import qdate


class MoveSessionDialog(QDialog):
    moved = Signal(int)

    def __init__(self, store: EventStore, info: svc.SessionInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.info = info
        self.setWindowTitle("Move session")
        intro = QLabel(f"{info.group_name}, {when_text(info.starts_at)}. Only this session moves; the others "
                       "of the series stay where they are.")
        intro.setWordWrap(True)
        self.date_edit = QDateEdit(qdate(info.starts_at.date()))
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("ddd d MMM yyyy")
        self.time_edit = QTimeEdit(QTime(info.starts_at.hour, info.starts_at.minute))
        self.time_edit.setDisplayFormat("HH:mm")
        self.error_label = QLabel("", objectName="inlineError")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.addButton("Move", QDialogButtonBox.ButtonRole.AcceptRole)
        form = QFormLayout()
        form.addRow("&Day", self.date_edit)
        form.addRow("&Time", self.time_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self._connect_signals()
        self.setMinimumWidth(380)

    def _connect_signals(self) -> None:
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)

    def move(self) -> bool:
        at = self.time_edit.time().toPython()
        try:
            with self.store.session() as session:
                svc.move_session(session, self.info.id, self.date_edit.date().toPython(), at)
        except svc.GroupError as error:
            self.error_label.setText(str(error))
            self.error_label.show()
            return False
        self.moved.emit(self.info.id)
        self.accept()
        return True

    def _on_buttons_accepted(self) -> None:
        self.move()
