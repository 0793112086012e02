"""What tells apart people who share a name, wherever someone is chosen from a list of names.

Two "Anna Novák" in the check-in matches, or in the Flash lookup, look identical unless something
else is shown. The rule, the same everywhere: people whose names are the same (ignoring accents,
case and spacing) are shown with their organisation; if that still leaves two alike, their e-mail,
masked (the first letter and the domain: ``a…@kiwi.com``); if even that does not, the end of their
badge code (``badge …7Q2P``, as long as it takes to differ). People whose name is theirs alone get
nothing extra. Only the desk's own screens use it: the kiosks never show anything about another
person (see ``ui/checkin/kiosk.py``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from mentordesk.models import Person
from mentordesk.models.normalize import fold
from mentordesk.services.lookup import search_names

#: The fewest characters of a badge code shown (fewer would too often be alike).
BADGE_TAIL = 4


@dataclass(frozen=True)
class Namesake:
    """What may tell one person from another of the same name."""

    id: int
    name: str
    organization: str = ""
    email: str = ""
    badge_code: str = ""


def masked_email(email: str) -> str:
    """``anna.k@kiwi.com`` -> ``a…@kiwi.com``: enough to tell two people apart, not to write to them."""
    local, at, domain = email.strip().rpartition("@")
    if not at or not local or not domain:
        return ""
    return f"{local[0]}…@{domain}"


def _badge_tails(people: Sequence[Namesake]) -> dict[int, str]:
    longest = max((len(p.badge_code) for p in people), default=0)
    for length in range(BADGE_TAIL, longest + 1):
        tails = {p.id: p.badge_code[-length:] for p in people}
        if len(set(tails.values())) == len(people):
            break
    return {pid: f"badge …{tail}" for pid, tail in tails.items()} if longest else {}


def tell_apart(people: Sequence[Namesake]) -> dict[int, str]:
    """For each person whose name another in ``people`` shares: the details that tell them apart.

    A person with a name of their own is not in the answer. See the module docstring for the rule.
    """
    by_name: dict[str, list[Namesake]] = defaultdict(list)
    for person in people:
        by_name[" ".join(fold(person.name).split())].append(person)
    answer: dict[int, str] = {}
    for group in by_name.values():
        if len(group) > 1:
            answer.update(_tell_group_apart(group))
    return answer


def _tell_group_apart(group: list[Namesake]) -> dict[int, str]:
    parts: dict[int, list[str]] = {p.id: [] for p in group}
    steps: list[Callable[[list[Namesake]], dict[int, str]]] = [
        lambda g: {p.id: p.organization.strip() for p in g},
        lambda g: {p.id: masked_email(p.email or "") for p in g},
        _badge_tails,
    ]
    for number, step in enumerate(steps):
        values = step(group)
        if number and len({fold(value) for value in values.values()}) < 2:
            continue  # the same for all of them (or unknown for all): it tells no one apart
        for pid, value in values.items():
            if value:
                parts[pid].append(value)
        shown = [tuple(fold(part) for part in parts[p.id]) for p in group]
        if all(shown) and len(set(shown)) == len(group):
            break
    return {pid: " · ".join(shown) for pid, shown in parts.items()}


def namesakes(session: Session, person_ids: Sequence[int]) -> list[Namesake]:
    """The people ``person_ids``, read for :func:`tell_apart`, in the order given."""
    if not person_ids:
        return []
    rows = session.execute(select(Person.id, Person.first_name, Person.last_name, Person.organization,
                                  Person.email, Person.badge_code).where(Person.id.in_(person_ids)))
    found = {row.id: Namesake(row.id, f"{row.first_name} {row.last_name}", row.organization or "",
                              row.email or "", row.badge_code or "") for row in rows}
    return [found[pid] for pid in person_ids if pid in found]


def tell_apart_ids(session: Session, person_ids: Sequence[int]) -> dict[int, str]:
    """:func:`tell_apart` for the people ``person_ids`` (one read)."""
    return tell_apart(namesakes(session, person_ids))


def search_telling_apart(session: Session, event_id: int, query: str, limit: int) -> tuple[list[int], dict[int, str]]:
    """The ids of the people whose names match ``query`` (best first, as ``lookup.search_names``),
    with what tells apart those among them who share a name."""
    ids = search_names(session, event_id, query, limit=limit)
    return ids, tell_apart_ids(session, ids)
