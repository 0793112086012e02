"""The planner and the event file: who takes part, and plans saved as flash sessions.

A problem is loaded for the people checked in right now (facilitators never take part). A plan
is saved as a ``FlashSession`` with one ``FlashRound`` per round and one ``FlashSeat`` per person
and round: mentors as ``mentor`` at their table (also when idle) or ``break`` (no table), mentees
as ``mentee`` at a table or ``waiting`` (with the rotate planner's waiting spot, when it named one).
Loading gives back an equal ``Plan``; ``load_spots`` gives back the waiting spots. A re-plan rewrites
the seats of the rounds that have not started and leaves the others untouched.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from mentordesk.models import (
    FlashRound,
    FlashSeat,
    FlashSession,
    FlashTable,
    MentorRequest,
    NoGoPair,
    Person,
    PlanMode,
    Role,
    SeatKind,
    SessionStatus,
    utcnow,
)
from mentordesk.services.checkin import checked_in_ids
from mentordesk.services.flash.plan import Plan, PlanResult, Round, Table
from mentordesk.services.flash.planner import replan
from mentordesk.services.flash.problem import PlanError, Problem, make_problem

MINUTES_RANGE = (1, 240)
#: The changeover between rounds, in seconds (the column's range: up to an hour).
CHANGEOVER_SECONDS_RANGE = (0, 3600)
DEFAULT_CHANGEOVER_SECONDS = 60

#: Round number → waiting mentee id → where they wait ("waiting spot 3a", "beside table 4").
Spots = Mapping[int, Mapping[int, str]]


def _participants(session: Session, event_id: int) -> tuple[list[int], list[int], dict[int, list[str]]]:
    here = checked_in_ids(session, event_id)
    rows = session.execute(
        select(Person.id, Person.role, Person.topics).where(
            Person.event_id == event_id, Person.role.in_([Role.MENTOR, Role.MENTEE])
        )
    ).all()
    mentors = sorted(pid for pid, role, _ in rows if pid in here and role is Role.MENTOR)
    mentees = sorted(pid for pid, role, _ in rows if pid in here and role is Role.MENTEE)
    topics = {pid: list(values or []) for pid, _role, values in rows if pid in here}
    return mentors, mentees, topics


def default_mode(session: Session, event_id: int) -> PlanMode:
    """Match when anyone checked in has asked for particular mentors, rotate otherwise."""
    here = checked_in_ids(session, event_id)
    askers = session.scalars(
        select(MentorRequest.mentee_id).join(Person, Person.id == MentorRequest.mentee_id)
        .where(Person.event_id == event_id).distinct()
    )
    return PlanMode.MATCH if any(pid in here for pid in askers) else PlanMode.ROTATE


def load_problem(
    session: Session,
    event_id: int,
    *,
    rounds: int,
    seats: int = 1,
    breaks: Mapping[int, Iterable[int]] | None = None,
) -> Problem:
    """The planning problem for the people checked in now, with their requests, topics and no-go pairs."""
    mentors, mentees, topics = _participants(session, event_id)
    if not mentors:
        raise PlanError("nobody checked in is a mentor: check in at least one mentor before planning")
    if not mentees:
        raise PlanError("nobody checked in is a mentee: check in at least one mentee before planning")
    taking_part = set(mentors) | set(mentees)
    requests = [
        (mentee, mentor)
        for mentee, mentor in session.execute(
            select(MentorRequest.mentee_id, MentorRequest.mentor_id)
            .join(Person, Person.id == MentorRequest.mentee_id).where(Person.event_id == event_id)
        )
        if mentee in taking_part and mentor in taking_part
    ]
    no_go = [
        (a, b)
        for a, b in session.execute(
            select(NoGoPair.person_a_id, NoGoPair.person_b_id)
            .join(Person, Person.id == NoGoPair.person_a_id).where(Person.event_id == event_id)
        )
        if a in taking_part and b in taking_part
    ]
    return make_problem(mentors, mentees, rounds, seats, requests=requests, topics=topics, no_go=no_go,
                        breaks=breaks)


def save_plan(
    session: Session,
    event_id: int,
    plan: Plan,
    *,
    minutes: int,
    changeover_seconds: int | None = None,
    name: str | None = None,
    flash_session_id: int | None = None,
    keep: int = 0,
    spots: Spots | None = None,
) -> int:
    """Save ``plan`` as a new flash session, or over an existing one keeping its first ``keep``
    rounds (those that have started) untouched. Returns the flash session's id.

    ``changeover_seconds``: None keeps an existing session's changeover (a new one gets a minute).
    ``spots``: where waiting mentees wait (``PlanResult.waiting_spots``), stored with their seats.
    """
    if not MINUTES_RANGE[0] <= minutes <= MINUTES_RANGE[1]:
        raise PlanError(f"minutes per round must be between {MINUTES_RANGE[0]} and {MINUTES_RANGE[1]}")
    check_changeover(changeover_seconds)
    if flash_session_id is None:
        flash = FlashSession(event_id=event_id, changeover_seconds=DEFAULT_CHANGEOVER_SECONDS)
        if name:
            flash.name = name
        session.add(flash)
    else:
        found = session.get(FlashSession, flash_session_id)
        if found is None or found.event_id != event_id:
            raise PlanError(f"there is no flash session {flash_session_id} in this event")
        flash = found
    if changeover_seconds is not None:
        flash.changeover_seconds = changeover_seconds
    flash.mode = plan.mode
    flash.round_count = len(plan.rounds)
    flash.round_minutes = minutes
    flash.seats_per_table = plan.seats
    flash.status = SessionStatus.PLANNED if keep == 0 else flash.status
    flash.planned_at = utcnow()
    session.flush()

    existing_tables = set(session.scalars(select(FlashTable.number).where(FlashTable.session_id == flash.id)))
    for number in sorted(set(plan.mentor_tables().values()) - existing_tables):
        session.add(FlashTable(session_id=flash.id, number=number))
    rounds = {r.number: r for r in session.scalars(select(FlashRound).where(FlashRound.session_id == flash.id))}
    for number, stale in sorted(rounds.items()):
        if number > len(plan.rounds):
            session.delete(stale)
    session.flush()
    seats: list[dict[str, object]] = []
    for planned in plan.rounds:
        if planned.number <= keep:
            continue
        row = rounds.get(planned.number)
        if row is None:
            row = FlashRound(session_id=flash.id, number=planned.number)
            session.add(row)
            session.flush()
        else:
            session.execute(delete(FlashSeat).where(FlashSeat.round_id == row.id))
        seats.extend(_seat_rows(row.id, planned, (spots or {}).get(planned.number, {})))
    if seats:
        session.execute(insert(FlashSeat), seats)
    session.expire_all()
    return flash.id


def check_changeover(seconds: int | None) -> None:
    low, high = CHANGEOVER_SECONDS_RANGE
    if seconds is not None and not low <= seconds <= high:
        raise PlanError(f"the changeover must be between {low} and {high} seconds")


def _seat_rows(round_id: int, planned: Round, spots: Mapping[int, str]) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for table in planned.tables:
        if table.on_break:
            rows.append({"round_id": round_id, "person_id": table.mentor, "kind": SeatKind.BREAK, "table_number": None,
                         "spot": None})
            continue
        rows.append({"round_id": round_id, "person_id": table.mentor, "kind": SeatKind.MENTOR,
                     "table_number": table.number, "spot": None})
        rows.extend({"round_id": round_id, "person_id": mentee, "kind": SeatKind.MENTEE,
                     "table_number": table.number, "spot": None} for mentee in table.mentees)
    rows.extend({"round_id": round_id, "person_id": mentee, "kind": SeatKind.WAITING, "table_number": None,
                 "spot": spots.get(mentee) or None} for mentee in planned.waiting)
    return rows


def load_plan(session: Session, flash_session_id: int) -> Plan:
    flash = session.get(FlashSession, flash_session_id)
    if flash is None:
        raise PlanError(f"there is no flash session {flash_session_id}")
    rows = session.execute(
        select(FlashRound.number, FlashSeat.person_id, FlashSeat.kind, FlashSeat.table_number)
        .join(FlashSeat, FlashSeat.round_id == FlashRound.id)
        .where(FlashRound.session_id == flash_session_id)
        .order_by(FlashRound.number, FlashSeat.id)
    ).all()
    numbers = sorted(session.scalars(select(FlashRound.number).where(FlashRound.session_id == flash_session_id)))
    by_round: dict[int, list[tuple[int, SeatKind, int | None]]] = defaultdict(list)
    tables_by_round: dict[int, dict[int, int]] = defaultdict(dict)
    for number, person, kind, table in rows:
        by_round[number].append((person, kind, table))
        if kind is SeatKind.MENTOR and table is not None:
            tables_by_round[person][number] = table
    rounds = []
    for number in numbers:
        seated: dict[int, list[int]] = defaultdict(list)
        mentors: dict[int, bool] = {}
        waiting = []
        for person, kind, table in by_round[number]:
            if kind is SeatKind.MENTOR:
                mentors[person] = False
            elif kind is SeatKind.BREAK:
                mentors[person] = True
            elif kind is SeatKind.MENTEE and table is not None:
                seated[table].append(person)
            else:
                waiting.append(person)
        taken = {tables_by_round[m][number] for m, away in mentors.items() if not away}
        tables = []
        for mentor, away in sorted(mentors.items()):
            number_ = tables_by_round[mentor].get(number) if not away else _break_table(tables_by_round[mentor], number)
            if number_ is None or (away and number_ in taken):
                # A break has no table on record: the nearest round's table, else a free number.
                number_ = next(n for n in range(1, len(mentors) + len(taken) + 2) if n not in taken)
            taken.add(number_)
            tables.append(Table(number_, mentor, tuple(sorted(seated.get(number_, ()))) if not away else (), away))
        tables.sort(key=lambda t: t.number)
        rounds.append(Round(number, tuple(tables), tuple(sorted(waiting))))
    return Plan(mode=flash.mode, seats=flash.seats_per_table, rounds=tuple(rounds))


def load_spots(session: Session, flash_session_id: int) -> dict[int, dict[int, str]]:
    """The stored waiting spots of a session: round number → waiting mentee → where they wait."""
    found: dict[int, dict[int, str]] = defaultdict(dict)
    for number, person, spot in session.execute(
        select(FlashRound.number, FlashSeat.person_id, FlashSeat.spot)
        .join(FlashSeat, FlashSeat.round_id == FlashRound.id)
        .where(FlashRound.session_id == flash_session_id, FlashSeat.spot.is_not(None))
    ):
        if spot is not None:  # as selected
            found[number][person] = spot
    return dict(found)


def _break_table(tables: dict[int, int], number: int) -> int | None:
    """The table of a mentor on a break: where they sit in the nearest round (later first)."""
    if not tables:
        return None
    return tables[min(tables, key=lambda r: (abs(r - number), r < number))]


def started_rounds(session: Session, flash_session_id: int) -> int:
    """How many rounds have started: those with a start time, or up to the clock's round."""
    flash = session.get(FlashSession, flash_session_id)
    if flash is None:
        raise PlanError(f"there is no flash session {flash_session_id}")
    stamped = session.scalar(
        select(func.max(FlashRound.number)).where(FlashRound.session_id == flash_session_id,
                                                  FlashRound.started_at.is_not(None))
    ) or 0
    clock = flash.clock.round_number if flash.clock is not None else 0
    return max(stamped, clock)


def replan_saved(
    session: Session,
    flash_session_id: int,
    *,
    started: int | None = None,
    breaks: Mapping[int, Iterable[int]] | None = None,
) -> PlanResult:
    """Re-plan a saved session for the people checked in now and save it.

    ``breaks`` gives every mentor break for the rounds still to come; by default the breaks
    already in the saved plan are kept (breaks of mentors who left are ignored).
    """
    flash = session.get(FlashSession, flash_session_id)
    if flash is None:
        raise PlanError(f"there is no flash session {flash_session_id}")
    previous = load_plan(session, flash_session_id)
    if started is None:
        started = started_rounds(session, flash_session_id)
    if breaks is None:
        kept: dict[int, set[int]] = defaultdict(set)
        for planned in previous.rounds[started:]:
            for mentor in planned.on_break:
                kept[mentor].add(planned.number)
        breaks = kept
    problem = load_problem(session, flash.event_id, rounds=flash.round_count, seats=flash.seats_per_table,
                           breaks=breaks)
    result = replan(previous, started, problem)
    save_plan(session, flash.event_id, result.plan, minutes=flash.round_minutes,
              flash_session_id=flash_session_id, keep=started, spots=result.waiting_spots)
    return result
