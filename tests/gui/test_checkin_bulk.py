"""Checking people in from a paper list after the fact, at the time written on the list."""
# ruff: noqa: F811 - the fixtures imported from checkin_helpers are test parameters here

from __future__ import annotations

from datetime import datetime, timedelta

from checkin_helpers import Guests, checked_in, desk, guests, log  # noqa: F401 - fixtures
from PySide6.QtCore import QDateTime, Qt
from pytestqt.qtbot import QtBot

from mentordesk.models import CheckinAction
from mentordesk.models.store import EventStore
from mentordesk.services import checkin
from mentordesk.ui.checkin.bulk_dialog import BulkCheckinDialog
from mentordesk.ui.checkin.page import CheckinPage
from mentordesk.ui.checkin.result_panel import Tone

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def _open_dialog(desk: CheckinPage, qtbot: QtBot) -> BulkCheckinDialog:
    qtbot.keyClick(desk.field, Qt.Key.Key_B, CTRL_SHIFT)
    qtbot.waitUntil(lambda: isinstance(desk.dialog, BulkCheckinDialog), timeout=20_000)
    dialog = desk.dialog
    assert isinstance(dialog, BulkCheckinDialog)
    return dialog


def test_paper_list_checks_people_in_at_the_chosen_time(
    desk: CheckinPage, guests: Guests, store: EventStore, qtbot: QtBot
) -> None:
    with store.session() as session:
        checkin.check_in(session, guests.mentor.id, station="x")
    dialog = _open_dialog(desk, qtbot)

    # Only people not yet arrived are listed.
    names = {dialog.model.row_at(row).full_name for row in range(dialog.model.rowCount())}
    assert names == {g.name for g in guests.all} - {guests.mentor.name}
    assert not dialog.ok_button.isEnabled()

    # Typing a name and Enter ticks the one person it matches, ready for the next name.
    qtbot.keyClicks(dialog.filter_edit, "zoe")
    qtbot.keyClick(dialog.filter_edit, Qt.Key.Key_Return)
    assert dialog.filter_edit.text() == "" and dialog.isVisible()
    qtbot.keyClicks(dialog.filter_edit, "alex")  # Αλέξανδρος does not match Latin letters
    assert dialog.proxy.rowCount() == 0 and dialog.empty_label.isVisible()
    dialog.filter_edit.clear()
    greek_row = next(r for r in range(dialog.model.rowCount()) if dialog.model.row_at(r).id == guests.greek.id)
    dialog.model.setData(dialog.model.index(greek_row, 0), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert dialog.ok_button.text() == "Check in 2 people"

    on_paper = (datetime.now() - timedelta(hours=2)).replace(second=0, microsecond=0)
    dialog.at_edit.setDateTime(QDateTime(on_paper))
    with qtbot.waitSignal(dialog.checked_in):
        qtbot.keyClick(dialog.filter_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    assert checked_in(store, guests.zoe.id) and checked_in(store, guests.greek.id)
    assert not checked_in(store, guests.anna.id)
    entries = [line for line in log(store) if line.person_id in (guests.zoe.id, guests.greek.id)]
    assert len(entries) == 2
    for entry in entries:
        assert entry.action is CheckinAction.CHECK_IN
        assert entry.at == on_paper.astimezone()  # the time on the list, not the time of typing
        assert entry.station == desk.station
    assert desk.result_panel.tone is Tone.INFO
    assert desk.result_panel.headline_label.text() == "Checked in 2 people from a paper list"
    # The offscreen platform does not hand activation back to the main window: check that the
    # field is the window's focus widget, which is what it gets back when it is active again.
    qtbot.waitUntil(lambda: desk.dialog is None and desk.window().focusWidget() is desk.field, timeout=20_000)
    qtbot.waitUntil(lambda: desk.counts_strip.everyone.value_label.text() == "3 / 6", timeout=20_000)


def test_paper_list_with_everyone_arrived_says_so(
    desk: CheckinPage, guests: Guests, store: EventStore, qtbot: QtBot
) -> None:
    with store.session() as session:
        checkin.bulk_check_in(session, [g.id for g in guests.all], at=datetime.now().astimezone(), station="x")
    dialog = _open_dialog(desk, qtbot)
    assert dialog.model.rowCount() == 0
    assert "Everyone has arrived" in dialog.empty_label.text()
    assert not dialog.ok_button.isEnabled()
    dialog.reject()
