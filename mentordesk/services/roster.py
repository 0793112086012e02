"""Managing the people of an event: add (walk-ins), edit, erase on request, and merge duplicates.

Erasure is complete: the person and every record about them (check-ins, requests, seats,
memberships, attendance, goals, notes, feedback) go, the freed pages are overwritten, and the
write-ahead log is folded back into the file so no copy of their data stays on disk.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy import func, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from mentordesk.models import (
    Attendance,
    CheckinAction,
    CheckinEntry,
    Feedback,
    FlashSeat,
    Goal,
    GroupMember,
    MentorRequest,
    NoGoPair,
    Note,
    Person,
    Role,
)
from mentordesk.models.normalize import clean, email_key
from mentordesk.models.store import EventStore
from mentordesk.services import checkin
from mentordesk.services.domain_error import DomainError
from mentordesk.services.people import PersonRow, list_people, new_badge_code
from mentordesk.services.person_links import move_pairs, set_must_not_meet, set_requested_mentors, tidy_topics

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class PersonError(DomainError):
    """Input that cannot be saved; the message is for the user."""


@dataclass(frozen=True)
class PersonInput:
    """The editable fields of a person, as a form or an import row provides them."""

    first_name: str
    last_name: str = ""
    email: str | None = None
    role: Role = Role.MENTEE
    organization: str = ""
    title: str = ""
    pronouns: str = ""
    department: str = ""
    topics: tuple[str, ...] = ()
    consent_share_contact: bool = False
    notes: str = ""


@dataclass(frozen=True)
class PersonDetails:
    id: int
    badge_code: str
    is_walk_in: bool
    data: PersonInput


@dataclass(frozen=True)
class DuplicateGroup:
    """People who are probably the same person, and why we think so."""

    reason: str
    person_ids: tuple[int, ...]


@dataclass(frozen=True)
class ErasureReport:
    name: str
    records: dict[str, int] = field(default_factory=dict)


def validate(data: PersonInput) -> PersonInput:
    """Cleaned input, or PersonError saying what is wrong."""
    cleaned = replace(
        data,
        first_name=clean(data.first_name),
        last_name=clean(data.last_name),
        email=(data.email or "").strip() or None,
        organization=clean(data.organization),
        title=clean(data.title),
        pronouns=clean(data.pronouns),
        department=clean(data.department),
        topics=tidy_topics(data.topics),
    )
    if not cleaned.first_name and not cleaned.last_name:
        raise PersonError("Enter a first or last name.")
    if cleaned.email and not _EMAIL.match(cleaned.email):
        raise PersonError(f"“{cleaned.email}” is not an e-mail address.")
    return cleaned


def _check_email_free(session: Session, event_id: int, email: str | None, person_id: int | None) -> None:
    key = email_key(email)
    if key is None:
        return
    other = session.scalar(select(Person).where(Person.event_id == event_id, Person.email_key == key,
                                                Person.id != (person_id or -1)))
    if other is not None:
        raise PersonError(f"{other.full_name} already uses the e-mail address {email}.")


def _apply(person: Person, data: PersonInput) -> None:
    person.first_name = data.first_name
    person.last_name = data.last_name
    person.email = data.email
    person.role = data.role
    person.organization = data.organization
    person.title = data.title
    person.pronouns = data.pronouns
    person.department = data.department
    person.topics = list(data.topics)
    person.consent_share_contact = data.consent_share_contact
    person.notes = data.notes


def add_person(session: Session, event_id: int, data: PersonInput, *, walk_in: bool = False) -> int:
    """Add someone (a walk-in at the desk, or by hand); returns the new id."""
    data = validate(data)
    _check_email_free(session, event_id, data.email, None)
    person = Person(event_id=event_id, badge_code=new_badge_code(session, event_id), is_walk_in=walk_in,
                    first_name=data.first_name, role=data.role)
    _apply(person, data)
    session.add(person)
    session.flush()
    return person.id


def update_person(session: Session, person_id: int, data: PersonInput) -> None:
    data = validate(data)
    person = session.get_one(Person, person_id)
    _check_email_free(session, person.event_id, data.email, person_id)
    _apply(person, data)
    session.flush()


@dataclass(frozen=True)
class LinksInput:
    """Whom a person asks to meet (mentor ids, first choice first) and must not meet (any ids)."""

    requested_mentor_ids: tuple[int, ...] = ()
    must_not_meet_ids: tuple[int, ...] = ()


def save_person(session: Session, event_id: int, person_id: int | None, data: PersonInput, links: LinksInput,
                *, walk_in: bool = False) -> int:
    """Add (``person_id`` None) or update a person with their requests and no-go pairs, in the
    caller's transaction: all of it is written, or (on a refusal) none. Someone who is not a mentee
    has no requested mentors. Returns the person's id."""
    if person_id is None:
        person_id = add_person(session, event_id, data, walk_in=walk_in)
    else:
        update_person(session, person_id, data)
    requested = links.requested_mentor_ids if data.role is Role.MENTEE else ()
    set_requested_mentors(session, person_id, requested)
    set_must_not_meet(session, person_id, links.must_not_meet_ids)
    return person_id


def get_person(session: Session, person_id: int) -> PersonDetails:
    p = session.get_one(Person, person_id)
    data = PersonInput(
        first_name=p.first_name, last_name=p.last_name, email=p.email, role=p.role, organization=p.organization,
        title=p.title, pronouns=p.pronouns, department=p.department, topics=tuple(p.topics or ()),
        consent_share_contact=p.consent_share_contact, notes=p.notes,
    )
    return PersonDetails(p.id, p.badge_code, p.is_walk_in, data)


def erase_person(session: Session, person_id: int) -> ErasureReport:
    """Erase a person and every record of them (a privacy request). Cannot be undone."""
    person = session.get_one(Person, person_id)
    name = person.full_name
    counted = {
        "check-in log entries": select(func.count()).select_from(CheckinEntry).where(
            CheckinEntry.person_id == person_id),
        "mentor requests": select(func.count()).select_from(MentorRequest).where(
            (MentorRequest.mentee_id == person_id) | (MentorRequest.mentor_id == person_id)),
        "no-go pairs": select(func.count()).select_from(NoGoPair).where(
            (NoGoPair.person_a_id == person_id) | (NoGoPair.person_b_id == person_id)),
        "rotation seats": select(func.count()).select_from(FlashSeat).where(FlashSeat.person_id == person_id),
        "group memberships": select(func.count()).select_from(GroupMember).where(GroupMember.person_id == person_id),
        "attendance records": select(func.count()).select_from(Attendance).where(Attendance.person_id == person_id),
        "goals": select(func.count()).select_from(Goal).where(Goal.person_id == person_id),
        "notes": select(func.count()).select_from(Note).where(Note.person_id == person_id),
        "feedback": select(func.count()).select_from(Feedback).where(
            (Feedback.author_id == person_id) | (Feedback.about_person_id == person_id)),
    }
    records = {label: session.scalar(query) or 0 for label, query in counted.items()}
    if session.get_bind().dialect.name == "sqlite":
        # Overwrite deleted content instead of leaving it in free pages of the file.
        session.execute(text("PRAGMA secure_delete = ON"))
    session.delete(person)
    session.flush()
    return ErasureReport(name, {label: n for label, n in records.items() if n})


def finish_erasure(store: EventStore) -> None:
    """After the erasing transaction committed: fold the write-ahead log into the file, so that
    no copy of the erased pages is left in it."""
    store.checkpoint()


def likely_duplicates(session: Session, event_id: int) -> list[DuplicateGroup]:
    """Groups of people who share a name (ignoring case and accents)."""
    by_name: dict[str, list[int]] = defaultdict(list)
    for person_id, key in session.execute(
        select(Person.id, Person.search_key).where(Person.event_id == event_id).order_by(Person.id)
    ):
        if key:
            by_name[key].append(person_id)
    return [DuplicateGroup("same name", tuple(ids)) for ids in by_name.values() if len(ids) > 1]


def merge_people(session: Session, keep_id: int, merge_id: int) -> None:
    """Fold ``merge_id`` into ``keep_id``: its records move over, empty fields are filled, it goes.

    Records that would collide (both in the same group, both at one session …) keep the kept
    person's version.
    """
    if keep_id == merge_id:
        raise PersonError("Choose two different people to merge.")
    keep = session.get_one(Person, keep_id)
    merge = session.get_one(Person, merge_id)
    if keep.event_id != merge.event_id:
        raise PersonError("These people belong to different events.")

    for name in ("last_name", "organization", "title", "pronouns", "department", "notes", "external_id"):
        if not getattr(keep, name) and getattr(merge, name):
            setattr(keep, name, getattr(merge, name))
    keep.topics = list(dict.fromkeys([*(keep.topics or []), *(merge.topics or [])]))
    keep.consent_share_contact = keep.consent_share_contact or merge.consent_share_contact
    merge_email = merge.email
    session.flush()

    _move(session, MentorRequest, "mentee_id", merge_id, keep_id)
    _move(session, MentorRequest, "mentor_id", merge_id, keep_id)
    _move(session, GroupMember, "person_id", merge_id, keep_id)
    _move(session, Attendance, "person_id", merge_id, keep_id)
    _move(session, Goal, "person_id", merge_id, keep_id)
    _move(session, Note, "person_id", merge_id, keep_id)
    _move(session, Feedback, "author_id", merge_id, keep_id)
    _move(session, Feedback, "about_person_id", merge_id, keep_id)
    _move(session, FlashSeat, "person_id", merge_id, keep_id)
    move_pairs(session, merge_id, keep_id)
    _merge_arrival(session, merge_id, keep_id)
    session.delete(merge)
    session.flush()
    if not keep.email and merge_email:
        keep.email = merge_email
        session.flush()


def _move(session: Session, model: type, column: str, old: int, new: int) -> None:
    """Re-point rows one by one; those that would break a unique or not-self rule stay behind."""
    rows: Sequence[Any] = session.scalars(select(model).where(getattr(model, column) == old)).all()
    for row in rows:
        try:
            with session.begin_nested():
                setattr(row, column, new)
                session.flush()
        except IntegrityError:
            # Left pointing at the merged person, the row goes with them.
            continue


def _merge_arrival(session: Session, old: int, new: int) -> None:
    """The kept person counts as arrived when either record had arrived.

    The log is append-only, so the merged record's entries are not moved; when only the merged
    record was checked in, the kept one gets a check-in with the original time.
    """
    merged = checkin.current_entry(session, old)
    if merged is None or merged.action != CheckinAction.CHECK_IN or checkin.is_checked_in(session, new):
        return
    checkin.check_in(session, new, station=merged.station, method=merged.method, at=merged.at)


@dataclass(frozen=True)
class PeopleSnapshot:
    """What the People page shows: everyone registered, and the likely duplicates among them."""

    people: list[PersonRow]
    duplicates: list[DuplicateGroup]


def people_snapshot(session: Session, event_id: int) -> PeopleSnapshot:
    return PeopleSnapshot(list_people(session, event_id), likely_duplicates(session, event_id))
