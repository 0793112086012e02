"""Recognising columns from their headers, choosing between candidates, and correcting the mapping."""

from __future__ import annotations

import pytest

from mentordesk.services.importing import ColumnMapping, Field, guess_mapping
from mentordesk.services.importing.headers import match_header, normalise

F = Field

HEADERS: list[tuple[str, Field | None]] = [
    # ticketing exports
    ("First Name", F.FIRST_NAME), ("Last Name", F.LAST_NAME), ("Email", F.EMAIL), ("Ticket Type", F.TICKET_TYPE),
    ("Company", F.ORGANIZATION), ("Job Title", F.TITLE), ("Order #", F.EXTERNAL_ID), ("Attendee #", F.EXTERNAL_ID),
    ("Attendee Status", F.STATUS), ("Ticket Email", F.EMAIL), ("Ticket First Name", F.FIRST_NAME),
    ("approval_status", F.STATUS), ("first_name", F.FIRST_NAME), ("api_id", F.EXTERNAL_ID),
    ("Barcode #", F.EXTERNAL_ID),
    # forms
    ("Full name", F.FULL_NAME), ("Email address", F.EMAIL), ("Organisation", F.ORGANIZATION), ("Interests", F.TOPICS),
    ("Preferred mentors", F.REQUESTED_MENTORS), ("I am a…", F.ROLE), ("Which topics interest you?", F.TOPICS),
    ("Which mentors would you like to meet?", F.REQUESTED_MENTORS), ("Are you a mentor or a mentee?", F.ROLE),
    ("Q3. Which topics interest you?", F.TOPICS), ("Preferred mentors (up to 3)", F.REQUESTED_MENTORS),
    ("Name (as it should appear on your badge)", F.FULL_NAME), ("Pronouns (optional)", F.PRONOUNS),
    ("May we share your contact details with the people you meet?", F.CONSENT),
    ("What is your role at your company?", F.TITLE), ("Anything else we should know?", F.NOTES),
    ("Grade", F.DEPARTMENT), ("Student ID", F.EXTERNAL_ID),
    # case, spacing and punctuation
    ("  FIRST   NAME ", F.FIRST_NAME), ("e-mail", F.EMAIL), ("E_MAIL", F.EMAIL), ("Company*", F.ORGANIZATION),
    ("job-title", F.TITLE),
    # other languages
    ("Vorname", F.FIRST_NAME), ("Nachname", F.LAST_NAME), ("Prénom", F.FIRST_NAME), ("Nom", F.LAST_NAME),
    ("Nombre", F.FIRST_NAME), ("Apellidos", F.LAST_NAME), ("E-Mail-Adresse", F.EMAIL), ("Correo electrónico", F.EMAIL),
    ("Nom complet", F.FULL_NAME), ("Firma", F.ORGANIZATION), ("Rolle", F.ROLE), ("Themen", F.TOPICS),
    # look like ours but are not
    ("Timestamp", None), ("Event Name", None), ("Order Date", None), ("Phone Number", None), ("Order Type", None),
    ("Marketing opt-in", None), ("Quantity", None), ("Total Paid", None), ("", None),
    ("Will you attend the dinner?", None),  # its "No" must not read as "not attending"
    ("Discount Status", None), ("Void Status", None), ("Registration status (for staff)", F.STATUS),
    ("Guest RSVP", F.STATUS),
]


@pytest.mark.parametrize(("header", "field"), HEADERS, ids=[repr(h) for h, _ in HEADERS])
def test_header_synonyms(header: str, field: Field | None) -> None:
    found = match_header(header)
    assert (found.field if found else None) is field


def test_normalise() -> None:
    assert normalise("  Attendee #  ") == "attendee number"
    assert normalise("E-Mail-Adresse") == "email adresse"
    assert normalise("I am a…") == "i am a"
    assert normalise("Q4: Which mentors?") == "which mentors"


def test_attendee_level_columns_win_over_buyer_level_ones() -> None:
    headers = ["Order #", "Buyer Email", "Buyer First Name", "First Name", "Attendee Email", "Attendee #",
               "Ticket #", "Order Status", "Attendee Status"]
    mapping = guess_mapping(headers)
    assert mapping.column_of(F.EMAIL) == headers.index("Attendee Email")
    assert mapping.column_of(F.FIRST_NAME) == headers.index("First Name")
    assert mapping.column_of(F.EXTERNAL_ID) == headers.index("Attendee #")  # leftmost of the two equals
    assert mapping.column_of(F.STATUS) == headers.index("Attendee Status")
    for header in ("Order #", "Buyer Email", "Buyer First Name", "Ticket #", "Order Status"):
        assert mapping.fields[headers.index(header)] is None


def test_tito_like_export_uses_the_ticket_columns() -> None:
    headers = ["Number", "Ticket", "Ticket Full Name", "Ticket First Name", "Ticket Last Name", "Ticket Email",
               "Ticket Company Name", "Void Status", "Discount Status", "Ticket Reference", "Order Reference",
               "Order Name", "Order Email", "Order Company Name"]
    mapping = guess_mapping(headers)
    assert {headers[index]: field for index, field in mapping.as_dict().items()} == {
        "Ticket": F.TICKET_TYPE, "Ticket Full Name": F.FULL_NAME, "Ticket First Name": F.FIRST_NAME,
        "Ticket Last Name": F.LAST_NAME, "Ticket Email": F.EMAIL, "Ticket Company Name": F.ORGANIZATION,
        "Ticket Reference": F.EXTERNAL_ID,
    }


def test_buyer_columns_are_used_when_there_is_nothing_better() -> None:
    mapping = guess_mapping(["Order #", "Name", "Buyer Email"])
    assert mapping.fields == (F.EXTERNAL_ID, F.FULL_NAME, F.EMAIL)


def test_eventbrite_like_headers_map_completely() -> None:
    mapping = guess_mapping(["Order #", "Order Date", "First Name", "Last Name", "Email", "Quantity", "Ticket Type",
                             "Attendee #", "Attendee Status", "Job Title", "Company"])
    assert mapping.as_dict() == {2: F.FIRST_NAME, 3: F.LAST_NAME, 4: F.EMAIL, 6: F.TICKET_TYPE, 7: F.EXTERNAL_ID,
                                 8: F.STATUS, 9: F.TITLE, 10: F.ORGANIZATION}
    assert mapping.missing == ()


def test_missing_names_the_fields_to_ask_for() -> None:
    mapping = guess_mapping(["Email", "Company"])
    assert mapping.missing == (F.FULL_NAME, F.ROLE)
    assert not mapping.has_name
    assert guess_mapping(["Vorname"]).missing == (F.EMAIL, F.ROLE)


def test_with_field_moves_a_field_between_columns() -> None:
    mapping = guess_mapping(["Name", "Email", "Notes"])
    corrected = mapping.with_field(2, F.EMAIL)
    assert corrected.fields == (F.FULL_NAME, None, F.EMAIL)
    assert mapping.fields == (F.FULL_NAME, F.EMAIL, F.NOTES)  # the original is unchanged
    assert corrected.with_field(0, None).fields == (None, None, F.EMAIL)
    with pytest.raises(IndexError):
        mapping.with_field(3, F.NOTES)


def test_mapping_from_fields_and_its_checks() -> None:
    mapping = ColumnMapping.from_fields(["A", "B", "C"], {0: F.FULL_NAME, 2: F.ROLE})
    assert mapping.fields == (F.FULL_NAME, None, F.ROLE)
    with pytest.raises(ValueError, match="one column"):
        ColumnMapping(("A", "B"), (F.EMAIL, F.EMAIL))
    with pytest.raises(ValueError, match="one entry per column"):
        ColumnMapping(("A",), ())


def test_every_field_has_a_label_and_a_hint() -> None:
    for field in Field:
        assert field.label and field.hint
    assert F.ORGANIZATION.label == "Organisation"
