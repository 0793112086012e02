"""The People page: everyone at the event, filtered as you type, and the ways to change the list.

From here people are added and edited (``PersonDialog``), erased on request (``EraseDialog``),
likely duplicates reviewed and merged (``MergeDialog``) and attendee files imported
(``ImportDialog``). Every change goes through a service; the page then re-reads the list.
Dialogs are opened without blocking and kept in ``self.dialog`` so tests can drive them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QStyle,
    QWidget,
)

from mentordesk.models import Role
from mentordesk.services import roster
from mentordesk.services.people import PersonRow
from mentordesk.services.roster import DuplicateGroup, ErasureReport
from mentordesk.ui.itemmodels.people_model import Arrival, PeopleFilterModel, PeopleModel
from mentordesk.ui.operations import finish_changes
from mentordesk.ui.people.erase_dialog import EraseDialog
from mentordesk.ui.people.filter_bar import FilterBar
from mentordesk.ui.people.merge_dialog import MergeDialog
from mentordesk.ui.people.people_table import PeopleTable
from mentordesk.ui.tasks import TaskManager
from mentordesk.ui.widgets.buttons import match_heights
from mentordesk.ui.widgets.empty_state import EmptyState
from mentordesk.ui.widgets.naming import named
from mentordesk.ui.widgets.page import Page
from mentordesk.ui.widgets.person_dialog import PersonDialog
from mentordesk.ui.widgets.tables import current_row, on_choice_changed

if TYPE_CHECKING:

    from mentordesk.services.importing import ImportSummary
    from mentordesk.ui.people.importing.import_dialog import ImportDialog

#: While the page is visible it re-reads the list this often, so arrivals recorded at other
#: stations (or by the command line) show up without a manual refresh.
REFRESH_INTERVAL_MS = 5_000
#: How long a notice ("Erased …", "Imported …") stays above the table.
NOTICE_MS = 15_000

EMPTY_EVENT_TEXT = "Nobody registered yet"
EMPTY_EVENT_HINT = (
    "Import the attendee export of a ticketing site or a form (CSV or Excel), or add people one by one."
)
ADD_SHORTCUTS = ("Ctrl+Shift+N", "Insert")

D = TypeVar("D", bound=QDialog)



def _plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


class PeoplePage(Page):
    key = "people"
    title = "People"
    subtitle = "Everyone registered for the event, with their badge code and whether they have arrived."
    scrollable = False
    refresh_interval_ms = REFRESH_INTERVAL_MS

    def __init__(self, tasks: TaskManager, parent: QWidget | None = None) -> None:
        super().__init__(tasks, parent)
        self.model = PeopleModel(self)
        self.proxy = PeopleFilterModel(self)
        self.proxy.setSourceModel(self.model)
        self.duplicates: list[DuplicateGroup] = []
        #: The latest dialog opened from this page, so tests can find and drive it.
        self.dialog: QDialog | None = None
        self._loaded = False
        #: Person to select once the list has been re-read (just added or edited).
        self._select_after_load: int | None = None

        self._build_header()
        self._build_toolbar()
        self.table = PeopleTable(self.proxy)
        self.empty_state = EmptyState()
        self.empty_label = self.empty_state.message_label
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty_state)
        self.body.addWidget(self.stack, 1)

        self.notice_timer = QTimer(self)
        self.notice_timer.setSingleShot(True)
        self.notice_timer.setInterval(NOTICE_MS)
        self.focus_filter_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)
        # Ctrl+N is File ▸ New event; adding a person takes Ctrl+Shift+N, or Insert in the table.
        self.add_shortcut = QShortcut(QKeySequence(ADD_SHORTCUTS[0]), self)
        table_only = Qt.ShortcutContext.WidgetShortcut
        self.insert_shortcut = QShortcut(QKeySequence(ADD_SHORTCUTS[1]), self.table, context=table_only)
        self.edit_shortcuts = [
            QShortcut(QKeySequence(key), self.table, context=table_only)
            for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ]
        self.erase_shortcut = QShortcut(QKeySequence(Qt.Key.Key_Delete), self.table, context=table_only)
        self._connect_signals()
        self._update_view()

    def _build_header(self) -> None:
        self.import_button = QPushButton("Import…")
        self.import_button.setToolTip("Import people from a ticketing or form export (Ctrl+I)")
        self.add_button = named(QPushButton("Add person"), "primaryButton")
        self.add_button.setToolTip("Add someone by hand, e.g. a late registration (Ctrl+Shift+N)")
        # The page header shares its row with the buttons that add people.
        self.body.removeWidget(self.header)
        row = QHBoxLayout()
        row.setSpacing(10)
        row.addWidget(self.header, 1)
        row.addWidget(self.import_button, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignTop)
        match_heights(self.import_button, self.add_button)
        self.body.insertLayout(0, row)

    def _build_toolbar(self) -> None:
        self.filter_bar = FilterBar()
        self.filter_edit = self.filter_bar.filter_edit
        self.role_combo = self.filter_bar.role_combo
        self.arrival_combo = self.filter_bar.arrival_combo
        self.body.addWidget(self.filter_bar)

        self.count_label = named(QLabel(), "peopleCount")
        self.duplicates_button = named(QPushButton(), "duplicatesNotice")
        self.duplicates_button.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning))
        self.duplicates_button.setToolTip("Some records look like the same person: review and merge them")
        self.duplicates_button.hide()
        self.edit_button = QPushButton("Edit…")
        self.edit_button.setToolTip("Edit the selected person (Enter or double-click)")
        self.erase_button = QPushButton("Erase…")
        self.erase_button.setToolTip("Erase the selected person and every record of them, on request (Delete)")
        # Hidden with the filters while the event is empty: the empty state says what to do.
        self.actions_bar = QWidget()
        actions = QHBoxLayout(self.actions_bar)
        actions.setContentsMargins(0, 0, 0, 0)
        actions.setSpacing(8)
        actions.addWidget(self.count_label)
        actions.addSpacing(6)
        actions.addWidget(self.duplicates_button)
        actions.addStretch(1)
        actions.addWidget(self.edit_button)
        actions.addWidget(self.erase_button)
        self.body.addWidget(self.actions_bar)

        self.notice_label = named(QLabel(""), "pageNotice")
        self.notice_label.setWordWrap(True)
        self.notice_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notice_label.hide()
        self.body.addWidget(self.notice_label)

    def _connect_signals(self) -> None:
        self.filter_bar.query_changed.connect(self._on_filter_bar_query_changed)
        self.filter_bar.submitted.connect(self._on_filter_bar_submitted)
        self.filter_bar.role_changed.connect(self._on_filter_bar_role_changed)
        self.filter_bar.arrival_changed.connect(self._on_filter_bar_arrival_changed)
        self.proxy.rowsInserted.connect(self._on_proxy_rows_changed)
        self.proxy.rowsRemoved.connect(self._on_proxy_rows_changed)
        self.proxy.modelReset.connect(self._on_proxy_rows_changed)
        self.proxy.layoutChanged.connect(self._on_proxy_rows_changed)
        self.model.dataChanged.connect(self._on_proxy_rows_changed)
        on_choice_changed(self.table, self._on_table_choice_changed)
        self.table.doubleClicked.connect(self._on_table_double_clicked)
        self.import_button.clicked.connect(self._on_import_button_clicked)
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.edit_button.clicked.connect(self._on_edit_button_clicked)
        self.erase_button.clicked.connect(self._on_erase_button_clicked)
        self.duplicates_button.clicked.connect(self._on_duplicates_button_clicked)
        self.empty_state.import_button.clicked.connect(self._on_import_button_clicked)
        self.empty_state.add_button.clicked.connect(self._on_add_button_clicked)
        self.empty_state.clear_button.clicked.connect(self._on_empty_state_clear_clicked)
        self.notice_timer.timeout.connect(self._on_notice_timer_timeout)
        self.focus_filter_shortcut.activated.connect(self._on_focus_filter_shortcut_activated)
        self.add_shortcut.activated.connect(self._on_add_button_clicked)
        self.insert_shortcut.activated.connect(self._on_add_button_clicked)
        for shortcut in self.edit_shortcuts:
            shortcut.activated.connect(self._on_edit_button_clicked)
        self.erase_shortcut.activated.connect(self._on_erase_button_clicked)

    # -- Page

    def store_changed(self) -> None:
        self._loaded = False
        self.duplicates = []
        self.clear_filters()
        self.model.set_rows([])
        self._hide_notice()
        self._update_view()
        if self.store is not None and self.is_active:
            self.reload()

    def activated(self) -> None:
        self.reload()

    def reload(self) -> None:
        self.load("people.list", roster.people_snapshot, self._show_snapshot)

    def reload_after_change(self) -> None:
        """Re-read the list after this page changed it; a read already under way may predate the change."""
        self.discard_pending_loads()
        self.reload()

    # -- what the page offers (each also reachable by a button or key)

    def selected_person(self) -> PersonRow | None:
        row = current_row(self.table)
        if row is None:
            return None
        return self.model.row_at(self.proxy.mapToSource(self.proxy.index(row, 0)).row())

    def select_person(self, person_id: int) -> bool:
        row = self.model.row_of(person_id)
        if row is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            return False
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.table.selectionModel().setCurrentIndex(index, flags)
        self.table.scrollTo(index)
        return True

    def clear_filters(self) -> None:
        self.filter_bar.clear()

    def add_person(self) -> PersonDialog | None:
        # Not a walk-in: check-in has its own walk-in form, which also checks the person in.
        ops = self.ops
        if ops is None:
            return None
        return self._open_person_dialog(PersonDialog(ops, self))

    def edit_person(self, person_id: int | None = None) -> PersonDialog | None:
        person = self._person(person_id)
        ops = self.ops
        if ops is None or person is None:
            return None
        return self._open_person_dialog(PersonDialog(ops, self, person_id=person.id))

    def confirm_erase(self, person_id: int | None = None) -> EraseDialog | None:
        person = self._person(person_id)
        if self.store is None or person is None:
            return None
        dialog = EraseDialog(person, self)
        dialog.confirmed.connect(self._on_erase_dialog_confirmed)
        return self._open(dialog)

    def erase_person(self, person_id: int) -> None:
        """Erase a person and every record of them, and leave no copy in the event file (the
        notice says so when it is done)."""
        ops = self.ops
        if ops is None:
            return
        ops.change("people.erase", lambda session: roster.erase_person(session, person_id),
                   done=self._on_person_erased, owner=self)

    def review_duplicates(self) -> None:
        """Read the likely duplicates and open the dialog that reviews them (``self.dialog``)."""
        ops = self.ops
        if ops is None:
            return
        # Read again rather than trusting the last refresh: someone may have been merged since.
        event_id = ops.event_id
        ops.query("people.duplicates", lambda session: roster.likely_duplicates(session, event_id),
                  done=self._on_duplicates_read, owner=self)

    def import_people(self, *, choose_file: bool = True) -> ImportDialog | None:
        """Open the import dialog; with ``choose_file`` it asks for the file straight away."""
        ops = self.ops
        if ops is None:
            return None
        # Imported on first use: the importer and its dialog would add a twentieth of a second
        # to every start-up.
        from mentordesk.ui.people.importing.import_dialog import ImportDialog

        dialog = ImportDialog(ops, self)
        dialog.imported.connect(self._on_import_dialog_imported)
        self._open(dialog)
        if choose_file:
            dialog.choose_file()
        return dialog

    def show_notice(self, text: str) -> None:
        self.notice_label.setText(text)
        self.notice_label.show()
        self.notice_timer.start()

    # -- slots

    def _on_filter_bar_query_changed(self, text: str) -> None:
        self.proxy.set_query(text)
        # The count and the empty state's words follow the filters even when no row comes or goes.
        self._update_view()

    def _on_filter_bar_submitted(self) -> None:
        # Enter in the filter goes to the list, on the first match, ready for Enter to edit it.
        if self.proxy.rowCount():
            self.table.setFocus(Qt.FocusReason.ShortcutFocusReason)
            if self.selected_person() is None:
                self.select_person(self.model.row_at(self.proxy.mapToSource(self.proxy.index(0, 0)).row()).id)

    def _on_filter_bar_role_changed(self, role: Role | None) -> None:
        self.proxy.set_role(role)
        self._update_view()

    def _on_filter_bar_arrival_changed(self, arrival: Arrival) -> None:
        self.proxy.set_arrival(arrival)
        self._update_view()

    def _on_proxy_rows_changed(self, *_args: object) -> None:
        self._update_view()

    def _on_table_choice_changed(self) -> None:
        self._update_buttons()

    def _on_table_double_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.edit_person(self.model.row_at(self.proxy.mapToSource(index).row()).id)

    def _on_import_button_clicked(self) -> None:
        self.import_people()

    def _on_add_button_clicked(self) -> None:
        self.add_person()

    def _on_edit_button_clicked(self) -> None:
        self.edit_person()

    def _on_erase_button_clicked(self) -> None:
        self.confirm_erase()

    def _on_duplicates_button_clicked(self) -> None:
        self.review_duplicates()

    def _on_empty_state_clear_clicked(self) -> None:
        self.clear_filters()

    def _on_person_dialog_saved(self, person_id: int) -> None:
        self._select_after_load = person_id
        self.reload_after_change()

    def _on_erase_dialog_confirmed(self, person_id: int) -> None:
        self.erase_person(person_id)

    def _on_person_erased(self, report: ErasureReport) -> None:
        store = self.store
        if store is not None:
            # Reads still running (or a change queued) would keep the old pages of the file in
            # use and stop the write-ahead log from being folded back.
            self.discard_pending_loads()
            self._tasks.wait_for_all()
            finish_changes(store)
            roster.finish_erasure(store)
        self.show_notice(_erasure_text(report))
        self.reload_after_change()

    def _on_duplicates_read(self, groups: list[DuplicateGroup]) -> None:
        ops = self.ops
        if ops is None:
            return
        dialog = MergeDialog(ops, groups, self)
        dialog.merged.connect(self._on_merge_dialog_merged)
        dialog.finished.connect(self._on_merge_dialog_finished)
        self._open(dialog)

    def _on_merge_dialog_merged(self, keep_id: int) -> None:
        self._select_after_load = keep_id
        self.reload_after_change()

    def _on_merge_dialog_finished(self, _result: int) -> None:
        self.reload_after_change()

    def _on_import_dialog_imported(self, summary: ImportSummary) -> None:
        self.show_notice(summary.describe() + ".")
        self.reload_after_change()

    def poll(self) -> None:
        self.reload()

    def _on_notice_timer_timeout(self) -> None:
        self._hide_notice()

    def _on_focus_filter_shortcut_activated(self) -> None:
        self.filter_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_edit.selectAll()

    # -- helpers

    def _person(self, person_id: int | None) -> PersonRow | None:
        if person_id is None:
            return self.selected_person()
        row = self.model.row_of(person_id)
        return self.model.row_at(row) if row is not None else None

    def _open(self, dialog: D) -> D:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _open_person_dialog(self, dialog: PersonDialog) -> PersonDialog:
        dialog.saved.connect(self._on_person_dialog_saved)
        self._open(dialog)
        return dialog

    def _show_snapshot(self, snapshot: roster.PeopleSnapshot) -> None:
        rows, duplicates = snapshot.people, snapshot.duplicates
        first_load = not self._loaded
        self._loaded = True
        selected = self.selected_person()
        self.model.set_rows(rows)
        self.duplicates = duplicates
        wanted = self._select_after_load or (selected.id if selected else None)
        self._select_after_load = None
        if (wanted is None or not self.select_person(wanted)) and first_load and self.proxy.rowCount():
            # Land on the first row so the keyboard can move through the table at once.
            self.table.selectionModel().setCurrentIndex(
                self.proxy.index(0, 0), QItemSelectionModel.SelectionFlag.NoUpdate
            )
        self._update_view()

    def _update_view(self) -> None:
        total = self.model.rowCount()
        shown = self.proxy.rowCount()
        if not self._loaded:
            self.count_label.setText("")
        elif self.proxy.is_filtered:
            self.count_label.setText(f"{shown} of {_plural(total, 'person', 'people')} shown")
        else:
            self.count_label.setText(f"{_plural(total, 'person', 'people')} · {self.model.arrived_count} arrived")
        if self._loaded and total == 0:
            self.empty_state.show_empty_event(EMPTY_EVENT_TEXT, EMPTY_EVENT_HINT)
            self.stack.setCurrentWidget(self.empty_state)
        elif self._loaded and shown == 0:
            self.empty_state.show_no_match(*self.filter_bar.no_match_text())
            self.stack.setCurrentWidget(self.empty_state)
        else:
            self.stack.setCurrentWidget(self.table)
        self.filter_bar.set_has_people(total > 0)
        event_is_empty = self._loaded and total == 0 and not self.proxy.is_filtered
        self.filter_bar.setVisible(not event_is_empty)
        self.actions_bar.setVisible(not event_is_empty)
        groups = len(self.duplicates)
        self.duplicates_button.setText(_plural(groups, "possible duplicate", "possible duplicates"))
        self.duplicates_button.setVisible(groups > 0)
        self._update_buttons()

    def _update_buttons(self) -> None:
        has_store = self.store is not None
        selected = self.selected_person() is not None
        self.import_button.setEnabled(has_store)
        self.add_button.setEnabled(has_store)
        self.edit_button.setEnabled(has_store and selected)
        self.erase_button.setEnabled(has_store and selected)

    def _hide_notice(self) -> None:
        self.notice_timer.stop()
        self.notice_label.hide()
        self.notice_label.setText("")


def _erasure_text(report: ErasureReport) -> str:
    if not report.records:
        return f"Erased {report.name}. No other record mentioned them."
    parts = [f"{count} {_singular(label) if count == 1 else label}" for label, count in report.records.items()]
    return f"Erased {report.name}, with {', '.join(parts)}. Nothing of theirs is left in the event file."


def _singular(label: str) -> str:
    """The service's plural labels ("check-in log entries", "goals") for a count of one."""
    if label.endswith("ies"):
        return label[:-3] + "y"
    return label[:-1] if label.endswith("s") else label
