"""End on the run console asks first, names what stops, and can be undone for a while; Plan rounds
is off, with the reason, while the rounds run (issue 14, item 2)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from test_flash_console import FakeTime, _page, _stored

from mentordesk.models import ClockPhase, ClockState, PlanMode
from mentordesk.models.store import EventStore
from mentordesk.services.flash.live import SessionSetup, plan_session
from mentordesk.ui.flash.end_dialog import EndDialog
from mentordesk.ui.flash.page import FlashPage


@pytest.fixture
def planned(demo_store: EventStore) -> EventStore:
    with demo_store.session() as session:
        plan_session(session, demo_store.event_id, SessionSetup(4, 7, 60, 1, PlanMode.MATCH))
    return demo_store


@pytest.fixture
def time() -> FakeTime:
    return FakeTime()


@pytest.fixture
def page(qtbot: QtBot, planned: EventStore, time: FakeTime) -> Iterator[FlashPage]:
    shown = _page(qtbot, planned, time)
    yield shown
    shown.set_store(None)


def _end_dialog(qtbot: QtBot, page: FlashPage) -> EndDialog:
    qtbot.waitUntil(lambda: isinstance(page.dialog, EndDialog) and page.dialog.isVisible(), timeout=20_000)
    assert isinstance(page.dialog, EndDialog)
    return page.dialog


def test_end_asks_and_keep_going_changes_nothing(qtbot: QtBot, page: FlashPage, planned: EventStore,
                                                 time: FakeTime) -> None:
    buttons = page.console.buttons
    qtbot.mouseClick(buttons["start"], Qt.MouseButton.LeftButton)
    time.advance(minutes=9)  # round 2, a minute in
    page.driver.tick()
    qtbot.mouseClick(buttons["end"], Qt.MouseButton.LeftButton)
    dialog = _end_dialog(qtbot, page)
    text = dialog.text_label.text()
    assert "Round 2 stops now." in text
    assert "Rounds 3–4 will not be held." in text
    assert "The projector shows that all rounds are done." in text
    assert "Undo end" in text
    # Keep going is the default: Enter (or Esc) keeps the rounds running.
    assert dialog.keep_button.isDefault()
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.dialog is None, timeout=20_000)
    assert _stored(planned).state is ClockState.RUNNING


def test_end_then_undo_end_brings_the_round_back(qtbot: QtBot, page: FlashPage, planned: EventStore,
                                                time: FakeTime) -> None:
    buttons = page.console.buttons
    assert buttons["undo_end"].isHidden()
    qtbot.mouseClick(buttons["start"], Qt.MouseButton.LeftButton)
    time.advance(minutes=2)
    page.driver.tick()
    ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(page.console, Qt.Key.Key_End, ctrl_shift)
    dialog = _end_dialog(qtbot, page)
    assert "Round 1 stops now." in dialog.text_label.text()
    qtbot.mouseClick(dialog.end_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _stored(planned).state is ClockState.FINISHED, timeout=20_000)
    assert page.console.headline_label.text() == "All 4 rounds done"
    assert not buttons["undo_end"].isHidden() and buttons["undo_end"].isEnabled()
    assert "Undo end (Ctrl+Z)" in page.console.note_label.text()
    # A minute later, Ctrl+Z on the console: round 1 runs again with the 5 minutes it had left.
    time.advance(minutes=1)
    qtbot.keyClick(page.console, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: _stored(planned).state is ClockState.RUNNING, timeout=20_000)
    row = _stored(planned)
    assert (row.round_number, row.phase, row.elapsed_us) == (1, ClockPhase.MEETING, 120_000_000)
    assert page.console.countdown_label.text() == "05:00"
    assert buttons["undo_end"].isHidden()


def test_undo_end_goes_away_when_its_time_is_up(qtbot: QtBot, page: FlashPage, planned: EventStore,
                                                time: FakeTime) -> None:
    page.console.buttons["start"].click()
    page.console.buttons["end"].click()
    _end_dialog(qtbot, page).end_button.click()
    assert not page.console.buttons["undo_end"].isHidden()
    time.advance(minutes=6)
    page.undo_end_timer.timeout.emit()
    assert page.console.buttons["undo_end"].isHidden()
    assert "Undo end" not in page.console.note_label.text()


def test_plan_rounds_is_off_with_the_reason_while_the_rounds_run(qtbot: QtBot, page: FlashPage,
                                                                  planned: EventStore) -> None:
    setup = page.setup_panel
    qtbot.waitUntil(lambda: setup.snapshot is not None, timeout=20_000)
    assert setup.plan_button.isEnabled() and setup.plan_reason_label.isHidden()
    page.console.buttons["start"].click()
    qtbot.waitUntil(lambda: setup.snapshot is not None and setup.snapshot.info is not None
                    and setup.snapshot.info.clock_state is ClockState.RUNNING, timeout=20_000)
    assert not setup.plan_button.isEnabled()
    assert "while the rounds run" in setup.plan_reason_label.text()
    assert not setup.plan_reason_label.isHidden()
    assert "while the rounds run" in setup.plan_button.toolTip()
    page.console.buttons["end"].click()
    _end_dialog(qtbot, page).end_button.click()
    qtbot.waitUntil(lambda: setup.plan_button.isEnabled(), timeout=20_000)
    assert setup.plan_reason_label.isHidden()
