"""Writing the people read from a file into the event: new people added, known people updated.

Everything happens inside one savepoint of the caller's transaction, so a failure part-way leaves
the event exactly as it was, even if the caller goes on using the session. The event's people
are loaded once and matched in memory, and badge codes are drawn against the set of codes
already taken, so there is no query per row. New people are built as ``Person`` objects, so the
model's validators normalise them exactly as anywhere else, and are then written with one
multi-row INSERT: the ORM's unit of work would add half a second per 10,000 people for
bookkeeping an import does not need (``bench/importing.py`` measures it).

``plan_import`` is the same import run without writing anything (new people get provisional ids,
nothing is flushed, the session is rolled back), so the dialog can say, before *Import* is
pressed, exactly what pressing it will do; it runs on a reading session.

Rows are applied in file order. When two rows describe the same person (the same e-mail address
twice), the later one updates what the earlier one wrote, and both lines are reported.
"""

from __future__ import annotations

import logging
import secrets
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from mentordesk.models import Person, Role
from mentordesk.models.normalize import email_key, fold
from mentordesk.services.importing.mapping import ColumnMapping, duplicate_columns
from mentordesk.services.importing.matching import match_existing
from mentordesk.services.importing.requests import RequestCell, apply_requests
from mentordesk.services.importing.rows import PersonRecord, RowIssue, RowReading, read_rows
from mentordesk.services.importing.summary import ImportSummary, LikelyDuplicate
from mentordesk.services.importing.table import ImportFileError, Table
from mentordesk.services.people import BADGE_ALPHABET, BADGE_CODE_LENGTH

#: How often, in rows, the progress callback hears about the work.
log = logging.getLogger(__name__)

PROGRESS_EVERY = 200

Progress = Callable[[int, int], None]

_OPTIONAL_TEXT = ("organization", "title", "pronouns", "department")
#: Columns a new person is inserted with: what ``_new_person`` sets, and what the validators derive.
#: The rest (id, timestamps, is_walk_in) come from the column defaults.
_INSERTED = ("event_id", "first_name", "last_name", "email", "email_key", "search_key", "role", *_OPTIONAL_TEXT,
             "topics", "consent_share_contact", "external_id", "badge_code", "notes")


def import_table(
    session: Session,
    event_id: int,
    table: Table,
    mapping: ColumnMapping,
    role: Role | None = None,
    progress: Progress | None = None,
) -> ImportSummary:
    """Import the people of ``table`` read with ``mapping`` into the event; the caller commits.

    ``role``, when given, is every row's role. ``progress(done, total)`` is called every
    ``PROGRESS_EVERY`` rows and once at the end. Raises ImportFileError, having changed nothing,
    when the mapping has no name column.
    """
    if len(mapping.fields) != table.width:
        raise ValueError(f"the mapping has {len(mapping.fields)} columns but the table has {table.width}")
    if not mapping.has_name:
        raise ImportFileError(
            f"{table.source_name} has no name column (such as Name, Full name, or First Name and Last Name); "
            "choose which column holds the names"
        )
    readings, about_file = _read(table, mapping, role)
    with session.begin_nested(), session.no_autoflush:
        summary = _Import(session, event_id, table, progress).run(readings, about_file)
    # Counts only: the file's name and rows may name people.
    log.info("imported %d rows: %d added, %d updated, %d unchanged, %d skipped, %d warnings, %d likely duplicates",
             summary.rows_read, summary.added, summary.updated, summary.unchanged, len(summary.skipped),
             len(summary.warnings), len(summary.duplicates))
    return summary


def plan_import(
    session: Session,
    event_id: int,
    table: Table,
    mapping: ColumnMapping,
    role: Role | None = None,
    progress: Progress | None = None,
) -> ImportSummary:
    """What :func:`import_table` would do with the same arguments, without changing the event.

    The same code runs, with the writes left out: the answer's counts, skipped rows, warnings,
    likely duplicates and per-line outcomes are those the import will report (new people have no
    ids yet: ``added_ids`` is empty). The session is rolled back, so it may be a reading session.
    Raises ImportFileError as the import would.
    """
    if len(mapping.fields) != table.width:
        raise ValueError(f"the mapping has {len(mapping.fields)} columns but the table has {table.width}")
    if not mapping.has_name:
        raise ImportFileError(
            f"{table.source_name} has no name column (such as Name, Full name, or First Name and Last Name); "
            "choose which column holds the names"
        )
    readings, about_file = _read(table, mapping, role)
    try:
        with session.no_autoflush:
            return _Import(session, event_id, table, progress, dry_run=True).run(readings, about_file)
    finally:
        session.rollback()  # forgets what the plan wrote into the people it loaded


def _read(table: Table, mapping: ColumnMapping, role: Role | None) -> tuple[list[RowReading], list[RowIssue]]:
    notes = (*table.header_notes, *duplicate_columns(table, mapping))
    return list(read_rows(table, mapping, role)), [RowIssue(table.header_line, note) for note in notes]


@dataclass
class _Tally:
    outcome: dict[int, str] = field(default_factory=dict)  # line → added / updated / unchanged
    person: dict[int, Person] = field(default_factory=dict)  # line → the person it wrote
    skipped: list[RowIssue] = field(default_factory=list)
    warnings: list[RowIssue] = field(default_factory=list)
    #: Lines, name, reason and the people concerned (new people get their ids only at the end).
    duplicates: list[tuple[tuple[int, ...], str, str, tuple[Person, ...]]] = field(default_factory=list)


class _Import:
    def __init__(self, session: Session, event_id: int, table: Table, progress: Progress | None,
                 *, dry_run: bool = False) -> None:
        self.session = session
        self.dry_run = dry_run
        self.event_id = event_id
        self.table = table
        self.progress = progress
        self.tally = _Tally()

    def run(self, readings: Sequence[RowReading], about_file: Sequence[RowIssue] = ()) -> ImportSummary:
        session, tally = self.session, self.tally
        tally.warnings.extend(about_file)
        existing = list(session.scalars(select(Person).where(Person.event_id == self.event_id)))
        records = [reading.record for reading in readings if reading.record is not None]
        matches = iter(match_existing(existing, records))
        taken_codes = {person.badge_code for person in existing}
        owners = {person.email_key: person for person in existing if person.email_key}
        first_line: dict[int, int] = {}  # id(person) → first line of this file that wrote them
        created: list[Person] = []
        total = len(readings)

        for done, reading in enumerate(readings):
            if self.progress is not None and done % PROGRESS_EVERY == 0:
                self.progress(done, total)
            tally.warnings.extend(reading.warnings)
            if reading.record is None:
                assert reading.skipped is not None
                tally.skipped.append(reading.skipped)
                continue
            record, target = reading.record, next(matches)
            key = email_key(record.email)
            owner = owners.get(key) if key else None
            if owner is not None:
                target = owner  # an address seen earlier in this file belongs to whoever took it
            if target is None:
                target = self._new_person(record, taken_codes)
                created.append(target)
                tally.outcome[record.line] = "added"
            else:
                if id(target) in first_line:
                    earlier = first_line[id(target)]
                    tally.duplicates.append((
                        (earlier, record.line), record.full_name,
                        f"the same person twice; line {record.line} updated what line {earlier} wrote", (target,),
                    ))
                previous_key = target.email_key
                changed = _update(target, record)
                if previous_key is not None and target.email_key != previous_key:
                    owners.pop(previous_key, None)
                tally.outcome[record.line] = "updated" if changed else "unchanged"
            if key:
                owners[key] = target
            first_line.setdefault(id(target), record.line)
            tally.person[record.line] = target

        self._insert(created)
        if not self.dry_run:
            session.flush()  # the updates, so that a database error surfaces here, inside the savepoint
        self._requests(existing + created, records)
        self._name_duplicates(existing, records, first_line)
        if self.progress is not None:
            self.progress(total, total)
        return self._summary(created)

    def _new_person(self, record: PersonRecord, taken_codes: set[str]) -> Person:
        return Person(
            event_id=self.event_id,
            first_name=record.first_name,
            last_name=record.last_name,
            email=record.email,
            role=record.role,
            **{name: getattr(record, name) or "" for name in _OPTIONAL_TEXT},
            topics=list(record.topics or ()),
            consent_share_contact=bool(record.consent),
            external_id=record.external_id,
            badge_code=_badge_code(taken_codes),
            notes=record.notes or "",
        )

    def _insert(self, created: list[Person]) -> None:
        """Write the new people in one statement and give each object its id.

        The objects stay outside the session: they are only read from here on (for requests and
        the summary), and anyone who wants the people loads them from the event.
        """
        if not created:
            return
        if self.dry_run:
            for number, person in enumerate(created, start=1):
                person.id = -number  # provisional, never written: requests tell people apart by id
            return
        rows = [{column: getattr(person, column) for column in _INSERTED} for person in created]
        # Executed on the connection: a plain multi-row INSERT, not an ORM bulk operation. Batched
        # RETURNING does not keep the order of the rows on every database (asking for it makes
        # SQLAlchemy insert one row at a time on SQLite), so the badge code, unique in the event,
        # says which id is whose.
        statement = insert(Person).returning(Person.id, Person.badge_code)
        ids = {code: new_id for new_id, code in self.session.connection().execute(statement, rows)}
        for person in created:
            person.id = ids[person.badge_code]

    def _requests(self, people: list[Person], records: list[PersonRecord]) -> None:
        cells = [
            RequestCell(record.line, self.tally.person[record.line], record.requested_mentors)
            for record in records
            if record.requested_mentors is not None
        ]
        changed, warnings = apply_requests(self.session, self.event_id, people, cells, write=not self.dry_run)
        for cell in cells:
            if cell.person.id in changed and self.tally.outcome[cell.line] == "unchanged":
                self.tally.outcome[cell.line] = "updated"
        self.tally.warnings.extend(RowIssue(line, text, self.tally.person[line].full_name) for line, text in warnings)

    def _name_duplicates(self, existing: list[Person], records: list[PersonRecord], first_line: dict[int, int]) -> None:
        """Report different people of the same name: in the file, or in the file and the event."""
        in_file: dict[str, dict[int, tuple[int, Person]]] = defaultdict(dict)
        for record in records:
            person = self.tally.person[record.line]
            in_file[fold(record.full_name)].setdefault(id(person), (record.line, person))
        in_event: dict[str, list[Person]] = defaultdict(list)
        for person in existing:
            if id(person) not in first_line:
                in_event[fold(person.full_name)].append(person)
        for name, entries in in_file.items():
            found = sorted(entries.values(), key=lambda entry: entry[0])
            if len(found) > 1:
                keys = [person.email_key for _line, person in found]
                reason = ("same name, different e-mail addresses" if all(keys) else
                          "same name; no e-mail address to tell them apart")
                self.tally.duplicates.append((
                    tuple(line for line, _person in found), found[0][1].full_name, reason,
                    tuple(person for _line, person in found),
                ))
            others = in_event.get(name, [])
            for line, person in found:
                if others and self.tally.outcome.get(line) == "added":
                    self.tally.duplicates.append((
                        (line,), person.full_name, "someone of the same name is already in the event",
                        (person, *others),
                    ))

    def _summary(self, created: list[Person]) -> ImportSummary:
        tally = self.tally
        outcomes = list(tally.outcome.values())
        updated_ids = dict.fromkeys(
            tally.person[line].id for line, outcome in tally.outcome.items() if outcome == "updated"
        )
        return ImportSummary(
            source_name=self.table.source_name,
            rows_read=len(self.table.rows),
            added=outcomes.count("added"),
            updated=outcomes.count("updated"),
            unchanged=outcomes.count("unchanged"),
            skipped=tuple(tally.skipped),
            warnings=tuple(sorted(tally.warnings, key=lambda issue: issue.line)),
            duplicates=tuple(sorted(
                (LikelyDuplicate(lines, name, reason, tuple(person.id for person in people))
                 for lines, name, reason, people in tally.duplicates),
                key=lambda dup: dup.lines,
            )),
            added_ids=() if self.dry_run else tuple(person.id for person in created),
            updated_ids=tuple(pid for pid in updated_ids if pid > 0),  # a planned new person has no id yet
            outcomes=tuple(sorted({**tally.outcome, **{issue.line: "skipped" for issue in tally.skipped}}.items())),
        )


def _update(person: Person, record: PersonRecord) -> bool:
    """Write what ``record`` says into ``person``; whether anything changed. None leaves a field alone."""
    changes: dict[str, object] = {}
    if (person.first_name, person.last_name) != (record.first_name, record.last_name):
        changes["first_name"], changes["last_name"] = record.first_name, record.last_name
    if person.role is not record.role:
        changes["role"] = record.role
    # Compared as the database compares them: "Ana@X.org" and "ana@x.org" are the same address.
    if record.email is not None and email_key(record.email) != person.email_key:
        changes["email"] = record.email
    for name in _OPTIONAL_TEXT:
        value = getattr(record, name)
        if value is not None and value != getattr(person, name):
            changes[name] = value
    if record.topics is not None:
        topics = _distinct(record.topics)
        if topics != list(person.topics or ()):
            changes["topics"] = topics
    if record.consent is not None and record.consent != person.consent_share_contact:
        changes["consent_share_contact"] = record.consent
    if record.external_id is not None and record.external_id != person.external_id:
        changes["external_id"] = record.external_id
    if record.notes is not None and record.notes != person.notes:
        changes["notes"] = record.notes
    for name, value in changes.items():
        setattr(person, name, value)
    return bool(changes)


def _distinct(topics: Sequence[str]) -> list[str]:
    """Topics as the model stores them: the first spelling of each, ignoring case."""
    seen: dict[str, str] = {}
    for topic in topics:
        seen.setdefault(topic.casefold(), topic)
    return list(seen.values())


def _badge_code(taken: set[str]) -> str:
    """A new badge code, checked against every code of the event already loaded (no query per row)."""
    # 256 is a multiple of the alphabet's 32 letters, so each random byte picks a letter uniformly.
    assert 256 % len(BADGE_ALPHABET) == 0
    while True:
        code = "".join(BADGE_ALPHABET[byte % len(BADGE_ALPHABET)] for byte in secrets.token_bytes(BADGE_CODE_LENGTH))
        if code not in taken:
            taken.add(code)
            return code
