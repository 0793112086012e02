"""What a planner returns: a plan (rounds × tables, who waits) and figures about its quality.

The shapes are canonical so that two plans compare equal exactly when they seat everybody the
same way: tables sorted by number, mentee and waiting ids sorted ascending. Every mentor present
in a round has a table entry in it, also when idle (no mentees) or on a break (``on_break``);
mentors never change tables within a plan.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from mentordesk.models import PlanMode


@dataclass(frozen=True)
class Table:
    number: int
    mentor: int
    mentees: tuple[int, ...] = ()
    #: The mentor is away this round (a break); such a table has no mentees.
    on_break: bool = False


@dataclass(frozen=True)
class Round:
    number: int
    tables: tuple[Table, ...]
    #: Mentees present but not at a table this round.
    waiting: tuple[int, ...] = ()

    def pairs(self) -> Iterator[tuple[int, int]]:
        """(mentee, mentor) for every meeting of the round."""
        for table in self.tables:
            for mentee in table.mentees:
                yield mentee, table.mentor

    @property
    def mentors(self) -> tuple[int, ...]:
        return tuple(table.mentor for table in self.tables)

    @property
    def mentees(self) -> tuple[int, ...]:
        """Every mentee of the round, seated or waiting."""
        return tuple(sorted([m for table in self.tables for m in table.mentees] + list(self.waiting)))

    @property
    def on_break(self) -> tuple[int, ...]:
        return tuple(table.mentor for table in self.tables if table.on_break)

    def table_of(self, person_id: int) -> Table | None:
        for table in self.tables:
            if table.mentor == person_id or person_id in table.mentees:
                return table
        return None


@dataclass(frozen=True)
class Plan:
    mode: PlanMode
    seats: int
    rounds: tuple[Round, ...]

    def pairs(self) -> Iterator[tuple[int, int]]:
        for round_ in self.rounds:
            yield from round_.pairs()

    def mentor_tables(self) -> dict[int, int]:
        """Mentor id → table number, over every round of the plan."""
        return {table.mentor: table.number for round_ in self.rounds for table in round_.tables}

    def itinerary(self, person_id: int) -> tuple[int | None, ...]:
        """The person's table number in each round; None when waiting, on a break or absent."""
        result: list[int | None] = []
        for round_ in self.rounds:
            table = round_.table_of(person_id)
            result.append(None if table is None or table.on_break else table.number)
        return tuple(result)


@dataclass(frozen=True)
class PlanStats:
    """How good a plan is, for the facilitator, the tests and the benchmark."""

    #: Meetings in the whole plan (rounds already held included).
    meetings: int
    #: The most meetings any valid plan of this problem can have; exact unless mentors take
    #: breaks, where it is an upper bound.
    meeting_bound: int
    #: Fewest and most meetings of a mentee taking part now (over the whole plan).
    mentee_min: int
    mentee_max: int
    requests_honoured: int
    #: Requests whose mentee and mentor both take part.
    requests_total: int
    #: Shared topics summed over all meetings.
    topic_overlap: int
    waits_min: int
    waits_max: int
    #: Rounds a present, available mentor sat without any mentee.
    mentor_idle_min: int
    mentor_idle_max: int
    #: (mentee, mentor) pairs the match planner chose but could not place in a round (mentor
    #: breaks, or mentees who must not share a table); other meetings may have taken their seats.
    dropped: tuple[tuple[int, int], ...] = ()
    warnings: tuple[str, ...] = ()
    #: Mentees per table the plan was made for (0: not known); "the most possible" is for these seats.
    seats: int = 0

    def describe(self) -> str:
        """One line for the command line and the status bar."""
        most = "the most possible" if self.meetings == self.meeting_bound else f"at most {self.meeting_bound} possible"
        if self.seats:
            most += f" with {self.seats} seat{'' if self.seats == 1 else 's'} per table"
        spread = f"{self.mentee_min}" if self.mentee_min == self.mentee_max else f"{self.mentee_min}–{self.mentee_max}"
        meetings = f"{self.meetings} meeting" + ("" if self.meetings == 1 else "s")
        return (f"{meetings} ({most}), {spread} per mentee, "
                f"{self.requests_honoured} of {self.requests_total} requested mentors met")


@dataclass(frozen=True)
class PlanResult:
    plan: Plan
    stats: PlanStats
    #: What a facilitator announces (how people move); plain language.
    explanation: str
    #: Rotate mode: round number → waiting mentee id → where to wait ("waiting spot 3a",
    #: "beside table 4"), for the projector. Empty in match mode (one waiting area); ``save_plan``
    #: stores them with the waiting seats (``FlashSeat.spot``).
    waiting_spots: Mapping[int, Mapping[int, str]] = field(default_factory=dict)
