"""The right-hand side of the Print & export page: the chosen document, its options and actions,
progress, and the preview (or a message where the preview would be).

The panel only lays out and shows; the page decides what happens (see ``exports/page.py``).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from mentordesk.ui.exports.options_form import OptionsForm
from mentordesk.ui.exports.preview import PdfPreview
from mentordesk.ui.widgets.naming import named

#: The page's shortcuts; key sequences are made when needed (after the app exists).
KEYS: dict[str, str | QKeySequence.StandardKey] = {
    "preview": "F5",
    "print": QKeySequence.StandardKey.Print,
    "save": QKeySequence.StandardKey.Save,
    "open": "Ctrl+Shift+E",
    "cancel": "Esc",
}


#: The options get at most this share of the panel's height when a document is chosen ...
MAX_OPTIONS_SHARE = 0.4
#: ... and at least this many pixels (they scroll within them).
MIN_OPTIONS_HEIGHT = 110


def key_text(name: str) -> str:
    return QKeySequence(KEYS[name]).toString(QKeySequence.SequenceFormat.NativeText)


class DocumentPanel(QWidget):
    """Title and description, the options form, the action buttons, progress and the preview."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._dragged = False
        self.document_title = named(QLabel(""), "sectionTitle")
        self.document_title.setWordWrap(True)
        self.document_description = named(QLabel(""), "pageSubtitle")
        self.document_description.setWordWrap(True)
        self.options_form = OptionsForm()
        # Editors as wide as the window read badly; this fits long choice labels.
        self.options_form.setMaximumWidth(560)
        self.preview_button = self._button("Preview", "Make the PDF and show it here", "preview", primary=True)
        self.print_button = self._button("Print…", "Print on a printer", "print")
        self.save_button = self._button("Save as PDF…", "Save the PDF to a file", "save")
        self.open_button = self._button("Open in viewer", "Open the PDF in the system's PDF viewer", "open")
        actions = QHBoxLayout()
        actions.setSpacing(8)
        for button in (self.preview_button, self.print_button, self.save_button, self.open_button):
            actions.addWidget(button)
        actions.addStretch(1)

        self.progress_bar = named(QProgressBar(), "exportProgress")
        self.progress_bar.setRange(0, 1000)
        self.progress_bar.setTextVisible(False)
        self.progress_bar.setAccessibleName("Progress")
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setToolTip(f"Stop making or printing this document ({key_text('cancel')})")
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.progress_bar, 1)
        progress_row.addWidget(self.cancel_button)
        self.progress_host = QWidget()
        self.progress_host.setLayout(progress_row)
        progress_row.setContentsMargins(0, 0, 0, 0)
        self.status_label = named(QLabel(""), "pageSubtitle")
        self.status_label.setWordWrap(True)
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.preview = PdfPreview()
        self.message_label = named(QLabel(""), "emptyStateTitle")
        self.message_label.setWordWrap(True)
        self.message_label.setTextFormat(Qt.TextFormat.PlainText)
        self.message_hint = named(QLabel(""), "pageSubtitle")
        self.message_hint.setWordWrap(True)
        self.message_hint.setTextFormat(Qt.TextFormat.PlainText)
        for label in (self.message_label, self.message_hint):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        message = named(QWidget(), "exportMessage")
        message_layout = QVBoxLayout(message)
        message_layout.addStretch(1)
        message_layout.addWidget(self.message_label)
        message_layout.addWidget(self.message_hint)
        message_layout.addStretch(2)
        self.preview_stack = named(QStackedWidget(), "exportPreviewStack")
        self.preview_stack.addWidget(message)
        self.preview_stack.addWidget(self.preview)
        self.message_panel = message

        # The options scroll above the preview; the divider between them can be dragged, and is
        # put back to fit the options whenever another document is chosen.
        options = named(QWidget(), "exportOptionsArea")
        options_layout = QVBoxLayout(options)
        options_layout.setContentsMargins(0, 0, 8, 4)
        options_layout.setSpacing(8)
        options_layout.addWidget(self.document_title)
        options_layout.addWidget(self.document_description)
        options_layout.addWidget(self.options_form)
        options_layout.addStretch(1)
        self.options_scroll = named(QScrollArea(), "exportOptionsScroll")
        self.options_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.options_scroll.setWidgetResizable(True)
        self.options_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.options_scroll.setWidget(options)
        # The options sit on the page, not on a grey box: the scroll area paints no background.
        options.setAutoFillBackground(False)
        self.options_scroll.viewport().setAutoFillBackground(False)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 4, 0, 0)
        lower_layout.setSpacing(8)
        lower_layout.addLayout(actions)
        lower_layout.addWidget(self.progress_host)
        lower_layout.addWidget(self.status_label)
        lower_layout.addWidget(self.preview_stack, 1)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.options_scroll)
        self.splitter.addWidget(lower)
        self.splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        self.splitter.splitterMoved.connect(self._on_splitter_splitter_moved)
        self.progress_host.hide()

    def fit_options(self) -> None:
        """Give the options the height they need, but never more than about half the panel."""
        contents = self.options_scroll.widget()
        if contents is None:
            return
        contents.adjustSize()
        wanted = contents.sizeHint().height() + 2
        total = max(self.splitter.height(), 1)
        top = min(wanted, max(MIN_OPTIONS_HEIGHT, int(total * MAX_OPTIONS_SHARE)))
        self.splitter.setSizes([top, max(1, total - top)])

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # Until the divider is dragged by hand, the options keep fitting as the window changes.
        if not self._dragged and self.splitter.height() > 1:
            self.fit_options()

    def _on_splitter_splitter_moved(self, _position: int, _index: int) -> None:
        self._dragged = True

    @staticmethod
    def _button(text: str, tip: str, key: str, *, primary: bool = False) -> QPushButton:
        button = named(QPushButton(text), "primaryButton" if primary else "")
        button.setToolTip(f"{tip} ({key_text(key)})")
        return button

    def show_message(self, message: str, hint: str) -> None:
        self.message_label.setText(message)
        self.message_hint.setText(hint)
        self.message_hint.setVisible(bool(hint))
        self.preview_stack.setCurrentWidget(self.message_panel)

    def set_status(self, text: str, *, error: bool = False) -> None:
        self.status_label.setObjectName("inlineError" if error else "pageSubtitle")
        self.status_label.style().unpolish(self.status_label)
        self.status_label.style().polish(self.status_label)
        self.status_label.setText(text)
        self.status_label.setVisible(bool(text))

