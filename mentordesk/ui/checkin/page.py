"""The Check-in page: the desk where people are checked in as they arrive.

Everything starts in one input field that always has the keyboard focus. A scanner's burst (with
or without Enter), a typed badge code or e-mail address checks the person in at once; a name lists
the people it matches as it is typed, and Enter checks in the only match or the one chosen with
the arrow keys. The outcome stays on a large panel until the next input, with a short sound.

Every write is a change of the operations layer (``ui/operations.py``) on the event's one writer,
which runs them one after another in the order they were asked for (``scan_queue``): the field is
cleared for the next scan at once, and each scan's panel follows its commit ("checked in" is never
said before the entry is on disk), in the order of the scans. The name search while typing is a
query in the background whose answer is shown only if it still belongs to the text in the field
(``name_search``). Counts and the recent list are read in the background, after each change (the
change watcher) and, where other writers cannot be watched, every few seconds.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSignalBlocker, Qt, QTimer
from PySide6.QtGui import QFocusEvent, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from mentordesk.services.desk import DeskResult, Outcome
from mentordesk.services.desk_reads import Candidate, DeskSnapshot, NameMatches, desk_snapshot
from mentordesk.services.people import PersonRow, list_people
from mentordesk.settings import CHECKIN_SOUND, Settings
from mentordesk.ui.checkin import desk_actions
from mentordesk.ui.checkin.bulk_dialog import BulkCheckinDialog
from mentordesk.ui.checkin.candidates_view import CandidatesView
from mentordesk.ui.checkin.counts_strip import CountsStrip
from mentordesk.ui.checkin.desk_actions import BulkReport, Shown
from mentordesk.ui.checkin.kiosk import KioskWindow
from mentordesk.ui.checkin.name_search import NameSearch
from mentordesk.ui.checkin.recent_panel import RecentPanel
from mentordesk.ui.checkin.result_panel import ResultPanel, Tone
from mentordesk.ui.checkin.rotation_offer import RotationOffer
from mentordesk.ui.checkin.scan_queue import Answer, ScanQueue
from mentordesk.ui.checkin.station_edit import StationEdit
from mentordesk.ui.sound import SoundPlayer
from mentordesk.ui.tasks import TaskManager
from mentordesk.ui.widgets.badge_printer import BadgePrinter
from mentordesk.ui.widgets.empty_state import EmptyState
from mentordesk.ui.widgets.kiosk_base import KioskHost
from mentordesk.ui.widgets.naming import named
from mentordesk.ui.widgets.page import IMPORT_PEOPLE, Page
from mentordesk.ui.widgets.person_dialog import PersonDialog
from mentordesk.ui.widgets.scan_field import ScanField, reads_as_code_or_email
from mentordesk.ui.widgets.setting_changes import follow

#: What the desk shows while the event has nobody registered (title, sentence, button).
NOBODY_REGISTERED = ("Nobody registered yet", "Import your attendee list (or add people on the People page); "
                     "then scan badges or type names here.", "Import people…")
#: While the page is visible, counts and the recent list are re-read this often.
REFRESH_INTERVAL_MS = 3_000
#: With sound on, QtMultimedia is loaded this long after the page is first shown, not in the way of its paint.
SOUND_WARM_UP_MS = 800

#: The page's shortcuts (Ctrl+N and Ctrl+O are the main window's New and Open, hence the Shift).
#: Key sequences are made when needed: a standard key means nothing before the app exists.
KEYS: dict[str, str | QKeySequence.StandardKey] = {
    "undo": QKeySequence.StandardKey.Undo,
    "check_out": "Ctrl+Shift+O",
    "walk_in": "Ctrl+Shift+N",
    "bulk": "Ctrl+Shift+B",
    "kiosk": "Ctrl+Shift+K",
    "station": "F2",
    "print_badge": "Ctrl+Shift+P",
}
#: How the focus moves when the user moves it (not when Qt passes it on as a page appears).
KEYBOARD_FOCUS = (Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason)
USER_FOCUS = (*KEYBOARD_FOCUS, Qt.FocusReason.MouseFocusReason, Qt.FocusReason.ShortcutFocusReason)


def key_text(name: str) -> str:
    return QKeySequence(KEYS[name]).toString(QKeySequence.SequenceFormat.NativeText)


class CheckinPage(Page, KioskHost):
    key = "checkin"
    title = "Check-in"
    subtitle = "Welcome people at the desk as they arrive."
    scrollable = False
    refresh_interval_ms = REFRESH_INTERVAL_MS

    def __init__(self, tasks: TaskManager, parent: QWidget | None = None) -> None:
        super().__init__(tasks, parent)
        self.settings = Settings()
        self.sound = SoundPlayer(self.settings, self)
        #: The latest non-blocking dialog, so tests can find and answer it.
        self.dialog: QWidget | None = None
        self.kiosk: KioskWindow | None = None
        self._hidden_window: QWidget | None = None
        #: Who the panel shows (for check-out when nothing is selected in the recent list).
        self.shown: Shown | None = None
        self.badge_printer = BadgePrinter(tasks, self)
        self.scan_queue = ScanQueue(self)
        self._build()
        self.name_search = NameSearch(self.field, self)
        self.shortcuts = {
            name: QShortcut(QKeySequence(keys), self, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
            for name, keys in KEYS.items()
        }
        self._connect_signals()
        # After the page's own slots: it shows the answer, then the offer adds its button.
        self.rotation_offer = RotationOffer(self, self.scan_queue, self.result_panel)
        self._set_enabled(False)

    def _build(self) -> None:
        # The header shares its row with the station name, to leave the height to the desk.
        self.body.removeWidget(self.header)
        self.station_edit = StationEdit(self.settings)
        self.station_edit.setToolTip(f"This desk’s name, recorded with every check-in ({key_text('station')})")
        station_label = named(QLabel("Station"), "stationLabel")
        station_label.setBuddy(self.station_edit)
        self.sound_check = named(QCheckBox("Sound"), "soundCheck")
        self.sound_check.setChecked(self.sound.enabled)
        follow(CHECKIN_SOUND, self.settings, self.sound_check, self._on_sound_saved)  # switched in Preferences
        self.sound_check.setToolTip("Play a short sound after each check-in")
        top = QHBoxLayout()
        top.setSpacing(10)
        top.addWidget(self.header, 1)
        top.addWidget(station_label, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.station_edit, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.sound_check, 0, Qt.AlignmentFlag.AlignTop)
        self.body.addLayout(top)

        self.counts_strip = CountsStrip()
        self.walk_in_button = self._button(
            "Walk-in…", f"Add someone who is not registered, and check them in ({key_text('walk_in')})")
        self.bulk_button = self._button(
            "Paper list…", f"Check in people from a paper sign-in list, after the fact ({key_text('bulk')})")
        self.kiosk_button = self._button(
            "Kiosk mode…", f"Full-screen self check-in; only the PIN leaves it ({key_text('kiosk')})")
        actions = QHBoxLayout()
        actions.setSpacing(8)
        actions.addWidget(self.counts_strip)
        actions.addStretch(1)
        for button in (self.walk_in_button, self.bulk_button, self.kiosk_button):
            actions.addWidget(button, 0, Qt.AlignmentFlag.AlignBottom)
        self.body.addLayout(actions)

        self.field = ScanField()
        self.field.setObjectName("checkinField")
        self.field.setPlaceholderText("Scan a badge, or type a code, e-mail or name")
        self.field.setAccessibleName("Check in")
        self.field.setToolTip("Enter checks in · ↑ ↓ choose among names · Esc clears")
        self.keys_label = named(QLabel(
            f"Enter check in · ↑ ↓ choose · Esc clear · {key_text('undo')} undo · "
            f"{key_text('check_out')} check out · {key_text('station')} station"), "checkinKeys")
        self.keys_label.setWordWrap(True)
        field_box = QVBoxLayout()
        field_box.setSpacing(4)
        field_box.addWidget(self.field)
        field_box.addWidget(self.keys_label)
        self.body.addLayout(field_box)

        self.result_panel = ResultPanel()
        self.result_panel.print_badge_button.setToolTip(f"Print this person’s badge ({key_text('print_badge')})")
        self.candidates_view = CandidatesView()
        self.outcome_stack = named(QStackedWidget(), "outcomeStack")
        self.outcome_stack.addWidget(self.result_panel)
        self.outcome_stack.addWidget(self.candidates_view)
        # Nobody registered: the desk has no one to find; the next step is the attendee list.
        self.empty_state = EmptyState()
        self.empty_state.show_next_step(*NOBODY_REGISTERED)
        self.outcome_stack.addWidget(self.empty_state)

        self.recent = RecentPanel()
        self.recent.undo_button.setToolTip(
            f"Undo the last check-in or check-out made at this station ({key_text('undo')})")
        self.recent.check_out_button.setToolTip(
            f"Check out the person shown, or the one selected in the list ({key_text('check_out')})")

        desk = QHBoxLayout()
        desk.setSpacing(16)
        desk.addWidget(self.outcome_stack, 5)
        desk.addWidget(self.recent, 4)
        self.body.addLayout(desk, 1)

        # The field keeps the focus for the next scan, so the page's other controls never take it
        # from a click; Tab still reaches each of them, in reading order (the order they were made).
        self.station_edit.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.station_edit.installEventFilter(self)
        #: The station name is being edited (clicked, F2 or Tab), so the field leaves the focus to it.
        self.editing_station = False
        self.tab_stops: tuple[QWidget, ...] = (
            self.sound_check, self.walk_in_button, self.bulk_button, self.kiosk_button,
            self.result_panel.print_badge_button, self.empty_state.action_button, self.recent.table,
            self.recent.undo_button, self.recent.check_out_button)
        for widget in self.tab_stops:
            widget.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            widget.installEventFilter(self)

    def _button(self, text: str, tip: str) -> QPushButton:
        button = QPushButton(text)
        button.setToolTip(tip)
        return button

    def _connect_signals(self) -> None:
        self.field.textChanged.connect(self._on_field_text_changed)
        self.field.entered.connect(self._on_field_entered)
        self.field.settled.connect(self._on_field_settled)
        self.field.step_requested.connect(self._on_field_step_requested)
        self.field.escaped.connect(self._on_field_escaped)
        self.name_search.found.connect(self._on_name_search_found)
        self.scan_queue.answered.connect(self._on_scan_queue_answered)
        self.candidates_view.candidate_activated.connect(self._on_candidates_view_candidate_activated)
        self.station_edit.finished.connect(self._on_station_edit_finished)
        self.sound_check.toggled.connect(self._on_sound_check_toggled)
        self.walk_in_button.clicked.connect(self._on_walk_in_button_clicked)
        self.bulk_button.clicked.connect(self._on_bulk_button_clicked)
        self.kiosk_button.clicked.connect(self._on_kiosk_button_clicked)
        self.recent.undo_button.clicked.connect(self._on_undo_button_clicked)
        self.recent.check_out_button.clicked.connect(self._on_check_out_button_clicked)
        self.recent.selection_changed.connect(self._on_recent_selection_changed)
        self.result_panel.print_badge_button.clicked.connect(self._on_print_badge_button_clicked)
        self.empty_state.action_requested.connect(self._on_empty_state_action_requested)
        self.badge_printer.message.connect(self.result_panel.set_note)
        # A shortcut presses its button, so key and mouse always do the same thing.
        for name, button in (("undo", self.recent.undo_button), ("check_out", self.recent.check_out_button),
                             ("walk_in", self.walk_in_button), ("bulk", self.bulk_button),
                             ("kiosk", self.kiosk_button), ("print_badge", self.result_panel.print_badge_button)):
            self.shortcuts[name].activated.connect(button.click)
        self.shortcuts["station"].activated.connect(self._on_station_shortcut_activated)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._on_app_focus_changed)

    # -- Page

    def store_changed(self) -> None:
        self.name_search.forget()
        self.field.reset()
        self.shown = None
        self._update_target()
        self.recent.model.set_rows([])
        self.counts_strip.set_counts(None)
        self.result_panel.show_ready()
        self.outcome_stack.setCurrentWidget(self.result_panel)
        for window in (self.kiosk, self.dialog):
            # They work on the event that was open; the organiser closed or swapped it.
            if isinstance(window, KioskWindow):
                window.force_close()
            elif window is not None:
                window.close()
        self._set_enabled(self.store is not None)
        if self.store is not None and self.is_active:
            self.refresh()

    def activated(self) -> None:
        self.refresh()
        QTimer.singleShot(0, self, self.focus_field)
        QTimer.singleShot(SOUND_WARM_UP_MS, self.sound, self.sound.warm_up)

    # -- what the page offers (the slots and tests use these)

    @property
    def station(self) -> str:
        return self.station_edit.station

    def focus_field(self) -> None:
        if self.field.isEnabled() and self.isVisible() and not (self.editing_station and self.station_edit.hasFocus()):
            self.field.setFocus(Qt.FocusReason.OtherFocusReason)

    def refresh(self) -> None:
        """Re-read counts and the recent list in the background (again after a read under way)."""
        self.load("checkin.snapshot", desk_snapshot, self._on_snapshot_loaded)

    def submit(self, text: str, *, automatic: bool = False, by_hand: bool = False) -> None:
        """Check in whoever ``text`` names: Enter, or (``automatic``) a scan that stopped arriving.

        A code or e-mail entered with Enter leaves the field at once, ready for the next scan; a
        name, or input that stopped arriving (it may be a name being typed), stays until its
        outcome arrives."""
        ops = self.ops
        if ops is None or not text.strip():
            return
        if not automatic and reads_as_code_or_email(text):
            self.field.reset()
        self.scan_queue.scan(ops, text, self.station, automatic=automatic, by_hand=by_hand)

    def check_in_candidate(self, candidate: Candidate) -> None:
        ops = self.ops
        if ops is None:
            return
        self.scan_queue.choose(ops, candidate, self.station, raw=self.field.text().strip(), typed=self.field.text())

    def undo_last(self) -> None:
        ops = self.ops
        if ops is None:
            return
        self.field.reset()
        self.scan_queue.undo(ops, self.station)

    def check_out(self) -> None:
        ops = self.ops
        if ops is None:
            return
        target = self.recent.selected_line()
        if target is not None:
            person: tuple[int, str] | None = (target.person_id, target.name)
        else:
            person = (self.shown.person_id, self.shown.name) if self.shown and self.shown.person_id else None
        self.field.reset()
        if person is None:
            self._show(desk_actions.nobody_to_check_out())
            return
        self.scan_queue.check_out(ops, person, self.station)

    @property
    def writes_pending(self) -> int:
        """Check-ins (and other changes) asked for whose outcome is not on the panel yet."""
        return self.scan_queue.pending

    @property
    def search_settled(self) -> bool:
        """Whether the candidates listed are those of the text in the field (no search under way)."""
        listed = self.candidates_view.matches
        query = self.field.text().strip()
        return not self.name_search.searching and (not query or (listed is not None and listed.query == query))

    def start_kiosk(self) -> KioskWindow | None:
        """Open the self check-in kiosk (the PIN must be set); the desk hides until it is left."""
        if self.store is None:
            return None
        if self.kiosk is None:
            assert self.ops is not None
            self.kiosk = KioskWindow(self.ops, self.settings, self.sound)
            self.kiosk.finished.connect(self._on_kiosk_finished)
        # Behind the kiosk, the desk lists everybody's names. It is hidden before the kiosk is
        # shown: hiding the active window hands activation on, and the kiosk must be the last to get it.
        self._hide_behind_kiosk(self.window(), unless=self)
        self.kiosk.start()
        return self.kiosk

    # -- slots: the input field

    def _on_field_text_changed(self, text: str) -> None:
        ops = self.ops
        if not text.strip() or ops is None:
            self.outcome_stack.setCurrentWidget(self.result_panel)
            return
        self.name_search.search(ops)

    def _on_name_search_found(self, matches: NameMatches) -> None:
        self.candidates_view.set_matches(matches)
        if matches.candidates or not reads_as_code_or_email(matches.query):
            self.outcome_stack.setCurrentWidget(self.candidates_view)
        # else: a code or e-mail, looked up on Enter or in a moment; the last outcome stays till then.

    def _on_field_entered(self, text: str) -> None:
        listed = self.candidates_view.matches
        # A choice counts only in a list of the text as it stands (not one of a search still under way).
        current = (self.outcome_stack.currentWidget() is self.candidates_view and listed is not None
                   and listed.query == text.strip())
        chosen = self.candidates_view.current() if current else None
        if chosen is not None:
            self.check_in_candidate(chosen)
        elif text.strip():
            self.submit(text)

    def _on_field_settled(self, text: str, by_hand: bool) -> None:
        if self.candidates_view.current() is None:
            self.submit(text, automatic=True, by_hand=by_hand)

    def _on_field_step_requested(self, step: int) -> None:
        if self.outcome_stack.currentWidget() is self.candidates_view and self.candidates_view.count:
            self.candidates_view.step(step)
            return
        self.recent.step(step)

    def _on_field_escaped(self) -> None:
        self.recent.clear_selection()
        self.result_panel.show_ready()
        self.outcome_stack.setCurrentWidget(self.result_panel)

    def _on_candidates_view_candidate_activated(self, candidate: Candidate) -> None:
        self.check_in_candidate(candidate)

    # -- slots: station, sound

    def _on_station_edit_finished(self) -> None:
        self.editing_station = False
        # Enter: back to the field. Tab has already moved the focus on (and a click was answered
        # by the focus handler), so then it is left where it went.
        if self.window().focusWidget() in (self.station_edit, None):
            # Not focus_field(): it leaves the focus alone while the station edit still has it.
            self.field.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_station_shortcut_activated(self) -> None:
        self.station_edit.begin()

    def _on_sound_check_toggled(self, checked: bool) -> None:
        self.sound.set_enabled(checked)
        self.focus_field()

    def _on_sound_saved(self, on: bool) -> None:
        with QSignalBlocker(self.sound_check):
            self.sound_check.setChecked(on)

    # -- slots: actions

    def _on_undo_button_clicked(self) -> None:
        self.undo_last()

    def _on_check_out_button_clicked(self) -> None:
        self.check_out()

    def _on_walk_in_button_clicked(self) -> None:
        if self.store is None:
            return
        assert self.ops is not None
        dialog = PersonDialog(self.ops, self, walk_in=True)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        first, last = desk_actions.name_parts(self.field.text())
        dialog.first_name_edit.setText(first)
        dialog.last_name_edit.setText(last)
        dialog.saved.connect(self._on_person_dialog_saved)
        dialog.finished.connect(self._on_dialog_finished)
        self.dialog = dialog
        dialog.open()

    def _on_person_dialog_saved(self, person_id: int) -> None:
        ops = self.ops
        if ops is None:
            return
        self.field.reset()
        self.scan_queue.walk_in(ops, person_id, self.station)

    def _on_print_badge_button_clicked(self) -> None:
        # The shortcut also presses the button while hidden (after an error): not then.
        if self.store and self.shown and self.shown.person_id and not self.result_panel.print_badge_button.isHidden():
            self.badge_printer.print_badge(self.store, self.shown.person_id)

    def _on_bulk_button_clicked(self) -> None:
        self.load("checkin.people", list_people, self._on_people_loaded)

    def _on_people_loaded(self, rows: list[PersonRow]) -> None:
        if self.ops is None:
            return
        dialog = BulkCheckinDialog(self.ops, self.station, [row for row in rows if not row.checked_in], self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.checked_in.connect(self._on_bulk_dialog_checked_in)
        dialog.finished.connect(self._on_dialog_finished)
        self.dialog = dialog
        dialog.open()

    def _on_bulk_dialog_checked_in(self, report: BulkReport) -> None:
        self._show(desk_actions.shown_for_bulk(report, self.station))

    def _on_kiosk_button_clicked(self) -> None:
        if self.store is None:
            return
        self._start_kiosk_or_choose_pin()

    def _on_kiosk_finished(self) -> None:
        self._release_kiosk()
        self.refresh()
        self.focus_field()

    def _on_dialog_finished(self, _result: int) -> None:
        self.dialog = None
        self.focus_field()

    def _on_scan_queue_answered(self, answer: Answer) -> None:
        self._show(answer.shown, result=answer.result, typed=answer.typed, restore=answer.restore)

    # -- slots: the recent list, refreshing, focus

    def _on_recent_selection_changed(self) -> None:
        self._update_target()

    def poll(self) -> None:
        self.refresh()

    def _on_empty_state_action_requested(self) -> None:
        self.next_step_requested.emit(IMPORT_PEOPLE)

    def _on_snapshot_loaded(self, snapshot: DeskSnapshot) -> None:
        self.counts_strip.set_counts(snapshot.counts)
        current = self.outcome_stack.currentWidget()
        if not snapshot.counts.people:
            if current is self.result_panel and self.shown is None:
                self.outcome_stack.setCurrentWidget(self.empty_state)
        elif current is self.empty_state:
            self.outcome_stack.setCurrentWidget(self.result_panel)
        self.recent.model.set_rows(snapshot.recent)

    def _on_app_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        # A click anywhere else on the page gives the focus back to the field, so the next
        # scan is never typed into a button or a list. The tab stops decide for themselves (below).
        if (new is not None and new not in (self.field, self.station_edit) and new not in self.tab_stops
                and self.isAncestorOf(new)):
            QTimer.singleShot(0, self, self.focus_field)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.station_edit and event.type() == QEvent.Type.FocusIn and isinstance(event, QFocusEvent):
            # Given the focus by the user, not by Qt passing it on as the page appears.
            self.editing_station = event.reason() in USER_FOCUS
        elif watched in self.tab_stops:
            if event.type() == QEvent.Type.FocusIn and isinstance(event, QFocusEvent):
                # Reached with Tab or Shift+Tab: it keeps the focus; anything else hands it back.
                if event.reason() not in KEYBOARD_FOCUS:
                    QTimer.singleShot(0, self, self.focus_field)
            elif event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and _starts_a_scan(event):
                # A scan (or typing) while an action has the focus goes into the field, not into the button.
                self.field.setFocus(Qt.FocusReason.OtherFocusReason)
                QApplication.sendEvent(self.field, event.clone())
                return True
        return super().eventFilter(watched, event)

    # -- helpers

    def _show(self, shown: Shown, *, result: DeskResult | None = None, typed: str | None = None,
              restore: str = "") -> None:
        """Put ``shown`` on the panel. ``typed``: the input it answers, cleared from the field if it
        is still there; ``restore``: input that was not recorded, put back (selected, so the next
        scan replaces it and Enter tries it again) unless something new was typed meanwhile."""
        if result is not None and result.outcome is Outcome.CHOOSE:
            # Several people share the name: the list stays, waiting for a choice.
            if not self.field.text() and typed:
                self.field.setText(typed)
            self.candidates_view.set_headline(f"{shown.headline} {shown.note}")
            self.outcome_stack.setCurrentWidget(self.candidates_view)
            return
        self.result_panel.show_outcome(shown.tone, shown.headline, name=shown.name, details=shown.details,
                                       table=shown.table, note=shown.note,
                                       printable=shown.person_id is not None and shown.tone in (Tone.OK, Tone.WARN))
        if shown.cue is not None:
            self.sound.play(shown.cue)
        if shown.person_id is not None:
            self.shown = shown
            self.recent.clear_selection()
        if typed is not None and self.field.text() == typed:
            self.field.reset()
        if restore and not self.field.text():
            # Not a new input: the name search and the scanner's timing stay out of it.
            blocked = self.field.blockSignals(True)
            self.field.setText(restore)
            self.field.blockSignals(blocked)
            self.field.selectAll()
        self.outcome_stack.setCurrentWidget(self.result_panel)
        # Counts and the recent list follow the commit through the page's change watcher.
        self._update_target()
        self.focus_field()

    def _update_target(self) -> None:
        line = self.recent.selected_line()
        self.recent.set_target(line.name if line else self.shown.name if self.shown else "")

    def _set_enabled(self, enabled: bool) -> None:
        for widget in (self.field, self.station_edit, self.walk_in_button, self.bulk_button, self.kiosk_button,
                       self.recent.undo_button, self.recent.check_out_button):
            widget.setEnabled(enabled)


def _starts_a_scan(event: QKeyEvent) -> bool:
    """A key that types a character (not Space, which presses the button, nor a shortcut)."""
    text = event.text()
    plain = not event.modifiers() & ~(Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier)
    return plain and len(text) == 1 and text.isprintable() and not text.isspace()
