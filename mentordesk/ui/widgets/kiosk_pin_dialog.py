"""Choosing the PIN that leaves kiosk mode, asked the first time kiosk mode is started.

The PIN is kept in the ``KIOSK_PIN`` setting (the page saves it, as a salted hash); without one,
anybody at the kiosk could leave it, so kiosk mode does not start until one is chosen. The same
dialog unlocks kiosk mode at the desk after it locked itself on too many wrong PINs: the PIN may
have been watched or guessed in part, so one is chosen again (the old one may be typed again).
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from mentordesk.ui.widgets.naming import named

PIN_MIN_LENGTH = 4
PIN_MAX_LENGTH = 12


def _when(iso: str) -> str:
    try:
        at = datetime.fromisoformat(iso)
    except ValueError:
        return "earlier"
    return f"at {at.astimezone().strftime('%H:%M')} on {at.astimezone().strftime('%d %b')}"


def pin_problem(pin: str, repeated: str) -> str | None:
    """Why ``pin`` cannot be used, or None."""
    if len(pin) < PIN_MIN_LENGTH:
        return f"Choose a PIN of at least {PIN_MIN_LENGTH} characters."
    if any(ch.isspace() for ch in pin):
        return "A PIN cannot contain spaces."
    if pin != repeated:
        return "The two PINs are not the same."
    return None


class PinSetupDialog(QDialog):
    #: A valid PIN was entered twice; the dialog then closes.
    pin_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None, *, locked_at: str = "") -> None:
        """``locked_at``: when kiosk mode locked itself (ISO time); the dialog then unlocks it."""
        super().__init__(parent)
        self.setObjectName("pinSetupDialog")
        self.setWindowTitle("Unlock kiosk mode" if locked_at else "Choose a kiosk PIN")
        self.setMinimumWidth(420)
        if locked_at:
            text = (f"Kiosk mode locked itself {_when(locked_at)} after too many wrong PINs: someone may have "
                    "been guessing. Choose a PIN to unlock it and start kiosk mode; a new one is safer.")
        else:
            text = ("Kiosk mode fills the screen for self check-in. Choose a PIN that only organisers know: "
                    "it is needed to leave kiosk mode.")
        intro = named(QLabel(text), "dialogIntro")
        intro.setWordWrap(True)
        self.pin_edit = named(QLineEdit(), "pinEdit")
        self.repeat_edit = named(QLineEdit(), "pinRepeatEdit")
        for edit in (self.pin_edit, self.repeat_edit):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.setMaxLength(PIN_MAX_LENGTH)
        form = QFormLayout()
        form.addRow("&PIN", self.pin_edit)
        form.addRow("&Repeat it", self.repeat_edit)
        self.error_label = named(QLabel(""), "inlineError")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText("Unlock and start kiosk mode" if locked_at else "Start kiosk mode")
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self._connect_signals()
        self.pin_edit.setFocus()

    def _connect_signals(self) -> None:
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)

    def submit(self) -> bool:
        pin = self.pin_edit.text()
        problem = pin_problem(pin, self.repeat_edit.text())
        if problem is not None:
            self.error_label.setText(problem)
            self.error_label.show()
            return False
        # Closed first, so the kiosk window that the PIN starts comes up on top of everything.
        self.accept()
        self.pin_chosen.emit(pin)
        return True

    def _on_buttons_accepted(self) -> None:
        self.submit()
