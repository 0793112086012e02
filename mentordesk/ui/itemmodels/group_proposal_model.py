"""An auto-forming proposal on screen: its groups (names editable, members droppable) and one group's people.

Both models show a ``Proposal`` the dialog holds; changing it (a move, a rename) goes through the
forming service's pure functions, and the dialog hands the new proposal back with ``set_proposal``.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal

from mentordesk.models import GroupKind, Role
from mentordesk.models.normalize import fold
from mentordesk.services.groups import Candidate, Proposal
from mentordesk.ui.itemmodels.base import AnyIndex
from mentordesk.ui.itemmodels.group_people import DraggablePeopleModel, MemberDropModel
from mentordesk.ui.itemmodels.group_people import PersonColumn as MemberColumn
from mentordesk.ui.itemmodels.people_model import ROLE_LABELS
from mentordesk.ui.widgets.group_labels import KIND_LABELS

__all__ = ["UNASSIGNED", "GroupColumn", "MemberColumn", "ProposalGroupModel", "ProposalMemberModel",
           "common_topics", "proposal_members"]

#: The key of the "not placed" row (people the proposal left out, or the coordinator took out).
UNASSIGNED = -1


class GroupColumn(enum.IntEnum):
    NAME = 0
    MENTORS = enum.auto()
    MENTEES = enum.auto()
    SHARED = enum.auto()

    @property
    def header(self) -> str:
        return {GroupColumn.NAME: "Proposed group", GroupColumn.MENTORS: "Mentors",
                GroupColumn.MENTEES: "Mentees", GroupColumn.SHARED: "Common topics"}[self]


def proposal_members(proposal: Proposal, key: int) -> list[Candidate]:
    """The people of proposed group ``key`` (mentors first), or the unplaced ones for ``UNASSIGNED``."""
    ids = proposal.unassigned if key == UNASSIGNED else (*proposal.groups[key].mentor_ids,
                                                         *proposal.groups[key].mentee_ids)
    return [proposal.person(pid) for pid in ids]


def common_topics(people: Sequence[Candidate], limit: int = 3) -> str:
    """Topics at least two of the people share, most shared first (what the group may talk about)."""
    counts: dict[str, tuple[int, str]] = {}
    for person in people:
        for topic in {fold(t): t for t in person.topics}.items():
            count, label = counts.get(topic[0], (0, topic[1]))
            counts[topic[0]] = (count + 1, label)
    shared = sorted((v for v in counts.values() if v[0] > 1), key=lambda v: (-v[0], fold(v[1])))
    return ", ".join(f"{label} ({count})" for count, label in shared[:limit])


class ProposalGroupModel(MemberDropModel):
    """One row per proposed group, then a "Not placed" row when anyone is left out.

    ``members_dropped`` keys are group indexes or UNASSIGNED.
    """

    COLUMNS = GroupColumn
    #: (group index, new name) typed into the name cell.
    renamed = Signal(int, str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: tuple[int, ...] = ()
        self.proposal: Proposal | None = None

    def set_proposal(self, proposal: Proposal | None) -> None:
        self.proposal = proposal
        keys: list[int] = []
        if proposal is not None:
            keys = list(range(len(proposal.groups)))
            if proposal.unassigned:
                keys.append(UNASSIGNED)
        if tuple(keys) == self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(keys) - 1, len(GroupColumn) - 1))
        else:
            self.set_rows(keys)

    def key_at(self, row: int) -> int:
        return self._rows[row]

    def row_of(self, key: int) -> int | None:
        return self._rows.index(key) if key in self._rows else None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        key = self._row_for(index)
        if key is None or self.proposal is None:
            return None
        column = GroupColumn(index.column())
        people = proposal_members(self.proposal, key)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.EditRole,
                    Qt.ItemDataRole.ToolTipRole):
            mentors = [p for p in people if p.role is Role.MENTOR]
            match column:
                case GroupColumn.NAME:
                    if key == UNASSIGNED:
                        return "Not placed"
                    group = self.proposal.groups[key]
                    if role == Qt.ItemDataRole.ToolTipRole:
                        return f"{group.name} · {KIND_LABELS.get(group.kind, '')}\nDouble-click or F2 to rename"
                    return group.name
                case GroupColumn.MENTORS:
                    if mentors:
                        return ", ".join(p.name for p in mentors)
                    if key == UNASSIGNED or self.proposal.groups[key].kind is GroupKind.PEER_CIRCLE:
                        return "–"  # peers lead themselves: nothing missing
                    return "no mentor"
                case GroupColumn.MENTEES:
                    return str(len(people) - len(mentors))
                case GroupColumn.SHARED:
                    return common_topics(people)
        return None

    def _drop_key(self, row: int) -> int:
        return row

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == GroupColumn.NAME and self._rows[index.row()] != UNASSIGNED:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        key = self._row_for(index)
        if key is None or key == UNASSIGNED or role != Qt.ItemDataRole.EditRole or not str(value).strip():
            return False
        self.renamed.emit(key, str(value))
        return True


class ProposalMemberModel(DraggablePeopleModel):
    """The people of one proposed group; rows drag onto another proposed group."""

    ROLE_LABELS = ROLE_LABELS

    @property
    def key(self) -> int | None:
        return self._key

    def row_at(self, row: int) -> Candidate:
        return self._rows[row]
