"""Match mode, step 2: place the chosen pairs into rounds, spreading waiting and idle turns fairly.

Round by round, a small min-cost flow picks who meets now. Whoever would otherwise run out of
rounds is *tight* and must be seated: a mentee with as many pairs left as rounds left, a mentor
with more pairs left than seats in their remaining available rounds after this one. By König's
theorem (mentors split into ``seats`` copies) a round seating every tight person always exists,
and seating it keeps every remaining pair placeable, so without mentor breaks all chosen pairs
get a round. Among the seatings that do, the flow prefers, level by level: about an equal
share of the pairs left in every round (so waiting turns spread over the session instead of
piling up at its end); mentees who have waited most (then those with more spare rounds, so that
someone with a single waiting turn to take takes it early); each mentor's pairs spread over their
rounds (one mentee a round rather than three and then idle rounds); mentors who have idled most;
pairs whose mentor is away in more of the remaining rounds. That is what spreads waiting and
idle turns fairly: whoever waits now is whoever has waited least.

Mentor breaks can make the chosen pairs impossible to place (a mentee's two mentors both
available only in the same round), and so can two mentees who must not share a table
(``clash.py``). A tight mentee then only takes a pair that leaves the rest placeable; pairs left
over are dropped, never forced into an invalid round, and ``repair.py`` improves the rounds one
at a time afterwards.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from mentordesk.services.flash.clash import mentee_clashes, solve_apart
from mentordesk.services.flash.facts import Facts
from mentordesk.services.flash.flow import Arcs
from mentordesk.services.flash.repair import improve_rounds


@dataclass(frozen=True)
class Schedule:
    #: Round number → (mentee, mentor) pairs meeting in it.
    meetings: dict[int, tuple[tuple[int, int], ...]]
    #: Chosen pairs that are not in the final rounds (mentor breaks, mentees kept apart).
    dropped: tuple[tuple[int, int], ...]


def _dense_ranks(keys: dict[int, tuple[int, ...]]) -> dict[int, int]:
    order = {key: rank for rank, key in enumerate(sorted(set(keys.values())))}
    return {who: order[key] for who, key in keys.items()}


class _Scheduler:
    def __init__(self, facts: Facts, pairs: tuple[tuple[int, int], ...]) -> None:
        self.facts = facts
        self.left_of_mentee: dict[int, set[int]] = defaultdict(set)
        self.left_of_mentor: dict[int, set[int]] = defaultdict(set)
        for mentee, mentor in pairs:
            self.left_of_mentee[mentee].add(mentor)
            self.left_of_mentor[mentor].add(mentee)
        self.waits = dict(facts.held_waits)
        self.idle = dict(facts.held_idle)
        self.available_set = {m: frozenset(rounds) for m, rounds in facts.available.items()}
        self.clashes = mentee_clashes(facts.problem)
        #: Without breaks every mentor is available in every remaining round, and counting
        #: rounds is exact; with breaks, which rounds matter too.
        self.breaks_ahead = any(len(rounds) < len(facts.remaining) for rounds in facts.available.values())

    def fits(self, mentors: set[int] | list[int], first: int) -> bool:
        """Can these pairs of one mentee all get different rounds from ``first`` on, each in a
        round its mentor is available? (A tiny bipartite matching, by augmenting paths.)"""
        owner: dict[int, int] = {}

        def place(mentor: int, seen: set[int]) -> bool:
            for r in self.facts.available[mentor]:
                if r < first or r in seen:
                    continue
                seen.add(r)
                if r not in owner or place(owner[r], seen):
                    owner[r] = mentor
                    return True
            return False

        return all(place(mentor, set()) for mentor in sorted(mentors))

    def admissible(self, edge: tuple[int, int], t: int, tight: bool) -> bool:
        """With breaks ahead, a tight mentee may only take a pair now if the rest still fit
        (if no pair qualifies, every pair stays allowed and one will be dropped)."""
        mentee, mentor = edge
        if not tight:
            return True
        left = self.left_of_mentee[mentee]
        if not any(self.fits(left - {other}, t + 1) for other in left if t in self.available_set[other]):
            return True
        return self.fits(left - {mentor}, t + 1)

    def rounds_available_from(self, mentor: int, t: int) -> int:
        return sum(1 for r in self.facts.available[mentor] if r >= t)

    def place_round(self, t: int) -> list[tuple[int, int]]:
        facts = self.facts
        setup = self._setup(t)
        # Two mentees who must not share a table: the one who can better wait (not tight, lower
        # priority) gives up that seat.
        chosen = solve_apart(
            lambda usable: self._solve(setup, usable), setup.edges, self.clashes,
            lambda p: (setup.tight[p], setup.mentee_rank[p], -p),
        )
        seated = set()
        for mentee, mentor in chosen:
            self.left_of_mentee[mentee].discard(mentor)
            self.left_of_mentor[mentor].discard(mentee)
            seated.add(mentee)
        for mentee in facts.mentees:
            if mentee not in seated:
                self.waits[mentee] += 1
        busy = {mentor for _, mentor in chosen}
        for mentor in facts.mentors:
            if t in self.available_set[mentor] and mentor not in busy:
                self.idle[mentor] += 1
        return chosen

    def _setup(self, t: int) -> _Round:
        """Who can meet whom now, who must, and everyone's priority."""
        facts = self.facts
        rounds_left = facts.problem.rounds - t + 1
        ahead = {m: self.rounds_available_from(m, t) for m in facts.mentors}
        edges = sorted((mentee, mentor) for mentor in facts.mentors if t in self.available_set[mentor]
                       for mentee in self.left_of_mentor[mentor])
        candidates = sorted({mentee for mentee, _ in edges})
        mentors = sorted({mentor for _, mentor in edges})

        tight: dict[int, bool] = {}
        mentee_key: dict[int, tuple[int, ...]] = {}
        for mentee in candidates:
            left = self.left_of_mentee[mentee]
            usable = {r for mentor in left for r in facts.available[mentor] if r >= t}
            slack = len(usable) - len(left)
            tight[mentee] = slack <= 0 or (self.breaks_ahead and not self.fits(left, t + 1))
            # Who has waited most sits first; among equals, whoever has more spare rounds
            # sits now, so that those with only one waiting turn to take take it early.
            mentee_key[mentee] = (self.waits[mentee], slack, -len(left))
        if self.breaks_ahead:
            edges = [edge for edge in edges if self.admissible(edge, t, tight[edge[0]])]
        lower: dict[int, int] = {}
        share: dict[int, int] = {}
        mentor_key: dict[int, tuple[int, ...]] = {}
        for mentor in mentors:
            remaining = len(self.left_of_mentor[mentor])
            lower[mentor] = max(0, min(facts.seats, remaining - facts.seats * (ahead[mentor] - 1)))
            share[mentor] = -(-remaining // ahead[mentor])
            mentor_key[mentor] = (self.idle[mentor], facts.seats * ahead[mentor] - remaining)
        return _Round(
            rounds_left=rounds_left, edges=edges, candidates=candidates, mentors=mentors, tight=tight,
            mentee_rank=_dense_ranks(mentee_key), mentor_rank=_dense_ranks(mentor_key), lower=lower,
            urgency={m: rounds_left - ahead[m] for m in mentors}, mentor_share=share,
            share=-(-sum(len(v) for v in self.left_of_mentor.values()) // rounds_left),
        )

    def _solve(self, r: _Round, usable: list[tuple[int, int]]) -> list[tuple[int, int]]:
        # Weights, each level above everything the levels below can change along one exchange.
        n, m = len(r.candidates), len(r.mentors)
        urgency_max = r.rounds_left * (2 * min(n, m) + 2)
        mentor_weight = urgency_max + 1
        crowding = mentor_weight * (m + 1)
        mentee_weight = 2 * (crowding + mentor_weight * (m + 1)) + urgency_max + 1
        beyond_share = mentee_weight * (n + 1) + mentor_weight * (m + 1) + urgency_max + 1
        must = (n + 1) * (beyond_share + mentee_weight * (n + 1)) + mentor_weight * (m + 1) ** 2 + urgency_max

        source, hub, sink = 0, 1, n + m + 2
        node = {p: 2 + i for i, p in enumerate(r.candidates)}
        node.update({p: 2 + n + j for j, p in enumerate(r.mentors)})
        arcs = Arcs()
        arcs.add(source, sink, n, 0)  # seating nobody is allowed; every seat is a reward
        arcs.add(source, hub, r.share, 0)
        arcs.add(source, hub, n, beyond_share)
        for mentee in r.candidates:
            reward = mentee_weight * (r.mentee_rank[mentee] + 1) + (must if r.tight[mentee] else 0)
            arcs.add(hub, node[mentee], 1, -reward)
        first = len(arcs.tails)
        for mentee, mentor in usable:
            arcs.add(node[mentee], node[mentor], 1, -r.urgency[mentor])
        for mentor in r.mentors:
            for seat in range(1, self.facts.seats + 1):
                if seat <= r.lower[mentor]:
                    cost = -must
                elif seat == 1:
                    cost = -mentor_weight * (r.mentor_rank[mentor] + 1)
                else:
                    cost = crowding if seat > r.mentor_share[mentor] else 0
                arcs.add(node[mentor], sink, 1, cost)
        flows = arcs.solve(source, sink, n)
        return [edge for edge, used in zip(usable, flows[first:first + len(usable)], strict=True) if used]


@dataclass(frozen=True)
class _Round:
    """One round's flow input (see the module docstring for what each part is for)."""

    rounds_left: int
    edges: list[tuple[int, int]]
    candidates: list[int]
    mentors: list[int]
    #: Mentee → must be seated now.
    tight: dict[int, bool]
    mentee_rank: dict[int, int]
    mentor_rank: dict[int, int]
    #: Mentor → seats that must be filled now.
    lower: dict[int, int]
    #: Mentor → remaining rounds they are away (prefer their pairs now).
    urgency: dict[int, int]
    #: Mentor → seats worth filling now to spread their pairs over their rounds.
    mentor_share: dict[int, int]
    #: Seats worth filling now to spread all pairs over the rounds.
    share: int


def schedule(facts: Facts, pairs: tuple[tuple[int, int], ...]) -> Schedule:
    scheduler = _Scheduler(facts, pairs)
    meetings = {t: scheduler.place_round(t) for t in facts.remaining}
    if any(scheduler.left_of_mentee.values()):
        improve_rounds(facts, meetings)
    met = {pair for pairs_ in meetings.values() for pair in pairs_}
    dropped = tuple(sorted(pair for pair in pairs if pair not in met))
    return Schedule({t: tuple(sorted(pairs_)) for t, pairs_ in meetings.items()}, dropped)
