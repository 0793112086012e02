"""The Print & export page's working area: a side column with the documents, the chosen one's
options and the actions, beside the preview (or a message where the preview will be).

The preview is the main thing on the page at any size: it takes all the height and whatever width
the side column leaves (the divider between them can be dragged). In the side column the list and
the options share the height and each scrolls within its share; the actions stay in sight below.
The Tab order is the reading order: the list, the options top to bottom, the actions, the preview.

The panel only lays out and shows; the page decides what happens (see ``exports/page.py``).
"""

from __future__ import annotations

import itertools

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
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


#: The side column's width: a share of the panel, within these bounds (pixels).
SIDE_SHARE = 0.32
SIDE_WIDTH = (290, 440)


def key_text(name: str) -> str:
    return QKeySequence(KEYS[name]).toString(QKeySequence.SequenceFormat.NativeText)


class DocumentPanel(QWidget):
    #: The message's next-step button was clicked (shown only with a refusal that has one).
    message_action_requested = Signal()
    """The documents list (the page's), the options, the actions, progress and the preview."""

    def __init__(self, documents_view: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._dragged = False
        self.documents_view = documents_view
        self.document_title = named(QLabel(""), "sectionTitle")
        self.document_title.setWordWrap(True)
        self.document_description = named(QLabel(""), "pageSubtitle")
        self.document_description.setWordWrap(True)
        self.options_form = OptionsForm()
        self.preview_button = self._button("Preview", "Make the PDF and show it here", "preview", primary=True)
        self.print_button = self._button("Print…", "Print on a printer", "print")
        self.save_button = self._button("Save as PDF…", "Save the PDF to a file", "save")
        self.open_button = self._button("Open in viewer", "Open the PDF in the system's PDF viewer", "open")
        # Two by two: the side column is narrow, and each button stays wide enough for its words.
        actions = QGridLayout()
        actions.setSpacing(8)
        for number, button in enumerate((self.preview_button, self.print_button, self.save_button,
                                         self.open_button)):
            actions.addWidget(button, number // 2, number % 2)

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
        self.message_button = named(QPushButton(""), "primaryButton")
        self.message_button.hide()
        self.message_button.clicked.connect(self.message_action_requested)
        message_layout.addSpacing(12)
        message_layout.addWidget(self.message_button, 0, Qt.AlignmentFlag.AlignHCenter)
        message_layout.addStretch(2)
        self.preview_stack = named(QStackedWidget(), "exportPreviewStack")
        self.preview_stack.addWidget(message)
        self.preview_stack.addWidget(self.preview)
        self.message_panel = message

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
        # Tabbing through the options scrolls each into view; the area itself is no Tab stop.
        self.options_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.options_scroll.setWidget(options)
        # The options sit on the page, not on a grey box: the scroll area paints no background.
        options.setAutoFillBackground(False)
        self.options_scroll.viewport().setAutoFillBackground(False)

        self.side = named(QWidget(), "exportSide")
        #: The side column, top to bottom: a section added to the page goes in here.
        self.side_layout = QVBoxLayout(self.side)
        self.side_layout.setContentsMargins(0, 0, 4, 0)
        self.side_layout.setSpacing(8)
        self.side_layout.addWidget(documents_view, 2)
        self.side_layout.addWidget(self.options_scroll, 3)
        self.side_layout.addLayout(actions)
        self.side_layout.addWidget(self.progress_host)
        self.side_layout.addWidget(self.status_label)
        documents_view.setMinimumHeight(96)
        self.options_scroll.setMinimumHeight(96)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.side)
        self.splitter.addWidget(self.preview_stack)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.side.setMinimumWidth(SIDE_WIDTH[0])
        self.preview_stack.setMinimumWidth(240)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        self.splitter.splitterMoved.connect(self._on_splitter_splitter_moved)
        self.progress_host.hide()
        self.set_status("")

    def fit_options(self) -> None:
        """Put the Tab order back in reading order: the options' editors are made anew for each
        document, after the buttons, so Qt would visit them last."""
        chain: list[QWidget] = [self.documents_view, *self.options_form.editors.values(), self.preview_button,
                                self.print_button, self.save_button, self.open_button, self.cancel_button]
        # Then whatever else the side column holds (a section the page added), before the preview.
        # (Only the sections' own controls: the options being replaced are still children of the
        # form until they are deleted, and must not be linked back into the chain.)
        for section in self.sections:
            chain.extend(widget for widget in section.findChildren(QWidget)
                         if widget.focusProxy() is None and widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
        chain.append(self.preview.first_tab_stop)
        for before, after in itertools.pairwise(chain):
            # Before the page is put in the window, parts of it may still stand in their own.
            if before.window() is after.window():
                QWidget.setTabOrder(before, after)

    @property
    def sections(self) -> list[QWidget]:
        """What the page added to the side column below the actions (see ``side_layout``)."""
        own = {self.documents_view, self.options_scroll, self.progress_host, self.status_label}
        items = (self.side_layout.itemAt(index) for index in range(self.side_layout.count()))
        return [widget for item in items if item is not None and (widget := item.widget()) is not None
                and widget not in own]

    def fit_list(self) -> None:
        """The list is never taller than its documents: the height it does not need goes to the options."""
        view = self.documents_view
        if not isinstance(view, QAbstractItemView) or view.model() is None:
            return
        rows = view.model().rowCount()
        needed = sum(view.sizeHintForRow(row) for row in range(rows)) + 2 * view.frameWidth() + 4
        view.setMaximumHeight(max(view.minimumHeight(), needed))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_list()
        # Until the divider is dragged by hand, the side column keeps its share as the window changes.
        total = self.splitter.width()
        if not self._dragged and total > 1:
            side = max(SIDE_WIDTH[0], min(SIDE_WIDTH[1], round(total * SIDE_SHARE)))
            self.splitter.setSizes([side, max(1, total - side - self.splitter.handleWidth())])

    def _on_splitter_splitter_moved(self, _position: int, _index: int) -> None:
        self._dragged = True

    @staticmethod
    def _button(text: str, tip: str, key: str, *, primary: bool = False) -> QPushButton:
        button = named(QPushButton(text), "primaryButton" if primary else "")
        button.setToolTip(f"{tip} ({key_text(key)})")
        return button

    def show_message(self, message: str, hint: str, action: str = "") -> None:
        """Say ``message`` where the preview goes; ``action``: the one button of the next step."""
        self.message_label.setText(message)
        self.message_hint.setText(hint)
        self.message_hint.setVisible(bool(hint))
        self.message_button.setText(action)
        self.message_button.setVisible(bool(action))
        self.preview_stack.setCurrentWidget(self.message_panel)

    def set_status(self, text: str, *, error: bool = False) -> None:
        self.status_label.setObjectName("inlineError" if error else "pageSubtitle")
        self.status_label.style().unpolish(self.status_label)
        self.status_label.style().polish(self.status_label)
        self.status_label.setText(text)
        self.status_label.setVisible(bool(text))
