"""A walk-in's badge, end to end: added at the desk, printed with the real badge document, and the
QR code on what reached the printer checks that very person in."""
# ruff: noqa: F811 - the fixtures imported from checkin_helpers are test parameters here

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import zxingcpp
from checkin_helpers import Guests, desk, guests, scan, written  # noqa: F401 - fixtures
from pypdf import PdfReader
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from pytestqt.qtbot import QtBot

from mentordesk.ui.checkin.page import CheckinPage
from mentordesk.ui.widgets.person_dialog import PersonDialog

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def _qr_codes(pdf: bytes, dpi: int = 150) -> list[str]:
    """QR codes found on a rendering of every page, as a phone or scanner would see them."""
    data = QByteArray(pdf)
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    codes: list[str] = []
    for page in range(document.pageCount()):
        points = document.pagePointSize(page)
        image = document.render(page, QSize(round(points.width() / 72 * dpi), round(points.height() / 72 * dpi)))
        paper = QImage(image.size(), QImage.Format.Format_Grayscale8)
        paper.fill(255)
        painter = QPainter(paper)
        painter.drawImage(0, 0, image)
        painter.end()
        pixels = np.frombuffer(paper.constBits(), dtype=np.uint8).reshape(paper.height(), paper.bytesPerLine())
        codes += [found.text for found in zxingcpp.read_barcodes(pixels[:, : paper.width()].copy(),
                                                                 formats=zxingcpp.BarcodeFormat.QRCode)]
    document.close()
    return codes


def test_a_walk_in_gets_a_badge_whose_code_checks_them_in(desk: CheckinPage, qtbot: QtBot, tmp_path: Path) -> None:
    qtbot.keyClicks(desk.field, "Diego Fernandez")
    qtbot.keyClick(desk.field, Qt.Key.Key_N, CTRL_SHIFT)
    dialog = desk.dialog
    assert isinstance(dialog, PersonDialog)
    dialog.last_name_edit.setText("Fernández")
    with qtbot.waitSignal(dialog.saved):
        dialog.save_button.click()
    written(qtbot, desk)
    assert desk.result_panel.headline_label.text() == "Walk-in added and checked in"
    assert desk.result_panel.print_badge_button.isVisible()

    printed = tmp_path / "walk-in.pdf"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(printed))
    desk.badge_printer.printer = printer
    # The button rather than its shortcut: the offscreen platform does not hand activation back to
    # the main window when the walk-in form closes (the shortcut has a test of its own).
    desk.result_panel.print_badge_button.click()
    qtbot.waitUntil(lambda: isinstance(desk.badge_printer.dialog, QPrintDialog), timeout=20_000)
    print_dialog = desk.badge_printer.dialog
    assert print_dialog is not None
    print_dialog.accept()
    assert desk.result_panel.note_label.text() == "Badge sent to the printer."

    made = desk.badge_printer.pdf or b""
    assert "Fernández" in "".join(page.extract_text() for page in PdfReader(io.BytesIO(made)).pages)
    (code,) = _qr_codes(printed.read_bytes())  # one badge, read from what went to the printer
    # The desk reads the code as a scanner would type it: this walk-in, already checked in.
    scan(qtbot, desk, code)
    assert desk.result_panel.name_label.text() == "Diego Fernández"
    assert "already" in desk.result_panel.headline_label.text().lower()
