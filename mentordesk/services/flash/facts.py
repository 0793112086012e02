"""Facts derived once from a problem that every planning step needs.

Which rounds remain to be planned, what the held rounds already did (pairs met, meetings, waits,
idle rounds), which rounds each mentor is available in, every mentor's table number, and which
(mentee, mentor) pairs may still meet. Everything is computed in sorted order so that the
planners never depend on set or dict iteration order.
"""

from __future__ import annotations

from collections import Counter

from mentordesk.services.flash.problem import Problem


class Facts:
    def __init__(self, problem: Problem) -> None:
        self.problem = problem
        self.seats = problem.seats
        self.mentors = problem.mentors
        self.mentees = problem.mentees
        held = problem.held
        self.first_new = len(held) + 1
        self.remaining: tuple[int, ...] = tuple(range(self.first_new, problem.rounds + 1))

        self.held_pairs: frozenset[tuple[int, int]] = frozenset(p for r in held for p in r.pairs())
        meetings: Counter[int] = Counter(mentee for mentee, _mentor in self.held_pairs)
        load: Counter[int] = Counter(mentor for _mentee, mentor in self.held_pairs)
        waits: Counter[int] = Counter(m for r in held for m in r.waiting)
        idle: Counter[int] = Counter(
            t.mentor for r in held for t in r.tables if not t.mentees and not t.on_break
        )
        present_rounds: Counter[int] = Counter(
            t.mentor for r in held for t in r.tables if not t.on_break
        )
        self.held_meetings = {m: meetings[m] for m in self.mentees}
        self.held_load = {m: load[m] for m in self.mentors}
        self.held_waits = {m: waits[m] for m in self.mentees}
        self.held_idle = {m: idle[m] for m in self.mentors}

        self.available: dict[int, tuple[int, ...]] = {
            m: tuple(t for t in self.remaining if not problem.on_break(m, t)) for m in self.mentors
        }
        #: Seats a mentor offers over the whole plan (held rounds included), for idle fairness.
        self.mentor_capacity_all = {
            m: self.seats * (present_rounds[m] + len(self.available[m])) for m in self.mentors
        }
        self.tables = self._table_numbers()

        mentor_set, mentee_set = set(self.mentors), set(self.mentees)
        self.allowed: tuple[tuple[int, int], ...] = tuple(
            (mentee, mentor)
            for mentee in self.mentees
            for mentor in self.mentors
            if self.available[mentor]
            and (mentee, mentor) not in self.held_pairs
            and not problem.is_no_go(mentee, mentor)
        )
        self.requests_total = sum(1 for mentee, mentor in problem.requests
                                  if mentor in mentor_set and mentee in mentee_set)

    def _table_numbers(self) -> dict[int, int]:
        """Pinned tables first; then each new mentor takes the table they last sat at in the held
        rounds if it is free, else the lowest free number (a departed mentor's table is reused)."""
        problem = self.problem
        numbers = {m: problem.tables[m] for m in self.mentors if m in problem.tables}
        used = set(numbers.values())
        last_held = {t.mentor: t.number for r in problem.held for t in r.tables}
        free = 1
        for mentor in self.mentors:
            if mentor in numbers:
                continue
            previous = last_held.get(mentor)
            if previous is not None and previous not in used:
                numbers[mentor] = previous
            else:
                while free in used:
                    free += 1
                numbers[mentor] = free
            used.add(numbers[mentor])
        return numbers

    def is_allowed(self, mentee: int, mentor: int) -> bool:
        return (mentee, mentor) not in self.held_pairs and not self.problem.is_no_go(mentee, mentor)
