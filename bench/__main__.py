"""Run every benchmark and print one table: what was measured, the target, the figure.

Benchmarks measure; they never fail the test suite (shared machines are noisy). Run a single one
with ``python -m bench NAME``.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from bench import (
    badges,
    checkin,
    countdown,
    documents,
    endurance,
    flash,
    groups,
    importing,
    people_page,
    person_picker,
    startup,
)
from bench.common import Result

BENCHMARKS: dict[str, Callable[[], list[Result]]] = {
    "startup": startup.run,
    "checkin": checkin.run,
    "importing": importing.run,
    "flash": flash.run,
    "countdown": countdown.run,
    "badges": badges.run,
    "documents": documents.run,
    "groups": groups.run,
    "person_picker": person_picker.run,
    "people_page": people_page.run,
    "endurance": endurance.run,
}


def main(argv: list[str]) -> int:
    chosen = argv or list(BENCHMARKS)
    unknown = [name for name in chosen if name not in BENCHMARKS]
    if unknown:
        print(f"unknown benchmark(s): {', '.join(unknown)}; choose from {', '.join(BENCHMARKS)}", file=sys.stderr)
        return 2
    results: list[Result] = []
    for name in chosen:
        print(f"running {name} …", file=sys.stderr, flush=True)
        results.extend(BENCHMARKS[name]())
    widths = [max(len(row[i]) for row in [Result.HEADER, *(r.row() for r in results)]) for i in range(4)]
    for row in [Result.HEADER, tuple("-" * w for w in widths), *(r.row() for r in results)]:
        print(" | ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
