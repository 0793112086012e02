"""Rotate mode: the classic movement. Mentors stay; after every round each mentee moves on one place.

The places form one circuit: the tables in number order, with waiting spots spread evenly between
them when there are more mentees than seats (so nobody waits several rounds in a row just because
of where they started). A table has ``seats`` places, one per *seat column*; a column is a ring of
places that its mentees travel together, empty places moving along like everybody else. With
P places in the circuit nobody meets a mentor twice in P rounds; a mentee who would (a longer
session) waits instead, and a warning says so.

No-go pairs and pairs met in rounds already held are avoided by choosing the starting places:
swaps between two starting places (or with an empty one) are made while they reduce such
meetings; two mentees of a no-go pair who would travel together (same place, other seat column)
are separated the same way. A meeting that cannot be avoided becomes a waiting turn for that
mentee, with a warning. A mentor on a break leaves the table's mentees waiting there for the
round; they move on as usual.

A re-plan continues the movement: whoever sat at a table in the last held round starts the new
rounds at the next place; the others fill the free places, tables first.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass

from mentordesk.services.flash.clash import mentee_clashes
from mentordesk.services.flash.facts import Facts


@dataclass(frozen=True)
class Station:
    #: The mentor at this table, or None for a waiting spot.
    mentor: int | None
    label: str


@dataclass(frozen=True)
class Rotation:
    meetings: dict[int, tuple[tuple[int, int], ...]]
    explanation: str
    warnings: tuple[str, ...]
    #: Round → waiting mentee → where they wait ("waiting spot 3a", "beside table 4").
    waiting_spots: dict[int, dict[int, str]]


def _letters(index: int) -> str:
    """0 → a, 25 → z, 26 → aa …"""
    text = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        text = chr(ord("a") + rest) + text
    return text


def build_circuit(facts: Facts) -> list[Station]:
    mentors = sorted(facts.mentors, key=lambda m: facts.tables[m])
    count = len(mentors)
    places = max(count, math.ceil(len(facts.mentees) / facts.seats))
    spots = places - count
    circuit: list[Station] = []
    for k, mentor in enumerate(mentors):
        number = facts.tables[mentor]
        circuit.append(Station(mentor, f"table {number}"))
        after = (k + 1) * spots // count - k * spots // count
        circuit.extend(Station(None, f"waiting spot {number}{_letters(i)}") for i in range(after))
    return circuit


class _Arrangement:
    """Who starts the first new round at which (place, seat column)."""

    def __init__(self, facts: Facts, circuit: list[Station]) -> None:
        self.facts = facts
        self.circuit = circuit
        self.places = len(circuit)
        self.positions = [(p, c) for c in range(facts.seats) for p in range(self.places)]
        self.at: dict[tuple[int, int], int | None] = dict.fromkeys(self.positions)
        self.of: dict[int, tuple[int, int]] = {}
        self._conflicts: dict[tuple[int, tuple[int, int]], int] = {}

    def put(self, mentee: int, position: tuple[int, int]) -> None:
        self.at[position] = mentee
        self.of[mentee] = position

    def fresh(self) -> None:
        """Fill seat columns one after the other, spreading a part-filled column evenly."""
        mentees = list(self.facts.mentees)
        index = 0
        for c in range(self.facts.seats):
            count = min(self.places, len(mentees) - index)
            for k in range(count):
                self.put(mentees[index], (k * self.places // count, c))
                index += 1

    def continued(self) -> None:
        """Continue from the last held round: a mentee seated there moves to the next place."""
        facts = self.facts
        place_of = {station.mentor: p for p, station in enumerate(self.circuit) if station.mentor is not None}
        last = facts.problem.held[-1]
        unplaced = []
        previous = {mentee: mentor for mentee, mentor in last.pairs()}
        for mentee in facts.mentees:
            mentor = previous.get(mentee)
            target = None
            if mentor in place_of:
                nxt = (place_of[mentor] + 1) % self.places
                target = next(((nxt, c) for c in range(facts.seats) if self.at[(nxt, c)] is None), None)
            if target is None:
                unplaced.append(mentee)
            else:
                self.put(mentee, target)
        free = [q for q in self.positions if self.at[q] is None]
        free.sort(key=lambda q: (self.circuit[q[0]].mentor is None, q[1], q[0]))
        for mentee, position in zip(unplaced, free, strict=False):
            self.put(mentee, position)

    def visits(self, position: tuple[int, int]) -> Iterator[tuple[int, int, int | None]]:
        """(round number, place, mentor there) for the rounds to plan, starting from ``position``."""
        for k, t in enumerate(self.facts.remaining):
            place = (position[0] + k) % self.places
            yield t, place, self.circuit[place].mentor

    def conflicts(self, mentee: int | None, position: tuple[int, int]) -> int:
        """Meetings this starting place would bring that must not happen (first lap only)."""
        if mentee is None:
            return 0
        key = (mentee, position)
        if key not in self._conflicts:
            facts = self.facts
            count = 0
            for k, (t, _place, mentor) in enumerate(self.visits(position)):
                if k >= self.places:
                    break
                away = mentor is None or facts.problem.on_break(mentor, t)
                if not away and not facts.is_allowed(mentee, mentor):  # type: ignore[arg-type]
                    count += 1
            self._conflicts[key] = count
        return self._conflicts[key]

    def repair(self) -> None:
        """Swap starting places while a swap reduces the meetings that must not happen."""
        for _attempt in range(20):
            improved = False
            for mentee in sorted(self.of):
                here = self.of[mentee]
                now = self.conflicts(mentee, here)
                if not now:
                    continue
                best: tuple[int, tuple[int, int]] | None = None
                for there in self.positions:
                    other = self.at[there]
                    if there == here:
                        continue
                    before = now + self.conflicts(other, there)
                    after = self.conflicts(mentee, there) + self.conflicts(other, here)
                    if after < before and (best is None or after - before < best[0]):
                        best = (after - before, there)
                if best is not None:
                    self.swap(here, best[1])
                    improved = True
            if not improved:
                return

    def swap(self, here: tuple[int, int], there: tuple[int, int]) -> None:
        first, second = self.at[here], self.at[there]
        self.at[here], self.at[there] = second, first
        for who, where in ((first, there), (second, here)):
            if who is not None:
                self.of[who] = where

    def separate(self, clashes: dict[int, frozenset[int]]) -> None:
        """Move one of two mentees who must not share a table to another place of their seat
        column (mentees at one place travel together all session), if that adds no meeting
        that must not happen."""
        seats = self.facts.seats
        for a in sorted(clashes):
            p, _column = self.of[a]
            for b in sorted(clashes[a]):
                if self.of[b][0] != p:
                    continue
                here = self.of[b]
                for q in range(self.places):
                    there = (q, here[1])
                    mates_there = {self.at[(q, c)] for c in range(seats) if c != here[1]}
                    mates_here = {self.at[(p, c)] for c in range(seats) if c != here[1]}
                    other = self.at[there]
                    if q == p or clashes[b] & mates_there:
                        continue
                    if other is not None and clashes.get(other, frozenset()) & mates_here:
                        continue
                    if (self.conflicts(b, there) + self.conflicts(other, here)
                            <= self.conflicts(b, here) + self.conflicts(other, there)):
                        self.swap(here, there)
                        break


def rotate(facts: Facts) -> Rotation:
    circuit = build_circuit(facts)
    arrangement = _Arrangement(facts, circuit)
    if facts.problem.held:
        arrangement.continued()
    else:
        arrangement.fresh()
    arrangement.repair()
    clashes = mentee_clashes(facts.problem)
    arrangement.separate(clashes)

    problem = facts.problem
    meetings: dict[int, list[tuple[int, int]]] = {t: [] for t in facts.remaining}
    spots: dict[int, dict[int, str]] = {t: {} for t in facts.remaining}
    warnings: list[str] = []
    repeats = 0
    for mentee in sorted(arrangement.of):
        met: set[int] = set()
        for t, place, mentor in arrangement.visits(arrangement.of[mentee]):
            if mentor is None:
                spots[t][mentee] = circuit[place].label
                continue
            if problem.on_break(mentor, t):
                pass
            elif problem.is_no_go(mentee, mentor):
                warnings.append(f"mentee {mentee} waits in round {t} instead of meeting mentor {mentor} (a no-go pair)")
            elif (mentee, mentor) in facts.held_pairs or mentor in met:
                repeats += 1
            elif clashes.get(mentee, frozenset()) & {a for a, b in meetings[t] if b == mentor}:
                warnings.append(f"mentee {mentee} waits in round {t} instead of sharing table "
                                f"{facts.tables[mentor]} with a mentee of a no-go pair")
            else:
                met.add(mentor)
                meetings[t].append((mentee, mentor))
                continue
            # Waiting where the movement brought them keeps them on the circuit for next round.
            spots[t][mentee] = f"beside {circuit[place].label}"
    if repeats:
        warnings.append(
            f"the circuit has {len(circuit)} places, so some mentees come back to a mentor they have met; "
            f"they wait instead ({repeats} waiting turns)"
        )
    return Rotation({t: tuple(sorted(p)) for t, p in meetings.items()}, explain(facts, circuit), tuple(warnings),
                    spots)


def explain(facts: Facts, circuit: list[Station]) -> str:
    """What the facilitator announces."""
    tables = [s for s in circuit if s.mentor is not None]
    spots = len(circuit) - len(tables)
    lines = [
        "Mentors stay at their tables all session.",
        f"After each round, every mentee moves on one place: to the next table number, "
        f"and from {tables[-1].label} back to {tables[0].label}." if not spots else
        f"After each round, every mentee moves on one place along the circuit. "
        f"There are {spots} waiting spots, each named after the table it follows "
        f"(waiting spot 3a is the first one after table 3): from a table go to its first waiting spot "
        f"if it has one, otherwise to the next table; from a waiting spot go to the next one, or on to "
        f"the next table; after the last table (and its waiting spots) come back to {tables[0].label}.",
    ]
    if facts.seats > 1:
        lines.append(f"Each table seats up to {facts.seats} mentees; everyone moves the same way, "
                     "so the people at a table change together.")
    if spots:
        lines.append("Waiting is part of the circuit, so everybody takes their turn.")
    elif facts.seats * len(tables) > len(facts.mentees):
        lines.append("Some seats stay empty; the empty seats move along with everybody else.")
    if problem_has_breaks(facts):
        lines.append("When a table's mentor is on a break, the mentees who come to that table wait "
                     "there for the round and then move on as usual.")
    return " ".join(lines)


def problem_has_breaks(facts: Facts) -> bool:
    return any(t in facts.problem.breaks.get(m, frozenset()) for m in facts.mentors for t in facts.remaining)
