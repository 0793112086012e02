"""The feedback kiosk's form: one card per meeting (who, when, a 1–5 rating, "I'd like to follow
up", a comment) with big touch targets, and the same from the keyboard: 1–5 and Y/N on the
highlighted card, Up/Down (or Tab) to move, typing starts its comment, Enter sends.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from mentordesk.services.feedback import COMMENT_MAX_CHARS, Answer, Meeting, OwnMeetings
from mentordesk.ui.widgets.naming import named

#: The shared style sheet knows the check-in kiosk; the meeting cards need a little more.
FORM_STYLE = """
QFrame#kioskCard { border: 1px solid palette(mid); border-radius: 12px; background: palette(base); }
QFrame#kioskCard[current="true"] { border: 3px solid #1f5f8b; }
QLabel#kioskCardName { font-size: 20pt; font-weight: 600; }
QLabel#kioskCardWhen { font-size: 14pt; color: palette(placeholder-text); }
QPushButton#kioskRating { font-size: 18pt; min-width: 56px; min-height: 48px; border-radius: 8px;
    border: 1px solid palette(mid); }
QPushButton#kioskRating:checked { background: #f2b134; border-color: #c98f1c; }
QPushButton#kioskFollow { font-size: 15pt; padding: 8px 18px; border-radius: 8px; border: 1px solid palette(mid); }
QPushButton#kioskFollow:checked { background: #2e7d5b; color: white; border-color: #266a4d; }
QLineEdit#kioskComment { font-size: 15pt; padding: 6px 10px; }
QLabel#kioskFormNote { font-size: 14pt; }
QLabel#kioskTitle[compact="true"] { font-size: 26pt; }
QPushButton#kioskSend { font-size: 20pt; padding: 14px 36px; border-radius: 10px; background: #2e7d5b;
    color: white; border: 1px solid #266a4d; }
QPushButton#kioskCancel { font-size: 16pt; padding: 12px 24px; border-radius: 10px; border: 1px solid palette(mid); }
"""


class MeetingCard(QFrame):
    #: Anything on the card was touched or typed (the kiosk keeps the form open).
    touched = Signal()
    #: Enter in the comment: the next card.
    next_requested = Signal()
    #: Up (-1) or Down (+1) in the comment: move to another card (the scroll area would eat them).
    step_requested = Signal(int)
    #: Escape in the comment: keys go back to the kiosk (digits rate again).
    comment_left = Signal()

    def __init__(self, meeting: Meeting, *, as_mentee: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kioskCard")
        # Always its full height: the list scrolls rather than squeezing the cards.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setProperty("current", False)
        self.meeting = meeting
        self.as_mentee = as_mentee
        other = meeting.mentor_name if as_mentee else meeting.mentee_name
        self.who_label = named(QLabel(other), "kioskCardName")
        self.who_label.setTextFormat(Qt.TextFormat.PlainText)
        self.who_label.setWordWrap(True)
        self.when_label = named(QLabel(f"Round {meeting.round_number} · Table {meeting.table_number}"), "kioskCardWhen")
        self.rating_buttons: list[QPushButton] = []
        self.rating_group = QButtonGroup(self)
        self.rating_group.setExclusive(False)
        ratings = QHBoxLayout()
        ratings.setSpacing(8)
        for value in range(1, 6):
            button = named(QPushButton(str(value)), "kioskRating")
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
        self.follow_button = named(QPushButton("I’d like to follow up"), "kioskFollow")
        self.follow_button.setCheckable(True)
        self.follow_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.comment_edit = named(QLineEdit(), "kioskComment")
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
        self.comment_edit.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.comment_edit and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            steps = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1, Qt.Key.Key_Tab: 1, Qt.Key.Key_Backtab: -1}
            if event.key() in steps:
                self.step_requested.emit(steps[Qt.Key(event.key())])
                return True
            if event.key() == Qt.Key.Key_Escape:
                self.comment_left.emit()
                return True
        return super().eventFilter(watched, event)

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


class MeetingForm(QWidget):
    """Every meeting of one person, a note above, Cancel and Send below."""

    #: Anything on the form was touched or typed (the kiosk keeps it open a while longer).
    touched = Signal()
    send_requested = Signal()
    cancel_requested = Signal()
    #: The kiosk window should take the keys (digits, Y/N) rather than a comment field.
    keys_wanted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cards: list[MeetingCard] = []
        self.current = 0
        self.scroll_area = named(QScrollArea(), "kioskScroll")
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._new_box()
        self.note_label = named(QLabel(""), "kioskFormNote")
        self.note_label.setWordWrap(True)
        self.note_label.setTextFormat(Qt.TextFormat.PlainText)
        self.send_button = named(QPushButton("Send my feedback"), "kioskSend")
        self.cancel_button = named(QPushButton("Cancel"), "kioskCancel")
        for button in (self.send_button, self.cancel_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        buttons.addWidget(self.send_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.note_label)
        layout.addWidget(self.scroll_area, 1)
        layout.addLayout(buttons)
        self.send_button.clicked.connect(self.send_requested)
        self.cancel_button.clicked.connect(self.cancel_requested)

    def fill(self, own: OwnMeetings) -> None:
        self.clear()
        for meeting in own.meetings:
            card = MeetingCard(meeting, as_mentee=own.as_mentee, parent=self.cards_box)
            # Styled (fonts, paddings) before the layout asks for its size, not after.
            for widget in (card, *card.findChildren(QWidget)):
                widget.ensurePolished()
            card.touched.connect(self._on_card_touched)
            card.next_requested.connect(self._on_card_next_requested)
            card.step_requested.connect(self.move_by)
            card.comment_left.connect(self.keys_wanted)
            self.cards.append(card)
            self.cards_layout.addWidget(card)
        self.cards_layout.addStretch(1)
        # Shown now rather than on the next event loop pass, so the box is laid out for them.
        for card in self.cards:
            card.show()
        self.cards_box.show()
        self.cards_layout.activate()
        count = len(own.meetings)
        self.note_label.setText(
            f"Feedback from {own.name} on {count} meeting{'s' if count != 1 else ''}.\n"
            + ("Rate each meeting: tap 1 (not useful) to 5 (very useful). " if own.as_mentee else "")
            + "Would you like to follow up? Keys: " + ("1–5, " if own.as_mentee else "")
            + "Y/N, ↑/↓ to move, Enter to send.")
        self.set_current(0)

    def clear(self) -> None:
        if self.cards:
            self.cards = []
            self._new_box()

    def _new_box(self) -> None:
        # A fresh box for each person: refilling the old one left the scroll area sizing it for the
        # previous person's cards, squeezing the new ones.
        self.cards_box = named(QWidget(), "kioskCards")
        self.cards_layout = QVBoxLayout(self.cards_box)
        self.cards_layout.setSpacing(12)
        self.scroll_area.setWidget(self.cards_box)  # the previous box and its cards are deleted

    def answers(self) -> list[Answer]:
        return [card.answer() for card in self.cards]

    def move_by(self, step: int) -> None:
        if self.cards:
            self.set_current(max(0, min(len(self.cards) - 1, self.current + step)))

    def set_current(self, index: int, *, keys_to_kiosk: bool = True) -> None:
        self.current = index
        for number, card in enumerate(self.cards):
            card.set_current(number == index)
        if self.cards:
            self.scroll_area.ensureWidgetVisible(self.cards[index])
            if keys_to_kiosk:
                self.keys_wanted.emit()

    def handle_key(self, event: QKeyEvent) -> bool:
        """A key pressed while the kiosk window has the focus; True when it was used here."""
        if not self.cards:
            return False
        key, text = event.key(), event.text().lower()
        card = self.cards[self.current]
        if text in ("1", "2", "3", "4", "5"):
            card.set_rating(int(text))
        elif text in ("y", "n"):
            card.set_follow_up(text == "y")
        elif key in (Qt.Key.Key_Down, Qt.Key.Key_Tab):
            self.move_by(1)
        elif key in (Qt.Key.Key_Up, Qt.Key.Key_Backtab):
            self.move_by(-1)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.send_requested.emit()
        elif text.isprintable() and text.strip():
            # Anything else typed is the start of a comment.
            card.comment_edit.setFocus(Qt.FocusReason.OtherFocusReason)
            card.comment_edit.insert(event.text())
        else:
            return False
        self.touched.emit()
        return True

    def _on_card_touched(self) -> None:
        card = self.sender()
        if isinstance(card, MeetingCard) and card in self.cards:
            self.set_current(self.cards.index(card), keys_to_kiosk=False)
        self.touched.emit()

    def _on_card_next_requested(self) -> None:
        if self.current + 1 < len(self.cards):
            self.move_by(1)
            self.cards[self.current].comment_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.send_requested.emit()
