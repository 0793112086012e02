"""What a page shows instead of an empty table: why it is empty, and what to do next.

One style for every page that can be empty: a title, one sentence, and the one button that gets
the user going (:meth:`EmptyState.show_next_step`; the page connects ``action_button``). The
People page uses its own three buttons (import and add people, or clear the filters).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from mentordesk.ui.widgets.buttons import match_heights
from mentordesk.ui.widgets.naming import named


class EmptyState(QWidget):
    """A centred message, a line of explanation, and buttons for the next step."""

    #: The next-step button was clicked (its words are the page's: see :meth:`show_next_step`).
    action_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("emptyStatePanel")
        self.message_label = named(QLabel(""), "emptyStateTitle")
        self.message_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message_label.setWordWrap(True)
        self.message_label.setTextFormat(Qt.TextFormat.PlainText)
        self.hint_label = named(QLabel(""), "pageSubtitle")
        self.hint_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint_label.setWordWrap(True)
        self.import_button = named(QPushButton("Import people…"), "primaryButton")
        self.add_button = QPushButton("Add person")
        self.clear_button = QPushButton("Clear filters")
        self.action_button = named(QPushButton(""), "primaryButton")
        self.action_button.hide()
        self.action_button.clicked.connect(self.action_requested)
        buttons = QHBoxLayout()
        buttons.setSpacing(10)
        buttons.addStretch(1)
        for button in (self.action_button, self.import_button, self.add_button, self.clear_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        match_heights(self.action_button, self.import_button, self.add_button, self.clear_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.setSpacing(8)
        layout.addStretch(1)
        layout.addWidget(self.message_label)
        layout.addWidget(self.hint_label)
        layout.addSpacing(12)
        layout.addLayout(buttons)
        layout.addStretch(2)

    def text(self) -> str:
        return self.message_label.text()

    def show_empty_event(self, message: str, hint: str) -> None:
        self._show(message, hint, event_is_empty=True)

    def show_no_match(self, message: str, hint: str) -> None:
        self._show(message, hint, event_is_empty=False)

    def show_next_step(self, message: str, hint: str, action: str = "") -> None:
        """Say why the page is empty and offer one button (none when ``action`` is empty)."""
        self.message_label.setText(message)
        self.hint_label.setText(hint)
        self.hint_label.setVisible(bool(hint))
        for button in (self.import_button, self.add_button, self.clear_button):
            button.hide()
        self.action_button.setText(action)
        self.action_button.setAccessibleName(action.replace("&", "").rstrip("…"))
        self.action_button.setVisible(bool(action))

    def _show(self, message: str, hint: str, *, event_is_empty: bool) -> None:
        self.message_label.setText(message)
        self.hint_label.setText(hint)
        self.hint_label.setVisible(bool(hint))
        self.action_button.hide()
        self.import_button.setVisible(event_is_empty)
        self.add_button.setVisible(event_is_empty)
        self.clear_button.setVisible(not event_is_empty)
