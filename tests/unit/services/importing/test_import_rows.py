"""Reading people out of rows, as the import dialog's preview shows them; no database involved."""

from __future__ import annotations

from mentordesk.models import Role
from mentordesk.services.importing import (
    NO_ROLE,
    ColumnMapping,
    Field,
    PersonRecord,
    guess_mapping,
    preview,
    read_bytes,
)

FORM = (
    "Timestamp,Full name,Email address,Ticket Type,Role,Company,Interests,Consent,Notes\n"
    "2026-01-01,  Zoë   Šimůnek ,  Zoe@Example.org ,Mentor (Volunteer),,BrnoSoft,\"Open source, Cloud\",yes,"
    "\"  line one\n  line two \"\n"
    "2026-01-02,\"Okafor, Amara\",amara@example.org,General Admission,Mentor,,,maybe,\n"
    "2026-01-03,Bo Chen,bo@example.org,General Admission,,,,,\n"
    "2026-01-04,Cy Dee,cy@example.org,Mentee - Student,Speaker,,,,\n"
    "2026-01-05,Dan Eve,,Mentor/Mentee,,,,,\n"
    "2026-01-06,Eve Fox,eve@example.org,Student,,,,,\n"
)


def test_preview_reads_rows_as_the_import_will() -> None:
    table = read_bytes(FORM.encode(), "form.csv")
    mapping = guess_mapping(table.headers)
    readings = preview(table, mapping)
    assert [reading.line for reading in readings] == [2, 4, 5, 6, 7]  # line 2's notes span two lines
    zoe = readings[0].record
    assert zoe == PersonRecord(
        line=2, first_name="Zoë", last_name="Šimůnek", role=Role.MENTOR, email="Zoe@Example.org",
        organization="BrnoSoft", topics=("Open source", "Cloud"), consent=True, notes="line one\n  line two",
    )
    amara = readings[1]
    assert amara.record is not None
    assert (amara.record.first_name, amara.record.last_name, amara.record.role) == ("Amara", "Okafor", Role.MENTOR)
    assert [w.message for w in amara.warnings] == ["consent answer “maybe” not understood; consent left as it was"]
    assert [r.skipped.message for r in readings[2:] if r.skipped] == [
        "no role: ticket type “General Admission” says neither mentor nor mentee; "
        "add a Role column or choose a role for the whole file",
        "ticket type “Mentor/Mentee” names both mentor and mentee; add a Role column to decide",
    ]
    assert readings[3].record is not None and readings[3].record.role is Role.MENTEE  # "Speaker": the ticket decides
    assert len(preview(table, mapping, limit=10)) == 6


def test_role_column_wins_over_ticket_type_and_problems_are_worded() -> None:
    table = read_bytes(
        (b"Name,Email,Ticket Type,Role\n"
         b"Ana Lima,ana@x.org,General Admission,Mentor\n"
         b"Bo Chen,bo@x.org,General Admission,\n"
         b"Cy Dee,cy@x.org,Mentee - Student,Speaker\n"
         b"Dan Eve,dan@x.org,Mentor/Mentee,\n"
         b"Eve Fox,eve@x.org,Student,\n"),
        "roles.csv",
    )
    readings = preview(table, guess_mapping(table.headers), limit=10)
    assert readings[0].record is not None and readings[0].record.role is Role.MENTOR
    assert readings[1].skipped is not None and readings[1].skipped.message == (
        "no role: ticket type “General Admission” says neither mentor nor mentee; "
        "add a Role column or choose a role for the whole file"
    )
    # An unknown role falls back to the ticket type.
    assert readings[2].record is not None and readings[2].record.role is Role.MENTEE
    assert readings[3].skipped is not None and "names both mentor and mentee" in readings[3].skipped.message
    assert readings[4].record is not None and readings[4].record.role is Role.MENTEE


def test_unknown_role_without_ticket_type() -> None:
    table = read_bytes(b"Name,Role\nAna Lima,Speaker\nBo Chen,\n", "roles.csv")
    readings = preview(table, guess_mapping(table.headers))
    assert readings[0].skipped is not None
    assert readings[0].skipped.message == "role “Speaker” not recognised: use mentor, mentee or facilitator"
    assert readings[1].skipped is not None and readings[1].skipped.message == NO_ROLE


def test_role_for_the_whole_file_overrides_columns() -> None:
    table = read_bytes(b"Name,Role\nAna Lima,Mentor\nBo Chen,\n", "roles.csv")
    readings = preview(table, guess_mapping(table.headers), role=Role.FACILITATOR)
    assert [reading.record.role for reading in readings if reading.record] == [Role.FACILITATOR] * 2


def test_preview_follows_a_corrected_mapping() -> None:
    table = read_bytes(b"Who,Contact,Kind\nAna Lima,ana@x.org,Mentee\n", "odd.csv")
    mapping = guess_mapping(table.headers)
    assert mapping.fields == (None, None, None)
    corrected = mapping.with_field(0, Field.FULL_NAME).with_field(1, Field.EMAIL).with_field(2, Field.ROLE)
    [reading] = preview(table, corrected)
    assert reading.record is not None
    assert (reading.record.first_name, reading.record.email, reading.record.role) == ("Ana", "ana@x.org", Role.MENTEE)


def test_first_and_last_name_columns_win_over_a_full_name() -> None:
    table = read_bytes(b"Name,First Name,Last Name,Role\nAna Lima-Souza,Ana,Lima-Souza,Mentee\nBo Chen,,,Mentee\n",
                       "names.csv")
    readings = preview(table, guess_mapping(table.headers))
    assert [(r.record.first_name, r.record.last_name) for r in readings if r.record] == [
        ("Ana", "Lima-Souza"), ("Bo", "Chen")]


def test_warnings_and_shortened_values() -> None:
    long_company = "A" * 350
    table = read_bytes(f"Name,Role,Company,Consent,Attendee ID\nAna Lima,Mentee,{long_company},perhaps,{'9' * 130}\n"
                       .encode(), "long.csv")
    [reading] = preview(table, guess_mapping(table.headers))
    assert reading.record is not None
    assert reading.record.organization == "A" * 300
    assert (reading.record.consent, reading.record.external_id) == (None, None)
    assert [w.message for w in reading.warnings] == [
        "organisation shortened to 300 characters",
        "attendee number longer than 120 characters; not stored",
        "consent answer “perhaps” not understood; consent left as it was",
    ]


def test_overlong_name_is_a_problem() -> None:
    table = read_bytes(f"First Name,Last Name,Role\n{'N' * 201},X,Mentee\n".encode(), "long.csv")
    [reading] = preview(table, guess_mapping(table.headers))
    assert reading.skipped is not None and reading.skipped.message == "first name longer than 200 characters"


def test_blank_and_unmapped_fields_are_none() -> None:
    table = read_bytes(b"Name,Role,Company,Topics\nAna Lima,Mentee,,\n", "blank.csv")
    mapping = ColumnMapping.from_fields(table.headers, {0: Field.FULL_NAME, 1: Field.ROLE, 2: Field.ORGANIZATION})
    [reading] = preview(table, mapping)
    record = reading.record
    assert record is not None
    assert (record.organization, record.topics, record.email, record.consent, record.notes) == (None,) * 5
