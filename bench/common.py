"""Shared pieces of the benchmarks: the result row and percentile helpers."""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from typing import ClassVar


@dataclass(frozen=True)
class Result:
    what: str
    target: str
    measured: str
    met: bool | None

    HEADER: ClassVar[tuple[str, str, str, str]] = ("what", "target", "measured", "met")

    def row(self) -> tuple[str, str, str, str]:
        verdict = "-" if self.met is None else ("yes" if self.met else "NO")
        return (self.what, self.target, self.measured, verdict)


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    index = min(len(ordered) - 1, max(0, round(pct / 100 * (len(ordered) - 1))))
    return ordered[index]


def median(values: list[float]) -> float:
    return statistics.median(values)
