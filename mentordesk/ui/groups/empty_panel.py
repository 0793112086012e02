"""What the Groups tab shows before there is any group: why it is empty, and the two ways to start.

In the style of the shared ``widgets/empty_state.py`` (title, one sentence, buttons). An event with
no mentors or mentees yet has nobody to form groups from: then the one button is the import.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from mentordesk.ui.widgets.buttons import match_heights
from mentordesk.ui.widgets.naming import named

EMPTY_TEXT = "No groups yet"
NOBODY_TEXT = "No mentors or mentees yet"
NOBODY_HINT = ("Groups are formed from the people of the event: import your attendee list first "
               "(a group can still be made by hand and filled later).")
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
        # Made in reading order (Tab follows it): the import stands left of New group.
        self.import_button = named(QPushButton("Import people…"), "primaryButton")
        self.new_button = QPushButton("New group…")
        self.import_button.hide()
        match_heights(self.form_button, self.new_button, self.import_button)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.form_button)
        buttons.addWidget(self.import_button)
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

    def show_nobody(self, nobody: bool) -> None:
        """Whether the event has no mentor or mentee yet (then the next step is the import)."""
        self.message_label.setText(NOBODY_TEXT if nobody else EMPTY_TEXT)
        self.hint_label.setText(NOBODY_HINT if nobody else EMPTY_HINT)
        self.form_button.setVisible(not nobody)
        self.import_button.setVisible(nobody)
