"""A take-home sheet per mentee: whom they met, how to reach them, what to follow up, their goals.

Privacy rules: a mentor's e-mail address is printed only when that mentor consented to share
contact details. "They would like to follow up too" is printed only for a *mutual* follow-up in
which both people consented; otherwise a mentee only sees their own wish.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from mentordesk.models import Person, Role
from mentordesk.printing.catalog import DocumentError
from mentordesk.printing.eventdata import EventInfo, Name, current_event
from mentordesk.printing.group_report_data import GoalLine
from mentordesk.printing.meetings_data import load_meetings


@dataclass(frozen=True)
class MetMentor:
    round: int
    table: int
    mentor: Name
    title: str
    topics: tuple[str, ...]
    #: Only when the mentor consented to share contact details.
    email: str | None
    you_follow_up: bool
    #: Both asked to follow up and both consented: contact each other.
    mutual: bool
    your_rating: int | None


@dataclass(frozen=True)
class TakeHome:
    person: Name
    meetings: tuple[MetMentor, ...]
    goals: tuple[GoalLine, ...]

    @property
    def follow_ups(self) -> tuple[MetMentor, ...]:
        return tuple(m for m in self.meetings if m.you_follow_up)


@dataclass(frozen=True)
class TakeHomeData:
    event: EventInfo
    #: "held" or "planned" (no round held yet: the sheet says "you are scheduled to meet").
    basis: str
    sheets: tuple[TakeHome, ...]


def _person_matches(name: Name, wanted: str) -> bool:
    from mentordesk.models.normalize import fold

    return wanted == str(name.person_id) or fold(wanted) == fold(name.full)


def build_take_home(session: Session, *, person: str = "") -> TakeHomeData:
    """Sheets for every mentee with a meeting or a goal (or the one named by ``person``: name or number)."""
    from mentordesk.models import Goal, GoalProgress

    event = current_event(session)
    found = load_meetings(session, event.id)
    mentor_ids = {m.mentor.person_id for m in found.meetings}
    details = {p.id: p for p in session.scalars(select(Person).where(Person.id.in_(sorted(mentor_ids))))} \
        if mentor_ids else {}
    by_mentee: dict[int, list[MetMentor]] = {}
    names: dict[int, Name] = {}
    for meeting in found.meetings:
        mentor = details[meeting.mentor.person_id]
        mentee_id = meeting.mentee.person_id
        names[mentee_id] = meeting.mentee
        both_consent = found.consent.get(mentee_id, False) and found.consent.get(mentor.id, False)
        by_mentee.setdefault(mentee_id, []).append(MetMentor(
            meeting.round, meeting.table, meeting.mentor, mentor.title or "", tuple(mentor.topics or ()),
            mentor.email if mentor.consent_share_contact and mentor.email else None,
            bool(meeting.mentee_view and meeting.mentee_view.wants_follow_up),
            meeting.mutual_follow_up and both_consent,
            meeting.mentee_view.rating if meeting.mentee_view else None,
        ))
    goals: dict[int, list[GoalLine]] = {}
    rows = session.execute(
        select(Goal, Person).join(Person, Person.id == Goal.person_id)
        .where(Person.event_id == event.id, Person.role == Role.MENTEE).order_by(Goal.id)
    ).all()
    for goal, owner in rows:
        latest = session.scalars(select(GoalProgress).where(GoalProgress.goal_id == goal.id)
                                 .order_by(GoalProgress.recorded_on.desc(), GoalProgress.id.desc()).limit(1)).first()
        name = Name(owner.id, owner.first_name, owner.last_name, owner.organization, owner.role)
        names.setdefault(owner.id, name)
        count = len(goal.progress)
        goals.setdefault(owner.id, []).append(GoalLine(name, goal.title, str(goal.status),
                                                       latest.percent if latest else None, goal.target_on,
                                                       (latest.note if latest else "") or "", count))
    chosen = sorted(names.values(), key=lambda n: n.sort_key)
    if person.strip():
        chosen = [n for n in chosen if _person_matches(n, person.strip())]
        if not chosen:
            raise DocumentError(f"no mentee called {person.strip()!r} has a meeting or a goal to report")
    sheets = tuple(
        TakeHome(n, tuple(sorted(by_mentee.get(n.person_id, []), key=lambda m: (m.round, m.table))),
                 tuple(goals.get(n.person_id, [])))
        for n in chosen
    )
    return TakeHomeData(event, found.basis, sheets)
