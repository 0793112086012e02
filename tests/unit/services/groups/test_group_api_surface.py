"""The groups package's public API: everything exported exists and is listed in its docstring."""

from __future__ import annotations

import dataclasses
import inspect

import pytest
from groups_fixtures import add_person, small_group

from mentordesk.models.store import EventStore
from mentordesk.services import groups


def test_every_export_exists_and_is_documented() -> None:
    doc = groups.__doc__ or ""
    for name in groups.__all__:
        assert hasattr(groups, name), name
        assert name in doc, f"{name} is exported but not listed in the package docstring"
    public = {n for n, v in vars(groups).items()
              if not n.startswith("_") and (inspect.isfunction(v) or inspect.isclass(v))}
    assert public <= set(groups.__all__)


def test_returned_records_are_frozen() -> None:
    for name in groups.__all__:
        value = getattr(groups, name)
        if dataclasses.is_dataclass(value):
            assert value.__dataclass_params__.frozen, name  # type: ignore[attr-defined]


def test_free_notes_about_people_groups_and_sessions(store: EventStore) -> None:
    group_id, _mentor, mentees = small_group(store)
    other = add_person(store, "Nia", "Mensah")
    with store.session() as s:
        first = groups.add_note(s, "Good energy today", group_id=group_id, author=" Amara  Okafor ")
        groups.add_note(s, "Wants to try public speaking", person_id=mentees[0], group_id=group_id)
        groups.add_note(s, "Met at the fair", person_id=other)
        assert [n.body for n in groups.list_notes(s, group_id=group_id)] == ["Good energy today",
                                                                           "Wants to try public speaking"]
        assert groups.list_notes(s, group_id=group_id)[0].author == "Amara Okafor"
        assert len(groups.list_notes(s, person_id=mentees[0], group_id=group_id)) == 1
        groups.delete_note(s, first)
        assert len(groups.list_notes(s, group_id=group_id)) == 1
        with pytest.raises(groups.GroupError, match="empty"):
            groups.add_note(s, "  ", group_id=group_id)
        with pytest.raises(groups.GroupError, match="about"):
            groups.add_note(s, "Who is this about?")


def test_plain_strings_work_where_enums_are_expected(store: EventStore) -> None:
    """Qt item data hands enums back as plain strings; the services take either."""
    from datetime import date, time

    group_id, _mentor, mentees = small_group(store)
    with store.session() as s:
        circle = groups.create_group(s, store.event_id, "Circle", "peer_circle")  # type: ignore[arg-type]
        assert groups.add_member(s, circle, mentees[0], "peer") is groups.MemberRole.PEER  # type: ignore[arg-type]
        plan = groups.SessionPlan(date(2027, 1, 12), time(9, 0), mode="in_person",  # type: ignore[arg-type]
                                  timezone="UTC", recurrence=groups.Recurrence("monthly_weekday", count=2))  # type: ignore[arg-type]
        ids = groups.schedule_sessions(s, group_id, plan)
        assert groups.describe_recurrence(plan.starts_on, plan.recurrence) == "monthly on the 2nd Tuesday, 2 times"
        groups.set_attendance(s, ids[0], mentees[0], "late")  # type: ignore[arg-type]
        assert groups.set_attendance_many(s, ids[0], {mentees[0]: "late"}) == 0  # type: ignore[dict-item]
        marks = {r.person_id: r.status for r in groups.roster(s, ids[0])}
        assert marks[mentees[0]] is groups.AttendanceStatus.LATE
        groups.update_group(s, circle, kind="reverse")  # type: ignore[arg-type]
        assert groups.get_group(s, circle).kind is groups.GroupKind.REVERSE
