"""The slim notice above the demo event's pages: this is sample data, and how to start a real event.

Shown while the open event is the demo (``services/demo.py`` marks it as sample data). Its button
starts a new event (File ▸ New event…); the new event's People page then offers the import.
"Hide" puts it away until another event is opened.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget

from mentordesk.ui.widgets.buttons import match_heights
from mentordesk.ui.widgets.naming import named

SAMPLE_TITLE = "This is sample data."
SAMPLE_TEXT = ("Made-up people, check-ins and groups, to try things out. To run your own event: "
               "File ▸ New event…, then import your attendee list.")


class SampleNotice(QFrame):
    """Hidden unless :meth:`show_for` is told the open event is sample data."""

    new_event_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sampleNotice")
        self.setAccessibleName("Sample data")
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.title_label = named(QLabel(SAMPLE_TITLE), "sampleNoticeTitle")
        self.message_label = named(QLabel(SAMPLE_TEXT), "sampleNoticeMessage")
        self.message_label.setWordWrap(True)
        self.message_label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.new_event_button = named(QPushButton("New event…"), "primaryButton")
        self.new_event_button.setAccessibleName("New event")
        self.new_event_button.setToolTip("Create your own event file (Ctrl+N), then import your attendee list")
        self.hide_button = QPushButton("Hide")
        self.hide_button.setAccessibleName("Hide the sample data notice")
        match_heights(self.new_event_button, self.hide_button)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 6, 10, 6)
        layout.setSpacing(12)
        layout.addWidget(self.title_label, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(self.message_label, 1)
        layout.addWidget(self.new_event_button, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(self.hide_button, 0, Qt.AlignmentFlag.AlignVCenter)
        self._dismissed = False
        self.new_event_button.clicked.connect(self.new_event_requested)
        self.hide_button.clicked.connect(self._on_hide_button_clicked)
        self.hide()

    def show_for(self, sample: bool) -> None:
        """Show the notice while the open event is sample data (unless the user hid it)."""
        self.setVisible(sample and not self._dismissed)

    def reset(self) -> None:
        """Another event was opened (or none): the notice may show again."""
        self._dismissed = False
        self.hide()

    def _on_hide_button_clicked(self) -> None:
        self._dismissed = True
        self.hide()
