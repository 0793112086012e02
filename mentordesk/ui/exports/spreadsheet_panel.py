"""The Print & export page's *Spreadsheets*: the event's data saved as an XLSX workbook or a CSV file.

The kinds are the command line's (``mentordesk export table --list``, ``services/table_exports``).
Choosing one, a format and *Export spreadsheet…* asks where to save (beside the event file, named
after the event and the table), then reads and writes the table in the background (a query of
the operations layer: the event is only read) and says below the button how it went. A file
that could not be written is the chosen file's problem, not the event's, so it is said here in
plain words rather than as a banner about the event file.
"""

from __future__ import annotations

import errno
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from mentordesk.output_files import OutputFileError, OutputPathRefused
from mentordesk.services import events, table_exports
from mentordesk.services.domain_error import DomainError
from mentordesk.ui.widgets.naming import named, with_buddy

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from mentordesk.models.store import EventStore
    from mentordesk.ui.operations import Failure, Operations

FILTERS = {"XLSX": "Excel workbooks (*.xlsx)", "CSV": "CSV files (*.csv)"}
SUFFIXES = {"XLSX": ".xlsx", "CSV": ".csv"}


class SpreadsheetHost(Protocol):
    """What the panel needs of its page: the door to the open event."""

    @property
    def ops(self) -> Operations | None: ...

    @property
    def store(self) -> EventStore | None: ...


@dataclass(frozen=True)
class TableSaved:
    """How an export went: the rows written and what the table leaves out, or why nothing was saved."""

    path: Path
    rows: int | None
    notes: tuple[str, ...] = ()
    problem: str = ""
    #: The table's name as said in a sentence ("mutual follow-ups").
    what: str = ""


def save_table(session: Session, event_id: int, key: str, path: Path,
               report: Callable[[float], None]) -> TableSaved:
    """Build and write the table; the file's own troubles (not the event's) come back as words."""
    try:
        done = table_exports.export_table(session, event_id, key, path, report)
    except OutputPathRefused as error:
        return TableSaved(path, None, problem=f"Not saved: {error}.")
    except OutputFileError as error:
        return TableSaved(path, None, problem=_explain(error.errno, path, str(error)))
    except OSError as error:
        return TableSaved(path, None, problem=_explain(error.errno, path, error.strerror or str(error)))
    return TableSaved(done.path, len(done.table.rows), done.table.notes, what=done.table.title.lower())


def _explain(number: int | None, path: Path, detail: str) -> str:
    if number in (errno.ENOSPC, errno.EDQUOT):
        return f"Not saved: the disk is full. Free some space or choose another place for {path.name}."
    if number in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"Not saved: there is no permission to write in {path.parent}. Choose another folder."
    if number == errno.ENOENT:
        return f"Not saved: the folder {path.parent} is not there (was a drive removed?). Choose another place."
    return f"Not saved: {detail}."


def suggested_name(event_name: str, stem: str, suffix: str) -> str:
    """"Spring Flash — people.xlsx", safe as a file name on every platform."""
    def safe(text: str) -> str:
        return "".join(" " if ch in '\\/:*?"<>|' or ord(ch) < 32 else ch for ch in text).strip(" .")

    event = safe(event_name)[:100]
    return f"{event} — {safe(stem)}{suffix}" if event else f"{safe(stem)}{suffix}"


class SpreadsheetPanel(QWidget):
    """Choose a table and a format, then *Export spreadsheet…*."""

    def __init__(self, host: SpreadsheetHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exportSpreadsheets")
        # Held weakly: the page owns this panel, and a cycle of widget wrappers kept for the
        # garbage collector crashed PySide6 when collected after Qt had deleted the widgets.
        self._host = weakref.ref(host)
        #: The event's name, for the suggested file name (read when the event changes).
        self.event_name = ""
        #: The file chooser on show, so tests can find and answer it.
        self.dialog: QFileDialog | None = None
        self.busy = False
        self._last_folder: Path | None = None

        self.title_label = named(QLabel("Spreadsheets"), "sectionTitle")
        self.kind_combo = named(QComboBox(), "spreadsheetKind")
        for kind in table_exports.kinds():
            self.kind_combo.addItem(kind.name, kind.key)
            self.kind_combo.setItemData(self.kind_combo.count() - 1, kind.description, Qt.ItemDataRole.ToolTipRole)
        self.kind_combo.setAccessibleName("Table to export")
        kind_label = with_buddy(QLabel("&Table:"), self.kind_combo)
        self.description_label = named(QLabel(""), "pageSubtitle")
        self.description_label.setWordWrap(True)
        self.xlsx_radio = named(QRadioButton("E&xcel (.xlsx)"), "spreadsheetXlsx")
        self.csv_radio = named(QRadioButton("&CSV (.csv)"), "spreadsheetCsv")
        self.xlsx_radio.setAccessibleName("Excel workbook")
        self.csv_radio.setAccessibleName("CSV file")
        self.xlsx_radio.setToolTip("Typed cells: numbers as numbers, dates and times as dates")
        self.csv_radio.setToolTip("Plain text in UTF-8 with a byte-order mark, which Excel opens with accents intact")
        self.xlsx_radio.setChecked(True)
        self.formats = QButtonGroup(self)
        self.formats.addButton(self.xlsx_radio)
        self.formats.addButton(self.csv_radio)
        self.export_button = named(QPushButton("&Export spreadsheet…"), "spreadsheetExport")
        self.export_button.setToolTip("Choose where to save the table, then write it")
        self.progress_bar = named(QProgressBar(), "spreadsheetProgress")
        self.progress_bar.setRange(0, 1000)
        self.progress_bar.setTextVisible(False)
        self.progress_bar.setAccessibleName("Export progress")
        self.progress_bar.setMaximumHeight(8)
        self.progress_bar.hide()
        self.status_label = named(QLabel(""), "pageSubtitle")
        self.status_label.setWordWrap(True)
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status_label.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.title_label)
        row = QHBoxLayout()
        row.addWidget(kind_label)
        row.addWidget(self.kind_combo, 1)
        layout.addLayout(row)
        layout.addWidget(self.description_label)
        formats = QHBoxLayout()
        formats.addWidget(self.xlsx_radio)
        formats.addWidget(self.csv_radio)
        formats.addStretch(1)
        layout.addLayout(formats)
        layout.addWidget(self.export_button)
        layout.addWidget(self.progress_bar)
        layout.addWidget(self.status_label)
        self._connect_signals()
        self._on_kind_combo_current_index_changed(0)

    def _connect_signals(self) -> None:
        self.kind_combo.currentIndexChanged.connect(self._on_kind_combo_current_index_changed)
        self.export_button.clicked.connect(self._on_export_button_clicked)

    # -- what the page and the tests use

    @property
    def kind_key(self) -> str:
        return str(self.kind_combo.currentData())

    @property
    def format(self) -> str:
        return "CSV" if self.csv_radio.isChecked() else "XLSX"

    def choose_kind(self, key: str) -> None:
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(table_exports.get_kind(key).key))

    @property
    def host(self) -> SpreadsheetHost | None:
        return self._host()

    def store_changed(self) -> None:
        host = self.host
        store = host.store if host is not None else None
        ops = host.ops if host is not None else None
        self._last_folder = store.path.parent if store is not None and store.path is not None else None
        self.event_name = ""
        self.set_status("")
        if ops is not None:
            ops.query("exports.spreadsheet.event", lambda session: events.get_details(session, ops.event_id),
                      done=self._on_details_loaded, owner=self)

    def choose_file(self) -> QFileDialog | None:
        """Ask where to save the chosen table, in the chosen format (the dialog does not block)."""
        host = self.host
        if host is None or host.store is None or self.busy:
            return None
        kind = table_exports.get_kind(self.kind_key)
        fmt = self.format
        folder = self._last_folder or Path.home()
        suggested = folder / suggested_name(self.event_name, kind.file_stem or kind.key, SUFFIXES[fmt])
        chooser = QFileDialog(self, f"Export {kind.name.lower()}", str(suggested), FILTERS[fmt])
        chooser.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        chooser.setDefaultSuffix(SUFFIXES[fmt].lstrip("."))
        chooser.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        chooser.fileSelected.connect(self._on_chooser_file_selected)
        chooser.finished.connect(self._on_chooser_finished)
        self.dialog = chooser
        chooser.open()
        return chooser

    def export(self, path: str | Path) -> bool:
        """Write the chosen table to ``path`` in the background; how it went is said below the button.

        The format is the file's ending when it names one (.csv, .xlsx), else the chosen format's
        ending is added.
        """
        host = self.host
        ops = host.ops if host is not None else None
        if ops is None or self.busy:
            return False
        target = Path(path)
        if target.suffix.lower() not in table_exports.FORMATS:
            target = target.with_name(target.name + SUFFIXES[self.format])
        key = self.kind_key
        self._set_busy(True)
        self.set_status(f"Exporting {table_exports.get_kind(key).name.lower()}…")
        ops.query_with_progress(
            "exports.spreadsheet",
            lambda session, report: save_table(session, ops.event_id, key, target, report),
            progress=self._on_export_progress, done=self._on_export_done, refused=self._on_export_refused,
            failed=self._on_export_failed, owner=self)
        return True

    def set_status(self, text: str, *, error: bool = False) -> None:
        self.status_label.setObjectName("inlineError" if error else "pageSubtitle")
        self.status_label.style().unpolish(self.status_label)
        self.status_label.style().polish(self.status_label)
        self.status_label.setText(text)
        self.status_label.setVisible(bool(text))

    # -- slots

    def _on_details_loaded(self, details: events.EventDetails) -> None:
        self.event_name = details.name

    def _on_kind_combo_current_index_changed(self, _index: int) -> None:
        kind = table_exports.get_kind(self.kind_key)
        self.description_label.setText(kind.description[:1].upper() + kind.description[1:] + ".")
        self.kind_combo.setToolTip(kind.description)

    def _on_export_button_clicked(self) -> None:
        self.choose_file()

    def _on_chooser_file_selected(self, name: str) -> None:
        if name:
            self.export(name)

    def _on_chooser_finished(self, _result: int) -> None:
        self.dialog = None

    def _on_export_progress(self, fraction: float) -> None:
        self.progress_bar.setValue(round(fraction * 1000))

    def _on_export_done(self, saved: TableSaved) -> None:
        self._set_busy(False)
        if saved.rows is None:
            self.set_status(saved.problem, error=True)
            return
        self._last_folder = saved.path.parent
        rows = f"{saved.rows} row{'s' if saved.rows != 1 else ''}"
        self.set_status(" ".join((f"Saved {saved.what} ({rows}) to {saved.path}.", *saved.notes)))

    def _on_export_refused(self, error: DomainError) -> None:
        self.set_status(f"Not saved: {error}.", error=True)

    def _on_export_failed(self, _failure: Failure) -> None:
        self._set_busy(False)
        if self.status_label.objectName() != "inlineError":
            self.set_status("Not saved. Nothing was written.", error=True)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.export_button.setEnabled(not busy)
        self.progress_bar.setValue(0)
        self.progress_bar.setVisible(busy)
