"""The endurance run itself, in a process of its own (``python -m bench.endurance_run DIR``).

One real main window, offscreen, on a 10,000-person event:

1. **the desk:** 10,000 scans typed into the check-in field as a scanner types them (eight key
   events and Enter each), every one a durable check-in, with the counts and recent list
   refreshing as they do at an event; a scan is timed from its first key to its panel saying
   "Checked in" (the panel follows the commit on the event's writer), and apart from that the
   time the UI thread spent taking the keys and Enter (what the next scan waits for);
2. **a flash session:** planned, started, with the run console and the projector window open,
   run through an hour of rounds (wall and monotonic time driven by hand, so the hour takes
   minutes) with a repaint every 200 ms of that hour, as the console's timer asks for;
3. **the kiosk:** 20,000 key presses (names typed, Backspace, Enter, Escape) in the self
   check-in kiosk, which must still be open at the end (it leaves only with the PIN).

After each phase it prints one JSON line: the time it took, the memory in use (RSS), open file
descriptors, threads, live widgets and QObjects-with-Python-wrappers, and how far
``sys.getrefcount(None)`` moved (PySide6 6.12.0 on CPython 3.11 dropped one reference per void
Qt call until ``None`` was freed and the process aborted). ``MENTORDESK_ENDURANCE_SCALE`` (0–1]
shortens every phase for a quick look.
"""

from __future__ import annotations

import gc
import json
import os
import sys
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SCANS = 10_000
FLASH_HOURS = 1.0
KIOSK_KEYS = 20_000
REPAINT_MS = 200


def _scale() -> float:
    try:
        return min(1.0, max(0.001, float(os.environ.get("MENTORDESK_ENDURANCE_SCALE", "1"))))
    except ValueError:
        return 1.0


def _rss_mb() -> float:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _os_threads() -> int:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Threads:"):
                return int(line.split()[1])
    except OSError:
        pass
    return threading.active_count()


def _fds() -> int:
    try:
        return len(os.listdir("/proc/self/fd"))
    except OSError:
        return -1


class Probe:
    def __init__(self) -> None:
        self.none_refs = sys.getrefcount(None)
        self.warm: dict[str, object] = {}

    def warmed_up(self) -> None:
        """Remember the figures once a phase is under way (pages built, caches filled)."""
        gc.collect()
        self.warm = {"rss_mb_warm": round(_rss_mb(), 1), "fds_warm": _fds(), "threads_warm": _os_threads()}

    def report(self, phase: str, seconds: float, **extra: object) -> None:
        from PySide6.QtWidgets import QApplication

        gc.collect()
        line = {
            "phase": phase,
            "seconds": round(seconds, 1),
            "rss_mb": round(_rss_mb(), 1),
            "fds": _fds(),
            "threads": _os_threads(),
            "widgets": len(QApplication.allWidgets()),
            "none_refcount_moved": sys.getrefcount(None) - self.none_refs,
            **self.warm,
            **extra,
        }
        self.warm = {}
        print(json.dumps(line), flush=True)


def _pump(app: object, every: int, n: int) -> None:
    if n % every == 0:
        app.processEvents()  # type: ignore[attr-defined]


def desk_phase(app: object, window: object, codes: list[str], probe: Probe) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from mentordesk.ui.checkin.page import CheckinPage

    window.workspace.show_page(2)  # type: ignore[attr-defined]
    page = window.workspace.current_page  # type: ignore[attr-defined]
    assert isinstance(page, CheckinPage)
    app.processEvents()  # type: ignore[attr-defined]
    started = time.perf_counter()
    recorded = 0
    per_scan: list[float] = []
    on_ui_thread: list[float] = []
    for n, code in enumerate(codes, 1):
        page.field.clear()
        began = time.perf_counter()
        QTest.keyClicks(page.field, code)
        QTest.keyClick(page.field, Qt.Key.Key_Return)
        on_ui_thread.append((time.perf_counter() - began) * 1000)
        # The panel follows the commit: the event loop delivers it.
        deadline = time.monotonic() + 30
        while getattr(page, "writes_pending", 0) and time.monotonic() < deadline:
            app.processEvents()  # type: ignore[attr-defined]
            time.sleep(0.0005)
        per_scan.append((time.perf_counter() - began) * 1000)
        if page.result_panel.headline_label.text() == "Checked in":
            recorded += 1
        _pump(app, 10, n)
        if n == len(codes) // 10:
            probe.warmed_up()
    probe.report("desk", time.perf_counter() - started, scans=len(codes), checked_in=recorded,
                 scan_ms_p50=_percentile(per_scan, 50), scan_ms_p99=_percentile(per_scan, 99),
                 scan_ui_ms_p50=_percentile(on_ui_thread, 50), scan_ui_ms_p99=_percentile(on_ui_thread, 99))


def _percentile(values: list[float], percent: int) -> float:
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, len(ordered) * percent // 100)], 1)


class _HandTime:
    """Wall and monotonic time moved together by hand: an hour passes in minutes."""

    def __init__(self) -> None:
        self.at = datetime.now(UTC)
        self.mono_ns = time.monotonic_ns()

    def wall_ns(self) -> int:
        from mentordesk.services.flash.wallclock import EPOCH

        return (self.at - EPOCH) // timedelta(microseconds=1) * 1000

    def mono(self) -> int:
        return self.mono_ns

    def advance_ms(self, ms: int) -> None:
        self.at += timedelta(milliseconds=ms)
        self.mono_ns += ms * 1_000_000


def flash_phase(app: object, window: object, probe: Probe) -> None:
    from mentordesk.models import PlanMode
    from mentordesk.services.flash.live import SessionSetup
    from mentordesk.services.flash.wallclock import TrustedClock
    from mentordesk.ui.flash.page import FlashPage

    rounds = max(1, round(6 * FLASH_HOURS * _scale()))
    window.workspace.show_page(3)  # type: ignore[attr-defined]
    page = window.workspace.current_page  # type: ignore[attr-defined]
    assert isinstance(page, FlashPage)
    hand = _HandTime()
    page.driver.clock = TrustedClock(hand.wall_ns, hand.mono, None)
    # Six rounds of 9 minutes and 1 minute to change: an hour, planned as the Plan tab does it.
    page.plan(SessionSetup(rounds, 9, 60, 3, PlanMode.ROTATE))
    deadline = time.monotonic() + 120
    while page.driver.flash_id is None and time.monotonic() < deadline:
        app.processEvents()  # type: ignore[attr-defined]
        time.sleep(0.01)
    assert page.driver.flash_id is not None, "the plan never arrived"
    page.tabs.setCurrentWidget(page.console)
    page.console.buttons["start"].click()
    projector = page.open_projector()
    projector.resize(1280, 720)
    projector.show()
    app.processEvents()  # type: ignore[attr-defined]
    ticks = rounds * 10 * 60 * 1000 // REPAINT_MS
    started = time.perf_counter()
    for n in range(1, ticks + 1):
        hand.advance_ms(REPAINT_MS)
        page.driver.tick()
        _pump(app, 5, n)
        if n == ticks // 10:
            probe.warmed_up()
    view = page.driver.current()
    probe.report("flash", time.perf_counter() - started, rounds=rounds, repaints=ticks,
                 final_state=str(getattr(view, "state", None)))


def kiosk_phase(app: object, window: object, names: list[str], probe: Probe) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from mentordesk.settings import KIOSK_PIN
    from mentordesk.ui.checkin.page import CheckinPage

    window.workspace.show_page(2)  # type: ignore[attr-defined]
    page = window.workspace.current_page  # type: ignore[attr-defined]
    assert isinstance(page, CheckinPage)
    page.settings.set(KIOSK_PIN, "4711")
    page.kiosk_button.click()
    kiosk = page.kiosk
    assert kiosk is not None
    app.processEvents()  # type: ignore[attr-defined]
    keys = max(1, round(KIOSK_KEYS * _scale()))
    pressed = 0
    started = time.perf_counter()
    n = 0
    while pressed < keys:
        name = names[n % len(names)]
        n += 1
        for ch in name[: max(1, min(len(name), keys - pressed))]:
            QTest.keyClicks(kiosk.field, ch)
            pressed += 1
        if n % 3 == 0:
            QTest.keyClick(kiosk.field, Qt.Key.Key_Backspace)
            pressed += 1
        QTest.keyClick(kiosk.field, Qt.Key.Key_Return if n % 2 else Qt.Key.Key_Escape)
        pressed += 1
        kiosk.field.clear()
        _pump(app, 1, n)
        if not probe.warm and pressed >= keys // 10:
            probe.warmed_up()
    still_open = kiosk.isVisible()
    probe.report("kiosk", time.perf_counter() - started, key_presses=pressed, kiosk_still_open=still_open)


def main(argv: list[str]) -> int:
    directory = Path(argv[0])
    os.environ["MENTORDESK_HOME"] = str(directory / "home")
    from bench.population import make_event

    scans = max(1, round(SCANS * _scale()))
    event, people = make_event(directory, max(scans, 2_000))
    codes = [code for _id, code, _name in people[:scans]]
    # QTest types ASCII only (other characters abort it); the kiosk sees the same keys a person types.
    names = ["".join(ch for ch in name if ch.isascii()).strip() or "anna" for _id, _code, name in people[:500]]

    from PySide6.QtWidgets import QApplication

    from mentordesk.ui.gc_guard import UiThreadGarbageCollector
    from mentordesk.ui.main_window import MainWindow

    app = QApplication([])
    collector = UiThreadGarbageCollector()
    window = MainWindow()
    window.resize(1280, 800)
    window.show()
    window.open_event(event)
    app.processEvents()
    probe = Probe()
    probe.report("start", 0.0, people=len(people))
    desk_phase(app, window, codes, probe)
    flash_phase(app, window, probe)
    kiosk_phase(app, window, names, probe)
    window.close()
    del collector
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
