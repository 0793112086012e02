"""Preferences ▸ Printing: the paper, the label stock badges go on, and each printer's shift.

Paper and label stock are the defaults of every document (``catalog.preferred_page_size``,
``labels.preferred_stock_key``): the Print & export page and the command line start from them.
A printer's shift is kept under the name typed on the Print & export page's "Printer" option (the
names of the installed printers are offered); "Any other printer, and saved PDFs" is the shift for
every other name. Each edit is saved at once.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mentordesk.printing import labels
from mentordesk.printing.calibration import MAX_OFFSET_MM
from mentordesk.printing.catalog import default_page_size, page_size_choice
from mentordesk.settings import LABEL_STOCK, PAGE_SIZE, PRINT_OFFSETS, Settings
from mentordesk.ui.preferences.calibration_box import CalibrationBox, describe_shift, millimetre_spin
from mentordesk.ui.preferences.common import fixed_by_environment, hint
from mentordesk.ui.widgets.naming import named, with_buddy
from mentordesk.ui.widgets.setting_changes import follow

ANY_PRINTER_LABEL = "Any other printer, and saved PDFs"


class PrintingTab(QWidget):
    def __init__(self, settings: Settings, printers: Sequence[str] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self._installed = [name for name in printers if name]
        self.paper_combo = named(QComboBox(), "prefPageSize")
        self.paper_combo.setAccessibleName("Paper")
        self.stock_combo = named(QComboBox(), "prefLabelStock")
        self.stock_combo.setAccessibleName("Label stock")
        self.printer_combo = named(QComboBox(), "prefPrinter")
        self.printer_combo.setEditable(True)
        self.printer_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.printer_combo.setAccessibleName("Printer")
        self.printer_combo.setMinimumWidth(300)
        self.x_spin = millimetre_spin("Shift to the right", MAX_OFFSET_MM, 0.1)
        self.y_spin = millimetre_spin("Shift up", MAX_OFFSET_MM, 0.1)
        self.forget_button = named(QPushButton("&Forget this printer's shift"), "prefForgetShift")
        self.shift_note = named(QLabel(""), "pageSubtitle")
        self.shift_note.setWordWrap(True)
        self.calibration = CalibrationBox(settings, self.printer, self.stock_key, self)

        self._fill_paper()
        self._fill_stocks()
        paper_form = QFormLayout()
        paper_form.addRow(with_buddy(QLabel("P&aper:"), self.paper_combo), self.paper_combo)
        paper_form.addRow(with_buddy(QLabel("&Label stock:"), self.stock_combo), self.stock_combo)

        shift_box = QGroupBox("Printer shift")
        shift_form = QFormLayout()
        shift_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        shift_form.addRow(with_buddy(QLabel("Prin&ter:"), self.printer_combo), self.printer_combo)
        shift_form.addRow(with_buddy(QLabel("Shift &right:"), self.x_spin), self.x_spin)
        shift_form.addRow(with_buddy(QLabel("Shift &up:"), self.y_spin), self.y_spin)
        shift_layout = QVBoxLayout(shift_box)
        shift_layout.addWidget(hint("Printers feed paper a millimetre or two off; the shift moves everything on a "
                                    "badge so that it lands on the label. It applies to the printer named in Print "
                                    "& export's “Printer” option."))
        shift_layout.addLayout(shift_form)
        shift_layout.addWidget(self.shift_note)
        shift_layout.addWidget(self.forget_button, 0, Qt.AlignmentFlag.AlignLeft)

        layout = QVBoxLayout(self)
        layout.addLayout(paper_form)
        layout.addWidget(hint("Every document starts on this paper, and badges on this label stock; Print & export "
                              "can still choose another for one document."))
        for setting, editor in ((PAGE_SIZE, self.paper_combo), (LABEL_STOCK, self.stock_combo)):
            note = fixed_by_environment(settings, setting, editor)
            if note is not None:
                layout.addWidget(note)
        layout.addWidget(shift_box)
        layout.addWidget(self.calibration)
        note = fixed_by_environment(settings, PRINT_OFFSETS, self.printer_combo, self.x_spin, self.y_spin,
                                    self.forget_button, self.calibration)
        if note is not None:
            layout.addWidget(note)
        layout.addStretch(1)
        self._fill_printers()
        self._show_shift()
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.paper_combo.activated.connect(self._on_paper_combo_activated)
        self.stock_combo.activated.connect(self._on_stock_combo_activated)
        self.printer_combo.currentTextChanged.connect(self._on_printer_combo_current_text_changed)
        self.x_spin.valueChanged.connect(self._on_shift_spin_value_changed)
        self.y_spin.valueChanged.connect(self._on_shift_spin_value_changed)
        self.forget_button.clicked.connect(self.forget_shift)
        self.calibration.printed.connect(self._on_calibration_printed)
        follow(PAGE_SIZE, self.settings, self, self._on_paper_saved)
        follow(LABEL_STOCK, self.settings, self, self._on_paper_saved)
        follow(PRINT_OFFSETS, self.settings, self, self._on_offsets_saved)

    # -- what is chosen

    def printer(self) -> str:
        """The key the shift is kept under: a printer's name, or ``labels.ANY_PRINTER``."""
        text = self.printer_combo.currentText().strip()
        return labels.ANY_PRINTER if text in ("", ANY_PRINTER_LABEL) else text

    def stock_key(self) -> str:
        return str(self.stock_combo.currentData() or "") or labels.preferred_stock_key(self.settings)

    def choose_printer(self, name: str) -> None:
        """Show ``name``'s shift (the printer is offered from now on)."""
        label = ANY_PRINTER_LABEL if name in ("", labels.ANY_PRINTER) else name
        if self.printer_combo.findText(label) < 0:
            self.printer_combo.addItem(label)
        self.printer_combo.setCurrentIndex(self.printer_combo.findText(label))

    # -- paper and stock

    def _fill_paper(self) -> None:
        with QSignalBlocker(self.paper_combo):
            self.paper_combo.clear()
            self.paper_combo.addItem(f"As usual for the system's language and region ({default_page_size()})", "")
            self.paper_combo.addItem("A4 (210 × 297 mm)", "A4")
            self.paper_combo.addItem("US Letter (8.5 × 11 in)", "Letter")
            chosen = page_size_choice(self.settings.get(PAGE_SIZE)) or ""
            self.paper_combo.setCurrentIndex(max(0, self.paper_combo.findData(chosen)))

    def _fill_stocks(self) -> None:
        from mentordesk.printing.catalog import preferred_page_size

        usual = labels.stock(labels.default_stock_key(preferred_page_size(self.settings)))
        with QSignalBlocker(self.stock_combo):
            self.stock_combo.clear()
            self.stock_combo.addItem(f"The usual one for the paper ({usual.title.split(' — ')[0]})", "")
            for stock in labels.STOCKS:
                self.stock_combo.addItem(stock.title, stock.key)
            chosen = self.settings.get(LABEL_STOCK).strip().lower()
            self.stock_combo.setCurrentIndex(max(0, self.stock_combo.findData(chosen)))

    def _on_paper_combo_activated(self, _index: int) -> None:
        value = str(self.paper_combo.currentData() or "")
        if value != self.settings.get(PAGE_SIZE):
            self.settings.set(PAGE_SIZE, value)

    def _on_stock_combo_activated(self, _index: int) -> None:
        value = str(self.stock_combo.currentData() or "")
        if value != self.settings.get(LABEL_STOCK):
            self.settings.set(LABEL_STOCK, value)

    def _on_paper_saved(self, _value: str) -> None:
        self._fill_paper()
        self._fill_stocks()

    # -- shifts

    def _fill_printers(self) -> None:
        saved = [name for name in labels.read_offsets(self.settings.get(PRINT_OFFSETS)) if name != labels.ANY_PRINTER]
        names = [ANY_PRINTER_LABEL, *self._installed, *sorted(set(saved) - set(self._installed))]
        with QSignalBlocker(self.printer_combo):
            current = self.printer_combo.currentText()
            self.printer_combo.clear()
            self.printer_combo.addItems(names)
            index = self.printer_combo.findText(current)
            self.printer_combo.setCurrentIndex(max(0, index))
            if index < 0 and current:
                self.printer_combo.setEditText(current)  # a name being typed stays

    def _show_shift(self) -> None:
        offsets = labels.read_offsets(self.settings.get(PRINT_OFFSETS))
        name = self.printer()
        own = offsets.get(name)
        fallback = offsets.get(labels.ANY_PRINTER, (0.0, 0.0))
        x, y = own if own is not None else fallback
        for spin, value in ((self.x_spin, x), (self.y_spin, y)):
            if abs(spin.value() - value) > 0.05:
                with QSignalBlocker(spin):
                    spin.setValue(value)
        if name == labels.ANY_PRINTER:
            self.shift_note.setText(f"Printers without a shift of their own: {describe_shift(*fallback)}.")
        elif own is None:
            self.shift_note.setText(f"No shift of its own yet: it uses the one for any other printer "
                                    f"({describe_shift(*fallback)}).")
        else:
            self.shift_note.setText(f"Its own shift: {describe_shift(*own)}.")
        self.forget_button.setEnabled(own is not None and name != labels.ANY_PRINTER
                                      and self.settings.overridden_by(PRINT_OFFSETS) is None)

    def _save_shift(self, shift: tuple[float, float] | None) -> None:
        offsets = labels.read_offsets(self.settings.get(PRINT_OFFSETS))
        if shift is None:
            offsets.pop(self.printer(), None)
        else:
            offsets[self.printer()] = shift
        value = labels.write_offsets(offsets)
        if value != self.settings.get(PRINT_OFFSETS):
            self.settings.set(PRINT_OFFSETS, value)
        self._show_shift()

    def forget_shift(self) -> None:
        """The chosen printer uses the shift for any printer again."""
        self._save_shift(None)

    def _on_printer_combo_current_text_changed(self, _text: str) -> None:
        self._show_shift()

    def _on_shift_spin_value_changed(self, _value: float) -> None:
        self._save_shift((round(self.x_spin.value(), 1), round(self.y_spin.value(), 1)))

    def _on_offsets_saved(self, _value: str) -> None:
        self._fill_printers()
        self._show_shift()

    def _on_calibration_printed(self, used: str) -> None:
        # Printed on another printer than the one chosen: the measurement is that printer's.
        if used and used != self.printer():
            self.choose_printer(used)
