"""The people matching a name typed at the desk, to choose from with the arrow keys.

The list never takes the keyboard focus: the input field keeps it, and passes Up and Down here,
so a person can type, move down two rows and press Enter without touching the mouse. A click
highlights a row; a double click checks that person in.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QFrame,
    QHeaderView,
    QLabel,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mentordesk.services.desk_reads import Candidate, NameMatches
from mentordesk.ui.itemmodels.candidates_model import ROW_ROLE, CandidatesModel, Column, status_text, who_text
from mentordesk.ui.itemmodels.people_model import ROLE_LABELS
from mentordesk.ui.widgets.bidi import isolate
from mentordesk.ui.widgets.naming import named
from mentordesk.ui.widgets.tables import current_row, on_choice_changed, set_up_table

ROW_PADDING = 6


class CandidateDelegate(QStyledItemDelegate):
    """Two lines per person: the name as large as the desk needs it, then role, organisation and
    whether they have arrived. Names stay readable in a narrow window, where columns would not."""

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        name_font, detail_font = self._fonts(option)
        height = QFontMetrics(name_font).height() + QFontMetrics(detail_font).height() + 2 * ROW_PADDING + 2
        return QSize(200, height)

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        candidate = index.data(ROW_ROLE)
        if not isinstance(candidate, Candidate):
            super().paint(painter, option, index)
            return
        self.initStyleOption(option, index)
        widget = option.widget
        style = widget.style() if widget is not None else None
        option.text = ""
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette = option.palette
        name_colour = palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        detail_colour = name_colour if selected else palette.color(QPalette.ColorRole.PlaceholderText)
        name_font, detail_font = self._fonts(option)
        card = candidate.card
        role = ROLE_LABELS.get(card.role, str(card.role))
        # Whether they are already here comes first: it is what a desk most needs to see.
        # Namesakes also show what tells them apart (organisation, masked e-mail, end of the badge code).
        details = " · ".join(part for part in (status_text(candidate), role, who_text(candidate)) if part)
        area = option.rect.adjusted(10, ROW_PADDING, -10, -ROW_PADDING)
        name_height = QFontMetrics(name_font).height()
        painter.save()
        painter.setFont(name_font)
        painter.setPen(name_colour)
        name_rect = QRect(area.left(), area.top(), area.width(), name_height)
        painter.drawText(name_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         QFontMetrics(name_font).elidedText(card.name, Qt.TextElideMode.ElideRight, area.width()))
        painter.setFont(detail_font)
        painter.setPen(detail_colour)
        detail_rect = QRect(area.left(), area.top() + name_height + 2, area.width(), area.height() - name_height - 2)
        painter.drawText(detail_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
                         QFontMetrics(detail_font).elidedText(details, Qt.TextElideMode.ElideRight, area.width()))
        painter.restore()

    @staticmethod
    def _fonts(option: QStyleOptionViewItem) -> tuple[QFont, QFont]:
        name_font = QFont(option.font)
        name_font.setPointSizeF(max(name_font.pointSizeF(), 9) * 1.2)
        name_font.setBold(True)
        return name_font, QFont(option.font)


class CandidatesView(QFrame):
    #: A row was double-clicked.
    candidate_activated = Signal(object)
    #: The highlighted row changed (None: nothing highlighted).
    choice_changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("candidatesPanel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.matches: NameMatches | None = None
        self.model = CandidatesModel(self)
        self.header_label = named(QLabel(""), "candidatesHeader")
        self.header_label.setWordWrap(True)
        self.header_label.setTextFormat(Qt.TextFormat.PlainText)

        self.table = named(QTableView(), "candidateTable")
        self.table.setModel(self.model)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        set_up_table(self.table, striped=False, row_heights=QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().hide()
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # The name column draws the whole person (see CandidateDelegate); the others are for
        # screen readers and the model's users.
        self.table.setItemDelegateForColumn(Column.NAME, CandidateDelegate(self.table))
        for column in Column:
            self.table.setColumnHidden(column, column != Column.NAME)

        self.empty_label = named(QLabel(""), "candidatesEmpty")
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty_label)
        self.more_label = named(QLabel("More people match: type more of the name."), "candidatesMore")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(8)
        layout.addWidget(self.header_label)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.more_label)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.table.doubleClicked.connect(self._on_table_double_clicked)
        on_choice_changed(self.table, self._on_table_choice_changed)

    # -- contents

    def set_matches(self, matches: NameMatches) -> None:
        self.matches = matches
        self.model.set_rows(matches.candidates)
        self.table.clearSelection()
        self.table.selectionModel().clear()
        self.more_label.setVisible(matches.more)
        if matches.candidates:
            self.stack.setCurrentWidget(self.table)
        else:
            self.empty_label.setText(
                f"No one’s name matches “{isolate(matches.query)}”.\n\n"
                "Press Enter to look it up as a badge code or e-mail address, "
                "or add a walk-in (Ctrl+Shift+N)."
            )
            self.stack.setCurrentWidget(self.empty_label)
        self._update_header()

    def set_headline(self, text: str) -> None:
        """Say something about the list (after Enter on a name several people share)."""
        self.header_label.setText(text)

    @property
    def count(self) -> int:
        return self.model.rowCount()

    def current(self) -> Candidate | None:
        row = current_row(self.table)
        return self.model.row_at(row) if row is not None else None

    def step(self, step: int) -> None:
        """Move the highlight by ``step`` rows (from nothing: Down picks the first, Up the last)."""
        count = self.model.rowCount()
        if not count:
            return
        current = self.table.selectionModel().currentIndex()
        if self.current() is None:
            row = 0 if step > 0 else count - 1
        else:
            row = min(max(current.row() + step, 0), count - 1)
        self.table.selectionModel().setCurrentIndex(
            self.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(self.model.index(row, 0))

    # -- slots

    def _on_table_double_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.candidate_activated.emit(self.model.row_at(index.row()))

    def _on_table_choice_changed(self) -> None:
        self._update_header()
        self.choice_changed.emit(self.current())

    # -- helpers

    def _update_header(self) -> None:
        matches = self.matches
        if matches is None or not matches.candidates:
            self.header_label.setText("")
            self.header_label.hide()
            return
        self.header_label.show()
        chosen = self.current()
        count = len(matches.candidates)
        if chosen is not None:
            text = f"Enter checks in {isolate(chosen.card.name)}."
        elif count == 1:
            text = f"1 person matches “{isolate(matches.query)}”. Press Enter to check them in."
        else:
            many = f"{count}+" if matches.more else str(count)
            text = f"{many} people match “{isolate(matches.query)}”. Choose with ↑ ↓, then press Enter."
        self.header_label.setText(text)
