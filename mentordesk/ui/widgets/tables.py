"""The one look and behaviour of the screens' tables: whole rows, no grid, columns that fit.

Every list shown as a table is set up by :func:`set_up_table`, with parameters for what a table
does differently; the other helpers read and move a table's selection, and size a window to the
screen.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget


def set_up_table(
    view: QTableView,
    *,
    short_columns: Iterable[int] | None = (),
    multi: bool = False,
    striped: bool = True,
    wrap: bool = False,
    grid: bool = False,
    row_heights: QHeaderView.ResizeMode = QHeaderView.ResizeMode.Fixed,
    left_header: bool = True,
    highlight_header: bool = False,
) -> None:
    """Rows are chosen whole and not edited in place; short columns fit their text and the rest share the width.

    The defaults are the house look: one row at a time, striped rows of one line (long text is
    elided, with the whole text in the tooltip), no grid, no row numbers, header titles on the left
    and not lit up by the selection. Sharing the width (rather than scrolling sideways) keeps every
    column visible in a small window. Set the model first: the columns are the model's.

    ``short_columns``: columns sized to their contents, the others stretched; None leaves the
    column sizes to the caller. ``multi``: several rows can be chosen (Ctrl/Shift+click).
    ``striped``, ``wrap``, ``grid``: alternating row colours, wrapped text, grid lines.
    ``row_heights``: how rows are sized (``ResizeToContents`` for wrapped text).
    ``left_header``: header titles aligned left (otherwise Qt's centred default).
    ``highlight_header``: header sections light up for the selected rows, as Qt does by default.
    """
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    modes = QAbstractItemView.SelectionMode
    view.setSelectionMode(modes.ExtendedSelection if multi else modes.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(striped)
    view.setWordWrap(wrap)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    view.setShowGrid(grid)
    view.verticalHeader().hide()
    view.verticalHeader().setSectionResizeMode(row_heights)
    header = view.horizontalHeader()
    header.setHighlightSections(highlight_header)
    if left_header:
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    if short_columns is None:
        return
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
