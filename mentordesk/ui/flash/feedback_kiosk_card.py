"""One meeting on the feedback kiosk: who, when, a 1–5 rating, "I'd like to follow up", a comment.

Big touch targets; the kiosk also drives a card from the keyboard (digits, Y/N) through
``set_rating`` and ``set_follow_up``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from mentordesk.services.feedback import COMMENT_MAX_CHARS, Answer, Meeting


class MeetingCard(QFrame):
    #: Anything on the card was touched or typed (the kiosk keeps the form open).
    touched = Signal()
    #: Enter in the comment: the next card.
    next_requested = Signal()

    def __init__(self, meeting: Meeting, *, as_mentee: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kioskCard")
        self.setProperty("current", False)
        self.meeting = meeting
        self.as_mentee = as_mentee
        other = meeting.mentor_name if as_mentee else meeting.mentee_name
        self.who_label = QLabel(other, objectName="kioskCardName")
        self.who_label.setTextFormat(Qt.TextFormat.PlainText)
        self.who_label.setWordWrap(True)
        self.when_label = QLabel(f"Round {meeting.round_number} · Table {meeting.table_number}",
                                 objectName="kioskCardWhen")
        self.rating_buttons: list[QPushButton] = []
        self.rating_group = QButtonGroup(self)
        self.rating_group.setExclusive(False)
        ratings = QHBoxLayout()
        ratings.setSpacing(8)
        for value in range(1, 6):
            button = QPushButton(str(value), objectName="kioskRating")
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setAccessibleName(f"Rating {value} of 5 for {other}")
            self.rating_group.addButton(button, value)
            self.rating_buttons.append(button)
            ratings.addWidget(button)
        ratings.addStretch(1)
        self.ratings = QWidget()
        self.ratings.setLayout(ratings)
        self.ratings.setVisible(as_mentee)
        self.follow_button = QPushButton("I’d like to follow up", objectName="kioskFollow")
        self.follow_button.setCheckable(True)
        self.follow_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.comment_edit = QLineEdit(objectName="kioskComment")
        self.comment_edit.setPlaceholderText("A comment (optional)")
        self.comment_edit.setMaxLength(COMMENT_MAX_CHARS)
        self.comment_edit.setAccessibleName(f"Comment about {other}")
        layout = QGridLayout(self)
        layout.setContentsMargins(18, 12, 18, 12)
        layout.setHorizontalSpacing(16)
        layout.setVerticalSpacing(8)
        layout.addWidget(self.who_label, 0, 0)
        layout.addWidget(self.when_label, 1, 0)
        layout.addWidget(self.ratings, 0, 1)
        layout.addWidget(self.follow_button, 1, 1, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.comment_edit, 2, 0, 1, 2)
        layout.setColumnStretch(0, 2)
        layout.setColumnStretch(1, 3)
        self.rating: int | None = None
        self._connect_signals()
        self.set_rating(meeting.rating if as_mentee else None)
        self.set_follow_up(meeting.wants_follow_up if as_mentee else meeting.mentor_wants_follow_up)
        self.comment_edit.setText(meeting.comment if as_mentee else meeting.mentor_comment)

    def _connect_signals(self) -> None:
        self.rating_group.idClicked.connect(self._on_rating_group_id_clicked)
        self.follow_button.toggled.connect(self._on_follow_button_toggled)
        self.comment_edit.textEdited.connect(self._on_comment_edit_text_edited)
        self.comment_edit.returnPressed.connect(self.next_requested)

    def set_rating(self, value: int | None) -> None:
        if not self.as_mentee:
            return
        self.rating = value
        for number, button in enumerate(self.rating_buttons, start=1):
            button.setChecked(value is not None and number <= value)

    def set_follow_up(self, value: bool) -> None:
        self.follow_button.setChecked(value)
        self.follow_button.setText("✓ I’d like to follow up" if value else "I’d like to follow up")

    def set_current(self, current: bool) -> None:
        if self.property("current") != current:
            self.setProperty("current", current)
            self.style().unpolish(self)
            self.style().polish(self)

    def answer(self) -> Answer:
        return Answer(self.meeting, self.rating, self.follow_button.isChecked(), self.comment_edit.text().strip())

    def _on_rating_group_id_clicked(self, value: int) -> None:
        # Tapping the rating already given takes it back.
        self.set_rating(None if value == self.rating else value)
        self.touched.emit()

    def _on_follow_button_toggled(self, checked: bool) -> None:
        self.set_follow_up(checked)
        self.touched.emit()

    def _on_comment_edit_text_edited(self, _text: str) -> None:
        self.touched.emit()
