"""The one look and behaviour of the screens' tables: whole rows, no grid, columns that fit.

Every list shown as a table is set up by :func:`set_up_table`, with parameters for what a table
does differently; the other helpers read and move a table's selection, tell a screen when the
chosen row changes (:func:`on_choice_changed`, the same for a click and a key), and size a window
to the screen.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QObject, QPersistentModelIndex, Qt
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
    # Tab leaves the table for the next control (the arrow keys move within it), as in a form.
    view.setTabKeyNavigation(False)
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


def current_row(view: QAbstractItemView) -> int | None:
    """The chosen row: the current index's row when it is selected, else the one selected row.

    The fallback matters because a mouse press moves the current index first and selects the row
    a moment later (keys do both at once): in between, the row still selected is the choice.
    None when nothing, or several rows without the current one, are selected.
    """
    selection = view.selectionModel()
    index = view.currentIndex()
    if index.isValid() and selection.isRowSelected(index.row(), QModelIndex()):
        return index.row()
    rows = {chosen.row() for chosen in selection.selectedIndexes()}
    return rows.pop() if len(rows) == 1 else None


class _ChoiceWatcher(QObject):
    """Calls ``slot`` when the chosen rows of ``view`` change (see :func:`on_choice_changed`)."""

    def __init__(self, view: QAbstractItemView, slot: Callable[[], None]) -> None:
        super().__init__(view)
        self.view = view
        self.slot = slot
        self.single = view.selectionMode() in (QAbstractItemView.SelectionMode.SingleSelection,
                                               QAbstractItemView.SelectionMode.NoSelection)
        self.chosen = QPersistentModelIndex()
        selection = view.selectionModel()
        selection.selectionChanged.connect(self._on_selection_changed)
        if self.single:
            selection.currentRowChanged.connect(self._on_selection_changed)

    def _on_selection_changed(self, *_args: object) -> None:
        if not self.single:
            self.slot()
            return
        row = current_row(self.view)
        model = self.view.model()
        now = QPersistentModelIndex(model.index(row, 0)) if row is not None and model is not None else None
        if now is None and not self.chosen.isValid():
            return
        if now is not None and self.chosen.isValid() and now == self.chosen:
            return
        self.chosen = now if now is not None else QPersistentModelIndex()
        self.slot()


def on_choice_changed(view: QAbstractItemView, slot: Callable[[], None]) -> None:
    """Call ``slot`` whenever the chosen rows change, whether by mouse, key or code.

    Every list whose selection drives another pane or its buttons connects through here, never to
    ``currentRowChanged`` alone: a mouse press makes a row current *before* selecting it, so a
    screen that read the selection on ``currentRowChanged`` saw nothing chosen after a click.
    A single-choice view calls ``slot`` once per new choice (keys, which move both, do not call it
    twice); a multi-choice view calls it on every change of its selection. A model reset changes
    no selection signal: the screen handles ``modelReset`` itself. Set the selection mode and the
    model first (a new model brings a new selection model).
    """
    _ChoiceWatcher(view, slot)


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
