"""The desk's other actions: undo, check-out, walk-ins, the station name and the live counts."""
# ruff: noqa: F811 - the fixtures imported from checkin_helpers are test parameters here

from __future__ import annotations

from checkin_helpers import Guests, checked_in, desk, guests, log, press, scan, type_name, written  # noqa: F401 - fixtures
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QKeySequence
from pytestqt.qtbot import QtBot

from mentordesk.models import CheckinAction, CheckinEntry, CheckinMethod
from mentordesk.models.store import EventStore
from mentordesk.services import checkin, roster
from mentordesk.settings import STATION_NAME, Settings
from mentordesk.ui.checkin.page import CheckinPage, key_text
from mentordesk.ui.checkin.result_panel import Tone
from mentordesk.ui.itemmodels.checkin_log_model import Column
from mentordesk.ui.widgets.bidi import strip_isolates
from mentordesk.ui.widgets.person_dialog import PersonDialog

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def test_ctrl_z_undoes_the_last_check_in_and_says_whom(
    desk: CheckinPage, guests: Guests, store: EventStore, qtbot: QtBot
) -> None:
    scan(qtbot, desk, guests.anna.code)
    scan(qtbot, desk, guests.zoe.code)
    press(qtbot, desk, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)

    assert not checked_in(store, guests.zoe.id)
    assert checked_in(store, guests.anna.id)
    assert desk.result_panel.headline_label.text() == "Undid the check-in"
    assert desk.result_panel.name_label.text() == "Zoë Šimůnek"
    # The recent list strikes the undone entry through.
    model = desk.recent.model
    qtbot.waitUntil(lambda: model.rowCount() == 2 and model.row_at(0).undone, timeout=20_000)
    font = model.index(0, Column.NAME).data(Qt.ItemDataRole.FontRole)
    assert isinstance(font, QFont) and font.strikeOut()
    assert model.index(1, Column.NAME).data(Qt.ItemDataRole.FontRole) is None

    # The button does the same, one entry further back.
    desk.recent.undo_button.click()
    written(qtbot, desk)
    assert not checked_in(store, guests.anna.id)
    assert desk.window().focusWidget() is desk.field


def test_undo_only_touches_this_station(desk: CheckinPage, guests: Guests, store: EventStore, qtbot: QtBot) -> None:
    with store.session() as session:
        checkin.check_in(session, guests.zoe.id, station="Side door")
    press(qtbot, desk, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert checked_in(store, guests.zoe.id)
    assert desk.result_panel.headline_label.text() == "Nothing to undo"


def test_check_out_the_person_shown(desk: CheckinPage, guests: Guests, store: EventStore, qtbot: QtBot) -> None:
    scan(qtbot, desk, guests.zoe.code)
    assert strip_isolates(desk.recent.target_label.text()) == "Check-out applies to Zoë Šimůnek."
    press(qtbot, desk, Qt.Key.Key_O, CTRL_SHIFT)

    assert not checked_in(store, guests.zoe.id)
    latest = log(store)[0]
    assert (latest.action, latest.person_id, latest.station) == (CheckinAction.CHECK_OUT, guests.zoe.id, desk.station)
    assert desk.result_panel.headline_label.text() == "Checked out"

    # Checking out again says why not.
    desk.recent.check_out_button.click()
    written(qtbot, desk)
    assert desk.result_panel.tone is Tone.WARN
    assert "not checked in" in desk.result_panel.details_label.text()


def test_check_out_someone_chosen_in_the_recent_list(
    desk: CheckinPage, guests: Guests, store: EventStore, qtbot: QtBot
) -> None:
    scan(qtbot, desk, guests.anna.code)
    scan(qtbot, desk, guests.mentor.code)
    qtbot.waitUntil(lambda: desk.recent.model.rowCount() == 2, timeout=20_000)

    # With the field empty, the arrow keys walk the recent list (newest first).
    qtbot.keyClick(desk.field, Qt.Key.Key_Down)
    qtbot.keyClick(desk.field, Qt.Key.Key_Down)
    assert desk.recent.selected_line().person_id == guests.anna.id  # type: ignore[union-attr]
    assert strip_isolates(desk.recent.target_label.text()) == "Check-out applies to Anna Novák."
    press(qtbot, desk, Qt.Key.Key_O, CTRL_SHIFT)

    assert not checked_in(store, guests.anna.id)
    assert checked_in(store, guests.mentor.id)


def test_counts_follow_arrivals(desk: CheckinPage, guests: Guests, qtbot: QtBot) -> None:
    strip = desk.counts_strip
    assert strip.text == "Mentors 0 / 2 · Mentees 0 / 4 · Everyone 0 / 6"
    scan(qtbot, desk, guests.mentor.code)
    scan(qtbot, desk, guests.zoe.code)
    qtbot.waitUntil(lambda: strip.text == "Mentors 1 / 2 · Mentees 1 / 4 · Everyone 2 / 6", timeout=20_000)
    press(qtbot, desk, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: strip.text == "Mentors 1 / 2 · Mentees 0 / 4 · Everyone 1 / 6", timeout=20_000)


def test_counts_pick_up_check_ins_from_other_stations(
    desk: CheckinPage, guests: Guests, store: EventStore, qtbot: QtBot
) -> None:
    with store.session() as session:
        checkin.check_in(session, guests.greek.id, station="Side door")
    qtbot.waitUntil(lambda: desk.counts_strip.mentors.value_label.text() == "1 / 2", timeout=20_000)
    assert desk.recent.model.index(0, Column.STATION).data() == "Side door"


def test_station_name_is_saved_and_recorded_with_every_entry(
    desk: CheckinPage, guests: Guests, store: EventStore, qtbot: QtBot
) -> None:
    qtbot.keyClick(desk.field, Qt.Key.Key_F2)
    assert desk.station_edit.hasFocus()
    desk.station_edit.selectAll()
    qtbot.keyClicks(desk.station_edit, "  Hall B   desk ")
    qtbot.keyClick(desk.station_edit, Qt.Key.Key_Return)

    assert desk.field.hasFocus()
    assert desk.station_edit.text() == "Hall B desk"
    assert Settings().get(STATION_NAME) == "Hall B desk"
    scan(qtbot, desk, guests.zoe.code)
    press(qtbot, desk, Qt.Key.Key_O, CTRL_SHIFT)
    assert [(line.action, line.station) for line in log(store)] == [
        (CheckinAction.CHECK_OUT, "Hall B desk"),
        (CheckinAction.CHECK_IN, "Hall B desk"),
    ]

    # Escape gives up an edit; an empty name is not taken.
    qtbot.keyClick(desk.field, Qt.Key.Key_F2)
    qtbot.keyClicks(desk.station_edit, "Nope")
    qtbot.keyClick(desk.station_edit, Qt.Key.Key_Escape)
    assert desk.station_edit.text() == "Hall B desk" and desk.field.hasFocus()


def test_walk_in_is_added_and_checked_in(desk: CheckinPage, store: EventStore, qtbot: QtBot) -> None:
    # Someone not on the list: the desk typed their name, found no one, and adds them.
    type_name(qtbot, desk, "Diego Fernandez")
    assert desk.candidates_view.count == 0
    qtbot.keyClick(desk.field, Qt.Key.Key_N, CTRL_SHIFT)

    dialog = desk.dialog
    assert isinstance(dialog, PersonDialog) and dialog.isVisible()
    assert (dialog.first_name_edit.text(), dialog.last_name_edit.text()) == ("Diego", "Fernandez")
    dialog.last_name_edit.setText("Fernández")
    with qtbot.waitSignal(dialog.saved) as saved:
        dialog.save_button.click()
    written(qtbot, desk)

    person_id = saved.args[0]
    assert checked_in(store, person_id)
    with store.read_session() as session:
        assert roster.get_person(session, person_id).is_walk_in
    assert desk.result_panel.headline_label.text() == "Walk-in added and checked in"
    assert desk.result_panel.name_label.text() == "Diego Fernández"
    (entry,) = log(store)
    assert entry.station == desk.station
    with store.read_session() as session:
        assert session.get_one(CheckinEntry, entry.entry_id).method is CheckinMethod.MANUAL
    assert desk.field.text() == ""
    qtbot.waitUntil(lambda: desk.dialog is None and desk.window().focusWidget() is desk.field, timeout=20_000)


def test_every_action_has_a_shortcut_in_its_tooltip(desk: CheckinPage) -> None:
    expected = {
        desk.recent.undo_button: key_text("undo"),
        desk.recent.check_out_button: "Ctrl+Shift+O",
        desk.walk_in_button: "Ctrl+Shift+N",
        desk.bulk_button: "Ctrl+Shift+B",
        desk.kiosk_button: "Ctrl+Shift+K",
        desk.station_edit: "F2",
    }
    for widget, keys in expected.items():
        assert f"({keys})" in widget.toolTip()
    assert QKeySequence(QKeySequence.StandardKey.Undo).toString() in desk.keys_label.text()
