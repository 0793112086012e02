"""Screens that save files never write over the event (issue 11, item 3): Save as PDF, calendars."""

# ruff: noqa: F811 - the fixtures imported from groups_helpers are test parameters here
from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest
from exports_helpers import open_page
from groups_helpers import groups_page  # noqa: F401 - fixture
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from mentordesk import paths
from mentordesk.models.store import EventStore
from mentordesk.ui.groups.page import GroupsPage


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_save_as_pdf_refuses_the_event_and_the_backup_folder(demo_store: EventStore, qtbot: QtBot, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    assert demo_store.path is not None
    page = open_page(qtbot, demo_store)
    assert page.select_document("summary")
    page.panel.preview_button.click()
    qtbot.waitUntil(lambda: page.pdf is not None)
    before = _digest(demo_store.path)
    linked = tmp_path / "summary.pdf"
    os.link(demo_store.path, linked)  # the same file under a .pdf name
    in_backups = paths.backup_dir() / "summary.pdf"
    for chosen, words in ((linked, "it is the open event file demo.mentordesk"), (in_backups, "backup folder")):
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, c=chosen: (str(c), ""))
        page.panel.save_button.click()
        text = page.panel.status_label.text()
        assert text.startswith("Not saved. Refusing to write") and words in text and "\n" not in text
    assert _digest(demo_store.path) == before
    assert list(paths.backup_dir().iterdir()) == []
    # An ordinary name still saves.
    fine = tmp_path / "fine.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a: (str(fine), ""))
    page.panel.save_button.click()
    assert page.panel.status_label.text() == f"Saved {fine}."


def test_printing_to_a_pdf_file_refuses_the_event(demo_store: EventStore, qtbot: QtBot) -> None:
    assert demo_store.path is not None
    page = open_page(qtbot, demo_store)
    assert page.select_document("summary")
    page.panel.preview_button.click()
    qtbot.waitUntil(lambda: page.pdf is not None)
    before = _digest(demo_store.path)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(demo_store.path))
    assert page.print_to(printer) is None
    assert page.panel.status_label.text().startswith("Not printed. Refusing to write over the open event file")
    assert _digest(demo_store.path) == before


def test_a_calendar_is_not_saved_over_the_event(groups_page: GroupsPage, demo_store: EventStore,
                                                tmp_path: Path) -> None:
    assert demo_store.path is not None
    before = _digest(demo_store.path)
    linked = tmp_path / "sessions.ics"
    linked.symlink_to(demo_store.path)
    tab = groups_page.groups_tab
    for target in (demo_store.path, linked, Path(f"{demo_store.path}-wal")):
        tab.calendar.export(target, None)
        text = groups_page.error_label.text()
        assert text.startswith("The calendar was not saved: refusing to write over") and "\n" not in text
    assert _digest(demo_store.path) == before and linked.is_symlink()
