"""Feedback on flash meetings in a real event file: meetings, upsert, validation, mutual follow-ups."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from mentordesk.models import Feedback, FlashRound, Person, Role, utcnow
from mentordesk.models.normalize import fold
from mentordesk.models.store import EventStore
from mentordesk.services import checkin, roster
from mentordesk.services import feedback as fb
from mentordesk.services.flash import (
    load_plan,
    load_problem,
    plan,
    replan_saved,
    save_plan,
)
from mentordesk.services.roster import PersonInput


def _planned(store: EventStore, rounds: int = 3, seats: int = 1) -> int:
    with store.session() as session:
        problem = load_problem(session, store.event_id, rounds=rounds, seats=seats)
        return save_plan(session, store.event_id, plan(problem).plan, minutes=7)


def _small_event(store: EventStore, consent: dict[str, bool]) -> dict[str, int]:
    """Two mentors and two mentees, all checked in; ``consent`` by first name."""
    ids = {}
    with store.session() as session:
        for first, last, role in (("Amara", "Okafor", Role.MENTOR), ("Björn", "Ødegård", Role.MENTOR),
                                  ("Zoë", "Šimůnek", Role.MENTEE), ("Анна", "Соколова", Role.MENTEE)):
            pid = roster.add_person(session, store.event_id, PersonInput(
                first, last, role=role, email=f"{fold(first)}@example.org",
                consent_share_contact=consent.get(first, True)))
            checkin.check_in(session, pid)
            ids[first] = pid
    return ids


def test_meetings_follow_the_saved_plan_sorted_like_paper_cards(demo_store: EventStore) -> None:
    flash_id = _planned(demo_store, rounds=4, seats=2)
    with demo_store.read_session() as session:
        found = fb.meetings(session, flash_id)
        saved = load_plan(session, flash_id)
        assert fb.meetings(session, event_id=demo_store.event_id) == found
        last = {p.id: (fold(p.last_name), fold(p.first_name)) for p in session.scalars(select(Person))}
    expected = {(r.number, t.number, mentee, t.mentor) for r in saved.rounds for t in r.tables
                if not t.on_break for mentee in t.mentees}
    assert {(m.round_number, m.table_number, m.mentee_id, m.mentor_id) for m in found} == expected
    keys = [(*last[m.mentee_id], m.mentee_id, m.round_number) for m in found]
    assert keys == sorted(keys)
    assert all(m.rating is None and not m.mentee_has_feedback for m in found)


def test_no_plan_means_no_meetings(store: EventStore) -> None:
    with store.read_session() as session:
        assert fb.meetings(session, event_id=store.event_id) == ()
        assert fb.feedback_board(session, store.event_id).flash_session_id is None
        summary = fb.feedback_summary(session, event_id=store.event_id)
    assert (summary.meetings, summary.ratings, summary.average_rating) == (0, 0, None)


def test_record_is_an_upsert_keeping_untouched_fields(demo_store: EventStore) -> None:
    flash_id = _planned(demo_store)
    with demo_store.session() as session:
        meeting = fb.meetings(session, flash_id)[0]
        fb.record_mentee_feedback(session, meeting, rating=4)
        fb.record_mentee_feedback(session, meeting, wants_follow_up=True)
        entry = fb.record_mentee_feedback(session, meeting, comment="  Very helpful — thank you!  ")
        assert (entry.rating, entry.wants_follow_up, entry.comment) == (4, True, "Very helpful — thank you!")
        fb.record_mentee_feedback(session, meeting, rating=5)
    with demo_store.read_session() as session:
        assert session.scalar(select(func.count(Feedback.id))) == 1
        again = next(m for m in fb.meetings(session, flash_id) if m.key == meeting.key)
    assert (again.rating, again.wants_follow_up, again.comment, again.mentee_has_feedback) == (
        5, True, "Very helpful — thank you!", True)
    assert not again.mentor_has_feedback


def test_clearing_everything_removes_the_row(demo_store: EventStore) -> None:
    flash_id = _planned(demo_store)
    with demo_store.session() as session:
        meeting = fb.meetings(session, flash_id)[0]
        fb.record_mentee_feedback(session, meeting, rating=2, comment="x")
        fb.record_mentee_feedback(session, meeting, rating=None, comment="")
        assert session.scalar(select(func.count(Feedback.id))) == 0
        # An empty first record writes nothing either.
        fb.record_mentee_feedback(session, meeting, wants_follow_up=False)
        assert session.scalar(select(func.count(Feedback.id))) == 0


@pytest.mark.parametrize("rating", [0, 6, -1, True, 3.5, "4"])
def test_ratings_outside_one_to_five_are_refused(demo_store: EventStore, rating: object) -> None:
    flash_id = _planned(demo_store)
    with demo_store.session() as session:
        meeting = fb.meetings(session, flash_id)[0]
        with pytest.raises(fb.FeedbackError, match="from 1 to 5"):
            fb.record_mentee_feedback(session, meeting, rating=rating)  # type: ignore[arg-type]


def test_only_real_meetings_take_feedback(demo_store: EventStore) -> None:
    flash_id = _planned(demo_store, rounds=2)
    with demo_store.session() as session:
        found = fb.meetings(session, flash_id)
        first = found[0]
        met = {(m.mentee_id, m.mentor_id, m.round_number) for m in found}
        other_mentor = next(m.mentor_id for m in found if (first.mentee_id, m.mentor_id, first.round_number) not in met)
        with pytest.raises(fb.FeedbackError, match="did not meet at a table in round"):
            fb.record_feedback(session, flash_id, first.round_number, author_id=first.mentee_id,
                               about_person_id=other_mentor, rating=3)
        with pytest.raises(fb.FeedbackError, match="did not meet"):
            fb.record_feedback(session, flash_id, 99, author_id=first.mentee_id, about_person_id=first.mentor_id,
                               rating=3)
        with pytest.raises(fb.FeedbackError, match="not oneself"):
            fb.record_feedback(session, flash_id, 1, author_id=first.mentee_id, about_person_id=first.mentee_id)
        with pytest.raises(fb.FeedbackError, match="no flash session"):
            fb.record_feedback(session, flash_id + 100, 1, author_id=first.mentee_id,
                               about_person_id=first.mentor_id)
        with pytest.raises(fb.FeedbackError, match="at most"):
            fb.record_mentee_feedback(session, first, comment="x" * (fb.COMMENT_MAX_CHARS + 1))
        # Two mentees at different tables, or two mentors, never "met".
        mentee_b = next(m.mentee_id for m in found if m.mentee_id != first.mentee_id)
        with pytest.raises(fb.FeedbackError, match="did not meet"):
            fb.record_feedback(session, flash_id, first.round_number, author_id=first.mentee_id,
                               about_person_id=mentee_b, wants_follow_up=True)
        assert session.scalar(select(func.count(Feedback.id))) == 0


def test_mutual_follow_ups_need_both_yes_and_both_consents(store: EventStore) -> None:
    ids = _small_event(store, consent={"Björn": False})
    flash_id = _planned(store, rounds=2)
    with store.session() as session:
        found = fb.meetings(session, flash_id)
        assert len(found) == 4  # two rounds, each mentee meets each mentor once
        for m in found:
            fb.record_mentee_feedback(session, m, wants_follow_up=True, rating=5)
            # Amara says yes to everyone, Björn only to Zoë.
            if m.mentor_id == ids["Amara"] or m.mentee_id == ids["Zoë"]:
                fb.record_mentor_feedback(session, m, wants_follow_up=True)
        # Anna asked, but the mentor did not: one-sided, so not mutual.
        one_sided = next(m for m in found if m.mentee_id == ids["Анна"] and m.mentor_id == ids["Björn"])
        assert one_sided.mentor_id == ids["Björn"]
    with store.read_session() as session:
        result = fb.mutual_follow_ups(session, flash_id)
        assert fb.mutual_follow_ups(session, event_id=store.event_id) == result
    pairs = {(f.mentee.name, f.mentor.name) for f in result.shown}
    assert pairs == {("Zoë Šimůnek", "Amara Okafor"), ("Анна Соколова", "Amara Okafor")}
    assert result.without_consent == 1  # Zoë and Björn: mutual, but Björn did not consent
    assert result.total == 3
    zoe = next(f for f in result.shown if f.mentee.name == "Zoë Šimůnek")
    assert (zoe.mentee.email, zoe.mentor.email) == ("zoe@example.org", "amara@example.org")
    assert all("Björn" not in f.mentor.name for f in result.shown)


def test_summary_figures(store: EventStore) -> None:
    ids = _small_event(store, consent={})
    flash_id = _planned(store, rounds=2)
    with store.session() as session:
        found = fb.meetings(session, flash_id)
        ratings = iter([5, 4, 2])
        for m in found[:3]:
            fb.record_mentee_feedback(session, m, rating=next(ratings))
        fb.record_mentee_feedback(session, found[3], wants_follow_up=True, comment="Great")
        fb.record_mentor_feedback(session, found[3], wants_follow_up=True)
    with store.read_session() as session:
        summary = fb.feedback_summary(session, flash_id)
    assert summary.meetings == 4
    assert summary.ratings == 3
    assert summary.average_rating == pytest.approx(11 / 3)
    assert summary.rating_counts == (0, 1, 0, 1, 1)
    assert (summary.comments, summary.mentee_follow_ups, summary.mentor_follow_ups) == (1, 1, 1)
    assert (summary.mutual_follow_ups, summary.mutual_without_consent, summary.mentee_responses) == (1, 0, 4)
    assert {f.mentor_id for f in summary.by_mentor} == {ids["Amara"], ids["Björn"]}
    assert sum(f.meetings for f in summary.by_mentor) == 4


def test_feedback_on_a_meeting_that_a_replan_removed_is_not_counted(demo_store: EventStore) -> None:
    flash_id = _planned(demo_store, rounds=4)
    with demo_store.session() as session:
        found = fb.meetings(session, flash_id)
        early = next(m for m in found if m.round_number == 1)
        late = next(m for m in found if m.round_number == 4)
        fb.record_mentee_feedback(session, early, rating=5)
        fb.record_mentee_feedback(session, late, rating=1)  # typed in too early, by mistake
        session.scalars(select(FlashRound).where(FlashRound.session_id == flash_id,
                                                 FlashRound.number == 1)).one().started_at = utcnow() - timedelta(
            minutes=8)
        # The mentee of the late meeting leaves: rounds 2 to 4 are planned again without them.
        checkin.check_out(session, late.mentee_id)
        replan_saved(session, flash_id)
    with demo_store.read_session() as session:
        again = {m.key: m for m in fb.meetings(session, flash_id)}
        summary = fb.feedback_summary(session, flash_id)
    assert again[early.key].rating == 5  # round 1 was held: untouched
    assert late.key not in again
    assert (summary.ratings, summary.average_rating) == (1, 5.0)


@pytest.mark.parametrize(("query", "name", "found"), [
    ("zoe sim", "Zoë Šimůnek", True),
    ("SIMUNEK", "Zoë Šimůnek", True),
    ("lukasz wis", "Łukasz Wiśniewski", True),
    ("imunek", "Zoë Šimůnek", False),  # a word must start a word of the name
    ("田中", "博 田中", True),
    ("中", "博田中", True),  # unspaced scripts match anywhere
    ("анна", "Анна Соколова", True),
    ("", "Anyone", False),
])
def test_names_match_accent_and_case_insensitively(query: str, name: str, found: bool) -> None:
    assert fb.name_matches(query, name) is found


def test_first_match_finds_the_first_card_of_a_mentee(demo_store: EventStore) -> None:
    flash_id = _planned(demo_store)
    with demo_store.read_session() as session:
        found = fb.meetings(session, flash_id)
    target = found[-1].mentee_name
    index = fb.first_match(found, fold(target))
    assert index is not None and found[index].mentee_name == target
    assert index == 0 or found[index - 1].mentee_name != target
    assert fb.first_match(found, "nobody-by-this-name") is None
