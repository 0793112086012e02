"""Schedule sessions for a group: one meeting, or a series (weekly, every two weeks, monthly on the
same weekday) that ends on a date or after a number of meetings, with a live preview of the dates.

The dates come from the same recurrence service that writes them, so the preview is exactly what
"Schedule" will create. Times are wall-clock times in the event's zone and stay put across
daylight-saving changes. The zone is read through the operations layer as the dialog opens;
scheduling is one change, and the dialog closes once it is written.
"""

from __future__ import annotations

from datetime import date, time

from PySide6.QtCore import QTime, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from mentordesk.models import Frequency, SessionMode
from mentordesk.services import groups as svc
from mentordesk.services.domain_error import DomainError
from mentordesk.ui.groups.dialog_parts import WhenFields, choice_combo, date_edit, error_label, qdate, show_error
from mentordesk.ui.operations import Failure, FailureKind, Operations
from mentordesk.ui.widgets.group_labels import MODE_LABELS, day_text, plural
from mentordesk.ui.widgets.naming import named, with_buddy
from mentordesk.ui.widgets.qt_values import to_date

#: What the "Repeats" box offers: (label, frequency, interval); None is a one-off session.
REPEATS: tuple[tuple[str, Frequency | None, int], ...] = (
    ("Does not repeat", None, 1),
    ("Weekly", Frequency.WEEKLY, 1),
    ("Every 2 weeks", Frequency.WEEKLY, 2),
    ("Monthly, same weekday", Frequency.MONTHLY_WEEKDAY, 1),
)
#: Dates listed in the preview before "… and N more".
PREVIEW_DATES = 16


class SessionSeriesDialog(QDialog):
    #: The new session ids.
    scheduled = Signal(tuple)

    def __init__(self, ops: Operations, groups: list[tuple[int, str]], parent: QWidget | None = None, *,
                 group_id: int | None = None, today: date | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        #: Sessions are being written (a second click schedules nothing more).
        self._scheduling = False
        self.setWindowTitle("Schedule sessions")
        today = today or date.today()
        self.group_combo = QComboBox()
        for gid, name in groups:
            self.group_combo.addItem(name, gid)
        if group_id is not None:
            self.group_combo.setCurrentIndex(max(0, self.group_combo.findData(group_id)))
        when = WhenFields(today, QTime(16, 0), 60)
        self.date_edit, self.time_edit, self.duration_spin = when.date_edit, when.time_edit, when.duration_spin
        self.location_edit = QLineEdit()
        self.location_edit.setPlaceholderText("The group's usual place when left empty")
        self.mode_combo = choice_combo(MODE_LABELS)
        self.link_edit = QLineEdit()
        self.link_edit.setPlaceholderText("https://… (video call link)")
        self.topic_edit = QLineEdit()
        self.repeat_combo = QComboBox()
        for label, _frequency, _interval in REPEATS:
            self.repeat_combo.addItem(label)
        self.count_radio = QRadioButton("for")
        self.until_radio = QRadioButton("until")
        self.count_radio.setChecked(True)
        self.end_group = QButtonGroup(self)
        self.end_group.addButton(self.count_radio)
        self.end_group.addButton(self.until_radio)
        self.count_spin = QSpinBox()
        self.count_spin.setRange(1, 200)
        self.count_spin.setValue(10)
        self.count_spin.setSuffix(" sessions")
        self.until_edit = date_edit(qdate(today).addDays(7 * 12))
        ends = QHBoxLayout()
        for widget in (self.count_radio, self.count_spin, self.until_radio, self.until_edit):
            ends.addWidget(widget)
        ends.addStretch(1)
        self.ends_row = QWidget()
        self.ends_row.setLayout(ends)
        ends.setContentsMargins(0, 0, 0, 0)
        # Said once, so nobody wonders whether 16:00 moves when the clocks change: it does not.
        self.zone_label = named(QLabel(""), "pageSubtitle")
        self.zone_label.setWordWrap(True)
        self.summary_label = named(QLabel(""), "sectionTitle")
        self.summary_label.setWordWrap(True)
        self.preview_label = named(QLabel(""), "pageSubtitle")
        self.preview_label.setWordWrap(True)
        self.error_label = error_label()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.schedule_button = self.buttons.addButton("Schedule", QDialogButtonBox.ButtonRole.AcceptRole)
        form = QFormLayout()
        form.addRow("&Group", self.group_combo)
        form.addRow(with_buddy(QLabel("&First session"), self.date_edit), when.row)
        form.addRow("&Repeats", self.repeat_combo)
        form.addRow("Ends", self.ends_row)
        form.addRow("&Where", self.location_edit)
        form.addRow("&Mode", self.mode_combo)
        form.addRow("&Link", self.link_edit)
        form.addRow("&Topic", self.topic_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.zone_label)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.preview_label)
        layout.addWidget(self.error_label)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self._connect_signals()
        self.update_preview()
        event_id = ops.event_id
        ops.query("groups.schedule.zone", lambda s: svc.event_zone_name(s, event_id), done=self._on_zone_read,
                  owner=self)
        self.resize(520, self.sizeHint().height())

    def _connect_signals(self) -> None:
        for signal in (self.date_edit.dateChanged, self.until_edit.dateChanged, self.count_spin.valueChanged,
                       self.repeat_combo.currentIndexChanged, self.count_radio.toggled,
                       self.mode_combo.currentIndexChanged):
            signal.connect(self._on_form_changed)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)

    # -- reading the form

    @property
    def first_day(self) -> date:
        return to_date(self.date_edit.date())

    def recurrence(self) -> svc.Recurrence | None:
        _label, frequency, interval = REPEATS[self.repeat_combo.currentIndex()]
        if frequency is None:
            return None
        if self.count_radio.isChecked():
            return svc.Recurrence(frequency, interval, count=self.count_spin.value())
        return svc.Recurrence(frequency, interval, until=to_date(self.until_edit.date()))

    def plan(self) -> svc.SessionPlan:
        at = self.time_edit.time()
        return svc.SessionPlan(
            starts_on=self.first_day, start_time=time(at.hour(), at.minute()),
            duration_minutes=self.duration_spin.value(), location=self.location_edit.text(),
            mode=SessionMode(self.mode_combo.currentData()), meeting_url=self.link_edit.text(),
            topic=self.topic_edit.text(), recurrence=self.recurrence())

    def preview_dates(self) -> list[date]:
        return svc.occurrence_dates(self.first_day, self.recurrence())

    # -- acting

    def update_preview(self) -> bool:
        repeats = REPEATS[self.repeat_combo.currentIndex()][1] is not None
        self.ends_row.setEnabled(repeats)
        self.count_spin.setEnabled(repeats and self.count_radio.isChecked())
        self.until_edit.setEnabled(repeats and self.until_radio.isChecked())
        self.link_edit.setEnabled(self.mode_combo.currentData() == SessionMode.REMOTE)
        try:
            days = self.preview_dates()
            described = svc.describe_recurrence(self.first_day, self.recurrence())
        except svc.GroupError as error:
            self.summary_label.setText("")
            self.preview_label.setText("")
            self._show_error(str(error))
            self.schedule_button.setEnabled(False)
            return False
        self.error_label.hide()
        self.summary_label.setText(f"{plural(len(days), 'session', 'sessions')}: {described}")
        shown = ", ".join(day_text(d) for d in days[:PREVIEW_DATES])
        more = len(days) - PREVIEW_DATES
        self.preview_label.setText(shown + (f" … and {more} more" if more > 0 else ""))
        self.schedule_button.setEnabled(bool(days) and self.group_combo.count() > 0 and not self._scheduling)
        return True

    def schedule(self) -> None:
        """Write the sessions; ``scheduled`` gives their ids once they are written, and the dialog closes."""
        if self._scheduling or self.group_combo.count() == 0 or not self.update_preview():
            return
        group_id, plan = int(self.group_combo.currentData()), self.plan()
        self._scheduling = True
        self.schedule_button.setEnabled(False)
        self.ops.change("groups.schedule", lambda s: svc.schedule_sessions(s, group_id, plan),
                        done=self._on_scheduled, refused=self._on_refused, failed=self._on_failed, owner=self)

    def _on_zone_read(self, zone: str) -> None:
        self.zone_label.setText(f"Times are wall-clock times in {zone}, across daylight-saving changes.")

    def _on_scheduled(self, ids: tuple[int, ...]) -> None:
        self.scheduled.emit(ids)
        self.accept()

    def _on_refused(self, error: DomainError) -> None:
        self._show_error(str(error))

    def _on_failed(self, failure: Failure) -> None:
        self._scheduling = False
        if self.update_preview() and failure.kind is FailureKind.REFUSED:
            self._show_error(failure.message)  # the preview's refresh hid it

    def _show_error(self, text: str) -> None:
        show_error(self.error_label, text)

    def _on_form_changed(self, *_args: object) -> None:
        self.update_preview()

    def _on_buttons_accepted(self) -> None:
        self.schedule()
