"""Turning "Preferred mentors" cells into mentor requests.

A requested mentor is written as an e-mail address or a name. Names are compared accent- and
case-blind, in either order ("Zoe Simunek", "Šimůnek, Zoë") and, for names written without
spaces, run together ("田中博"), against every mentor in the event — those already there and those
the same file adds. A request that finds no mentor, or more than one, is a warning on that line;
the row itself is still imported. When a cell lists mentors, they replace the person's earlier
requests, first choice first; a blank cell, or one in which no mentor is found, leaves them alone.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from mentordesk.models import MentorRequest, Person, Role
from mentordesk.models.normalize import email_key, fold


@dataclass(frozen=True)
class RequestCell:
    """The requested mentors one row lists for one person (the person already has an id)."""

    line: int
    person: Person
    items: tuple[str, ...]


def name_keys(first: str, last: str) -> set[str]:
    """Folded forms of a name a request may be written in."""
    first_f, last_f = fold(first), fold(last)
    keys = {f"{first_f} {last_f}".strip(), f"{last_f} {first_f}".strip()}
    keys |= {key.replace(" ", "") for key in keys}
    return {key for key in keys if key}


def _item_key(item: str) -> str:
    return " ".join(fold(item).replace(",", " ").split())


class MentorDirectory:
    def __init__(self, mentors: Iterable[Person]) -> None:
        self._by_email: dict[str, Person] = {}
        self._by_name: dict[str, list[Person]] = defaultdict(list)
        for mentor in mentors:
            if mentor.email_key:
                self._by_email[mentor.email_key] = mentor
            for key in name_keys(mentor.first_name, mentor.last_name):
                self._by_name[key].append(mentor)

    def find(self, item: str) -> Person | str:
        """The mentor ``item`` names, or why none could be chosen."""
        if "@" in item:
            found = self._by_email.get(email_key(item) or "")
            return found if found is not None else f"requested mentor “{item}”: no mentor has this e-mail address"
        key = _item_key(item)
        candidates = self._by_name.get(key) or self._by_name.get(key.replace(" ", ""), [])
        unique = list({id(mentor): mentor for mentor in candidates}.values())
        if len(unique) == 1:
            return unique[0]
        if not unique:
            return f"requested mentor “{item}” is not a mentor at this event"
        return f"requested mentor “{item}” matches {len(unique)} mentors; write their e-mail address instead"


def _resolve(directory: MentorDirectory, items: Sequence[str]) -> list[tuple[str, Person | str]]:
    """Each item with its mentor or a warning.

    A cell split on commas cuts "Šimůnek, Zoë" in two; when an item finds nobody but it and the
    next one together name a mentor, they are taken as one.
    """
    resolved: list[tuple[str, Person | str]] = []
    index = 0
    while index < len(items):
        item = items[index]
        found = directory.find(item)
        if not isinstance(found, Person) and index + 1 < len(items) and "@" not in item:
            joined = f"{item}, {items[index + 1]}"
            together = directory.find(joined)
            if isinstance(together, Person):
                resolved.append((joined, together))
                index += 2
                continue
        resolved.append((item, found))
        index += 1
    return resolved


def apply_requests(session: Session, event_id: int, people: Sequence[Person],
                   cells: Sequence[RequestCell], *, write: bool = True) -> tuple[set[int], list[tuple[int, str]]]:
    """Replace the requests of the people in ``cells``; returns (changed person ids, (line, warning)s).

    With ``write=False`` nothing is written: the answer says what writing would change."""
    if not cells:
        return set(), []
    directory = MentorDirectory(person for person in people if person.role is Role.MENTOR)
    current: dict[int, list[int]] = defaultdict(list)
    rows = session.execute(
        select(MentorRequest.mentee_id, MentorRequest.mentor_id)
        .join(Person, Person.id == MentorRequest.mentee_id)
        .where(Person.event_id == event_id)
        .order_by(MentorRequest.mentee_id, MentorRequest.rank, MentorRequest.id)
    )
    for mentee_id, mentor_id in rows:
        current[mentee_id].append(mentor_id)

    wanted: dict[int, list[int]] = {}
    warnings: list[tuple[int, str]] = []
    for cell in cells:
        if cell.person.role is not Role.MENTEE:
            warnings.append((cell.line, "requested mentors ignored: only mentees request mentors"))
            continue
        chosen: list[int] = []
        for item, found in _resolve(directory, cell.items):
            if not isinstance(found, Person):
                warnings.append((cell.line, found))
            elif found.id == cell.person.id:
                warnings.append((cell.line, f"requested mentor “{item}” is this person"))
            elif found.id not in chosen:
                chosen.append(found.id)
        # The last row about a person wins, as for every other field. A cell in which no mentor
        # could be found (misspelt names, say) keeps the requests the person already has.
        if chosen:
            wanted[cell.person.id] = chosen

    changed = {mentee_id for mentee_id, mentors in wanted.items() if mentors != current.get(mentee_id, [])}
    ordered = sorted(changed)
    if not write:
        return changed, warnings
    for start in range(0, len(ordered), 500):
        chunk = ordered[start : start + 500]
        session.execute(
            delete(MentorRequest).where(MentorRequest.mentee_id.in_(chunk)),
            execution_options={"synchronize_session": False},
        )
    new_rows = [
        {"mentee_id": mentee_id, "mentor_id": mentor_id, "rank": rank}
        for mentee_id in ordered
        for rank, mentor_id in enumerate(wanted[mentee_id], start=1)
    ]
    if new_rows:
        session.execute(insert(MentorRequest), new_rows)
    return changed, warnings
