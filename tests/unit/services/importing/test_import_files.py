"""Importing the sample exports end to end into a real event file."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from sqlalchemy import func, select

from mentordesk.models import MentorRequest, Person, Role
from mentordesk.models.store import EventStore
from mentordesk.services.importing import ImportFileError, ImportSummary, import_file

SAMPLES = Path(__file__).resolve().parents[3] / "data" / "imports"


def _import(store: EventStore, name: str, role: Role | None = None) -> ImportSummary:
    with store.session() as session:
        return import_file(session, store.event_id, SAMPLES / name, role=role)


def _people(store: EventStore) -> dict[str, Person]:
    """Everyone in the event, by e-mail address (or by name when they have none)."""
    with store.read_session() as session:
        people = session.scalars(select(Person).where(Person.event_id == store.event_id)).all()
        return {person.email or person.full_name: person for person in people}


def _requests(store: EventStore) -> dict[str, list[str]]:
    """Mentee e-mail → requested mentors' e-mails, first choice first."""
    with store.read_session() as session:
        emails = {person_id: email or "" for person_id, email in session.execute(select(Person.id, Person.email))}
        rows = session.execute(select(MentorRequest.mentee_id, MentorRequest.mentor_id)
                               .order_by(MentorRequest.mentee_id, MentorRequest.rank)).all()
    result: dict[str, list[str]] = {}
    for mentee_id, mentor_id in rows:
        result.setdefault(emails[mentee_id], []).append(emails[mentor_id])
    return result


def test_eventbrite_export(store: EventStore) -> None:
    summary = _import(store, "eventbrite_attendees.csv")
    assert summary.describe() == "Read 7 rows from eventbrite_attendees.csv: 6 added, 0 updated, 0 unchanged, 1 skipped"
    assert [(issue.line, issue.who, issue.message) for issue in summary.skipped] == [
        (6, "François Dubois", "not attending: status “Refunded”")
    ]
    people = _people(store)
    assert len(people) == 6 and "f.dubois@example.org" not in people
    amara = people["amara.okafor@lagosfintech.example"]
    assert (amara.first_name, amara.last_name, amara.role) == ("Amara", "Okafor", Role.MENTOR)
    assert (amara.organization, amara.title) == ("Lagos Fintech Hub", "VP Engineering")
    assert amara.external_id == "2318845501"  # the attendee number, not the order number
    assert people["zoe.simunek@brnosoft.example"].role is Role.MENTOR
    # Łukasz's ticket was bought by Grace: his own address is used, not the buyer's.
    assert people["lukasz.wisniewski@example.org"].role is Role.MENTEE
    assert people["grace.oconnor@example.org"].organization == "Stripe, Inc."
    assert people["ludwig@example.org"].last_name == "van Beethoven"
    assert people["kofi.boateng@harbourtech.example"].role is Role.FACILITATOR
    codes = [person.badge_code for person in people.values()]
    assert len(set(codes)) == 6 and all(len(code) == 8 for code in codes)
    assert sorted(summary.added_ids) == sorted(person.id for person in people.values())


def test_google_forms_export(store: EventStore) -> None:
    summary = _import(store, "google_form_responses.csv")
    assert (summary.rows_read, summary.added, len(summary.skipped)) == (7, 6, 1)
    assert summary.skipped[0].line == 8 and "names both mentor and mentee" in summary.skipped[0].message
    people = _people(store)
    amara = people["amara.okafor@lagosfintech.example"]
    assert (amara.first_name, amara.last_name) == ("Amara", "Okafor")  # "Okafor, Amara" turned round
    assert amara.topics == ["Leadership", "Career change", "Fintech"]
    assert (amara.consent_share_contact, amara.pronouns, amara.role) == (True, "she/her", Role.MENTOR)
    tanaka = people["h.tanaka@kaizen-robotics.example"]
    assert (tanaka.first_name, tanaka.last_name, tanaka.consent_share_contact) == ("田中博", "", False)
    assert people["siobhan@cliffsedge.example"].last_name == "Ní Bhriain"
    assert people["noa.cohen@student.example"].consent_share_contact is False
    max_ = people["max.hohenberg@example.org"]
    assert (max_.first_name, max_.last_name) == ("Maximilian Alexander", "von Hohenberg-Schwarzenfeld")
    assert people["zoe.simunek@brnosoft.example"].topics == ["Open source", "Cloud infrastructure", "Public speaking"]

    assert _requests(store) == {
        "siobhan@cliffsedge.example": ["zoe.simunek@brnosoft.example", "amara.okafor@lagosfintech.example"],
        "noa.cohen@student.example": ["h.tanaka@kaizen-robotics.example"],
        "max.hohenberg@example.org": ["h.tanaka@kaizen-robotics.example"],
    }
    assert [(w.line, w.message) for w in summary.warnings] == [
        (6, "requested mentor “Ada Lovelace” is not a mentor at this event")
    ]


def test_semicolon_windows_1252_export(store: EventStore) -> None:
    summary = _import(store, "semicolon_windows1252.csv")
    assert (summary.added, summary.skipped) == (4, ())
    people = _people(store)
    juergen = people["juergen.weiss@example.de"]
    assert (juergen.first_name, juergen.last_name) == ("Jürgen", "Weiß")
    assert juergen.organization == "Müller & Söhne GmbH"
    assert juergen.topics == ["Führung", "Vertrieb"]
    assert people["renee.leger@example.fr"].organization == "Café Œuvre € Partners"
    soren = people["soren@example.dk"]
    assert (soren.first_name, soren.last_name, soren.role) == ("Søren", "Kierkegård", Role.MENTOR)
    assert soren.organization == "Ørsted; Energie A/S"
    coelestine = people["coelestine@example.at"]
    assert (coelestine.first_name, coelestine.last_name) == ("Cœlestine", "Strauß")
    assert coelestine.topics == ["Wein", "Handel"]


def test_utf16_unicode_text_export(store: EventStore) -> None:
    summary = _import(store, "unicode_text_utf16.txt")
    assert summary.added == 4
    people = _people(store)
    assert people["m.alhusseini@sahara-ventures.example"].last_name == "الحسيني"
    assert people["seoyeon.kim@hangang-labs.example"].role is Role.MENTEE


def test_xlsx_export(store: EventStore) -> None:
    summary = _import(store, "attendees.xlsx")
    assert (summary.rows_read, summary.added, summary.skipped) == (4, 4, ())
    people = _people(store)
    amara = people["amara.okafor@lagosfintech.example"]
    assert (amara.external_id, amara.consent_share_contact, amara.topics) == ("1042", True, ["Leadership", "Fintech"])
    olga = people["olga.kovalenko@example.org"]
    assert (olga.first_name, olga.last_name, olga.department, olga.consent_share_contact) == (
        "Ольга", "Коваленко", "11", False)
    kwame = people["kwame.mensah@example.org"]
    assert (kwame.role, kwame.department, kwame.external_id) == (Role.MENTEE, "12", "1045.5")
    assert people["lan.nguyen@mekong-ai.example"].first_name == "Nguyễn Thị"


def test_names_in_many_writing_systems_come_back_exactly(store: EventStore) -> None:
    with (SAMPLES / "names_many_scripts.csv").open(encoding="utf-8", newline="") as handle:
        source = {row["Email"]: (row["First Name"], row["Last Name"]) for row in csv.DictReader(handle)}
    summary = _import(store, "names_many_scripts.csv")
    assert summary.added == len(source) == 10
    people = _people(store)
    assert {email: (p.first_name, p.last_name) for email, p in people.items()} == source


def test_rows_with_problems_are_reported_and_the_rest_imported(store: EventStore) -> None:
    summary = _import(store, "rows_with_problems.csv")
    assert [(issue.line, issue.message) for issue in summary.skipped] == [
        (3, "invalid e-mail address “not-an-address”"),
        (4, "no name"),
        (5, "no role: add a Role or Ticket Type column, or choose a role for the whole file"),
        (6, "attendee status “Sort of” not understood; expected e.g. Attending or Cancelled"),
        (7, "role “Mentor/Mentee” names both mentor and mentee; write one of them"),
    ]
    assert summary.added == 2
    assert set(_people(store)) == {"good@example.org", "another@example.org"}
    assert summary.problem_lines()[0] == "skipped line 3 (Broken Mail): invalid e-mail address “not-an-address”"


def test_role_for_the_whole_file_applies_to_every_row(store: EventStore) -> None:
    summary = _import(store, "rows_with_problems.csv", role=Role.MENTEE)
    assert summary.added == 4  # "No Role" and "Ambiguous Role" are now mentees too
    assert [issue.line for issue in summary.skipped] == [3, 4, 6]
    assert {person.role for person in _people(store).values()} == {Role.MENTEE}


def test_formula_like_values_are_stored_as_written(store: EventStore) -> None:
    _import(store, "formula_like_values.csv")
    people = _people(store)
    eve = people["eve@example.org"]
    assert eve.organization == '=HYPERLINK("http://evil.example","click")'
    assert eve.title == "+1 555 0100"
    assert eve.notes == "@SUM(A1:A9)"
    minus = people["minus@example.org"]
    assert (minus.organization, minus.title, minus.notes) == ("-2+3", "=1+1", "=cmd|' /C calc'!A0")


@pytest.mark.parametrize("name", ["no_name_column.csv", "empty.csv", "header_only.csv", "binary_garbage.csv",
                                  "logo_renamed.csv", "old_excel.xls"])
def test_files_that_cannot_be_imported_change_nothing(demo_store: EventStore, name: str) -> None:
    with demo_store.read_session() as session:
        before = session.scalar(select(func.count()).select_from(Person))
    with pytest.raises(ImportFileError) as caught, demo_store.session() as session:
        import_file(session, demo_store.event_id, SAMPLES / name)
    assert "\n" not in str(caught.value)
    with demo_store.read_session() as session:
        assert session.scalar(select(func.count()).select_from(Person)) == before


def test_no_name_column_message(store: EventStore) -> None:
    with pytest.raises(ImportFileError, match=r"no_name_column\.csv has no name column"):
        _import(store, "no_name_column.csv")
