"""The Flash rounds page on real event files: planning, empty states, swaps, re-plans, lookups."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from mentordesk.models import Person, PlanMode, Role
from mentordesk.models.store import EventStore
from mentordesk.services import checkin
from mentordesk.services.flash import current_session_id, load_plan
from mentordesk.ui.flash.dialogs import BreakDialog, PersonDialog, SwapDialog
from mentordesk.ui.flash.page import FlashPage
from mentordesk.ui.flash.setup_panel import NO_PEOPLE_TEXT, NO_PLAN_TEXT
from mentordesk.ui.itemmodels.flash_grid_model import BREAK_TEXT, FlashGridModel
from mentordesk.ui.tasks import InlineRunner, TaskManager


@pytest.fixture
def page(qtbot: QtBot) -> Iterator[FlashPage]:
    shown = FlashPage(TaskManager(InlineRunner()))
    qtbot.addWidget(shown)
    shown.resize(900, 640)
    shown.show()
    qtbot.waitExposed(shown)
    yield shown
    shown.set_store(None)


def _open(page: FlashPage, store: EventStore) -> None:
    page.set_store(store)
    page.set_active(True)


def _plan(page: FlashPage, rounds: int = 4, mode: PlanMode = PlanMode.MATCH) -> None:
    page.setup_panel.rounds_spin.setValue(rounds)
    page.setup_panel.mode_combo.setCurrentIndex(page.setup_panel.mode_combo.findData(mode.value))
    page.setup_panel.plan_button.click()


def test_empty_states_guide_to_check_in_and_to_planning(page: FlashPage, store: EventStore, qtbot: QtBot,
                                                        add_person) -> None:  # type: ignore[no-untyped-def]
    _open(page, store)
    empty = page.setup_panel.empty_state
    assert page.setup_panel.stack.currentWidget() is empty
    assert empty.text() == NO_PEOPLE_TEXT
    assert "check in at least one mentor and one mentee" in empty.hint_label.text()
    # Its one button goes to the Check-in page (the workspace shows the page asked for).
    with qtbot.waitSignal(page.next_step_requested, timeout=10_000) as asked:
        qtbot.mouseClick(empty.action_button, Qt.MouseButton.LeftButton)
    assert asked.args == ["checkin"]
    assert not page.setup_panel.plan_button.isEnabled()
    assert not page.console.buttons["start"].isEnabled()
    with store.session() as session:
        for first, role in (("Ada", Role.MENTOR), ("Bo", Role.MENTEE)):
            person = Person(event_id=store.event_id, first_name=first, last_name="Test", role=role,
                            badge_code=f"CODE{first.upper()}")
            session.add(person)
            session.flush()
            checkin.check_in(session, person.id)
    page.refresh()
    assert empty.text() == NO_PLAN_TEXT
    assert page.setup_panel.plan_button.isEnabled()
    # Its one button plans the rounds.
    qtbot.mouseClick(empty.action_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.setup_panel.stack.currentWidget() is page.setup_panel.grid, timeout=10_000)


def test_planning_from_the_page_shows_the_grid_and_figures(page: FlashPage, demo_store: EventStore) -> None:
    _open(page, demo_store)
    _plan(page, rounds=5)
    snapshot = page.snapshot
    assert snapshot is not None and snapshot.plan is not None and snapshot.info is not None
    assert snapshot.info.round_count == 5 and snapshot.info.changeover_seconds == 60
    model: FlashGridModel = page.setup_panel.model
    assert model.columnCount() == 6
    assert model.headerData(3, Qt.Orientation.Horizontal) == "Round 3"
    assert model.rowCount() >= snapshot.figures.mentors  # type: ignore[union-attr]
    assert "meetings" in page.setup_panel.status_label.text()
    assert "Planned:" in page.notice
    with demo_store.read_session() as session:
        assert load_plan(session, snapshot.info.id) == snapshot.plan


def test_the_changeover_is_set_in_seconds(page: FlashPage, demo_store: EventStore, qtbot: QtBot) -> None:
    _open(page, demo_store)
    spin = page.setup_panel.changeover_spin
    assert (spin.value(), spin.text()) == (60, "1 min")
    spin.stepUp()
    assert (spin.value(), spin.text()) == (75, "1 min 15 s")
    for typed, seconds in (("90", 90), ("1:45", 105), ("2 min", 120), ("1 min 30 s", 90)):
        spin.lineEdit().selectAll()
        qtbot.keyClicks(spin.lineEdit(), typed)
        spin.interpretText()
        assert spin.value() == seconds, typed
    spin.lineEdit().selectAll()
    qtbot.keyClicks(spin.lineEdit(), "soon")
    spin.interpretText()
    assert spin.value() == 90  # not a duration: the value stays
    _plan(page, rounds=3)
    info = page.snapshot.info if page.snapshot else None
    assert info is not None and info.changeover_seconds == 90
    # Opened again, the form shows the saved 90 seconds the way people say it.
    page.set_store(None)
    _open(page, demo_store)
    assert (spin.value(), spin.text()) == (90, "1 min 30 s")
    spin.setValue(0)
    assert spin.text() == "none"


def test_plan_shortcut_plans(page: FlashPage, demo_store: EventStore, qtbot: QtBot) -> None:
    _open(page, demo_store)
    page.setup_panel.rounds_spin.setFocus()
    qtbot.keyClick(page.setup_panel.rounds_spin, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert page.snapshot is not None and page.snapshot.plan is not None


def _two_mentees(page: FlashPage, round_number: int, want_repeat: bool) -> tuple[int, int] | None:
    snapshot = page.snapshot
    assert snapshot is not None and snapshot.plan is not None
    plan = snapshot.plan
    met = set(plan.pairs())
    seated = [t for t in plan.rounds[round_number - 1].tables if t.mentees]
    for x in seated:
        for y in seated:
            if x is y:
                continue
            a, b = x.mentees[0], y.mentees[0]
            repeat = (a, y.mentor) in met or (b, x.mentor) in met
            if repeat == want_repeat:
                return a, b
    return None


def test_swap_refused_with_the_reason_then_accepted(page: FlashPage, demo_store: EventStore) -> None:
    _open(page, demo_store)
    _plan(page, rounds=6)
    refused = _two_mentees(page, 2, want_repeat=True)
    assert refused is not None
    page.setup_panel.swap_button.click()
    dialog = page.dialog
    assert isinstance(dialog, SwapDialog)
    before = page.snapshot.plan  # type: ignore[union-attr]
    dialog.choose(2, *refused)
    dialog.buttons.accepted.emit()
    assert page.dialog is dialog and dialog.message_label.isVisibleTo(dialog)
    assert "Not possible" in dialog.message_label.text() and "second time" in dialog.message_label.text()
    # Names, not ids, in the reason.
    assert any(page.snapshot.name(m) in dialog.message_label.text() for m in refused)  # type: ignore[union-attr]
    assert page.snapshot.plan == before  # type: ignore[union-attr]

    accepted = _two_mentees(page, 2, want_repeat=False)
    assert accepted is not None
    dialog.choose(2, *accepted)
    dialog.buttons.accepted.emit()
    assert page.dialog is None
    after = page.snapshot.plan  # type: ignore[union-attr]
    a, b = accepted
    assert after.itinerary(a)[1] == before.itinerary(b)[1]  # type: ignore[union-attr]
    assert after.itinerary(b)[1] == before.itinerary(a)[1]  # type: ignore[union-attr]
    assert "Swapped" in page.notice


def test_departure_arrival_and_break_update_grid_and_views(page: FlashPage, demo_store: EventStore) -> None:
    _open(page, demo_store)
    _plan(page, rounds=4)
    page.tabs.setCurrentWidget(page.console)
    page.console.buttons["start"].click()
    snapshot = page.snapshot
    assert snapshot is not None and snapshot.info is not None and snapshot.info.started == 1
    leaver = snapshot.plan.rounds[1].mentees[0]  # type: ignore[union-attr]
    page.setup_panel.departure_button.click()
    assert isinstance(page.dialog, PersonDialog)
    page.dialog.choose(leaver)
    page.dialog.buttons.accepted.emit()
    plan = page.snapshot.plan  # type: ignore[union-attr]
    assert all(leaver not in r.mentees for r in plan.rounds[1:])
    assert leaver in plan.rounds[0].mentees  # round 1 has started: untouched
    assert "Departure recorded" in page.notice

    page.setup_panel.arrival_button.click()
    dialog = page.dialog
    assert isinstance(dialog, PersonDialog) and dialog.person_combo.count() > 0
    late = int(dialog.person_combo.itemData(0))
    dialog.choose(late)
    dialog.buttons.accepted.emit()
    assert all(late in r.mentees or late in r.mentors for r in page.snapshot.plan.rounds[1:])  # type: ignore[union-attr]

    mentor_row = page.setup_panel.model.rows[0]
    page.setup_panel.break_button.click()
    assert isinstance(page.dialog, BreakDialog)
    page.dialog.choose(mentor_row.mentor_id, [3])
    page.dialog.buttons.accepted.emit()
    model = page.setup_panel.model
    row = next(r for r in range(model.rowCount()) if model.rows[r].mentor_id == mentor_row.mentor_id)
    assert model.index(row, 3).data() == BREAK_TEXT
    # The per-table view follows the re-plan.
    page.lookup.show_table(mentor_row.table)
    assert page.lookup.table_model.rows[2].on_break


def test_itinerary_found_by_typing_a_name(page: FlashPage, demo_store: EventStore) -> None:
    _open(page, demo_store)
    _plan(page, rounds=3)
    page.tabs.setCurrentWidget(page.lookup)
    page.lookup.name_edit.setText("simunek")  # accent-insensitive: finds Zoë Šimůnek
    assert "Šimůnek" in page.lookup.person_title.text()
    assert page.lookup.itinerary_model.rowCount() == 3
    page.lookup.name_edit.setText("nobody-by-this-name")
    assert "Nobody in the plan" in page.lookup.person_title.text()


def test_planning_again_while_running_is_refused(page: FlashPage, demo_store: EventStore) -> None:
    _open(page, demo_store)
    _plan(page)
    page.console.buttons["start"].click()
    # The button is off, saying why (issue 14, item 2) ...
    assert not page.setup_panel.plan_button.isEnabled()
    assert "while the rounds run" in page.setup_panel.plan_reason_label.text()
    # ... and the service refuses all the same (a stale screen, another station).
    page.setup_panel.rounds_spin.setValue(6)
    page.plan(page.setup_panel.setup())
    assert "Not possible" in page.notice and "running" in page.notice
    with demo_store.read_session() as session:
        assert current_session_id(session, demo_store.event_id) == page.snapshot.info.id  # type: ignore[union-attr]
    assert page.snapshot.info.round_count == 4  # type: ignore[union-attr]


def test_plan_tab_keys_and_their_scope(page: FlashPage, demo_store: EventStore, qtbot: QtBot) -> None:
    _open(page, demo_store)
    _plan(page, rounds=3)
    grid = page.setup_panel.grid
    grid.setFocus()
    page.setup_panel.select_cell(0, 2)
    qtbot.keyClick(grid, Qt.Key.Key_S)
    dialog = page.dialog
    assert isinstance(dialog, SwapDialog)
    cell_ids = page.setup_panel.current_cell()[1]
    assert dialog.round_combo.currentData() == 2
    assert cell_ids and dialog.first_combo.currentData() == cell_ids[0]
    dialog.reject()
    grid.setFocus()
    qtbot.keyClick(grid, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert isinstance(page.dialog, PersonDialog) and page.dialog.windowTitle() == "Departure"
    page.dialog.reject()
    # Ctrl+Enter plans only from the Plan tab.
    page.setup_panel.rounds_spin.setValue(5)
    page.tabs.setCurrentWidget(page.console)
    qtbot.keyClick(page.console, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert page.snapshot.info.round_count == 3  # type: ignore[union-attr]
    page.tabs.setCurrentWidget(page.setup_panel)
    qtbot.keyClick(page.setup_panel.rounds_spin, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert page.snapshot.info.round_count == 5  # type: ignore[union-attr]


def test_in_the_main_window_planning_runs_in_the_background(window, demo_store: EventStore,  # type: ignore[no-untyped-def]
                                                             qtbot: QtBot) -> None:
    window.open_event(demo_store.path)
    page = window.workspace._page(FlashPage)
    window.workspace.show_page(window.workspace.pages.index(page))
    qtbot.waitUntil(lambda: page.snapshot is not None, timeout=20_000)
    page.setup_panel.plan_button.click()
    qtbot.waitUntil(lambda: page.snapshot is not None and page.snapshot.plan is not None, timeout=20_000)
    assert page.setup_panel.model.rowCount() > 0
