"""The Flash rounds page: plan the rotation, run the rounds, show them on a projector.

Tabs: **Plan** (set-up, figures, the master grid, hand swaps and the re-plan actions), **Run**
(the round clock with its buttons and keys, chimes, the projector), **Tables & people** (a
mentor's table across all rounds, anyone's itinerary) and, when that panel is installed,
**Feedback**. Everything is read as one ``FlashSnapshot`` in the background and rebuilt after
each change, so every view follows a re-plan. Every read and write goes through the operations
layer (``Page.ops``): planning and re-planning are changes on the event's writer (a large event
takes a moment; a ``PlanError`` is said above the tabs or in the dialog); the clock lives in
``ClockDriver``, derived from the event file.
"""

from __future__ import annotations

import importlib.util
import logging
from collections.abc import Callable
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSignalBlocker, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTabWidget, QWidget

from mentordesk.models import ClockPhase, ClockState, Role
from mentordesk.services.domain_error import DomainError
from mentordesk.services.flash import PlanResult, arrivals, live
from mentordesk.services.flash.clock_face import Chime, ChimeKind, ClockView
from mentordesk.services.flash.views import (
    FlashSnapshot,
    board,
    board_round,
    flash_snapshot,
    readable,
)
from mentordesk.services.namesakes import search_telling_apart
from mentordesk.services.people import PersonRow, list_people
from mentordesk.settings import FLASH_CHIMES, FLASH_WARN_SECONDS, STATION_NAME, Settings
from mentordesk.ui.flash.clock_driver import ClockDriver
from mentordesk.ui.flash.console_panel import ConsolePanel
from mentordesk.ui.flash.dialogs import BreakDialog, PersonDialog, SwapDialog
from mentordesk.ui.flash.end_dialog import EndDialog
from mentordesk.ui.flash.lookup_panel import LookupPanel
from mentordesk.ui.flash.projector import ProjectorWindow
from mentordesk.ui.flash.setup_panel import SetupPanel
from mentordesk.ui.operations import Failure
from mentordesk.ui.sound import Cue, SoundPlayer
from mentordesk.ui.tasks import TaskManager
from mentordesk.ui.widgets.naming import named
from mentordesk.ui.widgets.page import Page
from mentordesk.ui.widgets.setting_changes import follow

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from mentordesk.ui.flash.feedback_panel import FeedbackPanel

log = logging.getLogger(__name__)

#: While the page is shown, arrivals at other stations show up in the counts this often.
REFRESH_INTERVAL_MS = 5_000
#: How long a notice ("Planned: …") stays above the tabs, so that in a small window it does not
#: keep the grid's room for good.
NOTICE_MS = 30_000
#: The page's keys (the console's own are in console_panel.ACTIONS).
KEYS = {"plan": "Ctrl+Return", "arrival": "Ctrl+Shift+A", "departure": "Ctrl+Shift+D", "break": "Ctrl+Shift+B",
        "swap": "S"}
CHIMES = {ChimeKind.ONE_MINUTE_LEFT: Cue.ONE_MINUTE_LEFT, ChimeKind.PHASE_END: Cue.PHASE_END}


def _feedback_panel_class() -> type[FeedbackPanel] | None:
    """The feedback panel, built separately; the rounds must run even if it cannot be loaded."""
    if importlib.util.find_spec("mentordesk.ui.flash.feedback_panel") is None:
        return None
    try:
        from mentordesk.ui.flash.feedback_panel import FeedbackPanel
    except ImportError:
        log.warning("the feedback panel could not be loaded; the Feedback tab is left out", exc_info=True)
        return None
    return FeedbackPanel


class FlashPage(Page):
    key = "flash"
    title = "Flash rounds"
    subtitle = "Plan timed speed-mentoring rounds for the people who actually arrived, and run them."
    scrollable = False
    refresh_interval_ms = REFRESH_INTERVAL_MS

    def __init__(self, tasks: TaskManager, parent: QWidget | None = None) -> None:
        super().__init__(tasks, parent)
        self.settings = Settings()
        self.sound = SoundPlayer(self.settings, self, switch=FLASH_CHIMES)
        self.snapshot: FlashSnapshot | None = None
        self.driver = ClockDriver(self)
        self.driver.warn_at_ms = self.settings.get(FLASH_WARN_SECONDS) * 1000
        self.projector: ProjectorWindow | None = None
        #: The latest dialog opened from this page, so tests can find and drive it.
        self.dialog: QDialog | None = None
        self.notice = ""
        self._stale = False
        self._board_cache: tuple[int, Any] | None = None

        self.tabs = named(QTabWidget(), "flashTabs")
        self.setup_panel = SetupPanel()
        self.console = ConsolePanel()
        self.lookup = LookupPanel()
        self.tabs.addTab(self.setup_panel, "&Plan")
        self.tabs.addTab(self.console, "R&un")
        self.tabs.addTab(self.lookup, "&Tables && people")
        panel_class = _feedback_panel_class()
        self.feedback: FeedbackPanel | None = panel_class() if panel_class is not None else None
        if self.feedback is not None:
            self.tabs.addTab(self.feedback, "&Feedback")
            self.feedback.grid.plan_requested.connect(self._on_plan_tab_requested)
        self.lookup.plan_requested.connect(self._on_plan_tab_requested)
        self.notice_label = named(QLabel(""), "pageNotice")
        self.notice_label.setWordWrap(True)
        self.notice_label.hide()
        self.body.addWidget(self.notice_label)
        self.body.addWidget(self.tabs, 1)

        self.console.chimes_check.setChecked(self.sound.enabled)
        self.console.warn_spin.setValue(self.settings.get(FLASH_WARN_SECONDS))
        # Changed in Preferences while the console is open: the console and the clock follow.
        follow(FLASH_WARN_SECONDS, self.settings, self, self._on_warn_seconds_saved)
        follow(FLASH_CHIMES, self.settings, self, self._on_chimes_saved)
        self.notice_timer = QTimer(self)
        self.notice_timer.setSingleShot(True)
        self.notice_timer.setInterval(NOTICE_MS)
        self.undo_end_timer = QTimer(self)
        self.undo_end_timer.setSingleShot(True)
        # Scoped to the Plan tab: Ctrl+Enter typed in the feedback grid must never re-plan.
        self.shortcuts = {name: QShortcut(QKeySequence(key), self.setup_panel,
                                          context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
                          for name, key in KEYS.items() if name != "swap"}
        self.swap_shortcut = QShortcut(QKeySequence(KEYS["swap"]), self.setup_panel.grid,
                                       context=Qt.ShortcutContext.WidgetShortcut)
        self._connect_signals()
        self.setup_panel.show_snapshot(None)

    def _connect_signals(self) -> None:
        self.setup_panel.plan_requested.connect(self._on_setup_panel_plan_requested)
        self.setup_panel.checkin_requested.connect(self._on_setup_panel_checkin_requested)
        self.setup_panel.swap_requested.connect(self._on_setup_panel_swap_requested)
        self.setup_panel.arrival_requested.connect(self._on_setup_panel_arrival_requested)
        self.setup_panel.departure_requested.connect(self._on_setup_panel_departure_requested)
        self.setup_panel.break_requested.connect(self._on_setup_panel_break_requested)
        self.setup_panel.add_arrivals_requested.connect(self._on_setup_panel_add_arrivals_requested)
        self.lookup.search_requested.connect(self._on_lookup_search_requested)
        self.console.action_requested.connect(self._on_console_action_requested)
        self.console.chimes_toggled.connect(self._on_console_chimes_toggled)
        self.console.warning_changed.connect(self._on_console_warning_changed)
        self.driver.view_changed.connect(self._on_driver_view_changed)
        self.driver.chimed.connect(self._on_driver_chimed)
        self.driver.refused.connect(self._on_driver_refused)
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)
        self.notice_timer.timeout.connect(self._on_notice_timer_timeout)
        self.undo_end_timer.timeout.connect(self._on_undo_end_timer_timeout)
        self.shortcuts["plan"].activated.connect(self.setup_panel.plan_button.click)
        self.shortcuts["arrival"].activated.connect(self.setup_panel.arrival_button.click)
        self.shortcuts["departure"].activated.connect(self.setup_panel.departure_button.click)
        self.shortcuts["break"].activated.connect(self.setup_panel.break_button.click)
        self.swap_shortcut.activated.connect(self.setup_panel.swap_button.click)

    # -- Page

    def store_changed(self) -> None:
        self.snapshot = None
        self._board_cache = None
        self.setup_panel.show_snapshot(None)
        self.lookup.person_id = None
        self.lookup.show_snapshot(None)
        self.driver.attach(None, None)
        self.console.show_view(None)
        self._show_notice("")
        if self.dialog is not None:
            self.dialog.close()
        if self.projector is not None:
            self.projector.close()
        if self.feedback is not None:
            self.feedback.set_ops(self.ops)
        if self.store is not None:
            # Read at once even when hidden: a session that was running before a crash goes on
            # (its chimes, the projector) whatever page the app opens on.
            self.refresh()

    def activated(self) -> None:
        self.refresh()

    # -- what the page offers

    def refresh(self) -> None:
        if not self.load("flash.snapshot", flash_snapshot, self._on_snapshot_loaded) and self.store is not None:
            self._stale = True

    def plan(self, setup: live.SessionSetup) -> None:
        """Plan the people checked in now, in the background (a big event takes a moment)."""
        ops = self.ops
        if ops is None:
            return
        self.setup_panel.set_busy(True, "Planning…")
        event_id = ops.event_id
        ops.change("flash.plan", lambda session: live.plan_session(session, event_id, setup),
                   done=self._on_plan_done, refused=self._on_plan_refused, failed=self._on_work_failed, owner=self)

    def open_projector(self) -> ProjectorWindow:
        if self.projector is None:
            # Owned by the page (a window of its own all the same), so it closes with the app.
            self.projector = ProjectorWindow(self)
            self.projector.closed.connect(self._on_projector_closed)
        name = self.console.chosen_screen_name()
        screen = next((s for s in QGuiApplication.screens() if s.name() == name), None)
        self.projector.show_on(screen)
        self._update_projector(self.driver.current())
        # The laptop stays in charge: the keys keep working in the console.
        self.window().activateWindow()
        self.console.setFocus()
        return self.projector

    # -- slots: data

    def _on_snapshot_loaded(self, snapshot: FlashSnapshot) -> None:
        self.snapshot = snapshot
        self._board_cache = None
        self.setup_panel.show_snapshot(snapshot)
        self.lookup.show_snapshot(snapshot)
        self.driver.attach(self.ops, snapshot.info.id if snapshot.info else None)
        if snapshot.info is None:
            self.console.show_view(None)
        if self.feedback is not None and self.tabs.currentWidget() is self.feedback:
            self.feedback.refresh()
        if self._stale:
            self._stale = False
            self.refresh()

    def poll(self) -> None:
        self.refresh()

    def _on_plan_done(self, planned: live.Planned) -> None:
        stats = planned.result.stats
        warnings = " ".join(stats.warnings)
        self._show_notice(f"Planned: {stats.describe()}. {planned.result.explanation} {warnings}".strip())
        self.discard_pending_loads()
        self.refresh()

    def _on_plan_refused(self, error: DomainError) -> None:
        self._show_notice(f"Not possible: {error}", error=True)

    def _on_work_failed(self, _failure: Failure) -> None:
        # Refused (said above), or not written (the banner or the error report said why).
        self.setup_panel.set_busy(False)
        self._reread()

    # -- slots: the plan tab

    def _on_plan_tab_requested(self) -> None:
        self.tabs.setCurrentWidget(self.setup_panel)

    def _on_setup_panel_checkin_requested(self) -> None:
        self.next_step_requested.emit("checkin")

    def _on_setup_panel_plan_requested(self, setup: live.SessionSetup) -> None:
        self.plan(setup)

    def _on_setup_panel_swap_requested(self, round_number: int, ids: tuple[int, ...]) -> None:
        if self.snapshot is None or self.snapshot.plan is None:
            return
        dialog = SwapDialog(self.snapshot, round_number, ids[0] if ids else None, self)
        dialog.chosen.connect(self._on_swap_dialog_chosen)
        self._open(dialog)

    def _on_swap_dialog_chosen(self, round_number: int, first: int, second: int) -> None:
        ops, snapshot, dialog = self.ops, self.snapshot, self.dialog
        if ops is None or snapshot is None or snapshot.info is None or not isinstance(dialog, SwapDialog):
            return
        flash_id = snapshot.info.id
        ok_button = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok_button.setEnabled(False)

        def refuse(reasons: list[str]) -> None:
            if self.dialog is dialog:
                dialog.show_refusal([readable(r, snapshot) for r in reasons])
                ok_button.setEnabled(True)

        def done(reasons: list[str]) -> None:
            if reasons:
                refuse(reasons)
                return
            if self.dialog is dialog:
                dialog.accept()
            self._show_notice(f"Swapped {snapshot.name(first)} and {snapshot.name(second)} in round {round_number}.")
            self._reread()

        def failed(_failure: Failure) -> None:
            if self.dialog is dialog:
                ok_button.setEnabled(True)

        ops.change("flash.swap", lambda session: live.swap_saved(session, flash_id, round_number, first, second),
                   done=done, refused=lambda error: refuse([str(error)]), failed=failed, owner=self)

    def _on_setup_panel_arrival_requested(self) -> None:
        ops = self.ops
        if ops is None:
            return
        event_id = ops.event_id
        ops.query("flash.people", lambda session: list_people(session, event_id), done=self._on_people_loaded,
                  owner=self)

    def _on_people_loaded(self, rows: list[PersonRow]) -> None:
        choices = [(r.id, f"{r.full_name} ({r.role.value})") for r in rows
                   if not r.checked_in and r.role in (Role.MENTOR, Role.MENTEE)]
        dialog = PersonDialog("Late arrival", "Who arrived?", choices, self, empty="Everybody is checked in.",
                              action="&Add to the rounds")
        dialog.chosen.connect(self._on_arrival_dialog_chosen)
        self._open(dialog)

    def _on_arrival_dialog_chosen(self, person_id: int) -> None:
        self._replan(lambda session, fid: live.mark_arrival(session, fid, person_id, station=self._station()),
                     "Arrival recorded")

    def _on_setup_panel_departure_requested(self) -> None:
        snapshot = self.snapshot
        if snapshot is None or snapshot.plan is None or snapshot.info is None:
            return
        ahead = snapshot.plan.rounds[snapshot.info.started:]
        ids = {t.mentor for r in ahead for t in r.tables} | {m for r in ahead for m in r.mentees}
        choices = sorted(((pid, f"{snapshot.name(pid)} ({snapshot.people[pid].role.value})") for pid in ids
                          if pid in snapshot.people), key=lambda item: item[1].casefold())
        dialog = PersonDialog("Departure", "Who left?", choices, self, empty="Nobody has rounds still to come.",
                              action="&Take out of the rounds")
        dialog.chosen.connect(self._on_departure_dialog_chosen)
        self._open(dialog)

    def _on_departure_dialog_chosen(self, person_id: int) -> None:
        self._replan(lambda session, fid: live.mark_departure(session, fid, person_id, station=self._station()),
                     "Departure recorded")

    def _on_setup_panel_break_requested(self) -> None:
        if self.snapshot is None or self.snapshot.plan is None:
            return
        dialog = BreakDialog(self.snapshot, self)
        dialog.chosen.connect(self._on_break_dialog_chosen)
        self._open(dialog)

    def _on_setup_panel_add_arrivals_requested(self) -> None:
        ops = self.ops
        if ops is None:
            return
        event_id = ops.event_id
        self._replan(lambda session, _fid: arrivals.add_arrivals(session, event_id), "Late arrivals added")

    def _on_break_dialog_chosen(self, mentor: int, rounds: tuple[int, ...]) -> None:
        self._replan(lambda session, fid: live.add_mentor_break(session, fid, mentor, rounds), "Break planned")

    # -- slots: the console

    def _on_console_action_requested(self, action: str) -> None:
        actions: dict[str, Callable[[], object]] = {
            "start": self.driver.start, "pause": self.driver.toggle_pause, "add_minute": self.driver.add_minute,
            "skip": self.driver.skip, "end": self._confirm_end, "undo_end": self.driver.undo_end,
            "projector": self.open_projector,
        }
        actions[action]()
        if action in ("start", "skip", "undo_end"):
            # Rounds that started can no longer be swapped or re-planned: the grid says so.
            self._reread()

    def _confirm_end(self) -> None:
        """End asks first, naming what stops (``EndDialog``); the rounds end only on its confirmation."""
        view = self.driver.current()
        if view is None or view.state not in (ClockState.RUNNING, ClockState.PAUSED):
            return
        dialog = EndDialog(view, self)
        dialog.confirmed.connect(self._on_end_dialog_confirmed)
        self._open(dialog)

    def _on_end_dialog_confirmed(self) -> None:
        self.driver.end()
        self._reread()
        self.console.setFocus()

    def _on_console_chimes_toggled(self, on: bool) -> None:
        self.sound.set_enabled(on)

    def _on_console_warning_changed(self, warn_at_ms: int) -> None:
        self.settings.set(FLASH_WARN_SECONDS, warn_at_ms // 1000)
        self.driver.set_warning(warn_at_ms)

    def _on_warn_seconds_saved(self, seconds: int) -> None:
        if self.console.warn_spin.value() != seconds:
            with QSignalBlocker(self.console.warn_spin):
                self.console.warn_spin.setValue(seconds)
            self.driver.set_warning(seconds * 1000)

    def _on_chimes_saved(self, on: bool) -> None:
        with QSignalBlocker(self.console.chimes_check):
            self.console.chimes_check.setChecked(on)

    def _on_driver_view_changed(self, view: ClockView) -> None:
        note = ""
        ended = view.finished_at or self.driver.ended_unseen_at
        if view.can_undo_end and view.undo_end_until is not None:
            until = view.undo_end_until.astimezone().strftime("%H:%M:%S")
            note = f"Ended with End. Undo end (Ctrl+Z) brings the rounds back where they were, until {until}."
            # The clock no longer ticks once finished: look again when the offer runs out.
            self.undo_end_timer.start(max(0, (view.undo_end_until - view.now) // timedelta(milliseconds=1)) + 50)
        elif view.finished and ended is not None:
            note = f"The last round ended at {ended.astimezone().strftime('%H:%M:%S')}, while the app was closed."
        elif view.running:
            # What the facilitator announces: when this phase is over (it moves with pauses and +1 minute).
            until = (view.now + timedelta(milliseconds=view.remaining_ms)).astimezone().strftime("%H:%M:%S")
            what = "The changeover" if view.phase is ClockPhase.CHANGEOVER else f"Round {view.round_number}"
            note = f"{what} ends at {until}."
        self.console.show_view(view, planned=self.snapshot is not None and self.snapshot.plan is not None, note=note)
        self._update_projector(view)

    def _on_driver_chimed(self, chime: Chime) -> None:
        self.sound.play(CHIMES[chime.kind])

    def _on_driver_refused(self, message: str) -> None:
        self._show_notice(f"The clock says: {message}.", error=True)

    def _on_lookup_search_requested(self, text: str) -> None:
        ops = self.ops
        if ops is None:
            return
        event_id = ops.event_id
        ops.query("flash.lookup.search", lambda session: search_telling_apart(session, event_id, text, limit=200),
                  done=lambda found: self.lookup.show_matches(text, *found), owner=self)

    def _on_projector_closed(self) -> None:
        if self.projector is not None:
            self.projector.deleteLater()
            self.projector = None

    def _on_tabs_current_changed(self, _index: int) -> None:
        current = self.tabs.currentWidget()
        if current is self.console:
            self.console.refresh_screens()
            self.console.setFocus()
        elif current is self.feedback and self.feedback is not None:
            self.feedback.refresh()

    # -- helpers

    def _update_projector(self, view: ClockView | None) -> None:
        if self.projector is None or self.snapshot is None:
            return
        shown = None
        if view is not None:
            number = board_round(view.state, view.phase, view.round_number, view.round_count)
            if self._board_cache is None or self._board_cache[0] != number:
                # Waiting spots come with the snapshot (stored with the plan), so they survive restarts.
                self._board_cache = (number, board(self.snapshot, number))
            shown = self._board_cache[1]
        self.projector.set_state(view, self.snapshot.event_name, shown)

    def _replan(self, action: Callable[[Session, int], PlanResult], done: str) -> None:
        ops, snapshot = self.ops, self.snapshot
        if ops is None or snapshot is None or snapshot.info is None:
            return
        flash_id = snapshot.info.id
        if self.dialog is not None:
            self.dialog.accept()

        def finished(result: PlanResult) -> None:
            self._show_notice(f"{done}; the rounds to come are re-planned: {result.stats.describe()}.")
            self._reread()

        ops.change("flash.replan", lambda session: action(session, flash_id), done=finished,
                   refused=self._on_plan_refused, failed=self._on_work_failed, owner=self)

    def _reread(self) -> None:
        self.discard_pending_loads()
        self.refresh()

    def _station(self) -> str:
        return self.settings.get(STATION_NAME)

    def _open(self, dialog: QDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self._on_dialog_finished)
        self.dialog = dialog
        dialog.open()

    def _on_dialog_finished(self, _result: int) -> None:
        self.dialog = None

    def _show_notice(self, text: str, *, error: bool = False) -> None:
        self.notice = text
        name = "errorBanner" if error else "pageNotice"
        if self.notice_label.objectName() != name:
            self.notice_label.setObjectName(name)
            self.notice_label.style().unpolish(self.notice_label)
            self.notice_label.style().polish(self.notice_label)
        self.notice_label.setText(text)
        self.notice_label.setVisible(bool(text))
        if text:
            self.notice_timer.start()

    def _on_notice_timer_timeout(self) -> None:
        self.notice_label.hide()

    def _on_undo_end_timer_timeout(self) -> None:
        view = self.driver.current()
        if view is not None:
            self._on_driver_view_changed(view)
