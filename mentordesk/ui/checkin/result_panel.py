"""The desk's confirmation panel: who was just checked in, large enough to read at arm's length.

It has a tone — ready, ok (green), warn (amber: already checked in), error (red: not found),
info (undo, check-out, paper list) — that the style sheet colours through the ``tone`` property,
and keeps showing the last outcome until the next one replaces it.
"""

from __future__ import annotations

import enum

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from mentordesk.ui.checkin.fitted_label import FittedLabel
from mentordesk.ui.widgets.bidi import isolate
from mentordesk.ui.widgets.naming import named

READY_HEADLINE = "Ready"
READY_TEXT = "Scan a badge, or type a badge code, an e-mail address or a name."


class Tone(enum.StrEnum):
    READY = "ready"
    OK = "ok"
    WARN = "warn"
    ERROR = "error"
    INFO = "info"


class ResultPanel(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("checkinResult")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.tone = Tone.READY
        self.headline_label = named(QLabel(""), "resultHeadline")
        self.headline_label.setWordWrap(True)
        self.name_label = FittedLabel(largest_pt=34, smallest_pt=15, object_name="resultName")
        self.details_label = named(QLabel(""), "resultDetails")
        self.details_label.setWordWrap(True)
        self.table_label = named(QLabel(""), "resultTable")
        self.table_label.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Maximum)
        # A name in a right-to-left script must not carry the card's other lines with it: the name
        # keeps the card's left edge (absolute, not "leading" for its own script), and the table,
        # "Table 4", always reads left to right.
        self.name_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignAbsolute)
        self.table_label.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.note_label = named(QLabel(""), "resultNote")
        self.note_label.setWordWrap(True)
        for label in (self.headline_label, self.details_label, self.note_label):
            label.setTextFormat(Qt.TextFormat.PlainText)
        # Shown on a person's card: prints that person's badge (a walk-in has none yet).
        self.print_badge_button = QPushButton("Print badge")
        self.print_badge_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.print_badge_button.hide()
        # Shown for someone checked in after the flash rounds were planned (``RotationOffer``).
        self.add_rotation_button = QPushButton("Add to the flash rounds")
        self.add_rotation_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.add_rotation_button.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(22, 16, 22, 16)
        layout.setSpacing(6)
        # Centred in the height: a short confirmation reads as a card, not as a half-empty form.
        layout.addStretch(1)
        layout.addWidget(self.headline_label)
        layout.addWidget(self.name_label)
        layout.addWidget(self.details_label)
        layout.addWidget(self.table_label, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.note_label)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_rotation_button)
        buttons.addWidget(self.print_badge_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addStretch(2)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.show_ready()

    def show_ready(self, note: str = READY_TEXT) -> None:
        self.show_outcome(Tone.READY, READY_HEADLINE, note=note)

    def show_outcome(
        self, tone: Tone, headline: str, *, name: str = "", details: str = "", table: str = "", note: str = "",
        printable: bool = False,
    ) -> None:
        """Replace what the panel shows; empty parts are hidden; ``printable`` offers Print badge."""
        self.print_badge_button.setVisible(printable)
        self.add_rotation_button.hide()
        self.headline_label.setText(headline)
        self.name_label.setText(name)
        self.details_label.setText(details)
        self.table_label.setText(table)
        self.note_label.setText(note)
        for label in (self.name_label, self.details_label, self.table_label, self.note_label):
            label.setVisible(bool(label.text()))
        self.setAccessibleName(". ".join(part for part in (headline, isolate(name), details, table, note) if part))
        if tone != self.tone:
            self.tone = tone
            self.setProperty("tone", tone.value)
            # The tone selects style sheet rules for the panel and its labels: re-apply them.
            for widget in (self, self.headline_label, self.details_label, self.table_label, self.note_label):
                widget.style().unpolish(widget)
                widget.style().polish(widget)
            self.update()

    def set_note(self, note: str) -> None:
        """Change only the note (e.g. how printing the badge went)."""
        self.note_label.setText(note)
        self.note_label.setVisible(bool(note))

    @property
    def text(self) -> str:
        """Everything the panel says, in reading order (for tests and screen readers)."""
        return self.accessibleName()
