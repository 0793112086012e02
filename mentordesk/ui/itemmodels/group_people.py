"""What the group tables of people share: the name/role/department/topics columns, dragging people
out of one group's table and dropping them on a row of a list of groups.

A group's members (``MemberInfo``) and a proposal's people (``Candidate``) both carry ``name``,
``role``, ``department``, ``topics`` and ``person_id``; only their role labels differ (a member's
role in the group, a person's role at the event), so each model names its labels.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence
from typing import Any, ClassVar

from PySide6.QtCore import QMimeData, QObject, Qt, Signal

from mentordesk.ui.itemmodels.base import TEXT_ROLES, AnyIndex, RowTableModel
from mentordesk.ui.itemmodels.group_moves import MEMBERS_MIME, members_mime, read_members_mime


class PersonColumn(enum.IntEnum):
    NAME = 0
    ROLE = enum.auto()
    DEPARTMENT = enum.auto()
    TOPICS = enum.auto()

    @property
    def header(self) -> str:
        return {PersonColumn.NAME: "Name", PersonColumn.ROLE: "Role",
                PersonColumn.DEPARTMENT: "Department / grade", PersonColumn.TOPICS: "Topics"}[self]


def person_text(person: Any, column: PersonColumn, role_labels: Mapping[Any, str]) -> Any:
    """The text of ``person``'s cell in ``column`` (a ``MemberInfo`` or a ``Candidate``)."""
    match column:
        case PersonColumn.NAME:
            return person.name
        case PersonColumn.ROLE:
            return role_labels.get(person.role, str(person.role))
        case PersonColumn.DEPARTMENT:
            return person.department
        case PersonColumn.TOPICS:
            return ", ".join(person.topics)


class DraggablePeopleModel(RowTableModel):
    """The people of one group (``key``: its id or proposal key); rows drag onto a ``MemberDropModel``."""

    COLUMNS = PersonColumn
    ROLE_LABELS: ClassVar[Mapping[Any, str]]

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: tuple[Any, ...] = ()
        self._key: int | None = None

    def show_group(self, key: int | None, people: Sequence[Any]) -> None:
        self._key = key
        self.set_rows(people)

    def row_at(self, row: int) -> Any:
        return self._rows[row]

    def row_of(self, person_id: int) -> int | None:
        return next((n for n, p in enumerate(self._rows) if p.person_id == person_id), None)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        person = self._row_for(index)
        if person is None or role not in TEXT_ROLES:
            return None
        return person_text(person, PersonColumn(index.column()), self.ROLE_LABELS)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid():
            flags |= Qt.ItemFlag.ItemIsDragEnabled
        return flags

    def mimeTypes(self) -> list[str]:
        return [MEMBERS_MIME]

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeData(self, indexes: Sequence[AnyIndex]) -> QMimeData:
        rows = sorted({i.row() for i in indexes if i.isValid()})
        return members_mime(self._key, [self._rows[r].person_id for r in rows])


class MemberDropModel(RowTableModel):
    """A list of groups whose rows take dropped people; says who went where through ``members_dropped``.

    A subclass says which group key a row stands for (``_drop_key``); the owner moves the people and
    hands the model its new rows, so a drop never removes anything from the view by itself.
    """

    #: (person ids, key of the group they were dragged from, key of the group they were dropped on)
    members_dropped = Signal(list, int, int)

    def _drop_key(self, row: Any) -> int:
        raise NotImplementedError

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid():
            flags |= Qt.ItemFlag.ItemIsDropEnabled
        return flags

    def mimeTypes(self) -> list[str]:
        return [MEMBERS_MIME]

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                        parent: AnyIndex) -> bool:
        target = self._row_for(parent)
        payload = read_members_mime(data)
        return target is not None and payload is not None and payload[0] != self._drop_key(target)

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: AnyIndex) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        target = self._row_for(parent)
        payload = read_members_mime(data)
        assert target is not None and payload is not None
        source, people = payload
        if not isinstance(source, int):
            return False
        self.members_dropped.emit(people, source, self._drop_key(target))
        # The owner re-reads both groups; nothing for the view to remove by itself.
        return False
