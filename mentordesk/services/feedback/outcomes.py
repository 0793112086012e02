"""Mutual follow-ups (named only with both people's consent) and the figures for the event summary."""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy.orm import Session

from mentordesk.models import (
    Person,
)
from mentordesk.models.normalize import fold
from mentordesk.services.feedback.feedback_data import (
    Contact,
    FeedbackSummary,
    FollowUps,
    Meeting,
    MentorFigures,
    MutualFollowUp,
)
from mentordesk.services.feedback.meeting_reads import (
    _meetings_of,
    _people,
    _session_ids,
)

# --------------------------------------------------------------------------- follow-ups and figures


def mutual_follow_ups(
    session: Session, flash_session_id: int | None = None, *, event_id: int | None = None
) -> FollowUps:
    """Meetings where both sides asked to follow up; contacts only where both consented.

    Without ``flash_session_id``: every planned flash session of the event (of the file when
    ``event_id`` is None), each pair listed once.
    """
    ids = _session_ids(session, flash_session_id, event_id)
    return _follow_ups(session, _meetings_of(session, ids))


def _follow_ups(session: Session, found: tuple[Meeting, ...]) -> FollowUps:
    mutual: dict[tuple[int, int], Meeting] = {}
    for m in found:
        if m.wants_follow_up and m.mentor_wants_follow_up:
            mutual.setdefault((m.mentee_id, m.mentor_id), m)
    if not mutual:
        return FollowUps((), 0)
    people = _people(session, {p for pair in mutual for p in pair})
    shown = []
    hidden = 0
    for (mentee, mentor), m in mutual.items():
        a, b = people[mentee], people[mentor]
        if a.consent_share_contact and b.consent_share_contact:
            shown.append(MutualFollowUp(_contact(a), _contact(b), m.flash_session_id, m.round_number))
        else:
            hidden += 1
    shown.sort(key=lambda f: (fold(people[f.mentee.person_id].last_name), fold(f.mentee.name),
                              fold(f.mentor.name), f.mentee.person_id, f.mentor.person_id))
    return FollowUps(tuple(shown), hidden)


def _contact(person: Person) -> Contact:
    return Contact(person.id, person.full_name, person.email, person.organization)


def feedback_summary(
    session: Session, flash_session_id: int | None = None, *, event_id: int | None = None
) -> FeedbackSummary:
    """Average rating, counts of ratings, comments and follow-ups, and per-mentor figures."""
    ids = _session_ids(session, flash_session_id, event_id)
    found = _meetings_of(session, ids)
    ratings = [m.rating for m in found if m.rating is not None]
    counts = [0, 0, 0, 0, 0]
    for value in ratings:
        counts[value - 1] += 1
    per_mentor: dict[int, list[Meeting]] = defaultdict(list)
    for m in found:
        per_mentor[m.mentor_id].append(m)
    by_mentor = []
    for mentor, theirs in per_mentor.items():
        rated = [m.rating for m in theirs if m.rating is not None]
        by_mentor.append(MentorFigures(mentor, theirs[0].mentor_name, len(theirs), len(rated),
                                       sum(rated) / len(rated) if rated else None))
    by_mentor.sort(key=lambda f: (fold(f.name), f.mentor_id))
    follow = _follow_ups(session, found)
    return FeedbackSummary(
        meetings=len(found),
        ratings=len(ratings),
        average_rating=sum(ratings) / len(ratings) if ratings else None,
        rating_counts=(counts[0], counts[1], counts[2], counts[3], counts[4]),
        comments=sum(1 for m in found if m.comment),
        mentee_follow_ups=sum(1 for m in found if m.wants_follow_up),
        mentor_follow_ups=sum(1 for m in found if m.mentor_wants_follow_up),
        mutual_follow_ups=follow.total,
        mutual_without_consent=follow.without_consent,
        mentee_responses=sum(1 for m in found if m.mentee_has_feedback),
        by_mentor=tuple(by_mentor),
    )
