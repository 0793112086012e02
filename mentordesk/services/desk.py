"""The check-in desk: turn whatever was scanned or typed into a check-in, with what to show.

One function, ``check_in_input``, serves the GUI's always-focused field, the kiosk and the
``mentordesk checkin`` command, so that they all follow the same rules: a code or e-mail checks
the person in at once; a name checks in only when exactly one person matches, otherwise the
candidates are returned for the person at the desk to choose from.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from mentordesk.models import CheckinMethod, FlashRound, FlashSeat, FlashSession, Person, Role, SessionStatus
from mentordesk.services import checkin
from mentordesk.services.flash.arrivals import not_in_rotation
from mentordesk.services.flash.current import current_session_id
from mentordesk.services.lookup import MatchKind, lookup

log = logging.getLogger(__name__)


class Outcome(StrEnum):
    CHECKED_IN = "checked_in"
    ALREADY = "already"
    CHOOSE = "choose"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class PersonCard:
    """What the desk shows about a person."""

    id: int
    name: str
    role: Role
    organization: str
    checked_in_at: datetime | None
    #: Table of the person's first round, once a flash rotation has been planned.
    first_table: int | None = None
    #: Checked in after the rounds were planned and not seated in the rounds to come
    #: (``flash.arrivals.not_in_rotation``): the desk offers to add them.
    awaiting_rotation: bool = False


@dataclass(frozen=True)
class DeskResult:
    outcome: Outcome
    input: str
    person: PersonCard | None = None
    candidates: tuple[PersonCard, ...] = ()
    entry_id: int | None = None
    matched_by: MatchKind | None = None

    @property
    def message(self) -> str:
        if self.outcome is Outcome.UNKNOWN:
            return f"No one found for “{self.input}”"
        if self.outcome is Outcome.CHOOSE:
            return f"{len(self.candidates)} people match “{self.input}”: choose one"
        assert self.person is not None
        if self.outcome is Outcome.ALREADY:
            at = self.person.checked_in_at
            when = f" at {at.astimezone().strftime('%H:%M')}" if at else ""
            return f"{self.person.name} is already checked in{when}"
        table = f" — table {self.person.first_table}" if self.person.first_table else ""
        return f"Welcome, {self.person.name}{table}"


def person_card(session: Session, person_id: int, checked_in_at: datetime | None = None) -> PersonCard:
    person = session.get_one(Person, person_id)
    return PersonCard(person.id, person.full_name, person.role, person.organization, checked_in_at,
                      first_table(session, person_id))


def first_table(session: Session, person_id: int) -> int | None:
    """The table where the person sits in the first round of the event's current flash session.

    Only while that session is planned or running: after it finished, or before it has a plan,
    the desk names no table (never one from an older rotation).
    """
    person = session.get_one(Person, person_id)
    flash_id = current_session_id(session, person.event_id)
    if flash_id is None or session.get_one(FlashSession, flash_id).status not in (SessionStatus.PLANNED,
                                                                                   SessionStatus.RUNNING):
        return None
    return session.scalar(
        select(FlashSeat.table_number)
        .join(FlashRound, FlashRound.id == FlashSeat.round_id)
        .where(FlashRound.session_id == flash_id, FlashRound.number == 1, FlashSeat.person_id == person_id)
    )


_METHOD_BY_MATCH = {MatchKind.BADGE_CODE: CheckinMethod.SCAN, MatchKind.EMAIL: CheckinMethod.CODE,
                    MatchKind.NAME: CheckinMethod.NAME}


def check_in_input(
    session: Session,
    event_id: int,
    raw: str,
    *,
    station: str,
    allow_names: bool = True,
    method: CheckinMethod | None = None,
) -> DeskResult:
    """Check in whoever ``raw`` identifies; see the module docstring for the rules."""
    text = raw.strip()
    found = lookup(session, event_id, text, names=allow_names)
    if not found.person_ids:
        # What was scanned may be a name: its length says enough to tell a misread badge.
        log.info("check-in at station %r: nothing matches the %d characters entered", station, len(text))
        return DeskResult(Outcome.UNKNOWN, text)
    if found.unique is None:
        cards = tuple(person_card(session, pid) for pid in found.person_ids)
        return DeskResult(Outcome.CHOOSE, text, candidates=cards, matched_by=found.kind)
    assert found.kind is not None
    return check_in_person(session, found.unique, station=station, raw=text,
                           method=method or _METHOD_BY_MATCH[found.kind], matched_by=found.kind)


def check_in_person(
    session: Session,
    person_id: int,
    *,
    station: str,
    method: CheckinMethod = CheckinMethod.MANUAL,
    raw: str = "",
    matched_by: MatchKind | None = None,
) -> DeskResult:
    """Check in one chosen person (after a choice among candidates, or from a list)."""
    result = checkin.check_in(session, person_id, station=station, method=method)
    card = person_card(session, person_id, result.at)
    if not_in_rotation(session, session.get_one(Person, person_id).event_id, [person_id]):
        card = replace(card, awaiting_rotation=True)
    outcome = Outcome.ALREADY if result.already else Outcome.CHECKED_IN
    if result.already:
        log.info("check-in at station %r: person %d was already checked in", station, person_id)
    return DeskResult(outcome, raw, person=card, entry_id=result.entry_id, matched_by=matched_by)

