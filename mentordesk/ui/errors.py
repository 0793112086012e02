"""Unexpected errors: written in full to the log file, shown to the user in plain words.

``install_excepthook`` routes every uncaught exception (including those raised in Qt slots, which
PySide6 hands to ``sys.excepthook``) here, so the app never dies or fails silently: the traceback
goes to ``paths.log_file()`` and a non-blocking message says what happened and where the details
are. Only one such message is shown at a time, and the same failure (same kind and text) is not
shown again for a few minutes — several pages reading a broken file each hit it — so a failure
repeated by timers cannot bury the window under dialogs. Every occurrence is still logged.

A problem of the *environment* (the file locked, the disk full, a read-only folder) is not a bug:
it goes to :func:`report_environment`, which tells the :class:`ProblemSignals` hub. The main
window's banner listens there and says what to do until a later write succeeds; where nothing
listens (a test without a window, a dialog before the window exists) a message box says it.
"""

from __future__ import annotations

import logging
import sys
import time
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from mentordesk import APP_NAME, logfile, paths
from mentordesk.models.db_errors import environment_problem

log = logging.getLogger("mentordesk")
_open_box: QMessageBox | None = None
#: When each message was last shown (monotonic seconds), to hold back repeats.
_shown_at: dict[str, float] = {}
REPEAT_QUIET_SECONDS = 300.0


class ProblemSignals(QObject):
    """Where the environment's problems are announced, for the one banner that shows them."""

    #: The file or disk failed: the one-line problem (what is wrong and what to do).
    environment_failed = Signal(str)
    #: A write succeeded after a problem: the banner can go.
    environment_recovered = Signal()

    def __init__(self) -> None:
        super().__init__()
        #: The problem being shown, or None.
        self.current: str | None = None
        #: Widgets showing the problems (the main window's banner); none: a message box.
        self.listeners = 0


_signals: ProblemSignals | None = None


def problem_signals() -> ProblemSignals:
    """The application's hub (made on first use, owned by the application object)."""
    global _signals
    if _signals is None:
        _signals = ProblemSignals()
        app = QCoreApplication.instance()
        if app is not None:
            _signals.setParent(app)
    return _signals


def report_environment(problem: str, parent: QWidget | None = None) -> None:
    """The file or disk failed (``problem`` from ``models/db_errors.py``): banner, else a box."""
    hub = problem_signals()
    hub.current = problem
    if hub.listeners:
        hub.environment_failed.emit(problem)
    elif QApplication.instance() is not None and _open_box is None:
        _show_environment_problem(problem, parent)


def report_recovered() -> None:
    """A write went through: a problem shown earlier is over."""
    hub = problem_signals()
    if hub.current is not None:
        hub.current = None
        hub.environment_recovered.emit()


def configure_logging() -> None:
    """Send MentorDesk's log records to the log file (again if MENTORDESK_HOME moved it)."""
    logfile.attach(log)


def report_unexpected(error: BaseException, parent: QWidget | None = None) -> None:
    """Log ``error`` with its traceback and tell the user, without blocking."""
    _handle(type(error), error, error.__traceback__, parent)


def install_excepthook() -> None:
    sys.excepthook = _excepthook


def _excepthook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, error, tb)
        return
    _handle(kind, error, tb, None)


def _handle(kind: type[BaseException], error: BaseException, tb: TracebackType | None, parent: QWidget | None) -> None:
    global _open_box
    problem = environment_problem(error)
    if problem is not None:
        # Not a bug: the file is read-only, the disk full or failing. No traceback is needed;
        # what the user must do is the whole message.
        log.warning("the event file could not be used: %s", problem)
    else:
        log.error("unexpected error", exc_info=(kind, error, tb))
    if QApplication.instance() is None:
        sys.__excepthook__(kind, error, tb)
        return
    if problem is not None:
        report_environment(problem, parent)
        return
    if _open_box is not None:
        return
    # A database error's text carries the SQL statement; what went wrong is its driver's error
    # ("no such table: person"), which is also what makes two reports the same failure.
    orig = getattr(error, "orig", None)
    message = f"{type(orig).__name__}: {orig}" if isinstance(orig, BaseException) else f"{kind.__name__}: {error}"
    now = time.monotonic()
    last = _shown_at.get(message)
    if last is not None and now - last < REPEAT_QUIET_SECONDS:
        return
    _shown_at[message] = now
    parent = parent or QApplication.activeWindow()
    box = QMessageBox(
        QMessageBox.Icon.Critical,
        f"{APP_NAME} — unexpected error",
        f"Something went wrong: {message}",
        QMessageBox.StandardButton.Close,
        parent,
    )
    box.setInformativeText(
        f"What you were doing may not have finished. The details were written to {paths.log_file()}."
    )
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.finished.connect(_forget_box)
    _open_box = box
    box.open()


def _show_environment_problem(problem: str, parent: QWidget | None) -> None:
    """Say what is wrong with the file or disk and what to do (once per few minutes per kind)."""
    global _open_box
    now = time.monotonic()
    last = _shown_at.get(problem)
    if last is not None and now - last < REPEAT_QUIET_SECONDS:
        return
    _shown_at[problem] = now
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        f"{APP_NAME} — could not save",
        problem[:1].upper() + problem[1:] + ".",
        QMessageBox.StandardButton.Close,
        parent or QApplication.activeWindow(),
    )
    box.setInformativeText("Everything saved before this is still in the event file.")
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.finished.connect(_forget_box)
    _open_box = box
    box.open()


def _forget_box(_result: int) -> None:
    global _open_box
    _open_box = None
