"""Preferences ▸ Printing ▸ Calibrate: print the calibration page, type what was measured, and the
printer's shift is corrected.

The page is made here (``badges_pdf.render_calibration``: no event needed, a few milliseconds) with
the shift the printer has now, and printed through the system's print dialog. The arithmetic from
the measurement to the new shift is ``printing/calibration.py``'s; this box only collects the
numbers and says what was saved.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt, Signal
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mentordesk import paths
from mentordesk.printing import labels
from mentordesk.printing.badges_pdf import render_calibration
from mentordesk.printing.calibration import MAX_SHIFT_MM, Calibrated, CalibrationError, calibrate
from mentordesk.settings import PRINT_OFFSETS, Settings
from mentordesk.ui.preferences.common import hint
from mentordesk.ui.widgets import pdf_output
from mentordesk.ui.widgets.naming import named, with_buddy


def describe_shift(x_mm: float, y_mm: float) -> str:
    """"1.5 mm left and 0.8 mm up", "no shift"."""
    parts = []
    if x_mm:
        parts.append(f"{abs(x_mm):.1f} mm {'right' if x_mm > 0 else 'left'}")
    if y_mm:
        parts.append(f"{abs(y_mm):.1f} mm {'up' if y_mm > 0 else 'down'}")
    return " and ".join(parts) or "no shift"



def millimetre_spin(name: str, limit: float, step: float) -> QDoubleSpinBox:
    """A box for a shift in millimetres, from -limit to +limit, named for screen readers."""
    spin = QDoubleSpinBox()
    spin.setRange(-limit, limit)
    spin.setDecimals(1)
    spin.setSingleStep(step)
    spin.setSuffix(" mm")
    spin.setAccessibleName(name)
    return spin

class CalibrationBox(QGroupBox):
    """The two steps; ``printer()`` and ``stock_key()`` say which printer and label stock are chosen."""

    #: The print dialog was accepted for this printer (its name as the system gives it; may be empty).
    printed = Signal(str)
    #: A correction was saved.
    corrected = Signal(object)

    def __init__(self, settings: Settings, printer: Callable[[], str], stock_key: Callable[[], str],
                 parent: QWidget | None = None) -> None:
        super().__init__("Calibrate", parent)
        self.settings = settings
        self._printer = printer
        self._stock_key = stock_key
        #: The system printer last used, offered again; the open print dialog (tests answer it).
        self.system_printer: QPrinter | None = None
        self.dialog: QPrintDialog | None = None
        self.document = QPdfDocument(self)
        self._bytes = QByteArray()
        self._buffer: QBuffer | None = None
        #: The calibration PDF last printed (tests read it back).
        self.pdf: bytes | None = None

        self.print_button = named(QPushButton("Print the &calibration page…"), "prefPrintCalibration")
        self.right_spin = millimetre_spin("Outlines to the right of the labels by (negative: to the left)",
                                          MAX_SHIFT_MM, 0.5)
        self.down_spin = millimetre_spin("Outlines below the labels by (negative: above)", MAX_SHIFT_MM, 0.5)
        self.correct_button = named(QPushButton("Correct the s&hift"), "prefCorrectShift")
        self.error_label = named(QLabel(""), "inlineError")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.result_label = named(QLabel(""), "pageNotice")
        self.result_label.setWordWrap(True)
        self.result_label.hide()

        layout = QVBoxLayout(self)
        layout.addWidget(hint("1. Print the calibration page for the printer and label stock chosen above, on plain "
                              "paper, at 100 % (no “fit to page”)."))
        layout.addWidget(self.print_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(hint("2. Hold it in front of a sheet of labels against the light, edges together. How far "
                              "did the red outlines land from the labels' edges?"))
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.addRow(with_buddy(QLabel("Outlines to the right &by:"), self.right_spin), self.right_spin)
        form.addRow(with_buddy(QLabel("Outlines &down by:"), self.down_spin), self.down_spin)
        layout.addLayout(form)
        layout.addWidget(hint("Negative numbers: to the left, or up."))
        layout.addWidget(self.correct_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.error_label)
        layout.addWidget(self.result_label)
        self.print_button.clicked.connect(self.print_page)
        self.correct_button.clicked.connect(self.correct)

    def calibration_pdf(self) -> bytes:
        """The calibration page for the chosen stock, shifted as the chosen printer shifts badges now."""
        stock = labels.stock(self._stock_key())
        return render_calibration(stock, labels.printer_offset(self._printer(), self.settings))

    def print_page(self) -> None:
        """Make the page and open the print dialog (non-blocking; printed on Print)."""
        if self.dialog is not None:
            return
        data = self.calibration_pdf()
        self.document.close()
        self._bytes = QByteArray(data)
        if self._buffer is not None:
            self._buffer.deleteLater()
        self._buffer = QBuffer(self._bytes, self)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(self._buffer)
        self.pdf = data
        if self.system_printer is None:
            self.system_printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        chosen = self._printer()
        if chosen != labels.ANY_PRINTER and self.system_printer.outputFormat() == QPrinter.OutputFormat.NativeFormat:
            self.system_printer.setPrinterName(chosen)  # ignored by Qt when no such printer is installed
        pdf_output.prepare_printer(self.system_printer, self.document,
                                   paths.exports_dir() / pdf_output.file_name("calibration"))
        dialog = QPrintDialog(self.system_printer, self)
        dialog.setWindowTitle("Print the calibration page")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self._on_dialog_accepted)
        dialog.finished.connect(self._on_dialog_finished)
        self.dialog = dialog
        # QPrintDialog.open is overloaded (receiver, slot) in PySide6; the plain one is QDialog's.
        QDialog.open(dialog)

    def correct(self) -> Calibrated | None:
        """Save the chosen printer's shift corrected by what was measured; says what it is now."""
        try:
            done = calibrate(self.settings.get(PRINT_OFFSETS), self._printer(), self.right_spin.value(),
                             self.down_spin.value())
        except CalibrationError as exc:
            self._say(str(exc), error=True)
            return None
        self.settings.set(PRINT_OFFSETS, done.setting)
        self.right_spin.setValue(0.0)
        self.down_spin.setValue(0.0)
        who = "Printers without a shift of their own, and saved PDFs," if done.printer == labels.ANY_PRINTER \
            else f"“{done.printer}”"
        self._say(f"{who} now shift badges {describe_shift(*done.after)}. Print the calibration page again to "
                  "check: the outlines should sit on the labels.")
        self.corrected.emit(done)
        return done

    def _say(self, text: str, *, error: bool = False) -> None:
        self.error_label.setText(text if error else "")
        self.error_label.setVisible(error)
        self.result_label.setText("" if error else text)
        self.result_label.setVisible(not error)

    def _on_dialog_accepted(self) -> None:
        printer = self.system_printer
        if printer is None:
            return
        try:
            pdf_output.print_pages(self.document, printer, [0])
        except pdf_output.OutputError as exc:
            self._say(f"The calibration page was not printed. {exc}", error=True)
            return
        self._say("Calibration page sent to the printer. Measure it, then type what you measured below.")
        used = printer.printerName() if printer.outputFormat() == QPrinter.OutputFormat.NativeFormat else ""
        self.printed.emit(used)

    def _on_dialog_finished(self, _result: int) -> None:
        self.dialog = None
