"""Report PDFs read back: the figures, names and rates on the page are the data's."""

from __future__ import annotations

from datetime import UTC, datetime

from paper_fixtures import (
    MENTEES,
    MENTORS,
    add_feedback,
    add_group,
    add_people,
    pdf_pages,
    save_rotation,
    squash,
)

from mentordesk.models import AttendanceStatus, Person
from mentordesk.models.store import EventStore
from mentordesk.printing import catalog
from mentordesk.printing.group_report_data import build_group_report
from mentordesk.printing.reports_pdf import (
    percent,
    render_group_report,
    render_take_home,
)
from mentordesk.printing.summary_data import build_summary
from mentordesk.printing.summary_pdf import headline_figures, render_summary
from mentordesk.printing.take_home_data import build_take_home
from mentordesk.services.flash import load_plan


def test_summary_shows_the_figures_and_every_meeting(store: EventStore) -> None:
    people = add_people(store, MENTORS, MENTEES)
    flash_id = save_rotation(store, rounds=3, seats=2)
    with store.read_session() as session:
        plan = load_plan(session, flash_id)
    (mentee, mentor), *_ = list(plan.rounds[0].pairs())
    add_feedback(store, flash_id, 1, mentee, mentor, rating=5, follow_up=True)
    add_feedback(store, flash_id, 1, mentor, mentee, follow_up=True)
    with store.read_session() as session:
        data = build_summary(session)
    pages = pdf_pages(render_summary(data, page="A4"))
    first = squash(pages[0])
    for label, figure, detail in headline_figures(data):
        assert squash(label) in first and squash(figure) in first and squash(detail) in first
    assert data.mutual_follow_ups == 1
    everything = squash("".join(pages))
    for meeting in data.meetings:
        assert squash(meeting.mentor.full) in everything and squash(meeting.mentee.full) in everything
    assert "Meetingsheld" in everything and len(people.mentees) == len(MENTEES)


def test_summary_without_the_meetings_table_is_short(store: EventStore) -> None:
    add_people(store, [(f"M{i}", f"Mentor{i}") for i in range(20)], [(f"P{i}", f"Mentee{i}") for i in range(200)])
    save_rotation(store, rounds=8, seats=2)
    with store.read_session() as session:
        full = catalog.build(session, "summary", {"page_size": "Letter"})
        short = catalog.build(session, "summary", {"page_size": "Letter", "meetings": False})
    assert len(pdf_pages(full)) > len(pdf_pages(short)) >= 1
    assert "Page 1 of" in pdf_pages(full)[0]


def test_group_report_lists_members_rates_and_goals(store: EventStore) -> None:
    people = add_people(store, MENTORS[:1], MENTEES[:4], check_in=False)
    statuses = {(0, p): AttendanceStatus.PRESENT for p in people.mentees}
    statuses[(1, people.mentees[0])] = AttendanceStatus.ABSENT
    add_group(store, "Robotics Circle", people.mentors[0], people.mentees, sessions=2, statuses=statuses)
    add_group(store, "Empty Circle", people.mentors[0], [], sessions=0)
    with store.read_session() as session:
        data = build_group_report(session, now=datetime(2026, 6, 1, tzinfo=UTC))
    pages = pdf_pages(render_group_report(data, page="A4"))
    assert len(pages) == 3  # overview, then a page per group
    robotics = next(g for g in data.groups if g.name == "Robotics Circle")
    page = squash(next(p for p in pages[1:] if "Robotics" in p))
    for member in robotics.members:
        assert squash(member.person.full) in page and percent(member.rate) in page
    empty_page = next(p for p in pages[1:] if "Empty Circle" in p)
    assert "No session has been held yet." in empty_page and "No goals have been set" in empty_page


def test_take_home_prints_contacts_only_with_consent(store: EventStore) -> None:
    people = add_people(store, [("Ada", "Lovelace"), ("Grace", "Hopper")], [("Alan", "Turing")])
    with store.session() as session:
        hopper = session.get(Person, people.mentors[1])
        assert hopper is not None
        hopper.consent_share_contact = False
    save_rotation(store, rounds=2)
    with store.read_session() as session:
        data = build_take_home(session)
    (page,) = pdf_pages(render_take_home(data, page="A4"))
    assert "mentor0@example.org" in page and "mentor1@example.org" not in page
    assert "not shared" in page and "Ada Lovelace" in page and "Grace Hopper" in page


def test_empty_event_reports_say_so(store: EventStore) -> None:
    with store.read_session() as session:
        group = pdf_pages(catalog.build(session, "group_report", {"page_size": "A4"}))
        home = pdf_pages(catalog.build(session, "take_home", {"page_size": "A4"}))
    assert len(group) == 1 and "no groups yet" in group[0]
    assert len(home) == 1 and "Nothing to take home yet" in home[0]
