"""Reading single cells: full names, roles, yes/no answers, attendee status, lists and e-mail addresses."""

from __future__ import annotations

import pytest

from mentordesk.models import Role
from mentordesk.services.importing.names import split_full_name
from mentordesk.services.importing.values import (
    RoleReading,
    read_email,
    read_role,
    read_status,
    read_yes_no,
    split_list,
)


@pytest.mark.parametrize(
    ("full", "first", "last"),
    [
        ("Amara Okafor", "Amara", "Okafor"),
        ("Mary Ann Smith", "Mary Ann", "Smith"),
        ("Okafor, Amara", "Amara", "Okafor"),
        ("van Beethoven, Ludwig", "Ludwig", "van Beethoven"),
        ("Ludwig van Beethoven", "Ludwig", "van Beethoven"),
        ("Vincent van der Berg", "Vincent", "van der Berg"),
        ("Maximilian Alexander von Hohenberg-Schwarzenfeld", "Maximilian Alexander", "von Hohenberg-Schwarzenfeld"),
        ("María José de la Cruz", "María José", "de la Cruz"),
        ("Leonardo da Vinci", "Leonardo", "da Vinci"),
        ("Giovanni di Lorenzo", "Giovanni", "di Lorenzo"),
        ("Guillermo del Toro", "Guillermo", "del Toro"),
        ("Jean le Rond", "Jean", "le Rond"),
        ("Anwar bin Ibrahim", "Anwar", "bin Ibrahim"),
        ("Fatima Zahra El Amrani", "Fatima Zahra", "El Amrani"),
        ("Mohammed al Farsi", "Mohammed", "al Farsi"),
        ("Siobhán Ní Bhriain", "Siobhán", "Ní Bhriain"),
        ("Tomás Ó Súilleabháin", "Tomás", "Ó Súilleabháin"),
        ("Grace O'Connor", "Grace", "O'Connor"),
        ("John E Smith", "John E", "Smith"),  # a middle initial is not a particle
        ("Martin Luther King, Jr.", "Martin Luther", "King, Jr."),
        ("Madonna", "Madonna", ""),
        ("田中博", "田中博", ""),  # no space: kept whole
        ("김서연", "김서연", ""),
        ("王芳", "王芳", ""),
        ("Nguyễn Thị Lan", "Nguyễn Thị", "Lan"),
        ("  Zoë   Šimůnek  ", "Zoë", "Šimůnek"),
        ("Van Morrison", "Van", "Morrison"),  # the first word is always a first name
        ("", "", ""),
    ],
)
def test_full_name_splitting(full: str, first: str, last: str) -> None:
    assert split_full_name(full) == (first, last)


def test_full_name_is_normalised_to_nfc() -> None:
    decomposed = "Zoe\u0308 S\u030cimu\u030anek"
    assert split_full_name(decomposed) == ("Zoë", "Šimůnek")


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Mentor (Volunteer)", Role.MENTOR),
        ("Mentee - Student", Role.MENTEE),
        ("mentor", Role.MENTOR),
        ("MENTEES", Role.MENTEE),
        ("Mentora", Role.MENTOR),
        ("Mentorin", Role.MENTOR),
        ("Mentor*in", Role.MENTOR),
        ("Student", Role.MENTEE),
        ("Protégé", Role.MENTEE),
        ("Mentoree", Role.MENTEE),
        ("Student Mentor", Role.MENTOR),  # peer mentoring: the mentor word decides
        ("Facilitator", Role.FACILITATOR),
        ("Organiser", Role.FACILITATOR),
        ("Organizer", Role.FACILITATOR),
        ("Host", Role.FACILITATOR),
        ("Staff", Role.FACILITATOR),
        ("Moderator", Role.FACILITATOR),
        ("Facilitator / Host", Role.FACILITATOR),
        ("Mentor/Mentee", RoleReading.AMBIGUOUS),
        ("Mentor or mentee", RoleReading.AMBIGUOUS),
        ("Mentoring Partner", RoleReading.UNKNOWN),  # "mentoring" names the event, not the role
        ("General Admission", RoleReading.UNKNOWN),
        ("  ", RoleReading.BLANK),
    ],
)
def test_role_detection(text: str, role: Role | RoleReading) -> None:
    assert read_role(text) == role


@pytest.mark.parametrize(
    ("text", "answer"),
    [
        ("yes", True), ("Y", True), ("TRUE", True), ("1", True), ("x", True), ("ja", True), ("oui", True),
        ("sí", True), ("Si", True), ("agree", True), ("I agree", True), ("✓", True),
        ("Yes, you may share my e-mail", True),
        ("no", False), ("FALSE", False), ("0", False), ("nein", False), ("non", False),
        ("I do not agree", False), ("I don’t agree", False),
        ("", None), ("maybe", None), ("ask me", None),
    ],
)
def test_yes_no(text: str, answer: bool | None) -> None:
    assert read_yes_no(text) is answer


@pytest.mark.parametrize(
    ("text", "attending"),
    [
        ("Attending", True), ("Checked In", True), ("Not Checked In", True), ("approved", True), ("", True),
        ("pending_approval", True), ("Confirmed", True),
        ("Refunded", False), ("Cancelled", False), ("canceled", False), ("Not attending", False),
        ("Declined", False), ("Transferred", False), ("Waitlist", False), ("no", False), ("Storniert", False),
    ],
)
def test_attendee_status(text: str, attending: bool) -> None:
    reading = read_status(text)
    assert reading is not None and reading.attending is attending


def test_unknown_status_is_not_guessed() -> None:
    assert read_status("Sort of") is None


@pytest.mark.parametrize(
    ("text", "items"),
    [
        ("Leadership, Fintech", ["Leadership", "Fintech"]),
        ("Leadership; Fintech", ["Leadership", "Fintech"]),
        ("Hiring, interviews; Fintech", ["Hiring, interviews", "Fintech"]),  # ; present: commas stay
        ("A | B", ["A", "B"]),
        ("A\nB\r\nC", ["A", "B", "C"]),
        (" , ;", []),
        ("", []),
    ],
)
def test_list_splitting(text: str, items: list[str]) -> None:
    assert split_list(text) == items


@pytest.mark.parametrize(
    ("text", "address", "valid"),
    [
        ("ana@example.org", "ana@example.org", True),
        ("  Ana@Example.ORG ", "Ana@Example.ORG", True),
        ("Ana Lima <ana@example.org>", "ana@example.org", True),
        ("mailto:ana@example.org", "ana@example.org", True),
        ("jürgen@müller.de", "jürgen@müller.de", True),
        ("", None, True),
        ("not-an-address", "not-an-address", False),
        ("ana@example", "ana@example", False),
        ("ana @example.org", "ana @example.org", False),
        ("a@@example.org", "a@@example.org", False),
        ("ana@example..org", "ana@example..org", False),
    ],
)
def test_email_reading(text: str, address: str | None, valid: bool) -> None:
    assert read_email(text) == (address, valid)
