"""Unexpected errors are logged in full and shown to the user, without blocking."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from mentordesk import paths
from mentordesk.ui import change_watcher, errors


def test_an_unexpected_error_is_logged_and_shown(qtbot: QtBot) -> None:
    errors.configure_logging()
    try:
        raise RuntimeError("the printer caught fire")
    except RuntimeError as exc:
        errors.report_unexpected(exc)

    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
    assert len(boxes) == 1
    assert "RuntimeError: the printer caught fire" in boxes[0].text()
    assert str(paths.log_file()) in boxes[0].informativeText()
    for handler in errors.log.handlers:
        handler.flush()
    logged = paths.log_file().read_text(encoding="utf-8")
    assert "the printer caught fire" in logged
    assert "Traceback" in logged
    boxes[0].close()
    qtbot.waitUntil(lambda: errors._open_box is None)


def test_a_failing_refresh_is_reported_once_not_every_few_seconds(
    window, store, qtbot: QtBot  # type: ignore[no-untyped-def]
) -> None:
    import sqlite3

    errors.configure_logging()
    window.open_event(store.path)
    overview = window.workspace.overview
    # Something outside the app breaks the file under it.
    with sqlite3.connect(store.path) as conn:
        conn.execute("PRAGMA foreign_keys = OFF")
        conn.execute("DROP TABLE person")
    conn.close()

    qtbot.waitUntil(lambda: errors._open_box is not None, timeout=20_000)
    box = errors._open_box
    assert box is not None and "OperationalError" in box.text()
    box.close()
    qtbot.waitUntil(lambda: errors._open_box is None)
    # Long enough for two more reads, had the page been going to retry: two poll intervals, or,
    # on a watched file (no poll timer runs), two probes of the change watcher.
    timer = overview.refresh_timer
    qtbot.wait(2 * (timer.interval() if timer.isActive() else change_watcher.PROBE_MS) + 200)
    assert errors._open_box is None
    for handler in errors.log.handlers:
        handler.flush()
    assert paths.log_file().read_text(encoding="utf-8").count("no such table: person") >= 1


def test_the_same_failure_is_not_shown_again_soon_but_always_logged(qtbot: QtBot) -> None:
    errors.configure_logging()
    errors.report_unexpected(OSError("disk unplugged"))
    first = errors._open_box
    assert first is not None
    first.close()
    qtbot.waitUntil(lambda: errors._open_box is None)
    errors.report_unexpected(OSError("disk unplugged"))
    assert errors._open_box is None
    errors.report_unexpected(OSError("another thing"))
    assert errors._open_box is not None
    errors._open_box.close()
    qtbot.waitUntil(lambda: errors._open_box is None)
    for handler in errors.log.handlers:
        handler.flush()
    assert paths.log_file().read_text(encoding="utf-8").count("disk unplugged") >= 2
