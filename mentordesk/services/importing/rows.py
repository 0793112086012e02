"""Reading one person out of one row: their record, or the reason the row cannot be imported.

Nothing here touches the database, so the import dialog can show the same reading as a preview
that the import will apply. A value is None in a ``PersonRecord`` when the file says nothing about
it — the column is not mapped or the cell is blank — and the import then leaves what the event
already knows. A blank cell never erases a value: the organiser may have corrected it by hand
since the last import.

Values are taken literally. A cell starting with =, +, - or @ is stored as that text (it is never
evaluated here); anything that later writes people to a spreadsheet must neutralise such values,
as is usual against formula injection. Nothing exports people to spreadsheets yet.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from mentordesk.models import Person, Role
from mentordesk.models.normalize import clean
from mentordesk.services.importing.fields import Field
from mentordesk.services.importing.limits import excerpt
from mentordesk.services.importing.mapping import ColumnMapping
from mentordesk.services.importing.names import split_full_name
from mentordesk.services.importing.table import SourceRow, Table
from mentordesk.services.importing.values import (
    RoleReading,
    read_email,
    read_role,
    read_status,
    read_yes_no,
    split_list,
)

NO_ROLE = "no role: add a Role or Ticket Type column, or choose a role for the whole file"

#: Column widths of the person table, so that a value is refused or shortened here, with a line
#: number, rather than by the database (PostgreSQL enforces them; SQLite would not).
_MAX_LENGTH = {
    key: Person.__table__.c[key].type.length  # type: ignore[attr-defined]
    for key in ("first_name", "last_name", "email", "organization", "title", "pronouns", "department",
                "external_id")
}


@dataclass(frozen=True)
class RowIssue:
    """Something about one line of the file: why it was skipped, or a warning about it."""

    line: int
    message: str
    #: The name or e-mail on that line, so the person can be found in the file.
    who: str = ""

    def describe(self) -> str:
        who = f" ({excerpt(self.who)})" if self.who else ""
        return f"line {self.line}{who}: {self.message}"


@dataclass(frozen=True)
class PersonRecord:
    """A person as one row of the file describes them; None means "the file does not say"."""

    line: int
    first_name: str
    last_name: str
    role: Role
    email: str | None = None
    organization: str | None = None
    title: str | None = None
    pronouns: str | None = None
    department: str | None = None
    topics: tuple[str, ...] | None = None
    requested_mentors: tuple[str, ...] | None = None
    consent: bool | None = None
    external_id: str | None = None
    notes: str | None = None

    @property
    def full_name(self) -> str:
        return " ".join(part for part in (self.first_name, self.last_name) if part)


@dataclass(frozen=True)
class RowReading:
    """One row read: a record to import, or the reason it is skipped; and any warnings."""

    line: int
    record: PersonRecord | None
    skipped: RowIssue | None = None
    warnings: tuple[RowIssue, ...] = ()


def read_rows(table: Table, mapping: ColumnMapping, role: Role | None = None) -> Iterator[RowReading]:
    """Every data row of ``table`` read with ``mapping``; ``role``, when given, applies to every row."""
    reader = _RowReader(mapping, role)
    for row in table.rows:
        yield reader.read(row)


def preview(table: Table, mapping: ColumnMapping, role: Role | None = None, limit: int = 5) -> tuple[RowReading, ...]:
    """The first ``limit`` rows as the import would read them, for the import dialog."""
    readings: list[RowReading] = []
    for reading in read_rows(table, mapping, role):
        if len(readings) >= limit:
            break
        readings.append(reading)
    return tuple(readings)


class _RowReader:
    def __init__(self, mapping: ColumnMapping, role: Role | None) -> None:
        self._columns = mapping.as_dict()
        self._role = role

    def read(self, row: SourceRow) -> RowReading:
        cells = {field: row.cell(index).strip() for index, field in self._columns.items()}
        line = row.line
        first, last = self._names(cells)
        email_text = cells.get(Field.EMAIL, "")
        who = " ".join(part for part in (first, last) if part) or email_text

        def skip(message: str) -> RowReading:
            return RowReading(line, None, skipped=RowIssue(line, message, excerpt(who)))

        if row.problem is not None:
            return skip(row.problem)
        status_text = cells.get(Field.STATUS, "")
        status = read_status(status_text)
        if status is None:
            return skip(
                f"attendee status “{excerpt(status_text)}” not understood; expected e.g. Attending or Cancelled"
            )
        if not status.attending:
            reason = f" ({status.reason})" if status.reason else ""
            return skip(f"not attending: status “{excerpt(status_text)}”{reason}")
        if not first and not last:
            return skip("no name")
        email, valid = read_email(email_text)
        if not valid:
            return skip(f"invalid e-mail address “{excerpt(email_text)}”")
        for key, value in (("first_name", first), ("last_name", last), ("email", email or "")):
            if len(value) > _MAX_LENGTH[key]:
                return skip(f"{key.replace('_', ' ')} longer than {_MAX_LENGTH[key]} characters")
        role = self._role_of(cells)
        if not isinstance(role, Role):  # Role is a str enum: test for the role, not for text
            return skip(role)

        warnings: list[str] = []
        texts = {
            key: _bounded(cells.get(field, ""), key, warnings)
            for key, field in (("organization", Field.ORGANIZATION), ("title", Field.TITLE),
                               ("pronouns", Field.PRONOUNS), ("department", Field.DEPARTMENT))
        }
        external_id = clean(cells.get(Field.EXTERNAL_ID, "")) or None
        if external_id is not None and len(external_id) > _MAX_LENGTH["external_id"]:
            warnings.append(f"attendee number longer than {_MAX_LENGTH['external_id']} characters; not stored")
            external_id = None
        consent_text = cells.get(Field.CONSENT, "")
        consent = read_yes_no(consent_text)
        if consent is None and consent_text:
            warnings.append(f"consent answer “{excerpt(consent_text)}” not understood; consent left as it was")
        # Notes keep their line breaks (as "\n", whatever the file used); other text is one line.
        notes_text = cells.get(Field.NOTES, "").replace("\r\n", "\n").replace("\r", "\n")
        notes = unicodedata.normalize("NFC", notes_text) or None
        record = PersonRecord(
            line=line,
            first_name=first,
            last_name=last,
            role=role,
            email=email,
            **texts,
            topics=_list_or_none(cells, Field.TOPICS),
            requested_mentors=_list_or_none(cells, Field.REQUESTED_MENTORS),
            consent=consent,
            external_id=external_id,
            notes=notes,
        )
        return RowReading(line, record, warnings=tuple(RowIssue(line, text, excerpt(who)) for text in warnings))

    def _names(self, cells: dict[Field, str]) -> tuple[str, str]:
        first, last = clean(cells.get(Field.FIRST_NAME)), clean(cells.get(Field.LAST_NAME))
        if first or last:
            return first, last
        return split_full_name(cells.get(Field.FULL_NAME, ""))

    def _role_of(self, cells: dict[Field, str]) -> Role | str:
        """The row's role, or the reason it has none."""
        if self._role is not None:
            return self._role
        role_text = cells.get(Field.ROLE, "")
        ticket_text = cells.get(Field.TICKET_TYPE, "")
        from_role = read_role(role_text)
        if isinstance(from_role, Role):
            return from_role
        if from_role is RoleReading.AMBIGUOUS:
            return f"role “{excerpt(role_text)}” names both mentor and mentee; write one of them"
        from_ticket = read_role(ticket_text)
        if isinstance(from_ticket, Role):
            return from_ticket
        if from_ticket is RoleReading.AMBIGUOUS:
            return f"ticket type “{excerpt(ticket_text)}” names both mentor and mentee; add a Role column to decide"
        if from_role is RoleReading.UNKNOWN:
            return f"role “{excerpt(role_text)}” not recognised: use mentor, mentee or facilitator"
        if from_ticket is RoleReading.UNKNOWN:
            return (f"no role: ticket type “{excerpt(ticket_text)}” says neither mentor nor mentee; "
                    "add a Role column or choose a role for the whole file")
        return NO_ROLE


def _bounded(text: str, key: str, warnings: list[str]) -> str | None:
    value = clean(text)
    if not value:
        return None
    limit = _MAX_LENGTH[key]
    if len(value) > limit:
        warnings.append(f"{Field(key).label.lower()} shortened to {limit} characters")
        value = value[:limit].rstrip()
    return value


def _list_or_none(cells: dict[Field, str], field: Field) -> tuple[str, ...] | None:
    items = split_list(cells.get(field, ""))
    return tuple(items) if items else None
