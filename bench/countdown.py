"""Round clock: drift over a simulated 60-minute round at 60 Hz, and the cost of one clock_view.

Sampling the real ``datetime.now`` for a few seconds says nothing about an hour, so the clock is
driven by a simulated wall clock instead: 216,000 steps of 1/60 s with ±4 ms jitter and pauses,
and at every step the view's remaining time is compared with an independent computation of the
ideal remaining time (exact microseconds, never rounded). Target from issue 4: drift < 50 ms.
A second figure: 1,000 pauses of 0.4 ms each through the real commands (issue 11, item 12: they
drifted by about a second while pauses were banked in whole milliseconds).
"""

from __future__ import annotations

import random
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bench.common import Result, median, percentile
from mentordesk.models import ClockPhase, ClockState, FlashSession
from mentordesk.models.store import EventStore
from mentordesk.services.flash import clock as round_clock
from mentordesk.services.flash.clock_face import ClockSnapshot, SessionConfig, clock_view

STEPS = 216_000
TARGET_DRIFT_MS = 50.0
ROUND_US = 60 * 60_000_000


def _drift() -> tuple[float, int]:
    rng = random.Random(11)
    config = SessionConfig(1, 60, 0)
    t0 = datetime(2025, 5, 14, 18, 0, tzinfo=UTC)
    now, ideal_us, running = t0, 0, True
    snapshot = ClockSnapshot(ClockState.RUNNING, 1, ClockPhase.MEETING, now, 0, 0)
    toggles = set(rng.sample(range(1_000, STEPS - 1_000), 10))
    worst = 0.0
    for step in range(STEPS):
        delta = timedelta(microseconds=16_667 + rng.randint(-4_000, 4_000))
        now += delta
        if running:
            ideal_us += delta // timedelta(microseconds=1)
        if ideal_us >= ROUND_US:
            break
        view = clock_view(snapshot, config, now)
        worst = max(worst, abs(view.remaining_ms - (ROUND_US - ideal_us) / 1000))
        if step in toggles:
            # Pause and resume exactly as the commands store them: the run banked in µs, a new anchor.
            if running:
                run_us = snapshot.elapsed_us + (now - snapshot.phase_started_at) // timedelta(microseconds=1)
                snapshot = ClockSnapshot(ClockState.PAUSED, 1, ClockPhase.MEETING, None, run_us, 0)
            else:
                snapshot = ClockSnapshot(ClockState.RUNNING, 1, ClockPhase.MEETING, now, snapshot.elapsed_us, 0)
            running = not running
    return worst, STEPS


PAUSES = 1_000
PAUSE_RUN_US = 400


def _pause_drift_ms() -> float:
    """Run 0.4 ms, pause 0.4 ms, a thousand times, through the commands and a real event file."""
    t0 = datetime(2025, 5, 14, 18, 0, tzinfo=UTC)
    with tempfile.TemporaryDirectory() as folder, \
            EventStore.create(Path(folder) / "pauses.mentordesk", name="Pauses") as store, store.session() as session:
        flash = FlashSession(event_id=store.event_id, round_count=1, round_minutes=60, changeover_seconds=0)
        session.add(flash)
        session.flush()
        now = t0
        round_clock.start(session, flash.id, now)
        for _ in range(PAUSES):
            now += timedelta(microseconds=PAUSE_RUN_US)
            round_clock.pause(session, flash.id, now)
            now += timedelta(microseconds=PAUSE_RUN_US)
            round_clock.resume(session, flash.id, now)
        view = round_clock.pause(session, flash.id, now)
    ideal_remaining_ms = (ROUND_US - PAUSES * PAUSE_RUN_US) / 1000
    return abs(view.remaining_ms - ideal_remaining_ms)


def _view_cost_us() -> list[float]:
    config = SessionConfig(6, 7, 90)  # a 90-second changeover
    t0 = datetime(2025, 5, 14, 18, 0, tzinfo=UTC)
    snapshot = ClockSnapshot(ClockState.RUNNING, 1, ClockPhase.MEETING, t0, 0, 0)
    samples = []
    for i in range(20_000):
        now = t0 + timedelta(microseconds=i * 2_345_678)  # crosses phases, catch-up included
        start = time.perf_counter_ns()
        clock_view(snapshot, config, now)
        samples.append((time.perf_counter_ns() - start) / 1000)
    return samples


def run() -> list[Result]:
    worst, steps = _drift()
    pause_drift = _pause_drift_ms()
    cost = _view_cost_us()
    return [
        Result(f"clock drift over 60 min, {steps:,} steps at 60 Hz with pauses", f"< {TARGET_DRIFT_MS:.0f} ms",
               f"{worst:.3f} ms", worst < TARGET_DRIFT_MS),
        Result(f"clock drift after {PAUSES:,} pauses of {PAUSE_RUN_US / 1000:.1f} ms", "< 1 ms",
               f"{pause_drift:.3f} ms", pause_drift < 1),
        Result("clock_view, one call", "-", f"median {median(cost):.1f} µs, p99 {percentile(cost, 99):.1f} µs",
               None),
    ]


if __name__ == "__main__":
    for result in run():
        print(" | ".join(result.row()))
