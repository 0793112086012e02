"""The "Plan" tab of the Flash rounds page: the set-up, the plan's figures and its master grid.

The panel only shows and asks; the page does the work (through services) and feeds the panel a
fresh ``FlashSnapshot`` afterwards. Its signals say what the facilitator asked for.
"""

from __future__ import annotations

import html
import re

from PySide6.QtCore import QModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mentordesk.models import ClockState, PlanMode
from mentordesk.services.flash.durations import parse_seconds, seconds_text
from mentordesk.services.flash.live import SessionSetup
from mentordesk.services.flash.saved_plan import CHANGEOVER_SECONDS_RANGE
from mentordesk.services.flash.seat_options import seat_advice
from mentordesk.services.flash.views import FlashSnapshot, grid_rows, readable
from mentordesk.ui.itemmodels.flash_grid_model import IDS_ROLE, FlashGridModel
from mentordesk.ui.widgets.empty_state import EmptyState
from mentordesk.ui.widgets.naming import named

MODE_LABELS = {
    PlanMode.MATCH: "Match — most meetings, requests honoured",
    PlanMode.ROTATE: "Rotate — everyone moves one table on",
}

GRID_COLUMN_WIDTH = 170
NO_PEOPLE_TEXT = "Nobody checked in yet"
NO_PEOPLE_HINT = "The rounds are planned for the people who actually came: check in at least one mentor and one mentee."
NO_PEOPLE_ACTION = "Go to Check-in"
NO_PLAN_TEXT = "No plan yet"
NO_PLAN_HINT = "Choose the rounds, minutes and seats above, then plan the rounds (Ctrl+Enter)."
NO_PLAN_ACTION = "Plan rounds"
CHANGEOVER_STEP_SECONDS = 15


class SecondsSpinBox(QSpinBox):
    """A duration in seconds shown as "1 min 30 s"; typing "90", "1:30" or "1.5 min" works too."""

    def textFromValue(self, value: int) -> str:
        return seconds_text(value)

    def valueFromText(self, text: str) -> int:
        found = parse_seconds(text)
        return self.value() if found is None else found

    def sizeHint(self) -> QSize:
        # Qt sizes a spin box by the texts of its minimum and maximum ("none", "60 min"); the
        # widest text lies in between ("59 min 59 s").
        hint = super().sizeHint()
        metrics = self.fontMetrics()
        room = hint.width() - max(metrics.horizontalAdvance(seconds_text(v)) for v in (self.minimum(), self.maximum()))
        widest = metrics.horizontalAdvance(seconds_text(min(self.maximum(), 3599)))
        return QSize(max(hint.width(), widest + room), hint.height())

    def minimumSizeHint(self) -> QSize:
        return QSize(self.sizeHint().width(), super().minimumSizeHint().height())

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        found = parse_seconds(text)
        if found is None:
            return QValidator.State.Intermediate, text, pos
        if not self.minimum() <= found <= self.maximum():
            return QValidator.State.Intermediate, text, pos
        return QValidator.State.Acceptable, text, pos


class SetupPanel(QWidget):
    plan_requested = Signal(object)  # SessionSetup
    swap_requested = Signal(int, tuple)  # round number, mentee ids of the selected cell
    arrival_requested = Signal()
    departure_requested = Signal()
    break_requested = Signal()
    add_arrivals_requested = Signal()
    #: The empty plan's button: nobody is checked in, so the next step is the Check-in page.
    checkin_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.snapshot: FlashSnapshot | None = None
        self._build()
        self._connect_signals()

    def _spin(self, low: int, high: int, value: int, suffix: str, tip: str) -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(low, high)
        spin.setValue(value)
        spin.setSuffix(suffix)
        spin.setToolTip(tip)
        spin.setAccessibleName(tip)
        return spin

    def _build(self) -> None:
        self.rounds_spin = self._spin(1, 100, 6, "", "Number of rounds")
        self.minutes_spin = self._spin(1, 240, 7, " min", "Minutes per round")
        self.changeover_spin = SecondsSpinBox()
        self.changeover_spin.setRange(*CHANGEOVER_SECONDS_RANGE)
        self.changeover_spin.setSingleStep(CHANGEOVER_STEP_SECONDS)
        self.changeover_spin.setValue(60)
        self.changeover_spin.setSpecialValueText("none")
        tip = "Changeover between rounds, in steps of 15 seconds (type 90, 1:30 or 1 min 30 s)"
        self.changeover_spin.setToolTip(tip)
        self.changeover_spin.setAccessibleName("Changeover between rounds, in seconds")
        self.seats_spin = self._spin(1, 3, 1, "", "Mentees per table (1 to 3)")
        self.mode_combo = QComboBox()
        for mode, label in MODE_LABELS.items():
            self.mode_combo.addItem(label, mode.value)
        self.mode_combo.setToolTip("Match: most meetings, fair spread, requested mentors, shared topics. "
                                   "Rotate: the classic movement, nothing to look up.")
        self.plan_button = named(QPushButton("Plan rounds"), "primaryButton")
        self.plan_button.setToolTip("Plan the rounds for the people checked in now (Ctrl+Enter)")
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        first = QHBoxLayout()
        for label, widget in (("&Rounds", self.rounds_spin), ("&Minutes", self.minutes_spin),
                              ("&Changeover", self.changeover_spin), ("S&eats", self.seats_spin)):
            caption = QLabel(label)
            caption.setBuddy(widget)
            first.addWidget(caption)
            first.addWidget(widget)
            first.addSpacing(8)
        first.addStretch(1)
        mode_label = QLabel("M&ode")
        mode_label.setBuddy(self.mode_combo)
        second = QHBoxLayout()
        second.addWidget(mode_label)
        second.addWidget(self.mode_combo, 1)
        second.addWidget(self.plan_button)
        form.addRow(first)
        form.addRow(second)
        # Before planning: what each choice of seats gives, the proposal, and a warning.
        self.seats_advice_label = named(QLabel(""), "seatsAdvice")
        self.seats_advice_label.setWordWrap(True)
        self.seats_advice_label.setTextFormat(Qt.TextFormat.RichText)
        self.use_seats_button = QPushButton("")
        self.use_seats_button.setToolTip("Set the seats per table to the proposed number")
        advice = QHBoxLayout()
        advice.addWidget(self.seats_advice_label, 1)
        advice.addWidget(self.use_seats_button, 0, Qt.AlignmentFlag.AlignTop)
        self.seats_advice_box = QWidget()
        self.seats_advice_box.setLayout(advice)
        advice.setContentsMargins(0, 0, 0, 0)
        self.seats_advice_box.hide()
        form.addRow(self.seats_advice_box)
        #: Why Plan rounds is not available, when it is not (rounds running, nobody here).
        self.plan_reason_label = named(QLabel(""), "pageSubtitle")
        self.plan_reason_label.setWordWrap(True)
        self.plan_reason_label.hide()
        form.addRow(self.plan_reason_label)

        self.status_label = named(QLabel(""), "flashPlanStatus")
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # "N arrived after planning — add them": one action seats them all in the rounds to come.
        self.arrivals_label = named(QLabel(""), "pageNotice")
        self.arrivals_label.setWordWrap(True)
        self.add_arrivals_button = QPushButton("&Add them to the rounds to come")
        self.add_arrivals_button.setToolTip("Re-plan the rounds to come with everyone who arrived after planning")
        arrivals = QHBoxLayout()
        arrivals.setContentsMargins(0, 0, 0, 0)
        arrivals.addWidget(self.arrivals_label, 1)
        arrivals.addWidget(self.add_arrivals_button)
        self.arrivals_box = QWidget()
        self.arrivals_box.setLayout(arrivals)
        self.arrivals_box.hide()
        self.messages_label = named(QLabel(""), "errorBanner")
        self.messages_label.setWordWrap(True)
        self.messages_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.messages_label.hide()

        self.model = FlashGridModel(self)
        self.grid = named(QTableView(), "flashGrid")
        self.grid.setModel(self.model)
        self.grid.setAccessibleName("Rounds and tables")
        self.grid.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.grid.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.grid.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.grid.setTabKeyNavigation(False)  # Tab leaves the grid; the arrow keys move in it
        self.grid.setWordWrap(True)
        self.grid.verticalHeader().hide()
        self.grid.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # Fixed, wrapping columns: one very long name must not make a round as wide as the window.
        self.grid.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.grid.horizontalHeader().setDefaultSectionSize(GRID_COLUMN_WIDTH)
        self.grid.horizontalHeader().setMinimumSectionSize(90)
        self.grid.setToolTip("Choose a cell and press S (or Swap…) to swap a mentee with another")
        self.empty_state = EmptyState()
        self.empty_label = self.empty_state.message_label
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty_state)
        self.stack.addWidget(self.grid)

        self.swap_button = QPushButton("Swap…")
        self.swap_button.setToolTip("Swap two mentees in a round still to come (S in the grid)")
        self.arrival_button = QPushButton("Late arrival…")
        self.arrival_button.setToolTip(
            "Check in someone who just arrived and re-plan the rounds to come (Ctrl+Shift+A)")
        self.departure_button = QPushButton("Departure…")
        self.departure_button.setToolTip("Someone left: check them out and re-plan the rounds to come (Ctrl+Shift+D)")
        self.break_button = QPushButton("Mentor break…")
        self.break_button.setToolTip("A mentor is away for some rounds: re-plan them (Ctrl+Shift+B)")
        actions = QHBoxLayout()
        actions.addWidget(self.swap_button)
        actions.addStretch(1)
        for button in (self.arrival_button, self.departure_button, self.break_button):
            actions.addWidget(button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addLayout(form)
        layout.addWidget(self.status_label)
        layout.addWidget(self.arrivals_box)
        layout.addWidget(self.messages_label)
        layout.addWidget(self.stack, 1)
        layout.addLayout(actions)

    def _connect_signals(self) -> None:
        self.plan_button.clicked.connect(self._on_plan_button_clicked)
        self.empty_state.action_requested.connect(self._on_empty_state_action_requested)
        self.swap_button.clicked.connect(self._on_swap_button_clicked)
        self.arrival_button.clicked.connect(self.arrival_requested)
        self.departure_button.clicked.connect(self.departure_requested)
        self.break_button.clicked.connect(self.break_requested)
        self.use_seats_button.clicked.connect(self._on_use_seats_button_clicked)
        self.add_arrivals_button.clicked.connect(self.add_arrivals_requested)
        self.rounds_spin.valueChanged.connect(self._on_set_up_changed)
        self.seats_spin.valueChanged.connect(self._on_set_up_changed)

    # -- what the page calls

    def setup(self) -> SessionSetup:
        return SessionSetup(self.rounds_spin.value(), self.minutes_spin.value(), self.changeover_spin.value(),
                            self.seats_spin.value(), PlanMode(self.mode_combo.currentData()))

    def set_busy(self, busy: bool, text: str = "") -> None:
        self.plan_button.setEnabled(not busy and self._can_plan())
        if busy:
            self.status_label.setText(text)

    def show_snapshot(self, snapshot: FlashSnapshot | None) -> None:
        first = self.snapshot is None or (snapshot is not None and self.snapshot.info != snapshot.info)
        self.snapshot = snapshot
        if snapshot is None:
            self.model.set_grid([], 0, 0)
            self.empty_state.show_next_step("Open an event to plan flash rounds.", "")
            self.stack.setCurrentWidget(self.empty_state)
            self.status_label.setText("")
            self.messages_label.hide()
            self.arrivals_box.hide()
            self._enable_actions()
            return
        info = snapshot.info
        if first and info is not None:
            # The form shows the saved set-up, so planning again starts from it.
            self.rounds_spin.setValue(info.round_count)
            self.minutes_spin.setValue(info.round_minutes)
            self.changeover_spin.setValue(info.changeover_seconds)
            self.seats_spin.setValue(info.seats)
            self.mode_combo.setCurrentIndex(max(0, self.mode_combo.findData(info.mode.value)))
        elif first:
            self.mode_combo.setCurrentIndex(max(0, self.mode_combo.findData(snapshot.default_mode.value)))
        here = f"Checked in now: {snapshot.mentors_here} mentors, {snapshot.mentees_here} mentees."
        if snapshot.plan is None or info is None:
            self.model.set_grid([], 0, 0)
            if not snapshot.mentors_here or not snapshot.mentees_here:
                self.empty_state.show_next_step(NO_PEOPLE_TEXT, NO_PEOPLE_HINT, NO_PEOPLE_ACTION)
            else:
                self.empty_state.show_next_step(NO_PLAN_TEXT, NO_PLAN_HINT, NO_PLAN_ACTION)
            self.stack.setCurrentWidget(self.empty_state)
            self.status_label.setText(here)
        else:
            running = info.clock_state in (ClockState.RUNNING, ClockState.PAUSED)
            self.model.set_grid(grid_rows(snapshot), info.round_count, info.started, info.started if running else 0)
            self.grid.setColumnWidth(0, min(260, max(140, self.grid.sizeHintForColumn(0))))
            self.stack.setCurrentWidget(self.grid)
            figures = snapshot.figures.describe() if snapshot.figures else ""
            held = f" {info.started} of {info.round_count} rounds started." if info.started else ""
            self.status_label.setText(f"{info.mode.value.capitalize()} plan: {figures}.{held} {here}")
        late = snapshot.late_arrivals
        if late and snapshot.plan is not None:
            names = ", ".join(snapshot.name(pid) for pid in late[:5]) + (" …" if len(late) > 5 else "")
            self.arrivals_label.setText(f"{len(late)} arrived after planning — add them: {names}")
        self.arrivals_box.setVisible(bool(late) and snapshot.plan is not None)
        messages = [readable(m, snapshot) for m in snapshot.messages]
        self.messages_label.setText("\n".join(messages))
        self.messages_label.setVisible(bool(messages))
        self._enable_actions()

    def show_messages(self, messages: list[str]) -> None:
        self.messages_label.setText("\n".join(messages))
        self.messages_label.setVisible(bool(messages))

    def current_cell(self) -> tuple[int, tuple[int, ...]]:
        """(round number, mentee ids) of the grid's current cell; round 0 when none is chosen."""
        index = self.grid.currentIndex()
        if not index.isValid() or index.column() == 0:
            return 0, ()
        return index.column(), tuple(index.data(IDS_ROLE) or ())

    def select_cell(self, row: int, round_number: int) -> None:
        self.grid.setCurrentIndex(self.model.index(row, round_number, QModelIndex()))

    # -- helpers and slots

    def _plan_refusal(self) -> str:
        """Why Plan rounds cannot be pressed now ("" when it can)."""
        snapshot = self.snapshot
        if snapshot is None:
            return "Open an event first."
        if snapshot.info is not None and snapshot.info.clock_state in (ClockState.RUNNING, ClockState.PAUSED):
            return ("Plan rounds is off while the rounds run: planning again would replace them. For late "
                    "arrivals and departures use the buttons below (they re-plan only the rounds to come), "
                    "or end the rounds on the Run tab first.")
        if not snapshot.mentors_here or not snapshot.mentees_here:
            return "Plan rounds needs at least one mentor and one mentee checked in."
        return ""

    def _can_plan(self) -> bool:
        return not self._plan_refusal()

    def _enable_actions(self) -> None:
        planned = bool(self.snapshot and self.snapshot.plan is not None)
        refusal = self._plan_refusal()
        self.plan_button.setEnabled(not refusal)
        self.plan_reason_label.setText(refusal if self.snapshot is not None else "")
        self.plan_reason_label.setVisible(bool(refusal) and self.snapshot is not None)
        self.plan_button.setToolTip(refusal or "Plan the rounds for the people checked in now (Ctrl+Enter)")
        self._show_seat_advice()
        for button in (self.swap_button, self.arrival_button, self.departure_button, self.break_button):
            button.setEnabled(planned)
        for widget in (self.rounds_spin, self.minutes_spin, self.changeover_spin, self.seats_spin, self.mode_combo):
            widget.setEnabled(self.snapshot is not None)

    def _show_seat_advice(self) -> None:
        """The comparison of 1–3 seats for the people here (only while a plan can be made)."""
        snapshot = self.snapshot
        if snapshot is None or not self._can_plan():
            self.seats_advice_box.hide()
            return
        advice = seat_advice(snapshot.mentors_here, snapshot.mentees_here, self.rounds_spin.value())
        chosen = self.seats_spin.value()
        info = snapshot.info
        as_planned = (snapshot.plan is not None and info is not None
                      and (info.seats, info.round_count) == (chosen, self.rounds_spin.value()))
        if as_planned and not advice.too_many_wait(chosen):
            # Planned as the form says, and nobody waits too long: the grid gets the room.
            self.seats_advice_box.hide()
            return
        parts = []
        for option in advice.options:
            seats = f"{option.seats} seat" + ("" if option.seats == 1 else "s")
            text = f"{seats}: {option.meetings} meetings, {option.waiting_per_round} waiting per round"
            if option.seats == advice.proposed:
                text += " (proposed)"
            parts.append(f"<b>{text}</b>" if option.seats == chosen else text)
        lines = [f"Seats per table for {advice.rounds} rounds — " + " · ".join(parts)]
        warning = advice.warning(chosen)
        if warning:
            lines.append(f'<span style="color:#b45309; font-weight:600;">⚠ {html.escape(warning)}</span>')
        self.seats_advice_label.setText("<br>".join(lines))
        self.seats_advice_label.setAccessibleName(" ".join([re.sub("<[^>]+>", "", lines[0]), warning]).strip())
        proposed = advice.proposed
        self.use_seats_button.setText(f"&Use {proposed} seat" + ("" if proposed == 1 else "s"))
        self.use_seats_button.setAccessibleName(f"Use {proposed} seats per table")
        self.use_seats_button.setProperty("seats", proposed)
        self.use_seats_button.setVisible(proposed != chosen)
        self.seats_advice_box.show()

    def _on_set_up_changed(self, _value: int) -> None:
        self._show_seat_advice()

    def _on_use_seats_button_clicked(self) -> None:
        seats = self.use_seats_button.property("seats")
        if isinstance(seats, int):
            self.seats_spin.setValue(seats)
            self.seats_spin.setFocus()

    def _on_empty_state_action_requested(self) -> None:
        if self.empty_state.action_button.text() == NO_PEOPLE_ACTION:
            self.checkin_requested.emit()
        else:
            self._on_plan_button_clicked()

    def _on_plan_button_clicked(self) -> None:
        if self._can_plan():
            self.plan_requested.emit(self.setup())

    def _on_swap_button_clicked(self) -> None:
        round_number, ids = self.current_cell()
        self.swap_requested.emit(round_number, ids)
