"""The .ics export read back with the icalendar library, and the groups / export calendar commands."""

from __future__ import annotations

import json
from datetime import date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest
from groups_fixtures import small_group

from mentordesk import cli
from mentordesk.models import AttendanceStatus
from mentordesk.models.store import EventStore
from mentordesk.services.groups import (
    Recurrence,
    SessionMode,
    SessionPlan,
    calendar_ics,
    cancel_session,
    create_group,
    move_session,
    schedule_sessions,
    set_attendance,
)

BERLIN = ZoneInfo("Europe/Berlin")


def _term(store: EventStore) -> tuple[int, int, tuple[int, ...], list[int]]:
    group_id, mentor, mentees = small_group(store, "Robotics Circle")
    with store.session() as s:
        ids = schedule_sessions(s, group_id, SessionPlan(
            date(2027, 3, 16), time(18, 0), 90, "Lab 2.14", topic="Sensors", timezone="Europe/Berlin",
            recurrence=Recurrence(count=4)))
        cancel_session(s, ids[1])
        move_session(s, ids[2], date(2027, 4, 1), time(17, 0))
        other = create_group(s, store.event_id, "Career Switchers")
        schedule_sessions(s, other, SessionPlan(date(2027, 3, 17), time(9, 0), mode=SessionMode.REMOTE,
                                                meeting_url="https://meet.example.org/cs", timezone="America/New_York"))
    return group_id, mentor, ids, mentees


def test_calendar_has_one_event_per_session_with_zone_uid_and_details(store: EventStore) -> None:
    group_id, _mentor, _ids, _mentees = _term(store)
    with store.session() as s:
        first = calendar_ics(s, store.event_id)
        again = calendar_ics(s, store.event_id)
        only_group = calendar_ics(s, store.event_id, group_id=group_id)
    cal = icalendar.Calendar.from_ical(first)
    events = cal.walk("VEVENT")
    assert len(events) == 4  # 4 + 1 sessions, one cancelled
    uids = [str(e["UID"]) for e in events]
    assert len(set(uids)) == 4
    assert uids == [str(e["UID"]) for e in icalendar.Calendar.from_ical(again).walk("VEVENT")]
    zones = {str(tz["TZID"]) for tz in cal.walk("VTIMEZONE")}
    assert zones == {"Europe/Berlin", "America/New_York"}

    robotics = [e for e in events if str(e["SUMMARY"]).startswith("Robotics")]
    # 23 March was cancelled, 30 March moved to 1 April 17:00.
    assert [e.decoded("DTSTART") for e in robotics] == [
        datetime(2027, 3, 16, 18, 0, tzinfo=BERLIN), datetime(2027, 4, 1, 17, 0, tzinfo=BERLIN),
        datetime(2027, 4, 6, 18, 0, tzinfo=BERLIN)]
    start = robotics[0]["DTSTART"]
    assert start.params["TZID"] == "Europe/Berlin"
    assert robotics[0].decoded("DTEND") - robotics[0].decoded("DTSTART") == timedelta(minutes=90)
    assert robotics[0]["DTEND"].params["TZID"] == "Europe/Berlin" and "DURATION" not in robotics[0]
    assert str(robotics[0]["SUMMARY"]) == "Robotics Circle — Sensors"
    assert str(robotics[0]["LOCATION"]) == "Lab 2.14"
    assert "Topic: Sensors" in str(robotics[0]["DESCRIPTION"])
    assert int(robotics[1]["SEQUENCE"]) == 1  # the moved one
    # After the spring change, still 18:00 local, one hour earlier in UTC.
    assert robotics[-1].decoded("DTSTART").astimezone(ZoneInfo("UTC")).hour == 16

    remote = next(e for e in events if str(e["SUMMARY"]).startswith("Career"))
    assert str(remote["URL"]) == "https://meet.example.org/cs"
    assert str(remote["LOCATION"]) == "Online"
    assert remote["DTSTART"].params["TZID"] == "America/New_York"

    assert len(icalendar.Calendar.from_ical(only_group).walk("VEVENT")) == 3
    assert first.startswith(b"BEGIN:VCALENDAR\r\n") and b"VERSION:2.0" in first


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = cli.main(args)
    out, err = capsys.readouterr()
    return code, out, err


def test_groups_json_lists_kind_members_and_sessions_with_attendance(
        store: EventStore, event_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _group_id, mentor, ids, mentees = _term(store)
    with store.session() as s:
        set_attendance(s, ids[0], mentor, AttendanceStatus.PRESENT)
        set_attendance(s, ids[0], mentees[0], AttendanceStatus.LATE)
        set_attendance(s, ids[0], mentees[1], AttendanceStatus.EXCUSED)
    store.close()
    code, out, _err = _run(["groups", "--event", str(event_path), "--json"], capsys)
    assert code == 0
    data = json.loads(out)
    assert [g["name"] for g in data] == ["Career Switchers", "Robotics Circle"]
    robotics = data[1]
    assert robotics["kind"] == "group"
    # Sign-in order: surname, accents and case ignored (Ødegård files as "odegard", before Okafor).
    assert [m["name"] for m in robotics["members"]] == ["Björn Åberg", "anna Ødegård", "Amara Okafor",
                                                        "Zoë Šimůnek", "Émile Zola"]
    assert {m["id"]: m["role"] for m in robotics["members"]}[mentor] == "mentor"
    first = robotics["sessions"][0]
    assert first["start"] == "2027-03-16T18:00:00+01:00" and first["timezone"] == "Europe/Berlin"
    assert first["duration"] == first["duration_minutes"] == 90 and first["location"] == "Lab 2.14"
    assert first["end"] == "2027-03-16T19:30:00+01:00"
    assert first["attendance"] == {"present": 1, "late": 1, "absent": 0, "excused": 1, "unmarked": 2}
    assert robotics["sessions"][1]["cancelled"] is True and robotics["sessions"][2]["moved"] is True
    assert data[0]["sessions"][0]["mode"] == "remote"


def test_export_calendar_command_writes_the_file_and_names_known_groups_on_a_typo(
        store: EventStore, event_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _term(store)
    store.close()
    out_file = tmp_path / "term.ics"
    code, out, _err = _run(["export", "calendar", "--event", str(event_path), "-o", str(out_file),
                            "--group", "robotics circle"], capsys)
    assert code == 0 and "3 sessions" in out
    assert len(icalendar.Calendar.from_ical(out_file.read_bytes()).walk("VEVENT")) == 3
    code, _out, err = _run(["export", "calendar", "--event", str(event_path), "-o", str(out_file),
                            "--group", "Chess"], capsys)
    assert code != 0
    assert err.strip().count("\n") == 0
    assert "Chess" in err and "Career Switchers, Robotics Circle" in err
    code, _out, err = _run(["export", "calendar", "--event", str(event_path), "-o",
                            str(tmp_path / "no-such-folder" / "x.ics")], capsys)
    assert code != 0 and err.startswith("mentordesk: error: cannot write") and err.count("\n") == 1
    assert not list(tmp_path.glob("**/.*.partial"))
    code, out, _err = _run(["groups", "--event", str(event_path)], capsys)
    assert code == 0 and "Robotics Circle (group): 5 members, 3 sessions" in out
