"""Sign-in sheets: member order, which session, walk-in rows, and QR codes that check the right person in."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
import zxingcpp
from paper_fixtures import (
    MENTEES,
    MENTORS,
    add_group,
    add_people,
    pdf_pages,
    render_pngs,
    squash,
)
from PIL import Image
from sqlalchemy import select

from mentordesk.models import GroupMember, Person
from mentordesk.models.store import EventStore
from mentordesk.printing import catalog
from mentordesk.printing.catalog import DocumentError
from mentordesk.printing.eventdata import Name
from mentordesk.printing.sign_in_data import build_sign_in_sheets, sign_in_order
from mentordesk.printing.sign_in_pdf import render_sign_in, sheet_rows
from mentordesk.services.lookup import find_by_code

NOW = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)


def test_sign_in_order_is_surname_then_first_name_ignoring_accents_and_case() -> None:
    people = [Name(1, "Zoë", "Šimůnek"), Name(2, "anna", "ødegård"), Name(3, "Bob", "Ödegard"),
              Name(4, "Émile", "Adams"), Name(5, "Solo", ""), Name(6, "Aaron", "Odegard"), Name(7, "Émile", "Adams")]
    assert [p.person_id for p in sign_in_order(people)] == [4, 7, 6, 2, 3, 1, 5]


def test_sign_in_order_takes_orm_people_too(store: EventStore) -> None:
    add_people(store, [], [("B", "Beta"), ("A", "Alpha")], check_in=False)
    with store.read_session() as session:
        people = list(session.scalars(select(Person)))
    assert [p.last_name for p in sign_in_order(people)] == ["Alpha", "Beta"]


def test_next_session_lists_current_members_in_order(store: EventStore) -> None:
    people = add_people(store, MENTORS[:1], MENTEES[2:6], check_in=False)
    group_id = add_group(store, "Robotics Circle", people.mentors[0], people.mentees, sessions=3)
    with store.session() as session:
        leaver = session.scalars(select(GroupMember).where(GroupMember.person_id == people.mentees[0])).one()
        leaver.left_on = date(2026, 3, 5)
    with store.read_session() as session:
        data = build_sign_in_sheets(session, which="next", now=NOW)
        everything = build_sign_in_sheets(session, which="all", now=NOW)
        blank = build_sign_in_sheets(session, group="robotics circle", which="blank", now=NOW)
    (sheet,) = data.sheets
    assert sheet.group_id == group_id and sheet.starts_at is not None
    assert sheet.starts_at.date() == date(2026, 3, 16)  # week 3: the first on or after today
    ids = [row.person.person_id for row in sheet.rows]
    assert people.mentees[0] not in ids  # left before that session
    assert ids == [row.person.person_id for row in sign_in_order(sheet.rows)]
    assert len(everything.sheets) == 3 and len(everything.sheets[0].rows) == 5  # still a member in week 1
    assert blank.sheets[0].starts_at is None and blank.sheets[0].when.startswith("Date:")


def test_unknown_group_and_session_are_one_line_errors(store: EventStore) -> None:
    people = add_people(store, MENTORS[:1], MENTEES[:2], check_in=False)
    add_group(store, "Robotics Circle", people.mentors[0], people.mentees)
    with store.read_session() as session:
        with pytest.raises(DocumentError, match="no group 'Chess'; groups: Robotics Circle"):
            build_sign_in_sheets(session, group="Chess")
        with pytest.raises(DocumentError, match="no group session 999"):
            build_sign_in_sheets(session, which="999")


def test_no_groups_prints_an_empty_state(store: EventStore) -> None:
    with store.read_session() as session:
        pdf = catalog.build(session, "sign_in_sheets", {"page_size": "A4"})
    assert "no groups yet" in pdf_pages(pdf)[0]


def test_every_qr_code_decodes_to_the_person_on_its_row(store: EventStore, tmp_path: Path) -> None:
    people = add_people(store, MENTORS[:1], MENTEES, check_in=False)
    add_group(store, "International", people.mentors[0], people.mentees, sessions=1,
              first=datetime(2026, 4, 1, 16, 0, tzinfo=UTC))
    with store.read_session() as session:
        data = build_sign_in_sheets(session, which="all", blank_rows=3, now=NOW)
        pdf = render_sign_in(data, page="A4")
    (sheet,) = data.sheets
    assert len(sheet_rows(sheet)) == len(sheet.rows) + 3
    pages = pdf_pages(pdf)
    text = squash("".join(pages))
    for row in sheet.rows:
        assert squash(row.person.full) in text
    decoded: list[str] = []
    for png in render_pngs(pdf, tmp_path / "png", dpi=200):
        codes = zxingcpp.read_barcodes(Image.open(png))
        decoded += [r.text for r in codes if r.format == zxingcpp.BarcodeFormat.QRCode]
    assert sorted(decoded) == sorted(row.badge_code for row in sheet.rows)
    with store.read_session() as session:
        for row in sheet.rows:
            assert find_by_code(session, store.event_id, row.badge_code) == row.person.person_id
    # The codes are printed in row order, so a scanned sheet maps code → row.
    order = [row.badge_code for row in sheet.rows]
    positions = [squash("".join(pages)).find(code) for code in order]
    assert positions == sorted(positions)


def test_session_time_is_shown_in_the_session_zone(store: EventStore) -> None:
    from mentordesk.models import GroupSession

    people = add_people(store, MENTORS[:1], MENTEES[:1], check_in=False)
    add_group(store, "Evening", people.mentors[0], people.mentees, sessions=1,
              first=datetime(2026, 4, 1, 16, 0, tzinfo=UTC))
    with store.session() as session:
        meeting = session.scalars(select(GroupSession)).one()
        meeting.timezone = "America/New_York"
        meeting.topic = "Negotiation"
    with store.read_session() as session:
        (sheet,) = build_sign_in_sheets(session, which="all", now=NOW).sheets
        pdf = render_sign_in(build_sign_in_sheets(session, which="all", now=NOW), page="Letter")
    assert sheet.starts_at is not None and (sheet.starts_at.hour, sheet.starts_at.minute) == (12, 0)
    assert sheet.topic == "Negotiation"
    assert "12:00" in pdf_pages(pdf)[0] and "Negotiation" in pdf_pages(pdf)[0]
