"""Badge printing speed: 1,000 badges with QR codes, names from many writing systems, one PDF.

Measures the catalog's "badges" document as the Print & export page and ``mentordesk export
badges`` run it: read the people, lay out every badge on A4 label stock (Avery L4785, 10 a sheet),
draw the QR codes as vectors, embed the font subsets, compress. Each run is a fresh process state
for the per-string caches (cleared), so the figure is what a user waits for the first time.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from bench.common import Result, median
from bench.population import make_event
from mentordesk.models.store import EventStore
from mentordesk.printing import catalog, fonts, qr

PEOPLE = 1_000
RUNS = 3


def _clear_caches() -> None:
    for cached in (fonts._visual, fonts._runs, qr.matrix, qr._path_ops):
        cached.cache_clear()


def run() -> list[Result]:
    fonts.register_fonts()  # once per process, as the app does on first print (~0.1 s)
    with tempfile.TemporaryDirectory() as tmp:
        path, _people = make_event(Path(tmp), PEOPLE)
        seconds: list[float] = []
        sizes: list[int] = []
        with EventStore.open(path) as store:
            for _ in range(RUNS):
                _clear_caches()
                started = time.perf_counter()
                with store.read_session() as session:
                    pdf = catalog.build(session, "badges", {"layout": "avery-l4785"})
                seconds.append(time.perf_counter() - started)
                sizes.append(len(pdf))
    size_mb = sizes[-1] / 1_000_000
    return [
        Result(f"badges: {PEOPLE:,} with QR codes, many scripts (median of {RUNS})", "< 5 s (issue), < 2 s (goal)",
               f"{median(seconds):.2f} s (best {min(seconds):.2f} s)", median(seconds) < 5),
        Result(f"badges: PDF size for {PEOPLE:,}", "< 10 MB", f"{size_mb:.2f} MB", size_mb < 10),
    ]


if __name__ == "__main__":
    for result in run():
        print(" | ".join(result.row()))
