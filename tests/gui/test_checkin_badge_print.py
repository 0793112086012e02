"""Print badge on the check-in desk: the person just checked in (or added as a walk-in) gets a badge.

A stand-in "badges" document is registered for these tests (the real one is tested with the badge
printing): it draws the names of the people its ``person_ids`` option selects, so the test can
check that the desk asked for exactly the person on the card. The desk, the background build, the
print dialog and the printer (writing a PDF) are real.
"""
# ruff: noqa: F811 - the fixtures imported from checkin_helpers are test parameters here

from __future__ import annotations

import io
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest
from checkin_helpers import Guests, desk, guests, scan  # noqa: F401 - fixtures
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from pytestqt.qtbot import QtBot
from reportlab.pdfgen.canvas import Canvas
from sqlalchemy import select
from sqlalchemy.orm import Session

from mentordesk.models import Person
from mentordesk.printing import catalog
from mentordesk.printing.catalog import Choice, DocumentKind, OptionSpec, Progress
from mentordesk.ui.checkin.page import CheckinPage
from mentordesk.ui.exports.page import ExportsPage
from mentordesk.ui.widgets import badge_printer

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def _badges(session: Session, options: Mapping[str, Any], progress: Progress) -> bytes:
    ids = [int(part) for part in str(options["person_ids"]).split(",") if part.strip()]
    people = session.scalars(select(Person).where(Person.id.in_(ids))).all()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(252, 144))
    for number, person in enumerate(people):
        progress(number, len(people))
        canvas.drawString(20, 70, f"{person.first_name} {person.last_name}".encode("ascii", "replace").decode())
        if options["layout"] != "sheet":
            canvas.drawString(20, 40, f"on {options['layout']}")
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


STAND_IN = DocumentKind("badges", "Badges", "Stand-in for the tests.", _badges, options=(
    OptionSpec("layout", "Label stock", "choice", default="sheet",
               choices=(Choice("sheet", "A4 sheet"), Choice("roll", "Label roll"))),
    OptionSpec("role", "Who", "choice", default="all",
               choices=(Choice("all", "Everyone"), Choice("mentor", "Mentors"))),
    OptionSpec("person_ids", "People", "text", default=""),
))


@pytest.fixture(autouse=True)
def stand_in_badges(monkeypatch: pytest.MonkeyPatch) -> None:
    catalog.documents()
    monkeypatch.setitem(catalog._REGISTRY, "badges", STAND_IN)
    # What the Print & export page last chose lives for the app's run: not from test to test.
    monkeypatch.setattr(badge_printer, "_last_choice", {})


def _print_to_file(desk: CheckinPage, qtbot: QtBot, target: Path) -> None:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(target))
    desk.badge_printer.printer = printer
    qtbot.waitUntil(lambda: isinstance(desk.badge_printer.dialog, QPrintDialog), timeout=20_000)
    dialog = desk.badge_printer.dialog
    assert dialog is not None
    printer.setOutputFileName(str(target))
    dialog.accept()


def test_print_badge_after_a_check_in(desk: CheckinPage, guests: Guests, qtbot: QtBot, tmp_path: Path) -> None:
    button = desk.result_panel.print_badge_button
    assert button.isHidden()
    scan(qtbot, desk, guests.anna.code)
    assert button.isVisible()

    target = tmp_path / "badge.pdf"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    _print_to_file(desk, qtbot, target)

    assert desk.badge_printer.pdf is not None
    made = PdfReader(io.BytesIO(desk.badge_printer.pdf))
    assert [page.extract_text().strip() for page in made.pages] == ["Anna Novák".encode("ascii", "replace").decode()]
    printed = PdfReader(target)
    assert len(printed.pages) == 1
    # (Qt's print-to-file dialog offers standard paper only, so the label's own size is not
    # checked here; the Print & export page's tests check sizes with the printer set directly.)
    assert desk.result_panel.note_label.text() == "Badge sent to the printer."


def test_ctrl_shift_p_prints_the_person_on_the_card_only(desk: CheckinPage, guests: Guests, qtbot: QtBot,
                                                         tmp_path: Path) -> None:
    scan(qtbot, desk, "nobody-with-this-code@example.org")
    assert desk.result_panel.print_badge_button.isHidden()
    qtbot.keyClick(desk.field, Qt.Key.Key_P, CTRL_SHIFT)
    assert desk.badge_printer.build is None and desk.badge_printer.dialog is None

    scan(qtbot, desk, guests.zoe.code)
    qtbot.keyClick(desk.field, Qt.Key.Key_P, CTRL_SHIFT)
    _print_to_file(desk, qtbot, tmp_path / "zoe.pdf")
    assert "Zo" in PdfReader(io.BytesIO(desk.badge_printer.pdf or b"")).pages[0].extract_text()


def test_a_badge_that_cannot_be_made_says_why(desk: CheckinPage, guests: Guests, qtbot: QtBot,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(_session: Session, _options: Mapping[str, Any], _progress: Progress) -> bytes:
        raise catalog.DocumentError("choose a label stock first")

    monkeypatch.setitem(catalog._REGISTRY, "badges", DocumentKind("badges", "Badges", "", refuse,
                                                                  options=STAND_IN.options))
    scan(qtbot, desk, guests.zoe.code)
    desk.result_panel.print_badge_button.click()
    qtbot.waitUntil(lambda: desk.result_panel.note_label.text() == "No badge printed: choose a label stock first",
                    timeout=20_000)
    assert desk.badge_printer.dialog is None


def test_the_badge_uses_the_label_stock_chosen_on_the_print_page(desk: CheckinPage, guests: Guests, qtbot: QtBot,
                                                                tmp_path: Path) -> None:
    exports = next(page for page in desk.window().workspace.pages if isinstance(page, ExportsPage))  # type: ignore[attr-defined]
    exports.reload_documents()
    exports.select_document("badges")
    exports.panel.options_form.editors["layout"].setCurrentIndex(1)  # type: ignore[union-attr]  # the roll
    exports.panel.options_form.editors["role"].setCurrentIndex(1)  # type: ignore[union-attr]  # not for one badge

    scan(qtbot, desk, guests.anna.code)
    desk.result_panel.print_badge_button.click()
    _print_to_file(desk, qtbot, tmp_path / "roll.pdf")
    text = PdfReader(io.BytesIO(desk.badge_printer.pdf or b"")).pages[0].extract_text()
    assert "Anna Nov" in text and "on roll" in text
