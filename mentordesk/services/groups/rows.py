"""The group and session rows the services work on, or a GroupError worded for the person using it."""

from __future__ import annotations

from sqlalchemy.orm import Session

from mentordesk.models import GroupSession, MentorGroup
from mentordesk.services.groups.group_data import GroupError


def group_row(session: Session, group_id: int) -> MentorGroup:
    group = session.get(MentorGroup, group_id)
    if group is None:
        raise GroupError("That group no longer exists.")
    return group


def session_row(session: Session, session_id: int) -> GroupSession:
    meeting = session.get(GroupSession, session_id)
    if meeting is None:
        raise GroupError("That session no longer exists.")
    return meeting
