"""Take attendance for one session: the roster in sign-in order, marked from the keyboard or by scanning.

Each mark is saved at once (one short change through the operations layer, written in the order
the marks were made), so closing the window never loses anything. A badge scanner at the door
feeds the same field as the check-in desk (with or without Enter); the person scanned is marked
present (or late, past the chosen minutes) and shown. Marks copied later from the printed sign-in
sheet go through :class:`PaperSheetDialog`, in the sheet's order.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from mentordesk.models import AttendanceSource, AttendanceStatus
from mentordesk.services import groups as svc
from mentordesk.services.domain_error import DomainError
from mentordesk.ui.groups.roster_view import RosterView
from mentordesk.ui.itemmodels.group_roster_model import Column, GroupRosterModel
from mentordesk.ui.operations import Operations
from mentordesk.ui.widgets.group_labels import STATUS_LABELS, when_text
from mentordesk.ui.widgets.naming import named, with_buddy
from mentordesk.ui.widgets.scan_field import ScanField
from mentordesk.ui.widgets.tables import fit_to_screen, select_row, set_up_table

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

EVERYONE_KEY = "Ctrl+Shift+P"
KEYS_HINT = ("P present · L late · A absent · E excused · Space skip · Delete clears · "
             f"{EVERYONE_KEY} everyone else present")


def counts_text(rows: list[svc.RosterRow]) -> str:
    counts = {status: sum(r.status is status for r in rows) for status in AttendanceStatus}
    unmarked = sum(r.status is None for r in rows)
    parts = [f"{counts[s]} {STATUS_LABELS[s].lower()}" for s in AttendanceStatus]
    return " · ".join(parts) + (f" · {unmarked} not marked" if unmarked else " · everyone marked")


class RosterMarker:
    """Saves marks typed into a roster view, for the attendance dialog and the paper-sheet grid alike.

    Reads and marks go through the operations layer; the model shows a mark once it is written.
    ``owner`` is the window the marks are made in (its callbacks are skipped once it is gone).
    """

    def __init__(self, ops: Operations, session_id: int, model: GroupRosterModel, source: AttendanceSource,
                 on_error: Callable[[str], None], owner: QWidget) -> None:
        self.ops = ops
        self.session_id = session_id
        self.model = model
        self.source = source
        self.on_error = on_error
        self.owner = owner

    def reload(self, then: Callable[[], None] | None = None) -> None:
        """Read the roster again; ``then()`` once the model shows it."""

        def show(rows: list[svc.RosterRow]) -> None:
            self.model.set_rows(rows)
            if then is not None:
                then()

        session_id = self.session_id
        self.ops.query("groups.attendance.roster", lambda s: svc.roster(s, session_id), done=show, owner=self.owner)

    def mark(self, row: int, status: AttendanceStatus | None) -> None:
        """Save ``status`` for the person on ``row`` (shown there once it is written)."""
        session_id, person_id, source = self.session_id, self.model.row_at(row).person_id, self.source

        def marked(_result: None) -> None:
            where = self.model.row_of(person_id)  # the roster may have been read again meanwhile
            if where is not None:
                self.model.set_status(where, status)

        self.ops.change("groups.attendance.mark",
                        lambda s: svc.set_attendance(s, session_id, person_id, status, source=source),
                        done=marked, refused=self._on_refused, owner=self.owner)

    def _on_refused(self, error: DomainError) -> None:
        self.on_error(str(error))


class AttendanceDialog(QDialog):
    def __init__(self, ops: Operations, info: svc.SessionInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.info = info
        self.paper_dialog: QDialog | None = None
        self.setWindowTitle(f"Attendance — {info.group_name}")
        heading = f"{info.group_name} · {when_text(info.starts_at)}" + (f" · {info.topic}" if info.topic else "")
        title = named(QLabel(heading), "sectionTitle")
        title.setWordWrap(True)
        title.setTextFormat(Qt.TextFormat.PlainText)
        self.scan_field = ScanField()
        self.scan_field.setPlaceholderText("Scan a badge at the door (or type a badge code or e-mail, Enter)")
        self.late_spin = QSpinBox()
        self.late_spin.setRange(0, 180)
        self.late_spin.setValue(0)
        self.late_spin.setSpecialValueText("never")
        self.late_spin.setSuffix(" min")
        self.late_spin.setToolTip("Scans this long after the start count as late (never: always present)")
        self.scan_result = named(QLabel(""), "pageSubtitle")
        self.scan_result.setWordWrap(True)
        self.scan_result.setTextFormat(Qt.TextFormat.PlainText)
        scan_row = QHBoxLayout()
        scan_row.addWidget(self.scan_field, 1)
        scan_row.addWidget(with_buddy(QLabel("&Late after"), self.late_spin))
        scan_row.addWidget(self.late_spin)
        self.model = GroupRosterModel(self)
        self.table = RosterView(scan_target=self.scan_field)
        self.table.setModel(self.model)
        set_up_table(self.table, short_columns=(Column.NUMBER, Column.ROLE, Column.STATUS))
        self.keys_label = named(QLabel(KEYS_HINT), "pageSubtitle")
        self.keys_label.setWordWrap(True)
        self.counts_label = QLabel("")
        self.error_label = named(QLabel(""), "inlineError")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.everyone_button = QPushButton("Everyone else present")
        self.everyone_button.setToolTip(f"Mark everyone not yet marked present ({EVERYONE_KEY})")
        self.paper_button = QPushButton("From paper sheet…")
        self.paper_button.setToolTip("Copy the marks of the printed sign-in sheet, line by line")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        # Enter belongs to the scan field and the roster; it must never close the window by habit.
        for button in (self.everyone_button, self.paper_button, *self.buttons.buttons()):
            if isinstance(button, QPushButton):
                button.setAutoDefault(False)
                button.setDefault(False)
        bottom = QHBoxLayout()
        bottom.addWidget(self.everyone_button)
        bottom.addWidget(self.paper_button)
        bottom.addStretch(1)
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(scan_row)
        layout.addWidget(self.scan_result)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.keys_label)
        layout.addWidget(self.counts_label)
        layout.addWidget(self.error_label)
        layout.addLayout(bottom)
        self.marker = RosterMarker(ops, info.id, self.model, AttendanceSource.APP, self._show_error, self)
        self.everyone_shortcut = QShortcut(QKeySequence(EVERYONE_KEY), self)
        self._connect_signals()
        self._update_counts()
        self.marker.reload(self._on_roster_first_read)
        self.table.setFocus()
        fit_to_screen(self, 560, 560)

    def _connect_signals(self) -> None:
        self.table.status_typed.connect(self._on_table_status_typed)
        self.table.scan_started.connect(self._on_table_scan_started)
        self.scan_field.entered.connect(self._on_scan_field_entered)
        self.scan_field.settled.connect(self._on_scan_field_settled)
        self.scan_field.step_requested.connect(self._on_scan_field_step_requested)
        self.everyone_button.clicked.connect(self._on_everyone_button_clicked)
        self.everyone_shortcut.activated.connect(self._on_everyone_button_clicked)
        self.paper_button.clicked.connect(self._on_paper_button_clicked)
        self.buttons.rejected.connect(self.reject)
        self.model.dataChanged.connect(self._on_model_changed)
        self.model.modelReset.connect(self._on_model_changed)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # The roster takes the keys first: attendance is taken by typing letters down the list.
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- what the dialog offers

    def mark(self, row: int, status: AttendanceStatus | None) -> None:
        self.error_label.hide()
        self.marker.mark(row, status)

    def mark_everyone_present(self) -> None:
        """Mark everyone not yet marked present; the roster shows them once it is written."""
        session_id = self.info.id
        self.ops.change("groups.attendance.everyone", lambda s: svc.mark_everyone_present(s, session_id),
                        done=self._on_everyone_marked, refused=self._on_refused, owner=self)

    def scan(self, text: str) -> None:
        """Mark the person whose badge (or e-mail) this is; the result is said under the field."""
        if not text.strip():
            return
        minutes = self.late_spin.value()
        session_id, late_after = self.info.id, timedelta(minutes=minutes) if minutes else None

        def work(session: Session) -> svc.ScanOutcome:
            return svc.mark_by_scan(session, session_id, text, late_after=late_after)

        self.ops.change("groups.attendance.scan", work, done=lambda outcome: self._on_scanned(text, outcome),
                        refused=self._on_refused, owner=self)

    def open_paper_sheet(self) -> QDialog:
        from mentordesk.ui.groups.paper_sheet_dialog import PaperSheetDialog

        dialog = PaperSheetDialog(self.ops, self.info, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self._on_paper_dialog_finished)
        self.paper_dialog = dialog
        dialog.open()
        return dialog

    # -- helpers

    def _show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()

    def _update_counts(self) -> None:
        self.counts_label.setText(counts_text(list(self.model.rows)))

    def _select_person(self, person_id: int) -> None:
        row = self.model.row_of(person_id)
        if row is not None:
            select_row(self.table, row)

    # -- slots

    def _on_roster_first_read(self) -> None:
        if self.table.currentIndex().row() < 0:
            select_row(self.table, 0)

    def _on_everyone_marked(self, _changed: int) -> None:
        self.marker.reload()

    def _on_scanned(self, text: str, outcome: svc.ScanOutcome) -> None:
        if self.scan_field.text() == text:  # not the start of the next badge, scanned meanwhile
            self.scan_field.reset()
        self.scan_result.setText(outcome.message)
        self.scan_result.setObjectName("pageNotice" if outcome.marked or outcome.already else "inlineError")
        self.scan_result.style().unpolish(self.scan_result)
        self.scan_result.style().polish(self.scan_result)
        person_id = outcome.person_id
        self.marker.reload(None if person_id is None else lambda: self._select_person(person_id))

    def _on_refused(self, error: DomainError) -> None:
        self._show_error(str(error))

    def _on_table_status_typed(self, row: int, status: AttendanceStatus | None) -> None:
        self.mark(row, status)

    def _on_table_scan_started(self, undo_row: int, before: AttendanceStatus | None) -> None:
        # A badge was scanned while the roster had the keys: its first letter may have marked
        # someone. Take that back; the view passes the code on to the scanner field.
        if undo_row >= 0:
            self.marker.mark(undo_row, before)
            select_row(self.table, undo_row)
        self.scan_field.reset()
        self.scan_field.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_scan_field_entered(self, text: str) -> None:
        self.scan(text)

    def _on_scan_field_settled(self, text: str, by_hand: bool) -> None:
        if not by_hand:
            self.scan(text)

    def _on_scan_field_step_requested(self, step: int) -> None:
        row = self.table.currentIndex().row()
        select_row(self.table, min(max(row + step, 0), self.model.rowCount() - 1))

    def _on_everyone_button_clicked(self) -> None:
        self.mark_everyone_present()

    def _on_paper_button_clicked(self) -> None:
        self.open_paper_sheet()

    def _on_paper_dialog_finished(self, _result: int) -> None:
        self.marker.reload()

    def _on_model_changed(self, *_args: object) -> None:
        self._update_counts()
