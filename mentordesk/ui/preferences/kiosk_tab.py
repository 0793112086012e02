"""Preferences ▸ Kiosk: the PIN that leaves kiosk mode, and the lock after too many wrong PINs.

Changing the PIN needs the current one: the Preferences are open on a desk that anybody passing
may reach, and the PIN is what keeps a kiosk's visitors out of the desk. The PIN is saved as a
salted hash (``settings.KIOSK_PIN``); checking it takes a tenth of a second, on a button press.
A kiosk that locked itself (``KIOSK_LOCKED``) is unlocked here with the current PIN, or by
choosing a new one, as at the desk.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from mentordesk.settings import KIOSK_LOCKED, KIOSK_PIN, Settings
from mentordesk.ui.preferences.common import fixed_by_environment, hint
from mentordesk.ui.widgets.kiosk_pin_dialog import PIN_MAX_LENGTH, pin_problem
from mentordesk.ui.widgets.naming import named
from mentordesk.ui.widgets.setting_changes import follow


def _when(iso: str) -> str:
    try:
        at = datetime.fromisoformat(iso).astimezone()
    except ValueError:
        return "earlier"
    return f"at {at.strftime('%H:%M')} on {at.strftime('%d %b')}"


class KioskTab(QWidget):
    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.status_label = named(QLabel(""), "sectionTitle")
        self.status_label.setWordWrap(True)
        self.lock_label = named(QLabel(""), "inlineError")
        self.lock_label.setWordWrap(True)
        self.current_edit = named(QLineEdit(), "prefCurrentPin")
        self.new_edit = named(QLineEdit(), "prefNewPin")
        self.repeat_edit = named(QLineEdit(), "prefRepeatPin")
        for edit, name in ((self.current_edit, "Current PIN"), (self.new_edit, "New PIN"),
                           (self.repeat_edit, "Repeat the new PIN")):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.setMaxLength(PIN_MAX_LENGTH)
            edit.setMinimumWidth(220)
            edit.setAccessibleName(name)
        self.change_button = named(QPushButton("C&hange PIN"), "prefChangePin")
        self.unlock_button = named(QPushButton("Unlock kiosk &mode"), "prefUnlockKiosk")
        self.unlock_button.setToolTip("Unlock with the current PIN, typed above")
        self.message_label = named(QLabel(""), "inlineError")
        self.message_label.setWordWrap(True)
        self.message_label.hide()
        self.done_label = named(QLabel(""), "pageNotice")
        self.done_label.setWordWrap(True)
        self.done_label.hide()

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self._current_label = QLabel("C&urrent PIN:")
        self._current_label.setBuddy(self.current_edit)
        form.addRow(self._current_label, self.current_edit)
        new_label = QLabel("&New PIN:")
        new_label.setBuddy(self.new_edit)
        form.addRow(new_label, self.new_edit)
        repeat_label = QLabel("&Repeat it:")
        repeat_label.setBuddy(self.repeat_edit)
        form.addRow(repeat_label, self.repeat_edit)
        buttons = QHBoxLayout()
        buttons.addWidget(self.change_button)
        buttons.addWidget(self.unlock_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status_label)
        layout.addWidget(hint("Kiosk mode fills the screen for self check-in and feedback; only this PIN leaves it. "
                              "Choose one that only organisers know."))
        layout.addWidget(self.lock_label)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.message_label)
        layout.addWidget(self.done_label)
        self._fixed_note = fixed_by_environment(settings, KIOSK_PIN, self.current_edit, self.new_edit,
                                                self.repeat_edit, self.change_button, self.unlock_button)
        if self._fixed_note is not None:
            layout.addWidget(self._fixed_note)
        layout.addStretch(1)
        self._connect_signals()
        self.show_state()

    def _connect_signals(self) -> None:
        self.change_button.clicked.connect(self.change_pin)
        self.unlock_button.clicked.connect(self.unlock)
        self.repeat_edit.returnPressed.connect(self.change_pin)
        follow(KIOSK_PIN, self.settings, self, self._on_pin_saved)
        follow(KIOSK_LOCKED, self.settings, self, self._on_pin_saved)

    @property
    def has_pin(self) -> bool:
        return bool(self.settings.get(KIOSK_PIN))

    def show_state(self) -> None:
        has_pin = self.has_pin
        locked_at = self.settings.get(KIOSK_LOCKED)
        self.status_label.setText("A kiosk PIN is set." if has_pin
                                  else "No kiosk PIN yet: kiosk mode asks for one when it is first started.")
        self.lock_label.setText(f"Kiosk mode locked itself {_when(locked_at)} after too many wrong PINs: someone "
                                "may have been guessing. Type the current PIN and unlock it, or choose a new PIN."
                                if locked_at else "")
        self.lock_label.setVisible(bool(locked_at))
        self.unlock_button.setVisible(bool(locked_at))
        self.current_edit.setVisible(has_pin)
        self._current_label.setVisible(has_pin)
        self.change_button.setText("C&hange PIN" if has_pin else "C&hoose PIN")

    def change_pin(self) -> bool:
        """Save the new PIN if the current one is right and the new one is usable; says why not."""
        self.done_label.hide()
        if self.has_pin and not self.settings.check(KIOSK_PIN, self.current_edit.text()):
            return self._refuse("The current PIN is not right: the PIN was not changed.", self.current_edit)
        problem = pin_problem(self.new_edit.text(), self.repeat_edit.text())
        if problem is not None:
            return self._refuse(problem, self.new_edit)
        was_locked = bool(self.settings.get(KIOSK_LOCKED))
        self.settings.set(KIOSK_PIN, self.new_edit.text())
        if was_locked:
            self.settings.set(KIOSK_LOCKED, "")
        self._clear()
        self._done("PIN changed; kiosk mode is unlocked." if was_locked
                   else "PIN saved. It is needed to leave kiosk mode from now on.")
        return True

    def unlock(self) -> bool:
        """Unlock kiosk mode with the current PIN."""
        self.done_label.hide()
        if not self.settings.check(KIOSK_PIN, self.current_edit.text()):
            return self._refuse("The current PIN is not right: kiosk mode stays locked.", self.current_edit)
        self.settings.set(KIOSK_LOCKED, "")
        self._clear()
        self._done("Kiosk mode is unlocked.")
        return True

    def _refuse(self, message: str, edit: QLineEdit) -> bool:
        self.message_label.setText(message)
        self.message_label.show()
        edit.setFocus()
        edit.selectAll()
        return False

    def _done(self, message: str) -> None:
        self.message_label.hide()
        self.done_label.setText(message)
        self.done_label.show()
        self.show_state()

    def _clear(self) -> None:
        for edit in (self.current_edit, self.new_edit, self.repeat_edit):
            edit.clear()

    def _on_pin_saved(self, _value: str) -> None:
        self.show_state()
