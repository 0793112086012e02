"""The feedback kiosk: mentees (and mentors) give feedback on their own meetings, full screen.

As at the check-in kiosk, a person finds themselves by badge scan, badge code or their whole name
(the rules are ``services/kiosk.py``'s ``find_for_kiosk``: a typed name must be a whole registered
name, whose owner is asked "Are you …?"; half a name, an unknown name or an e-mail address get one
and the same answer, so nobody learns who is registered); the kiosk then shows only that person's
meetings — the names of the people they met — with a 1–5 rating (mentees only), "I'd
like to follow up" and a comment. Keys work too: 1–5 and Y/N on the highlighted meeting, Up/Down
to move, Enter to send. After sending, or when left alone, the screen resets for the next person.

Only the organiser's PIN (setting ``KIOSK_PIN``) leaves it, as with the check-in kiosk.

Finding someone is a query and sending the form a change of the operations layer
(``ui/operations.py``): the screen moves on when the answer arrives (a fraction of a second), and
only the answer to the latest lookup is shown. A form that could not be saved stays on screen with
what was entered, so it can be sent again.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QLabel, QLineEdit, QStackedWidget, QVBoxLayout, QWidget

from mentordesk.services import feedback as fb
from mentordesk.services.domain_error import DomainError
from mentordesk.services.kiosk import KioskFound, KioskLookup, find_for_kiosk
from mentordesk.settings import Settings
from mentordesk.ui.flash.feedback_kiosk_form import FORM_STYLE, MeetingForm
from mentordesk.ui.operations import Failure, FailureKind, Operations
from mentordesk.ui.widgets.kiosk_base import LEAVE_KEY, QUESTION_MS, RESULT_MS, KioskBase, KioskState
from mentordesk.ui.widgets.naming import named

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

__all__ = ["FORM_IDLE_MS", "LEAVE_KEY", "QUESTION_MS", "RESULT_MS", "WELCOME_TEXT", "FeedbackKiosk", "KioskState"]

#: A form left alone this long is abandoned (nothing saved) for the next person.
FORM_IDLE_MS = 120_000
TITLE = "How were your meetings?"
WELCOME_TEXT = "Scan your badge or type your full name to give feedback on your meetings"
#: The one answer to half a name, an unknown name or an e-mail: it must not tell them apart.
NOT_FOUND_TEXT = "Type your full name as registered, or scan your badge."
SHARED_NAME_TEXT = "More than one person has that name. Please scan your badge, or ask at the desk."
#: When a lookup could not be made (the details went to the banner or the error report).
LOOKUP_FAILED_TEXT = "Sorry, that did not work. Please ask at the desk."


@dataclass(frozen=True)
class Found:
    """Who was typed or scanned, and their meetings when the kiosk is to show or name them."""

    lookup: KioskLookup
    own: fb.OwnMeetings | None = None


def find_person(session: Session, event_id: int, flash_session_id: int, text: str, *, automatic: bool) -> Found:
    """The kiosk's lookup (``find_for_kiosk``) and, for a badge or a whole name, their meetings."""
    found = find_for_kiosk(session, event_id, text, badge_only=automatic)
    wanted = found.found is KioskFound.BADGE or (found.found is KioskFound.NAME and not automatic)
    if found.person_id is None or not wanted:
        return Found(found)
    return Found(found, fb.own_meetings(session, flash_session_id, found.person_id))


class FeedbackKiosk(KioskBase):
    def __init__(self, ops: Operations, settings: Settings, flash_session_id: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(ops.store, settings, "Feedback", parent)
        self._ops = ops
        #: Numbers the lookups; only the latest one's answer is shown.
        self._asked = 0
        #: Numbers the forms opened, so a save answered late does not thank the next person.
        self._form_number = 0
        self.setStyleSheet(FORM_STYLE)
        # Keys on the form (digits, Y/N, arrows) come to the window itself.
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.flash_session_id = flash_session_id
        #: Who is giving feedback now (asked "Are you …?", or filling in the form).
        self.person_id: int | None = None
        self.person_name = ""
        self.person_greeting = ""
        self.form_ms = FORM_IDLE_MS
        self._build()
        self._ready()

    def _build(self) -> None:
        self.title_label = named(QLabel(TITLE), "kioskTitle")
        self.title_label.setWordWrap(True)
        self.prompt_label = named(QLabel(WELCOME_TEXT), "kioskPrompt")
        self.prompt_label.setWordWrap(True)
        self.prompt_label.setTextFormat(Qt.TextFormat.PlainText)
        for label in (self.title_label, self.prompt_label):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._build_field(WELCOME_TEXT)
        self.message_label = named(QLabel(""), "kioskNote")
        self.message_label.setWordWrap(True)
        self.message_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message_label.setTextFormat(Qt.TextFormat.PlainText)
        self._build_answers()
        welcome = QWidget()
        # The check-in kiosk's message box and its tones (shared style sheet).
        self.message = named(QFrame(), "kioskMessage")
        self.message.setProperty("tone", "ready")
        message_layout = QVBoxLayout(self.message)
        message_layout.setContentsMargins(32, 24, 32, 24)
        message_layout.addWidget(self.message_label)
        message_layout.addWidget(self.answers)
        welcome_layout = QVBoxLayout(welcome)
        welcome_layout.addStretch(1)
        welcome_layout.addWidget(self.message)
        welcome_layout.addStretch(2)

        self.form = MeetingForm()

        self._build_pin_panel(QWidget())

        self.stack = named(QStackedWidget(), "kioskStack")
        self.welcome_page = welcome
        for page in (welcome, self.form, self.pin_panel):
            self.stack.addWidget(page)

        column = QVBoxLayout()
        column.setSpacing(16)
        column.addWidget(self.title_label)
        column.addWidget(self.prompt_label)
        column.addWidget(self.field)
        column.addWidget(self.stack, 1)
        self._lay_out(column, 10)

    def _connect_signals(self) -> None:
        super()._connect_signals()
        self.form.send_requested.connect(self._on_form_send_requested)
        self.form.cancel_requested.connect(self._on_form_cancel_requested)
        self.form.touched.connect(self._on_form_touched)
        self.form.keys_wanted.connect(self._on_form_keys_wanted)

    # -- what the kiosk offers

    def submit(self, text: str, *, automatic: bool = False) -> None:
        """Find the person ``text`` names: a badge opens their form; a whole name asks first."""
        event_id, flash_session_id = self._ops.event_id, self.flash_session_id
        asked = self._ask_again()

        def done(found: Found) -> None:
            if asked == self._asked:
                self._show_found(found, automatic=automatic)

        self._ops.query("feedback.kiosk.find",
                        lambda session: find_person(session, event_id, flash_session_id, text, automatic=automatic),
                        done=done, refused=self._ignore_refusal, failed=self._lookup_failed(asked), owner=self)

    def confirm(self, yes: bool) -> None:
        """Answer "Are you …?"."""
        person, self.person_id = self.person_id, None
        if self.state is not KioskState.CONFIRM or person is None:
            return
        if not yes:
            self._show_message("Sorry about that! Please scan your badge, or ask at the desk.", tone="info")
            return
        flash_session_id = self.flash_session_id
        asked = self._ask_again()

        def done(own: fb.OwnMeetings) -> None:
            if asked == self._asked:
                self._open_form(person, own)

        self._ops.query("feedback.kiosk.meetings", lambda session: fb.own_meetings(session, flash_session_id, person),
                        done=done, refused=self._ignore_refusal, failed=self._lookup_failed(asked), owner=self)

    def send(self) -> None:
        """Save the form (every meeting on it) and thank the person; a form not saved stays, with
        what was entered and why, so it can be sent again."""
        person = self.person_id
        if self.state is not KioskState.FORM or person is None or not self.form.send_button.isEnabled():
            return
        answers = self.form.answers()
        form, greeting = self._form_number, self.person_greeting
        self.form.send_button.setEnabled(False)

        def still_open() -> bool:
            return self.state is KioskState.FORM and self._form_number == form

        def done(_saved: int) -> None:
            if still_open():
                self._show_message(f"Thank you, {greeting}! Your feedback is saved.", tone="ok")

        def refused(error: DomainError) -> None:
            if still_open():
                self.form.note_label.setText(f"Not saved: {error}. Please ask at the desk.")

        def failed(failure: Failure) -> None:
            if not still_open():
                return
            if failure.kind is not FailureKind.REFUSED:
                self.form.note_label.setText("Sorry, that was not saved. Please ask at the desk.")
            self.form.send_button.setEnabled(True)

        self._ops.change("feedback.kiosk.send", lambda session: fb.record_answers(session, person, answers),
                         done=done, refused=refused, failed=failed, owner=self)

    @property
    def visible_text(self) -> str:
        """Every piece of text a person at the kiosk can see right now (for privacy tests)."""
        labels = [label.text() for label in self.findChildren(QLabel) if label.isVisible() and label.text()]
        edits = [edit.text() for edit in self.findChildren(QLineEdit) if edit.isVisible() and edit.text()]
        return "\n".join(labels + edits)

    # -- slots

    def _on_field_settled(self, text: str, _by_hand: bool) -> None:
        self.submit(text, automatic=True)

    def _on_field_text_edited(self, text: str) -> None:
        if self.state is KioskState.CONFIRM and text.strip():
            self._show_welcome(keep_text=True)
        else:
            self.return_timer.start(self.question_ms)

    def _on_form_send_requested(self) -> None:
        self.send()

    def _on_form_cancel_requested(self) -> None:
        self._show_welcome()

    def _on_form_touched(self) -> None:
        self.return_timer.start(self.form_ms)

    def _on_form_keys_wanted(self) -> None:
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- helpers

    def _handle_key(self, event: QKeyEvent) -> None:
        key = event.key()
        if self.state is KioskState.CONFIRM and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.confirm(True)
        elif self.state is KioskState.CONFIRM and key == Qt.Key.Key_Escape:
            self.confirm(False)
        elif self.state is KioskState.FORM and key == Qt.Key.Key_Escape:
            self._show_welcome()
        elif self.state is KioskState.FORM:
            self.form.handle_key(event)

    def _forget_person(self) -> None:
        self._clear_form()

    def _ask_again(self) -> int:
        """A new lookup: answers to the ones before it are no longer shown."""
        self._asked += 1
        return self._asked

    def _show_found(self, found: Found, *, automatic: bool) -> None:
        lookup, own = found.lookup, found.own
        if lookup.found is KioskFound.BADGE and lookup.person_id is not None and own is not None:
            self._open_form(lookup.person_id, own)
        elif automatic:
            return
        elif lookup.found is KioskFound.NAME and lookup.person_id is not None and own is not None:
            self._ask(lookup.person_id, own.name)
        elif lookup.found is KioskFound.SHARED_NAME:
            self._show_message(SHARED_NAME_TEXT, keep_text=True)
        else:
            self._show_message(NOT_FOUND_TEXT, keep_text=True)

    @staticmethod
    def _ignore_refusal(_error: DomainError) -> None:
        """A refused lookup is said like any failed one (``_lookup_failed``), never in a message box."""

    def _lookup_failed(self, asked: int) -> Callable[[Failure], None]:
        def failed(_failure: Failure) -> None:
            if asked == self._asked:
                self._show_message(LOOKUP_FAILED_TEXT, tone="error")

        return failed

    def _ask(self, person_id: int, name: str) -> None:
        self.state = KioskState.CONFIRM
        self.person_id = person_id
        self.field.reset()
        self.message_label.setText(f"Are you {name}?\n\nEnter: yes · Esc: no")
        self._set_tone("info")
        self.answers.show()
        self.stack.setCurrentWidget(self.welcome_page)
        self.return_timer.start(self.question_ms)

    def _open_form(self, person_id: int, own: fb.OwnMeetings) -> None:
        if not own.meetings:
            self._show_message(f"{own.name}: we have no meetings for you in this rotation. Please ask at the desk.")
            return
        self._clear_form()
        self.state = KioskState.FORM
        self.person_id, self.person_name, self.person_greeting = person_id, own.name, own.greeting
        self.field.reset()
        self._set_prompt(False, f"Hello, {own.greeting}!")
        self.stack.setCurrentWidget(self.form)
        self.form.fill(own)
        self._form_number += 1
        self.form.send_button.setEnabled(True)
        self.return_timer.start(self.form_ms)

    def _clear_form(self) -> None:
        self.form.clear()
        self.person_id, self.person_name, self.person_greeting = None, "", ""

    def _show_welcome(self, *, keep_text: bool = False) -> None:
        # The next person: answers to lookups made before are not shown to them.
        self._ask_again()
        self._clear_form()
        self.state = KioskState.WELCOME
        self.return_timer.stop()
        if not keep_text:
            self.field.reset()
        self.message_label.setText("Typing your name? Type it in full, then press Enter.")
        self._set_tone("ready")
        self.answers.hide()
        self._set_prompt(True, TITLE)
        self.stack.setCurrentWidget(self.welcome_page)
        self.field.setFocus(Qt.FocusReason.OtherFocusReason)

    def _set_tone(self, tone: str) -> None:
        if self.message.property("tone") != tone:
            self.message.setProperty("tone", tone)
            for widget in (self.message, self.message_label):
                widget.style().unpolish(widget)
                widget.style().polish(widget)

    def _show_message(self, text: str, *, tone: str = "warn", keep_text: bool = False) -> None:
        self._clear_form()
        self.state = KioskState.RESULT
        if keep_text:
            self.field.selectAll()
        else:
            self.field.reset()
        self.message_label.setText(text)
        self._set_tone(tone)
        self.answers.hide()
        self._set_prompt(True, TITLE)
        self.stack.setCurrentWidget(self.welcome_page)
        self.field.setFocus(Qt.FocusReason.OtherFocusReason)
        self.return_timer.start(self.result_ms)

    def _set_prompt(self, visible: bool, title: str) -> None:
        super()._set_prompt(visible, title)
        # On the form a smaller greeting leaves the height to the meetings (laptops at 1024×600).
        compact = self.state is KioskState.FORM
        if self.title_label.property("compact") != compact:
            self.title_label.setProperty("compact", compact)
            self.title_label.style().unpolish(self.title_label)
            self.title_label.style().polish(self.title_label)
