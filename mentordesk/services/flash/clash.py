"""No-go pairs between two mentees: with several seats a table, they must not share one.

The flows that choose and place meetings only see mentee–mentor pairs, so two mentees who must
not sit together are kept apart afterwards: the round is solved again without the seat that
caused the clash, and as a last resort one of them waits (``solve_apart``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable

from mentordesk.services.flash.problem import Problem

MAX_RETRIES = 8

Pairs = list[tuple[int, int]]


def mentee_clashes(problem: Problem) -> dict[int, frozenset[int]]:
    """Mentee → the other mentees they must not share a table with (only mentees who have any)."""
    mentees = set(problem.mentees)
    found: dict[int, set[int]] = defaultdict(set)
    if problem.seats > 1:
        for a, b in sorted(problem.no_go):
            if a in mentees and b in mentees:
                found[a].add(b)
                found[b].add(a)
    return {m: frozenset(others) for m, others in found.items()}


def first_clash(pairs: Iterable[tuple[int, int]], clashes: dict[int, frozenset[int]]) -> tuple[int, int, int] | None:
    """(mentee, other mentee, mentor) for the first two clashing mentees at one table, or None."""
    if not clashes:
        return None
    at: dict[int, list[int]] = defaultdict(list)
    for mentee, mentor in sorted(pairs):
        at[mentor].append(mentee)
    for mentor in sorted(at):
        for i, a in enumerate(at[mentor]):
            for b in at[mentor][i + 1:]:
                if b in clashes.get(a, ()):
                    return a, b, mentor
    return None


def without_clashes(pairs: Iterable[tuple[int, int]], clashes: dict[int, frozenset[int]]) -> list[tuple[int, int]]:
    """The pairs with, at each table, every mentee dropped who clashes with one kept before."""
    if not clashes:
        return list(pairs)
    kept: list[tuple[int, int]] = []
    at: dict[int, set[int]] = defaultdict(set)
    for mentee, mentor in pairs:
        if not clashes.get(mentee, frozenset()) & at[mentor]:
            kept.append((mentee, mentor))
            at[mentor].add(mentee)
    return kept


def solve_apart(
    solve: Callable[[Pairs], Pairs],
    edges: Pairs,
    clashes: dict[int, frozenset[int]],
    yields: Callable[[int], tuple[int, ...]],
) -> Pairs:
    """Solve a round; while two clashing mentees share a table, solve again without the seat of
    the one whose ``yields`` key is lower (a few times); finally let one of each clash wait."""
    chosen = solve(edges)
    banned: set[tuple[int, int]] = set()
    for _ in range(MAX_RETRIES):
        clash = first_clash(chosen, clashes)
        if clash is None:
            return chosen
        a, b, mentor = clash
        banned.add((min((a, b), key=yields), mentor))
        chosen = solve([edge for edge in edges if edge not in banned])
    return without_clashes(sorted(chosen, key=lambda edge: yields(edge[0]), reverse=True), clashes)
