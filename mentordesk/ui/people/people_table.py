"""The People page's table view: one person per row, sortable by every column, one selection."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtWidgets import QTableView, QWidget

from mentordesk.ui.itemmodels.people_model import Column
from mentordesk.ui.widgets.tables import set_up_table


class PeopleTable(QTableView):
    def __init__(self, model: QAbstractItemModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("peopleTable")
        self.setModel(model)
        self.setSortingEnabled(True)
        self.sortByColumn(Column.NAME, Qt.SortOrder.AscendingOrder)
        # One person at a time: Edit and Erase act on exactly the person selected. Short columns fit
        # their contents; the text columns share what is left, so the table never needs a
        # horizontal scroll bar, down to the smallest window.
        set_up_table(self, short_columns=(Column.ROLE, Column.BADGE_CODE, Column.ARRIVED))

    def is_row_selected(self, index: QModelIndex) -> bool:
        return index.isValid() and self.selectionModel().isRowSelected(index.row(), QModelIndex())
