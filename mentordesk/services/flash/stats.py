"""Figures about a plan: meetings against the bound, spread, requests, topics, waiting and idling."""

from __future__ import annotations

from collections import Counter

from mentordesk.services.flash.plan import Plan, PlanStats
from mentordesk.services.flash.problem import Problem


def compute_stats(
    plan: Plan,
    problem: Problem,
    *,
    bound: int,
    dropped: tuple[tuple[int, int], ...] = (),
    warnings: tuple[str, ...] = (),
) -> PlanStats:
    pairs = list(plan.pairs())
    mentors, mentees = set(problem.mentors), set(problem.mentees)
    meetings = Counter(mentee for mentee, _ in pairs)
    waits = Counter(m for round_ in plan.rounds for m in round_.waiting)
    idle = Counter(t.mentor for round_ in plan.rounds for t in round_.tables if not t.mentees and not t.on_break)
    per_mentee = [meetings[m] for m in problem.mentees]
    per_wait = [waits[m] for m in problem.mentees]
    per_idle = [idle[m] for m in problem.mentors]
    relevant = {(a, b) for a, b in problem.requests if a in mentees and b in mentors}
    return PlanStats(
        meetings=len(pairs),
        meeting_bound=bound,
        mentee_min=min(per_mentee),
        mentee_max=max(per_mentee),
        requests_honoured=sum(1 for pair in pairs if pair in relevant),
        requests_total=len(relevant),
        topic_overlap=sum(problem.overlap(a, b) for a, b in pairs),
        waits_min=min(per_wait),
        waits_max=max(per_wait),
        mentor_idle_min=min(per_idle),
        mentor_idle_max=max(per_idle),
        dropped=dropped,
        warnings=warnings,
        seats=plan.seats,
    )
