"""The fields a column of an attendee file can be imported into, each with a label for people.

The labels are what the import dialog's per-column drop-down shows; the values are stable
identifiers for saved mappings and tests.
"""

from __future__ import annotations

import enum


class Field(enum.StrEnum):
    FIRST_NAME = "first_name"
    LAST_NAME = "last_name"
    FULL_NAME = "full_name"
    EMAIL = "email"
    ROLE = "role"
    TICKET_TYPE = "ticket_type"
    ORGANIZATION = "organization"
    TITLE = "title"
    PRONOUNS = "pronouns"
    DEPARTMENT = "department"
    TOPICS = "topics"
    REQUESTED_MENTORS = "requested_mentors"
    CONSENT = "consent"
    EXTERNAL_ID = "external_id"
    STATUS = "status"
    NOTES = "notes"

    @property
    def label(self) -> str:
        return _LABELS[self]

    @property
    def hint(self) -> str:
        """What the column should hold, for a tooltip."""
        return _HINTS[self]


_LABELS = {
    Field.FIRST_NAME: "First name",
    Field.LAST_NAME: "Last name",
    Field.FULL_NAME: "Full name",
    Field.EMAIL: "E-mail",
    Field.ROLE: "Role",
    Field.TICKET_TYPE: "Ticket type",
    Field.ORGANIZATION: "Organisation",
    Field.TITLE: "Job title",
    Field.PRONOUNS: "Pronouns",
    Field.DEPARTMENT: "Department or grade",
    Field.TOPICS: "Topics",
    Field.REQUESTED_MENTORS: "Requested mentors",
    Field.CONSENT: "Consent to share contact",
    Field.EXTERNAL_ID: "Attendee or ticket number",
    Field.STATUS: "Attendee status",
    Field.NOTES: "Notes",
}

_HINTS = {
    Field.FIRST_NAME: "Given name, as the person writes it",
    Field.LAST_NAME: "Family name, with particles such as van or de",
    Field.FULL_NAME: "The whole name, split into first and last name when there are no separate columns",
    Field.EMAIL: "Used to recognise the person when the file is imported again",
    Field.ROLE: "Mentor, mentee or facilitator",
    Field.TICKET_TYPE: "Ticket name whose text says mentor or mentee, e.g. “Mentor (Volunteer)”",
    Field.ORGANIZATION: "Company, school or other organisation",
    Field.TITLE: "Job title or position",
    Field.PRONOUNS: "E.g. she/her",
    Field.DEPARTMENT: "Department for staff programmes, grade or class for schools",
    Field.TOPICS: "Several topics separated by ; or ,",
    Field.REQUESTED_MENTORS: "Mentors' names or e-mail addresses, first choice first, separated by ; or ,",
    Field.CONSENT: "Yes when the person agrees to share contact details with people they meet",
    Field.EXTERNAL_ID: "Identifier from the ticketing site, used to recognise the person on re-import",
    Field.STATUS: "Rows whose status is cancelled, refunded, declined or transferred are skipped",
    Field.NOTES: "Free text kept with the person",
}
