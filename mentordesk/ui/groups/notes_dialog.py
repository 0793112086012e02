"""A session's notes — agenda, what was discussed, actions — and optional feedback from its members.

Choosing a member shows their feedback, if any, to be changed; clearing both the rating and the
comment turns the button into "Remove feedback".
"""

from __future__ import annotations

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

from mentordesk.models.store import EventStore
from mentordesk.services import groups as svc
from mentordesk.ui.widgets.group_labels import when_text
from mentordesk.ui.widgets.naming import named
from mentordesk.ui.widgets.tables import fit_to_screen


def feedback_text(items: list[svc.SessionFeedbackInfo]) -> str:
    if not items:
        return "No feedback yet."
    lines = []
    for item in items:
        stars = "★" * (item.rating or 0) + "☆" * (5 - (item.rating or 0)) if item.rating else "no rating"
        lines.append(f"{item.author_name}: {stars}" + (f" — {item.comment}" if item.comment else ""))
    return "\n".join(lines)


class NotesDialog(QDialog):
    def __init__(self, store: EventStore, info: svc.SessionInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
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
        self.save_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self)
        with store.read_session() as session:
            notes = svc.get_notes(session, info.id)
            members = svc.roster(session, info.id)
            feedback = svc.session_feedback(session, info.id)
        self.agenda_edit.setPlainText(notes.agenda)
        self.discussion_edit.setPlainText(notes.discussion)
        self.actions_edit.setPlainText(notes.actions)
        for member in members:
            self.author_combo.addItem(member.name, member.person_id)
        self._show_feedback(feedback)
        self._connect_signals()
        fit_to_screen(self, 600, 620)

    def _connect_signals(self) -> None:
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        self.save_shortcut.activated.connect(self._on_buttons_accepted)
        self.feedback_button.clicked.connect(self._on_feedback_button_clicked)
        self.author_combo.currentIndexChanged.connect(self._on_author_combo_current_index_changed)
        self.rating_spin.valueChanged.connect(self._on_feedback_fields_changed)
        self.comment_edit.textChanged.connect(self._on_feedback_fields_changed)

    def save(self) -> bool:
        try:
            with self.store.session() as session:
                svc.save_notes(session, self.info.id, agenda=self.agenda_edit.toPlainText(),
                               discussion=self.discussion_edit.toPlainText(), actions=self.actions_edit.toPlainText())
        except svc.GroupError as error:
            self._show_error(str(error))
            return False
        self.accept()
        return True

    def save_feedback(self) -> bool:
        author = self.author_combo.currentData()
        if author is None:
            return False
        rating = self.rating_spin.value() or None
        try:
            with self.store.session() as session:
                svc.save_session_feedback(session, self.info.id, int(author), rating=rating,
                                          comment=self.comment_edit.text())
                feedback = svc.session_feedback(session, self.info.id)
        except svc.GroupError as error:
            self._show_error(str(error))
            return False
        self.error_label.hide()
        self._show_feedback(feedback)
        return True

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
        self.feedback_button.setEnabled(self.author_combo.count() > 0 and not (empty and existing is None))

    def _show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()

    def _on_buttons_accepted(self) -> None:
        self.save()

    def _on_feedback_button_clicked(self) -> None:
        self.save_feedback()

    def _on_author_combo_current_index_changed(self, _index: int) -> None:
        self._fill_feedback_fields()

    def _on_feedback_fields_changed(self, *_args: object) -> None:
        self._update_feedback_button()
