"""What the schedule papers show, built from the saved flash plan (no drawing here).

One :class:`ScheduleData` feeds the master grid (rounds × tables), the roster sheet of each
table, the itinerary card of each mentee and the table tents. It is built from the plan stored
in the event file (``services.flash.saved_plan.load_plan``), by default the event's current flash
session (``services.flash.current_session_id``, the one the Flash page shows).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from mentordesk.models import FlashSession, FlashTable
from mentordesk.printing.catalog import DocumentError
from mentordesk.printing.eventdata import Name, current_event, names
from mentordesk.services.flash import PlanError, current_session_id, load_plan, load_spots
from mentordesk.services.flash.durations import changeover_phrase

NO_PLAN = ("no rotation has been planned for this event yet: plan one on the Flash page, or run "
           "'mentordesk flash plan --event FILE --rounds R --minutes M --json OUT --save'")


@dataclass(frozen=True)
class TableRound:
    """One table in one round: a cell of the master grid, a line of the roster."""

    round: int
    mentor: Name | None
    mentees: tuple[Name, ...] = ()
    on_break: bool = False


@dataclass(frozen=True)
class TableSchedule:
    number: int
    #: The table's label for the tent ("by the window"); often empty.
    label: str
    #: Everyone who mentors at this table, in the order they first sit there (usually one).
    mentors: tuple[Name, ...]
    #: One entry per round of the plan.
    rounds: tuple[TableRound, ...]

    @property
    def title(self) -> str:
        return f"Table {self.number}" + (f" — {self.label}" if self.label else "")

    @property
    def mentor_names(self) -> str:
        return " / ".join(m.full for m in self.mentors)


@dataclass(frozen=True)
class Stop:
    """Where a mentee is in one round: at a table with a mentor, waiting, or not taking part."""

    round: int
    table: int | None = None
    mentor: Name | None = None
    waiting: bool = False
    #: Where to wait, when the plan names a place ("waiting spot 3a", "beside table 4").
    spot: str = ""

    @property
    def absent(self) -> bool:
        return self.table is None and not self.waiting


@dataclass(frozen=True)
class Itinerary:
    person: Name
    stops: tuple[Stop, ...]

    @property
    def meetings(self) -> int:
        return sum(1 for stop in self.stops if stop.table is not None)


@dataclass(frozen=True)
class ScheduleData:
    event_name: str
    flash_session_id: int
    session_name: str
    mode: str
    seats: int
    round_minutes: int
    changeover_seconds: int
    round_numbers: tuple[int, ...]
    tables: tuple[TableSchedule, ...]
    #: Round number order: the mentees waiting in each round, by surname.
    waiting: tuple[tuple[Name, ...], ...]
    #: Every mentee of the plan, by surname.
    itineraries: tuple[Itinerary, ...]
    #: Round number order, parallel to ``waiting``: where each waits ("" for the waiting area).
    waiting_spots: tuple[tuple[str, ...], ...] = ()

    @property
    def meetings(self) -> int:
        return sum(len(cell.mentees) for table in self.tables for cell in table.rounds)

    def describe(self) -> str:
        """"6 rounds of 7 minutes, 1-minute changeover" (or "90-second changeover") for headers."""
        rounds = len(self.round_numbers)
        text = f"{rounds} round{'s' if rounds != 1 else ''} of {self.round_minutes} minutes"
        if self.changeover_seconds:
            text += f", {changeover_phrase(self.changeover_seconds)}"
        return text


def build_schedule(session: Session, flash_session_id: int | None = None) -> ScheduleData:
    """The schedule of one flash session (default: the current one); DocumentError when it has no plan."""
    event = current_event(session)
    if flash_session_id is None or flash_session_id == 0:
        flash_session_id = current_session_id(session, event.id)
        if flash_session_id is None:
            raise DocumentError(NO_PLAN)
    flash = session.get(FlashSession, flash_session_id)
    if flash is None or flash.event_id != event.id:
        raise DocumentError(f"there is no flash session {flash_session_id} in this event")
    try:
        plan = load_plan(session, flash_session_id)
    except PlanError as exc:
        raise DocumentError(str(exc)) from None
    if not plan.rounds:
        raise DocumentError(NO_PLAN)

    people = names(session, {t.mentor for r in plan.rounds for t in r.tables}
                   | {m for r in plan.rounds for m in r.mentees})
    labels = dict(session.execute(
        select(FlashTable.number, FlashTable.label).where(FlashTable.session_id == flash_session_id)
    ).all())

    def by_surname(ids: tuple[int, ...] | list[int]) -> tuple[Name, ...]:
        return tuple(sorted((people[i] for i in ids if i in people), key=lambda n: n.sort_key))

    numbers = tuple(r.number for r in plan.rounds)
    table_numbers = sorted({t.number for r in plan.rounds for t in r.tables})
    tables = []
    for number in table_numbers:
        cells = []
        mentors: list[Name] = []
        for round_ in plan.rounds:
            found = next((t for t in round_.tables if t.number == number), None)
            if found is None:
                cells.append(TableRound(round_.number, None))
                continue
            mentor = people.get(found.mentor)
            if mentor is not None and mentor not in mentors:
                mentors.append(mentor)
            cells.append(TableRound(round_.number, mentor, by_surname(found.mentees), found.on_break))
        tables.append(TableSchedule(number, labels.get(number) or "", tuple(mentors), tuple(cells)))

    waiting = tuple(by_surname(r.waiting) for r in plan.rounds)
    spots = load_spots(session, flash_session_id)
    waiting_spots = tuple(tuple(spots.get(r.number, {}).get(n.person_id, "") for n in names_)
                          for r, names_ in zip(plan.rounds, waiting, strict=True))
    mentee_ids = {m for r in plan.rounds for m in r.mentees}
    itineraries = []
    for person in by_surname(sorted(mentee_ids)):
        stops = []
        for round_ in plan.rounds:
            if person.person_id in round_.waiting:
                stops.append(Stop(round_.number, waiting=True,
                                  spot=spots.get(round_.number, {}).get(person.person_id, "")))
                continue
            table = round_.table_of(person.person_id)
            if table is None:
                stops.append(Stop(round_.number))
            else:
                stops.append(Stop(round_.number, table.number, people.get(table.mentor)))
        itineraries.append(Itinerary(person, tuple(stops)))

    return ScheduleData(
        event_name=event.name,
        flash_session_id=flash_session_id,
        session_name=flash.name,
        mode=str(flash.mode),
        seats=flash.seats_per_table,
        round_minutes=flash.round_minutes,
        changeover_seconds=flash.changeover_seconds,
        round_numbers=numbers,
        tables=tuple(tables),
        waiting=waiting,
        itineraries=tuple(itineraries),
        waiting_spots=waiting_spots,
    )
