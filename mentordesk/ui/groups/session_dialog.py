"""Change one session: move it to another day or time, or change its topic, place, length or mode.

Only this session changes; the others of its series stay where and as they are. Times are wall-clock
times in the session's own zone. Saving is one change through the operations layer; the dialog
closes once it is written, and stays open with what was typed when it is refused or fails.
"""

from __future__ import annotations

from datetime import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QTime, Signal
from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QLineEdit, QWidget

from mentordesk.models import SessionMode
from mentordesk.services import groups as svc
from mentordesk.services.domain_error import DomainError
from mentordesk.ui.groups.dialog_parts import (
    WhenFields,
    choice_combo,
    error_label,
    form_layout,
    save_cancel_buttons,
    show_error,
)
from mentordesk.ui.operations import Failure, Operations
from mentordesk.ui.widgets.group_labels import MODE_LABELS, when_text
from mentordesk.ui.widgets.naming import with_buddy
from mentordesk.ui.widgets.qt_values import to_date

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


class SessionDialog(QDialog):
    #: The session's id, once changed.
    changed = Signal(int)

    def __init__(self, ops: Operations, info: svc.SessionInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.info = info
        self.setWindowTitle("Change session")
        part_of = " Only this session changes; the others of its series stay as they are." if info.series_id else ""
        intro = QLabel(f"{info.group_name}, {when_text(info.starts_at)}.{part_of}")
        intro.setWordWrap(True)
        when = WhenFields(info.starts_at.date(), QTime(info.starts_at.hour, info.starts_at.minute),
                          info.duration_minutes)
        self.date_edit, self.time_edit, self.duration_spin = when.date_edit, when.time_edit, when.duration_spin
        self.location_edit = QLineEdit(info.location)
        self.mode_combo = choice_combo(MODE_LABELS)
        self.mode_combo.setCurrentIndex(list(MODE_LABELS).index(info.mode))
        self.link_edit = QLineEdit(info.meeting_url)
        self.link_edit.setPlaceholderText("https://… (video call link)")
        self.topic_edit = QLineEdit(info.topic)
        self.error_label = error_label()
        self.buttons = save_cancel_buttons()
        self.save_button = self.buttons.button(self.buttons.StandardButton.Save)
        form = QFormLayout()
        form.addRow(with_buddy(QLabel("&When"), self.date_edit), when.row)
        form.addRow("W&here", self.location_edit)
        form.addRow("&Mode", self.mode_combo)
        form.addRow("&Link", self.link_edit)
        form.addRow("&Topic", self.topic_edit)
        form_layout(self, form, self.error_label, self.buttons, intro=intro)
        self._connect_signals()
        self._on_mode_combo_changed()
        self.setMinimumWidth(460)

    def _connect_signals(self) -> None:
        self.mode_combo.currentIndexChanged.connect(self._on_mode_combo_changed)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)

    def save(self) -> None:
        """Write the changes; ``changed`` says so once they are written, and the dialog closes."""
        at = self.time_edit.time()
        day, start = to_date(self.date_edit.date()), time(at.hour(), at.minute())
        was = self.info.starts_at
        moved = (day, start) != (was.date(), was.time().replace(second=0, microsecond=0))
        mode = SessionMode(self.mode_combo.currentData())
        changes = svc.SessionChanges(
            topic=self.topic_edit.text(), duration_minutes=self.duration_spin.value(),
            location=self.location_edit.text(), mode=mode,
            meeting_url=self.link_edit.text() if mode is SessionMode.REMOTE else "")
        session_id = self.info.id

        def work(session: Session) -> None:
            if moved:
                svc.move_session(session, session_id, day, start)
            svc.update_session(session, session_id, changes)

        self.save_button.setEnabled(False)
        self.ops.change("groups.session.change", work, done=self._on_saved, refused=self._on_refused,
                        failed=self._on_failed, owner=self)

    def _on_saved(self, _result: None) -> None:
        self.changed.emit(self.info.id)
        self.accept()

    def _on_refused(self, error: DomainError) -> None:
        show_error(self.error_label, str(error))

    def _on_failed(self, _failure: Failure) -> None:
        self.save_button.setEnabled(True)

    def _on_mode_combo_changed(self, *_args: object) -> None:
        self.link_edit.setEnabled(self.mode_combo.currentData() == SessionMode.REMOTE)

    def _on_buttons_accepted(self) -> None:
        self.save()
