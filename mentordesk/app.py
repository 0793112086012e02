"""The one place that wires the GUI: the QApplication, the event to open, and the main window.

``run`` is what ``mentordesk`` (with no sub-command) calls. It opens, in order of preference:
the event named on the command line; the most recently opened event that still exists; the demo
event (created on first use). When the chosen event cannot be opened, the welcome screen shows
why. With ``MENTORDESK_STARTUP_PROBE=1`` the app prints ``first-window`` once the main window
has been painted, then quits: the start-up benchmark measures exactly that.
"""

from __future__ import annotations

import gc
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QFileOpenEvent, QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

from mentordesk import APP_ID, APP_NAME, ORGANIZATION, __version__
from mentordesk.ui import errors, style
from mentordesk.ui.script_fonts import register_missing_script_fonts

if TYPE_CHECKING:
    from mentordesk.ui.main_window import MainWindow

PROBE_ENV = "MENTORDESK_STARTUP_PROBE"
PROBE_LINE = "first-window"


def create_application() -> QApplication:
    """The QApplication, set up once per process (tests reuse pytest-qt's instance)."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    # Fractional scale factors (125 %, 150 %) are used as they are instead of being rounded,
    # so text and icons are as sharp and as large as the user asked for.
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    QApplication.setApplicationName(APP_NAME)
    QApplication.setOrganizationName(ORGANIZATION)
    QApplication.setApplicationVersion(__version__)
    QGuiApplication.setDesktopFileName(APP_ID)
    # Only the program name: the command line's own options are argparse's, not Qt's.
    app = QApplication(sys.argv[:1])
    # Before any widget: a name in a script the computer has no font for still shows as letters.
    register_missing_script_fonts()
    style.apply(app)
    return app


def startup_target(event_target: str | None, recent: list[Path]) -> str | Path | None:
    """What to open at start-up: the named event, else the latest recent file that exists,
    else None, meaning the demo event."""
    if event_target:
        return event_target
    return next((path for path in recent if path.is_file()), None)


def open_startup_event(window: MainWindow, event_target: str | None) -> bool:
    """Open the event ``run`` should start on; on failure the welcome screen says why."""
    target = startup_target(event_target, window.ui_state.recent_files())
    if target is None:
        return window.open_demo_event()
    return window.open_event(target)


class _FirstPaintProbe(QObject):
    """Prints the probe line after the first paint of the main window, then quits the app."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self._seen = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            not self._seen
            and event.type() == QEvent.Type.Paint
            and isinstance(watched, QWidget)
            and watched.window() is self._window
        ):
            self._seen = True
            # Report once this paint has been handled and flushed, not while it is starting.
            QTimer.singleShot(0, self._report)
        return False

    def _report(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        print(PROBE_LINE, flush=True)
        if app is not None:
            app.exit(0)


class FileOpenHandler(QObject):
    """Opens event files the system hands over as open requests rather than as arguments.

    macOS's Finder sends a double-clicked document (and one dropped on the Dock icon) to a
    running app as a ``QFileOpenEvent``; Windows and Linux pass it on the command line instead.
    """

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FileOpen and isinstance(event, QFileOpenEvent):
            target = event.file() or event.url().toLocalFile()
            if target:
                self._window.open_event(Path(target))
                return True
        return False


def run(event_target: str | None) -> int:
    """Start the desktop app on ``event_target`` (a file or database URL, or None); return its exit code."""
    # Start-up creates a great many objects that live as long as the app (SQLAlchemy's and
    # Qt's); collecting garbage while they are made finds none and costs about a tenth of a
    # second. Once the window is up they are frozen out of the collector's view for good.
    gc.disable()
    try:
        app = create_application()
        errors.configure_logging()
        errors.install_excepthook()
        # Imported here, inside the paused collector: this pulls in SQLAlchemy and the services.
        from mentordesk.ui.main_window import MainWindow

        window = MainWindow()
        app.installEventFilter(FileOpenHandler(window))
        open_startup_event(window, event_target)
        if os.environ.get(PROBE_ENV) == "1":
            app.installEventFilter(_FirstPaintProbe(window))
        window.show()
    finally:
        gc.freeze()
    # From now on the collector runs only on the UI thread (see ui/gc_guard.py).
    from mentordesk.ui.gc_guard import UiThreadGarbageCollector

    collector = UiThreadGarbageCollector(app)
    try:
        return app.exec()
    finally:
        # The probe (or a signal) may end the loop with the window still open: save its state
        # and release the event file either way.
        if window.isVisible():
            window.close()
        # Everything is saved and closed; spare the interpreter's exit a walk over every object.
        collector.deleteLater()
        gc.freeze()
