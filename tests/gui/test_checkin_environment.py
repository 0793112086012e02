"""The desk on a file that cannot be written: it says why, in the panel and in the main window's banner.

Before, a read-only or full event file gave "Not recorded" with an "unexpected error" report per
scan, whose text (and the log) carried the SQL with the person's name and e-mail. The failure here
is SQLite's own: the desk's connections are switched to ``query_only``, which refuses every write
exactly as a file on a read-only medium does.
"""
# ruff: noqa: F811 - the fixtures imported from checkin_helpers are test parameters here

from __future__ import annotations

from collections.abc import Iterator

import pytest
from checkin_helpers import Guests, checked_in, desk, guests, press, scan  # noqa: F401 - fixtures
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import Connection, event

from mentordesk import paths
from mentordesk.models.store import EventStore
from mentordesk.ui import errors
from mentordesk.ui.checkin.page import CheckinPage
from mentordesk.ui.checkin.result_panel import Tone
from mentordesk.ui.main_window import MainWindow


def _refuse_writes(connection: Connection) -> None:
    connection.exec_driver_sql("PRAGMA query_only = ON")


@pytest.fixture
def read_only(desk: CheckinPage) -> Iterator[None]:
    """The desk's own event (the window opened it) refuses writes from now on."""
    assert desk.store is not None
    engine = desk.store.engine
    engine.dispose()
    event.listen(engine, "begin", _refuse_writes)
    yield
    event.remove(engine, "begin", _refuse_writes)
    engine.dispose()


def _boxes() -> list[QMessageBox]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]


def test_a_read_only_event_says_so_at_the_desk(desk: CheckinPage, window: MainWindow, guests: Guests,
                                               store: EventStore, read_only: None, qtbot: QtBot) -> None:
    errors.configure_logging()
    scan(qtbot, desk, guests.zoe.code)

    assert not checked_in(store, guests.zoe.id)
    panel = desk.result_panel
    assert panel.tone is Tone.ERROR
    assert panel.headline_label.text() == "Not recorded"
    assert "read-only" in panel.details_label.text()
    banner = window.problem_banner
    assert banner.isVisible()
    assert "read-only" in banner.message and "unexpected" not in banner.message.lower()
    # A second failing scan shows in the panel; the banner stays, and no box pops up.
    desk.field.clear()
    scan(qtbot, desk, guests.anna.code)
    assert panel.headline_label.text() == "Not recorded"
    assert banner.isVisible()
    assert _boxes() == []
    log_text = paths.log_file().read_text(encoding="utf-8")
    assert "read-only" in log_text
    assert "Šimůnek" not in log_text and "zoe@example.org" not in log_text and "Traceback" not in log_text


def test_the_desk_records_again_once_the_file_can_be_written(desk: CheckinPage, window: MainWindow, guests: Guests,
                                                            store: EventStore, qtbot: QtBot) -> None:
    assert desk.store is not None
    engine = desk.store.engine
    event.listen(engine, "begin", _refuse_writes)
    scan(qtbot, desk, guests.zoe.code)
    assert desk.result_panel.headline_label.text() == "Not recorded"
    event.remove(engine, "begin", _refuse_writes)
    engine.dispose()
    assert window.problem_banner.isVisible()
    # The failed scan is back in the field: Enter tries it again (and the next scan replaces it).
    assert desk.field.text() == guests.zoe.code and desk.field.selectedText() == guests.zoe.code
    press(qtbot, desk, Qt.Key.Key_Return)
    assert desk.result_panel.headline_label.text() == "Checked in"
    assert checked_in(store, guests.zoe.id)
    # A write went through: the banner goes.
    assert not window.problem_banner.isVisible()
