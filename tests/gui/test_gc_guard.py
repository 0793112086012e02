"""The garbage collector runs on the UI thread only, when Python's thresholds say it is due."""

from __future__ import annotations

import gc
import weakref

from pytestqt.qtbot import QtBot

from mentordesk.ui.gc_guard import UiThreadGarbageCollector


class _Cycle:
    def __init__(self) -> None:
        self.me = self


def test_automatic_collection_is_off_and_the_timer_collects(qtbot: QtBot) -> None:
    was_enabled = gc.isenabled()
    collector = UiThreadGarbageCollector()
    try:
        assert not gc.isenabled()
        cycle = _Cycle()
        alive = weakref.ref(cycle)
        del cycle
        # Live allocations push generation 0 over its threshold (frees would count back down).
        ballast = [[] for _ in range(gc.get_threshold()[0] * 2)]
        qtbot.waitUntil(lambda: alive() is None, timeout=20_000)
        assert len(ballast) > 0
    finally:
        collector.deleteLater()
        if was_enabled:
            gc.enable()
