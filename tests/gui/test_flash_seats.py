"""The Plan tab compares 1–3 seats per table before planning, proposes one and warns when more
than a quarter of the mentees would wait each round (issue 14, item 4)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from mentordesk.models.store import EventStore
from mentordesk.ui.flash.page import FlashPage
from mentordesk.ui.tasks import InlineRunner, TaskManager


@pytest.fixture
def page(qtbot: QtBot) -> Iterator[FlashPage]:
    shown = FlashPage(TaskManager(InlineRunner()))
    qtbot.addWidget(shown)
    shown.resize(1024, 700)
    shown.show()
    qtbot.waitExposed(shown)
    yield shown
    shown.set_store(None)


def test_the_demo_is_told_three_seats_give_everyone_meetings(qtbot: QtBot, page: FlashPage,
                                                             demo_store: EventStore) -> None:
    page.set_store(demo_store)
    page.set_active(True)
    setup = page.setup_panel
    qtbot.waitUntil(lambda: setup.seats_advice_box.isVisible(), timeout=20_000)
    text = setup.seats_advice_label.accessibleName()
    assert "Seats per table for 6 rounds" in text
    assert "1 seat: 54 meetings, 22 waiting per round" in text
    assert "3 seats: 162 meetings, 4 waiting per round (proposed)" in text
    assert "With 1 seat per table, 22 of 31 mentees wait every round." in text
    assert "3 seats give 162 meetings instead of 54." in text
    # Fewer rounds: the figures follow the form.
    setup.rounds_spin.setValue(4)
    assert "3 seats: 108 meetings" in setup.seats_advice_label.accessibleName()
    # One click takes the proposal; the warning goes.
    button = setup.use_seats_button
    assert button.isVisible() and button.text() == "&Use 3 seats"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert setup.seats_spin.value() == 3
    assert "wait every round" not in setup.seats_advice_label.accessibleName()
    assert not button.isVisible()
    setup.plan_button.click()
    qtbot.waitUntil(lambda: "Planned:" in page.notice, timeout=20_000)
    assert "with 3 seats per table" in page.notice


def test_one_seat_planned_anyway_says_how_many_wait(qtbot: QtBot, page: FlashPage, demo_store: EventStore) -> None:
    page.set_store(demo_store)
    page.set_active(True)
    setup = page.setup_panel
    qtbot.waitUntil(lambda: setup.plan_button.isEnabled(), timeout=20_000)
    setup.seats_spin.setValue(1)
    setup.plan_button.click()
    qtbot.waitUntil(lambda: "Planned:" in page.notice, timeout=20_000)
    assert "22 of 31 mentees wait every round" in page.notice
    assert "the most possible with 1 seat per table" in page.notice
