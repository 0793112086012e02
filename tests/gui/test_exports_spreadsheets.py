"""The Print & export page's Spreadsheets (issue 14, item 13): a table saved through the page.

The page, its file chooser, the background read and the file writing are real; the files are read
back as a spreadsheet reads them.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from exports_helpers import open_page
from focus_helpers import focus_widget, wait_focus
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from mentordesk.models.store import EventStore
from mentordesk.services import table_exports
from mentordesk.ui.exports.page import ExportsPage
from mentordesk.ui.exports.spreadsheet_panel import SpreadsheetPanel


@pytest.fixture
def page(qtbot: QtBot, demo_store: EventStore) -> ExportsPage:
    return open_page(qtbot, demo_store)


def _table(store: EventStore, key: str) -> table_exports.DataTable:
    with store.read_session() as session:
        return table_exports.build_table(session, store.event_id, key)


def _saved(qtbot: QtBot, panel: SpreadsheetPanel) -> str:
    qtbot.waitUntil(lambda: not panel.busy and panel.status_label.text().startswith(("Saved", "Not saved")),
                    timeout=20_000)
    return panel.status_label.text()


def test_a_csv_saved_with_the_mouse_through_the_file_chooser(qtbot: QtBot, page: ExportsPage,
                                                              demo_store: EventStore, tmp_path: Path) -> None:
    panel = page.spreadsheets
    assert panel.isVisible() and panel.kind_combo.count() == len(table_exports.kinds())
    panel.kind_combo.setCurrentIndex(panel.kind_combo.findData("attendance"))
    assert "group session" in panel.description_label.text()
    qtbot.mouseClick(panel.csv_radio, Qt.MouseButton.LeftButton)
    assert panel.format == "CSV"
    qtbot.mouseClick(panel.export_button, Qt.MouseButton.LeftButton)
    chooser = panel.dialog
    assert isinstance(chooser, QFileDialog) and chooser.isVisible()
    suggested = Path(chooser.selectedFiles()[0])
    assert demo_store.path is not None and suggested.parent == demo_store.path.parent
    assert suggested.name.endswith(" — attendance.csv") and suggested.name.startswith("Harbour Tech Summit")

    target = tmp_path / "term attendance.csv"
    chooser.selectFile(str(target))
    chooser.accept()
    text = _saved(qtbot, panel)
    expected = _table(demo_store, "attendance")
    assert text == f"Saved attendance ({len(expected.rows)} rows) to {target}."
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert tuple(rows[0]) == expected.header and len(rows) == len(expected.rows) + 1
    assert panel.export_button.isEnabled() and not panel.progress_bar.isVisible()


def test_an_xlsx_gets_its_ending_and_typed_cells(qtbot: QtBot, page: ExportsPage, demo_store: EventStore,
                                                 tmp_path: Path) -> None:
    panel = page.spreadsheets
    panel.choose_kind("people")
    assert panel.format == "XLSX"
    assert panel.export(tmp_path / "people")
    _saved(qtbot, panel)
    sheet = load_workbook(tmp_path / "people.xlsx").active
    assert sheet is not None and sheet.title == "People"
    assert sheet.max_row == len(_table(demo_store, "people").rows) + 1
    header = [c.value for c in sheet[1]]
    arrived = next(row for row in sheet.iter_rows(min_row=2) if row[header.index("Checked in")].value)
    assert arrived[header.index("Checked in at")].is_date and arrived[0].data_type == "n"


def test_a_file_that_cannot_be_written_is_said_in_one_line(qtbot: QtBot, page: ExportsPage,
                                                           demo_store: EventStore, tmp_path: Path) -> None:
    panel = page.spreadsheets
    missing = tmp_path / "stick removed" / "people.csv"
    panel.export(missing)
    text = _saved(qtbot, panel)
    assert text.startswith("Not saved:") and str(missing.parent) in text and "\n" not in text
    assert panel.status_label.objectName() == "inlineError"
    assert not missing.parent.exists()

    assert demo_store.path is not None
    before = demo_store.path.read_bytes()
    disguised = tmp_path / "event.csv"
    disguised.symlink_to(demo_store.path)
    panel.export(disguised)
    text = _saved(qtbot, panel)
    assert text.startswith("Not saved: refusing to write over") and demo_store.path.read_bytes() == before


def test_follow_ups_say_what_they_leave_out_and_the_controls_are_on_the_tab_path(
        qtbot: QtBot, page: ExportsPage, tmp_path: Path) -> None:
    panel = page.spreadsheets
    panel.choose_kind("follow-ups")
    assert "consent" in panel.description_label.text() or "agreed" in panel.description_label.text()
    panel.export(tmp_path / "follow-ups.csv")
    assert _saved(qtbot, panel) == f"Saved mutual follow-ups (0 rows) to {tmp_path / 'follow-ups.csv'}."

    # Tab from the documents list, as a keyboard user does, until the Export button has the focus.
    page.documents_view.setFocus(Qt.FocusReason.TabFocusReason)
    wait_focus(qtbot, page.documents_view)
    reached = []
    for _press in range(40):
        current = focus_widget(page)
        assert current is not None
        qtbot.keyClick(current, Qt.Key.Key_Tab)
        now = focus_widget(page)
        reached.append(now.objectName() if now is not None else "")
        if now is panel.export_button:
            break
    assert reached[-3:] == ["spreadsheetKind", "spreadsheetXlsx", "spreadsheetExport"], reached
    assert all(w.accessibleName() for w in (panel.kind_combo, panel.xlsx_radio, panel.csv_radio))
