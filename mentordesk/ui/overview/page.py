"""The Overview page: edit the event's name, date and venue, and watch arrivals come in.

Details and counts are read in the background (a query of the operations layer), when the event
opens and whenever it changes — here, at another station or by ``mentordesk checkin`` — so arrivals
show up without anyone pressing a button. The form waits, disabled, for the first read; a save is
a change on the event's one writer, and a refusal ("The event needs a name.") is said under the form.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mentordesk.services import events
from mentordesk.services.domain_error import DomainError
from mentordesk.services.events import EventDetails
from mentordesk.ui.operations import Failure
from mentordesk.ui.overview.counts_panel import CountsPanel
from mentordesk.ui.tasks import TaskManager
from mentordesk.ui.widgets.naming import named
from mentordesk.ui.widgets.page import Page
from mentordesk.ui.widgets.qt_values import to_date
from mentordesk.ui.widgets.unsaved_changes import LeaveAnswer, ask_about_unsaved_changes

if TYPE_CHECKING:
    pass

#: How often the counts are re-read while the event is open.
REFRESH_INTERVAL_MS = 2_000
#: How long "Saved" stays next to the button.
SAVED_NOTICE_MS = 4_000
DATE_FORMAT = "ddd d MMM yyyy"
#: Figures read this recently are not re-read when the page is shown again.
FRESH_FOR_S = 1.0



class OverviewPage(Page):
    #: The event's details as saved (by this page or, noticed on refresh, by another station).
    details_changed = Signal(object)

    key = "overview"
    title = "Overview"
    subtitle = "The event’s details, and who has arrived so far."
    refresh_interval_ms = REFRESH_INTERVAL_MS

    def __init__(self, tasks: TaskManager, parent: QWidget | None = None) -> None:
        super().__init__(tasks, parent)
        self.details: EventDetails | None = None
        #: A save asked for and not yet written.
        self._saving = False
        #: What to do once the save asked for by ``confirm_leave`` is written (close, open another …).
        self._after_save: Callable[[], object] | None = None
        self._shown_at = float("-inf")
        self.counts_panel = CountsPanel()
        self.body.addWidget(self.counts_panel)

        self.details_frame = named(QFrame(), "detailsCard")
        self.details_frame.setFrameShape(QFrame.Shape.StyledPanel)
        self.details_frame.setMaximumWidth(720)
        frame_layout = QVBoxLayout(self.details_frame)
        frame_layout.setContentsMargins(18, 14, 18, 16)
        frame_layout.setSpacing(10)
        frame_layout.addWidget(named(QLabel("Event details"), "sectionTitle"))

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.name_edit = named(QLineEdit(), "eventName")
        self.name_edit.setMaxLength(200)
        self.name_edit.setPlaceholderText("e.g. Spring Flash Mentoring")
        self.date_check = named(QCheckBox("Set a date"), "eventHasDate")
        self.date_edit = named(QDateEdit(), "eventDate")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat(DATE_FORMAT)
        self.date_edit.setDate(QDate.currentDate())
        self.date_edit.setAccessibleName("Event date")
        self.date_edit.setMinimumWidth(180)
        date_row = QHBoxLayout()
        date_row.setSpacing(10)
        date_row.addWidget(self.date_check)
        date_row.addWidget(self.date_edit)
        date_row.addStretch(1)
        self.venue_edit = named(QLineEdit(), "eventVenue")
        self.venue_edit.setMaxLength(300)
        self.venue_edit.setPlaceholderText("Where it takes place (optional)")
        form.addRow("&Name", self.name_edit)
        date_label = QLabel("&Date")
        date_label.setBuddy(self.date_check)
        form.addRow(date_label, date_row)
        form.addRow("&Venue", self.venue_edit)
        frame_layout.addLayout(form)

        self.error_label = named(QLabel(""), "inlineError")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        frame_layout.addWidget(self.error_label)

        buttons = QHBoxLayout()
        self.saved_label = named(QLabel(""), "savedNotice")
        self.revert_button = QPushButton("Revert")
        self.save_button = named(QPushButton("Save"), "primaryButton")
        self.save_button.setDefault(True)
        self.save_button.setToolTip("Save the event’s details (Enter)")
        buttons.addWidget(self.saved_label, 1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        frame_layout.addLayout(buttons)
        self.body.addWidget(self.details_frame)
        self.body.addStretch(1)

        self.saved_timer = QTimer(self)
        self.saved_timer.setSingleShot(True)
        self.saved_timer.setInterval(SAVED_NOTICE_MS)
        # Enter saves from any field of the form (the button is not in a dialog, so it cannot
        # be a true default button).
        self.save_shortcuts = [
            QShortcut(QKeySequence(key), self.details_frame, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
            for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ]
        self._connect_signals()
        self._set_form_enabled(False)

    def _connect_signals(self) -> None:
        self.name_edit.textChanged.connect(self._on_name_edit_text_changed)
        self.venue_edit.textChanged.connect(self._on_venue_edit_text_changed)
        self.date_check.toggled.connect(self._on_date_check_toggled)
        self.date_edit.dateChanged.connect(self._on_date_edit_date_changed)
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.revert_button.clicked.connect(self._on_revert_button_clicked)
        for shortcut in self.save_shortcuts:
            shortcut.activated.connect(self._on_save_shortcut_activated)
        self.saved_timer.timeout.connect(self._on_saved_timer_timeout)

    # -- Page

    def store_changed(self) -> None:
        self.details = None
        self._saving = False
        self.counts_panel.set_counts(None)
        self._clear_feedback()
        if self.store is None:
            self._set_form_enabled(False)
            return
        # The form stays disabled until the first read has filled it: nobody types into an empty
        # form that the details would then overwrite.
        self._set_form_enabled(False)
        self.refresh()

    def refresh(self) -> None:
        """Re-read details and counts in the background."""
        self.load("overview.snapshot", events.overview_snapshot, self._show_snapshot)

    def activated(self) -> None:
        # Just filled when the event opened: a second read now would only slow the first paint.
        if time.monotonic() - self._shown_at > FRESH_FOR_S:
            self.refresh()

    # -- editing

    @property
    def is_dirty(self) -> bool:
        return self.details is not None and self._form_values() != (
            self.details.name,
            self.details.starts_on,
            self.details.venue,
        )

    @property
    def saving(self) -> bool:
        """A save was asked for and its outcome has not arrived yet."""
        return self._saving

    def save(self) -> bool:
        """Save the form through the events service (in the background); False when there is
        nothing to save. Why it could not be saved is shown under the form."""
        ops = self.ops
        if ops is None or self.details is None or self._saving:
            return False
        name, starts_on, venue = self._form_values()
        event_id, ends_on = ops.event_id, self.details.ends_on
        self._saving = True
        self._update_buttons()
        ops.change("overview.details.save",
                   lambda session: events.update_details(session, event_id, name=name, starts_on=starts_on,
                                                         ends_on=ends_on, venue=venue),
                   done=self._on_details_saved, refused=self._on_save_refused, failed=self._on_save_failed,
                   owner=self)
        return True

    def confirm_leave(self, then: Callable[[], object]) -> bool:
        """Before the event is closed (or the window): True when nothing typed would be lost.

        With unsaved edits, asks Save / Discard / Cancel. Discard puts the saved details back and
        says True; Cancel says False. Save says False too, and calls ``then`` once the details are
        written; a refused save ("The event needs a name.") is said under the form and ``then`` is
        dropped, so nothing is lost behind the user's back."""
        if not self.is_dirty:
            return True
        answer = ask_about_unsaved_changes(
            self.window(), "Save the changes to the event’s details?",
            "The name, date or venue on the Overview page were changed and not saved yet.")
        if answer is LeaveAnswer.DISCARD:
            self.revert()
            return True
        if answer is LeaveAnswer.SAVE and self.save():
            self._after_save = then
        return False

    def _on_details_saved(self, saved: EventDetails) -> None:
        self._saving = False
        self._clear_feedback()
        self._fill_form(saved)
        self.saved_label.setText("Saved.")
        self.saved_timer.start()
        self.details_changed.emit(saved)
        # A refresh that started before the save would bring the old details back for a moment.
        self.discard_pending_loads()
        self.refresh()
        then, self._after_save = self._after_save, None
        if then is not None:
            # After this callback has returned: ``then`` may close the event this save was written to.
            QTimer.singleShot(0, then)

    def _on_save_refused(self, error: DomainError) -> None:
        self._after_save = None
        self._saving = False
        self._update_buttons()
        self._show_error(str(error))

    def _on_save_failed(self, _failure: Failure) -> None:
        # Nothing was saved; the form keeps what was typed, ready to be saved again.
        self._saving = False
        self._after_save = None
        self._update_buttons()

    def revert(self) -> None:
        if self.details is not None:
            self._fill_form(self.details)
        self._clear_feedback()

    # -- slots

    def _on_name_edit_text_changed(self, _text: str) -> None:
        self._update_buttons()

    def _on_venue_edit_text_changed(self, _text: str) -> None:
        self._update_buttons()

    def _on_date_check_toggled(self, checked: bool) -> None:
        self.date_edit.setEnabled(checked and self.store is not None)
        self._update_buttons()

    def _on_date_edit_date_changed(self, _date: QDate) -> None:
        self._update_buttons()

    def _on_save_button_clicked(self) -> None:
        self.save()

    def _on_save_shortcut_activated(self) -> None:
        self.save()

    def _on_revert_button_clicked(self) -> None:
        self.revert()

    def poll(self) -> None:
        self.refresh()

    def _on_saved_timer_timeout(self) -> None:
        self.saved_label.setText("")

    # -- helpers

    def _show_snapshot(self, snapshot: events.OverviewSnapshot) -> None:
        details, counts = snapshot.details, snapshot.counts
        self._shown_at = time.monotonic()
        self.counts_panel.set_counts(counts)
        if self.details is None:
            # The first read since the event opened.
            self._set_form_enabled(True)
        if details == self.details:
            return
        if self.is_dirty:
            # Changed elsewhere while the user is typing: keep their text; their Save decides.
            self.details = details
            self._update_buttons()
        else:
            self._fill_form(details)
        self.details_changed.emit(details)

    def _fill_form(self, details: EventDetails) -> None:
        self.details = details
        self.name_edit.setText(details.name)
        self.venue_edit.setText(details.venue)
        # Show the start of long values, not their tail.
        self.name_edit.setCursorPosition(0)
        self.venue_edit.setCursorPosition(0)
        self.date_check.setChecked(details.starts_on is not None)
        if details.starts_on is not None:
            self.date_edit.setDate(QDate(details.starts_on.year, details.starts_on.month, details.starts_on.day))
        self.date_edit.setEnabled(details.starts_on is not None)
        self._update_buttons()

    def _form_values(self) -> tuple[str, date | None, str]:
        starts_on = to_date(self.date_edit.date()) if self.date_check.isChecked() else None
        return " ".join(self.name_edit.text().split()), starts_on, " ".join(self.venue_edit.text().split())

    def _update_buttons(self) -> None:
        dirty = self.is_dirty
        self.save_button.setEnabled(dirty and not self._saving)
        self.revert_button.setEnabled(dirty)
        if dirty:
            self.saved_label.setText("")

    def _set_form_enabled(self, enabled: bool) -> None:
        for widget in (self.name_edit, self.venue_edit, self.date_check):
            widget.setEnabled(enabled)
        self.date_edit.setEnabled(enabled and self.date_check.isChecked())
        if not enabled:
            self.save_button.setEnabled(False)
            self.revert_button.setEnabled(False)

    def _show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.show()
        self.saved_label.setText("")

    def _clear_feedback(self) -> None:
        self.error_label.clear()
        self.error_label.hide()
        self.saved_label.setText("")
