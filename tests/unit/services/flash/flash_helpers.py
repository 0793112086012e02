"""Shared by the flash planner tests: random events and an exact integer-programming reference.

The reference is a time-indexed MIP solved with HiGHS: x[i, j, t] = 1 when mentee i meets
mentor j in round t. It knows nothing of the planner's flows, so agreeing with it means the
planner is optimal, not just self-consistent.
"""

from __future__ import annotations

import random
from collections import defaultdict
from dataclasses import dataclass

import highspy

from mentordesk.services.flash import Problem, make_problem

TOPICS = ("ai", "cloud", "design", "career", "security", "data")


def random_problem(
    rng: random.Random,
    *,
    mentors: tuple[int, int] = (1, 5),
    mentees: tuple[int, int] = (1, 8),
    rounds: tuple[int, int] = (1, 4),
    no_go: float = 0.1,
    breaks: float = 0.0,
    skewed: bool = False,
) -> Problem:
    """A random event: ids 1.. for mentors, 101.. for mentees; requests, topics, no-go pairs."""
    mentor_ids = list(range(1, rng.randint(*mentors) + 1))
    mentee_ids = list(range(101, 101 + rng.randint(*mentees)))
    count = rng.randint(*rounds)
    popular = mentor_ids[: max(1, len(mentor_ids) // 3)]
    requests = set()
    for mentee in mentee_ids:
        pool = popular if skewed and rng.random() < 0.8 else mentor_ids
        for mentor in rng.sample(pool, rng.randint(0, len(pool))):
            requests.add((mentee, mentor))
    topics = {p: rng.sample(TOPICS, rng.randint(0, 3)) for p in mentor_ids + mentee_ids}
    pairs = {(a, b) for a in mentee_ids for b in mentor_ids if rng.random() < no_go}
    breaks_ = {m: [t for t in range(1, count + 1) if rng.random() < breaks] for m in mentor_ids}
    return make_problem(mentor_ids, mentee_ids, count, rng.randint(1, 3), requests=requests, topics=topics,
                        no_go=pairs, breaks=breaks_)


@dataclass(frozen=True)
class Optimum:
    meetings: int
    low: int
    high: int
    requests: int


def exact_optimum(problem: Problem) -> Optimum:
    """Lexicographically: most meetings; then the highest minimum and the lowest maximum of
    meetings per mentee; then the most requests honoured (all over the rounds not yet held)."""
    held = len(problem.held)
    held_pairs = {p for r in problem.held for p in r.pairs()}
    met = {m: sum(1 for a, _ in held_pairs if a == m) for m in problem.mentees}
    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    x = {}
    for i in problem.mentees:
        for j in problem.mentors:
            if problem.is_no_go(i, j) or (i, j) in held_pairs:
                continue
            for t in range(held + 1, problem.rounds + 1):
                if not problem.on_break(j, t):
                    x[i, j, t] = h.addBinary()
    if not x:
        return Optimum(0, min(met.values()), max(met.values()), 0)
    per_mentee_round: dict[tuple[int, int], list] = defaultdict(list)  # type: ignore[type-arg]
    per_mentor_round: dict[tuple[int, int], list] = defaultdict(list)  # type: ignore[type-arg]
    per_pair: dict[tuple[int, int], list] = defaultdict(list)  # type: ignore[type-arg]
    per_mentee: dict[int, list] = defaultdict(list)  # type: ignore[type-arg]
    for (i, j, t), v in x.items():
        per_mentee_round[i, t].append(v)
        per_mentor_round[j, t].append(v)
        per_pair[i, j].append(v)
        per_mentee[i].append(v)
    for terms in per_mentee_round.values():
        h.addConstr(h.qsum(terms) <= 1)
    for terms in per_mentor_round.values():
        h.addConstr(h.qsum(terms) <= problem.seats)
    for terms in per_pair.values():
        h.addConstr(h.qsum(terms) <= 1)
    total = h.qsum(list(x.values()))

    def best(sense: str, objective) -> int:  # type: ignore[no-untyped-def]
        (h.maximize if sense == "max" else h.minimize)(objective)
        assert h.getModelStatus() == highspy.HighsModelStatus.kOptimal
        return round(h.getInfo().objective_function_value)

    meetings = best("max", total)
    h.addConstr(total >= meetings)
    low_var = h.addVariable(lb=0, ub=problem.rounds)
    for i in problem.mentees:
        h.addConstr((h.qsum(per_mentee[i]) if per_mentee[i] else 0 * low_var) + met[i] >= low_var)
    low = best("max", low_var + 0)
    h.addConstr(low_var >= low)
    high_var = h.addVariable(lb=0, ub=problem.rounds)
    for i in problem.mentees:
        h.addConstr((h.qsum(per_mentee[i]) if per_mentee[i] else 0 * high_var) + met[i] <= high_var)
    high = best("min", high_var + 0)
    h.addConstr(high_var <= high)
    requested = [v for (a, b, _r), v in x.items() if (a, b) in problem.requests]
    requests = best("max", h.qsum(requested)) if requested else 0
    return Optimum(meetings, low, high, requests)
