"""Auto-forming at the size of a big programme (2,000 people): balanced, reporting progress, and
stoppable. How long it takes is measured in ``bench/groups.py``, not here."""

from __future__ import annotations

import random
from collections import Counter

import pytest
from groups_fixtures import add_person
from hypothesis import given
from hypothesis import strategies as st

from mentordesk.models import Role
from mentordesk.models.store import EventStore
from mentordesk.services.groups import (
    Candidate,
    FormingCancelled,
    Proposal,
    form_groups,
    list_groups,
    move_in_proposal,
    propose_groups,
    score_proposal,
    topic_cohesion,
)

TOPICS = ["Robotics", "Art", "Music", "Football", "Coding", "Writing", "Biology", "Drama", "Chess", "History"]


def programme(mentees: int, mentors: int) -> list[Candidate]:
    rng = random.Random(7)
    people = [Candidate(i, f"Mentee {i}", Role.MENTEE, rng.choice(["9A", "9B", "9C", "10A"]),
                        tuple(rng.sample(TOPICS, 2))) for i in range(mentees)]
    return people + [Candidate(10_000 + i, f"Mentor {i}", Role.MENTOR, "", tuple(rng.sample(TOPICS, 2)))
                     for i in range(mentors)]


def test_two_thousand_people_are_formed_balanced_with_progress() -> None:
    people = programme(1800, 200)
    reported: list[float] = []
    p = form_groups(people, group_count=200, progress=reported.append)
    placed = Counter(i for g in p.groups for i in (*g.mentor_ids, *g.mentee_ids))
    assert sorted(placed) == sorted(c.person_id for c in people) and set(placed.values()) == {1}
    score = score_proposal(p)
    assert score.size_spread == 0 and score.groups_without_mentor == 0
    assert all(len(g.mentor_ids) == 1 for g in p.groups)
    assert score.topic_cohesion > 0.9  # nine in ten group-mates share a topic
    assert score.department_spread <= 9  # 450 per grade over 200 groups of 9: none piled up
    assert reported == sorted(reported) and reported[0] < 0.1 and reported[-1] == 1.0
    assert len(reported) > 20  # often enough for a progress bar to move


def test_six_big_groups_from_two_thousand() -> None:
    p = form_groups(programme(2000, 0), group_count=6)
    assert {len(g.mentee_ids) for g in p.groups} == {333, 334}
    assert score_proposal(p).topic_cohesion > 0.8


def test_cancel_stops_forming_at_once() -> None:
    calls: list[float] = []
    stop = False

    def progress(fraction: float) -> None:
        nonlocal stop
        calls.append(fraction)
        stop = len(calls) >= 3  # the user presses Stop while the third report is shown

    with pytest.raises(FormingCancelled, match="Stopped"):
        form_groups(programme(1800, 200), group_count=200, progress=progress, cancelled=lambda: stop)
    assert len(calls) == 3  # nothing more was worked on after the stop


def test_propose_groups_passes_the_hooks_and_writes_nothing(store: EventStore) -> None:
    for i in range(12):
        add_person(store, f"Pat{i}", "Lee", Role.MENTEE, topics=["Art"])
    with store.session() as s, pytest.raises(FormingCancelled):
        propose_groups(s, store.event_id, group_count=3, cancelled=lambda: True)
    reported: list[float] = []
    with store.session() as s:
        p = propose_groups(s, store.event_id, group_count=3, progress=reported.append)
        assert len(p.groups) == 3 and reported[-1] == 1.0
        assert list_groups(s, store.event_id) == []


def _cohesion_by_pairs(p: Proposal) -> float:
    """topic_cohesion as its docstring says it, one pair at a time."""
    by_id = {c.person_id: c for c in p.people}
    shares = []
    for g in p.groups:
        members = [by_id[i] for i in g.mentee_ids]
        for c in members:
            mates = [o for o in members if o is not c]
            if mates:
                shares.append(sum(1 for o in mates if set(c.topics) & set(o.topics)) / len(mates))
    return sum(shares) / len(shares) if shares else 0.0


@given(st.integers(1, 12), st.integers(0, 10_000), st.lists(st.tuples(st.integers(0, 59), st.integers(0, 12))))
def test_topic_cohesion_counted_by_topic_sets_is_the_pairwise_figure(k: int, seed: int,
                                                                     moves: list[tuple[int, int]]) -> None:
    rng = random.Random(seed)
    people = [Candidate(i, f"P{i}", Role.MENTEE, "", tuple(rng.sample(TOPICS[:5], rng.randint(0, 2))))
              for i in range(60)]
    p = form_groups(people, group_count=k)
    for person, group in moves:  # adjusted by hand: uneven groups, some left out
        p = move_in_proposal(p, person, group if group < k else None)
    assert topic_cohesion(p) == pytest.approx(_cohesion_by_pairs(p))
