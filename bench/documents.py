"""Schedule and report printing speed on a 400-person event (no target in PRODUCT.md: a figure).

The event: 400 people from many writing systems (one in eight a mentor), everyone checked in,
a match plan of 10 rounds with 3 seats a table saved, feedback on the first 6 rounds. Each
document is built through the catalog, as the Print & export page and ``mentordesk export`` do,
with the per-string font caches cleared first.
"""

from __future__ import annotations

import random
import tempfile
import time
from pathlib import Path

from sqlalchemy import insert, select

from bench.common import Result, median
from bench.population import make_event
from mentordesk.models import Feedback, Person, PlanMode
from mentordesk.models.store import EventStore
from mentordesk.printing import catalog, fonts
from mentordesk.services import checkin
from mentordesk.services.flash import load_plan, load_problem, plan, save_plan

PEOPLE = 400
RUNS = 3
DOCUMENTS = (("schedule", {"tents": True}), ("summary", {}), ("take_home", {}))


def _prepare(directory: Path) -> Path:
    path, _rows = make_event(directory, PEOPLE)
    rng = random.Random(3)
    with EventStore.open(path) as store:
        with store.session() as session:
            for pid in sorted(session.scalars(select(Person.id))):
                checkin.check_in(session, pid)
        with store.session() as session:
            problem = load_problem(session, store.event_id, rounds=10, seats=3)
            flash_id = save_plan(session, store.event_id, plan(problem, PlanMode.MATCH).plan, minutes=7)
            saved = load_plan(session, flash_id)
            session.execute(insert(Feedback), [
                {"author_id": mentee, "about_person_id": mentor, "flash_session_id": flash_id,
                 "round_number": r.number, "rating": rng.randint(2, 5), "wants_follow_up": rng.random() < 0.2}
                for r in saved.rounds[:6] for mentee, mentor in r.pairs()
            ])
    return path


def run() -> list[Result]:
    fonts.register_fonts()
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        path = _prepare(Path(tmp))
        with EventStore.open(path) as store:
            for key, options in DOCUMENTS:
                seconds: list[float] = []
                size = 0
                for _ in range(RUNS):
                    fonts._visual.cache_clear()
                    fonts._runs.cache_clear()
                    started = time.perf_counter()
                    with store.read_session() as session:
                        pdf = catalog.build(session, key, {"page_size": "A4", **options})
                    seconds.append(time.perf_counter() - started)
                    size = len(pdf)
                results.append(Result(f"{key}: {PEOPLE} people, 10 rounds (median of {RUNS})", "-",
                                      f"{median(seconds):.2f} s, {size / 1e6:.2f} MB", None))
    return results


if __name__ == "__main__":
    for result in run():
        print(" | ".join(result.row()))
