"""People at the event: listing them with their arrival state, and badge codes."""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from mentordesk.models import Person, Role
from mentordesk.models.normalize import fold
from mentordesk.services.checkin import checked_in_ids

#: Badge codes use Crockford's base-32 alphabet: no I, L, O or U, so a code typed from a badge
#: cannot be misread, and scanners on any keyboard layout send only digits and capitals.
BADGE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
BADGE_CODE_LENGTH = 8


@dataclass(frozen=True)
class PersonRow:
    id: int
    first_name: str
    last_name: str
    email: str | None
    role: Role
    organization: str
    title: str
    topics: tuple[str, ...]
    badge_code: str
    checked_in: bool

    @property
    def full_name(self) -> str:
        return " ".join(part for part in (self.first_name, self.last_name) if part)

    def to_json(self) -> dict[str, object]:
        """The ``people --json`` contract of PRODUCT.md."""
        return {
            "id": self.id,
            "first_name": self.first_name,
            "last_name": self.last_name,
            "email": self.email,
            "role": self.role.value,
            "organization": self.organization,
            "topics": list(self.topics),
            "badge_code": self.badge_code,
            "checked_in": self.checked_in,
        }


def new_badge_code(session: Session, event_id: int, taken: set[str] | None = None) -> str:
    """A random badge code not yet used at this event (and not in ``taken``)."""
    while True:
        code = "".join(secrets.choice(BADGE_ALPHABET) for _ in range(BADGE_CODE_LENGTH))
        if taken is not None and code in taken:
            continue
        exists = session.scalar(select(Person.id).where(Person.event_id == event_id, Person.badge_code == code))
        if exists is None:
            if taken is not None:
                taken.add(code)
            return code


def list_people(session: Session, event_id: int) -> list[PersonRow]:
    """Everyone at the event, sorted by last name then first name (case- and accent-blind)."""
    arrived = checked_in_ids(session, event_id)
    people = session.scalars(select(Person).where(Person.event_id == event_id)).all()
    rows = [
        PersonRow(
            id=p.id,
            first_name=p.first_name,
            last_name=p.last_name,
            email=p.email,
            role=p.role,
            organization=p.organization,
            title=p.title,
            topics=tuple(p.topics or ()),
            badge_code=p.badge_code,
            checked_in=p.id in arrived,
        )
        for p in people
    ]
    rows.sort(key=lambda r: (fold(r.last_name), fold(r.first_name), r.id))
    return rows
