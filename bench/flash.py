"""Flash rotation planner: match planning at full size, a live re-plan, and the plans' quality.

1. Match planning of 60 mentors × 400 mentees × 10 rounds, seats 1, 2 and 3, with skewed requests
   (most mentees want the same five mentors) and topics: the planner alone, from a ``Problem``.
   Quality is measured against an exact reference solved independently with HiGHS (when installed,
   as with ``.[test]``): an integer program over pairs that gives the most meetings, the fairest
   spread (highest minimum, then lowest maximum of meetings per mentee) and then the most requests
   honoured. Without breaks that program is exact (any pair set within the per-round capacities
   fits into rounds, by König's edge-colouring theorem), so the comparison is to the true optimum.
2. A re-plan after one late arrival in a 150-person event (20 mentors, 130 mentees, 8 rounds, 3 held),
   end to end as the run console does it: load the saved plan and the checked-in people, plan,
   rewrite the future rounds and commit; and the planner alone.
3. ``mentordesk flash plan`` end to end for 460 checked-in people: load, plan, write the JSON.
"""

from __future__ import annotations

import random
import statistics
import tempfile
import time
from pathlib import Path

from sqlalchemy import insert

from bench.common import Result
from mentordesk.models import MentorRequest, Person, Role
from mentordesk.models.normalize import email_key, fold
from mentordesk.models.store import EventStore
from mentordesk.services import checkin
from mentordesk.services.flash import (
    Problem,
    load_problem,
    make_problem,
    plan,
    plan_to_json_file,
    replan,
    replan_saved,
    save_plan,
)

MENTORS, MENTEES, ROUNDS = 60, 400, 10
TARGET_PLAN_S = 2.0
TARGET_REPLAN_MS = 200.0
TOPICS = [f"topic {i}" for i in range(15)]


def _requests(rng: random.Random, mentors: list[int], mentees: list[int]) -> set[tuple[int, int]]:
    """Skewed: 70 % of mentees ask for one to three of the five most popular mentors."""
    popular = mentors[:5]
    wanted = set()
    for mentee in mentees:
        pool = popular if rng.random() < 0.7 else mentors
        for mentor in rng.sample(pool, rng.randint(0, 3)):
            wanted.add((mentee, mentor))
    return wanted


def big_problem(seats: int, seed: int = 5, mentees_count: int = MENTEES) -> Problem:
    rng = random.Random(seed)
    mentors = list(range(1, MENTORS + 1))
    mentees = list(range(1001, 1001 + mentees_count))
    topics = {p: rng.sample(TOPICS, rng.randint(1, 4)) for p in mentors + mentees}
    return make_problem(mentors, mentees, ROUNDS, seats, requests=_requests(rng, mentors, mentees), topics=topics)


def reference(problem: Problem) -> tuple[int, int, int, int] | None:
    """(meetings, lowest, highest meetings per mentee, requests) from HiGHS, or None without it."""
    try:
        import highspy
    except ImportError:
        return None
    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    x = {(a, b): h.addBinary() for a in problem.mentees for b in problem.mentors if not problem.is_no_go(a, b)}
    by_mentee: dict[int, list] = {a: [] for a in problem.mentees}  # type: ignore[type-arg]
    by_mentor: dict[int, list] = {b: [] for b in problem.mentors}  # type: ignore[type-arg]
    for (a, b), v in x.items():
        by_mentee[a].append(v)
        by_mentor[b].append(v)
    for terms in by_mentee.values():
        h.addConstr(h.qsum(terms) <= problem.rounds)
    for terms in by_mentor.values():
        h.addConstr(h.qsum(terms) <= problem.seats * problem.rounds)
    total = h.qsum(list(x.values()))

    def solve(sense: str, objective) -> int:  # type: ignore[no-untyped-def]
        (h.maximize if sense == "max" else h.minimize)(objective)
        return round(h.getInfo().objective_function_value)

    meetings = solve("max", total)
    h.addConstr(total >= meetings)
    low = h.addVariable(lb=0, ub=problem.rounds)
    for terms in by_mentee.values():
        h.addConstr(h.qsum(terms) >= low)
    lowest = solve("max", low + 0)
    h.addConstr(low >= lowest)
    high = h.addVariable(lb=0, ub=problem.rounds)
    for terms in by_mentee.values():
        h.addConstr(h.qsum(terms) <= high)
    highest = solve("min", high + 0)
    h.addConstr(high <= highest)
    requests = solve("max", h.qsum([v for pair, v in x.items() if pair in problem.requests]))
    return meetings, lowest, highest, requests


def _timed(func, repeat: int = 3) -> tuple[float, object]:  # type: ignore[no-untyped-def]
    times, result = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        result = func()
        times.append(time.perf_counter() - started)
    return statistics.median(times), result


def _match_results() -> list[Result]:
    results = []
    for seats, mentees in ((1, MENTEES), (2, MENTEES), (3, MENTEES), (1, 45)):
        problem = big_problem(seats, mentees_count=mentees)
        seconds, outcome = _timed(lambda problem=problem: plan(problem))
        stats = outcome.stats  # type: ignore[attr-defined]
        results.append(Result(
            f"match planner, {MENTORS} mentors × {mentees} mentees × {ROUNDS} rounds, {seats} seat(s)",
            f"< {TARGET_PLAN_S:.0f} s" if mentees == MENTEES else "-", f"{seconds:.2f} s",
            seconds < TARGET_PLAN_S if mentees == MENTEES else None,
        ))
        best = reference(problem)
        figures = (f"meetings {stats.meetings} (bound {stats.meeting_bound}), spread {stats.mentee_min}–"
                   f"{stats.mentee_max}, requests {stats.requests_honoured}/{stats.requests_total}")
        if best is None:
            results.append(Result(f"  quality, {seats} seat(s)", "max meetings, requests ≥ 98 % of optimum",
                                  figures + " (HiGHS not installed: no reference)", None))
            continue
        meetings, lowest, highest, requests = best
        met = (stats.meetings == meetings and (stats.mentee_min, stats.mentee_max) == (lowest, highest)
               and stats.requests_honoured >= 0.98 * requests)
        results.append(Result(
            f"  quality vs exact optimum, {seats} seat(s)", "max meetings, requests ≥ 98 % of optimum",
            f"{figures}; optimum: meetings {meetings}, spread {lowest}–{highest}, requests {requests}", met,
        ))
    return results


def _make_event(directory: Path, mentors: int, mentees: int, seed: int) -> Path:
    """An event file with everyone checked in, requests skewed towards five mentors, topics."""
    rng = random.Random(seed)
    path = directory / f"flash-{mentors + mentees}.mentordesk"
    with EventStore.create(path, name="Flash benchmark") as store:
        rows = []
        for i in range(mentors + mentees):
            first, last = f"Person{i}", rng.choice(["Šimůnek", "Okafor", "田中", "Müller", "O'Connor"])
            email = f"p{i}@example.org"
            rows.append({"event_id": store.event_id, "first_name": first, "last_name": last, "email": email,
                         "email_key": email_key(email), "role": Role.MENTOR if i < mentors else Role.MENTEE,
                         "badge_code": f"B{i:07d}", "search_key": fold(f"{first} {last}"),
                         "topics": rng.sample(TOPICS, rng.randint(1, 4))})
        with store.session() as session:
            session.execute(insert(Person), rows)
        with store.session() as session:
            ids = sorted(session.scalars(Person.__table__.select().with_only_columns(Person.id)))
            mentor_ids, mentee_ids = ids[:mentors], ids[mentors:]
            session.execute(insert(MentorRequest), [
                {"mentee_id": a, "mentor_id": b, "rank": 1} for a, b in sorted(_requests(rng, mentor_ids, mentee_ids))
            ])
            for pid in ids:
                checkin.check_in(session, pid)
    return path


def _replan_results(directory: Path) -> list[Result]:
    path = _make_event(directory, 20, 130, seed=9)
    held = 3
    with EventStore.open(path) as store:
        with store.session() as session:
            problem = load_problem(session, store.event_id, rounds=8, seats=1)
            flash_id = save_plan(session, store.event_id, plan(problem).plan, minutes=7)
        end_to_end, planner_only = [], []
        for k in range(7):
            with store.session() as session:
                arrival = Person(event_id=store.event_id, first_name=f"Late{k}", last_name="Arrival",
                                 role=Role.MENTEE, badge_code=f"LATE{k:04d}")
                session.add(arrival)
                session.flush()
                checkin.check_in(session, arrival.id)
            started = time.perf_counter()
            with store.session() as session:
                result = replan_saved(session, flash_id, started=held)
            end_to_end.append((time.perf_counter() - started) * 1000)
            assert any(arrival.id in t.mentees for r in result.plan.rounds[held:] for t in r.tables)
        with store.read_session() as session:
            now = load_problem(session, store.event_id, rounds=8, seats=1)
        for _ in range(7):
            started = time.perf_counter()
            replan(result.plan, held, now)
            planner_only.append((time.perf_counter() - started) * 1000)
    e2e, alone = statistics.median(end_to_end), statistics.median(planner_only)
    return [
        Result("re-plan after an arrival, 150 people (load, plan, save, commit)", f"< {TARGET_REPLAN_MS:.0f} ms",
               f"median {e2e:.0f} ms, max {max(end_to_end):.0f} ms", max(end_to_end) < TARGET_REPLAN_MS),
        Result("  the planner alone", "-", f"median {alone:.0f} ms", None),
    ]


def _cli_result(directory: Path) -> Result:
    path = _make_event(directory, MENTORS, MENTEES, seed=5)
    with EventStore.open(path) as store:
        started = time.perf_counter()
        plan_to_json_file(store, rounds=ROUNDS, minutes=7, seats=2, out_path=directory / "rotation.json")
        seconds = time.perf_counter() - started
    return Result(f"flash plan --json end to end, {MENTORS + MENTEES} checked in, {ROUNDS} rounds", "-",
                  f"{seconds:.2f} s", None)


def run() -> list[Result]:
    results = _match_results()
    with tempfile.TemporaryDirectory() as tmp:
        results.extend(_replan_results(Path(tmp)))
        results.append(_cli_result(Path(tmp)))
    return results


if __name__ == "__main__":
    for row in run():
        print(" | ".join(row.row()))
