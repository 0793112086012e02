"""Auto-forming: balance, topic grouping and department spread as measurable properties."""

from __future__ import annotations

import random

import pytest
from groups_fixtures import add_person
from hypothesis import given, settings
from hypothesis import strategies as st

from mentordesk.models import GroupKind, MemberRole, Role
from mentordesk.models.store import EventStore
from mentordesk.services.groups import (
    Candidate,
    GroupError,
    Proposal,
    accept_proposal,
    department_spread,
    form_groups,
    get_group,
    group_sizes,
    list_groups,
    move_in_proposal,
    propose_groups,
    rename_in_proposal,
    score_proposal,
    size_spread,
    topic_cohesion,
)

TOPICS = ["Robotics", "Art", "Music", "Maths", "Biology", "Drama"]


def mentee(i: int, topics: tuple[str, ...] = (), department: str = "") -> Candidate:
    return Candidate(i, f"Mentee {i:03d}", Role.MENTEE, department, topics)


def mentor(i: int, topics: tuple[str, ...] = ()) -> Candidate:
    return Candidate(1000 + i, f"Mentor {i:03d}", Role.MENTOR, "", topics)


people_strategy = st.lists(
    st.tuples(st.lists(st.sampled_from(TOPICS), max_size=3, unique=True), st.sampled_from(["", "7A", "7B", "8A"])),
    min_size=1, max_size=40,
).map(lambda rows: [mentee(i, tuple(t), d) for i, (t, d) in enumerate(rows)])


def _placed(p: Proposal) -> list[int]:
    return [i for g in p.groups for i in (*g.mentor_ids, *g.mentee_ids)] + list(p.unassigned)


@settings(max_examples=60, deadline=None)
@given(people=people_strategy, data=st.data())
def test_every_mentee_placed_once_and_sizes_differ_by_at_most_one(people: list[Candidate], data: st.DataObject) -> None:
    mentors = [mentor(i) for i in range(data.draw(st.integers(0, 8)))]
    if data.draw(st.booleans()):
        count = data.draw(st.integers(1, len(people)))
        p = form_groups(people + mentors, group_count=count)
        assert len(p.groups) == count
    else:
        size = data.draw(st.integers(1, 8))
        p = form_groups(people + mentors, group_size=size)
        assert max(len(g.mentee_ids) for g in p.groups) <= size
    assert sorted(_placed(p)) == sorted(c.person_id for c in people + mentors)
    assert size_spread(p) <= 1
    # Mentors: one per group while they last, never two in a group while another has none.
    counts = [len(g.mentor_ids) for g in p.groups]
    assert max(counts) - min(counts) <= 1
    assert sum(counts) == len(mentors)


@settings(max_examples=40, deadline=None)
@given(people=people_strategy, count=st.integers(1, 6), seed=st.integers(0, 1000))
def test_deterministic_whatever_the_input_order(people: list[Candidate], count: int, seed: int) -> None:
    count = min(count, len(people))
    shuffled = list(people)
    random.Random(seed).shuffle(shuffled)
    assert form_groups(people, group_count=count) == form_groups(shuffled, group_count=count)


@settings(max_examples=40, deadline=None)
@given(k=st.integers(2, 6), size=st.integers(2, 6), seed=st.integers(0, 1000))
def test_mentees_sharing_a_topic_end_up_together(k: int, size: int, seed: int) -> None:
    # k topic clusters of exactly one group's size, shuffled ids: a perfect grouping exists.
    people = [mentee(i, (TOPICS[i % k],)) for i in range(k * size)]
    random.Random(seed).shuffle(people)
    p = form_groups(people, group_count=k)
    assert topic_cohesion(p) == 1.0
    for g in p.groups:
        assert len({p.person(i).topics for i in g.mentee_ids}) == 1


def test_topic_grouping_beats_an_arbitrary_split() -> None:
    rng = random.Random(7)
    people = [mentee(i, tuple(rng.sample(TOPICS, 2)), rng.choice(["7A", "7B"])) for i in range(30)]
    p = form_groups(people, group_count=6)
    arbitrary = Proposal(tuple(g.__class__(g.name, g.kind, (), tuple(range(i * 5, i * 5 + 5)))
                               for i, g in enumerate(p.groups)), p.people)
    assert topic_cohesion(p) > topic_cohesion(arbitrary) + 0.2


@settings(max_examples=40, deadline=None)
@given(sizes=st.lists(st.integers(1, 12), min_size=1, max_size=4), k=st.integers(1, 8))
def test_departments_are_spread_when_there_are_no_topics(sizes: list[int], k: int) -> None:
    departments = [f"Grade {d + 7}" for d, n in enumerate(sizes) for _ in range(n)]
    people = [mentee(i, (), department) for i, department in enumerate(departments)]
    k = min(k, len(people))
    p = form_groups(people, group_count=k)
    assert department_spread(p) <= 1


def test_mentors_go_where_their_topics_are() -> None:
    people = [mentee(i, (TOPICS[i % 3],)) for i in range(12)]
    mentors = [mentor(0, ("Music",)), mentor(1, ("Robotics",)), mentor(2, ("Art",))]
    p = form_groups(people + mentors, group_count=3)
    for g in p.groups:
        (m,) = g.mentor_ids
        assert set(p.person(m).topics) == {p.person(i).topics[0] for i in g.mentee_ids}
    assert score_proposal(p).groups_without_mentor == 0


def test_sizes_and_refusals() -> None:
    assert group_sizes(30, group_count=6) == [5] * 6
    assert group_sizes(31, group_size=5) == [5, 5, 5, 4, 4, 4, 4]
    assert group_sizes(7, group_count=3) == [3, 2, 2]
    for kwargs, message in (({"group_count": 3, "group_size": 2}, "either"), ({}, "either"),
                            ({"group_count": 0}, "at least one"), ({"group_count": 9}, "need at least")):
        with pytest.raises(GroupError, match=message):
            group_sizes(8, **kwargs)
    with pytest.raises(GroupError, match="nobody"):
        form_groups([mentor(1)], group_count=1)


def test_warnings_for_missing_mentors_and_peer_circles() -> None:
    people = [mentee(i) for i in range(6)]
    p = form_groups([*people, mentor(1)], group_count=3)
    assert p.warnings == ("2 of 3 groups have no mentor (only 1 mentors).",)
    assert score_proposal(p).groups_without_mentor == 2
    circles = form_groups([*people, mentor(1)], group_count=2, kind=GroupKind.PEER_CIRCLE)
    assert circles.unassigned == (1001,) and "left out" in circles.warnings[0]


def test_pairs_and_reverse_mentoring_are_named_and_roled_by_kind(store: EventStore) -> None:
    seniors = [add_person(store, f"Exec{i}", "Senior", Role.MENTOR) for i in range(3)]
    juniors = [add_person(store, f"Junior{i}", "Analyst") for i in range(3)]
    with store.session() as s:
        p = propose_groups(s, store.event_id, group_size=1, kind=GroupKind.REVERSE)
        assert [g.name for g in p.groups] == ["Reverse pair 1", "Reverse pair 2", "Reverse pair 3"]
        ids = accept_proposal(s, store.event_id, p)
        roles = {m.person_id: m.role for gid in ids for m in get_group(s, gid).members}
        pairs = propose_groups(s, store.event_id, group_size=1, kind=GroupKind.ONE_ON_ONE)
    assert {roles[i] for i in seniors} == {MemberRole.MENTEE}
    assert {roles[i] for i in juniors} == {MemberRole.MENTOR}
    assert [g.name for g in pairs.groups] == ["Pair 1", "Pair 2", "Pair 3"]


def test_adjust_then_accept_writes_the_groups(store: EventStore) -> None:
    rng = random.Random(3)
    mentors = [add_person(store, f"Mentor{i}", "Alum", Role.MENTOR, topics=(TOPICS[i],)) for i in range(6)]
    mentees = [add_person(store, f"Student{i}", "Class", department=rng.choice(["9A", "9B", "9C"]),
                          topics=tuple(rng.sample(TOPICS, 2))) for i in range(30)]
    with store.session() as s:
        from mentordesk.services.groups import create_group
        create_group(s, store.event_id, "Group 1")  # an existing name is skipped
        p = propose_groups(s, store.event_id, group_count=6)
    assert [g.name for g in p.groups] == [f"Group {i}" for i in range(2, 8)]
    score = score_proposal(p)
    assert score.size_spread == 0 and score.groups_without_mentor == 0 and score.department_spread <= 2
    moved = mentees[0]
    target = next(i for i, g in enumerate(p.groups) if moved not in g.mentee_ids)
    p = move_in_proposal(p, moved, target)
    p = rename_in_proposal(p, 0, "Robotics Crew")
    assert moved in p.groups[target].mentee_ids
    assert sorted(_placed(p)) == sorted(mentors + mentees)
    with store.session() as s:
        ids = accept_proposal(s, store.event_id, p)
        with pytest.raises(GroupError, match="already a group"):
            accept_proposal(s, store.event_id, p)
    with store.read_session() as s:
        assert len(ids) == 6
        details = get_group(s, ids[0])
        assert details.name == "Robotics Crew"
        assert sum(1 for m in details.members if m.role is MemberRole.MENTOR) == 1
        assert sum(g.member_count for g in list_groups(s, store.event_id)) == 36
        assert moved in {m.person_id for m in get_group(s, ids[target]).members}
