"""A "now" the round clock can trust: the wall clock, held to the monotonic clock. Qt-free.

The round clock stores wall-clock instants (UTC) so that a restarted app shows the same second.
The wall clock, though, can jump: NTP steps it, someone sets it, a laptop wakes with a wrong
one. ``TrustedClock`` pairs one wall-clock reading with one monotonic reading (the *reference*)
and from then on answers ``reference_wall + (monotonic - reference_monotonic)``, so the time it
gives runs exactly as fast as the monotonic clock, whatever the wall clock does. When the raw
wall clock disagrees with that by more than ``tolerance`` it has been *stepped*: the step is
logged (amount only), the reference moves to the new wall-clock reading and the reading carries
the ``step``. Whoever holds stored instants (``clock.reconcile``) then moves them by the same
amount, so that durations stay true and the stored instants stay comparable with the wall
clock, which is all a restarted app has to go on.

The monotonic source counts time spent suspended where the system offers one (Linux
``CLOCK_BOOTTIME``; macOS ``CLOCK_MONOTONIC``, which keeps counting in sleep): a laptop that
sleeps through part of a round wakes to the true remaining time, since the room went on
talking. On Linux each reading also names the boot it counts from (``boot_id``), so that a
monotonic reading stored in the event file can be compared after a restart of the app, within
the same boot. Elsewhere the boot id is one made up per process: such comparisons then only
hold while the app runs. On other systems ``time.monotonic`` is used; where it stops during
sleep, waking looks like a forward step and the countdown goes on from where it was at suspend
(the facilitator can skip ahead), which is the safe way to be wrong: no round is ended unseen.
"""

from __future__ import annotations

import logging
import sys
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

log = logging.getLogger(__name__)

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
#: A wall clock further than this from the monotonic-derived time has been stepped (NTP slews
#: smaller errors; it steps only beyond 128 ms, people and RTCs by seconds or more).
STEP_TOLERANCE = timedelta(seconds=1)
#: When the two monotonic readings around one wall reading lie further apart than this (the
#: process was descheduled in between), the pair is too loose to judge a step by.
_PAIRING_LIMIT_NS = 100_000_000
_BOOT_ID_FILE = Path("/proc/sys/kernel/random/boot_id")
#: Stands in for the boot id where the system has none to read: valid for this process only.
PROCESS_BOOT_ID = f"process-{uuid.uuid4()}"

NsSource = Callable[[], int]


@dataclass(frozen=True)
class Reading:
    """One trusted instant and the monotonic reading it belongs to."""

    #: The trusted time (UTC): the wall clock as it was at the reference, run on monotonically.
    now: datetime
    #: The monotonic clock at ``now``, in whole microseconds since an arbitrary origin of ``boot_id``.
    mono_us: int
    #: Which boot (or, where unknown, which process) ``mono_us`` counts from.
    boot_id: str
    #: A wall-clock step found at this reading (raw wall clock minus trusted time; positive when
    #: the clock was set forward); ``now`` already follows the stepped wall clock. None mostly.
    step: timedelta | None = None


def _linux_boot_id() -> str | None:
    try:
        return _BOOT_ID_FILE.read_text(encoding="ascii").strip() or None
    except OSError:
        return None


def system_sources() -> tuple[NsSource, str]:
    """The best monotonic source of this system (in ns) and the id of what it counts from."""
    boottime = getattr(time, "CLOCK_BOOTTIME", None)
    if sys.platform.startswith("linux") and boottime is not None:
        try:
            time.clock_gettime_ns(boottime)
        except OSError:
            pass
        else:
            return (lambda: time.clock_gettime_ns(boottime)), _linux_boot_id() or PROCESS_BOOT_ID
    monotonic = getattr(time, "CLOCK_MONOTONIC", None)
    if sys.platform == "darwin" and monotonic is not None:
        return (lambda: time.clock_gettime_ns(monotonic)), PROCESS_BOOT_ID
    return time.monotonic_ns, PROCESS_BOOT_ID


def _instant(wall_ns: int) -> datetime:
    return EPOCH + timedelta(microseconds=wall_ns // 1000)


def _us(delta: timedelta) -> int:
    return (delta.days * 86_400 + delta.seconds) * 1_000_000 + delta.microseconds


class TrustedClock:
    """Wall-clock time that runs at the monotonic clock's pace; wall-clock steps are reported.

    ``wall_ns`` and ``mono_ns`` are injectable (tests drive both without sleeping). One owner
    should read a clock: a step is reported by the one reading that found it.
    """

    def __init__(self, wall_ns: NsSource | None = None, mono_ns: NsSource | None = None,
                 boot_id: str | None = None, tolerance: timedelta = STEP_TOLERANCE) -> None:
        if mono_ns is None:
            mono_ns, system_boot = system_sources()
            boot_id = boot_id or system_boot
        self._wall_ns = wall_ns or time.time_ns
        self._mono_ns = mono_ns
        self.boot_id = boot_id or PROCESS_BOOT_ID
        self._tolerance_ns = _us(tolerance) * 1000
        self._reference: tuple[int, int] | None = None
        #: Every step found so far (for the log and the tests), oldest first.
        self.steps: list[timedelta] = []

    def read(self) -> Reading:
        before = self._mono_ns()
        wall = self._wall_ns()
        after = self._mono_ns()
        mono = before + (after - before) // 2
        if self._reference is None:
            self._reference = (wall, mono)
            return Reading(_instant(wall), mono // 1000, self.boot_id)
        reference_wall, reference_mono = self._reference
        trusted = reference_wall + (mono - reference_mono)
        off_ns = wall - trusted
        if abs(off_ns) <= self._tolerance_ns or after - before > _PAIRING_LIMIT_NS:
            return Reading(_instant(trusted), mono // 1000, self.boot_id)
        # Stepped: from now on follow the new wall clock (what a restarted app would read), and
        # say by how much, so that stored instants can be moved with it.
        step = timedelta(microseconds=off_ns // 1000)
        self._reference = (wall, mono)
        self.steps.append(step)
        log.warning("wall clock stepped by %+d ms against the monotonic clock", off_ns // 1_000_000)
        return Reading(_instant(wall), mono // 1000, self.boot_id, step)
