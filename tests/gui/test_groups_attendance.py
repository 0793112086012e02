"""Attendance on the Groups page: taken by keyboard only, by badge scans, and from a paper sheet."""
# ruff: noqa: F811 - the fixtures imported from groups_helpers are test parameters here

from __future__ import annotations

import shiboken6
from focus_helpers import wait_focus
from groups_helpers import groups_page, roster, sessions  # noqa: F401 - fixtures
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from mentordesk.models import AttendanceSource, AttendanceStatus, Person
from mentordesk.models.store import EventStore
from mentordesk.ui.groups.attendance_dialog import AttendanceDialog
from mentordesk.ui.groups.page import GroupsPage
from mentordesk.ui.groups.paper_sheet_dialog import PaperSheetDialog
from mentordesk.ui.widgets.scan_field import IDLE_MS, SCANNER_GAP_S

P, L, A, E = AttendanceStatus.PRESENT, AttendanceStatus.LATE, AttendanceStatus.ABSENT, AttendanceStatus.EXCUSED
#: A person's pause between keys: longer than a badge scanner leaves (see RosterView).
PERSON_GAP_MS = round(SCANNER_GAP_S * 1000) + 40


def press(qtbot: QtBot, widget: QWidget, key: Qt.Key,
          modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """One key as a person presses it (then a person's pause before the next)."""
    qtbot.keyClick(widget, key, modifier)
    qtbot.wait(PERSON_GAP_MS)


def _open_next_session(page: GroupsPage, qtbot: QtBot) -> AttendanceDialog:
    """Open attendance for the first upcoming session with the keyboard: Sessions tab, Enter."""
    page.tabs.setCurrentWidget(page.sessions_tab)
    page.sessions_tab.set_filter(when="upcoming")
    page.sessions_tab.table.setFocus()
    qtbot.keyClick(page.sessions_tab.table, Qt.Key.Key_Return)
    dialog = page.dialog
    assert isinstance(dialog, AttendanceDialog)
    qtbot.waitExposed(dialog)
    return dialog


def test_attendance_taken_by_keyboard_only_is_in_the_file(
    groups_page: GroupsPage, demo_store: EventStore, qtbot: QtBot
) -> None:
    dialog = _open_next_session(groups_page, qtbot)
    session_id = dialog.info.id
    assert all(row.status is None for row in roster(demo_store, session_id))
    table = dialog.table
    wait_focus(qtbot, table)
    assert table.currentIndex().row() == 0

    # Each letter marks the current person and moves on; arrows move without marking.
    for key in (Qt.Key.Key_P, Qt.Key.Key_L, Qt.Key.Key_A):
        press(qtbot, table, key)
    press(qtbot, table, Qt.Key.Key_Up)  # back to the third person: absent after all? excused.
    press(qtbot, table, Qt.Key.Key_E)
    press(qtbot, table, Qt.Key.Key_Down)  # leave the fifth as it is for now
    assert table.currentIndex().row() == 4

    saved = {row.person_id: row.status for row in roster(demo_store, session_id)}
    order = [row.person_id for row in roster(demo_store, session_id)]
    assert [saved[pid] for pid in order] == [P, L, E, None, None, None]

    # Everyone else present, in one action (its shortcut), leaves the marks already made alone.
    press(qtbot, table, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    rows = roster(demo_store, session_id)
    assert [row.status for row in rows] == [P, L, E, P, P, P]
    assert "1 late" in dialog.counts_label.text() and "everyone marked" in dialog.counts_label.text()

    # Delete clears a mark (Backspace too), on disk at once.
    press(qtbot, table, Qt.Key.Key_Delete)
    press(qtbot, table, Qt.Key.Key_Up)
    press(qtbot, table, Qt.Key.Key_Backspace)
    rows = roster(demo_store, session_id)
    assert [row.status for row in rows] == [P, L, E, None, None, P]
    assert "2 not marked" in dialog.counts_label.text()
    assert dialog.model.data(dialog.model.index(0, 3)) == "Present"

    # Enter does not close the window by habit; Escape does, and the list shows the counts.
    press(qtbot, table, Qt.Key.Key_Return)
    assert dialog.isVisible()
    qtbot.keyClick(table, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog) or not dialog.isVisible())
    (info,) = [s for s in sessions(demo_store) if s.id == session_id]
    assert (info.counts.present, info.counts.late, info.counts.excused, info.counts.unmarked) == (2, 1, 1, 2)
    table_row = groups_page.sessions_tab.model.row_of(session_id)
    assert table_row is not None
    assert groups_page.sessions_tab.model.data(groups_page.sessions_tab.model.index(table_row, 4)) == (
        "3 of 6 came · 2 unmarked")


def test_scan_with_enter_marks_the_member_and_says_so(
    groups_page: GroupsPage, demo_store: EventStore, qtbot: QtBot
) -> None:
    dialog = _open_next_session(groups_page, qtbot)
    third = roster(demo_store, dialog.info.id)[2]
    qtbot.keyClicks(dialog.scan_field, third.badge_code)
    qtbot.keyClick(dialog.scan_field, Qt.Key.Key_Return)
    assert {r.person_id: r.status for r in roster(demo_store, dialog.info.id)}[third.person_id] is P
    assert third.name in dialog.scan_result.text()
    assert dialog.scan_field.text() == ""
    assert dialog.table.currentIndex().row() == 2  # the person scanned is shown in the roster

    # Scanning again changes nothing and says they are already marked.
    qtbot.keyClicks(dialog.scan_field, third.badge_code)
    qtbot.keyClick(dialog.scan_field, Qt.Key.Key_Return)
    assert "already" in dialog.scan_result.text()


def test_scan_without_enter_and_a_stranger(groups_page: GroupsPage, demo_store: EventStore, qtbot: QtBot) -> None:
    dialog = _open_next_session(groups_page, qtbot)
    first = roster(demo_store, dialog.info.id)[0]
    qtbot.keyClicks(dialog.scan_field, first.badge_code.lower())  # a scanner that sends no Enter
    qtbot.waitUntil(lambda: first.name in dialog.scan_result.text(), timeout=IDLE_MS * 10)
    assert roster(demo_store, dialog.info.id)[0].status is P

    qtbot.keyClicks(dialog.scan_field, "ZZZZ")
    qtbot.keyClick(dialog.scan_field, Qt.Key.Key_Return)
    assert "No badge matches" in dialog.scan_result.text()


def test_paper_sheet_grid_goes_down_the_sheet(groups_page: GroupsPage, demo_store: EventStore, qtbot: QtBot) -> None:
    dialog = _open_next_session(groups_page, qtbot)
    qtbot.mouseClick(dialog.paper_button, Qt.MouseButton.LeftButton)
    sheet = dialog.paper_dialog
    assert isinstance(sheet, PaperSheetDialog)
    expected = [r.name for r in roster(demo_store, dialog.info.id)]
    assert [sheet.model.data(sheet.model.index(n, 1)) for n in range(len(expected))] == expected
    assert [sheet.model.data(sheet.model.index(n, 0)) for n in range(len(expected))] == ["1", "2", "3", "4", "5", "6"]

    for key in (Qt.Key.Key_P, Qt.Key.Key_P, Qt.Key.Key_A, Qt.Key.Key_L, Qt.Key.Key_Space, Qt.Key.Key_E):
        qtbot.keyClick(sheet.table, key)  # the grid has no scanner: typed as fast as anyone likes
    assert [r.status for r in roster(demo_store, dialog.info.id)] == [P, P, A, L, None, E]
    assert sheet.model.data(sheet.model.index(3, 3)) == "L"

    with demo_store.read_session() as session:
        from mentordesk.models import Attendance

        sources = {mark.source for mark in session.query(Attendance).filter_by(session_id=dialog.info.id)}
    assert sources == {AttendanceSource.SIGN_IN_SHEET}

    sheet.reject()
    assert [dialog.model.row_at(n).status for n in range(6)] == [P, P, A, L, None, E]


def test_a_badge_scanned_while_the_roster_has_the_keys_marks_its_owner_not_the_current_row(
    groups_page: GroupsPage, demo_store: EventStore, qtbot: QtBot
) -> None:
    dialog = _open_next_session(groups_page, qtbot)
    owner = roster(demo_store, dialog.info.id)[3]
    # A code that begins with P: on its own, that key would mark the current person present.
    code = "P" + owner.badge_code[1:]
    with demo_store.session() as session:
        session.get_one(Person, owner.person_id).badge_code = code
    table = dialog.table
    wait_focus(qtbot, table)
    assert table.currentIndex().row() == 0
    qtbot.keyClicks(table, code.lower())  # a scanner's burst, without Enter
    qtbot.waitUntil(lambda: owner.name in dialog.scan_result.text(), timeout=IDLE_MS * 10)

    marks = [r.status for r in roster(demo_store, dialog.info.id)]
    assert marks == [None, None, None, P, None, None]  # the first key's mark was taken back
    assert dialog.scan_field.text() == ""
    assert table.currentIndex().row() == 3  # the person scanned is shown


def test_holding_p_down_marks_row_after_row(groups_page: GroupsPage, demo_store: EventStore, qtbot: QtBot) -> None:
    dialog = _open_next_session(groups_page, qtbot)
    table = dialog.table
    wait_focus(qtbot, table)
    for repeat in (False, True, True):  # the key's first press, then two of its repeats
        QApplication.sendEvent(table, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_P, Qt.KeyboardModifier.NoModifier,
                                                "p", repeat))
    assert [r.status for r in roster(demo_store, dialog.info.id)][:4] == [P, P, P, None]
    assert dialog.scan_field.text() == ""
