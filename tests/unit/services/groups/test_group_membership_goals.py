"""Groups and members (several groups per person, moves), notes, feedback, goals and history."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

import pytest
from groups_fixtures import add_person, small_group

from mentordesk.models import AttendanceStatus, GoalStatus, GroupKind, MemberRole, Role
from mentordesk.models.store import EventStore
from mentordesk.services.groups import (
    GroupError,
    Recurrence,
    SessionPlan,
    add_goal,
    add_member,
    available_people,
    create_group,
    delete_group,
    delete_progress,
    find_group_id,
    get_goal,
    get_group,
    get_notes,
    list_goals,
    list_groups,
    member_history,
    move_member,
    record_progress,
    remove_member,
    rename_group,
    save_notes,
    save_session_feedback,
    schedule_sessions,
    session_feedback,
    set_attendance,
    set_member_role,
    update_goal,
    update_group,
)

NOW = datetime(2027, 3, 1, tzinfo=UTC)


def test_groups_of_every_kind_with_one_mentee_in_several(store: EventStore) -> None:
    group_id, mentor, mentees = small_group(store)
    zoe = mentees[1]
    with store.session() as s:
        pair = create_group(s, store.event_id, "Zoë & Amara", GroupKind.ONE_ON_ONE)
        circle = create_group(s, store.event_id, "Peer circle", GroupKind.PEER_CIRCLE, topic="Study skills")
        reverse = create_group(s, store.event_id, "Reverse", GroupKind.REVERSE)
        assert add_member(s, pair, zoe) is MemberRole.MENTEE
        assert add_member(s, circle, zoe) is MemberRole.PEER
        assert add_member(s, circle, mentor) is MemberRole.PEER
        assert add_member(s, reverse, zoe) is MemberRole.MENTOR  # the junior mentors the senior
        assert add_member(s, reverse, mentor) is MemberRole.MENTEE
        with pytest.raises(GroupError, match="already in"):
            add_member(s, pair, zoe)
        with pytest.raises(GroupError, match="already a group"):
            create_group(s, store.event_id, "robotics")
        with pytest.raises(GroupError, match="name"):
            create_group(s, store.event_id, "   ")
        summaries = {g.name: g for g in list_groups(s, store.event_id)}
    assert [g for g in summaries] == ["Peer circle", "Reverse", "Robotics", "Zoë & Amara"]
    assert summaries["Robotics"].mentor_count == 1 and summaries["Robotics"].mentee_count == 4
    assert summaries["Robotics"].mentor_names == ("Amara Okafor",)
    assert summaries["Reverse"].mentor_names == ("Zoë Šimůnek",)
    assert summaries["Peer circle"].peer_count == 2 and summaries["Peer circle"].topic == "Study skills"
    assert summaries["Reverse"].kind is GroupKind.REVERSE
    with store.read_session() as s:
        assert find_group_id(s, store.event_id, "ZOE & amara") == pair
        assert find_group_id(s, store.event_id, str(group_id)) == group_id
        with pytest.raises(GroupError, match="groups: Peer circle, Reverse, Robotics, Zoë & Amara"):
            find_group_id(s, store.event_id, "Chess")


def test_move_rename_update_remove_delete(store: EventStore) -> None:
    group_id, _mentor, mentees = small_group(store)
    newcomer = add_person(store, "Nia", "Mensah")
    with store.session() as s:
        other = create_group(s, store.event_id, "Art Club")
        circle = create_group(s, store.event_id, "Circle", GroupKind.PEER_CIRCLE)
        assert move_member(s, mentees[0], group_id, other) is MemberRole.MENTEE
        assert move_member(s, mentees[0], other, circle) is MemberRole.PEER
        assert move_member(s, mentees[0], circle, group_id) is MemberRole.MENTEE  # event role again
        reverse = create_group(s, store.event_id, "Reverse", GroupKind.REVERSE)
        assert move_member(s, mentees[0], group_id, reverse) is MemberRole.MENTOR
        assert move_member(s, mentees[0], reverse, group_id) is MemberRole.MENTEE
        assert move_member(s, mentees[0], group_id, other, MemberRole.PEER) is MemberRole.PEER
        assert move_member(s, mentees[0], other, group_id) is MemberRole.PEER  # same kind: role kept
        set_member_role(s, group_id, mentees[0], MemberRole.MENTEE)
        add_member(s, other, mentees[1])
        with pytest.raises(GroupError, match="already in Art Club"):
            move_member(s, mentees[1], group_id, other)
        assert mentees[1] in {m.person_id for m in get_group(s, group_id).members}
        with pytest.raises(GroupError, match="different group"):
            move_member(s, mentees[1], group_id, group_id)
        set_member_role(s, group_id, mentees[2], MemberRole.PEER)
        rename_group(s, other, "Art & Design Club")
        update_group(s, other, topic="Design", location="Studio 3", archived=True)
        remove_member(s, group_id, mentees[3])
        with pytest.raises(GroupError, match="not in this group"):
            remove_member(s, group_id, mentees[3])
        free = {c.person_id for c in available_people(s, store.event_id, exclude_group_id=group_id)}
        assert free == {mentees[3], newcomer}
        pool = available_people(s, store.event_id, only_ungrouped=True)
        assert {c.person_id for c in pool} == {mentees[3], newcomer}
        assert [c.name for c in pool] == ["Björn Åberg", "Nia Mensah"]
        details = get_group(s, other)
        assert (details.name, details.topic, details.location, details.archived) == (
            "Art & Design Club", "Design", "Studio 3", True)
        assert {m.person_id: m.role for m in get_group(s, group_id).members}[mentees[2]] is MemberRole.PEER
        assert [g.name for g in list_groups(s, store.event_id, include_archived=False)] == [
            "Circle", "Reverse", "Robotics"]
        delete_group(s, other)
        assert [g.name for g in list_groups(s, store.event_id)] == ["Circle", "Reverse", "Robotics"]
        assert get_group(s, group_id).members[0].event_role is Role.MENTEE


def test_notes_and_feedback_per_session(store: EventStore) -> None:
    group_id, mentor, mentees = small_group(store)
    outsider = add_person(store, "Walk", "In")
    with store.session() as s:
        (one,) = schedule_sessions(s, group_id, SessionPlan(date(2027, 2, 1), time(16, 0), timezone="UTC"))
        save_notes(s, one, agenda="1. Updates\n2. Sensors ")
        notes = save_notes(s, one, discussion="Line followers", actions="Order parts")
        assert (notes.agenda, notes.discussion, notes.actions) == ("1. Updates\n2. Sensors", "Line followers",
                                                                   "Order parts")
        assert get_notes(s, one) == notes
        first = save_session_feedback(s, one, mentees[0], rating=5, comment="Great")
        assert save_session_feedback(s, one, mentees[0], rating=4, comment="Good") == first
        save_session_feedback(s, one, mentor, rating=None, comment="Lively group")
        with pytest.raises(GroupError, match="1 to 5"):
            save_session_feedback(s, one, mentees[1], rating=6)
        with pytest.raises(GroupError, match="Only members"):
            save_session_feedback(s, one, outsider, rating=3)
        rows = session_feedback(s, one)
        assert [(r.author_id, r.rating, r.comment) for r in rows] == [(mentees[0], 4, "Good"),
                                                                      (mentor, None, "Lively group")]
        assert save_session_feedback(s, one, mentor, rating=None, comment=" ") is None
        assert len(session_feedback(s, one)) == 1


def test_goals_with_dated_progress(store: EventStore) -> None:
    group_id, _mentor, mentees = small_group(store)
    with store.session() as s:
        goal = add_goal(s, mentees[0], "Give a lightning talk", group_id=group_id, target_on=date(2027, 6, 1))
        assert get_goal(s, goal).progress == 0
        record_progress(s, goal, 20, "Picked a topic", on=date(2027, 2, 1))
        later = record_progress(s, goal, 60, "Rehearsed once", on=date(2027, 3, 1))
        record_progress(s, goal, 40, "Outline", on=date(2027, 2, 15))
        info = get_goal(s, goal)
        assert info.progress == 60 and info.group_name == "Robotics"
        assert [(e.recorded_on.month, e.percent) for e in info.entries] == [(2, 20), (2, 40), (3, 60)]
        delete_progress(s, later)
        assert get_goal(s, goal).progress == 40
        with pytest.raises(GroupError, match="0 to 100"):
            record_progress(s, goal, 101)
        with pytest.raises(GroupError, match="title"):
            add_goal(s, mentees[0], "  ")
        update_goal(s, goal, status=GoalStatus.ACHIEVED, target_on=None)
        assert get_goal(s, goal).status is GoalStatus.ACHIEVED and get_goal(s, goal).target_on is None
        add_goal(s, mentees[0], "Read two books")
        assert [g.title for g in list_goals(s, person_id=mentees[0])] == ["Give a lightning talk", "Read two books"]
        assert [g.title for g in list_goals(s, group_id=group_id)] == ["Give a lightning talk"]


def test_history_across_groups(store: EventStore) -> None:
    group_id, _mentor, mentees = small_group(store)
    zoe = mentees[1]
    with store.session() as s:
        pair = create_group(s, store.event_id, "Pair", GroupKind.ONE_ON_ONE)
        add_member(s, pair, zoe)
        weekly = schedule_sessions(s, group_id, SessionPlan(date(2027, 2, 1), time(16, 0), timezone="UTC",
                                                            topic="Sensors", recurrence=Recurrence(count=6)))
        pair_sessions = schedule_sessions(s, pair, SessionPlan(date(2027, 2, 3), time(9, 0), timezone="UTC",
                                                               recurrence=Recurrence(count=2)))
        for session_id, status in zip(weekly[:4], "PPLA", strict=True):
            set_attendance(s, session_id, zoe, {"P": AttendanceStatus.PRESENT, "L": AttendanceStatus.LATE,
                                                "A": AttendanceStatus.ABSENT}[status])
        set_attendance(s, pair_sessions[0], zoe, AttendanceStatus.EXCUSED)
        add_goal(s, zoe, "Build a robot", group_id=group_id)
        history = member_history(s, zoe, now=NOW)
    assert [g.name for g in history.groups] == ["Pair", "Robotics"]
    robotics = history.groups[1]
    assert (robotics.stats.held, robotics.stats.attended, robotics.stats.absent) == (4, 3, 1)
    assert history.groups[0].stats.excused == 1 and history.groups[0].stats.unmarked == 1
    assert len(history.sessions) == 6
    assert history.sessions[0].topic == "Sensors" and history.sessions[0].status is AttendanceStatus.PRESENT
    assert history.stats.rate == pytest.approx(3 / 4)
    assert [g.title for g in history.goals] == ["Build a robot"]
