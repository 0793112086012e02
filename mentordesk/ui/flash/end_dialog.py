"""The question End asks before it finishes the rounds: what stops, what is not held, what shows.

End sits next to Skip; pressed by mistake it would send a room of people home. The dialog names
what happens (the round under way stops now, the rounds still to come are not held, the
projector says all rounds are done) and that it can be undone for a few minutes. "Keep going"
is the default button and Esc, so Enter or a second slip of the hand does not end anything.
"""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget

from mentordesk.models import ClockPhase, ClockState
from mentordesk.services.flash.clock_face import UNDO_END_WINDOW, ClockView
from mentordesk.ui.widgets.naming import named


def end_consequences(view: ClockView) -> list[str]:
    """What End does to the session ``view`` shows, one sentence each."""
    count = view.round_count
    if view.phase is ClockPhase.CHANGEOVER:
        stops = f"The changeover after round {view.round_number} stops now."
        first_lost = view.round_number + 1
    else:
        paused = " (paused)" if view.state is ClockState.PAUSED else ""
        stops = f"Round {view.round_number}{paused} stops now."
        first_lost = view.round_number + 1
    if first_lost > count:
        lost = "It is the last round: no round is left out."
    elif first_lost == count:
        lost = f"Round {count} will not be held."
    else:
        lost = f"Rounds {first_lost}–{count} will not be held."
    minutes = round(UNDO_END_WINDOW / timedelta(minutes=1))
    return [stops, lost, "The projector shows that all rounds are done.",
            f"For {minutes} minutes, Undo end (Ctrl+Z) on the Run tab brings the rounds back where they were."]


class EndDialog(QDialog):
    """Asks before End; ``confirmed`` when the facilitator really ends the rounds."""

    confirmed = Signal()

    def __init__(self, view: ClockView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("End the rounds?")
        self.title_label = named(QLabel("End the flash rounds now?"), "sectionTitle")
        self.text_label = QLabel("\n".join(end_consequences(view)))
        self.text_label.setWordWrap(True)
        self.text_label.setTextFormat(Qt.TextFormat.PlainText)
        self.text_label.setMinimumWidth(380)
        self.buttons = QDialogButtonBox()
        self.keep_button = QPushButton("&Keep going")
        self.end_button = named(QPushButton("&End the rounds"), "destructiveButton")
        self.end_button.setAccessibleName("End the rounds now")
        self.buttons.addButton(self.keep_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.addButton(self.end_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        self.keep_button.setDefault(True)
        self.keep_button.setAutoDefault(True)
        self.end_button.setAutoDefault(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addWidget(self.text_label)
        layout.addWidget(self.buttons)
        self._connect_signals()
        self.keep_button.setFocus()

    def _connect_signals(self) -> None:
        self.keep_button.clicked.connect(self.reject)
        self.end_button.clicked.connect(self._on_end_button_clicked)

    def _on_end_button_clicked(self) -> None:
        self.accept()
        self.confirmed.emit()
