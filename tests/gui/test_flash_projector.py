"""The projector window: "Find your table" pages through 400 names, every mentee on some page."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from pytestqt.qtbot import QtBot

from mentordesk.models import ClockPhase, ClockState, Person, PlanMode, Role
from mentordesk.models.store import EventStore
from mentordesk.services import checkin
from mentordesk.services.flash.clock_face import ClockSnapshot, SessionConfig, clock_view
from mentordesk.services.flash.live import SessionSetup, plan_session
from mentordesk.services.flash.views import FlashSnapshot, board, flash_snapshot
from mentordesk.ui.flash.projector import ProjectorWindow

T0 = datetime(2026, 5, 4, 18, 0, tzinfo=UTC)
CONFIG = SessionConfig(6, 7, 60)
CHANGEOVER = clock_view(ClockSnapshot(ClockState.RUNNING, 2, ClockPhase.CHANGEOVER, T0), CONFIG,
                        T0 + timedelta(seconds=20))
MEETING = clock_view(ClockSnapshot(ClockState.RUNNING, 2, ClockPhase.MEETING, T0), CONFIG, T0 + timedelta(minutes=1))
LAST_MINUTE = clock_view(ClockSnapshot(ClockState.RUNNING, 2, ClockPhase.MEETING, T0), CONFIG,
                         T0 + timedelta(minutes=6, seconds=30))


def _event(store: EventStore, mentors: int, mentees: int) -> FlashSnapshot:
    with store.session() as session:
        for number in range(mentors + mentees):
            person = Person(event_id=store.event_id, first_name=f"Given{number}", last_name=f"Family{number:03d}",
                            role=Role.MENTOR if number < mentors else Role.MENTEE, badge_code=f"B{number:05d}")
            session.add(person)
            session.flush()
            checkin.check_in(session, person.id)
        plan_session(session, store.event_id, SessionSetup(6, 7, 60, 3 if mentees > 100 else 1, PlanMode.ROTATE))
    with store.read_session() as session:
        return flash_snapshot(session, store.event_id)


@pytest.mark.parametrize("size", [(1280, 720), (3840, 2160)])
def test_four_hundred_names_page_through_and_all_appear(qtbot: QtBot, store: EventStore,
                                                        size: tuple[int, int]) -> None:
    snapshot = _event(store, 60, 340)
    window = ProjectorWindow()
    qtbot.addWidget(window)
    window.resize(*size)
    shown = board(snapshot, 3)
    assert shown is not None and len(shown.entries) == 340
    window.set_state(CHANGEOVER, snapshot.event_name, shown)
    window.show()
    qtbot.waitExposed(window)
    assert window.showing_board
    pages = window.page_count
    assert pages > 1
    seen = [entry for page in range(pages) for entry in window.entries_on_page(page)]
    assert sorted(e.name for e in seen) == sorted(e.name for e in shown.entries)
    assert len(seen) == len(shown.entries)
    assert window.page_timer.isActive()
    window.next_page()
    assert window.page == 1
    # Names are listed by surname, so each page covers one stretch of the alphabet.
    assert [e.sort_key for e in seen] == sorted(e.sort_key for e in seen)
    assert not window.grab().isNull()


def test_a_dozen_names_fit_on_one_page_and_meetings_show_the_countdown(qtbot: QtBot, store: EventStore) -> None:
    snapshot = _event(store, 4, 8)
    window = ProjectorWindow()
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.set_state(CHANGEOVER, snapshot.event_name, board(snapshot, 3))
    window.show()
    qtbot.waitExposed(window)
    assert window.page_count == 1 and not window.page_timer.isActive()
    waiting = [e for e in window.entries_on_page(0) if e.table is None]
    # The rotation's waiting spots come from the event file, not from the planner's memory.
    assert waiting and all(e.where.startswith(("Spot ", "By table ")) for e in waiting)
    assert window.board is not None and "waiting spot" in window.board.waiting_note
    window.set_state(MEETING, snapshot.event_name, board(snapshot, 2))
    assert not window.showing_board
    assert not window.last_minute
    window.set_state(LAST_MINUTE, snapshot.event_name, board(snapshot, 2))
    assert window.last_minute
    window.close()
