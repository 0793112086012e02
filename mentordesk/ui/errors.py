"""Unexpected errors: written in full to the log file, shown to the user in plain words.

``install_excepthook`` routes every uncaught exception (including those raised in Qt slots, which
PySide6 hands to ``sys.excepthook``) here, so the app never dies or fails silently: the traceback
goes to ``paths.log_file()`` and a non-blocking message says what happened and where the details
are. Only one such message is shown at a time, and the same failure (same kind and text) is not
shown again for a few minutes — several pages reading a broken file each hit it — so a failure
repeated by timers cannot bury the window under dialogs. Every occurrence is still logged.
"""

from __future__ import annotations

import logging
import sys
import time
from types import TracebackType

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from mentordesk import APP_NAME, paths

log = logging.getLogger("mentordesk")
_open_box: QMessageBox | None = None
#: When each message was last shown (monotonic seconds), to hold back repeats.
_shown_at: dict[str, float] = {}
REPEAT_QUIET_SECONDS = 300.0


def configure_logging() -> None:
    """Send MentorDesk's log records to the log file (again if MENTORDESK_HOME moved it)."""
    try:
        target = paths.log_file()
    except OSError:
        return  # A read-only home folder must not stop the app; errors are still shown.
    for handler in list(log.handlers):
        if getattr(handler, "_mentordesk", False):
            if getattr(handler, "baseFilename", None) == str(target.resolve()):
                return
            log.removeHandler(handler)
            handler.close()
    handler = logging.FileHandler(target, encoding="utf-8", delay=True)
    handler._mentordesk = True  # type: ignore[attr-defined]
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)


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
    log.error("unexpected error", exc_info=(kind, error, tb))
    if QApplication.instance() is None:
        sys.__excepthook__(kind, error, tb)
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


def _forget_box(_result: int) -> None:
    global _open_box
    _open_box = None
