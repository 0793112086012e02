"""Hand edits a facilitator insists on: swapping two mentees within one round.

The edit only moves people; whether the result is still a valid plan (no repeated pair, no no-go
pair) is for ``validate`` to say before it is saved.
"""

from __future__ import annotations

import dataclasses

from mentordesk.services.flash.plan import Plan, Round
from mentordesk.services.flash.problem import PlanError


def swap_mentees(plan: Plan, round_number: int, first: int, second: int) -> Plan:
    """Exchange the places of two mentees in one round (a table seat or the waiting list)."""
    if not 1 <= round_number <= len(plan.rounds):
        raise PlanError(f"there is no round {round_number}")
    old = plan.rounds[round_number - 1]
    present = set(old.mentees)
    for person in (first, second):
        if person not in present:
            raise PlanError(f"person {person} is not a mentee in round {round_number}")

    def other(person: int) -> int:
        return second if person == first else first if person == second else person

    tables = tuple(dataclasses.replace(t, mentees=tuple(sorted(other(m) for m in t.mentees))) for t in old.tables)
    new = Round(old.number, tables, tuple(sorted(other(m) for m in old.waiting)))
    rounds = list(plan.rounds)
    rounds[round_number - 1] = new
    return dataclasses.replace(plan, rounds=tuple(rounds))
