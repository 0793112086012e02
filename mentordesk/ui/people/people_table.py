"""The People page's table view: one person per row, sortable by every column, one selection."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from mentordesk.ui.itemmodels.people_model import Column


class PeopleTable(QTableView):
    def __init__(self, model: QAbstractItemModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("peopleTable")
        self.setModel(model)
        self.setSortingEnabled(True)
        self.sortByColumn(Column.NAME, Qt.SortOrder.AscendingOrder)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # One person at a time: Edit and Erase act on exactly the person selected.
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setShowGrid(False)
        self.verticalHeader().hide()
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        # Short columns fit their contents; the text columns share what is left, so the table
        # never needs a horizontal scroll bar, down to the smallest window.
        for column in Column:
            short = column in (Column.ROLE, Column.BADGE_CODE, Column.ARRIVED)
            mode = QHeaderView.ResizeMode.ResizeToContents if short else QHeaderView.ResizeMode.Stretch
            header.setSectionResizeMode(column, mode)

    def is_row_selected(self, index: QModelIndex) -> bool:
        return index.isValid() and self.selectionModel().isRowSelected(index.row(), QModelIndex())
