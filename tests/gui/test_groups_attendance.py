"""Attendance on the Groups page: taken by keyboard only, by badge scans, and from a paper sheet."""
# ruff: noqa: F811 - the fixtures imported from groups_helpers are test parameters here

from __future__ import annotations

from groups_helpers import groups_page, roster, sessions  # noqa: F401 - fixtures
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from mentordesk.models import AttendanceSource, AttendanceStatus
from mentordesk.models.store import EventStore
from mentordesk.ui.checkin.scan_field import IDLE_MS
from mentordesk.ui.groups.attendance_dialog import AttendanceDialog
from mentordesk.ui.groups.page import GroupsPage
from mentordesk.ui.groups.paper_sheet_dialog import PaperSheetDialog

P, L, A, E = AttendanceStatus.PRESENT, AttendanceStatus.LATE, AttendanceStatus.ABSENT, AttendanceStatus.EXCUSED


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
    qtbot.waitUntil(table.hasFocus)
    assert table.currentIndex().row() == 0

    # Each letter marks the current person and moves on; arrows move without marking.
    for key in (Qt.Key.Key_P, Qt.Key.Key_L, Qt.Key.Key_A):
        qtbot.keyClick(table, key)
    qtbot.keyClick(table, Qt.Key.Key_Up)  # back to the third person: absent after all? excused.
    qtbot.keyClick(table, Qt.Key.Key_E)
    qtbot.keyClick(table, Qt.Key.Key_Down)  # leave the fifth as it is for now
    assert table.currentIndex().row() == 4

    saved = {row.person_id: row.status for row in roster(demo_store, session_id)}
    order = [row.person_id for row in roster(demo_store, session_id)]
    assert [saved[pid] for pid in order] == [P, L, E, None, None, None]

    # Everyone else present, in one action (its shortcut), leaves the marks already made alone.
    qtbot.keyClick(table, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    rows = roster(demo_store, session_id)
    assert [row.status for row in rows] == [P, L, E, P, P, P]
    assert "1 late" in dialog.counts_label.text() and "everyone marked" in dialog.counts_label.text()

    # Delete clears a mark (Backspace too), on disk at once.
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    qtbot.keyClick(table, Qt.Key.Key_Up)
    qtbot.keyClick(table, Qt.Key.Key_Backspace)
    rows = roster(demo_store, session_id)
    assert [row.status for row in rows] == [P, L, E, None, None, P]
    assert "2 not marked" in dialog.counts_label.text()
    assert dialog.model.data(dialog.model.index(0, 3)) == "Present"

    # Enter does not close the window by habit; Escape does, and the list shows the counts.
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert dialog.isVisible()
    qtbot.keyClick(table, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
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

    for letter in "PPAL":
        qtbot.keyClicks(sheet.table, letter.lower())
    qtbot.keyClick(sheet.table, Qt.Key.Key_Space)  # line 5 left blank on the sheet
    qtbot.keyClicks(sheet.table, "e")
    assert [r.status for r in roster(demo_store, dialog.info.id)] == [P, P, A, L, None, E]
    assert sheet.model.data(sheet.model.index(3, 3)) == "L"

    with demo_store.read_session() as session:
        from mentordesk.models import Attendance

        sources = {mark.source for mark in session.query(Attendance).filter_by(session_id=dialog.info.id)}
    assert sources == {AttendanceSource.SIGN_IN_SHEET}

    sheet.reject()
    assert [dialog.model.row_at(n).status for n in range(6)] == [P, P, A, L, None, E]
