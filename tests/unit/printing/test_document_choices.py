"""The lists the Print & export page offers for options that depend on the event: groups, their
sessions, mentees with a take-home sheet, planned rotations. Every value offered must make the
document it is offered for, and name what its label says."""

from __future__ import annotations

from pathlib import Path

import pytest
from paper_fixtures import MENTEES, MENTORS, add_people, pdf_pages, save_rotation, squash

from mentordesk.cli import main
from mentordesk.models import Person, Role
from mentordesk.models.store import EventStore
from mentordesk.printing import catalog
from mentordesk.printing.option_choices import (
    NO_GROUPS,
    NO_MENTEES,
    NO_ROTATION,
    NO_SESSIONS,
    flash_session_choices,
    group_choices,
    group_session_choices,
    take_home_mentee_choices,
)
from mentordesk.printing.schedule_data import build_schedule
from mentordesk.printing.sign_in_data import build_sign_in_sheets
from mentordesk.printing.take_home_data import build_take_home
from mentordesk.services.groups import add_goal, create_group, list_groups, list_sessions, update_group
from mentordesk.services.people import new_badge_code


def test_the_documents_offer_their_event_dependent_options_as_choices() -> None:
    def spec(key: str, option: str) -> catalog.OptionSpec:
        return next(o for o in catalog.get(key).options if o.key == option)

    assert spec("sign_in_sheets", "group").choices_from is group_choices
    assert spec("group_report", "group").choices_from is group_choices
    assert spec("sign_in_sheets", "session").choices_from is group_session_choices
    assert spec("sign_in_sheets", "session").choices_within == "group"
    assert spec("take_home", "person").choices_from is take_home_mentee_choices
    for key in ("schedule", "master_grid", "table_rosters", "itineraries", "table_tents"):
        assert spec(key, "flash_session").choices_from is flash_session_choices
    # Values stay what the build functions take, so the defaults did not move.
    assert catalog.get("sign_in_sheets").resolved_options({"page_size": "A4"})["session"] == "next"


def test_group_choices_name_every_group_of_the_demo_and_each_makes_its_sheet(demo_store: EventStore) -> None:
    with demo_store.read_session() as session:
        choices = group_choices(session)
        groups = list_groups(session, demo_store.event_id)
        assert choices[0].value == "" and choices[0].label == "Every group"
        assert [(c.value, c.label) for c in choices[1:]] == [(str(g.id), g.name) for g in groups]
        assert len(groups) == 2
        for choice in choices[1:]:
            sheets = build_sign_in_sheets(session, group=choice.value, which="blank").sheets
            assert [s.group_name for s in sheets] == [choice.label]
        assert len(build_sign_in_sheets(session, group=choices[0].value, which="blank").sheets) == 2


def test_session_choices_belong_to_their_group_and_each_makes_that_session_sheet(demo_store: EventStore) -> None:
    with demo_store.read_session() as session:
        choices = group_session_choices(session)
        assert [c.value for c in choices[:3]] == ["next", "all", "blank"]
        assert all(not c.within for c in choices[:3])
        meetings = {m.id: m for m in list_sessions(session, demo_store.event_id)}
        dated = choices[3:]
        assert len(dated) == 8 == len(meetings)
        for choice in dated:
            meeting = meetings[int(choice.value)]
            assert choice.within == str(meeting.group_id)
            assert meeting.title in choice.label and str(meeting.starts_at.year) in choice.label
            sheets = build_sign_in_sheets(session, which=choice.value).sheets
            assert [(s.session_id, s.group_id) for s in sheets] == [(meeting.id, meeting.group_id)]
        # In time order, as a coordinator looks for "this week".
        starts = [meetings[int(c.value)].starts_at for c in dated]
        assert starts == sorted(starts)


def test_take_home_choices_are_the_mentees_with_a_sheet_by_surname(demo_store: EventStore) -> None:
    with demo_store.read_session() as session:
        choices = take_home_mentee_choices(session)
        sheets = build_take_home(session).sheets
        assert choices[0].value == ""
        assert [c.value for c in choices[1:]] == [str(s.person.person_id) for s in sheets]
        assert len(choices) > 2
        for choice, sheet in zip(choices[1:], sheets, strict=True):
            assert choice.label.startswith(sheet.person.full)
            picked = build_take_home(session, person=choice.value).sheets
            assert [s.person.person_id for s in picked] == [sheet.person.person_id]


def test_an_event_with_nothing_to_choose_says_so(store: EventStore) -> None:
    with store.read_session() as session:
        assert group_choices(session) == (catalog.Choice("", NO_GROUPS),)
        assert group_session_choices(session) == (catalog.Choice("next", NO_GROUPS),)
        assert take_home_mentee_choices(session) == (catalog.Choice("", NO_MENTEES),)
        assert flash_session_choices(session) == (catalog.Choice("0", NO_ROTATION),)
    with store.session() as session:
        create_group(session, store.event_id, "Chess Club")
    with store.read_session() as session:
        assert group_session_choices(session) == (catalog.Choice("next", NO_SESSIONS),)
        assert [c.label for c in group_choices(session)] == ["Every group", "Chess Club"]


def test_archived_groups_come_last_and_say_so(store: EventStore) -> None:
    with store.session() as session:
        archived = create_group(session, store.event_id, "Alpha")
        create_group(session, store.event_id, "Beta")
        update_group(session, archived, archived=True)
    with store.read_session() as session:
        assert [c.label for c in group_choices(session)] == ["Every group", "Beta", "Alpha (archived)"]


def test_flash_session_choices_current_first_and_each_makes_its_schedule(store: EventStore) -> None:
    add_people(store, MENTORS[:3], MENTEES[:4])
    first = save_rotation(store, rounds=2)
    second = save_rotation(store, rounds=3, minutes=5)
    with store.read_session() as session:
        choices = flash_session_choices(session)
        assert choices[0].value == "0" and choices[0].label.startswith("The current rotation")
        assert [c.value for c in choices[1:]] == [str(second), str(first)]
        assert "3 rounds of 5 min" in choices[1].label and "2 rounds of 7 min" in choices[2].label
        for choice, rounds in ((choices[1], 3), (choices[2], 2)):
            data = build_schedule(session, int(choice.value))
            assert (data.flash_session_id, len(data.round_numbers)) == (int(choice.value), rounds)


def test_the_command_line_takes_the_offered_values_and_lists_them(demo_store: EventStore, tmp_path: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    assert demo_store.path is not None
    event = str(demo_store.path)
    with demo_store.read_session() as session:
        group = group_choices(session)[1]
        meeting = next(c for c in group_session_choices(session)[3:] if c.within == group.value)
    out = tmp_path / "sheet.pdf"
    code = main(["export", "document", "sign_in_sheets", "--event", event, "-o", str(out),
                 "--option", f"group={group.value}", "--option", f"session={meeting.value}"])
    assert code == 0
    pages = pdf_pages(out.read_bytes())
    assert squash(group.label) in squash(pages[0])
    capsys.readouterr()
    assert main(["export", "document", "--list", "--event", event]) == 0
    listing = capsys.readouterr().out
    assert "group (choice from the event)" in listing and "blank_rows (int)" in listing


def test_namesakes_are_told_apart_by_organisation_then_number(store: EventStore) -> None:
    with store.session() as session:
        ids = []
        for first, last, org in (("Ana", "Silva", "Acme"), ("Ana", "Silva", "Acme"), ("Ana", "Silva", "Zeta"),
                                 ("Bo", "Berg", "")):
            person = Person(event_id=store.event_id, first_name=first, last_name=last, role=Role.MENTEE,
                            organization=org, badge_code=new_badge_code(session, store.event_id))
            session.add(person)
            session.flush()
            add_goal(session, person.id, "Speak up")
            ids.append(person.id)
    with store.read_session() as session:
        labels = {c.value: c.label for c in take_home_mentee_choices(session)[1:]}
    assert labels == {str(ids[0]): f"Ana Silva (Acme) · no. {ids[0]}", str(ids[1]): f"Ana Silva (Acme) · no. {ids[1]}",
                      str(ids[2]): "Ana Silva (Zeta)", str(ids[3]): "Bo Berg"}
