"""Check in people from a paper sign-in list after the fact.

When the desk ran on paper for a while (the laptop was late, the queue too long), the organiser
ticks the people who signed the list and gives the time written on it; everyone ticked is
recorded as arrived at that time, at this station, in one transaction (a change of the
operations layer: the dialog closes when it is written, and stays open, ticks kept, when not).
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDateTime, Qt, QTime, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mentordesk.services.domain_error import DomainError
from mentordesk.services.people import PersonRow
from mentordesk.ui.checkin import desk_actions
from mentordesk.ui.checkin.desk_actions import BulkReport
from mentordesk.ui.itemmodels.arrival_list_model import ArrivalFilterModel, ArrivalListModel, Column
from mentordesk.ui.operations import Failure, FailureKind, Operations
from mentordesk.ui.widgets.naming import named
from mentordesk.ui.widgets.qt_values import to_datetime
from mentordesk.ui.widgets.tables import set_up_table

DATE_TIME_FORMAT = "ddd d MMM yyyy, HH:mm"


def _this_minute() -> QDateTime:
    now = QDateTime.currentDateTime()
    return QDateTime(now.date(), QTime(now.time().hour(), now.time().minute()))


class BulkCheckinDialog(QDialog):
    #: People were checked in (a ``desk_actions.BulkReport``); the dialog then closes.
    checked_in = Signal(object)

    def __init__(self, ops: Operations, station: str, rows: list[PersonRow], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bulkDialog")
        self.setWindowTitle("Check in from a paper list")
        self.setMinimumSize(520, 460)
        self.resize(640, 560)
        self._ops = ops
        #: A check-in asked for and not yet written (the buttons wait for it).
        self._saving = False
        self._station = station
        self.model = ArrivalListModel(self)
        self.model.set_rows(rows)
        self.proxy = ArrivalFilterModel(self)
        self.proxy.setSourceModel(self.model)

        intro = named(QLabel(
            "Tick the people who signed the paper list. They are recorded as arrived at the time "
            f"below, at station “{station}”."), "dialogIntro")
        intro.setWordWrap(True)
        self.filter_edit = named(QLineEdit(), "bulkFilter")
        self.filter_edit.setPlaceholderText("Filter by name or organisation")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setAccessibleName("Filter people")
        self.filter_edit.setToolTip("Type a name; Enter ticks the person when only one is shown")
        self.count_label = named(QLabel(""), "bulkCount")

        self.table = named(QTableView(), "bulkTable")
        self.table.setModel(self.proxy)
        set_up_table(self.table, short_columns=(Column.ROLE,), row_heights=QHeaderView.ResizeMode.Interactive,
                     highlight_header=True)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setToolTip("Space ticks the highlighted person")
        self.empty_label = named(QLabel(""), "emptyState")
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.tick_all_button = QPushButton("Tick all shown")
        self.untick_button = QPushButton("Untick all")
        ticks = QHBoxLayout()
        ticks.addWidget(self.tick_all_button)
        ticks.addWidget(self.untick_button)
        ticks.addStretch(1)
        ticks.addWidget(self.count_label)

        self.at_edit = named(QDateTimeEdit(_this_minute()), "bulkAt")
        self.at_edit.setCalendarPopup(True)
        self.at_edit.setDisplayFormat(DATE_TIME_FORMAT)
        # A paper list is checked in after the fact, never ahead of time.
        self.at_edit.setMaximumDateTime(_this_minute())
        self.at_edit.setAccessibleName("Arrived at")
        form = QFormLayout()
        form.addRow("&Arrived at", self.at_edit)

        self.error_label = named(QLabel(""), "inlineError")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("primaryButton")
        self.ok_button.setToolTip("Check in everyone ticked (Ctrl+Enter)")
        self.submit_shortcuts = [QShortcut(QKeySequence(key), self) for key in ("Ctrl+Return", "Ctrl+Enter")]

        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(intro)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label, 1)
        layout.addLayout(ticks)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self._connect_signals()
        self._update()
        self.filter_edit.setFocus()

    def _connect_signals(self) -> None:
        self.filter_edit.textChanged.connect(self._on_filter_edit_text_changed)
        self.filter_edit.returnPressed.connect(self._on_filter_edit_return_pressed)
        for shortcut in self.submit_shortcuts:
            shortcut.activated.connect(self._on_submit_shortcut_activated)
        self.model.checked_count_changed.connect(self._on_model_checked_count_changed)
        self.tick_all_button.clicked.connect(self._on_tick_all_button_clicked)
        self.untick_button.clicked.connect(self._on_untick_button_clicked)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter in the filter ticks the person found; only Ctrl+Enter or the button submits, so
        # finishing a name can never check in the whole list by accident (QDialog would press
        # its default button).
        plain = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and plain:
            focused = self.focusWidget()
            if isinstance(focused, QPushButton):
                focused.click()
            event.accept()
            return
        super().keyPressEvent(event)

    @property
    def arrived_at(self) -> datetime:
        """The time on the list, as an aware datetime in the computer's time zone."""
        return to_datetime(self.at_edit.dateTime()).astimezone()

    def submit(self) -> bool:
        """Check in everyone ticked (in the background); False when nobody is ticked."""
        ids = self.model.checked_ids
        if not ids or self._saving:
            return False
        at, station = self.arrived_at, self._station
        self._saving = True
        self.error_label.hide()
        self._update()
        self._ops.change("checkin.bulk", lambda session: desk_actions.bulk_check_in(session, ids, at, station),
                         done=self._on_checked_in, refused=self._on_refused, failed=self._on_failed, owner=self)
        return True

    # -- outcomes of the change

    def _on_checked_in(self, report: BulkReport) -> None:
        self._saving = False
        self.checked_in.emit(report)
        self.accept()

    def _on_refused(self, error: DomainError) -> None:
        self._say(str(error))

    def _on_failed(self, failure: Failure) -> None:
        self._saving = False
        if failure.kind is not FailureKind.REFUSED:
            self._say("The event file could not be written; nobody was checked in.")
        self._update()

    # -- slots

    def _on_filter_edit_text_changed(self, text: str) -> None:
        self.proxy.set_query(text)
        self._update()

    def _on_filter_edit_return_pressed(self) -> None:
        rows = self.proxy.source_rows()
        if len(rows) == 1:
            self.model.set_checked(rows, True)
            self.filter_edit.clear()
        elif rows:
            self.table.setFocus()
            self.table.selectRow(0)

    def _on_submit_shortcut_activated(self) -> None:
        self.submit()

    def _on_model_checked_count_changed(self, _count: int) -> None:
        self._update()

    def _on_tick_all_button_clicked(self) -> None:
        self.model.set_checked(self.proxy.source_rows(), True)

    def _on_untick_button_clicked(self) -> None:
        self.model.set_checked(range(self.model.rowCount()), False)

    def _on_buttons_accepted(self) -> None:
        self.submit()

    # -- helpers

    def _say(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.show()

    def _update(self) -> None:
        ticked = len(self.model.checked_ids)
        total = self.model.rowCount()
        self.ok_button.setText(f"Check in {ticked} {'person' if ticked == 1 else 'people'}")
        self.ok_button.setEnabled(ticked > 0 and not self._saving)
        self.count_label.setText(f"{ticked} ticked of {total} not yet arrived")
        shown = self.proxy.rowCount()
        if total == 0:
            self.empty_label.setText("Everyone has arrived: there is nobody left to check in.")
        elif shown == 0:
            self.empty_label.setText(f"No one matches “{self.filter_edit.text().strip()}”.")
        self.table.setVisible(shown > 0)
        self.empty_label.setVisible(shown == 0)
        self.tick_all_button.setEnabled(shown > 0)
