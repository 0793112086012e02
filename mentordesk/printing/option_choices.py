"""What a document option can be set to at this event: its groups, their sessions, the mentees with
a take-home sheet, the planned flash rotations.

These feed ``OptionSpec.choices_from``: the Print & export page offers them as lists instead of a
box to type a name or number into. Each value is one the document's ``build`` already accepts
(a group, session or person by number, "next"/"all"/"blank", 0 for the current rotation), so the
command line keeps taking the same options. The first choice is always the option's default; when
there is nothing to choose from, it is the only one and its label says why.
"""

from __future__ import annotations

from collections import Counter

from sqlalchemy import select
from sqlalchemy.orm import Session

from mentordesk.models import FlashSession
from mentordesk.models.normalize import fold
from mentordesk.printing.catalog import Choice
from mentordesk.printing.eventdata import current_event
from mentordesk.printing.summary_data import event_zone
from mentordesk.services.flash import current_session_id
from mentordesk.services.groups import list_groups, list_sessions

NO_GROUPS = "No groups yet"
NO_SESSIONS = "No sessions scheduled yet (undated sheets)"
NO_MENTEES = "No mentee has a meeting or a goal yet"
NO_ROTATION = "No rotation planned yet"


def group_choices(session: Session) -> tuple[Choice, ...]:
    """Every group, by name, after "Every group" (archived ones last, marked: only printed when chosen)."""
    event = current_event(session)
    groups = list_groups(session, event.id)
    if not groups:
        return (Choice("", NO_GROUPS),)
    groups.sort(key=lambda g: g.archived)  # stable: by name within each part
    return (Choice("", "Every group"),) + tuple(
        Choice(str(g.id), f"{g.name} (archived)" if g.archived else g.name) for g in groups
    )


def group_session_choices(session: Session) -> tuple[Choice, ...]:
    """"next", "all", "blank", then every session that is not cancelled, in time order.

    Each session's choice is ``within`` its group's number, so a form that has a group chosen
    offers only that group's sessions.
    """
    event = current_event(session)
    if not list_groups(session, event.id):
        return (Choice("next", NO_GROUPS),)
    meetings = list_sessions(session, event.id, include_cancelled=False)
    if not meetings:
        return (Choice("next", NO_SESSIONS),)
    fixed = (
        Choice("next", "Next session"),
        Choice("all", "Every session (a sheet each)"),
        Choice("blank", "Undated sheet (no session)"),
    )
    return fixed + tuple(
        Choice(str(m.id), f"{_session_title(m.title, m.group_name)}, {m.when}", within=str(m.group_id))
        for m in meetings
    )


def _session_title(title: str, group_name: str) -> str:
    if not title.strip():
        return group_name
    # Titles made by the scheduler already start with the group ("Robotics Circle — week 1").
    return title if fold(group_name) in fold(title) else f"{group_name}: {title}"


def take_home_mentee_choices(session: Session) -> tuple[Choice, ...]:
    """The mentees who get a take-home sheet (a meeting or a goal), by surname, after "Every mentee"."""
    from mentordesk.printing.take_home_data import build_take_home

    sheets = build_take_home(session).sheets
    if not sheets:
        return (Choice("", NO_MENTEES),)
    labels = [_person_label(s.person.full, s.person.organization) for s in sheets]
    counts = Counter(fold(label) for label in labels)
    return (Choice("", "Every mentee with a meeting or a goal"),) + tuple(
        # Namesakes from the same place are told apart by their number (as the CLI takes it).
        Choice(str(s.person.person_id), f"{label} · no. {s.person.person_id}" if counts[fold(label)] > 1 else label)
        for s, label in zip(sheets, labels, strict=True)
    )


def _person_label(full_name: str, organization: str) -> str:
    # The organisation tells most namesakes apart.
    return f"{full_name} ({organization})" if organization.strip() else full_name


def flash_session_choices(session: Session) -> tuple[Choice, ...]:
    """"The current rotation" (value "0"), then every planned rotation: the current one first, then
    the others, the one made last first (the order of ``current_session_id``, not of re-plans)."""
    event = current_event(session)
    zone = event_zone(event)
    current = current_session_id(session, event.id)
    rows = sorted(
        session.scalars(
            select(FlashSession).where(FlashSession.event_id == event.id, FlashSession.planned_at.is_not(None))
        ).all(),
        key=lambda flash: (flash.id != current, -flash.id),
    )
    if not rows:
        return (Choice("0", NO_ROTATION),)

    def label(flash: FlashSession) -> str:
        assert flash.planned_at is not None
        planned = flash.planned_at.astimezone(zone)
        return (f"{flash.name} — {flash.round_count} rounds of {flash.round_minutes} min, "
                f"planned {planned:%a} {planned.day} {planned:%b %Y %H:%M}")

    if rows[0].id == current:
        default = f"The current rotation ({rows[0].name})"
    else:
        # The current session is still being set up: printing it says so; an older one can be chosen.
        default = "The current rotation (not planned yet)"
    return (Choice("0", default),) + tuple(Choice(str(r.id), label(r)) for r in rows)
