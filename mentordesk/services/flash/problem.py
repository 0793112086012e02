"""The planner's plain input: who takes part, how many rounds and seats, and what constrains them.

A ``Problem`` holds only ids and facts (no database objects), so planning is a pure function that
tests and benchmarks can call with made-up events. The constructor normalises its arguments
(sorted ids, ordered no-go pairs, case-folded topics) so that the same event always gives the same
plan, whatever order the caller listed things in; input no plan can satisfy raises ``PlanError``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from mentordesk.services.domain_error import DomainError
from mentordesk.services.flash.plan import Round

MAX_ROUNDS = 100
SEAT_CHOICES = (1, 2, 3)


class PlanError(DomainError):
    """Input that cannot be planned; the message is one line for the user."""


@dataclass(frozen=True)
class Problem:
    """One planning job. Rounds are numbered from 1; ``held`` are rounds 1..len(held), kept as run.

    ``tables`` pins mentors to table numbers (a re-plan keeps everyone's table); mentors not
    listed get the lowest free numbers in id order. Mentors and mentees in ``held`` who no longer
    take part (they left) stay in those rounds and are not planned further.
    """

    mentors: tuple[int, ...]
    mentees: tuple[int, ...]
    rounds: int
    seats: int = 1
    #: (mentee, mentor) pairs the mentee asked for.
    requests: frozenset[tuple[int, int]] = frozenset()
    #: Person id → topics (compared case-insensitively).
    topics: Mapping[int, frozenset[str]] = field(default_factory=dict)
    #: Pairs of people who must never sit together, stored (lower id, higher id).
    no_go: frozenset[tuple[int, int]] = frozenset()
    #: Mentor id → round numbers in which the mentor is away (others' breaks are ignored).
    breaks: Mapping[int, frozenset[int]] = field(default_factory=dict)
    held: tuple[Round, ...] = ()
    tables: Mapping[int, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        set_ = object.__setattr__
        set_(self, "mentors", tuple(sorted(set(self.mentors))))
        set_(self, "mentees", tuple(sorted(set(self.mentees))))
        set_(self, "requests", frozenset((int(a), int(b)) for a, b in self.requests))
        set_(self, "no_go", frozenset((min(a, b), max(a, b)) for a, b in self.no_go if a != b))
        set_(self, "topics", {pid: frozenset(t.strip().casefold() for t in topics if t.strip())
                              for pid, topics in sorted(self.topics.items())})
        # A break of someone not (or no longer) taking part as a mentor changes nothing.
        set_(self, "breaks", {mentor: frozenset(rounds) for mentor, rounds in sorted(self.breaks.items())
                              if rounds and mentor in self.mentors})
        set_(self, "held", tuple(self.held))
        set_(self, "tables", dict(sorted(self.tables.items())))
        self._check()

    def _check(self) -> None:
        if not self.mentors:
            raise PlanError("there are no mentors to plan: check in at least one mentor")
        if not self.mentees:
            raise PlanError("there are no mentees to plan: check in at least one mentee")
        if not 1 <= self.rounds <= MAX_ROUNDS:
            raise PlanError(f"the number of rounds must be between 1 and {MAX_ROUNDS}")
        if self.seats not in SEAT_CHOICES:
            raise PlanError("seats per table must be 1, 2 or 3")
        both = set(self.mentors) & set(self.mentees)
        if both:
            raise PlanError(f"person {min(both)} is listed both as a mentor and as a mentee")
        if len(self.held) > self.rounds:
            raise PlanError(f"{len(self.held)} rounds have been held but the plan has only {self.rounds}")
        for index, round_ in enumerate(self.held, start=1):
            if round_.number != index:
                raise PlanError(f"held rounds must be numbered 1, 2, …; found round {round_.number} at {index}")
        mentors = set(self.mentors)
        for rounds in self.breaks.values():
            outside = [r for r in rounds if not 1 <= r <= self.rounds]
            if outside:
                raise PlanError(f"a break in round {min(outside)} is outside rounds 1–{self.rounds}")
        numbers = [n for m, n in self.tables.items() if m in mentors]
        if len(numbers) != len(set(numbers)) or any(n < 1 for n in numbers):
            raise PlanError("table numbers must be positive and different for every mentor")

    # -- questions the planners ask

    def is_no_go(self, a: int, b: int) -> bool:
        return (min(a, b), max(a, b)) in self.no_go

    def overlap(self, mentee: int, mentor: int) -> int:
        return len(self.topics.get(mentee, frozenset()) & self.topics.get(mentor, frozenset()))

    def on_break(self, mentor: int, round_number: int) -> bool:
        return round_number in self.breaks.get(mentor, frozenset())


def make_problem(
    mentors: Iterable[int],
    mentees: Iterable[int],
    rounds: int,
    seats: int = 1,
    *,
    requests: Iterable[tuple[int, int]] = (),
    topics: Mapping[int, Iterable[str]] | None = None,
    no_go: Iterable[tuple[int, int]] = (),
    breaks: Mapping[int, Iterable[int]] | None = None,
    held: Iterable[Round] = (),
    tables: Mapping[int, int] | None = None,
) -> Problem:
    """Build a ``Problem`` from loose iterables (lists, generators, sets)."""
    return Problem(
        mentors=tuple(mentors),
        mentees=tuple(mentees),
        rounds=rounds,
        seats=seats,
        requests=frozenset(requests),
        topics={pid: frozenset(values) for pid, values in (topics or {}).items()},
        no_go=frozenset(no_go),
        breaks={pid: frozenset(values) for pid, values in (breaks or {}).items()},
        held=tuple(held),
        tables=dict(tables or {}),
    )
