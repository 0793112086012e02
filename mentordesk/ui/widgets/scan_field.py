"""The input line of the desk and the kiosk: a barcode scanner, a typed code or e-mail, or a name.

A USB scanner is a keyboard that types very fast: a burst of characters a few milliseconds
apart, followed by Enter on some models and by nothing on others. So input is complete either
when Enter arrives (``entered``) or when it stops arriving for a moment and reads as a badge
code or an e-mail address (``settled``). Names never settle: a person still typing "Zoë" must
not be checked in as "Zo". ``settled`` also says whether the text was typed by hand (some gap
between keys longer than a scanner leaves), so a screen can leave a half-typed e-mail alone.

Up/Down/Page keys are passed on (``step_requested``) for choosing in a list while the focus stays
here, and Ctrl+Z is left to the screen's "undo last check-in" rather than undoing typed text.
"""

from __future__ import annotations

import re
import time

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QLineEdit, QWidget

from mentordesk.services.lookup import code_candidates

#: Input that reads as a code and stops arriving for this long is complete.
IDLE_MS = 300
#: A scanner sends characters closer together than this; a person typing, hardly ever.
SCANNER_GAP_S = 0.06
#: Enough of an e-mail address to be worth looking up: something@domain.tld.
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]{2,}$")
#: Keys passed on to the screen instead of editing the text.
_STEPS = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1, Qt.Key.Key_PageUp: -5, Qt.Key.Key_PageDown: 5}
_PASS_THROUGH = (QKeySequence.StandardKey.Undo, QKeySequence.StandardKey.Redo)


def reads_as_code_or_email(text: str) -> bool:
    text = text.strip()
    return bool(text) and (bool(code_candidates(text)) or _EMAIL.match(text) is not None)


class ScanField(QLineEdit):
    #: Enter (or keypad Enter) was pressed; the text as it stands, possibly empty.
    entered = Signal(str)
    #: The input stopped arriving and reads as a code or e-mail: (text, typed_by_hand).
    settled = Signal(str, bool)
    #: Up (-1), Down (+1), Page Up (-5) or Page Down (+5) was pressed.
    step_requested = Signal(int)
    #: Escape was pressed (the text is cleared first).
    escaped = Signal()

    def __init__(self, parent: QWidget | None = None, idle_ms: int = IDLE_MS) -> None:
        super().__init__(parent)
        self.setObjectName("scanField")
        self.idle_timer = QTimer(self)
        self.idle_timer.setSingleShot(True)
        self.idle_timer.setInterval(idle_ms)
        self._last_edit: float | None = None
        self._by_hand = False
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.textEdited.connect(self._on_self_text_edited)
        self.textChanged.connect(self._on_self_text_changed)
        self.idle_timer.timeout.connect(self._on_idle_timer_timeout)

    @property
    def typed_by_hand(self) -> bool:
        """Whether the current text arrived with pauses a scanner would not leave."""
        return self._by_hand

    def reset(self) -> None:
        """Empty the field, ready for the next scan."""
        self.idle_timer.stop()
        self.clear()

    # -- events

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            if any(event.matches(key) for key in _PASS_THROUGH):
                # Not ours: let the screen's shortcut (undo the last check-in) have it.
                event.ignore()
                return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        plain = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and plain:
            self.idle_timer.stop()
            self.entered.emit(self.text())
            event.accept()
            return
        if key in _STEPS and plain:
            self.step_requested.emit(_STEPS[Qt.Key(key)])
            event.accept()
            return
        if key == Qt.Key.Key_Escape and plain:
            self.reset()
            self.escaped.emit()
            event.accept()
            return
        if any(event.matches(k) for k in _PASS_THROUGH):
            event.ignore()
            return
        if event.text() and self.hasSelectedText() and len(self.selectedText()) == len(self.text()):
            # Typing over text left selected (the kiosk keeps a name that found no one): a new
            # input begins, and its timing is judged afresh.
            self._restart_timing()
        super().keyPressEvent(event)

    # -- slots

    def _on_self_text_edited(self, text: str) -> None:
        now = time.monotonic()
        if self._last_edit is not None and now - self._last_edit > SCANNER_GAP_S:
            self._by_hand = True
        self._last_edit = now
        if reads_as_code_or_email(text):
            self.idle_timer.start()
        else:
            self.idle_timer.stop()

    def _on_self_text_changed(self, text: str) -> None:
        if not text:
            # A new input starts: its timing is judged afresh.
            self._restart_timing()

    def _restart_timing(self) -> None:
        self._last_edit = None
        self._by_hand = False
        self.idle_timer.stop()

    def _on_idle_timer_timeout(self) -> None:
        text = self.text()
        if reads_as_code_or_email(text):
            self.settled.emit(text, self._by_hand)
