"""Recognising the people a file describes among those already in the event.

A row is the same person as someone in the event when it has their e-mail address (compared
ignoring case); failing that, their attendee number; failing that, exactly their name. Three
safeguards keep different people apart:

* an attendee number is only trusted when it occurs once in the file and once in the event — an
  order number shared by everyone in one order identifies nobody;
* a name match never joins a row to someone with a different e-mail address or attendee number;
* a person is claimed by at most one row through their number or name, so two "Jane Doe" rows
  without e-mail stay two people on every re-import.

Matching works on rows in two passes, e-mail and numbers first, so a name match cannot take a
person that a later row names by e-mail.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

from mentordesk.models import Person
from mentordesk.models.normalize import email_key
from mentordesk.services.importing.rows import PersonRecord


def match_existing(people: Sequence[Person], records: Sequence[PersonRecord]) -> list[Person | None]:
    """For each record, the person already in the event it describes, or None for someone new."""
    by_email = {person.email_key: person for person in people if person.email_key}
    by_external: dict[str, list[Person]] = defaultdict(list)
    by_name: dict[tuple[str, str], list[Person]] = defaultdict(list)
    for person in people:
        if person.external_id:
            by_external[person.external_id].append(person)
        by_name[(person.first_name, person.last_name)].append(person)
    in_file = Counter(record.external_id for record in records if record.external_id)

    matches: list[Person | None] = []
    for record in records:
        key = email_key(record.email)
        found = by_email.get(key) if key else None
        if found is None and record.external_id and in_file[record.external_id] == 1:
            candidates = by_external.get(record.external_id, [])
            if len(candidates) == 1:
                found = candidates[0]
        matches.append(found)
    claimed = {id(person) for person in matches if person is not None}

    for index, record in enumerate(records):
        if matches[index] is not None:
            continue
        key = email_key(record.email)
        for person in by_name.get((record.first_name, record.last_name), []):
            if id(person) in claimed:
                continue
            if key is not None and person.email_key is not None and person.email_key != key:
                continue
            if record.external_id and person.external_id and person.external_id != record.external_id:
                continue
            matches[index] = person
            claimed.add(id(person))
            break
    return matches

