"""What every full-screen kiosk shares: the window, the scan field, the PIN that leaves it, the idle reset.

The check-in kiosk and the feedback kiosk subclass :class:`KioskBase`; each builds its own welcome
and message screens and says what happens to a badge or a name (``submit``, ``confirm``,
``_show_welcome``). Only the organiser's PIN (setting ``KIOSK_PIN``) leaves a kiosk: Escape, Alt+F4
or closing the window from the task bar bring up the PIN prompt instead.

Guessing the PIN is slowed down by :class:`~mentordesk.services.kiosk.PinGuard`: after three wrong
PINs each try waits (1 s, 2 s, 4 s …, counted down on screen, the PIN field disabled), and the
tenth wrong PIN in a row locks the kiosk: it keeps serving guests, but no PIN leaves it any more.
The lock is written to the settings file (``KIOSK_LOCKED``), so it outlasts the app; clearing it
(``mentordesk kiosk unlock``) unlocks a kiosk still on screen at its next PIN prompt. An organiser
unlocks at the desk: once the app is ended through the operating system (Task Manager, Force Quit;
every check-in is already saved), starting kiosk mode again asks for a PIN to be chosen, which
unlocks it — the old one may have been watched.

:class:`KioskHost` is the other side, for the page that opens a kiosk: the PIN is chosen first if
there is none, and the app window hides behind the kiosk until it is left.
"""

from __future__ import annotations

import enum
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QBoxLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from mentordesk.models.store import EventStore
from mentordesk.services.kiosk import PinGuard, PinStatus, PinVerdict
from mentordesk.settings import KIOSK_LOCKED, KIOSK_PIN, Settings
from mentordesk.ui.widgets.kiosk_pin_dialog import PinSetupDialog
from mentordesk.ui.widgets.naming import named
from mentordesk.ui.widgets.scan_field import ScanField

#: How long an outcome stays before the welcome prompt returns.
RESULT_MS = 6_000
#: How long "Are you …?" and the PIN prompt wait for an answer.
QUESTION_MS = 20_000
LEAVE_KEY = "Ctrl+Shift+K"
LEAVE_TITLE = "Leave kiosk mode"
PIN_PROMPT = "Organisers: enter the PIN to leave kiosk mode. Esc goes back."
WRONG_PIN_TEXT = "That is not the PIN."
LOCKED_TITLE = "Kiosk mode is locked"
LOCKED_TEXT = "Locked — an organiser must unlock it at the desk."
#: In the disabled PIN field while a wait runs (the style sheet draws a disabled field like any other).
WAIT_PLACEHOLDER = "Please wait"
LOCKED_NOTE = "Too many wrong PINs. Check-in goes on as usual: Esc goes back."
#: How often the "Try again in N s" countdown is redrawn.
PIN_TICK_MS = 1_000


def wait_text(seconds: int) -> str:
    return f"Try again in {seconds} s."


def tries_left_text(tries: int) -> str:
    return f"{tries} more wrong PIN{'s' if tries != 1 else ''} and kiosk mode locks."


class KioskState(enum.StrEnum):
    WELCOME = "welcome"
    RESULT = "result"
    CONFIRM = "confirm"
    #: The feedback kiosk's form is open.
    FORM = "form"
    PIN = "pin"


class KioskBase(QWidget):
    #: Kiosk mode was left (with the PIN, or because the event was closed).
    finished = Signal()

    # Built by the subclass's ``_build``.
    stack: QStackedWidget
    title_label: QLabel
    prompt_label: QLabel

    def __init__(self, store: EventStore, settings: Settings, title: str, parent: QWidget | None = None) -> None:
        """Set up the window; the subclass then builds its screens and calls :meth:`_ready`."""
        super().__init__(parent, Qt.WindowType.Window | Qt.WindowType.WindowStaysOnTopHint)
        self.setObjectName("kioskWindow")
        self.setWindowTitle(title)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self._store = store
        self._settings = settings
        self._unlocked = False
        self.state = KioskState.WELCOME
        self.return_timer = QTimer(self)
        self.return_timer.setSingleShot(True)
        self.result_ms = RESULT_MS
        self.question_ms = QUESTION_MS
        self.pin_guard = self.make_pin_guard()
        self._pin_verdict: PinVerdict | None = None
        #: Redraws the countdown while a wrong PIN's wait runs.
        self.pin_timer = QTimer(self)
        self.pin_timer.setInterval(PIN_TICK_MS)

    def _ready(self) -> None:
        """After the subclass's ``_build``: the leave shortcut, the signals, the welcome screen."""
        self.leave_shortcut = QShortcut(QKeySequence(LEAVE_KEY), self)
        self._connect_signals()
        self._show_welcome()

    # -- building blocks for the subclass's _build

    def _build_field(self, welcome_text: str) -> None:
        self.field = ScanField()
        self.field.setObjectName("kioskField")
        self.field.setAccessibleName(welcome_text)
        self.field.setPlaceholderText("Badge or name, then Enter")

    def _build_answers(self, *, spacing: int | None = None, key_tips: bool = False) -> None:
        """The "Yes, that's me" and "No" buttons of "Are you …?", in ``self.answers``."""
        self.yes_button = named(QPushButton("Yes, that’s me"), "kioskYes")
        self.no_button = named(QPushButton("No"), "kioskNo")
        if key_tips:
            self.yes_button.setToolTip("Enter")
            self.no_button.setToolTip("Esc")
        answers = QHBoxLayout()
        if spacing is not None:
            answers.setSpacing(spacing)
        answers.addStretch(1)
        for button in (self.yes_button, self.no_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            answers.addWidget(button)
        answers.addStretch(1)
        self.answers = QWidget()
        self.answers.setLayout(answers)

    def _build_pin_panel(self, panel: QWidget, *, spacing: int | None = None) -> None:
        """The PIN prompt, laid out in ``panel`` (``self.pin_panel``)."""
        self.pin_panel = panel
        self.pin_label = named(QLabel(PIN_PROMPT), "kioskNote")
        self.pin_label.setWordWrap(True)
        self.pin_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pin_edit = named(QLineEdit(), "kioskPin")
        self.pin_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin_edit.setAccessibleName("Kiosk PIN")
        self.pin_edit.setMaximumWidth(320)
        self.pin_error = named(QLabel(""), "kioskPinError")
        self.pin_error.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pin_error.setWordWrap(True)
        pin_layout = QVBoxLayout(panel)
        if spacing is not None:
            pin_layout.setSpacing(spacing)
        pin_layout.addWidget(self.pin_label)
        pin_layout.addWidget(self.pin_edit, 0, Qt.AlignmentFlag.AlignHCenter)
        pin_layout.addWidget(self.pin_error)
        pin_layout.addStretch(1)

    def _lay_out(self, column: QBoxLayout, column_stretch: int) -> None:
        """``column`` centred on the screen, the Organiser button (which asks for the PIN) below it."""
        self.exit_button = named(QPushButton("Organiser"), "kioskExit")
        self.exit_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        leave_key = QKeySequence(LEAVE_KEY).toString(QKeySequence.SequenceFormat.NativeText)
        self.exit_button.setToolTip(f"Leave kiosk mode with the PIN ({leave_key})")
        middle = QHBoxLayout()
        middle.addStretch(1)
        middle.addLayout(column, column_stretch)
        middle.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.exit_button)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 24, 24, 16)
        outer.addLayout(middle, 1)
        outer.addLayout(bottom)

    def _connect_signals(self) -> None:
        """The signals every kiosk has; a subclass extends this with its own."""
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
        self.pin_timer.timeout.connect(self._on_pin_timer_timeout)

    # -- what a kiosk offers

    def start(self) -> None:
        self._follow_unlock()
        self.showFullScreen()
        self.raise_()
        self.activateWindow()
        self._show_welcome()

    def force_close(self) -> None:
        """Leave without the PIN: only for the app itself (the event was closed)."""
        self._unlocked = True
        self.close()

    def make_pin_guard(self, clock: Callable[[], float] = time.monotonic) -> PinGuard:
        """The guard of this kiosk's PIN, locked already if the settings say so (tests pass a clock)."""
        return PinGuard(self._check_pin, clock=clock, locked=bool(self._settings.get(KIOSK_LOCKED)))

    def leave(self, pin: str) -> bool:
        """Leave kiosk mode if ``pin`` is right and may be tried now; otherwise say why not."""
        verdict = self.pin_guard.attempt(pin)
        if verdict.status is PinStatus.OK:
            self.pin_timer.stop()
            self._unlocked = True
            self.close()
            return True
        if verdict.status is PinStatus.LOCKED and not self._settings.get(KIOSK_LOCKED):
            self._settings.set(KIOSK_LOCKED, datetime.now().astimezone().isoformat(timespec="seconds"))
        self.pin_edit.clear()
        self._show_pin_verdict(verdict)
        self.return_timer.start(self.question_ms)
        return False

    def ask_for_pin(self) -> None:
        self._follow_unlock()
        self._forget_person()
        self.state = KioskState.PIN
        self.field.reset()
        self.pin_edit.clear()
        self._set_prompt(False, LEAVE_TITLE)
        self.stack.setCurrentWidget(self.pin_panel)
        if self.pin_guard.locked:
            self._show_pin_verdict(PinVerdict(PinStatus.LOCKED))
        elif self.pin_guard.wait_left():
            self._show_pin_verdict(PinVerdict(PinStatus.WAIT, self.pin_guard.wait_left()))
        else:
            self._show_pin_verdict(None)
        self.return_timer.start(self.question_ms)

    def _follow_unlock(self) -> None:
        """Lift this kiosk's lock once the settings no longer hold one: unlocked at the desk
        (a PIN chosen again) or by ``mentordesk kiosk unlock`` while the kiosk stays on screen."""
        if self.pin_guard.locked and not self._settings.get(KIOSK_LOCKED):
            self.pin_guard.unlock()

    def _check_pin(self, pin: str) -> bool:
        return self._settings.check(KIOSK_PIN, pin)

    def _show_pin_verdict(self, verdict: PinVerdict | None) -> None:
        """The PIN panel after ``verdict`` (None: ready for a first try)."""
        self._pin_verdict = verdict
        locked = verdict is not None and verdict.status is PinStatus.LOCKED
        waiting = verdict is not None and verdict.wait_s > 0
        self.title_label.setText(LOCKED_TITLE if locked else LEAVE_TITLE)
        self.pin_label.setText(LOCKED_TEXT if locked else PIN_PROMPT)
        self.pin_edit.setVisible(not locked)
        self.pin_edit.setEnabled(not locked and not waiting)
        self.pin_edit.setPlaceholderText(WAIT_PLACEHOLDER if waiting else "")
        if locked:
            self.pin_error.setText(LOCKED_NOTE)
        elif verdict is None:
            self.pin_error.setText("")
        else:
            lines = [WRONG_PIN_TEXT] if verdict.status is PinStatus.WRONG else []
            if waiting:
                lines.append(wait_text(verdict.wait_s))
            if verdict.status is PinStatus.WRONG and verdict.tries_left <= 3:
                lines.append(tries_left_text(verdict.tries_left))
            self.pin_error.setText(" ".join(lines))
        if waiting:
            self.pin_timer.start()
        else:
            self.pin_timer.stop()
        if self.pin_edit.isEnabled():
            self.pin_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            # Esc (back to the welcome screen) still reaches the window while the field is disabled.
            self.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- what each kiosk does its own way

    def submit(self, text: str, *, automatic: bool = False) -> None:
        raise NotImplementedError

    def confirm(self, yes: bool) -> None:
        raise NotImplementedError

    def _show_welcome(self, *, keep_text: bool = False) -> None:
        raise NotImplementedError

    def _forget_person(self) -> None:
        """Forget whoever was at the kiosk (the organiser is asked for the PIN)."""

    def _handle_key(self, event: QKeyEvent) -> None:
        """A key that reached the window itself (not the field or the PIN), other than Esc at the PIN."""

    def _on_field_settled(self, text: str, by_hand: bool) -> None:
        raise NotImplementedError

    def _on_field_text_edited(self, text: str) -> None:
        raise NotImplementedError

    def _set_prompt(self, visible: bool, title: str) -> None:
        # While the organiser types the PIN, nothing invites a guest to type there.
        self.title_label.setText(title)
        self.prompt_label.setVisible(visible)
        self.field.setVisible(visible)

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
            self.pin_timer.stop()
            self._show_welcome()
        else:
            self._handle_key(event)
        # Nothing else here closes or leaves the kiosk (a QWidget, unlike a QDialog, ignores Escape).
        event.accept()

    # -- slots

    def _on_field_entered(self, text: str) -> None:
        if self.state is KioskState.CONFIRM and not text.strip():
            self.confirm(True)
        elif text.strip():
            self.submit(text)

    def _on_field_escaped(self) -> None:
        if self.state is KioskState.CONFIRM:
            self.confirm(False)
        else:
            self._show_welcome()

    def _on_yes_button_clicked(self) -> None:
        self.confirm(True)

    def _on_no_button_clicked(self) -> None:
        self.confirm(False)

    def _on_pin_edit_return_pressed(self) -> None:
        self.leave(self.pin_edit.text())

    def _on_exit_button_clicked(self) -> None:
        self.ask_for_pin()

    def _on_return_timer_timeout(self) -> None:
        self.pin_timer.stop()
        self._show_welcome()

    def _on_pin_timer_timeout(self) -> None:
        if self.state is not KioskState.PIN:
            self.pin_timer.stop()
            return
        wait = self.pin_guard.wait_left()
        shown = self._pin_verdict
        if wait and shown is not None:
            self._show_pin_verdict(replace(shown, wait_s=wait))
        else:
            self._show_pin_verdict(None)


class KioskHost:
    """Mixin for the page (a QWidget) that opens a kiosk in ``self.kiosk``.

    The page has ``settings``, ``kiosk``, ``dialog`` and ``_hidden_window`` attributes, a
    ``start_kiosk()`` that opens the kiosk and calls :meth:`_hide_behind_kiosk`, and a
    ``_on_dialog_finished`` slot; its ``_on_kiosk_finished`` slot calls :meth:`_release_kiosk`.
    """

    settings: Settings
    kiosk: KioskBase | None
    dialog: QWidget | None
    _hidden_window: QWidget | None

    def _start_kiosk_or_choose_pin(self) -> None:
        """Open the kiosk, after asking for a PIN if none was chosen yet (nobody could leave it) or
        if kiosk mode locked itself (choosing one at the desk unlocks it)."""
        locked_at = self.settings.get(KIOSK_LOCKED)
        if self.settings.get(KIOSK_PIN) and not locked_at:
            self.start_kiosk()  # type: ignore[attr-defined]
            return
        dialog = PinSetupDialog(self, locked_at=locked_at)  # type: ignore[arg-type]  # the host is a QWidget
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.pin_chosen.connect(self._on_pin_dialog_pin_chosen)
        dialog.finished.connect(self._on_dialog_finished)  # type: ignore[attr-defined]
        self.dialog = dialog
        dialog.open()

    def _hide_behind_kiosk(self, app_window: QWidget, *, unless: QWidget | None) -> None:
        """Hide the app window behind the kiosk (unless it is ``unless``): hidden, Alt+Tab cannot reach
        what it shows."""
        if app_window is not unless and app_window.isVisible():
            self._hidden_window = app_window
            app_window.hide()

    def _release_kiosk(self) -> None:
        """The kiosk was left: show the app window again and let the kiosk go."""
        if self._hidden_window is not None:
            self._hidden_window.show()
            self._hidden_window.activateWindow()
            self._hidden_window = None
        if self.kiosk is not None:
            self.kiosk.deleteLater()
            self.kiosk = None

    def _on_pin_dialog_pin_chosen(self, pin: str) -> None:
        self.settings.set(KIOSK_PIN, pin)
        self.settings.set(KIOSK_LOCKED, "")
        self.start_kiosk()  # type: ignore[attr-defined]
