"""Data out (issue 14, item 13): each kind of table read from a real event file, and the files written.

The tables are checked against the services they reuse (who is checked in, the attendance roster,
the goals, the meetings and follow-ups of the feedback service); the files are read back as a
spreadsheet would read them: the CSV's byte-order mark and text cells, the XLSX's typed cells.
"""

from __future__ import annotations

import csv
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from mentordesk.models import Goal, Person, Role, utcnow
from mentordesk.models.normalize import fold
from mentordesk.models.store import EventStore
from mentordesk.output_files import OutputPathRefused
from mentordesk.services import checkin, roster, table_exports
from mentordesk.services import feedback as fb
from mentordesk.services import groups as group_svc
from mentordesk.services.flash import load_problem, plan, save_plan
from mentordesk.services.groups.attendance import held_sessions
from mentordesk.services.importing import import_file
from mentordesk.services.roster import PersonInput
from mentordesk.services.spreadsheets import is_formula_like
from mentordesk.services.table_exports import DataTable, TableExportError
from mentordesk.services.table_exports.people_tables import PEOPLE_HEADER

FORMULA_FILE = Path(__file__).parents[2] / "data" / "imports" / "formula_like_values.csv"
HYPERLINK = '=HYPERLINK("http://evil.example","click")'


def _table(store: EventStore, key: str) -> DataTable:
    with store.read_session() as session:
        return table_exports.build_table(session, store.event_id, key)


def _by_id(table: DataTable, id_header: str = "ID") -> dict[object, dict[str, object]]:
    index = table.header.index(id_header)
    return {row[index]: dict(zip(table.header, row, strict=True)) for row in table.rows}


def test_the_kinds_are_the_contracts_in_its_order() -> None:
    assert [kind.key for kind in table_exports.kinds()] == [
        "people", "checkins", "attendance", "meetings", "feedback", "goals", "follow-ups"]
    assert all(kind.description and kind.name for kind in table_exports.kinds())
    assert table_exports.get_kind(" Follow_Ups ").key == "follow-ups"
    assert table_exports.get_kind("check-ins").key == "checkins"
    with pytest.raises(TableExportError, match="no table called 'badges'; choose one of: people, checkins"):
        table_exports.get_kind("badges")
    assert (table_exports.format_of("a/b.CSV"), table_exports.format_of("x.xlsx")) == ("CSV", "XLSX")
    with pytest.raises(TableExportError, match=r"name the file \.csv or \.xlsx"):
        table_exports.format_of("out.xls")


# --------------------------------------------------------------------------- people and check-ins


@pytest.fixture
def arrivals(store: EventStore) -> dict[str, int]:
    """Ada checked in at Door 1; Ben checked in then undone; Cleo checked in then out; Dev never came."""
    ids = {}
    with store.session() as session:
        for first in ("Ada", "Ben", "Cleo", "Dev"):
            ids[first] = roster.add_person(session, store.event_id, PersonInput(
                first, "Lovelace", email=f"{first.lower()}@example.org", topics=("Robotics", "AI"),
                consent_share_contact=first == "Ada"))
        checkin.check_in(session, ids["Ada"], station="Door 1")
        undone = checkin.check_in(session, ids["Ben"], station="Door 2")
        checkin.undo(session, undone.entry_id, station="Door 2")
        checkin.check_in(session, ids["Cleo"], station="Door 2", at=utcnow() - timedelta(minutes=30))
        checkin.check_out(session, ids["Cleo"], station="Door 3")
    return ids


def test_people_carry_check_in_time_and_station(store: EventStore, arrivals: dict[str, int]) -> None:
    table = _table(store, "people")
    people = _by_id(table)
    with store.read_session() as session:
        here = checkin.checked_in_ids(session, store.event_id)
        entries = {e.person_id: e for e in session.scalars(select(checkin.CheckinEntry)
                                                           .order_by(checkin.CheckinEntry.id))}
    assert {pid for pid, row in people.items() if row["Checked in"]} == here == {arrivals["Ada"]}
    ada = people[arrivals["Ada"]]
    assert ada["Check-in station"] == "Door 1" and isinstance(ada["Checked in at"], datetime)
    assert ada["Checked in at"].tzinfo is None  # type: ignore[union-attr]
    local = entries[arrivals["Ada"]].at.astimezone().replace(tzinfo=None, microsecond=0)
    assert abs((ada["Checked in at"] - local).total_seconds()) < 1  # type: ignore[operator]
    assert (ada["Topics"], ada["Consents to share contact"], ada["E-mail"]) == ("Robotics; AI", True, "ada@example.org")
    ben, cleo, dev = (people[arrivals[name]] for name in ("Ben", "Cleo", "Dev"))
    assert (ben["Checked in at"], ben["Check-in station"]) == (None, "")  # undone: never arrived
    assert cleo["Check-in station"] == "Door 2" and not cleo["Checked in"]
    assert cleo["Checked out at"] is not None and cleo["Checked out at"] > cleo["Checked in at"]  # type: ignore[operator]
    assert (dev["Checked in"], dev["Checked in at"], dev["Checked out at"]) == (False, None, None)


def test_the_check_in_log_lists_every_entry_in_order(store: EventStore, arrivals: dict[str, int]) -> None:
    table = _table(store, "checkins")
    rows = [dict(zip(table.header, row, strict=True)) for row in table.rows]
    assert [r["Entry"] for r in rows] == sorted(r["Entry"] for r in rows) and len(rows) == 5
    assert [(r["First name"], r["Action"], r["Station"], r["Undone"]) for r in rows] == [
        ("Ada", "Check-in", "Door 1", False), ("Ben", "Check-in", "Door 2", True), ("Ben", "Undo", "Door 2", False),
        ("Cleo", "Check-in", "Door 2", False), ("Cleo", "Check-out", "Door 3", False)]
    assert rows[2]["Undoes entry"] == rows[1]["Entry"] and rows[0]["Undoes entry"] is None
    assert rows[3]["Time"] < rows[3]["Recorded at"]  # type: ignore[operator]  # entered after the fact


def test_people_on_the_demo_match_the_people_service(demo_store: EventStore) -> None:
    table = _table(demo_store, "people")
    with demo_store.read_session() as session:
        count = session.scalar(select(func.count(Person.id)))
        here = checkin.checked_in_ids(session, demo_store.event_id)
    assert len(table.rows) == count
    assert {row[0] for row in table.rows if row[table.header.index("Checked in")]} == here
    stations = {row[table.header.index("Check-in station")] for row in table.rows
                if row[table.header.index("Checked in")]}
    assert stations and "" not in stations
    assert table.column("Requested mentors") and any(table.column("Requested mentors"))


# --------------------------------------------------------------------------- groups


def test_attendance_is_each_person_at_each_held_session(demo_store: EventStore) -> None:
    table = _table(demo_store, "attendance")
    expected = []
    with demo_store.read_session() as session:
        for group in group_svc.list_groups(session, demo_store.event_id):
            for meeting in held_sessions(session, group.id):
                for line in group_svc.roster(session, meeting.id):
                    expected.append((group.name, line.person_id, line.status.value.capitalize() if line.status
                                     else "Not recorded"))
    assert expected and sorted(expected) == sorted(
        (r[0], r[table.header.index("Person ID")], r[table.header.index("Status")]) for r in table.rows)
    first = dict(zip(table.header, table.rows[0], strict=True))
    assert isinstance(first["Date"], date) and isinstance(first["Starts at"], datetime)
    assert first["Starts at"].date() == first["Date"]  # type: ignore[union-attr]


def test_goals_carry_their_latest_progress(demo_store: EventStore) -> None:
    table = _table(demo_store, "goals")
    with demo_store.read_session() as session:
        goals = {g.id: g for g in session.scalars(select(Goal))}
        infos = {g.id: group_svc.get_goal(session, g.id) for g in goals.values()}
    assert set(_by_id(table, "Goal ID")) == set(goals)
    for goal_id, row in _by_id(table, "Goal ID").items():
        info = infos[goal_id]  # type: ignore[index]
        assert (row["Goal"], row["Progress (%)"], row["Progress entries"], row["Group"]) == (
            info.title, info.progress, len(info.entries), info.group_name)
        assert row["Last progress on"] == (info.entries[-1].recorded_on if info.entries else None)
        assert isinstance(row["Target date"], date | None)


# --------------------------------------------------------------------------- flash and feedback


def _flash_event(store: EventStore) -> tuple[dict[str, int], int]:
    """Two mentors and two mentees, all here, in a planned rotation; Björn does not share contacts."""
    ids = {}
    with store.session() as session:
        for first, last, role in (("Amara", "Okafor", Role.MENTOR), ("Björn", "Ødegård", Role.MENTOR),
                                  ("Zoë", "Šimůnek", Role.MENTEE), ("Анна", "Соколова", Role.MENTEE)):
            ids[first] = roster.add_person(session, store.event_id, PersonInput(
                first, last, role=role, email=f"{fold(first)}@example.org", organization=f"{first} Ltd",
                consent_share_contact=first != "Björn"))
            checkin.check_in(session, ids[first])
        problem = load_problem(session, store.event_id, rounds=2, seats=1)
        flash_id = save_plan(session, store.event_id, plan(problem).plan, minutes=7)
    return ids, flash_id


def test_meetings_follow_up_and_feedback_tables(store: EventStore) -> None:
    ids, flash_id = _flash_event(store)
    planned_only = _table(store, "meetings")
    assert planned_only.notes == ("No round has been held yet, so these are the planned meetings.",)
    assert len(planned_only.rows) == 4 and not any(planned_only.column("Held"))
    with store.session() as session:
        for meeting in fb.meetings(session, flash_id):
            if meeting.mentee_id == ids["Zoë"]:
                fb.record_mentee_feedback(session, meeting, rating=5, wants_follow_up=True, comment=HYPERLINK)
                fb.record_mentor_feedback(session, meeting, wants_follow_up=True)
            elif meeting.mentee_id == ids["Анна"]:
                fb.record_mentee_feedback(session, meeting, rating=3, wants_follow_up=True)
                fb.record_mentor_feedback(session, meeting, wants_follow_up=True, comment="Great questions")

    meetings = _table(store, "meetings")
    with store.read_session() as session:
        planned = fb.meetings(session, flash_id)
    # Feedback about round 2 means rounds 1 and 2 were held (the summary report's rule).
    assert len(meetings.rows) == len(planned) == 4 and all(meetings.column("Held")) and meetings.notes == ()
    zoe_rows = [dict(zip(meetings.header, r, strict=True)) for r in meetings.rows if r[3] == ids["Zoë"]]
    assert {(r["Mentee's rating"], r["Mentee's comment"], r["Mentor would follow up"]) for r in zoe_rows} == {
        (5, HYPERLINK, True)}
    assert all(r["Flash session"] and isinstance(r["Round"], int) for r in zoe_rows)

    follow_ups = _table(store, "follow-ups")
    with store.read_session() as session:
        expected = fb.mutual_follow_ups(session, event_id=store.event_id)
    assert expected.without_consent == 2 and len(expected.shown) == 2
    assert [(r[0], r[4]) for r in follow_ups.rows] == [(f.mentee.person_id, f.mentor.person_id)
                                                       for f in expected.shown]
    assert ids["Björn"] not in {r[4] for r in follow_ups.rows}  # no consent: never named
    assert "björn" not in " ".join(str(v) for r in follow_ups.rows for v in r).casefold()
    assert follow_ups.notes and follow_ups.notes[0].startswith("2 more pairs both asked to follow up")

    given = _table(store, "feedback")
    rows = [dict(zip(given.header, r, strict=True)) for r in given.rows]
    assert len(rows) == 8 and {r["Kind"] for r in rows} == {"Flash meeting"}
    assert {r["Comment"] for r in rows} >= {HYPERLINK, "Great questions"}
    assert all(isinstance(r["Given at"], datetime) and r["From"] and r["About"] for r in rows)


def test_feedback_on_group_sessions_is_listed(demo_store: EventStore) -> None:
    with demo_store.session() as session:
        group = group_svc.list_groups(session, demo_store.event_id)[0]
        meeting = held_sessions(session, group.id)[0]
        member = group_svc.roster(session, meeting.id)[0]
        group_svc.save_session_feedback(session, meeting.id, member.person_id, rating=4, comment="Useful")
    rows = [dict(zip(t.header, r, strict=True)) for t in [_table(demo_store, "feedback")] for r in t.rows]
    assert [(r["Kind"], r["Flash session or group"], r["From ID"], r["Rating"], r["Comment"]) for r in rows] == [
        ("Group session", group.name, member.person_id, 4, "Useful")]
    assert isinstance(rows[0]["Session date"], date) and rows[0]["Round"] is None


# --------------------------------------------------------------------------- the files


@pytest.fixture
def formula_store(store: EventStore) -> EventStore:
    with store.session() as session:
        import_file(session, store.event_id, FORMULA_FILE)
        eve = session.scalars(select(Person).where(Person.first_name == "Eve")).one()
        checkin.check_in(session, eve.id, station="@front")
    return store


def test_csv_has_a_bom_and_formula_like_values_as_text(formula_store: EventStore, tmp_path: Path) -> None:
    with formula_store.read_session() as session:
        done = table_exports.export_table(session, formula_store.event_id, "people", tmp_path / "people.csv")
    raw = done.path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert tuple(rows[0]) == PEOPLE_HEADER
    eve = next(dict(zip(rows[0], r, strict=True)) for r in rows[1:] if r[1] == "Eve")
    assert eve["Organisation"] == "'" + HYPERLINK and eve["Check-in station"] == "'@front"
    assert eve["Title"] == "'+1 555 0100" and eve["Notes"] == "'@SUM(A1:A9)"
    assert not any(is_formula_like(cell) for row in rows for cell in row)
    assert eve["Checked in"] == "yes" and len(eve["Checked in at"]) == len("2026-01-02 10:11:12")


def test_xlsx_cells_are_typed_and_never_formulas(formula_store: EventStore, tmp_path: Path) -> None:
    with formula_store.read_session() as session:
        done = table_exports.export_table(session, formula_store.event_id, "people", tmp_path / "people.xlsx")
    sheet = load_workbook(done.path).active
    assert sheet is not None and sheet.title == "People" and sheet.freeze_panes == "A2"
    header = [c.value for c in sheet[1]]
    assert all(c.font.b for c in sheet[1])
    eve = next(row for row in sheet.iter_rows(min_row=2) if row[1].value == "Eve")
    cell = dict(zip(header, eve, strict=True))
    assert cell["ID"].data_type == "n" and isinstance(cell["ID"].value, int)
    assert cell["Checked in"].data_type == "b" and cell["Checked in"].value is True
    assert cell["Checked in at"].is_date and isinstance(cell["Checked in at"].value, datetime)
    organisation = cell["Organisation"]
    assert organisation.value == HYPERLINK and organisation.data_type == "s" and organisation.quotePrefix
    widths = {sheet.column_dimensions[c.column_letter].width for c in sheet[1]}
    assert min(widths) >= 8 and sheet.column_dimensions[cell["Checked in at"].column_letter].width >= 19


def test_the_open_event_file_is_refused_before_any_work(demo_store: EventStore, tmp_path: Path) -> None:
    assert demo_store.path is not None
    before = demo_store.path.read_bytes()
    disguised = tmp_path / "ev.csv"
    disguised.symlink_to(demo_store.path)
    with demo_store.read_session() as session, pytest.raises(OutputPathRefused, match="open event file"):
        table_exports.export_table(session, demo_store.event_id, "people", disguised)
    assert demo_store.path.read_bytes() == before
