"""How many mentees per table: the meetings and the waiting each choice gives, and which to propose.

With 9 mentors and 31 mentees, one seat per table seats 9 mentees a round and leaves 22 waiting
every round; three seats seat 27 and give three times the meetings. The Plan tab shows this
comparison before planning, proposes a choice and warns when more than a quarter of the mentees
would wait each round; the planner says the same in its warnings (the command line shows them).

Pure arithmetic on the counts, so it is instant at any size. The meetings are the most any plan
can have when everyone stays all session (no breaks, no pairs who must not meet): each round
seats at most ``mentors × seats`` mentees, and nobody meets the same person twice.
"""

from __future__ import annotations

from dataclasses import dataclass

from mentordesk.services.flash.problem import SEAT_CHOICES


@dataclass(frozen=True)
class SeatOption:
    seats: int
    #: Mentees at a table in each round, and mentees waiting in each round.
    seated_per_round: int
    waiting_per_round: int
    #: The most meetings over all the rounds.
    meetings: int


@dataclass(frozen=True)
class SeatAdvice:
    mentors: int
    mentees: int
    rounds: int
    options: tuple[SeatOption, ...]
    #: The fewest seats per table that give the most meetings (nobody waits, when that is possible).
    proposed: int

    def option(self, seats: int) -> SeatOption:
        return next(o for o in self.options if o.seats == seats)

    def too_many_wait(self, seats: int) -> bool:
        """More than a quarter of the mentees wait in each round with ``seats`` per table."""
        return 4 * self.option(seats).waiting_per_round > self.mentees

    def warning(self, seats: int) -> str:
        """One sentence when ``seats`` leaves too many waiting (and what the proposal gives); else ""."""
        if not self.too_many_wait(seats):
            return ""
        chosen, better = self.option(seats), self.option(self.proposed)
        text = (f"With {_seats(seats)} per table, {chosen.waiting_per_round} of {self.mentees} mentees wait "
                "every round.")
        if better.meetings > chosen.meetings:
            text += f" {_seats(better.seats)} give {better.meetings} meetings instead of {chosen.meetings}."
        return text


def _seats(count: int) -> str:
    return f"{count} seat" if count == 1 else f"{count} seats"


def seat_option(mentors: int, mentees: int, rounds: int, seats: int) -> SeatOption:
    seated = min(mentees, mentors * seats)
    # Three limits: the seats in each round, each mentee meeting each mentor at most once, and
    # each mentor meeting each mentee at most once.
    meetings = min(rounds * seated, mentees * min(rounds, mentors), mentors * min(rounds * seats, mentees))
    return SeatOption(seats, seated, mentees - seated, max(0, meetings))


def seat_advice(mentors: int, mentees: int, rounds: int) -> SeatAdvice:
    """The meetings and waiting for each choice of seats (1–3), and the one to propose."""
    mentors, mentees, rounds = max(0, mentors), max(0, mentees), max(0, rounds)
    options = tuple(seat_option(mentors, mentees, rounds, s) for s in SEAT_CHOICES)
    most = max(o.meetings for o in options)
    proposed = next(o.seats for o in options if o.meetings == most)
    return SeatAdvice(mentors, mentees, rounds, options, proposed)
