"""The small dialogs of the Flash rounds page: swap two mentees, choose a person, plan a break.

Each dialog only collects a choice and emits it (``chosen``); the page carries it out through a
service and shows the outcome. A refusal (a swap that would repeat a meeting) is shown inside the
swap dialog, which stays open so that another mentee can be tried.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from mentordesk.services.flash.views import FlashSnapshot
from mentordesk.ui.widgets.naming import named


class _ChoiceDialog(QDialog):
    """A small form whose accept button names what it does (``action``), never a bare OK."""

    def __init__(self, title: str, action: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.message_label = named(QLabel(""), "errorBanner")
        self.message_label.setWordWrap(True)
        self.message_label.setMinimumWidth(360)
        self.message_label.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(action)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.message_label)
        layout.addWidget(self.buttons)
        self.buttons.rejected.connect(self.reject)

    def show_refusal(self, reasons: Sequence[str]) -> None:
        lines = list(reasons)
        self.message_label.setText("Not possible: " + lines[0] if len(lines) == 1
                                   else "Not possible:\n" + "\n".join(f"• {line}" for line in lines))
        self.message_label.show()
        # The dialog grows to show the whole reason (it was sized without it).
        self.adjustSize()

    @staticmethod
    def _combo(name: str) -> QComboBox:
        combo = QComboBox()
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        # Typing part of a name finds it (completion is case- and position-insensitive).
        completer = combo.completer()
        assert completer is not None  # an editable combo box has one
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        combo.setAccessibleName(name)
        return combo


class SwapDialog(_ChoiceDialog):
    """Choose a round to come and two of its mentees."""

    chosen = Signal(int, int, int)  # round, first mentee, second mentee

    def __init__(self, snapshot: FlashSnapshot, round_number: int = 0, first: int | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__("Swap two mentees", "&Swap", parent)
        self.snapshot = snapshot
        assert snapshot.plan is not None and snapshot.info is not None
        self.round_combo = QComboBox()
        self.round_combo.setAccessibleName("Round")
        for number in range(snapshot.info.started + 1, snapshot.info.round_count + 1):
            self.round_combo.addItem(f"Round {number}", number)
        self.first_combo = self._combo("First mentee")
        self.second_combo = self._combo("Second mentee")
        self.form.addRow("&Round", self.round_combo)
        self.form.addRow("&Mentee", self.first_combo)
        self.form.addRow("S&wap with", self.second_combo)
        index = self.round_combo.findData(round_number)
        self.round_combo.setCurrentIndex(max(0, index))
        self._fill(first)
        self.round_combo.currentIndexChanged.connect(self._on_round_combo_current_index_changed)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        if self.round_combo.count() == 0:
            self.show_refusal(["every round has started"])
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)

    def _fill(self, first: int | None = None) -> None:
        plan = self.snapshot.plan
        number = self.round_combo.currentData()
        assert plan is not None
        self.first_combo.clear()
        self.second_combo.clear()
        if number is None:
            return
        round_ = plan.rounds[int(number) - 1]
        places = {m: f"table {t.number}" for t in round_.tables for m in t.mentees}
        mentees = sorted(round_.mentees, key=lambda m: self.snapshot.listed(m).casefold())
        for mentee in mentees:
            label = f"{self.snapshot.name(mentee)} — {places.get(mentee, 'waiting')}"
            self.first_combo.addItem(label, mentee)
            self.second_combo.addItem(label, mentee)
        if first is not None:
            self.first_combo.setCurrentIndex(max(0, self.first_combo.findData(first)))
        self.second_combo.setCurrentIndex(min(1, self.second_combo.count() - 1))

    def choose(self, round_number: int, first: int, second: int) -> None:
        """Set the three choices (for tests and for a cell chosen in the grid)."""
        self.round_combo.setCurrentIndex(self.round_combo.findData(round_number))
        self.first_combo.setCurrentIndex(self.first_combo.findData(first))
        self.second_combo.setCurrentIndex(self.second_combo.findData(second))

    def _on_round_combo_current_index_changed(self, _index: int) -> None:
        self._fill()

    def _on_buttons_accepted(self) -> None:
        number, first, second = (self.round_combo.currentData(), self.first_combo.currentData(),
                                 self.second_combo.currentData())
        if number is None or first is None or second is None:
            return
        if first == second:
            self.show_refusal(["choose two different mentees"])
            return
        self.chosen.emit(int(number), int(first), int(second))


class PersonDialog(_ChoiceDialog):
    """Choose one person from a list (a late arrival, a departure)."""

    chosen = Signal(int)

    def __init__(self, title: str, prompt: str, people: Sequence[tuple[int, str]], parent: QWidget | None = None,
                 empty: str = "Nobody to choose.", action: str = "&Choose") -> None:
        super().__init__(title, action, parent)
        self.person_combo = self._combo(prompt)
        for person_id, label in people:
            self.person_combo.addItem(label, person_id)
        self.form.addRow(prompt, self.person_combo)
        if not people:
            self.show_refusal([empty])
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        self.buttons.accepted.connect(self._on_buttons_accepted)

    def choose(self, person_id: int) -> None:
        self.person_combo.setCurrentIndex(self.person_combo.findData(person_id))

    def _on_buttons_accepted(self) -> None:
        person = self.person_combo.currentData()
        if person is not None:
            self.chosen.emit(int(person))


class BreakDialog(_ChoiceDialog):
    """Choose a mentor and the rounds to come in which they are away."""

    chosen = Signal(int, tuple)

    def __init__(self, snapshot: FlashSnapshot, parent: QWidget | None = None) -> None:
        super().__init__("Mentor break", "Start the &break", parent)
        assert snapshot.plan is not None and snapshot.info is not None
        started = snapshot.info.started
        self.mentor_combo = self._combo("Mentor")
        mentors = {t.mentor: t.number for r in snapshot.plan.rounds[started:] for t in r.tables}
        for mentor, table in sorted(mentors.items(), key=lambda item: item[1]):
            self.mentor_combo.addItem(f"Table {table} — {snapshot.name(mentor)}", mentor)
        self.form.addRow("&Mentor", self.mentor_combo)
        grid = QGridLayout()
        self.round_checks: dict[int, QCheckBox] = {}
        for offset, number in enumerate(range(started + 1, snapshot.info.round_count + 1)):
            check = QCheckBox(f"Round {number}")
            self.round_checks[number] = check
            grid.addWidget(check, offset // 4, offset % 4)
        self.form.addRow("Away in", grid)
        if not self.round_checks:
            self.show_refusal(["every round has started"])
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        self.buttons.accepted.connect(self._on_buttons_accepted)

    def choose(self, mentor: int, rounds: Sequence[int]) -> None:
        self.mentor_combo.setCurrentIndex(self.mentor_combo.findData(mentor))
        for number, check in self.round_checks.items():
            check.setChecked(number in rounds)

    def _on_buttons_accepted(self) -> None:
        mentor = self.mentor_combo.currentData()
        rounds = tuple(n for n, check in self.round_checks.items() if check.isChecked())
        if mentor is None or not rounds:
            self.show_refusal(["choose a mentor and at least one round"])
            return
        self.chosen.emit(int(mentor), rounds)
