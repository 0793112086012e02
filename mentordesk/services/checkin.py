"""Check-in rules over the append-only log.

A person is checked in when their latest entry that has not been undone is a check-in. Undo
appends an ``undo`` entry pointing at the entry it cancels; nothing is ever rewritten.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Select, and_, func, select
from sqlalchemy.orm import Session, aliased

from mentordesk.models import CheckinAction, CheckinEntry, CheckinMethod, Person, Role, utcnow
from mentordesk.services.domain_error import DomainError


class CheckinError(DomainError):
    """A check-in action that cannot be done; the message is for the person at the desk."""


@dataclass(frozen=True)
class CheckinResult:
    entry_id: int
    person_id: int
    action: CheckinAction
    at: datetime
    #: True when the person was already checked in (nothing new was written).
    already: bool = False


@dataclass(frozen=True)
class LogLine:
    """One entry of the check-in log, as the desk lists it."""

    entry_id: int
    person_id: int
    name: str
    role: Role
    action: CheckinAction
    at: datetime
    station: str
    undone: bool


def _effective_entries():  # type: ignore[no-untyped-def]
    """Check-in and check-out entries that no undo entry cancels."""
    undo = aliased(CheckinEntry)
    return (
        select(CheckinEntry)
        .outerjoin(undo, undo.undoes_id == CheckinEntry.id)
        .where(undo.id.is_(None), CheckinEntry.action != CheckinAction.UNDO)
    )


def _latest_effective_per_person(event_id: int):  # type: ignore[no-untyped-def]
    effective = _effective_entries().subquery()
    return (
        select(effective.c.person_id, func.max(effective.c.id).label("entry_id"))
        .join(Person, Person.id == effective.c.person_id)
        .where(Person.event_id == event_id)
        .group_by(effective.c.person_id)
        .subquery()
    )


def checked_in_query(event_id: int) -> Select[int]:
    """The ids of everyone at the event who is checked in right now, as a query to filter by.

    Filter with ``Person.id.in_(checked_in_query(…))`` rather than with the ids themselves: a
    statement with one parameter per arrival is a new statement at every arrival, each kept
    prepared by SQLite (the desk's memory grew by about 40 KB a scan at 10,000 people), and
    past 32,766 arrivals SQLite refuses it.
    """
    latest = _latest_effective_per_person(event_id)
    return (
        select(CheckinEntry.person_id)
        .join(latest, and_(latest.c.entry_id == CheckinEntry.id))
        .where(CheckinEntry.action == CheckinAction.CHECK_IN)
    )


def checked_in_ids(session: Session, event_id: int) -> set[int]:
    """Ids of everyone at the event who is checked in right now."""
    return set(session.scalars(checked_in_query(event_id)))


def current_entry(session: Session, person_id: int) -> CheckinEntry | None:
    """The person's latest effective check-in or check-out entry, if any."""
    effective = _effective_entries().where(CheckinEntry.person_id == person_id).order_by(CheckinEntry.id.desc())
    return session.scalars(effective.limit(1)).first()


def is_checked_in(session: Session, person_id: int) -> bool:
    entry = current_entry(session, person_id)
    return entry is not None and entry.action == CheckinAction.CHECK_IN


def check_in(
    session: Session,
    person_id: int,
    *,
    station: str = "",
    method: CheckinMethod = CheckinMethod.MANUAL,
    at: datetime | None = None,
) -> CheckinResult:
    """Check a person in; when they already are, say so (with the time) and write nothing."""
    current = current_entry(session, person_id)
    if current is not None and current.action == CheckinAction.CHECK_IN:
        return CheckinResult(current.id, person_id, CheckinAction.CHECK_IN, current.at, already=True)
    return _append(session, person_id, CheckinAction.CHECK_IN, station=station, method=method, at=at)


def check_out(
    session: Session, person_id: int, *, station: str = "", method: CheckinMethod = CheckinMethod.MANUAL
) -> CheckinResult:
    current = current_entry(session, person_id)
    if current is None or current.action != CheckinAction.CHECK_IN:
        raise CheckinError("This person is not checked in.")
    return _append(session, person_id, CheckinAction.CHECK_OUT, station=station, method=method)


def undo(session: Session, entry_id: int, *, station: str = "") -> CheckinResult:
    """Cancel one check-in or check-out entry by appending an undo entry."""
    target = session.get(CheckinEntry, entry_id)
    if target is None or target.action == CheckinAction.UNDO:
        raise CheckinError("There is nothing to undo.")
    already = session.scalar(select(CheckinEntry.id).where(CheckinEntry.undoes_id == entry_id))
    if already is not None:
        raise CheckinError("That entry was already undone.")
    now = utcnow()
    entry = CheckinEntry(
        person_id=target.person_id,
        action=CheckinAction.UNDO,
        method=CheckinMethod.MANUAL,
        station=station,
        at=now,
        recorded_at=now,
        undoes_id=target.id,
    )
    session.add(entry)
    session.flush()
    return CheckinResult(entry.id, target.person_id, CheckinAction.UNDO, now)


def _append(
    session: Session,
    person_id: int,
    action: CheckinAction,
    *,
    station: str,
    method: CheckinMethod,
    at: datetime | None = None,
) -> CheckinResult:
    now = utcnow()
    entry = CheckinEntry(
        person_id=person_id, action=action, method=method, station=station, at=at or now, recorded_at=now
    )
    session.add(entry)
    session.flush()
    return CheckinResult(entry.id, person_id, action, entry.at)


def bulk_check_in(
    session: Session, person_ids: Iterable[int], *, at: datetime, station: str = ""
) -> list[CheckinResult]:
    """Check in people from a paper list after the fact, at the time written on the list.

    People already checked in are left as they are (their result says ``already``).
    """
    return [check_in(session, pid, station=station, method=CheckinMethod.BULK, at=at) for pid in person_ids]


def recent(session: Session, event_id: int, limit: int = 20) -> list[LogLine]:
    """The latest check-in and check-out entries, newest first, with whether each was undone."""
    undo = aliased(CheckinEntry)
    rows = session.execute(
        select(CheckinEntry, Person.first_name, Person.last_name, Person.role, undo.id)
        .join(Person, Person.id == CheckinEntry.person_id)
        .outerjoin(undo, undo.undoes_id == CheckinEntry.id)
        .where(Person.event_id == event_id, CheckinEntry.action != CheckinAction.UNDO)
        .order_by(CheckinEntry.id.desc())
        .limit(limit)
    ).all()
    return [
        LogLine(entry.id, entry.person_id, " ".join(p for p in (first, last) if p), role, entry.action, entry.at,
                entry.station, undo_id is not None)
        for entry, first, last, role, undo_id in rows
    ]


def last_undoable(session: Session, event_id: int, station: str) -> LogLine | None:
    """The newest entry made at this station that can still be undone."""
    for line in recent(session, event_id, limit=200):
        if line.station == station and not line.undone:
            return line
    return None
