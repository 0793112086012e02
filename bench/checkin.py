"""Check-in desk speed with 10,000 people: scan to durable commit, and name search per keystroke.

Scan: the whole desk path (resolve the code, check the log, append, COMMIT with synchronous=FULL)
for 500 scans of different people, each in its own transaction, as the desk and
``checkin --stdin`` do. Search: a person typing names letter by letter; every keystroke runs the
search the check-in field runs.
"""

from __future__ import annotations

import random
import tempfile
import time
from pathlib import Path

from bench.common import Result, median, percentile
from bench.population import make_event
from mentordesk.models.store import EventStore
from mentordesk.services import events
from mentordesk.services.desk import Outcome, check_in_input
from mentordesk.services.lookup import search_names

PEOPLE = 10_000
SCANS = 500


def run() -> list[Result]:
    rng = random.Random(11)
    with tempfile.TemporaryDirectory() as tmp:
        path, people = make_event(Path(tmp), PEOPLE)
        with EventStore.open(path) as store:
            chosen = rng.sample(people, SCANS)
            scan_ms = []
            for _id, code, _name in chosen:
                started = time.perf_counter()
                with store.session() as session:
                    result = check_in_input(session, store.event_id, code, station="bench")
                scan_ms.append((time.perf_counter() - started) * 1000)
                assert result.outcome is Outcome.CHECKED_IN

            typed = [name for _id, _code, name in rng.sample(people, 60)]
            key_ms = []
            with store.read_session() as session:
                for name in typed:
                    for end in range(1, len(name) + 1):
                        started = time.perf_counter()
                        search_names(session, store.event_id, name[:end])
                        key_ms.append((time.perf_counter() - started) * 1000)

            count_ms = []
            with store.read_session() as session:
                for _ in range(20):
                    started = time.perf_counter()
                    events.counts(session, store.event_id)
                    count_ms.append((time.perf_counter() - started) * 1000)
    return [
        Result(f"check-in: scan to durable commit, {PEOPLE:,} people ({SCANS} scans)", "p99 < 20 ms",
               f"p50 {median(scan_ms):.1f} ms, p99 {percentile(scan_ms, 99):.1f} ms",
               percentile(scan_ms, 99) < 20),
        Result(f"name search per keystroke, {PEOPLE:,} people ({len(key_ms)} keys)", "p99 < 16 ms",
               f"p50 {median(key_ms):.1f} ms, p99 {percentile(key_ms, 99):.1f} ms",
               percentile(key_ms, 99) < 16),
        Result(f"live counts (Overview refresh), {PEOPLE:,} people", "-",
               f"p50 {median(count_ms):.1f} ms", None),
    ]
