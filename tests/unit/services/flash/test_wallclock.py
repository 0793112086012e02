"""The trusted now: wall-clock time run at the monotonic clock's pace, steps found and reported."""

from __future__ import annotations

import itertools
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from mentordesk.services.flash import wallclock
from mentordesk.services.flash.wallclock import EPOCH, TrustedClock

T0 = datetime(2026, 5, 4, 18, 0, 0, 250_000, tzinfo=UTC)


class Sources:
    """Hand-moved wall and monotonic clocks, in ns."""

    def __init__(self) -> None:
        self.wall = (T0 - EPOCH) // timedelta(microseconds=1) * 1000
        self.mono = 3_000_000_000_000
        self.mono_jitter: list[int] = []

    def wall_ns(self) -> int:
        return self.wall

    def mono_ns(self) -> int:
        return self.mono + (self.mono_jitter.pop(0) if self.mono_jitter else 0)

    def advance(self, ns: int) -> None:
        self.wall += ns
        self.mono += ns

    def clock(self) -> TrustedClock:
        return TrustedClock(self.wall_ns, self.mono_ns, "boot-x")


MIN_NS = 60_000_000_000


def test_without_steps_the_trusted_now_is_the_wall_clock() -> None:
    src = Sources()
    clock = src.clock()
    first = clock.read()
    assert (first.now, first.mono_us, first.boot_id, first.step) == (T0, 3_000_000_000, "boot-x", None)
    src.advance(1_234_567_891)
    later = clock.read()
    assert later.now == T0 + timedelta(microseconds=1_234_567)
    assert later.mono_us - first.mono_us == 1_234_567
    assert later.step is None and clock.steps == []


def test_a_forward_step_is_reported_once_and_then_followed() -> None:
    src = Sources()
    clock = src.clock()
    clock.read()
    src.advance(2 * MIN_NS)
    src.wall += 10 * MIN_NS  # NTP, a hand, a laptop waking with a wrong clock
    stepped = clock.read()
    assert stepped.step == timedelta(minutes=10)
    # The reading follows the stepped wall clock (what a restarted app would read) …
    assert stepped.now == T0 + timedelta(minutes=12)
    # … and from there runs at the monotonic pace again; the step is not reported twice.
    src.advance(MIN_NS)
    after = clock.read()
    assert (after.now, after.step) == (T0 + timedelta(minutes=13), None)
    assert clock.steps == [timedelta(minutes=10)]


def test_a_backward_step_is_reported_with_its_sign() -> None:
    src = Sources()
    clock = src.clock()
    clock.read()
    src.advance(2 * MIN_NS)
    src.wall -= 10 * MIN_NS
    stepped = clock.read()
    assert stepped.step == -timedelta(minutes=10)
    assert stepped.now == T0 - timedelta(minutes=8)


def test_differences_within_the_tolerance_are_no_step() -> None:
    src = Sources()
    clock = src.clock()
    clock.read()
    src.advance(MIN_NS)
    src.wall += 900_000_000  # 0.9 s: within the 1 s tolerance; the monotonic pace is kept
    reading = clock.read()
    assert reading.step is None
    assert reading.now == T0 + timedelta(minutes=1)


def test_a_loose_pair_of_readings_judges_no_step() -> None:
    src = Sources()
    clock = src.clock()
    clock.read()
    src.advance(MIN_NS)
    src.wall += 5_000_000_000
    # The process was descheduled for 0.5 s between the two monotonic readings around the wall one.
    src.mono_jitter = [0, 500_000_000]
    reading = clock.read()
    assert reading.step is None
    # A tight pair a moment later does see the step.
    assert clock.read().step is not None


def test_a_sleep_counted_by_the_monotonic_clock_is_time_passing_not_a_step() -> None:
    src = Sources()
    clock = src.clock()
    clock.read()
    src.advance(45 * MIN_NS)  # suspended for 45 min: CLOCK_BOOTTIME counts it, like the wall clock
    reading = clock.read()
    assert (reading.step, reading.now) == (None, T0 + timedelta(minutes=45))


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="boot ids and CLOCK_BOOTTIME are Linux's")
def test_on_linux_the_monotonic_source_counts_suspend_and_names_the_boot() -> None:
    mono_ns, boot_id = wallclock.system_sources()
    boot_file = Path("/proc/sys/kernel/random/boot_id")
    if boot_file.exists():
        assert boot_id == boot_file.read_text(encoding="ascii").strip()
    import time

    assert abs(mono_ns() - time.clock_gettime_ns(time.CLOCK_BOOTTIME)) < 1_000_000_000
    reading = TrustedClock().read()
    assert abs(reading.now - datetime.now(UTC)) < timedelta(seconds=5)


def test_the_real_clock_reads_without_steps() -> None:
    clock = TrustedClock()
    readings = [clock.read() for _ in range(100)]
    assert all(r.step is None for r in readings)
    assert all(a.mono_us <= b.mono_us and a.now <= b.now for a, b in itertools.pairwise(readings))
