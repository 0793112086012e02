"""Kiosk mode: a full-screen window where people check themselves in.

Privacy comes first: the kiosk only ever shows the name of the person in front of it. A badge or
e-mail shows that person's own name; a typed name must match exactly one person, who is asked
"Are you …?" before anything is recorded; when several people match, nobody's name is shown and
the person is asked to type their full name or see the desk. After a few seconds the kiosk
returns to its welcome prompt.

Only the organiser's PIN (setting ``KIOSK_PIN``) leaves kiosk mode: Escape, Alt+F4 or closing the
window from the task bar bring up the PIN prompt instead.
"""

from __future__ import annotations

import enum
import hmac

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QLineEdit, QPushButton, QStackedWidget, QVBoxLayout, QWidget
from sqlalchemy.exc import SQLAlchemyError

from mentordesk.models import CheckinMethod
from mentordesk.models.store import EventStore
from mentordesk.services import desk, lookup
from mentordesk.services.desk import DeskResult, Outcome, PersonCard
from mentordesk.settings import KIOSK_PIN, STATION_NAME, Settings
from mentordesk.ui import errors
from mentordesk.ui.checkin.fitted_label import FittedLabel
from mentordesk.ui.checkin.result_panel import Tone
from mentordesk.ui.checkin.scan_field import ScanField
from mentordesk.ui.itemmodels.checkin_log_model import local_time
from mentordesk.ui.sound import Cue, SoundPlayer

#: How long an outcome stays before the welcome prompt returns.
RESULT_MS = 6_000
#: How long "Are you …?" and the PIN prompt wait for an answer.
QUESTION_MS = 20_000
LEAVE_KEY = "Ctrl+Shift+K"
WELCOME_TEXT = "Scan your badge or type your name"


class KioskState(enum.StrEnum):
    WELCOME = "welcome"
    RESULT = "result"
    CONFIRM = "confirm"
    PIN = "pin"


class KioskWindow(QWidget):
    #: Kiosk mode was left (with the PIN, or because the event was closed).
    finished = Signal()

    def __init__(
        self, store: EventStore, settings: Settings, sound: SoundPlayer, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window | Qt.WindowType.WindowStaysOnTopHint)
        self.setObjectName("kioskWindow")
        self.setWindowTitle("Self check-in")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self._store = store
        self._settings = settings
        self._sound = sound
        self._unlocked = False
        #: The person asked "Are you …?".
        self.pending: PersonCard | None = None
        self.state = KioskState.WELCOME
        self.return_timer = QTimer(self)
        self.return_timer.setSingleShot(True)
        self.result_ms = RESULT_MS
        self.question_ms = QUESTION_MS
        self._build()
        self.leave_shortcut = QShortcut(QKeySequence(LEAVE_KEY), self)
        self._connect_signals()
        self._show_welcome()

    def _build(self) -> None:
        self.title_label = QLabel("Welcome!", objectName="kioskTitle")
        self.prompt_label = QLabel(WELCOME_TEXT, objectName="kioskPrompt")
        self.prompt_label.setWordWrap(True)
        for label in (self.title_label, self.prompt_label):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.field = ScanField()
        self.field.setObjectName("kioskField")
        self.field.setAccessibleName(WELCOME_TEXT)
        self.field.setPlaceholderText("Badge or name, then Enter")

        self.message = QFrame(objectName="kioskMessage")
        self.message.setProperty("tone", Tone.READY.value)
        self.headline_label = QLabel("", objectName="kioskHeadline")
        self.headline_label.setWordWrap(True)
        self.name_label = FittedLabel(largest_pt=54, smallest_pt=22, object_name="kioskName")
        self.table_label = QLabel("", objectName="kioskTable")
        self.note_label = QLabel("", objectName="kioskNote")
        self.note_label.setWordWrap(True)
        for label in (self.headline_label, self.name_label, self.table_label, self.note_label):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setTextFormat(Qt.TextFormat.PlainText)
        self.yes_button = QPushButton("Yes, that’s me", objectName="kioskYes")
        self.no_button = QPushButton("No", objectName="kioskNo")
        self.yes_button.setToolTip("Enter")
        self.no_button.setToolTip("Esc")
        answers = QHBoxLayout()
        answers.setSpacing(24)
        answers.addStretch(1)
        for button in (self.yes_button, self.no_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            answers.addWidget(button)
        answers.addStretch(1)
        self.answers = QWidget()
        self.answers.setLayout(answers)
        message_layout = QVBoxLayout(self.message)
        message_layout.setContentsMargins(32, 24, 32, 28)
        message_layout.setSpacing(12)
        message_layout.addStretch(1)
        for widget in (self.headline_label, self.name_label, self.table_label, self.note_label, self.answers):
            message_layout.addWidget(widget)
        message_layout.addStretch(1)

        self.pin_panel = QFrame(objectName="kioskPinPanel")
        self.pin_label = QLabel("Organisers: enter the PIN to leave kiosk mode. Esc goes back.", objectName="kioskNote")
        self.pin_label.setWordWrap(True)
        self.pin_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pin_edit = QLineEdit(objectName="kioskPin")
        self.pin_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin_edit.setAccessibleName("Kiosk PIN")
        self.pin_edit.setMaximumWidth(320)
        self.pin_error = QLabel("", objectName="kioskPinError")
        self.pin_error.setAlignment(Qt.AlignmentFlag.AlignCenter)
        pin_layout = QVBoxLayout(self.pin_panel)
        pin_layout.setSpacing(14)
        pin_layout.addWidget(self.pin_label)
        pin_layout.addWidget(self.pin_edit, 0, Qt.AlignmentFlag.AlignHCenter)
        pin_layout.addWidget(self.pin_error)
        pin_layout.addStretch(1)

        self.stack = QStackedWidget(objectName="kioskStack")
        self.stack.addWidget(self.message)
        self.stack.addWidget(self.pin_panel)

        self.exit_button = QPushButton("Organiser", objectName="kioskExit")
        self.exit_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        leave_key = QKeySequence(LEAVE_KEY).toString(QKeySequence.SequenceFormat.NativeText)
        self.exit_button.setToolTip(f"Leave kiosk mode with the PIN ({leave_key})")

        column = QVBoxLayout()
        column.setSpacing(18)
        column.addStretch(1)
        # Full width, centred text: a wrapped label given only its own width would be cut off.
        column.addWidget(self.title_label)
        column.addWidget(self.prompt_label)
        column.addWidget(self.field)
        column.addWidget(self.stack, 3)
        column.addStretch(1)
        middle = QHBoxLayout()
        middle.addStretch(1)
        middle.addLayout(column, 8)
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
        """Leave kiosk mode if ``pin`` is right; otherwise say so."""
        expected = self._settings.get(KIOSK_PIN)
        if expected and hmac.compare_digest(pin.encode(), expected.encode()):
            self._unlocked = True
            self.close()
            return True
        self.pin_edit.clear()
        self.pin_error.setText("That is not the PIN.")
        self.return_timer.start(self.question_ms)
        return False

    def submit(self, text: str, *, automatic: bool = False, by_hand: bool = False) -> None:
        """Handle a badge, e-mail or name; see the module docstring for what is shown."""
        station = self._settings.get(STATION_NAME)
        matches: list[int] = []
        card: PersonCard | None = None
        try:
            with self._store.session() as session:
                event_id = self._store.event_id
                result = desk.check_in_input(session, event_id, text, station=station, allow_names=False,
                                             method=CheckinMethod.KIOSK)
                if result.outcome is Outcome.UNKNOWN and not automatic:
                    matches = lookup.search_names(session, event_id, text, limit=2)
                    if len(matches) == 1:
                        card = desk.person_card(session, matches[0])
        except SQLAlchemyError as exc:
            errors.report_unexpected(exc)
            self._show_message(Tone.ERROR, "Sorry, that did not work", note="Please ask at the desk.",
                               cue=Cue.ATTENTION)
            return
        if result.outcome in (Outcome.CHECKED_IN, Outcome.ALREADY):
            self._show_checked_in(result)
        elif automatic:
            if not by_hand:
                self._show_message(Tone.ERROR, "We couldn’t find that badge",
                                   note="Please try again, type your name, or ask at the desk.", cue=Cue.ATTENTION)
            # Typed by hand: they are probably still typing; Enter gives the verdict.
        elif card is not None:
            self._ask(card)
        elif matches:
            self._show_message(Tone.WARN, "More than one person has that name",
                               note="Please type your full name, or ask at the desk.", cue=Cue.ATTENTION,
                               keep_text=True)
        else:
            self._show_message(Tone.ERROR, f"We couldn’t find “{text.strip()}”",
                               note="Please check the spelling, or ask at the desk.", cue=Cue.ATTENTION,
                               keep_text=True)

    def confirm(self, yes: bool) -> None:
        """Answer "Are you …?"."""
        card, self.pending = self.pending, None
        if card is None:
            return
        if not yes:
            self._show_message(Tone.INFO, "Sorry about that!",
                               note="Please type your full name, or ask at the desk.")
            return
        try:
            with self._store.session() as session:
                result = desk.check_in_person(session, card.id, station=self._settings.get(STATION_NAME),
                                              method=CheckinMethod.KIOSK)
        except SQLAlchemyError as exc:
            errors.report_unexpected(exc)
            self._show_message(Tone.ERROR, "Sorry, that did not work", note="Please ask at the desk.")
            return
        self._show_checked_in(result)

    def ask_for_pin(self) -> None:
        self.state = KioskState.PIN
        self.pending = None
        self.field.reset()
        self.pin_edit.clear()
        self.pin_error.setText("")
        self._set_prompt(False)
        self.stack.setCurrentWidget(self.pin_panel)
        self.pin_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.return_timer.start(self.question_ms)

    # -- Qt events

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._unlocked:
            # Alt+F4, the task bar's close, a window manager: none of them leaves without the PIN.
            event.ignore()
            self.ask_for_pin()
            return
        self.return_timer.stop()
        super().closeEvent(event)
        self.finished.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.state is KioskState.PIN:
            self._show_welcome()
            return
        # Nothing else here closes or leaves the kiosk (a QWidget, unlike a QDialog, ignores Escape).
        event.accept()

    # -- slots

    def _on_field_entered(self, text: str) -> None:
        if self.state is KioskState.CONFIRM and not text.strip():
            self.confirm(True)
        elif text.strip():
            self.submit(text)

    def _on_field_settled(self, text: str, by_hand: bool) -> None:
        self.submit(text, automatic=True, by_hand=by_hand)

    def _on_field_escaped(self) -> None:
        if self.state is KioskState.CONFIRM:
            self.confirm(False)
        else:
            self._show_welcome()

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

    def _on_yes_button_clicked(self) -> None:
        self.confirm(True)

    def _on_no_button_clicked(self) -> None:
        self.confirm(False)

    def _on_pin_edit_return_pressed(self) -> None:
        self.leave(self.pin_edit.text())

    def _on_exit_button_clicked(self) -> None:
        self.ask_for_pin()

    def _on_return_timer_timeout(self) -> None:
        self._show_welcome()

    # -- helpers

    def _show_welcome(self, *, keep_text: bool = False) -> None:
        self.state = KioskState.WELCOME
        self.pending = None
        self.return_timer.stop()
        if not keep_text:
            self.field.reset()
        self._fill(Tone.READY, "", note="Typing your name? Press Enter when you are done.")
        self._set_prompt(True)
        self.stack.setCurrentWidget(self.message)
        self.field.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_checked_in(self, result: DeskResult) -> None:
        card = result.person
        assert card is not None
        table = f"Your table: {card.first_table}" if card.first_table else ""
        if result.outcome is Outcome.ALREADY:
            since = f" since {local_time(card.checked_in_at)}" if card.checked_in_at else ""
            self._show_message(Tone.WARN, f"You are already checked in{since}", name=card.name, table=table,
                               note="Enjoy the event!", cue=Cue.ATTENTION)
        else:
            self._show_message(Tone.OK, "You are checked in. Welcome!", name=card.name, table=table,
                               note="Enjoy the event!", cue=Cue.CHECKED_IN)

    def _ask(self, card: PersonCard) -> None:
        self.state = KioskState.CONFIRM
        self.pending = card
        self.field.reset()
        self._fill(Tone.INFO, "", name=f"Are you {card.name}?", note="Enter: yes · Esc: no", answers=True)
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
        self._set_prompt(True)
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

    def _set_prompt(self, visible: bool) -> None:
        # While the organiser types the PIN, nothing invites a guest to type there.
        self.title_label.setText("Welcome!" if visible else "Leave kiosk mode")
        self.prompt_label.setVisible(visible)
        self.field.setVisible(visible)

    @property
    def visible_text(self) -> str:
        """Every piece of text a person at the kiosk can see right now (for privacy tests)."""
        labels = [label.text() for label in self.findChildren(QLabel) if label.isVisible() and label.text()]
        return "\n".join([*labels, self.field.text()])
