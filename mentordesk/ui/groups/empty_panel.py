"""What the Groups tab shows before there is any group: why it is empty, and the two ways to start."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from mentordesk.ui.widgets.buttons import match_heights
from mentordesk.ui.widgets.naming import named

EMPTY_TEXT = "No groups yet"
EMPTY_HINT = ("Let MentorDesk balance the mentees into groups by topics and department, with a mentor each — "
              "you can adjust the proposal before anything is saved — or make a group by hand.")


class NoGroupsPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("emptyStatePanel")
        self.message_label = named(QLabel(EMPTY_TEXT), "emptyStateTitle")
        self.message_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint_label = named(QLabel(EMPTY_HINT), "pageSubtitle")
        self.hint_label.setWordWrap(True)
        self.hint_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.form_button = named(QPushButton("Form groups automatically…"), "primaryButton")
        self.new_button = QPushButton("New group…")
        match_heights(self.form_button, self.new_button)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.form_button)
        buttons.addWidget(self.new_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 24, 48, 24)
        layout.addStretch(1)
        layout.addWidget(self.message_label)
        layout.addWidget(self.hint_label)
        layout.addSpacing(12)
        layout.addLayout(buttons)
        layout.addStretch(2)
