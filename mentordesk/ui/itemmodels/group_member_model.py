"""The members of one group, in sign-in order, draggable onto another group of the list."""

from __future__ import annotations

from mentordesk.services.groups import MemberInfo
from mentordesk.ui.itemmodels.group_people import DraggablePeopleModel
from mentordesk.ui.itemmodels.group_people import PersonColumn as Column
from mentordesk.ui.widgets.group_labels import ROLE_LABELS

__all__ = ["Column", "GroupMemberModel"]


class GroupMemberModel(DraggablePeopleModel):
    ROLE_LABELS = ROLE_LABELS

    @property
    def group_id(self) -> int | None:
        return self._key

    def row_at(self, row: int) -> MemberInfo:
        return self._rows[row]
