"""Groups and who is in them: create, rename, delete; add, remove and move members.

A person can be in several groups (of any kinds) but only once in each. A member's role in a
group is separate from their role at the event: a mentee may mentor in a reverse-mentoring pair.
Removing a member keeps their attendance records, so their history stays complete.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from mentordesk.models import (
    GroupKind,
    GroupMember,
    GroupSession,
    MemberRole,
    MentorGroup,
    Person,
    Role,
)
from mentordesk.models.base import utcnow
from mentordesk.models.normalize import clean, fold
from mentordesk.services.groups.group_data import (
    Candidate,
    GroupDetails,
    GroupError,
    GroupSummary,
    MemberInfo,
)
from mentordesk.services.groups.roster_order import sign_in_order
from mentordesk.services.groups.rows import group_row
from mentordesk.services.groups.timing import session_zone

NAME_MAX = 200


def default_role(kind: GroupKind, event_role: Role) -> MemberRole:
    """The role a person gets when added without one.

    Peers in a peer circle; in reverse mentoring the roles turn round (the event's mentors, the
    seniors, are the ones being mentored); otherwise the event role.
    """
    if kind is GroupKind.PEER_CIRCLE:
        return MemberRole.PEER
    senior = event_role is Role.MENTOR
    if kind is GroupKind.REVERSE:
        senior = not senior
    return MemberRole.MENTOR if senior else MemberRole.MENTEE


def _clean_name(name: str) -> str:
    name = clean(name)
    if not name:
        raise GroupError("Give the group a name.")
    if len(name) > NAME_MAX:
        raise GroupError(f"A group name can have at most {NAME_MAX} characters.")
    return name


def _check_name_free(session: Session, event_id: int, name: str, group_id: int | None) -> None:
    for other_id, other_name in session.execute(
        select(MentorGroup.id, MentorGroup.name).where(MentorGroup.event_id == event_id)
    ):
        if other_id != group_id and fold(other_name) == fold(name):
            raise GroupError(f"There is already a group called “{other_name}”.")


def create_group(session: Session, event_id: int, name: str, kind: GroupKind = GroupKind.GROUP, *,
                 topic: str = "", description: str = "", location: str = "") -> int:
    """Create an empty group; returns its id."""
    name = _clean_name(name)
    _check_name_free(session, event_id, name, None)
    group = MentorGroup(event_id=event_id, name=name, kind=GroupKind(kind), topic=clean(topic),
                        description=(description or "").strip(), location=clean(location))
    session.add(group)
    session.flush()
    return group.id


def rename_group(session: Session, group_id: int, name: str) -> None:
    group = group_row(session, group_id)
    name = _clean_name(name)
    _check_name_free(session, group.event_id, name, group_id)
    group.name = name
    session.flush()


def update_group(session: Session, group_id: int, *, kind: GroupKind | None = None, topic: str | None = None,
                 description: str | None = None, location: str | None = None,
                 archived: bool | None = None) -> None:
    """Change a group's details; None leaves a field as it is."""
    group = group_row(session, group_id)
    if kind is not None:
        group.kind = GroupKind(kind)
    if topic is not None:
        group.topic = clean(topic)
    if description is not None:
        group.description = description.strip()
    if location is not None:
        group.location = clean(location)
    if archived is not None:
        group.archived = archived
    session.flush()


def delete_group(session: Session, group_id: int) -> None:
    """Delete a group with its sessions and their attendance (goals stay with the person)."""
    session.delete(group_row(session, group_id))
    session.flush()


def find_group_id(session: Session, event_id: int, wanted: str) -> int:
    """The group named ``wanted`` (case and accents ignored) or with that number; GroupError lists the rest."""
    key = fold(wanted or "")
    rows = session.execute(select(MentorGroup.id, MentorGroup.name).where(MentorGroup.event_id == event_id)
                           .order_by(MentorGroup.name)).all()
    for group_id, name in rows:
        if fold(name) == key or str(group_id) == key:
            return group_id
    known = ", ".join(name for _id, name in rows) or "none yet"
    raise GroupError(f"there is no group {clean(wanted)!r}; groups: {known}")


# --------------------------------------------------------------------------- reading


def list_groups(session: Session, event_id: int, *, include_archived: bool = True,
                now: datetime | None = None) -> list[GroupSummary]:
    """Every group of the event by name, with member counts and the next session."""
    now = now or utcnow()
    query = select(MentorGroup).where(MentorGroup.event_id == event_id)
    if not include_archived:
        query = query.where(MentorGroup.archived.is_(False))
    groups = list(session.scalars(query))
    roles: dict[int, dict[MemberRole, int]] = defaultdict(lambda: defaultdict(int))
    for group_id, role, count in session.execute(
        select(GroupMember.group_id, GroupMember.role, func.count())
        .join(MentorGroup, MentorGroup.id == GroupMember.group_id).where(MentorGroup.event_id == event_id)
        .group_by(GroupMember.group_id, GroupMember.role)
    ):
        roles[group_id][role] = count
    mentors: dict[int, list[Person]] = defaultdict(list)
    for group_id, person in session.execute(
        select(GroupMember.group_id, Person).join(Person, Person.id == GroupMember.person_id)
        .where(GroupMember.role == MemberRole.MENTOR, Person.event_id == event_id)
    ):
        mentors[group_id].append(person)
    sessions_by_group: dict[int, list[GroupSession]] = defaultdict(list)
    for meeting in session.scalars(select(GroupSession).join(MentorGroup)
                                   .where(MentorGroup.event_id == event_id).order_by(GroupSession.starts_at)):
        sessions_by_group[meeting.group_id].append(meeting)
    summaries = []
    for g in groups:
        meetings = sessions_by_group[g.id]
        upcoming = next((m for m in meetings if not m.cancelled and m.starts_at >= now), None)
        summaries.append(GroupSummary(
            id=g.id, name=g.name, kind=g.kind, topic=g.topic or "", location=g.location or "", archived=g.archived,
            mentor_count=roles[g.id][MemberRole.MENTOR], mentee_count=roles[g.id][MemberRole.MENTEE],
            peer_count=roles[g.id][MemberRole.PEER], session_count=sum(1 for m in meetings if not m.cancelled),
            next_starts_at=(upcoming.starts_at.astimezone(session_zone(session, upcoming)) if upcoming else None),
            mentor_names=tuple(p.full_name for p in sign_in_order(mentors[g.id])),
        ))
    summaries.sort(key=lambda s: (fold(s.name), s.id))
    return summaries


def _member_info(member: GroupMember, person: Person) -> MemberInfo:
    return MemberInfo(person_id=person.id, first_name=person.first_name, last_name=person.last_name,
                      role=member.role, event_role=person.role, department=person.department or "",
                      topics=tuple(person.topics or ()), badge_code=person.badge_code)


def group_members(session: Session, group_id: int) -> list[MemberInfo]:
    """A group's members in sign-in order."""
    rows = session.execute(select(GroupMember, Person).join(Person, Person.id == GroupMember.person_id)
                           .where(GroupMember.group_id == group_id)).all()
    return sign_in_order(_member_info(m, p) for m, p in rows)


def get_group(session: Session, group_id: int) -> GroupDetails:
    g = group_row(session, group_id)
    return GroupDetails(id=g.id, name=g.name, kind=g.kind, topic=g.topic or "", description=g.description or "",
                        location=g.location or "", archived=g.archived,
                        members=tuple(group_members(session, group_id)))


def available_people(session: Session, event_id: int, *, exclude_group_id: int | None = None,
                     roles: tuple[Role, ...] = (Role.MENTOR, Role.MENTEE),
                     only_ungrouped: bool = False) -> list[Candidate]:
    """People who could join a group, in sign-in order: not already in ``exclude_group_id``, or
    (``only_ungrouped``) in no group at all — the pool a coordinator drags people from."""
    query = select(Person).where(Person.event_id == event_id, Person.role.in_(roles))
    if exclude_group_id is not None:
        inside = select(GroupMember.person_id).where(GroupMember.group_id == exclude_group_id)
        query = query.where(Person.id.not_in(inside))
    if only_ungrouped:
        query = query.where(Person.id.not_in(select(GroupMember.person_id)))
    people = sign_in_order(session.scalars(query))
    return [Candidate(p.id, p.full_name, p.role, p.department or "", tuple(p.topics or ())) for p in people]


# --------------------------------------------------------------------------- changing membership


def add_member(session: Session, group_id: int, person_id: int, role: MemberRole | None = None, *,
               joined_on: date | None = None) -> MemberRole:
    """Put someone in a group (role from the group kind and their event role unless given)."""
    group = group_row(session, group_id)
    person = session.get(Person, person_id)
    if person is None or person.event_id != group.event_id:
        raise GroupError("That person is not part of this event.")
    existing = session.scalar(select(GroupMember).where(GroupMember.group_id == group_id,
                                                        GroupMember.person_id == person_id))
    if existing is not None:
        raise GroupError(f"{person.full_name} is already in {group.name}.")
    role = MemberRole(role) if role is not None else default_role(group.kind, person.role)
    session.add(GroupMember(group_id=group_id, person_id=person_id, role=role, joined_on=joined_on))
    session.flush()
    return role


def remove_member(session: Session, group_id: int, person_id: int) -> None:
    member = session.scalar(select(GroupMember).where(GroupMember.group_id == group_id,
                                                      GroupMember.person_id == person_id))
    if member is None:
        raise GroupError("That person is not in this group.")
    session.delete(member)
    session.flush()


def set_member_role(session: Session, group_id: int, person_id: int, role: MemberRole) -> None:
    member = session.scalar(select(GroupMember).where(GroupMember.group_id == group_id,
                                                      GroupMember.person_id == person_id))
    if member is None:
        raise GroupError("That person is not in this group.")
    member.role = MemberRole(role)
    session.flush()


def move_member(session: Session, person_id: int, from_group_id: int, to_group_id: int,
                role: MemberRole | None = None) -> MemberRole:
    """Move someone between groups in one step (drag and drop, or the keyboard move).

    They keep their role when both groups are of a kind where roles mean the same (group,
    one-on-one); otherwise — into or out of a peer circle or a reverse-mentoring group — they get
    the target's default role (:func:`default_role`), unless ``role`` is given. Returns the new role.
    """
    if from_group_id == to_group_id:
        raise GroupError("Choose a different group to move to.")
    member = session.scalar(select(GroupMember).where(GroupMember.group_id == from_group_id,
                                                      GroupMember.person_id == person_id))
    if member is None:
        raise GroupError("That person is not in the group they are being moved from.")
    source = group_row(session, from_group_id)
    target = group_row(session, to_group_id)
    if session.scalar(select(GroupMember.id).where(GroupMember.group_id == to_group_id,
                                                   GroupMember.person_id == person_id)) is not None:
        person = session.get_one(Person, person_id)
        raise GroupError(f"{person.full_name} is already in {target.name}.")
    if role is None:
        person = session.get_one(Person, person_id)
        special = (GroupKind.PEER_CIRCLE, GroupKind.REVERSE)
        if target.kind is not source.kind and (target.kind in special or source.kind in special):
            role = default_role(target.kind, person.role)
        else:
            role = member.role
    if source.event_id != target.event_id:
        raise GroupError("Those groups belong to different events.")
    session.delete(member)
    session.flush()
    return add_member(session, to_group_id, person_id, role, joined_on=member.joined_on)
