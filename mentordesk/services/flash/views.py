"""What the Flash rounds screens show, as plain frozen data: Qt-free and testable without a window.

``flash_snapshot(session, event_id)`` reads the event's current flash session once (its set-up,
the saved plan, the names of everyone in it, figures and validation messages); the pure functions
below turn a snapshot into the master grid (tables × rounds with a waiting row), one mentor's
table across all rounds, one person's itinerary, and the projector's "Find your table" board.
Every view is rebuilt from a fresh snapshot after a re-plan, so none of them can go stale.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from mentordesk.models import (
    ClockPhase,
    ClockState,
    Event,
    FlashSession,
    MentorRequest,
    Person,
    PlanMode,
    Role,
)
from mentordesk.models.normalize import fold
from mentordesk.services.checkin import checked_in_query
from mentordesk.services.flash.arrivals import not_in_rotation
from mentordesk.services.flash.clock_face import ClockSnapshot, SessionConfig
from mentordesk.services.flash.current import current_session_id
from mentordesk.services.flash.plan import Plan
from mentordesk.services.flash.saved_plan import default_mode, load_plan, load_spots, started_rounds

#: Where waiting mentees go when the plan does not name a spot (match mode has one waiting area).
WAITING_AREA = "the waiting area"


@dataclass(frozen=True)
class SessionInfo:
    id: int
    name: str
    mode: PlanMode
    round_count: int
    round_minutes: int
    changeover_seconds: int
    seats: int
    #: Rounds that have started (they stay untouched by a re-plan and cannot be edited).
    started: int
    clock_state: ClockState


@dataclass(frozen=True)
class PersonName:
    id: int
    name: str
    role: Role
    #: (surname, first name), folded: the order of the projector's board.
    sort_key: tuple[str, str]
    #: "Surname, First name" (or the one part there is), as the board lists it.
    listed: str = ""


@dataclass(frozen=True)
class PlanFigures:
    meetings: int
    mentee_min: int
    mentee_max: int
    requests_honoured: int
    requests_total: int
    mentors: int
    mentees: int

    def describe(self) -> str:
        spread = f"{self.mentee_min}" if self.mentee_min == self.mentee_max else f"{self.mentee_min}–{self.mentee_max}"
        return (f"{self.meetings} meetings · {spread} per mentee · "
                f"{self.requests_honoured} of {self.requests_total} requested mentors met · "
                f"{self.mentors} mentors, {self.mentees} mentees")


@dataclass(frozen=True)
class FlashSnapshot:
    event_name: str
    mentors_here: int
    mentees_here: int
    default_mode: PlanMode
    info: SessionInfo | None = None
    plan: Plan | None = None
    people: Mapping[int, PersonName] = field(default_factory=dict)
    figures: PlanFigures | None = None
    #: Rules the saved plan breaks for the people here now (someone arrived or left since).
    messages: tuple[str, ...] = ()
    #: Where waiting mentees wait, as stored with the plan: round → mentee → "waiting spot 3a".
    spots: Mapping[int, Mapping[int, str]] = field(default_factory=dict)
    #: Checked in after planning, with no seat in the rounds to come (``arrivals.not_in_rotation``).
    late_arrivals: tuple[int, ...] = ()

    def name(self, person_id: int) -> str:
        found = self.people.get(person_id)
        return found.name if found else f"person {person_id}"

    def listed(self, person_id: int) -> str:
        found = self.people.get(person_id)
        return found.listed or found.name if found else f"person {person_id}"


# -- reading the event file


def _names(session: Session, ids: set[int]) -> dict[int, PersonName]:
    if not ids:
        return {}
    rows = session.execute(select(Person.id, Person.first_name, Person.last_name, Person.role)
                           .where(Person.id.in_(sorted(ids))))
    return {pid: PersonName(pid, " ".join(p for p in (first, last) if p), role, (fold(last or first), fold(first)),
                            ", ".join(p for p in (last, first) if p))
            for pid, first, last, role in rows}


def figures_of(session: Session, event_id: int, plan: Plan) -> PlanFigures:
    pairs = list(plan.pairs())
    mentors = {t.mentor for r in plan.rounds for t in r.tables}
    mentees = {m for r in plan.rounds for m in r.mentees}
    per_mentee = {m: 0 for m in mentees}
    for mentee, _mentor in pairs:
        per_mentee[mentee] += 1
    requests = {(a, b) for a, b in session.execute(
        select(MentorRequest.mentee_id, MentorRequest.mentor_id)
        .join(Person, Person.id == MentorRequest.mentee_id).where(Person.event_id == event_id))
        if a in mentees and b in mentors}
    counts = list(per_mentee.values()) or [0]
    return PlanFigures(len(pairs), min(counts), max(counts), sum(1 for p in pairs if p in requests),
                       len(requests), len(mentors), len(mentees))


def flash_snapshot(session: Session, event_id: int) -> FlashSnapshot:
    event = session.get(Event, event_id)
    roles = dict(session.execute(select(Person.id, Person.role).where(Person.id.in_(checked_in_query(event_id))))
                 .all())
    mentors_here = sum(1 for r in roles.values() if r is Role.MENTOR)
    mentees_here = sum(1 for r in roles.values() if r is Role.MENTEE)
    base = FlashSnapshot(event.name if event else "", mentors_here, mentees_here, default_mode(session, event_id))
    flash_id = current_session_id(session, event_id)
    if flash_id is None:
        return base
    flash = session.get_one(FlashSession, flash_id)
    started = started_rounds(session, flash_id)
    clock_state = flash.clock.state if flash.clock is not None else ClockState.IDLE
    info = SessionInfo(flash.id, flash.name, flash.mode, flash.round_count, flash.round_minutes,
                       flash.changeover_seconds, flash.seats_per_table, started, clock_state)
    plan = load_plan(session, flash_id)
    ids = {t.mentor for r in plan.rounds for t in r.tables} | {m for r in plan.rounds for m in r.mentees}
    people = _names(session, ids)
    here_in_plan = {pid for pid, role in roles.items() if role in (Role.MENTOR, Role.MENTEE)}
    late = not_in_rotation(session, event_id)
    people = {**people, **_names(session, set(late))}
    messages = _attendance_messages(plan, started, here_in_plan, people)
    return FlashSnapshot(base.event_name, mentors_here, mentees_here, base.default_mode, info, plan, people,
                         figures_of(session, event_id, plan), messages, load_spots(session, flash_id), late)


def _attendance_messages(plan: Plan, started: int, here: set[int], people: Mapping[int, PersonName]) -> tuple[
        str, ...]:
    """Who the remaining rounds still seat though they left (arrivals are ``late_arrivals``)."""
    if started >= len(plan.rounds) or not plan.rounds:
        return ()
    ahead = plan.rounds[started]
    planned = set(ahead.mentors) | set(ahead.mentees)
    return tuple(f"{people[pid].name} is no longer checked in but still has seats: mark the departure"
                 for pid in sorted(planned - here, key=lambda pid: people[pid].sort_key) if pid in people)


def clock_inputs(session: Session, flash_session_id: int, warn_at_ms: int) -> tuple[ClockSnapshot, SessionConfig]:
    """What the console needs to compute the countdown by itself between two reads."""
    flash = session.get_one(FlashSession, flash_session_id)
    return ClockSnapshot.of(flash.clock), SessionConfig.of(flash, warn_at_ms)


# -- the views


@dataclass(frozen=True)
class GridRow:
    """One table across all rounds, or the waiting row (``table`` None)."""

    table: int | None
    mentor: str
    #: One entry per round: the names at the table (or waiting); None while the mentor is on a break.
    cells: tuple[tuple[str, ...] | None, ...]
    mentor_id: int | None = None
    #: Mentee ids per round, parallel to ``cells`` (for hand edits).
    ids: tuple[tuple[int, ...], ...] = ()


def grid_rows(snapshot: FlashSnapshot) -> list[GridRow]:
    plan = snapshot.plan
    if plan is None:
        return []
    mentor_of = plan.mentor_tables()
    by_table = sorted((number, mentor) for mentor, number in mentor_of.items())
    rows = []
    for number, mentor in by_table:
        cells: list[tuple[str, ...] | None] = []
        ids: list[tuple[int, ...]] = []
        for round_ in plan.rounds:
            table = next((t for t in round_.tables if t.number == number), None)
            if table is None or table.on_break:
                cells.append(None)
                ids.append(())
            else:
                cells.append(_sorted_names(snapshot, table.mentees))
                ids.append(tuple(sorted(table.mentees, key=lambda m: _key(snapshot, m))))
        rows.append(GridRow(number, snapshot.name(mentor), tuple(cells), mentor, tuple(ids)))
    if any(r.waiting for r in plan.rounds):
        rows.append(GridRow(None, "Waiting", tuple(_sorted_names(snapshot, r.waiting) for r in plan.rounds), None,
                            tuple(tuple(sorted(r.waiting, key=lambda m: _key(snapshot, m))) for r in plan.rounds)))
    return rows


def _key(snapshot: FlashSnapshot, person_id: int) -> tuple[str, str]:
    found = snapshot.people.get(person_id)
    return found.sort_key if found else ("", str(person_id))


def _sorted_names(snapshot: FlashSnapshot, ids: tuple[int, ...]) -> tuple[str, ...]:
    return tuple(snapshot.name(m) for m in sorted(ids, key=lambda m: _key(snapshot, m)))


@dataclass(frozen=True)
class TableRound:
    round_number: int
    mentees: tuple[str, ...]
    on_break: bool
    held: bool


@dataclass(frozen=True)
class TableView:
    table: int
    mentor: str
    rounds: tuple[TableRound, ...]


def table_view(snapshot: FlashSnapshot, table_number: int) -> TableView | None:
    plan = snapshot.plan
    if plan is None:
        return None
    mentor = next((m for m, n in plan.mentor_tables().items() if n == table_number), None)
    if mentor is None:
        return None
    started = snapshot.info.started if snapshot.info else 0
    rounds = []
    for round_ in plan.rounds:
        table = next((t for t in round_.tables if t.number == table_number), None)
        away = table is None or table.on_break
        names = () if table is None else _sorted_names(snapshot, table.mentees)
        rounds.append(TableRound(round_.number, names, away, round_.number <= started))
    return TableView(table_number, snapshot.name(mentor), tuple(rounds))


@dataclass(frozen=True)
class Stop:
    round_number: int
    #: None while waiting, on a break or not in the round.
    table: int | None
    #: "Table 4 with Amara Okafor", "Waiting" (or "Waiting at spot 3a"), "Break", "Not taking part".
    where: str
    #: The others at the table (the mentor and fellow mentees, or the mentees for a mentor).
    with_names: tuple[str, ...]
    held: bool


@dataclass(frozen=True)
class Itinerary:
    person_id: int
    name: str
    role: Role | None
    stops: tuple[Stop, ...]


def itinerary(snapshot: FlashSnapshot, person_id: int) -> Itinerary | None:
    plan = snapshot.plan
    if plan is None:
        return None
    started = snapshot.info.started if snapshot.info else 0
    stops = []
    for round_ in plan.rounds:
        table = round_.table_of(person_id)
        held = round_.number <= started
        if table is not None and table.on_break:
            stops.append(Stop(round_.number, None, "Break", (), held))
        elif table is not None and table.mentor == person_id:
            stops.append(Stop(round_.number, table.number, f"Table {table.number}",
                              _sorted_names(snapshot, table.mentees), held))
        elif table is not None:
            others = tuple(m for m in table.mentees if m != person_id)
            stops.append(Stop(round_.number, table.number, f"Table {table.number}",
                              (snapshot.name(table.mentor),) + _sorted_names(snapshot, others), held))
        elif person_id in round_.waiting:
            spot = _spot_words(snapshot.spots.get(round_.number, {}).get(person_id, ""))
            stops.append(Stop(round_.number, None, f"Waiting {spot}" if spot else "Waiting", (), held))
        else:
            stops.append(Stop(round_.number, None, "Not taking part", (), held))
    person = snapshot.people.get(person_id)
    return Itinerary(person_id, snapshot.name(person_id), person.role if person else None, tuple(stops))


@dataclass(frozen=True)
class BoardEntry:
    name: str
    #: The table to go to; None for someone who waits this round.
    table: int | None
    sort_key: tuple[str, str]
    #: Where to wait, when the plan names a place ("waiting spot 3a", "beside table 4").
    spot: str = ""

    @property
    def where(self) -> str:
        if self.table is not None:
            return f"Table {self.table}"
        return _spot_words(self.spot).removeprefix("at ").capitalize() or "Waiting"


def _spot_words(spot: str) -> str:
    """"waiting spot 3a" → "at spot 3a", "beside table 4" → "by table 4", "" when unknown."""
    if spot.startswith("waiting spot "):
        return "at spot " + spot.removeprefix("waiting spot ")
    if spot.startswith("beside table "):
        return "by table " + spot.removeprefix("beside table ")
    return ""


@dataclass(frozen=True)
class Board:
    """The projector's "Find your table": every mentee of a round, sorted by surname."""

    round_number: int
    entries: tuple[BoardEntry, ...]
    waiting_note: str


def board(snapshot: FlashSnapshot, round_number: int,
          spots: Mapping[int, Mapping[int, str]] | None = None) -> Board | None:
    """``spots``: the rotate planner's waiting places (round → mentee → place); by default those
    stored with the plan. Waiting mentees without a place are sent to the waiting area."""
    plan = snapshot.plan
    if plan is None or not 1 <= round_number <= len(plan.rounds):
        return None
    round_ = plan.rounds[round_number - 1]
    places = (snapshot.spots if spots is None else spots).get(round_number, {})
    entries = [BoardEntry(snapshot.listed(m), t.number, _key(snapshot, m)) for t in round_.tables for m in t.mentees]
    entries += [BoardEntry(snapshot.listed(m), None, _key(snapshot, m), places.get(m, "")) for m in round_.waiting]
    entries.sort(key=lambda e: (e.sort_key, e.name))
    if not round_.waiting:
        note = ""
    elif all(places.get(m) for m in round_.waiting):
        note = "Waiting this round? Go to the waiting spot shown (spot 3a follows table 3): your turn comes next."
    else:
        note = f"Waiting this round? Please wait at {WAITING_AREA}: your turn comes next."
    return Board(round_number, tuple(entries), note)


def board_round(state: ClockState, phase: ClockPhase, round_number: int, round_count: int) -> int:
    """The round whose seats people need to see now: the next one before the start and during a
    changeover, the current one during a meeting (latecomers look it up too)."""
    if state is ClockState.IDLE:
        return 1
    if phase is ClockPhase.CHANGEOVER:
        return min(round_number + 1, round_count)
    return round_number


_TWICE = re.compile(r"meets mentor (.+?) 2 times")
_PERSON = re.compile(r"\b(person|mentee|mentor|mentees) (\d+)(?: and (\d+))?")


def readable(message: str, snapshot: FlashSnapshot) -> str:
    """A planner message with names instead of ids ("mentee 12 meets mentor 3 …")."""

    def replace(match: re.Match[str]) -> str:
        word, first, second = match.group(1), snapshot.name(int(match.group(2))), match.group(3)
        prefix = "" if word == "person" else f"{word} "
        if second is not None:
            return f"{prefix}{first} and {snapshot.name(int(second))}"
        return f"{prefix}{first}"

    named = _PERSON.sub(replace, message)
    return _TWICE.sub(r"would meet mentor \1 a second time", named)
