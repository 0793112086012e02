"""A session's notes — agenda, what was discussed, actions — and optional feedback from its members.

Choosing a member shows their feedback, if any, to be changed; clearing both the rating and the
comment turns the button into "Remove feedback". The notes, members and feedback are read through
the operations layer as the dialog opens (the fields stay read-only and Save waits until then, so
nothing empty is written over them); each save is one change.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from mentordesk.services import groups as svc
from mentordesk.services.domain_error import DomainError
from mentordesk.ui.operations import Failure, Operations
from mentordesk.ui.widgets.group_labels import when_text
from mentordesk.ui.widgets.naming import named
from mentordesk.ui.widgets.tables import fit_to_screen

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


@dataclass(frozen=True)
class NotesSnapshot:
    """What the dialog shows of a session, read in one go."""

    notes: svc.SessionNotes
    members: list[svc.RosterRow]
    feedback: list[svc.SessionFeedbackInfo]


def read_notes(session: Session, session_id: int) -> NotesSnapshot:
    return NotesSnapshot(svc.get_notes(session, session_id), svc.roster(session, session_id),
                         svc.session_feedback(session, session_id))


def feedback_text(items: list[svc.SessionFeedbackInfo]) -> str:
    if not items:
        return "No feedback yet."
    lines = []
    for item in items:
        stars = "★" * (item.rating or 0) + "☆" * (5 - (item.rating or 0)) if item.rating else "no rating"
        lines.append(f"{item.author_name}: {stars}" + (f" — {item.comment}" if item.comment else ""))
    return "\n".join(lines)


class NotesDialog(QDialog):
    def __init__(self, ops: Operations, info: svc.SessionInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.info = info
        self.setWindowTitle(f"Notes — {info.group_name}")
        heading = f"{info.group_name} · {when_text(info.starts_at)}" + (f" · {info.topic}" if info.topic else "")
        title = named(QLabel(heading), "sectionTitle")
        title.setWordWrap(True)
        title.setTextFormat(Qt.TextFormat.PlainText)
        self.agenda_edit = QPlainTextEdit()
        self.discussion_edit = QPlainTextEdit()
        self.actions_edit = QPlainTextEdit()
        for edit, hint in ((self.agenda_edit, "What the session will cover"),
                           (self.discussion_edit, "What was discussed"),
                           (self.actions_edit, "Who does what before next time")):
            edit.setPlaceholderText(hint)
            edit.setTabChangesFocus(True)
        form = QFormLayout()
        form.addRow("&Agenda", self.agenda_edit)
        form.addRow("&Discussed", self.discussion_edit)
        form.addRow("A&ctions", self.actions_edit)

        self.feedback_label = named(QLabel(""), "pageSubtitle")
        self.feedback_label.setWordWrap(True)
        self.feedback_label.setTextFormat(Qt.TextFormat.PlainText)
        self.author_combo = QComboBox()
        self.rating_spin = QSpinBox()
        self.rating_spin.setRange(0, 5)
        self.rating_spin.setSpecialValueText("no rating")
        self.rating_spin.setSuffix(" ★")
        self.comment_edit = QLineEdit()
        self.comment_edit.setPlaceholderText("Comment (optional)")
        self.feedback_button = QPushButton("Save feedback")
        self.feedback: list[svc.SessionFeedbackInfo] = []
        feedback_row = QHBoxLayout()
        feedback_row.addWidget(self.author_combo, 1)
        feedback_row.addWidget(self.rating_spin)
        feedback_row.addWidget(self.comment_edit, 2)
        feedback_row.addWidget(self.feedback_button)
        feedback_box = QGroupBox("Feedback (optional)")
        feedback_layout = QVBoxLayout(feedback_box)
        feedback_layout.addWidget(self.feedback_label)
        feedback_layout.addLayout(feedback_row)

        self.error_label = named(QLabel(""), "inlineError")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(form, 1)
        layout.addWidget(feedback_box)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self)
        #: The notes were read (saving before would write empty fields over them).
        self.loaded = False
        #: A save of the notes or of feedback is being written.
        self._saving = False
        self._set_editable(False)
        self._show_feedback([])
        self._connect_signals()
        ops.query("groups.notes.read", lambda s: read_notes(s, info.id), done=self._on_notes_read, owner=self)
        fit_to_screen(self, 600, 620)

    def _connect_signals(self) -> None:
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        self.save_shortcut.activated.connect(self._on_buttons_accepted)
        self.feedback_button.clicked.connect(self._on_feedback_button_clicked)
        self.author_combo.currentIndexChanged.connect(self._on_author_combo_current_index_changed)
        self.rating_spin.valueChanged.connect(self._on_feedback_fields_changed)
        self.comment_edit.textChanged.connect(self._on_feedback_fields_changed)

    def save(self) -> None:
        """Write the notes; the dialog closes once they are written."""
        if not self.loaded or self._saving:
            return
        session_id = self.info.id
        agenda, discussion = self.agenda_edit.toPlainText(), self.discussion_edit.toPlainText()
        actions = self.actions_edit.toPlainText()
        self._set_saving(True)
        self.ops.change("groups.notes.save",
                        lambda s: svc.save_notes(s, session_id, agenda=agenda, discussion=discussion, actions=actions),
                        done=self._on_notes_saved, refused=self._on_refused, failed=self._on_failed, owner=self)

    def save_feedback(self) -> None:
        """Write the chosen member's feedback (or remove it); the list above shows it once written."""
        author = self.author_combo.currentData()
        if author is None or self._saving:
            return
        session_id, person_id = self.info.id, int(author)
        rating, comment = self.rating_spin.value() or None, self.comment_edit.text()

        def work(session: Session) -> list[svc.SessionFeedbackInfo]:
            svc.save_session_feedback(session, session_id, person_id, rating=rating, comment=comment)
            return svc.session_feedback(session, session_id)

        self._set_saving(True)
        self.ops.change("groups.notes.feedback", work, done=self._on_feedback_saved, refused=self._on_refused,
                        failed=self._on_failed, owner=self)

    def existing_feedback(self) -> svc.SessionFeedbackInfo | None:
        """What the member chosen in the list has said so far."""
        author = self.author_combo.currentData()
        return next((item for item in self.feedback if item.author_id == author), None)

    def _show_feedback(self, feedback: list[svc.SessionFeedbackInfo]) -> None:
        self.feedback = feedback
        self.feedback_label.setText(feedback_text(feedback))
        self._fill_feedback_fields()

    def _fill_feedback_fields(self) -> None:
        existing = self.existing_feedback()
        self.rating_spin.setValue(existing.rating or 0 if existing else 0)
        self.comment_edit.setText(existing.comment if existing else "")
        self._update_feedback_button()

    def _update_feedback_button(self) -> None:
        empty = not self.rating_spin.value() and not self.comment_edit.text().strip()
        existing = self.existing_feedback()
        self.feedback_button.setText("Remove feedback" if empty and existing else "Save feedback")
        self.feedback_button.setEnabled(self.author_combo.count() > 0 and not (empty and existing is None)
                                        and not self._saving)

    def _set_editable(self, editable: bool) -> None:
        for edit in (self.agenda_edit, self.discussion_edit, self.actions_edit):
            edit.setReadOnly(not editable)
        self.save_button.setEnabled(editable)

    def _set_saving(self, saving: bool) -> None:
        self._saving = saving
        self.save_button.setEnabled(self.loaded and not saving)
        self._update_feedback_button()

    def _show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()

    def _on_notes_read(self, snapshot: NotesSnapshot) -> None:
        self.agenda_edit.setPlainText(snapshot.notes.agenda)
        self.discussion_edit.setPlainText(snapshot.notes.discussion)
        self.actions_edit.setPlainText(snapshot.notes.actions)
        self.author_combo.blockSignals(True)
        for member in snapshot.members:
            self.author_combo.addItem(member.name, member.person_id)
        self.author_combo.blockSignals(False)
        self.loaded = True
        self._set_editable(True)
        self._show_feedback(snapshot.feedback)

    def _on_notes_saved(self, _notes: svc.SessionNotes) -> None:
        self.accept()

    def _on_feedback_saved(self, feedback: list[svc.SessionFeedbackInfo]) -> None:
        self._set_saving(False)
        self.error_label.hide()
        self._show_feedback(feedback)

    def _on_refused(self, error: DomainError) -> None:
        self._show_error(str(error))

    def _on_failed(self, _failure: Failure) -> None:
        self._set_saving(False)

    def _on_buttons_accepted(self) -> None:
        self.save()

    def _on_feedback_button_clicked(self) -> None:
        self.save_feedback()

    def _on_author_combo_current_index_changed(self, _index: int) -> None:
        self._fill_feedback_fields()

    def _on_feedback_fields_changed(self, *_args: object) -> None:
        self._update_feedback_button()
