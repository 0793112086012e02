"""The event summary for organisers and sponsors: headline figures, chart series, the meetings.

Definitions (also printed as footnotes):

- *registered*: people in the event by role; *arrived*: people with at least one check-in that
  was not undone (a later check-out does not un-arrive them).
- *meetings*: flash meetings held (see ``meetings_data``), or the planned ones when no round has
  been held yet.
- *requested mentors honoured*: mentor requests of mentees who took part whose pair met.
- *average rating*: over the mentees' ratings of their flash meetings.
- *mutual follow-ups*: both asked to follow up with each other and both consented to share
  their contact details.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from mentordesk.models import CheckinAction, CheckinEntry, Person, Role
from mentordesk.printing.eventdata import EventInfo, current_event
from mentordesk.printing.meetings_data import (
    FollowUp,
    Meeting,
    load_meetings,
    mutual_follow_ups,
)
from mentordesk.services import feedback

#: Bucket widths for the arrivals chart, in minutes: the smallest giving at most 24 bars.
BUCKETS = (5, 10, 15, 30, 60, 120, 240, 720, 1440, 10080)
MAX_BARS = 24


@dataclass(frozen=True)
class RoleCount:
    role: Role
    registered: int
    arrived: int


@dataclass(frozen=True)
class ArrivalBar:
    starts: datetime
    label: str
    count: int


@dataclass(frozen=True)
class SummaryData:
    event: EventInfo
    roles: tuple[RoleCount, ...]
    meetings: tuple[Meeting, ...]
    #: "held" or "planned" (no round held yet).
    basis: str
    flash_sessions: int
    requests_total: int
    requests_honoured: int
    #: Count of ratings 1 … 5 (index 0 is rating 1).
    ratings: tuple[int, int, int, int, int]
    #: Mutual follow-ups where both agreed to share contact details (they may be named).
    follow_ups: tuple[FollowUp, ...]
    #: Mutual follow-ups where someone did not agree: counted, never named.
    follow_ups_without_consent: int
    arrivals: tuple[ArrivalBar, ...]
    arrival_bucket_minutes: int
    #: (number of meetings, mentees with that many), for every mentee who took part.
    meetings_per_mentee: tuple[tuple[int, int], ...]

    @property
    def registered(self) -> int:
        return sum(r.registered for r in self.roles)

    @property
    def arrived(self) -> int:
        return sum(r.arrived for r in self.roles)

    @property
    def rating_count(self) -> int:
        return sum(self.ratings)

    @property
    def average_rating(self) -> float | None:
        if not self.rating_count:
            return None
        return sum((i + 1) * n for i, n in enumerate(self.ratings)) / self.rating_count

    @property
    def mutual_follow_ups(self) -> int:
        return len(self.follow_ups)


def event_zone(event: EventInfo) -> tzinfo:
    if event.timezone:
        try:
            return ZoneInfo(event.timezone)
        except (ZoneInfoNotFoundError, ValueError):
            pass
    zone = datetime.now().astimezone().tzinfo
    assert zone is not None
    return zone


def first_arrivals(session: Session, event_id: int) -> dict[int, datetime]:
    """Person id → time of their first check-in that was not undone."""
    undo = aliased(CheckinEntry)
    rows = session.execute(
        select(CheckinEntry.person_id, func.min(CheckinEntry.at))
        .join(Person, Person.id == CheckinEntry.person_id)
        .outerjoin(undo, undo.undoes_id == CheckinEntry.id)
        .where(Person.event_id == event_id, CheckinEntry.action == CheckinAction.CHECK_IN, undo.id.is_(None))
        .group_by(CheckinEntry.person_id)
    ).all()
    return {pid: at for pid, at in rows}


def arrival_bars(times: list[datetime], zone: tzinfo) -> tuple[tuple[ArrivalBar, ...], int]:
    """Arrivals counted per time bucket (local to the event), empty buckets included."""
    if not times:
        return (), BUCKETS[0]
    local = sorted(t.astimezone(zone) for t in times)
    span = (local[-1] - local[0]).total_seconds() / 60
    minutes = next((b for b in BUCKETS if span / b < MAX_BARS), BUCKETS[-1])
    start = local[0].replace(second=0, microsecond=0)
    start -= timedelta(minutes=(start.hour * 60 + start.minute) % minutes if minutes <= 1440 else 0)
    counts: Counter[int] = Counter(int((t - start).total_seconds() // (minutes * 60)) for t in local)
    several_days = local[0].date() != local[-1].date()
    bars = []
    for index in range(max(counts) + 1):
        at = start + timedelta(minutes=minutes * index)
        label = at.strftime("%m-%d %H:%M") if several_days else at.strftime("%H:%M")
        bars.append(ArrivalBar(at, label, counts.get(index, 0)))
    return tuple(bars), minutes


def build_summary(session: Session) -> SummaryData:
    event = current_event(session)
    arrivals = first_arrivals(session, event.id)
    people = session.execute(select(Person.id, Person.role).where(Person.event_id == event.id)).all()
    roles = []
    for role in Role:
        ids = [pid for pid, r in people if r is role]
        roles.append(RoleCount(role, len(ids), sum(1 for pid in ids if pid in arrivals)))
    found = load_meetings(session, event.id)
    met = {(m.mentee.person_id, m.mentor.person_id) for m in found.meetings}
    # Mentees rate meetings (mentors only follow up and comment), as services.feedback records them.
    ratings = list(feedback.feedback_summary(session, event_id=event.id).rating_counts)
    per_mentee = Counter(m.mentee.person_id for m in found.meetings)
    histogram = Counter(per_mentee.get(pid, 0) for pid in found.mentees)
    follow_ups, without_consent = mutual_follow_ups(session, event.id)
    bars, minutes = arrival_bars(list(arrivals.values()), event_zone(event))
    return SummaryData(
        event=event,
        roles=tuple(roles),
        meetings=found.meetings,
        basis=found.basis,
        flash_sessions=found.sessions,
        requests_total=len(found.requests),
        requests_honoured=len(found.requests & met),
        ratings=(ratings[0], ratings[1], ratings[2], ratings[3], ratings[4]),
        follow_ups=follow_ups,
        follow_ups_without_consent=without_consent,
        arrivals=bars,
        arrival_bucket_minutes=minutes,
        meetings_per_mentee=tuple(sorted(histogram.items())),
    )
