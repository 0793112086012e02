"""The feedback kiosk: mentees (and mentors) give feedback on their own meetings, full screen.

As at the check-in kiosk, a person finds themselves by badge scan, badge code, e-mail or name (a
typed name must match one person, who is asked "Are you …?"); the kiosk then shows only that
person's meetings — the names of the people they met — with a 1–5 rating (mentees only), "I'd
like to follow up" and a comment. Keys work too: 1–5 and Y/N on the highlighted meeting, Up/Down
to move, Enter to send. After sending, or when left alone, the screen resets for the next person.

Only the organiser's PIN (setting ``KIOSK_PIN``) leaves it, as with the check-in kiosk.
"""

from __future__ import annotations

import enum
import hmac

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.exc import SQLAlchemyError

from mentordesk.models import Person
from mentordesk.models.store import EventStore
from mentordesk.services import feedback as fb
from mentordesk.services import lookup
from mentordesk.services.feedback import FeedbackError
from mentordesk.settings import KIOSK_PIN, Settings
from mentordesk.ui import errors
from mentordesk.ui.checkin.scan_field import ScanField
from mentordesk.ui.flash.feedback_kiosk_card import MeetingCard

#: How long "thank you" or a message stays before the welcome prompt returns.
RESULT_MS = 6_000
#: "Are you …?" and the PIN prompt wait this long for an answer.
QUESTION_MS = 20_000
#: A form left alone this long is abandoned (nothing saved) for the next person.
FORM_IDLE_MS = 120_000
LEAVE_KEY = "Ctrl+Shift+K"
WELCOME_TEXT = "Scan your badge or type your name to give feedback on your meetings"

#: The shared style sheet knows the check-in kiosk; the meeting cards need a little more.
_STYLE = """
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
QPushButton#kioskSend { font-size: 20pt; padding: 14px 36px; border-radius: 10px; background: #2e7d5b;
    color: white; border: 1px solid #266a4d; }
QPushButton#kioskCancel { font-size: 16pt; padding: 12px 24px; border-radius: 10px; border: 1px solid palette(mid); }
"""


class KioskState(enum.StrEnum):
    WELCOME = "welcome"
    CONFIRM = "confirm"
    FORM = "form"
    RESULT = "result"
    PIN = "pin"


class FeedbackKiosk(QWidget):
    #: Kiosk mode was left (with the PIN, or because the event was closed).
    finished = Signal()

    def __init__(self, store: EventStore, settings: Settings, flash_session_id: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window | Qt.WindowType.WindowStaysOnTopHint)
        self.setObjectName("kioskWindow")
        self.setWindowTitle("Feedback")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setStyleSheet(_STYLE)
        # Keys on the form (digits, Y/N, arrows) come to the window itself.
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._store = store
        self._settings = settings
        self.flash_session_id = flash_session_id
        self._unlocked = False
        self.state = KioskState.WELCOME
        #: Who is giving feedback now (asked "Are you …?", or filling in the form).
        self.person_id: int | None = None
        self.person_name = ""
        self.cards: list[MeetingCard] = []
        self.current = 0
        self.return_timer = QTimer(self)
        self.return_timer.setSingleShot(True)
        self.result_ms, self.question_ms, self.form_ms = RESULT_MS, QUESTION_MS, FORM_IDLE_MS
        self._build()
        self.leave_shortcut = QShortcut(QKeySequence(LEAVE_KEY), self)
        self._connect_signals()
        self._show_welcome()

    def _build(self) -> None:
        self.title_label = QLabel("How were your meetings?", objectName="kioskTitle")
        self.title_label.setWordWrap(True)
        self.prompt_label = QLabel(WELCOME_TEXT, objectName="kioskPrompt")
        self.prompt_label.setWordWrap(True)
        self.prompt_label.setTextFormat(Qt.TextFormat.PlainText)
        for label in (self.title_label, self.prompt_label):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.field = ScanField()
        self.field.setObjectName("kioskField")
        self.field.setAccessibleName(WELCOME_TEXT)
        self.field.setPlaceholderText("Badge or name, then Enter")
        self.message_label = QLabel("", objectName="kioskNote")
        self.message_label.setWordWrap(True)
        self.message_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message_label.setTextFormat(Qt.TextFormat.PlainText)
        self.yes_button = QPushButton("Yes, that’s me", objectName="kioskYes")
        self.no_button = QPushButton("No", objectName="kioskNo")
        answers = QHBoxLayout()
        answers.addStretch(1)
        for button in (self.yes_button, self.no_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            answers.addWidget(button)
        answers.addStretch(1)
        self.answers = QWidget()
        self.answers.setLayout(answers)
        welcome = QWidget()
        welcome_layout = QVBoxLayout(welcome)
        welcome_layout.addStretch(1)
        welcome_layout.addWidget(self.message_label)
        welcome_layout.addWidget(self.answers)
        welcome_layout.addStretch(2)

        self.cards_box = QWidget(objectName="kioskCards")
        self.cards_layout = QVBoxLayout(self.cards_box)
        self.cards_layout.setSpacing(12)
        self.scroll = QScrollArea(objectName="kioskScroll")
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidgetResizable(True)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidget(self.cards_box)
        self.form_note = QLabel("Tap a number to rate (1 = not useful, 5 = very useful). Keys: 1–5, Y/N, "
                                "↑/↓ to move, Enter to send.", objectName="kioskFormNote")
        self.form_note.setWordWrap(True)
        self.send_button = QPushButton("Send my feedback", objectName="kioskSend")
        self.cancel_button = QPushButton("Cancel", objectName="kioskCancel")
        for button in (self.send_button, self.cancel_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        buttons.addWidget(self.send_button)
        form = QWidget()
        form_layout = QVBoxLayout(form)
        form_layout.setContentsMargins(0, 0, 0, 0)
        form_layout.addWidget(self.form_note)
        form_layout.addWidget(self.scroll, 1)
        form_layout.addLayout(buttons)

        self.pin_panel = QWidget()
        self.pin_edit = QLineEdit(objectName="kioskPin")
        self.pin_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin_edit.setAccessibleName("Kiosk PIN")
        self.pin_edit.setMaximumWidth(320)
        self.pin_error = QLabel("", objectName="kioskPinError")
        self.pin_error.setAlignment(Qt.AlignmentFlag.AlignCenter)
        pin_note = QLabel("Organisers: enter the PIN to leave kiosk mode. Esc goes back.", objectName="kioskNote")
        pin_note.setWordWrap(True)
        pin_note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        pin_layout = QVBoxLayout(self.pin_panel)
        pin_layout.addWidget(pin_note)
        pin_layout.addWidget(self.pin_edit, 0, Qt.AlignmentFlag.AlignHCenter)
        pin_layout.addWidget(self.pin_error)
        pin_layout.addStretch(1)

        self.stack = QStackedWidget(objectName="kioskStack")
        self.welcome_page, self.form_page = welcome, form
        for page in (welcome, form, self.pin_panel):
            self.stack.addWidget(page)
        self.exit_button = QPushButton("Organiser", objectName="kioskExit")
        self.exit_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.exit_button.setToolTip(f"Leave kiosk mode with the PIN ({LEAVE_KEY})")

        column = QVBoxLayout()
        column.setSpacing(16)
        column.addWidget(self.title_label)
        column.addWidget(self.prompt_label)
        column.addWidget(self.field)
        column.addWidget(self.stack, 1)
        middle = QHBoxLayout()
        middle.addStretch(1)
        middle.addLayout(column, 10)
        middle.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.exit_button)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 24, 24, 16)
        outer.addLayout(middle, 1)
        outer.addLayout(bottom)

    def _connect_signals(self) -> None:
        self.field.entered.connect(self._on_field_entered)
        self.field.settled.connect(self._on_field_settled)
        self.field.escaped.connect(self._on_field_escaped)
        self.field.textEdited.connect(self._on_field_text_edited)
        self.yes_button.clicked.connect(self._on_yes_button_clicked)
        self.no_button.clicked.connect(self._on_no_button_clicked)
        self.send_button.clicked.connect(self._on_send_button_clicked)
        self.cancel_button.clicked.connect(self._on_cancel_button_clicked)
        self.pin_edit.returnPressed.connect(self._on_pin_edit_return_pressed)
        self.exit_button.clicked.connect(self._on_exit_button_clicked)
        self.leave_shortcut.activated.connect(self._on_exit_button_clicked)
        self.return_timer.timeout.connect(self._on_return_timer_timeout)

    # -- what the kiosk offers

    def start(self) -> None:
        self.showFullScreen()
        self.raise_()
        self.activateWindow()
        self._show_welcome()

    def force_close(self) -> None:
        """Leave without the PIN: only for the app itself (the event was closed)."""
        self._unlocked = True
        self.close()

    def leave(self, pin: str) -> bool:
        expected = self._settings.get(KIOSK_PIN)
        if expected and hmac.compare_digest(pin.encode(), expected.encode()):
            self._unlocked = True
            self.close()
            return True
        self.pin_edit.clear()
        self.pin_error.setText("That is not the PIN.")
        self.return_timer.start(self.question_ms)
        return False

    def submit(self, text: str, *, automatic: bool = False) -> None:
        """Find the person ``text`` names: a badge or e-mail opens their form; a name asks first."""
        try:
            with self._store.read_session() as session:
                found = lookup.lookup(session, self._store.event_id, text, names=False)
                person = found.unique
                if person is not None:
                    self._open_form(session, person)
                    return
                if automatic:
                    return
                matches = lookup.search_names(session, self._store.event_id, text, limit=2)
                if len(matches) == 1:
                    self._ask(session, matches[0])
                    return
        except SQLAlchemyError as exc:
            errors.report_unexpected(exc)
            self._show_message("Sorry, that did not work. Please ask at the desk.")
            return
        if matches:
            self._show_message("More than one person has that name. Please type your full name, or scan "
                               "your badge.", keep_text=True)
        else:
            self._show_message(f"We couldn’t find “{text.strip()}”. Please check the spelling, or scan your "
                               "badge.", keep_text=True)

    def confirm(self, yes: bool) -> None:
        """Answer "Are you …?"."""
        person, self.person_id = self.person_id, None
        if self.state is not KioskState.CONFIRM or person is None:
            return
        if not yes:
            self._show_message("Sorry about that! Please type your full name, or scan your badge.")
            return
        with self._store.read_session() as session:
            self._open_form(session, person)

    def send(self) -> bool:
        """Save the form (every meeting on it) and thank the person; False if it was not saved."""
        if self.state is not KioskState.FORM or self.person_id is None:
            return False
        answers = [card.answer() for card in self.cards]
        try:
            with self._store.session() as session:
                fb.record_answers(session, self.person_id, answers)
        except FeedbackError as exc:
            self.form_note.setText(f"Not saved: {exc}. Please ask at the desk.")
            return False
        except SQLAlchemyError as exc:
            errors.report_unexpected(exc)
            self.form_note.setText("Sorry, that was not saved. Please ask at the desk.")
            return False
        first = self.person_name.split(" ")[0]
        self._show_message(f"Thank you, {first}! Your feedback is saved.")
        return True

    def ask_for_pin(self) -> None:
        self._clear_form()
        self.state = KioskState.PIN
        self.field.reset()
        self.pin_edit.clear()
        self.pin_error.setText("")
        self._set_prompt(False, "Leave kiosk mode")
        self.stack.setCurrentWidget(self.pin_panel)
        self.pin_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.return_timer.start(self.question_ms)

    def move(self, step: int) -> None:
        if self.cards:
            self._set_current(max(0, min(len(self.cards) - 1, self.current + step)))

    @property
    def visible_text(self) -> str:
        """Every piece of text a person at the kiosk can see right now (for privacy tests)."""
        labels = [label.text() for label in self.findChildren(QLabel) if label.isVisible() and label.text()]
        edits = [edit.text() for edit in self.findChildren(QLineEdit) if edit.isVisible() and edit.text()]
        return "\n".join(labels + edits)

    # -- Qt events

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._unlocked:
            event.ignore()
            self.ask_for_pin()
            return
        self.return_timer.stop()
        super().closeEvent(event)
        self.finished.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, text = event.key(), event.text().lower()
        if self.state is KioskState.PIN and key == Qt.Key.Key_Escape:
            self._show_welcome()
        elif self.state is KioskState.CONFIRM and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.confirm(True)
        elif self.state is KioskState.CONFIRM and key == Qt.Key.Key_Escape:
            self.confirm(False)
        elif self.state is KioskState.FORM and self.cards:
            self.return_timer.start(self.form_ms)
            card = self.cards[self.current]
            if text in ("1", "2", "3", "4", "5"):
                card.set_rating(int(text))
            elif text in ("y", "n"):
                card.set_follow_up(text == "y")
            elif key in (Qt.Key.Key_Down, Qt.Key.Key_Tab):
                self.move(1)
            elif key in (Qt.Key.Key_Up, Qt.Key.Key_Backtab):
                self.move(-1)
            elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.send()
            elif key == Qt.Key.Key_Escape:
                self._show_welcome()
            elif text.isprintable() and text.strip():
                # Anything else typed is the start of a comment.
                card.comment_edit.setFocus(Qt.FocusReason.OtherFocusReason)
                card.comment_edit.insert(event.text())
        # Nothing here closes the kiosk (a QWidget, unlike a QDialog, ignores Escape).
        event.accept()

    # -- slots

    def _on_field_entered(self, text: str) -> None:
        if self.state is KioskState.CONFIRM and not text.strip():
            self.confirm(True)
        elif text.strip():
            self.submit(text)

    def _on_field_settled(self, text: str, _by_hand: bool) -> None:
        self.submit(text, automatic=True)

    def _on_field_escaped(self) -> None:
        if self.state is KioskState.CONFIRM:
            self.confirm(False)
        else:
            self._show_welcome()

    def _on_field_text_edited(self, text: str) -> None:
        if self.state is KioskState.CONFIRM and text.strip():
            self._show_welcome(keep_text=True)
        else:
            self.return_timer.start(self.question_ms)

    def _on_yes_button_clicked(self) -> None:
        self.confirm(True)

    def _on_no_button_clicked(self) -> None:
        self.confirm(False)

    def _on_send_button_clicked(self) -> None:
        self.send()

    def _on_cancel_button_clicked(self) -> None:
        self._show_welcome()

    def _on_card_touched(self) -> None:
        card = self.sender()
        if isinstance(card, MeetingCard) and card in self.cards:
            self._set_current(self.cards.index(card), focus=False)
        self.return_timer.start(self.form_ms)

    def _on_card_next_requested(self) -> None:
        if self.current + 1 < len(self.cards):
            self.move(1)
            self.cards[self.current].comment_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.send()

    def _on_pin_edit_return_pressed(self) -> None:
        self.leave(self.pin_edit.text())

    def _on_exit_button_clicked(self) -> None:
        self.ask_for_pin()

    def _on_return_timer_timeout(self) -> None:
        self._show_welcome()

    # -- helpers

    def _ask(self, session: object, person_id: int) -> None:
        person = self._store_person(session, person_id)
        self.state = KioskState.CONFIRM
        self.person_id = person_id
        self.field.reset()
        self.message_label.setText(f"Are you {person.full_name}?\n\nEnter: yes · Esc: no")
        self.answers.show()
        self.stack.setCurrentWidget(self.welcome_page)
        self.return_timer.start(self.question_ms)

    def _open_form(self, session: object, person_id: int) -> None:
        person = self._store_person(session, person_id)
        own = fb.meetings(session, self.flash_session_id, person_id=person_id)  # type: ignore[arg-type]
        if not own:
            self._show_message(f"{person.full_name}: we have no meetings for you in this rotation. "
                               "Please ask at the desk.")
            return
        self._clear_form()
        self.state = KioskState.FORM
        self.person_id, self.person_name = person_id, person.full_name
        as_mentee = own[0].mentee_id == person_id
        for meeting in sorted(own, key=lambda m: (m.round_number, m.table_number)):
            card = MeetingCard(meeting, as_mentee=as_mentee)
            card.touched.connect(self._on_card_touched)
            card.next_requested.connect(self._on_card_next_requested)
            self.cards.append(card)
            self.cards_layout.addWidget(card)
        self.cards_layout.addStretch(1)
        self.field.reset()
        self._set_prompt(False, f"Hello, {person.full_name}!")
        self.form_note.setText(
            ("Rate each meeting: tap 1 (not useful) to 5 (very useful). " if as_mentee else "")
            + "Would you like to follow up? Keys: " + ("1–5, " if as_mentee else "")
            + "Y/N, ↑/↓ to move, Enter to send.")
        self.stack.setCurrentWidget(self.form_page)
        self._set_current(0)
        self.return_timer.start(self.form_ms)

    def _store_person(self, session: object, person_id: int) -> Person:
        person = session.get(Person, person_id)  # type: ignore[attr-defined]
        assert isinstance(person, Person)
        return person

    def _set_current(self, index: int, *, focus: bool = True) -> None:
        self.current = index
        for number, card in enumerate(self.cards):
            card.set_current(number == index)
        if self.cards:
            self.scroll.ensureWidgetVisible(self.cards[index])
            if focus:
                # Keys go to the kiosk (digits, Y/N), not into a comment.
                self.setFocus(Qt.FocusReason.OtherFocusReason)

    def _clear_form(self) -> None:
        for card in self.cards:
            card.deleteLater()
        self.cards = []
        while self.cards_layout.count():
            item = self.cards_layout.takeAt(0)
            if item.widget() is not None:
                item.widget().hide()
        self.person_id, self.person_name = None, ""

    def _show_welcome(self, *, keep_text: bool = False) -> None:
        self._clear_form()
        self.state = KioskState.WELCOME
        self.return_timer.stop()
        if not keep_text:
            self.field.reset()
        self.message_label.setText("Typing your name? Press Enter when you are done.")
        self.answers.hide()
        self._set_prompt(True, "How were your meetings?")
        self.stack.setCurrentWidget(self.welcome_page)
        self.field.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_message(self, text: str, *, keep_text: bool = False) -> None:
        self._clear_form()
        self.state = KioskState.RESULT
        if keep_text:
            self.field.selectAll()
        else:
            self.field.reset()
        self.message_label.setText(text)
        self.answers.hide()
        self._set_prompt(True, "How were your meetings?")
        self.stack.setCurrentWidget(self.welcome_page)
        self.field.setFocus(Qt.FocusReason.OtherFocusReason)
        self.return_timer.start(self.result_ms)

    def _set_prompt(self, visible: bool, title: str) -> None:
        self.title_label.setText(title)
        self.prompt_label.setVisible(visible)
        self.field.setVisible(visible)
