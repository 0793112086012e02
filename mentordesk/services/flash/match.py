"""Match mode, step 1: which mentee meets which mentor, chosen exactly by two min-cost flows.

The network is source → mentee → mentor → sink. A mentee can take one meeting per remaining
round, a mentor ``seats`` per round they are available, a pair at most once (and only when it is
no no-go pair and has not met in a held round). Any set of pairs within those capacities fits
into the rounds (König's edge-colouring theorem, with each mentor split into ``seats`` copies),
so the flow decides the meetings exactly; ``round_placement.py`` then places them in rounds.

1. A max flow of minimum convex cost Σ (meetings so far + k)² gives the largest number of
   meetings and the fairest spread of meetings per mentee (the decreasingly-minimal vector,
   which maximises the minimum and minimises the maximum at once): the window [lo, hi].
2. A second max flow keeps every mentee's total inside [lo, hi] (lower bounds as heavily
   rewarded first units) and, lexicographically, honours the most requests, then spreads
   meetings evenly inside the window (Σ meetings²), then evens out mentors' idle rounds, then
   shares the most topics, then evens out mentors' idle seats. The order is made exact by
   integer weights: a simple residual cycle crosses at most two source arcs, two sink arcs and
   ``2·min(mentees, mentors) + 2`` pair arcs, so each level's weight exceeds the largest change
   all lower levels can make along one cycle, and a min-cost flow has no improving cycle at any
   level. (Every level is a sum of per-arc costs, convex per node, so the argument holds.)

Two decisions. The window is used, not the full fairness vector, because "fairest spread" is
the width of the spread: inside the narrowest window requests come first (when everyone can get
the same number, or numbers one apart, the two coincide). Mentors' idle rounds rank above shared
topics because fair idling is a rule of the event ("idle rounds spread fairly"), topics a
preference; without it a mentor with popular topics sits busy while another idles all session.
"""

from __future__ import annotations

from dataclasses import dataclass

from mentordesk.services.flash.facts import Facts
from mentordesk.services.flash.flow import Arcs
from mentordesk.services.flash.problem import PlanError

#: Room left under int64 for ortools' internal cost scaling.
_COST_LIMIT = 2**62


@dataclass(frozen=True)
class Selection:
    #: (mentee, mentor), sorted.
    pairs: tuple[tuple[int, int], ...]
    #: The most new meetings possible (the max-flow value).
    bound: int
    #: Fewest and most meetings per mentee (held rounds included) in the fairest spread.
    low: int
    high: int


class _Network:
    """Node numbers and capacities: source 0, mentees, mentors, sink."""

    def __init__(self, facts: Facts) -> None:
        self.facts = facts
        mentees, mentors = facts.mentees, facts.mentors
        self.n, self.m = len(mentees), len(mentors)
        self.source, self.sink = 0, self.n + self.m + 1
        self.mentee_node = {p: 1 + i for i, p in enumerate(mentees)}
        self.mentor_node = {p: 1 + self.n + j for j, p in enumerate(mentors)}
        partners = dict.fromkeys(mentees, 0)
        for mentee, _mentor in facts.allowed:
            partners[mentee] += 1
        rounds_left = len(facts.remaining)
        self.mentee_cap = {p: min(rounds_left, partners[p]) for p in mentees}
        self.mentor_cap = {p: facts.seats * len(facts.available[p]) for p in mentors}
        self.supply = sum(self.mentee_cap.values())


def _fairest(net: _Network) -> tuple[int, dict[int, int]]:
    """Step 1: the most new meetings and, among those, the fairest meetings per mentee."""
    facts = net.facts
    held = facts.held_meetings
    arcs = Arcs()
    unit_arcs: list[tuple[int, int]] = []
    for p in facts.mentees:
        for k in range(1, net.mentee_cap[p] + 1):
            unit_arcs.append((p, arcs.add(net.source, net.mentee_node[p], 1, 2 * (held[p] + k) - 1)))
    for mentee, mentor in facts.allowed:
        arcs.add(net.mentee_node[mentee], net.mentor_node[mentor], 1, 0)
    for p in facts.mentors:
        if net.mentor_cap[p]:
            arcs.add(net.mentor_node[p], net.sink, net.mentor_cap[p], 0)
    flows = arcs.solve(net.source, net.sink, net.supply)
    degree = dict.fromkeys(facts.mentees, 0)
    for p, arc in unit_arcs:
        degree[p] += int(flows[arc])
    return sum(degree.values()), degree


def meeting_bound(facts: Facts) -> int:
    """The most new meetings any plan can have (exact without mentor breaks)."""
    return _fairest(_Network(facts))[0]


def select_pairs(facts: Facts) -> Selection:
    net = _Network(facts)
    bound, degree = _fairest(net)
    held = facts.held_meetings
    totals = [held[p] + degree[p] for p in facts.mentees]
    low, high = min(totals), max(totals)
    if bound == 0:
        return Selection((), 0, low, high)

    # Step 2: inside the window: requests, even spread, mentors' idle rounds, topics, idle seats.
    weights = _Weights(facts, net.n, net.m, high, net.mentor_cap)
    arcs = Arcs()
    for p in facts.mentees:
        must = max(0, low - held[p])
        for k in range(1, min(net.mentee_cap[p], high - held[p]) + 1):
            cost = weights.spread * (2 * (held[p] + k) - 1) - (weights.lower_bound if k <= must else 0)
            arcs.add(net.source, net.mentee_node[p], 1, cost)
    pair_start = len(arcs.tails)
    problem = facts.problem
    for mentee, mentor in facts.allowed:
        gain = (weights.request * ((mentee, mentor) in problem.requests)
                + weights.topic * min(weights.max_overlap, problem.overlap(mentee, mentor)))
        arcs.add(net.mentee_node[mentee], net.mentor_node[mentor], 1, -gain)
    for p in facts.mentors:
        spare = facts.mentor_capacity_all[p] - facts.held_load[p]
        rounds = len(facts.available[p])
        for k in range(1, net.mentor_cap[p] + 1):
            # Marginal costs of one more mentee on Σ (idle rounds)² — at best one mentee per
            # round, so only the first ``rounds`` count — and on Σ (idle seats)².
            idle_rounds = -(2 * (facts.held_idle[p] + rounds - k) + 1) if k <= rounds else 0
            idle_seats = -(2 * (spare - k) + 1)
            cost = weights.idle_rounds * idle_rounds + weights.idle_seats * idle_seats
            arcs.add(net.mentor_node[p], net.sink, 1, cost)
    flows = arcs.solve(net.source, net.sink, net.supply)
    chosen = flows[pair_start:pair_start + len(facts.allowed)]
    pairs = tuple(pair for pair, used in zip(facts.allowed, chosen, strict=True) if used)
    if len(pairs) != bound:  # the window is feasible by step 1, so the max flow cannot shrink
        raise PlanError("the planner lost meetings between its two steps; please report this")
    return Selection(pairs, bound, low, high)


class _Weights:
    """Integer weights that make one cost function lexicographic (see the module docstring)."""

    def __init__(self, facts: Facts, n: int, m: int, high: int, mentor_cap: dict[int, int]) -> None:
        problem = facts.problem
        cycle_pairs = 2 * min(n, m) + 2
        capacity = max(facts.mentor_capacity_all.values(), default=0)
        overlap = max((problem.overlap(a, b) for a, b in facts.allowed), default=0)
        rounds = len(facts.remaining) + max(facts.held_idle.values(), default=0)
        while True:
            self.idle_seats = 1
            below = 2 * (2 * capacity + 1)
            self.topic = below + 1
            below += self.topic * cycle_pairs * overlap
            self.idle_rounds = below + 1
            below += self.idle_rounds * 2 * (2 * rounds + 1)
            self.spread = below + 1
            below += self.spread * 2 * (2 * high + 1)
            self.request = below + 1
            below += self.request * cycle_pairs
            self.lower_bound = below + 1
            self.max_overlap = overlap
            largest_arc = (self.lower_bound + self.spread * (2 * high + 1) + self.request + self.topic * overlap
                           + self.idle_rounds * (2 * rounds + 1) + self.idle_seats * (2 * capacity + 1))
            if largest_arc * (n + m + 3) * (sum(mentor_cap.values()) + 1) < _COST_LIMIT:
                return
            if overlap == 0:
                raise PlanError("this event is too large to plan exactly; plan fewer rounds or people")
            # Shared topics are the least important criterion: count fewer of them rather than fail.
            overlap //= 2
