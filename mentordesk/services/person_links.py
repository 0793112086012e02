"""What ties one person to others: the mentors a mentee asks to meet, and who they must not meet.

Until these were editable here only an import could set them. A mentee's *requested mentors* are
ranked (the first is their first choice) and are mentors of the same event, never the mentee
themselves. A *must not meet* pair (``NoGoPair``: a conflict of interest, a manager and their
report) is two different people of the same event, stored once with the lower id first; the
flash planner never seats them together. Topics are tidied here too: spaces trimmed, and written
once however they are capitalised or accented ("Café" and "cafe" are one topic, kept as first
written).

Every function runs in the caller's transaction, so a form's save — the person's fields, their
requests and their pairs — is written whole or not at all.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from mentordesk.models import MentorRequest, NoGoPair, Person, Role
from mentordesk.models.normalize import clean, fold
from mentordesk.services.domain_error import DomainError


class LinkError(DomainError):
    """A request or a pair the event's rules refuse; the message is for the user."""


@dataclass(frozen=True)
class PersonChoice:
    """Someone to pick from a list: their name, role and what tells namesakes apart."""

    id: int
    name: str
    role: Role
    #: Organisation, else e-mail address, else empty.
    detail: str = ""
    #: ``label`` folded (case and accents dropped), for matching what is typed; made in the
    #: background read so that a form offering 10,000 people does not fold them on the UI thread.
    key: str = ""

    @property
    def label(self) -> str:
        return f"{self.name} — {self.detail}" if self.detail else self.name


@dataclass(frozen=True)
class PersonLinks:
    #: First choice first.
    requested_mentors: tuple[PersonChoice, ...] = ()
    #: By name.
    must_not_meet: tuple[PersonChoice, ...] = ()
    #: For a mentor: the mentees who asked for them, by name.
    requested_by: tuple[PersonChoice, ...] = ()


def tidy_topics(topics: Iterable[str]) -> tuple[str, ...]:
    """Topics trimmed, blanks dropped, each written once ignoring case and accents (first kept)."""
    seen: dict[str, str] = {}
    for topic in topics:
        cleaned = clean(topic)
        key = fold(cleaned)
        if key and key not in seen:
            seen[key] = cleaned
    return tuple(seen.values())


def _make_choice(person_id: int, first: str, last: str, role: Role, organization: str,
                 email: str | None) -> PersonChoice:
    name = " ".join(part for part in (first, last) if part)
    choice = PersonChoice(person_id, name, role, organization or email or "")
    return replace(choice, key=fold(choice.label))


def _choice(person: Person) -> PersonChoice:
    return _make_choice(person.id, person.first_name, person.last_name, person.role, person.organization,
                        person.email)


def _sort_key(choice: PersonChoice) -> tuple[str, int]:
    return fold(choice.name), choice.id


def people_to_choose(session: Session, event_id: int) -> list[PersonChoice]:
    """Everyone at the event, by name: what a form offers to pick from."""
    rows = session.execute(
        select(Person.id, Person.first_name, Person.last_name, Person.role, Person.organization, Person.email)
        .where(Person.event_id == event_id)
    )
    return sorted((_make_choice(*row) for row in rows), key=_sort_key)


def get_links(session: Session, person_id: int) -> PersonLinks:
    session.get_one(Person, person_id)  # refuses an unknown id
    mentors = session.scalars(
        select(Person).join(MentorRequest, MentorRequest.mentor_id == Person.id)
        .where(MentorRequest.mentee_id == person_id).order_by(MentorRequest.rank, MentorRequest.id)
    ).all()
    pairs = session.execute(
        select(NoGoPair.person_a_id, NoGoPair.person_b_id)
        .where((NoGoPair.person_a_id == person_id) | (NoGoPair.person_b_id == person_id))
    ).all()
    other_ids = {b if a == person_id else a for a, b in pairs}
    others = session.scalars(select(Person).where(Person.id.in_(other_ids))).all() if other_ids else []
    askers = session.scalars(
        select(Person).join(MentorRequest, MentorRequest.mentee_id == Person.id)
        .where(MentorRequest.mentor_id == person_id)
    ).all()
    return PersonLinks(tuple(_choice(m) for m in mentors), tuple(sorted(map(_choice, others), key=_sort_key)),
                       tuple(sorted(map(_choice, askers), key=_sort_key)))


def _people_of_event(session: Session, event_id: int, ids: Iterable[int]) -> dict[int, Person]:
    wanted = set(ids)
    if not wanted:
        return {}
    found = {p.id: p for p in session.scalars(select(Person).where(Person.id.in_(wanted))).all()}
    if set(found) != wanted or any(p.event_id != event_id for p in found.values()):
        raise LinkError("Someone chosen is not (or no longer) at this event. Choose again from the list.")
    return found


def set_requested_mentors(session: Session, mentee_id: int, mentor_ids: Sequence[int]) -> None:
    """Replace the mentors ``mentee_id`` asks to meet with ``mentor_ids``, first choice first.

    A mentor listed twice counts once, at their first place."""
    mentee = session.get_one(Person, mentee_id)
    ordered = list(dict.fromkeys(mentor_ids))
    if ordered and mentee.role is not Role.MENTEE:
        raise LinkError(f"Only mentees request mentors; {mentee.full_name} is not a mentee.")
    if mentee_id in ordered:
        raise LinkError(f"{mentee.full_name} cannot request themselves as a mentor.")
    mentors = _people_of_event(session, mentee.event_id, ordered)
    not_mentors = [mentors[i].full_name for i in ordered if mentors[i].role is not Role.MENTOR]
    if not_mentors:
        raise LinkError(f"{', '.join(not_mentors)} {'is not a mentor' if len(not_mentors) == 1 else 'are not mentors'}"
                        " at this event; a mentee can request only mentors.")
    current = list(session.scalars(
        select(MentorRequest.mentor_id).where(MentorRequest.mentee_id == mentee_id)
        .order_by(MentorRequest.rank, MentorRequest.id)
    ))
    if current == ordered:
        return
    session.execute(delete(MentorRequest).where(MentorRequest.mentee_id == mentee_id),
                    execution_options={"synchronize_session": False})
    session.add_all(MentorRequest(mentee_id=mentee_id, mentor_id=mentor_id, rank=rank)
                    for rank, mentor_id in enumerate(ordered, start=1))
    session.flush()
    session.expire(mentee, ["requests"])


def _check_pair(session: Session, person: Person, other_ids: Iterable[int]) -> dict[int, Person]:
    others = list(other_ids)
    if person.id in others:
        raise LinkError(f"{person.full_name} cannot be kept apart from themselves; choose someone else.")
    return _people_of_event(session, person.event_id, others)


def add_no_go_pair(session: Session, person_id: int, other_id: int, reason: str = "") -> None:
    """Keep two people of the event apart from now on (nothing changes when they already are)."""
    person = session.get_one(Person, person_id)
    _check_pair(session, person, [other_id])
    low, high = sorted((person_id, other_id))
    exists = session.scalar(select(NoGoPair.id).where(NoGoPair.person_a_id == low, NoGoPair.person_b_id == high))
    if exists is None:
        session.add(NoGoPair(person_a_id=low, person_b_id=high, reason=clean(reason)[:300]))
        session.flush()


def set_must_not_meet(session: Session, person_id: int, other_ids: Iterable[int]) -> None:
    """Make ``other_ids`` exactly the people ``person_id`` must not meet.

    Pairs that stay keep their reason; pairs no longer listed go."""
    person = session.get_one(Person, person_id)
    wanted = set(_check_pair(session, person, other_ids))
    pairs = session.scalars(
        select(NoGoPair).where((NoGoPair.person_a_id == person_id) | (NoGoPair.person_b_id == person_id))
    ).all()
    have: set[int] = set()
    for pair in pairs:
        other = pair.person_b_id if pair.person_a_id == person_id else pair.person_a_id
        if other in wanted:
            have.add(other)
        else:
            session.delete(pair)
    for other in sorted(wanted - have):
        low, high = sorted((person_id, other))
        session.add(NoGoPair(person_a_id=low, person_b_id=high))
    session.flush()


def move_pairs(session: Session, old_id: int, new_id: int) -> None:
    """Give ``new_id`` the pairs of ``old_id`` (a duplicate merged into them), reasons and all.

    A pair of the two with each other means nothing once they are one person, and goes."""
    pairs = session.scalars(
        select(NoGoPair).where((NoGoPair.person_a_id == old_id) | (NoGoPair.person_b_id == old_id))
    ).all()
    have = {a if b == new_id else b for a, b in session.execute(
        select(NoGoPair.person_a_id, NoGoPair.person_b_id)
        .where((NoGoPair.person_a_id == new_id) | (NoGoPair.person_b_id == new_id)))}
    for pair in pairs:
        other = pair.person_b_id if pair.person_a_id == old_id else pair.person_a_id
        session.delete(pair)
        if other != new_id and other not in have:
            have.add(other)
            low, high = sorted((new_id, other))
            session.add(NoGoPair(person_a_id=low, person_b_id=high, reason=pair.reason))
    session.flush()
