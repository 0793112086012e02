"""The one look and behaviour of the Groups screens' tables: whole rows, no grid, columns that fit."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget


def set_up_table(view: QTableView, *, short_columns: Iterable[int] = (), multi: bool = False) -> None:
    """Rows are chosen whole; short columns fit their text and the rest share the width.

    Sharing the width (rather than scrolling sideways) keeps every column visible in a small window;
    long names are elided, with the whole name in the tooltip.
    """
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    modes = QAbstractItemView.SelectionMode
    mode = modes.ExtendedSelection if multi else modes.SingleSelection
    view.setSelectionMode(mode)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    view.setShowGrid(False)
    view.verticalHeader().hide()
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    header = view.horizontalHeader()
    header.setHighlightSections(False)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    short = set(short_columns)
    model = view.model()
    for column in range(model.columnCount() if model is not None else 0):
        resize = QHeaderView.ResizeMode.ResizeToContents if column in short else QHeaderView.ResizeMode.Stretch
        header.setSectionResizeMode(column, resize)


def current_row(view: QTableView) -> int | None:
    """The row of the view's current, selected index (None when nothing is chosen)."""
    index = view.currentIndex()
    if not index.isValid() or not view.selectionModel().isRowSelected(index.row(), QModelIndex()):
        return None
    return index.row()


def select_row(view: QTableView, row: int) -> None:
    model = view.model()
    if model is None or not 0 <= row < model.rowCount():
        return

    flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    view.selectionModel().setCurrentIndex(model.index(row, 0), flags)
    view.scrollTo(model.index(row, 0))


def selected_rows(view: QTableView) -> list[int]:
    return sorted({index.row() for index in view.selectionModel().selectedRows()})


def fit_to_screen(window: QWidget, width: int, height: int) -> None:
    """Open a window at the size it is designed for, or smaller on a small screen."""
    parent = window.parentWidget()
    screen = window.screen() or (parent.screen() if parent is not None else None)
    if screen is not None:
        available = screen.availableGeometry()
        width = min(width, available.width() - 40)
        height = min(height, available.height() - 60)
    window.resize(width, height)
