"""The check-in desk's input field, driven like a barcode scanner and like a person typing."""
# ruff: noqa: F811 - the fixtures imported from checkin_helpers are test parameters here

from __future__ import annotations

import pytest
from checkin_helpers import Guests, checked_in, desk, guests, log, press, scan, type_name, written  # noqa: F401
from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from mentordesk.models import CheckinEntry, CheckinMethod
from mentordesk.models.store import EventStore
from mentordesk.services import checkin
from mentordesk.ui.checkin.page import CheckinPage
from mentordesk.ui.checkin.result_panel import Tone
from mentordesk.ui.itemmodels.checkin_log_model import local_time
from mentordesk.ui.main_window import MainWindow
from mentordesk.ui.widgets.bidi import strip_isolates
from mentordesk.ui.widgets.scan_field import IDLE_MS

#: Long enough for the idle timeout to have fired, had it been going to.
AFTER_IDLE_MS = IDLE_MS + 250


def _method(store: EventStore, entry_id: int) -> CheckinMethod:
    with store.read_session() as session:
        return session.scalars(select(CheckinEntry.method).where(CheckinEntry.id == entry_id)).one()


def test_scan_with_enter_checks_in_at_once(desk: CheckinPage, guests: Guests, store: EventStore, qtbot: QtBot) -> None:
    scan(qtbot, desk, guests.zoe.code)

    assert checked_in(store, guests.zoe.id)
    panel = desk.result_panel
    assert panel.tone is Tone.OK
    assert panel.headline_label.text() == "Checked in"
    assert panel.name_label.text() == "Zoë Šimůnek"
    assert panel.details_label.text() == "Mentee · BrnoSoft"
    assert desk.outcome_stack.currentWidget() is panel
    assert desk.field.text() == "" and desk.field.hasFocus()
    (entry,) = log(store)
    assert (entry.person_id, entry.station) == (guests.zoe.id, desk.station)
    assert _method(store, entry.entry_id) is CheckinMethod.SCAN


def test_scan_without_enter_is_submitted_when_input_stops(
    desk: CheckinPage, guests: Guests, store: EventStore, qtbot: QtBot
) -> None:
    scan(qtbot, desk, guests.mentor.code, enter=False)
    assert not checked_in(store, guests.mentor.id)  # not before the scanner has finished

    qtbot.waitUntil(lambda: desk.result_panel.tone is Tone.OK, timeout=20_000)
    assert checked_in(store, guests.mentor.id)
    assert desk.result_panel.name_label.text() == "Amara Okafor"
    assert desk.field.text() == ""


def test_lower_case_code_is_accepted(desk: CheckinPage, guests: Guests, store: EventStore, qtbot: QtBot) -> None:
    scan(qtbot, desk, guests.greek.code.lower())
    assert checked_in(store, guests.greek.id)
    assert desk.result_panel.name_label.text() == "Αλέξανδρος Παπαδόπουλος"


def test_email_address_checks_in(desk: CheckinPage, guests: Guests, store: EventStore, qtbot: QtBot) -> None:
    scan(qtbot, desk, "ZOE@example.org", enter=False)
    qtbot.waitUntil(lambda: desk.result_panel.tone is Tone.OK, timeout=20_000)
    assert checked_in(store, guests.zoe.id)


def test_typing_a_name_lists_matches_but_only_enter_checks_in(
    desk: CheckinPage, guests: Guests, store: EventStore, qtbot: QtBot
) -> None:
    type_name(qtbot, desk, "zoe sim")  # accents and case do not matter

    assert desk.outcome_stack.currentWidget() is desk.candidates_view
    assert [c.card.name for c in desk.candidates_view.model.rows] == ["Zoë Šimůnek"]
    assert "1 person matches" in desk.candidates_view.header_label.text()
    qtbot.wait(AFTER_IDLE_MS)
    assert not checked_in(store, guests.zoe.id)  # a name is never submitted by itself

    press(qtbot, desk, Qt.Key.Key_Return)
    assert checked_in(store, guests.zoe.id)
    assert desk.result_panel.name_label.text() == "Zoë Šimůnek"
    assert _method(store, log(store)[0].entry_id) is CheckinMethod.NAME


def test_search_narrows_with_each_keystroke(desk: CheckinPage, qtbot: QtBot) -> None:
    type_name(qtbot, desk, "a")
    assert desk.candidates_view.count >= 3
    type_name(qtbot, desk, "nna")
    assert [c.card.name for c in desk.candidates_view.model.rows] == ["Anna Novák", "Anna Nováková"]
    type_name(qtbot, desk, "x")
    assert desk.candidates_view.count == 0
    assert "No one’s name matches “annax”" in strip_isolates(desk.candidates_view.empty_label.text())


def test_several_matches_are_chosen_with_the_arrow_keys(
    desk: CheckinPage, guests: Guests, store: EventStore, qtbot: QtBot
) -> None:
    type_name(qtbot, desk, "anna nov")
    view = desk.candidates_view
    assert [c.card.name for c in view.model.rows] == ["Anna Novák", "Anna Nováková"]

    # Enter without a choice checks nobody in and says to choose.
    press(qtbot, desk, Qt.Key.Key_Return)
    assert not checked_in(store, guests.anna.id) and not checked_in(store, guests.anna_k.id)
    assert "2 people match “anna nov”" in strip_isolates(view.header_label.text())
    assert desk.field.text() == "anna nov"

    qtbot.keyClick(desk.field, Qt.Key.Key_Down)
    qtbot.keyClick(desk.field, Qt.Key.Key_Down)
    qtbot.keyClick(desk.field, Qt.Key.Key_Up)
    assert desk.field.hasFocus()
    assert view.current() is not None and view.current().card.name == "Anna Novák"  # type: ignore[union-attr]
    assert strip_isolates(view.header_label.text()) == "Enter checks in Anna Novák."

    qtbot.keyClick(desk.field, Qt.Key.Key_Down)
    press(qtbot, desk, Qt.Key.Key_Return)
    assert checked_in(store, guests.anna_k.id)
    assert not checked_in(store, guests.anna.id)
    assert desk.result_panel.name_label.text() == "Anna Nováková"


def test_a_name_that_reads_as_a_code_is_not_submitted_by_itself(
    desk: CheckinPage, guests: Guests, store: EventStore, qtbot: QtBot
) -> None:
    # "johannes" reads as the badge code J0HANNES; no one has that code, and it is a name.
    type_name(qtbot, desk, "johannes")
    qtbot.wait(AFTER_IDLE_MS)
    written(qtbot, desk)
    assert not checked_in(store, guests.johannes.id)
    assert desk.field.text() == "johannes"
    assert desk.result_panel.tone is Tone.READY

    press(qtbot, desk, Qt.Key.Key_Return)
    assert checked_in(store, guests.johannes.id)


@pytest.mark.sound
def test_already_checked_in_says_so_with_the_time(
    desk: CheckinPage, guests: Guests, store: EventStore, qtbot: QtBot
) -> None:
    with store.session() as session:
        first = checkin.check_in(session, guests.zoe.id, station="Side door")
    cues: list[str] = []
    desk.sound.cue_played.connect(cues.append)

    scan(qtbot, desk, guests.zoe.code)

    panel = desk.result_panel
    assert panel.tone is Tone.WARN
    assert panel.headline_label.text() == f"Already checked in at {local_time(first.at)}"
    assert panel.name_label.text() == "Zoë Šimůnek"
    assert "nothing new was recorded" in panel.note_label.text()
    assert len(log(store)) == 1
    assert cues == ["checkin-attention"]
    assert desk.field.text() == ""


def test_unknown_code_is_red_and_the_field_is_ready_for_the_next_scan(
    desk: CheckinPage, store: EventStore, qtbot: QtBot
) -> None:
    scan(qtbot, desk, "ZZZZ9999")
    assert desk.result_panel.tone is Tone.ERROR
    assert desk.result_panel.headline_label.text() == "No one found"
    assert "“ZZZZ9999”" in desk.result_panel.text
    assert desk.field.text() == "" and desk.field.hasFocus()

    # The same from a scanner that sends no Enter.
    desk.result_panel.show_ready()
    scan(qtbot, desk, "QQQQ8888", enter=False)
    qtbot.waitUntil(lambda: desk.result_panel.tone is Tone.ERROR, timeout=20_000)
    assert "“QQQQ8888”" in desk.result_panel.text
    assert desk.field.text() == ""
    assert log(store) == []


def test_confirmation_stays_until_the_next_input(desk: CheckinPage, guests: Guests, qtbot: QtBot) -> None:
    scan(qtbot, desk, guests.zoe.code)
    qtbot.wait(AFTER_IDLE_MS)
    assert desk.result_panel.name_label.text() == "Zoë Šimůnek"
    assert desk.outcome_stack.currentWidget() is desk.result_panel

    type_name(qtbot, desk, "am")
    assert desk.outcome_stack.currentWidget() is desk.candidates_view
    qtbot.keyClick(desk.field, Qt.Key.Key_Escape)
    assert desk.field.text() == ""
    assert desk.result_panel.tone is Tone.READY


def test_focus_returns_to_the_field(desk: CheckinPage, window: MainWindow, qtbot: QtBot) -> None:
    for widget in (desk.recent.table.viewport(), desk.result_panel, desk.recent.undo_button, desk.counts_strip):
        qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
        qtbot.waitUntil(desk.field.hasFocus, timeout=20_000)

    # Whatever takes the focus on the page (here: a program) gives it back.
    desk.recent.table.setFocus()
    qtbot.waitUntil(desk.field.hasFocus, timeout=20_000)

    # The station name can be edited; Enter puts the focus back.
    qtbot.mouseClick(desk.station_edit, Qt.MouseButton.LeftButton)
    assert desk.station_edit.hasFocus()
    qtbot.keyClick(desk.station_edit, Qt.Key.Key_Return)
    assert desk.field.hasFocus()

    # Coming back to the page.
    window.workspace.show_page(0)
    window.workspace.sidebar.setFocus()
    window.workspace.show_page(2)
    qtbot.waitUntil(desk.field.hasFocus, timeout=20_000)


@pytest.mark.sound
def test_sound_follows_the_outcome_and_the_setting(desk: CheckinPage, guests: Guests, qtbot: QtBot) -> None:
    cues: list[str] = []
    desk.sound.cue_played.connect(cues.append)
    scan(qtbot, desk, guests.zoe.code)
    scan(qtbot, desk, "ZZZZ9999")
    assert cues == ["checkin-ok", "checkin-attention"]

    desk.sound_check.click()  # sound off, kept in the settings
    assert not desk.sound.enabled
    scan(qtbot, desk, guests.mentor.code)
    assert cues == ["checkin-ok", "checkin-attention"]
    assert desk.field.hasFocus()
