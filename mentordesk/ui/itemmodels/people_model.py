"""The table of people: a model over ``PersonRow`` values and the proxy that filters it.

The proxy narrows the list by typed words, by role and by arrival, and sorts every column the way
a person expects. Refreshing with the same people in the same order only reports the cells that changed, so a
periodic refresh (someone checked in at another station) keeps the selection and scroll position.

The model keeps its rows in the chosen order itself (the proxy's :meth:`~PeopleFilterModel.sort`
hands sorting to it), each column's keys made once: a proxy sorting 10,000 people asks the model for
about 150,000 keys, one Python call each, and froze the window for over a second at every new list.
The proxy only filters.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QObject, QSortFilterProxyModel, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from mentordesk.models import Role
from mentordesk.models.normalize import fold
from mentordesk.services.people import PersonRow
from mentordesk.ui.itemmodels.base import AnyIndex, RowTableModel

_HAS_FILTER_CHANGE = hasattr(QSortFilterProxyModel, "endFilterChange")

#: The row itself (a PersonRow), for views and tests that need more than the text.
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
#: A string that sorts the column the way a person expects (names by last name, accent-blind).
SORT_ROLE = Qt.ItemDataRole.UserRole + 2

ROLE_LABELS = {Role.MENTOR: "Mentor", Role.MENTEE: "Mentee", Role.FACILITATOR: "Facilitator"}
#: Plural labels, for the role filter ("All roles" is the absence of a role).
ROLE_PLURALS = {Role.MENTOR: "Mentors", Role.MENTEE: "Mentees", Role.FACILITATOR: "Facilitators"}
_ROLE_ORDER = {Role.MENTOR: "0", Role.MENTEE: "1", Role.FACILITATOR: "2"}


class Arrival(enum.Enum):
    """Which people the arrival filter keeps."""

    EVERYONE = "Everyone"
    ARRIVED = "Arrived"
    NOT_ARRIVED = "Not arrived"

    def accepts(self, checked_in: bool) -> bool:
        if self is Arrival.EVERYONE:
            return True
        return checked_in == (self is Arrival.ARRIVED)


class Column(enum.IntEnum):
    NAME = 0
    ROLE = enum.auto()
    ORGANISATION = enum.auto()
    TOPICS = enum.auto()
    BADGE_CODE = enum.auto()
    ARRIVED = enum.auto()

    @property
    def header(self) -> str:
        return _HEADERS[self]


_COLUMNS = tuple(Column)

_HEADERS = {
    Column.NAME: "Name",
    Column.ROLE: "Role",
    Column.ORGANISATION: "Organisation",
    Column.TOPICS: "Topics",
    Column.BADGE_CODE: "Badge code",
    Column.ARRIVED: "Arrived",
}


def search_text(row: PersonRow) -> str:
    """Everything the filter box matches against, folded once per refresh rather than per keystroke."""
    parts = [row.full_name, row.organization, row.title, row.badge_code, row.email or "", *row.topics]
    return fold(" ".join(parts))


class PeopleModel(RowTableModel):
    """Everyone at the event, read-only, one row per person."""

    COLUMNS = Column

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[PersonRow] = []
        self._search: list[str] = []
        #: Per column, every row's sort key: made once per column, not per comparison (sorting
        #: 10,000 people asks for about 150,000 keys; folding each one stalled the window for seconds).
        self._sort_keys: dict[int, list[str]] = {}
        #: The rows in the order they were given (ties in a sort keep it), and the chosen sort.
        self._given: list[PersonRow] = []
        self._sort_column = -1
        self._descending = False

    # -- contents

    @property
    def rows(self) -> Sequence[PersonRow]:
        return tuple(self._rows)

    def set_rows(self, rows: Sequence[PersonRow]) -> None:
        self._given = list(rows)
        rows, keys = self._arranged(self._given)
        if [r.id for r in rows] != [r.id for r in self._rows]:
            self.beginResetModel()
            self._rows = rows
            self._search = [search_text(r) for r in rows]
            self._sort_keys = {self._sort_column: keys} if keys is not None else {}
            self.endResetModel()
            return
        last_column = len(Column) - 1
        for number, (old, new) in enumerate(zip(self._rows, rows, strict=True)):
            if old != new:
                self._rows[number] = new
                self._search[number] = search_text(new)
                for column, keys in self._sort_keys.items():
                    keys[number] = self._sort_key(new, _COLUMNS[column])
                self.dataChanged.emit(self.index(number, 0), self.index(number, last_column))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Keep the rows sorted by ``column`` (by its sort key; ties in the order given)."""
        self._sort_column, self._descending = column, order == Qt.SortOrder.DescendingOrder
        if not self._rows:
            return
        self.layoutAboutToBeChanged.emit()
        old_ids = [r.id for r in self._rows]
        search = dict(zip(old_ids, self._search, strict=True))
        rows, keys = self._arranged(self._given)
        self._rows = rows
        self._search = [search[r.id] for r in rows]
        self._sort_keys = {column: keys} if keys is not None else {}
        new_row = {r.id: number for number, r in enumerate(rows)}
        for index in self.persistentIndexList():
            self.changePersistentIndex(index, self.index(new_row[old_ids[index.row()]], index.column()))
        self.layoutChanged.emit()

    def _arranged(self, rows: list[PersonRow]) -> tuple[list[PersonRow], list[str] | None]:
        """``rows`` in the chosen order, with their keys for the sorted column."""
        if not 0 <= self._sort_column < len(_COLUMNS):
            return rows, None
        column = _COLUMNS[self._sort_column]
        keys = [self._sort_key(r, column) for r in rows]
        order = sorted(range(len(rows)), key=keys.__getitem__, reverse=self._descending)
        return [rows[i] for i in order], [keys[i] for i in order]

    def row_at(self, row: int) -> PersonRow:
        return self._rows[row]

    def row_of(self, person_id: int) -> int | None:
        """The model row of the person, or None when they are not (or no longer) listed."""
        return next((number for number, row in enumerate(self._rows) if row.id == person_id), None)

    def search_text_at(self, row: int) -> str:
        return self._search[row]

    @property
    def arrived_count(self) -> int:
        return sum(r.checked_in for r in self._rows)

    # -- QAbstractTableModel

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if role == SORT_ROLE:
            return self._sort_keys_of(index.column())[index.row()]
        row = self._rows[index.row()]
        column = _COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.ForegroundRole and column == Column.ARRIVED and not row.checked_in:
            return QApplication.palette().brush(QPalette.ColorGroup.Active, QPalette.ColorRole.PlaceholderText)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._display(row, column)
        return None

    @staticmethod
    def _display(row: PersonRow, column: Column) -> str:
        match column:
            case Column.NAME:
                return row.full_name
            case Column.ROLE:
                return ROLE_LABELS.get(row.role, str(row.role))
            case Column.ORGANISATION:
                return row.organization
            case Column.TOPICS:
                return ", ".join(row.topics)
            case Column.BADGE_CODE:
                return row.badge_code
            case Column.ARRIVED:
                return "Arrived" if row.checked_in else "Not yet"

    @staticmethod
    def _tooltip(row: PersonRow, column: Column) -> str:
        if column == Column.NAME:
            lines = [row.full_name]
            if row.title or row.organization:
                lines.append(", ".join(part for part in (row.title, row.organization) if part))
            if row.email:
                lines.append(row.email)
            return "\n".join(lines)
        if column == Column.TOPICS:
            return "\n".join(row.topics)
        return PeopleModel._display(row, column)

    def _sort_keys_of(self, column: int) -> list[str]:
        keys = self._sort_keys.get(column)
        if keys is None:
            keys = self._sort_keys[column] = [self._sort_key(row, _COLUMNS[column]) for row in self._rows]
        return keys

    @staticmethod
    def _sort_key(row: PersonRow, column: Column) -> str:
        match column:
            case Column.NAME:
                return f"{fold(row.last_name)}\x00{fold(row.first_name)}"
            case Column.ROLE:
                return _ROLE_ORDER.get(row.role, "9")
            case Column.ORGANISATION:
                return fold(row.organization)
            case Column.TOPICS:
                return fold(", ".join(row.topics))
            case Column.BADGE_CODE:
                return row.badge_code
            case Column.ARRIVED:
                return "0" if row.checked_in else "1"


class PeopleFilterModel(QSortFilterProxyModel):
    """Keeps the rows that hold every typed word and fit the chosen role and arrival state.

    Words match name, organisation, title, topics, e-mail and badge code, accent- and case-blind
    ("zoe sim" finds "Zoë Šimůnek"), like check-in search.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._words: list[str] = []
        self._role: Role | None = None
        self._arrival = Arrival.EVERYONE
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)

    @property
    def query(self) -> str:
        return " ".join(self._words)

    @property
    def role(self) -> Role | None:
        return self._role

    @property
    def arrival(self) -> Arrival:
        return self._arrival

    @property
    def is_filtered(self) -> bool:
        """Whether any filter may hide someone."""
        return bool(self._words) or self._role is not None or self._arrival is not Arrival.EVERYONE

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """A People model sorts itself (see the module docstring); the proxy keeps its order."""
        model = self.sourceModel()
        if isinstance(model, PeopleModel):
            model.sort(column, order)
        else:
            super().sort(column, order)

    def set_query(self, text: str) -> None:
        words = fold(text).split()
        if words != self._words:
            self._change_filter(lambda: setattr(self, "_words", words))

    def set_role(self, role: Role | None) -> None:
        """Keep only people of ``role``; None keeps every role."""
        if role != self._role:
            self._change_filter(lambda: setattr(self, "_role", role))

    def set_arrival(self, arrival: Arrival) -> None:
        if arrival != self._arrival:
            self._change_filter(lambda: setattr(self, "_arrival", arrival))

    def clear_filters(self) -> None:
        if self.is_filtered:
            def clear() -> None:
                self._words, self._role, self._arrival = [], None, Arrival.EVERYONE

            self._change_filter(clear)

    def _change_filter(self, change: Callable[[], None]) -> None:
        if _HAS_FILTER_CHANGE:
            # Qt 6.9+ wants filter changes bracketed (invalidateFilter is deprecated there).
            self.beginFilterChange()
            change()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:  # pragma: no cover - PySide6 before 6.9, still allowed by pyproject.toml
            change()
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        model = self.sourceModel()
        if not isinstance(model, PeopleModel) or not self.is_filtered:
            return True
        row = model.row_at(source_row)
        if self._role is not None and row.role is not self._role:
            return False
        if not self._arrival.accepts(row.checked_in):
            return False
        haystack = model.search_text_at(source_row)
        return all(word in haystack for word in self._words)
