"""Kiosk mode: a full-screen window where people check themselves in.

Privacy comes first: the kiosk only ever shows the name of the person in front of it, and never
tells a stranger who is registered (the rules are ``services/kiosk.py``'s ``find_for_kiosk``). A
badge shows that person's own name and checks them in; a typed name must be a whole registered
name, whose owner is asked "Are you …?" before anything is recorded; when several people share
it, nobody is named and the person is asked to scan their badge or see the desk. Half a name, an
unknown name and any e-mail address all get the same answer ("Type your full name as registered,
or scan your badge"). After a few seconds the kiosk returns to its welcome prompt.

Only the organiser's PIN (setting ``KIOSK_PIN``) leaves kiosk mode: Escape, Alt+F4 or closing the
window from the task bar bring up the PIN prompt instead (see ``ui/widgets/kiosk_base.py``, shared
with the feedback kiosk).

Each badge or name is one change of the operations layer (``ui/operations.py``) on the event's
one writer: the lookup and the check-in in one transaction, the answer shown when it is written.
An answer to input the kiosk has moved on from (a newer badge, Escape, the PIN prompt) is not
shown; what it recorded stays recorded.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QStackedWidget, QVBoxLayout, QWidget

from mentordesk.models import CheckinMethod
from mentordesk.services import desk
from mentordesk.services.desk import DeskResult, Outcome, PersonCard
from mentordesk.services.domain_error import DomainError
from mentordesk.services.kiosk import KioskFound, find_for_kiosk
from mentordesk.settings import STATION_NAME, Settings
from mentordesk.ui.checkin.fitted_label import FittedLabel
from mentordesk.ui.checkin.result_panel import Tone
from mentordesk.ui.itemmodels.checkin_log_model import local_time
from mentordesk.ui.operations import Failure, Operations
from mentordesk.ui.sound import Cue, SoundPlayer
from mentordesk.ui.widgets.bidi import isolate
from mentordesk.ui.widgets.kiosk_base import LEAVE_KEY, QUESTION_MS, RESULT_MS, KioskBase, KioskState
from mentordesk.ui.widgets.naming import named

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

__all__ = ["LEAVE_KEY", "QUESTION_MS", "RESULT_MS", "TITLE", "WELCOME_TEXT", "KioskState", "KioskWindow"]

TITLE = "Welcome!"
WELCOME_TEXT = "Scan your badge or type your full name"
#: The one answer to half a name, an unknown name or an e-mail: it must not tell them apart.
NOT_FOUND_HEADLINE = "Type your full name as registered, or scan your badge"
NOT_FOUND_NOTE = "Or ask at the desk."
SHARED_NAME_HEADLINE = "More than one person has that name"
SHARED_NAME_NOTE = "Please scan your badge, or ask at the desk."


@dataclass(frozen=True)
class KioskAnswer:
    """What one input at the kiosk found, and the check-in it made (a badge)."""

    found: KioskFound
    result: DeskResult | None = None
    #: Whose whole name was typed: they are asked "Are you …?".
    card: PersonCard | None = None


def look_up_and_check_in(session: Session, event_id: int, text: str, station: str, *, automatic: bool) -> KioskAnswer:
    """A badge checks its owner in; a whole name only finds them (see the module docstring)."""
    found = find_for_kiosk(session, event_id, text, badge_only=automatic)
    if found.found is KioskFound.BADGE and found.person_id is not None:
        result = desk.check_in_person(session, found.person_id, station=station, raw=text.strip(),
                                      method=CheckinMethod.KIOSK)
        return KioskAnswer(found.found, result=result)
    if found.found is KioskFound.NAME and found.person_id is not None:
        return KioskAnswer(found.found, card=desk.person_card(session, found.person_id))
    return KioskAnswer(found.found)


class KioskWindow(KioskBase):
    def __init__(
        self, ops: Operations, settings: Settings, sound: SoundPlayer, parent: QWidget | None = None
    ) -> None:
        super().__init__(ops.store, settings, "Self check-in", parent)
        self._ops = ops
        self._sound = sound
        #: Bumped by every input and every fresh start: only the latest input's answer is shown.
        self._asked = 0
        #: Inputs asked about whose answer has not arrived yet.
        self.answers_pending = 0
        #: The person asked "Are you …?".
        self.pending: PersonCard | None = None
        self._build()
        self._ready()

    def _build(self) -> None:
        self.title_label = named(QLabel(TITLE), "kioskTitle")
        self.prompt_label = named(QLabel(WELCOME_TEXT), "kioskPrompt")
        self.prompt_label.setWordWrap(True)
        for label in (self.title_label, self.prompt_label):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._build_field(WELCOME_TEXT)

        self.message = named(QFrame(), "kioskMessage")
        self.message.setProperty("tone", Tone.READY.value)
        self.headline_label = named(QLabel(""), "kioskHeadline")
        self.headline_label.setWordWrap(True)
        self.name_label = FittedLabel(largest_pt=54, smallest_pt=22, object_name="kioskName")
        self.table_label = named(QLabel(""), "kioskTable")
        self.note_label = named(QLabel(""), "kioskNote")
        self.note_label.setWordWrap(True)
        for label in (self.headline_label, self.name_label, self.table_label, self.note_label):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setTextFormat(Qt.TextFormat.PlainText)
        # "Your table: 4" reads left to right whatever the script of the name above it.
        self.table_label.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self._build_answers(spacing=24, key_tips=True)
        message_layout = QVBoxLayout(self.message)
        message_layout.setContentsMargins(32, 24, 32, 28)
        message_layout.setSpacing(12)
        message_layout.addStretch(1)
        for widget in (self.headline_label, self.name_label, self.table_label, self.note_label, self.answers):
            message_layout.addWidget(widget)
        message_layout.addStretch(1)

        self._build_pin_panel(named(QFrame(), "kioskPinPanel"), spacing=14)

        self.stack = named(QStackedWidget(), "kioskStack")
        self.stack.addWidget(self.message)
        self.stack.addWidget(self.pin_panel)

        column = QVBoxLayout()
        column.setSpacing(18)
        column.addStretch(1)
        # Full width, centred text: a wrapped label given only its own width would be cut off.
        column.addWidget(self.title_label)
        column.addWidget(self.prompt_label)
        column.addWidget(self.field)
        column.addWidget(self.stack, 3)
        column.addStretch(1)
        self._lay_out(column, 8)

    # -- what the kiosk offers

    def submit(self, text: str, *, automatic: bool = False, by_hand: bool = False) -> None:
        """Handle a badge or a name; see the module docstring for what is shown."""
        station, event_id = self._settings.get(STATION_NAME), self._ops.event_id
        self._asked += 1
        asked = self._asked

        def done(answer: KioskAnswer) -> None:
            self.answers_pending -= 1
            if asked == self._asked:
                self._on_answer(answer, automatic=automatic, by_hand=by_hand)

        def failed(_failure: Failure) -> None:
            self.answers_pending -= 1
            if asked == self._asked:
                self._show_message(Tone.ERROR, "Sorry, that did not work", note="Please ask at the desk.",
                                   cue=Cue.ATTENTION)

        self.answers_pending += 1
        self._ops.change("kiosk.check_in",
                         lambda session: look_up_and_check_in(session, event_id, text, station, automatic=automatic),
                         done=done, refused=self._on_refused, failed=failed, owner=self)

    def confirm(self, yes: bool) -> None:
        """Answer "Are you …?"."""
        card, self.pending = self.pending, None
        if card is None:
            return
        if not yes:
            self._show_message(Tone.INFO, "Sorry about that!",
                               note="Please scan your badge, or ask at the desk.")
            return
        station = self._settings.get(STATION_NAME)
        self._asked += 1
        asked = self._asked

        def done(result: DeskResult) -> None:
            self.answers_pending -= 1
            if asked == self._asked:
                self._show_checked_in(result)

        def failed(_failure: Failure) -> None:
            self.answers_pending -= 1
            if asked == self._asked:
                self._show_message(Tone.ERROR, "Sorry, that did not work", note="Please ask at the desk.")

        self.answers_pending += 1
        self._ops.change("kiosk.confirm",
                         lambda session: desk.check_in_person(session, card.id, station=station,
                                                              method=CheckinMethod.KIOSK),
                         done=done, refused=self._on_refused, failed=failed, owner=self)

    # -- outcomes

    def _on_answer(self, answer: KioskAnswer, *, automatic: bool, by_hand: bool) -> None:
        if answer.result is not None:
            self._show_checked_in(answer.result)
        elif automatic:
            if not by_hand:
                self._show_message(Tone.ERROR, "We couldn’t find that badge",
                                   note="Please try again, type your full name, or ask at the desk.",
                                   cue=Cue.ATTENTION)
            # Typed by hand: they are probably still typing; Enter gives the verdict.
        elif answer.card is not None:
            self._ask(answer.card)
        elif answer.found is KioskFound.SHARED_NAME:
            self._show_message(Tone.WARN, SHARED_NAME_HEADLINE, note=SHARED_NAME_NOTE, cue=Cue.ATTENTION,
                               keep_text=True)
        else:
            self._show_message(Tone.WARN, NOT_FOUND_HEADLINE, note=NOT_FOUND_NOTE, cue=Cue.ATTENTION,
                               keep_text=True)

    def _on_refused(self, _error: DomainError) -> None:
        """Not for a guest's eyes (it may name someone): ``failed`` says "Sorry" instead."""

    # -- slots

    def _on_field_settled(self, text: str, by_hand: bool) -> None:
        self.submit(text, automatic=True, by_hand=by_hand)

    def _on_field_text_edited(self, text: str) -> None:
        if self.state is KioskState.CONFIRM and text.strip():
            # They started typing again instead of answering: that is a no.
            self.pending = None
            self._show_welcome(keep_text=True)
        elif self.state is KioskState.RESULT:
            self.return_timer.start(self.result_ms)
        else:
            # Half a name left behind by someone who walked away is cleared after a while.
            self.return_timer.start(self.question_ms)

    # -- helpers

    def _show_welcome(self, *, keep_text: bool = False) -> None:
        self._asked += 1
        self.state = KioskState.WELCOME
        self.pending = None
        self.return_timer.stop()
        if not keep_text:
            self.field.reset()
        self._fill(Tone.READY, "", note="Typing your name? Type it in full, then press Enter.")
        self._set_prompt(True, TITLE)
        self.stack.setCurrentWidget(self.message)
        self.field.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_checked_in(self, result: DeskResult) -> None:
        card = result.person
        assert card is not None
        table = f"Your table: {card.first_table}" if card.first_table else ""
        if result.outcome is Outcome.ALREADY:
            # "at 02:13", not "since 02:13": the time is when it happened, not how long it has lasted.
            headline = (f"You already checked in at {local_time(card.checked_in_at)}" if card.checked_in_at
                        else "You are already checked in")
            self._show_message(Tone.WARN, headline, name=card.name, table=table,
                               note="Enjoy the event!", cue=Cue.ATTENTION)
        else:
            self._show_message(Tone.OK, "You are checked in. Welcome!", name=card.name, table=table,
                               note="Enjoy the event!", cue=Cue.CHECKED_IN)

    def _ask(self, card: PersonCard) -> None:
        self.state = KioskState.CONFIRM
        self.pending = card
        self.field.reset()
        self._fill(Tone.INFO, "", name=f"Are you {isolate(card.name)}?", note="Enter: yes · Esc: no", answers=True)
        self.return_timer.start(self.question_ms)

    def _show_message(self, tone: Tone, headline: str, *, name: str = "", table: str = "", note: str = "",
                      cue: Cue | None = None, keep_text: bool = False) -> None:
        self.state = KioskState.RESULT
        self.pending = None
        if keep_text:
            # Still there to read, but selected: the next name or badge replaces it rather than
            # being appended to it.
            self.field.selectAll()
        else:
            self.field.reset()
        self._fill(tone, headline, name=name, table=table, note=note)
        self._set_prompt(True, TITLE)
        self.stack.setCurrentWidget(self.message)
        self.field.setFocus(Qt.FocusReason.OtherFocusReason)
        if cue is not None:
            self._sound.play(cue)
        self.return_timer.start(self.result_ms)

    def _fill(self, tone: Tone, headline: str, *, name: str = "", table: str = "", note: str = "",
              answers: bool = False) -> None:
        self.headline_label.setText(headline)
        self.name_label.setText(name)
        self.table_label.setText(table)
        self.note_label.setText(note)
        for label in (self.headline_label, self.name_label, self.table_label, self.note_label):
            label.setVisible(bool(label.text()))
        self.answers.setVisible(answers)
        if self.message.property("tone") != tone.value:
            self.message.setProperty("tone", tone.value)
            for widget in (self.message, self.headline_label, self.table_label, self.note_label):
                widget.style().unpolish(widget)
                widget.style().polish(widget)

    def _forget_person(self) -> None:
        self._asked += 1
        self.pending = None

    @property
    def visible_text(self) -> str:
        """Every piece of text a person at the kiosk can see right now (for privacy tests)."""
        labels = [label.text() for label in self.findChildren(QLabel) if label.isVisible() and label.text()]
        return "\n".join([*labels, self.field.text()])
