"""Late arrivals: the desk says they have no table yet and F8 adds them; the Flash page says
"N arrived after planning — add them" with one action for all (issue 14, item 3)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from focus_helpers import activate, wait_focus
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from mentordesk.models import Person, PlanMode, Role
from mentordesk.models.store import EventStore
from mentordesk.services import checkin
from mentordesk.services.flash.arrivals import not_in_rotation
from mentordesk.services.flash.live import SessionSetup, plan_session
from mentordesk.ui.checkin.page import CheckinPage
from mentordesk.ui.flash.page import FlashPage
from mentordesk.ui.tasks import InlineRunner, TaskManager


@pytest.fixture
def planned(demo_store: EventStore) -> EventStore:
    with demo_store.session() as session:
        plan_session(session, demo_store.event_id, SessionSetup(4, 7, 60, 3, PlanMode.MATCH))
    return demo_store


def _absent_mentees(store: EventStore, count: int) -> list[tuple[int, str]]:
    with store.read_session() as session:
        here = checkin.checked_in_ids(session, store.event_id)
        people = session.scalars(select(Person).where(Person.event_id == store.event_id, Person.role == Role.MENTEE))
        return [(p.id, p.badge_code) for p in people if p.id not in here][:count]


@pytest.fixture
def desk(qtbot: QtBot) -> Iterator[CheckinPage]:
    page = CheckinPage(TaskManager(InlineRunner()))
    qtbot.addWidget(page)
    page.resize(1024, 700)
    page.show()
    qtbot.waitExposed(page)
    yield page
    page.set_store(None)


def _late(store: EventStore) -> tuple[int, ...]:
    with store.read_session() as session:
        return not_in_rotation(session, store.event_id)


def test_the_desk_offers_to_add_a_late_arrival_with_one_key(qtbot: QtBot, desk: CheckinPage,
                                                            planned: EventStore) -> None:
    desk.set_store(planned)
    desk.set_active(True)
    (person_id, code), = _absent_mentees(planned, 1)
    desk.submit(code)
    panel = desk.result_panel
    qtbot.waitUntil(lambda: "not in the flash rounds yet" in panel.text, timeout=20_000)
    assert "No table yet" in panel.text and "F8" in panel.text
    assert panel.add_rotation_button.isVisible()
    assert _late(planned) == (person_id,)
    # F8 is a shortcut of the page: Qt delivers it only in the active window, to its focus widget.
    activate(qtbot, desk)
    wait_focus(qtbot, desk.field)
    qtbot.keyClick(desk.field, Qt.Key.Key_F8)
    qtbot.waitUntil(lambda: "Added to the flash rounds" in panel.note_label.text(), timeout=20_000)
    assert panel.table_label.text().startswith(("Table", "Waiting"))
    assert not panel.add_rotation_button.isVisible()
    assert _late(planned) == ()


def test_someone_in_the_plan_gets_no_offer(qtbot: QtBot, desk: CheckinPage, planned: EventStore) -> None:
    desk.set_store(planned)
    desk.set_active(True)
    with planned.read_session() as session:
        here = sorted(checkin.checked_in_ids(session, planned.event_id))
        code = session.get_one(Person, here[0]).badge_code
    desk.submit(code)
    qtbot.waitUntil(lambda: "Already checked in" in desk.result_panel.text, timeout=20_000)
    assert not desk.result_panel.add_rotation_button.isVisible()


def test_the_flash_page_adds_everyone_who_arrived_after_planning(qtbot: QtBot, planned: EventStore) -> None:
    late = _absent_mentees(planned, 3)
    with planned.session() as session:
        for person_id, _code in late:
            checkin.check_in(session, person_id, station="Desk")
    page = FlashPage(TaskManager(InlineRunner()))
    qtbot.addWidget(page)
    page.resize(1024, 700)
    page.show()
    qtbot.waitExposed(page)
    page.set_store(planned)
    page.set_active(True)
    setup = page.setup_panel
    qtbot.waitUntil(lambda: setup.arrivals_box.isVisible(), timeout=20_000)
    assert setup.arrivals_label.text().startswith("3 arrived after planning — add them")
    qtbot.mouseClick(setup.add_arrivals_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not setup.arrivals_box.isVisible(), timeout=20_000)
    assert "Late arrivals added" in page.notice
    assert _late(planned) == ()
    page.set_store(None)
