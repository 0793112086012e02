"""The Groups page: group programmes that meet over weeks — groups, sessions, attendance, goals.

Three tabs: *Groups* (the list, members formed by hand or automatically), *Sessions* (scheduling,
attendance, notes, across every group) and *Goals & history* (one person at a time). Reads go
through :meth:`Page.load`; changes go through the operations layer (``ui/operations.py``), each a
groups service call in one short transaction, then the tabs re-read what they show. The dialogs
get the page's :class:`Operations` and read and write through it the same way. Dialogs open
without blocking and the latest is kept in ``self.dialog`` so tests can drive it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

import shiboken6
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QLabel, QTabWidget, QWidget

from mentordesk.services.domain_error import DomainError
from mentordesk.ui.groups.add_people_dialog import AddPeopleDialog
from mentordesk.ui.groups.auto_form_dialog import AutoFormDialog
from mentordesk.ui.groups.goals_tab import GoalsTab
from mentordesk.ui.groups.group_dialog import GroupDialog
from mentordesk.ui.groups.groups_tab import GroupsTab
from mentordesk.ui.groups.sessions_tab import SessionsTab
from mentordesk.ui.tasks import TaskManager
from mentordesk.ui.widgets.group_labels import plural
from mentordesk.ui.widgets.naming import named
from mentordesk.ui.widgets.page import Page

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

T = TypeVar("T")
D = TypeVar("D", bound=QDialog)

#: While the page is visible it re-reads this often (attendance scanned at another station).
REFRESH_INTERVAL_MS = 10_000
NOTICE_MS = 15_000


class GroupsPage(Page):
    key = "groups"
    title = "Groups"
    subtitle = "Groups that meet over a term: sessions, attendance and goals."
    scrollable = False
    refresh_interval_ms = REFRESH_INTERVAL_MS

    def __init__(self, tasks: TaskManager, parent: QWidget | None = None) -> None:
        super().__init__(tasks, parent)
        #: The latest dialog opened from this page, so tests can find and drive it.
        self.dialog: QWidget | None = None
        self.notice_label = named(QLabel(""), "pageNotice")
        self.notice_label.setWordWrap(True)
        self.notice_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notice_label.hide()
        self.error_label = named(QLabel(""), "errorBanner")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.tabs = named(QTabWidget(), "groupsTabs")
        self.tabs.setDocumentMode(True)
        self.groups_tab = GroupsTab(self)
        self.sessions_tab = SessionsTab(self)
        self.goals_tab = GoalsTab(self)
        self.tabs.addTab(self.groups_tab, "&Groups")
        self.tabs.addTab(self.sessions_tab, "&Sessions")
        self.tabs.addTab(self.goals_tab, "G&oals && history")
        self.body.addWidget(self.notice_label)
        self.body.addWidget(self.error_label)
        self.body.addWidget(self.tabs, 1)
        self.notice_timer = QTimer(self)
        self.notice_timer.setSingleShot(True)
        self.notice_timer.setInterval(NOTICE_MS)
        # Ctrl+N is File ▸ New event, as on the People page.
        self.new_group_shortcut = QShortcut(QKeySequence("Ctrl+Shift+N"), self)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.sessions_tab.changed.connect(self._on_sessions_tab_changed)
        self.groups_tab.person_opened.connect(self._on_groups_tab_person_opened)
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)
        self.notice_timer.timeout.connect(self._on_notice_timer_timeout)
        self.new_group_shortcut.activated.connect(self._on_new_group_shortcut_activated)

    # -- Page

    def store_changed(self) -> None:
        self.hide_messages()
        for tab in (self.groups_tab, self.sessions_tab, self.goals_tab):
            tab.clear()
        if self.store is not None and self.is_active:
            self.reload()

    def activated(self) -> None:
        self.reload()

    def reload(self) -> None:
        """Re-read the visible tab (the others are read when they are shown)."""
        tab = self.tabs.currentWidget()
        if isinstance(tab, (GroupsTab, SessionsTab, GoalsTab)):
            tab.reload()

    # -- writing

    def change(self, label: str, work: Callable[[Session], T], then: Callable[[T], None] | None = None) -> bool:
        """Write ``work`` through the operations layer; ``then(result)`` once it is committed.

        A rule it breaks is said above the tabs. False (and nothing done) while no event is open.
        """
        ops = self.ops
        if ops is None:
            return False

        def done(result: T) -> None:
            self.error_label.hide()
            if then is not None:
                then(result)

        ops.change(label, work, done=done, refused=self._on_change_refused, owner=self)
        return True

    def show_notice(self, text: str) -> None:
        self.error_label.hide()
        self.notice_label.setText(text)
        self.notice_label.show()
        self.notice_timer.start()

    def show_error(self, text: str) -> None:
        self.notice_label.hide()
        self.error_label.setText(text)
        self.error_label.show()

    def hide_messages(self) -> None:
        self.notice_timer.stop()
        self.notice_label.hide()
        self.error_label.hide()

    def show_groups_tab(self) -> None:
        self.tabs.setCurrentWidget(self.groups_tab)

    def ask_next_step(self, step: str) -> None:
        self.next_step_requested.emit(step)

    # -- dialogs (each also reachable by a button or key)

    def open_group_dialog(self, group_id: int | None) -> GroupDialog | None:
        ops = self.ops
        if ops is None:
            return None
        dialog = GroupDialog(ops, self, group_id=group_id)
        dialog.saved.connect(self._on_group_dialog_saved)
        return self._open(dialog)

    def open_auto_form(self) -> AutoFormDialog | None:
        ops = self.ops
        if ops is None:
            return None
        dialog = AutoFormDialog(ops, self)
        dialog.accepted_groups.connect(self._on_auto_form_dialog_accepted_groups)
        return self._open(dialog)

    def open_add_people(self, group_id: int) -> AddPeopleDialog | None:
        ops = self.ops
        if ops is None:
            return None
        dialog = AddPeopleDialog(ops, group_id, self)
        dialog.added.connect(self._on_add_people_dialog_added)
        return self._open(dialog)

    def open(self, dialog: D) -> D:
        """Show a dialog of a tab without blocking, and remember it."""
        return self._open(dialog)

    def _open(self, dialog: D) -> D:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()
        return dialog

    def refresh_all(self) -> None:
        """Re-read every tab after a change (reads under way may predate it)."""
        self.discard_pending_loads()
        self.reload()

    # -- slots

    def _on_groups_tab_person_opened(self, person_id: int) -> None:
        self.goals_tab.show_person(person_id)
        self.tabs.setCurrentWidget(self.goals_tab)

    def _on_sessions_tab_changed(self) -> None:
        self.refresh_all()

    def _on_tabs_current_changed(self, _index: int) -> None:
        if self.store is not None:
            self.reload()

    def poll(self) -> None:
        # Modal work (a dialog) is left alone; the tabs keep their selection through a refresh.
        dialog = self.dialog
        if dialog is None or not shiboken6.isValid(dialog) or not dialog.isVisible():
            self.reload()

    def _on_change_refused(self, error: DomainError) -> None:
        self.show_error(str(error))

    def _on_notice_timer_timeout(self) -> None:
        self.notice_label.hide()

    def _on_new_group_shortcut_activated(self) -> None:
        self.tabs.setCurrentWidget(self.groups_tab)
        self.open_group_dialog(None)

    def _on_group_dialog_saved(self, group_id: int) -> None:
        self.groups_tab.select_after_load(group_id)
        self.refresh_all()

    def _on_auto_form_dialog_accepted_groups(self, group_ids: tuple[int, ...]) -> None:
        self.show_notice(f"Created {plural(len(group_ids), 'group', 'groups')}. Schedule their sessions on the "
                         "Sessions tab.")
        if group_ids:
            self.groups_tab.select_after_load(group_ids[0])
        self.refresh_all()

    def _on_add_people_dialog_added(self, count: int) -> None:
        self.show_notice(f"Added {plural(count, 'person', 'people')}.")
        self.refresh_all()
