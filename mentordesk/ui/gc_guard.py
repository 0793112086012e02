"""Run Python's garbage collector on the UI thread only.

An automatic collection can start on whichever thread happens to allocate, including a
``ui/tasks.py`` worker; if it then frees a cycle holding Qt objects, they are destroyed on the
wrong thread and Qt crashes. So automatic collection is switched off and a timer on the UI
thread runs the collector instead, as often as Python's own thresholds would (a long-standing
PyQt/PySide recipe for apps with worker threads).

Still needed with PySide6 6.11 (looked at again after the 6.12 "none_dealloc" aborts, which had
another cause, a reference-count bug in the bindings): the hazard is Qt's thread affinity, which
no version of the bindings removes while ``ui/tasks.py`` runs Python code on worker threads.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

CHECK_INTERVAL_MS = 500


class UiThreadGarbageCollector(QObject):
    """Owns the collector while alive: automatic collection off, timed collection on this thread."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._threshold = gc.get_threshold()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_INTERVAL_MS)
        self._connect_signals()
        self._timer.start()

    def _connect_signals(self) -> None:
        self._timer.timeout.connect(self._on_timer_timeout)

    def _on_timer_timeout(self) -> None:
        self.collect_if_due()

    def collect_if_due(self) -> None:
        """Collect the generations whose allocation counts passed Python's thresholds."""
        counts = gc.get_count()
        if counts[0] <= self._threshold[0]:
            return
        generation = 0
        if counts[1] > self._threshold[1]:
            generation = 1
            if counts[2] > self._threshold[2]:
                generation = 2
        gc.collect(generation)
