"""A combo box for an option whose choices come from the event (a group, a session, a mentee).

The choices arrive later than the form (they are read in the background), may be read again when
the event changes, and may be narrowed by another option (a group's sessions). Through all of that
the combo keeps the value that was chosen. A long list (hundreds of mentees) becomes an editable
box with a completer that matches anywhere in a name, ignoring case and accents ("zoe" finds
"Zoë"), instead of a list to scroll through.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

from mentordesk.models.normalize import fold
from mentordesk.printing.catalog import Choice

#: From this many choices on, the combo is searchable (typing filters a pop-up list).
SEARCHABLE_FROM = 15
#: Item data role holding a label's search key (``fold``ed), which the completer matches against.
FOLD_ROLE = Qt.ItemDataRole.UserRole + 1
LOADING = "Loading…"


class FoldingCompleter(QCompleter):
    """Completes from any part of a label, case- and accent-blind, and inserts the label itself."""

    def __init__(self, model: QAbstractItemModel, parent: QObject | None = None) -> None:
        super().__init__(model, parent)
        self.setCompletionRole(FOLD_ROLE)
        self.setFilterMode(Qt.MatchFlag.MatchContains)
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setMaxVisibleItems(12)

    def splitPath(self, path: str) -> list[str]:
        return [fold(path)]

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:
        return str(index.data(Qt.ItemDataRole.DisplayRole) or "")


class ChoiceCombo(QComboBox):
    """Offers ``Choice`` values; ``value()`` is the chosen one's value (or what was typed)."""

    def __init__(self, default: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._default = default
        #: Every choice as read; ``None`` until the first read arrives.
        self._choices: tuple[Choice, ...] | None = None
        #: The value of the option this one is narrowed by ("" or None: not narrowed).
        self._within: str | None = None
        #: The value to show once the choices are known (set before they arrive, or not among them).
        self._wanted = default
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(24)
        self._fill()

    # -- what the form uses

    @property
    def choices(self) -> tuple[Choice, ...] | None:
        return self._choices

    @property
    def searchable(self) -> bool:
        return self.isEditable()

    def value(self) -> str:
        if self._choices is None:
            return self._wanted
        if not self.isEditable():
            data = self.currentData()
            return self._wanted if data is None else str(data)
        text = self.currentText().strip()
        if not text:
            return self._default
        row = self.currentIndex()
        if row >= 0 and self.itemText(row) == self.currentText():
            return str(self.itemData(row))
        key = fold(text)
        for row in range(self.count()):
            if fold(self.itemText(row)) == key:
                return str(self.itemData(row))
        # Typed and not picked: the documents accept a name or a number as it is.
        return text

    def set_value(self, value: object) -> None:
        self._wanted = "" if value is None else str(value)
        self._select(self._wanted)

    def set_choices(self, choices: Sequence[Choice]) -> None:
        """Offer ``choices`` (the first one the default), keeping the value chosen so far."""
        wanted = self.value()
        self._choices = tuple(choices)
        self._wanted = wanted
        self._fill()

    def reset(self) -> None:
        """Back to the default, waiting for choices (another event was opened)."""
        self._choices = None
        self._within = None
        self._wanted = self._default
        self._fill()

    def set_within(self, value: str | None) -> None:
        """Offer only the choices that belong to ``value`` of the narrowing option (all when blank)."""
        value = value or None
        if value == self._within:
            return
        wanted = self.value()
        self._within = value
        self._wanted = wanted
        self._fill()

    def pick_unique_match(self) -> bool:
        """If what was typed matches exactly one choice, choose it (its whole label shows)."""
        if not self.isEditable() or self._choices is None:
            return False
        key = fold(self.currentText())
        if not key:
            return False
        rows = [row for row in range(self.count()) if key in fold(self.itemText(row))]
        if len(rows) != 1 or self.itemText(rows[0]) == self.currentText():
            return False
        self.setCurrentIndex(rows[0])
        self.setEditText(self.itemText(rows[0]))
        return True

    def focusOutEvent(self, event: QFocusEvent) -> None:
        # "zoe" left in the box means the one Zoë on the list, not a mentee called "zoe". (A pop-up
        # taking the focus is the completer's own list: the person is still typing.)
        if event.reason() != Qt.FocusReason.PopupFocusReason:
            self.pick_unique_match()
        super().focusOutEvent(event)

    # -- helpers

    def _shown(self) -> list[Choice]:
        assert self._choices is not None
        if not self._within or not any(c.within == self._within for c in self._choices):
            # Not narrowed, or by a value no choice belongs to (a typed name): offer everything.
            return list(self._choices)
        return [c for c in self._choices if not c.within or c.within == self._within]

    def _fill(self) -> None:
        blocked = self.blockSignals(True)
        try:
            self.clear()
            if self._choices is None:
                self.setEditable(False)
                self.addItem(LOADING, self._wanted)
                self.setEnabled(False)
                return
            shown = self._shown()
            searchable = len(shown) >= SEARCHABLE_FROM
            if searchable != self.isEditable():
                self.setEditable(searchable)
                if searchable:
                    self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
                    self.setCompleter(FoldingCompleter(self.model(), self))
                    line = self.lineEdit()
                    assert line is not None  # editable just above
                    line.setPlaceholderText("Type to search")
                    line.setClearButtonEnabled(True)
            for row, choice in enumerate(shown):
                self.addItem(choice.label, choice.value)
                self.setItemData(row, fold(choice.label), FOLD_ROLE)
                self.setItemData(row, choice.label, Qt.ItemDataRole.ToolTipRole)
            # One entry is the default alone, labelled to say there is nothing to choose ("No groups yet").
            self.setEnabled(len(shown) > 1)
            self._select(self._wanted)
        finally:
            self.blockSignals(blocked)

    def _select(self, value: str) -> None:
        blocked = self.blockSignals(True)
        try:
            index = self.findData(value)
            if index >= 0:
                self.setCurrentIndex(index)
                if self.isEditable():
                    self.setEditText(self.itemText(index))
            elif self.isEditable() and value and value != self._default:
                # Not among the choices (typed on another visit, or from the command line's
                # vocabulary): kept as text, which the document reads as a name or number.
                self.setCurrentIndex(-1)
                self.setEditText(value)
            else:
                self.setCurrentIndex(0 if self.count() else -1)
        finally:
            self.blockSignals(blocked)
