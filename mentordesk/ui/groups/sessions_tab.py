"""The Sessions tab: upcoming and past sessions of every group (or one), and what to do with one.

From here sessions are scheduled (one-off or recurring), one occurrence moved or cancelled, and a
session's attendance and notes opened (Enter opens attendance). Changes are written through the
page's :meth:`GroupsHost.change`; the dialogs get the page's operations.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mentordesk.services import groups as svc
from mentordesk.ui.groups.attendance_dialog import AttendanceDialog
from mentordesk.ui.groups.notes_dialog import NotesDialog
from mentordesk.ui.groups.session_dialog import SessionDialog
from mentordesk.ui.groups.session_series_dialog import SessionSeriesDialog
from mentordesk.ui.itemmodels.group_session_model import Column, GroupSessionModel
from mentordesk.ui.widgets.buttons import match_heights
from mentordesk.ui.widgets.empty_state import EmptyState
from mentordesk.ui.widgets.group_labels import plural, when_text
from mentordesk.ui.widgets.naming import named, with_buddy
from mentordesk.ui.widgets.tables import current_row, on_choice_changed, select_row, set_up_table

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from mentordesk.ui.groups.host import GroupsHost

When = svc.When
WHEN_CHOICES: tuple[tuple[str, When], ...] = (("Upcoming", "upcoming"), ("Past", "past"), ("All", "all"))



#: The empty list's words and button (title, sentence, button).
NO_GROUPS = ("No groups yet", "Sessions belong to groups: make the groups first, then schedule their meetings.",
             "Go to the Groups tab")
NO_UPCOMING = ("No upcoming sessions", "Schedule a one-off session, or a weekly series for the term.", "Schedule…")
NO_PAST = ("No past sessions", "Sessions show here once they have been held.", "Show upcoming")

class SessionsTab(QWidget):
    #: Sessions or attendance changed (group list figures may need re-reading).
    changed = Signal()

    def __init__(self, page: GroupsHost) -> None:
        super().__init__()
        self.page = page
        self.model = GroupSessionModel(self)
        self.groups: list[tuple[int, str]] = []
        self._loaded = False
        self._build()
        self._connect_signals()
        self._update_view()

    def _build(self) -> None:
        self.group_combo = QComboBox()
        self.group_combo.addItem("All groups", None)
        self.group_combo.setMinimumContentsLength(14)
        self.group_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.when_combo = QComboBox()
        for label, when in WHEN_CHOICES:
            self.when_combo.addItem(label, when)
        self.schedule_button = named(QPushButton("Schedule…"), "primaryButton")
        self.schedule_button.setToolTip("Schedule one session or a recurring series")
        self.attendance_button = QPushButton("Attendance…")
        self.attendance_button.setToolTip("Take attendance for the chosen session (Enter)")
        self.notes_button = QPushButton("Notes…")
        self.move_button = QPushButton("Change…")
        self.move_button.setToolTip("Move this one session, or change its topic or place; the rest of its series stays")
        self.cancel_button = QPushButton("Cancel session")
        match_heights(self.schedule_button, self.attendance_button, self.notes_button, self.move_button,
                      self.cancel_button)
        filters = QHBoxLayout()
        filters.addWidget(with_buddy(QLabel("Sho&w"), self.when_combo))
        filters.addWidget(self.when_combo)
        filters.addWidget(with_buddy(QLabel("of"), self.group_combo))
        filters.addWidget(self.group_combo, 1)
        filters.addStretch(0)
        filters.addWidget(self.schedule_button)
        actions = QHBoxLayout()
        self.count_label = named(QLabel(""), "pageSubtitle")
        actions.addWidget(self.count_label, 1)
        for button in (self.attendance_button, self.notes_button, self.move_button, self.cancel_button):
            actions.addWidget(button)
        self.table = named(QTableView(), "sessionsTable")
        self.table.setModel(self.model)
        set_up_table(self.table, short_columns=(Column.WHEN, Column.ATTENDANCE))
        # Rarer changes, on the table's context menu (right-click or the Menu key).
        self.end_series_action = QAction("End the series after this session…", self.table)
        self.delete_action = QAction("Delete this session…", self.table)
        self.table.addActions([self.end_series_action, self.delete_action])
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.empty_state = EmptyState()
        self.empty_label = self.empty_state.message_label
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty_state)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 10, 0, 0)
        layout.addLayout(filters)
        layout.addWidget(self.stack, 1)
        layout.addLayout(actions)

    def _connect_signals(self) -> None:
        self.group_combo.currentIndexChanged.connect(self._on_filter_changed)
        self.when_combo.currentIndexChanged.connect(self._on_filter_changed)
        on_choice_changed(self.table, self._on_table_choice_changed)
        # Enter or a double-click on a session (the view's "activated") opens its attendance.
        self.table.activated.connect(self._on_attendance_button_clicked)
        self.schedule_button.clicked.connect(self._on_schedule_button_clicked)
        self.empty_state.action_requested.connect(self._on_empty_state_action_requested)
        self.attendance_button.clicked.connect(self._on_attendance_button_clicked)
        self.notes_button.clicked.connect(self._on_notes_button_clicked)
        self.move_button.clicked.connect(self._on_move_button_clicked)
        self.cancel_button.clicked.connect(self._on_cancel_button_clicked)
        self.end_series_action.triggered.connect(self._on_end_series_action_triggered)
        self.delete_action.triggered.connect(self._on_delete_action_triggered)

    # -- reading

    @property
    def group_filter(self) -> int | None:
        data = self.group_combo.currentData()
        return int(data) if data is not None else None

    @property
    def when(self) -> When:
        return self.when_combo.currentData()

    def set_filter(self, *, group_id: int | None = None, when: When | None = None) -> None:
        if when is not None:
            self.when_combo.setCurrentIndex(self.when_combo.findData(when))
        index = self.group_combo.findData(group_id) if group_id is not None else 0
        self.group_combo.setCurrentIndex(max(0, index))

    def clear(self) -> None:
        self._loaded = False
        self.model.set_rows([])
        self._set_groups([])
        self._update_view()

    def reload(self) -> None:
        group_id, when = self.group_filter, self.when

        def query(session: Session, event_id: int) -> svc.SessionsSnapshot:
            return svc.sessions_snapshot(session, event_id, group_id=group_id, when=when)

        self.page.load(f"groups.sessions.{group_id}.{when}", query, self._show)

    def _show(self, snapshot: svc.SessionsSnapshot) -> None:
        if (snapshot.group_id, snapshot.when) != (self.group_filter, self.when):
            return  # read for a filter the coordinator has since changed
        chosen = self.selected_session()
        self._loaded = True
        self._set_groups(snapshot.groups)
        self.model.set_rows(snapshot.sessions)
        row = self.model.row_of(chosen.id) if chosen is not None else None
        if row is None and snapshot.sessions:
            row = self._first_relevant_row(snapshot.sessions)
        if row is not None:
            select_row(self.table, row)
        self._update_view()

    def _first_relevant_row(self, sessions: list[svc.SessionInfo]) -> int:
        # In "all", land on the first session still to come: that is the one to prepare.
        if self.when == "all":
            now = datetime.now(UTC)
            return next((n for n, s in enumerate(sessions) if s.starts_at >= now), len(sessions) - 1)
        # "upcoming" lists the soonest first and "past" the latest first: the first row is the one.
        return 0

    def _set_groups(self, groups: list[tuple[int, str]]) -> None:
        if groups == self.groups:
            return
        current = self.group_filter
        self.groups = groups
        self.group_combo.blockSignals(True)
        self.group_combo.clear()
        self.group_combo.addItem("All groups", None)
        for gid, name in groups:
            self.group_combo.addItem(name, gid)
        index = self.group_combo.findData(current) if current is not None else 0
        self.group_combo.setCurrentIndex(max(0, index))
        self.group_combo.blockSignals(False)

    # -- what the tab offers

    def selected_session(self) -> svc.SessionInfo | None:
        row = current_row(self.table)
        return self.model.row_at(row) if row is not None else None

    def select_session(self, session_id: int) -> bool:
        row = self.model.row_of(session_id)
        if row is None:
            return False
        select_row(self.table, row)
        return True

    def open_schedule(self, group_id: int | None = None) -> SessionSeriesDialog | None:
        ops = self.page.ops
        if ops is None or not self.groups:
            return None
        dialog = SessionSeriesDialog(ops, self.groups, self, group_id=group_id or self.group_filter)
        dialog.scheduled.connect(self._on_schedule_dialog_scheduled)
        return self.page.open(dialog)

    def open_attendance(self, session_id: int | None = None) -> AttendanceDialog | None:
        info = self._session(session_id)
        ops = self.page.ops
        if ops is None or info is None:
            return None
        dialog = AttendanceDialog(ops, info, self)
        dialog.finished.connect(self._on_dialog_finished)
        return self.page.open(dialog)

    def open_notes(self, session_id: int | None = None) -> NotesDialog | None:
        info = self._session(session_id)
        ops = self.page.ops
        if ops is None or info is None:
            return None
        dialog = NotesDialog(ops, info, self)
        dialog.finished.connect(self._on_dialog_finished)
        return self.page.open(dialog)

    def open_change(self, session_id: int | None = None) -> SessionDialog | None:
        info = self._session(session_id)
        ops = self.page.ops
        if ops is None or info is None:
            return None
        dialog = SessionDialog(ops, info, self)
        dialog.changed.connect(self._on_session_dialog_changed)
        return self.page.open(dialog)

    def toggle_cancelled(self, session_id: int | None = None) -> bool:
        """Cancel the session, or restore a cancelled one; True when that was asked for."""
        info = self._session(session_id)
        if info is None:
            return False
        action = svc.restore_session if info.cancelled else svc.cancel_session

        def toggled(_result: None) -> None:
            what = "Restored" if info.cancelled else "Cancelled"
            self.page.show_notice(
                f"{what} {info.group_name}, {when_text(info.starts_at)}. The other sessions are unchanged.")
            self._after_change()

        return self.page.change("groups.session.cancel", lambda s: action(s, info.id), toggled)

    def end_series_after(self, session_id: int | None = None) -> bool:
        """Drop the later sessions of this one's series that hold no attendance (how many went is said)."""
        info = self._session(session_id)
        return info is not None and self._end_series(info)

    def delete_session(self, session_id: int | None = None) -> bool:
        info = self._session(session_id)
        return info is not None and self._delete(info)

    def _end_series(self, info: svc.SessionInfo) -> bool:
        series_id = info.series_id
        if series_id is None:
            return False

        def ended(gone: int) -> None:
            self.page.show_notice(f"Ended the series of {info.group_name} after {when_text(info.starts_at)}: "
                                  f"{plural(gone, 'later session', 'later sessions')} removed.")
            self._after_change()

        return self.page.change("groups.series.end", lambda s: svc.end_series(s, series_id, after=info.starts_at),
                                ended)

    def _delete(self, info: svc.SessionInfo) -> bool:
        def deleted(_result: None) -> None:
            self.page.show_notice(f"Deleted {info.group_name}, {when_text(info.starts_at)}.")
            self._after_change()

        return self.page.change("groups.session.delete", lambda s: svc.delete_session(s, info.id), deleted)

    def _confirm(self, title: str, text: str, action: str, then: Callable[[], object]) -> QMessageBox:
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Cancel, self)
        confirm = box.addButton(action, QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.buttonClicked.connect(lambda button: then() if button is confirm else None)
        return self.page.open(box)

    # -- helpers

    def _session(self, session_id: int | None) -> svc.SessionInfo | None:
        """The chosen session, or the one of this id among those listed."""
        if session_id is None:
            return self.selected_session()
        row = self.model.row_of(session_id)
        return self.model.row_at(row) if row is not None else None

    def _after_change(self) -> None:
        self.page.discard_pending_loads()
        self.changed.emit()

    def _update_view(self) -> None:
        info = self.selected_session()
        has_groups = bool(self.groups)
        self.schedule_button.setEnabled(self.page.store is not None and has_groups)
        for button in (self.attendance_button, self.notes_button, self.move_button, self.cancel_button):
            button.setEnabled(info is not None)
        self.attendance_button.setEnabled(info is not None and not info.cancelled)
        self.cancel_button.setText("Restore session" if info is not None and info.cancelled else "Cancel session")
        self.end_series_action.setEnabled(info is not None and info.series_id is not None)
        self.delete_action.setEnabled(info is not None)
        total = self.model.rowCount()
        self.count_label.setText(plural(total, "session", "sessions") if self._loaded else "")
        if self._loaded and total == 0:
            if not has_groups:
                self.empty_state.show_next_step(*NO_GROUPS)
            elif self.when == "past":
                self.empty_state.show_next_step(*NO_PAST)
            else:
                title = NO_UPCOMING[0] if self.when == "upcoming" else "No sessions yet"
                self.empty_state.show_next_step(title, *NO_UPCOMING[1:])
            self.stack.setCurrentWidget(self.empty_state)
        else:
            self.stack.setCurrentWidget(self.table)

    # -- slots

    def _on_filter_changed(self, *_args: object) -> None:
        self.reload()

    def _on_table_choice_changed(self) -> None:
        self._update_view()

    def _on_empty_state_action_requested(self) -> None:
        action = self.empty_state.action_button.text()
        if action == NO_GROUPS[2]:
            self.page.show_groups_tab()
        elif action == NO_UPCOMING[2]:
            self.open_schedule()
        else:
            self.set_filter(when="upcoming")

    def _on_schedule_button_clicked(self) -> None:
        self.open_schedule()

    def _on_attendance_button_clicked(self, *_args: object) -> None:
        info = self.selected_session()
        if info is not None and not info.cancelled:
            self.open_attendance()

    def _on_notes_button_clicked(self) -> None:
        self.open_notes()

    def _on_move_button_clicked(self) -> None:
        self.open_change()

    def _on_cancel_button_clicked(self) -> None:
        self.toggle_cancelled()

    def _on_end_series_action_triggered(self) -> None:
        info = self.selected_session()
        if info is None or info.series_id is None:
            return
        self._confirm("End the series", f"Remove the sessions of {info.group_name} after {when_text(info.starts_at)}? "
                      "Sessions with attendance taken are kept.", "End series",
                      lambda: self._end_series(info))

    def _on_delete_action_triggered(self) -> None:
        info = self.selected_session()
        if info is None:
            return
        self._confirm("Delete session", f"Delete {info.group_name}, {when_text(info.starts_at)}, with its attendance "
                      "and notes? Cancelling it instead keeps the record.", "Delete",
                      lambda: self._delete(info))

    def _on_schedule_dialog_scheduled(self, ids: tuple[int, ...]) -> None:
        self.page.show_notice(f"Scheduled {plural(len(ids), 'session', 'sessions')}.")
        self._after_change()

    def _on_session_dialog_changed(self, _session_id: int) -> None:
        self.page.show_notice("Changed the session; the rest of its series is unchanged.")
        self._after_change()

    def _on_dialog_finished(self, _result: int) -> None:
        self._after_change()
