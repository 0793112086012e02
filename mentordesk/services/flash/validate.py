"""Checking a plan against its problem: every rule a valid plan keeps, as readable violations.

Used by the tests, by the planner on its own output (an invalid plan is never returned) and
before a plan edited by hand (two mentees swapped) is saved.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from mentordesk.services.flash.plan import Plan
from mentordesk.services.flash.problem import Problem


def validate(plan: Plan, problem: Problem) -> list[str]:
    """Every broken rule, one line each; an empty list means the plan is valid."""
    found: list[str] = []
    if plan.seats != problem.seats:
        found.append(f"the plan has {plan.seats} seats per table, the problem {problem.seats}")
    if len(plan.rounds) != problem.rounds:
        found.append(f"the plan has {len(plan.rounds)} rounds, the problem {problem.rounds}")
    for index, round_ in enumerate(plan.rounds, start=1):
        if round_.number != index:
            found.append(f"round {round_.number} is in place {index}")
    held = len(problem.held)
    for index, round_ in enumerate(problem.held):
        if index >= len(plan.rounds) or plan.rounds[index] != round_:
            found.append(f"round {index + 1} has been held but the plan changes it")

    tables_of: dict[int, set[int]] = defaultdict(set)
    met: Counter[tuple[int, int]] = Counter()
    mentors, mentees = set(problem.mentors), set(problem.mentees)
    for round_ in plan.rounds:
        t = round_.number
        numbers = Counter(table.number for table in round_.tables)
        found.extend(f"round {t}: two tables are numbered {n}" for n, c in sorted(numbers.items()) if c > 1)
        people = Counter(table.mentor for table in round_.tables)
        people.update(m for table in round_.tables for m in table.mentees)
        people.update(round_.waiting)
        found.extend(f"round {t}: person {p} appears {c} times" for p, c in sorted(people.items()) if c > 1)
        for table in round_.tables:
            if t > held:
                tables_of[table.mentor].add(table.number)
            met.update((mentee, table.mentor) for mentee in table.mentees)
            if len(table.mentees) > plan.seats:
                found.append(f"round {t}: table {table.number} has {len(table.mentees)} mentees for {plan.seats} seats")
            if table.on_break and table.mentees:
                found.append(f"round {t}: table {table.number} has mentees while its mentor is on a break")
        if t <= held:
            continue
        seated_mentors = set(round_.mentors)
        listed_mentees = {m for table in round_.tables for m in table.mentees} | set(round_.waiting)
        found.extend(f"round {t}: mentor {m} is missing" for m in sorted(mentors - seated_mentors))
        found.extend(f"round {t}: mentee {m} is missing" for m in sorted(mentees - listed_mentees))
        found.extend(f"round {t}: person {p} at a table is not a mentor taking part"
                     for p in sorted(seated_mentors - mentors))
        found.extend(f"round {t}: person {p} is not a mentee taking part" for p in sorted(listed_mentees - mentees))
        for table in round_.tables:
            if table.mentor in mentors and table.on_break != problem.on_break(table.mentor, t):
                state = "on a break" if table.on_break else "at work"
                found.append(f"round {t}: mentor {table.mentor} is {state}, against the breaks asked for")
            found.extend(f"round {t}: mentee {m} meets mentor {table.mentor}, a no-go pair"
                         for m in table.mentees if problem.is_no_go(m, table.mentor))
            found.extend(f"round {t}: mentees {a} and {b} share table {table.number}, a no-go pair"
                         for i, a in enumerate(table.mentees) for b in table.mentees[i + 1:]
                         if problem.is_no_go(a, b))
    # Mentors stay at one table in the rounds planned (one who left and came back may have found
    # their old table taken by then).
    found.extend(f"mentor {m} moves between tables {sorted(n)}" for m, n in sorted(tables_of.items()) if len(n) > 1)
    found.extend(f"mentee {a} meets mentor {b} {c} times" for (a, b), c in sorted(met.items()) if c > 1)
    return found
