"""Flash meetings as the reports see them: who met whom, with the feedback each side gave.

Shared by the event summary and the take-home sheets. A flash session's rounds count as *held*
when the run console started them, when the session is finished, or when feedback was entered
for them (feedback about round 4 means round 4 happened). When no round of any session has been
held yet, the reports fall back to the planned meetings and say so.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from mentordesk.models import (
    Feedback,
    FlashSession,
    MentorRequest,
    Person,
    SessionStatus,
)
from mentordesk.printing.eventdata import Name, names
from mentordesk.services import feedback
from mentordesk.services.flash import load_plan, started_rounds


@dataclass(frozen=True)
class Opinion:
    """One side's feedback about a meeting."""

    rating: int | None = None
    wants_follow_up: bool = False
    comment: str = ""


@dataclass(frozen=True)
class Meeting:
    flash_session_id: int
    round: int
    table: int
    mentor: Name
    mentee: Name
    held: bool
    requested: bool
    #: The mentee's feedback about the mentor, and the mentor's about the mentee.
    mentee_view: Opinion | None = None
    mentor_view: Opinion | None = None

    @property
    def mutual_follow_up(self) -> bool:
        return bool(self.mentee_view and self.mentor_view and self.mentee_view.wants_follow_up
                    and self.mentor_view.wants_follow_up)


@dataclass(frozen=True)
class MeetingSet:
    meetings: tuple[Meeting, ...]
    #: "held" when any round has been held (then only held meetings are listed), else "planned".
    basis: str
    sessions: int
    #: (mentee, mentor) requests of mentees who appear in a plan.
    requests: frozenset[tuple[int, int]]
    #: Person id → consent to share contact details.
    consent: dict[int, bool]
    #: Every mentee in a plan, including any who never got a seat.
    mentees: frozenset[int] = frozenset()


def load_meetings(session: Session, event_id: int) -> MeetingSet:
    flash_ids = list(session.scalars(
        select(FlashSession.id).where(FlashSession.event_id == event_id, FlashSession.planned_at.is_not(None))
        .order_by(FlashSession.id)
    ))
    feedback: dict[tuple[int, int, int, int], Opinion] = {}
    last_feedback_round: dict[int, int] = defaultdict(int)
    rows: Iterable[Feedback] = (
        session.scalars(select(Feedback).where(Feedback.flash_session_id.in_(flash_ids))) if flash_ids else []
    )
    for row in rows:
        if row.about_person_id is None or row.round_number is None or row.flash_session_id is None:
            continue
        key = (row.flash_session_id, row.round_number, row.author_id, row.about_person_id)
        feedback[key] = Opinion(row.rating, bool(row.wants_follow_up), row.comment or "")
        last_feedback_round[row.flash_session_id] = max(last_feedback_round[row.flash_session_id], row.round_number)

    raw: list[tuple[int, int, int, int, int, bool]] = []
    planned_mentees: set[int] = set()
    for flash_id in flash_ids:
        flash = session.get(FlashSession, flash_id)
        assert flash is not None
        plan = load_plan(session, flash_id)
        if flash.status is SessionStatus.FINISHED:
            held_upto = len(plan.rounds)
        else:
            held_upto = max(started_rounds(session, flash_id), last_feedback_round[flash_id])
        for round_ in plan.rounds:
            planned_mentees.update(round_.mentees)
            for table in round_.tables:
                for mentee in table.mentees:
                    raw.append((flash_id, round_.number, table.number, table.mentor, mentee,
                                round_.number <= held_upto))
    any_held = any(held for *_rest, held in raw)
    basis = "held" if any_held else "planned"
    if any_held:
        raw = [entry for entry in raw if entry[5]]

    mentee_ids = planned_mentees
    requests = frozenset(
        (mentee, mentor) for mentee, mentor in session.execute(
            select(MentorRequest.mentee_id, MentorRequest.mentor_id).join(Person, Person.id == MentorRequest.mentee_id)
            .where(Person.event_id == event_id)
        ) if mentee in mentee_ids
    )
    people = names(session, {e[3] for e in raw} | mentee_ids)
    meetings = tuple(
        Meeting(flash_id, number, table, people[mentor], people[mentee], held, (mentee, mentor) in requests,
                feedback.get((flash_id, number, mentee, mentor)), feedback.get((flash_id, number, mentor, mentee)))
        for flash_id, number, table, mentor, mentee, held in sorted(raw, key=lambda e: (e[0], e[1], e[2], e[4]))
        if mentor in people and mentee in people
    )
    consent = dict(session.execute(
        select(Person.id, Person.consent_share_contact).where(Person.event_id == event_id)
    ).all())
    return MeetingSet(meetings, basis, len(flash_ids), requests, {k: bool(v) for k, v in consent.items()},
                      frozenset(planned_mentees))


@dataclass(frozen=True)
class FollowUp:
    """A mentee and a mentor who both asked to follow up and both agreed to share contact details."""

    mentee: Name
    mentor: Name


def mutual_follow_ups(session: Session, event_id: int) -> tuple[tuple[FollowUp, ...], int]:
    """The mutual follow-ups that may be named, and how many more lack someone's consent.

    The rule is the feedback service's (``services.feedback.mutual_follow_ups``), so the report
    and the Feedback page always agree.
    """
    found = feedback.mutual_follow_ups(session, event_id=event_id)
    people = names(session, {p for f in found.shown for p in (f.mentee.person_id, f.mentor.person_id)})
    shown = tuple(FollowUp(people[f.mentee.person_id], people[f.mentor.person_id]) for f in found.shown
                  if f.mentee.person_id in people and f.mentor.person_id in people)
    return shown, found.without_consent
