"""Sign-in sheets for group sessions: who is listed, in which order, for which session.

The order of the people on a sheet is the order of the attendance grid on the Groups page (it is
what attendance is typed in from): both use ``services.groups.sign_in_order`` — by surname, then
first name, ignoring case and accents, the id settling equal names.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import select
from sqlalchemy.orm import Session

from mentordesk.models import GroupMember, GroupSession, MentorGroup, Person
from mentordesk.printing.catalog import DocumentError
from mentordesk.printing.eventdata import Name, NamedRow, current_event, name_of
from mentordesk.printing.summary_data import event_zone
from mentordesk.services.groups.roster_order import sign_in_order

__all__ = ["SignInData", "SignInRow", "SignInSheet", "build_sign_in_sheets", "pick_groups", "sign_in_order"]
WHICH = ("next", "all", "blank")


@dataclass(frozen=True)
class SignInRow(NamedRow):
    person: Name
    role: str
    badge_code: str


@dataclass(frozen=True)
class SignInSheet:
    group_id: int
    group_name: str
    location: str
    #: None for an undated sheet (no session chosen or none scheduled).
    session_id: int | None
    session_title: str
    starts_at: datetime | None
    duration_minutes: int
    rows: tuple[SignInRow, ...]
    blank_rows: int
    topic: str = ""

    @property
    def when(self) -> str:
        if self.starts_at is None:
            return "Date: ____________________"
        return f"{self.starts_at:%A %d %B %Y, %H:%M} ({self.duration_minutes} min)"


@dataclass(frozen=True)
class SignInData:
    event_name: str
    sheets: tuple[SignInSheet, ...]


def _members_on(members: Sequence[tuple[GroupMember, Person]], day: date) -> list[tuple[GroupMember, Person]]:
    return [(m, p) for m, p in members
            if (m.joined_on is None or m.joined_on <= day) and (m.left_on is None or m.left_on >= day)]


def _zone_of(meeting: GroupSession, fallback: tzinfo) -> tzinfo:
    """The session's own zone (its wall-clock time), else the event's."""
    name = getattr(meeting, "timezone", "") or ""
    if name:
        try:
            return ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            pass
    return fallback


def pick_groups(session: Session, event_id: int, wanted: str) -> list[MentorGroup]:
    """Groups named by ``wanted`` (a name, any case, or a number); blank: every group not archived."""
    groups = list(session.scalars(select(MentorGroup).where(MentorGroup.event_id == event_id)
                                  .order_by(MentorGroup.name)))
    if not wanted.strip():
        return [g for g in groups if not g.archived]
    key = wanted.strip().casefold()
    found = [g for g in groups if g.name.casefold() == key or str(g.id) == key]
    if not found:
        known = ", ".join(g.name for g in groups) or "none yet"
        raise DocumentError(f"there is no group {wanted.strip()!r}; groups: {known}")
    return found


def build_sign_in_sheets(session: Session, *, group: str = "", which: str = "next", blank_rows: int = 5,
                         now: datetime | None = None) -> SignInData:
    """Sheets for the chosen group(s) (blank: every group not archived).

    ``which``: "next" — each group's next session (from today on), or an undated sheet when none
    is scheduled; "all" — every session that is not cancelled; "blank" — one undated sheet per
    group; or a session id.
    """
    event = current_event(session)
    zone = event_zone(event)
    now = now or datetime.now(zone)
    today_start = datetime.combine(now.astimezone(zone).date(), time(0), tzinfo=zone)
    which = (which or "next").strip().lower()
    if which not in WHICH and not which.isdigit():
        raise DocumentError(f"unknown session choice {which!r}: use next, all, blank or a session number")
    groups = pick_groups(session, event.id, group)
    picked: GroupSession | None = None
    if which.isdigit():
        picked = session.get(GroupSession, int(which))
        all_groups = {g.id: g for g in session.scalars(select(MentorGroup).where(MentorGroup.event_id == event.id))}
        if picked is None or picked.group_id not in all_groups:
            raise DocumentError(f"there is no group session {which} in this event")
        groups = [all_groups[picked.group_id]]
    sheets: list[SignInSheet] = []
    for g in groups:
        pairs = session.execute(
            select(GroupMember, Person).join(Person, Person.id == GroupMember.person_id)
            .where(GroupMember.group_id == g.id)
        ).all()
        members = [(m, p) for m, p in pairs]
        sessions = [s for s in session.scalars(select(GroupSession).where(GroupSession.group_id == g.id)
                                               .order_by(GroupSession.starts_at, GroupSession.id))
                    if not s.cancelled]
        chosen: list[GroupSession | None]
        if picked is not None:
            chosen = [picked]
        elif which == "all":
            chosen = list(sessions) or [None]
        elif which == "next":
            upcoming = [s for s in sessions if s.starts_at >= today_start]
            chosen = [upcoming[0] if upcoming else None]
        else:
            chosen = [None]
        for meeting in chosen:
            starts = meeting.starts_at.astimezone(_zone_of(meeting, zone)) if meeting is not None else None
            day = starts.date() if starts is not None else now.astimezone(zone).date()
            rows = tuple(sign_in_order(
                SignInRow(name_of(p), str(m.role), p.badge_code)
                for m, p in _members_on(members, day)
            ))
            sheets.append(SignInSheet(
                group_id=g.id, group_name=g.name,
                location=(meeting.location if meeting is not None and meeting.location else g.location) or "",
                session_id=meeting.id if meeting is not None else None,
                session_title=(meeting.title if meeting is not None else "") or g.name,
                starts_at=starts, duration_minutes=meeting.duration_minutes if meeting is not None else 0,
                rows=rows, blank_rows=max(0, blank_rows),
                topic=(meeting.topic if meeting is not None else "") or "",
            ))
    return SignInData(event.name, tuple(sheets))
