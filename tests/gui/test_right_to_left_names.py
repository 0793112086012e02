"""A name written right to left (Arabic, Hebrew) keeps to itself: the line around it — the table
number, the question mark, the page range — stays where the line's own direction puts it."""
# ruff: noqa: F811 - the fixtures imported from checkin_helpers are test parameters here

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from checkin_helpers import Guests, checked_in, desk, guests, written  # noqa: F401 - fixtures
from kiosk_helpers import open_kiosk
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from mentordesk.models import ClockPhase, ClockState, Person, PlanMode, Role
from mentordesk.models.store import EventStore
from mentordesk.services import checkin
from mentordesk.services.flash.clock_face import ClockSnapshot, SessionConfig, clock_view
from mentordesk.services.flash.live import SessionSetup, plan_session
from mentordesk.services.flash.views import board, flash_snapshot
from mentordesk.ui.checkin.kiosk import KioskState, KioskWindow
from mentordesk.ui.checkin.page import CheckinPage
from mentordesk.ui.checkin.result_panel import Tone
from mentordesk.ui.flash.projector import ProjectorWindow
from mentordesk.ui.widgets.bidi import FSI, PDI, isolate, strip_isolates

ARABIC_FIRST, ARABIC_LAST = "ليلى", "الحسيني"
ARABIC = f"{ARABIC_FIRST} {ARABIC_LAST}"
PIN = "4826"


def _type(qtbot: QtBot, field: QLineEdit, text: str) -> None:
    """Type ``text`` key by key (QTest's keyClicks only knows Latin-1 keys)."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(field, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char))


@pytest.fixture
def arabic(store: EventStore, add_person) -> int:  # type: ignore[no-untyped-def]
    return add_person(store, ARABIC_FIRST, ARABIC_LAST, Role.MENTEE, organization="شركة الأفق")  # type: ignore[no-any-return]


def test_isolate_wraps_text_and_leaves_nothing_behind_for_no_name() -> None:
    assert isolate(ARABIC) == f"{FSI}{ARABIC}{PDI}"
    assert isolate("") == ""
    assert strip_isolates(f"Are you {isolate(ARABIC)}?") == f"Are you {ARABIC}?"


def test_the_desk_keeps_the_table_and_the_line_around_an_arabic_name(
    arabic: int, desk: CheckinPage, store: EventStore, qtbot: QtBot
) -> None:
    _type(qtbot, desk.field, ARABIC_LAST)
    qtbot.waitUntil(lambda: desk.search_settled and desk.candidates_view.count == 1, timeout=20_000)
    header = desk.candidates_view.header_label.text()
    assert f"“{isolate(ARABIC_LAST)}”" in header
    qtbot.keyClick(desk.field, Qt.Key.Key_Down)
    assert desk.candidates_view.header_label.text() == f"Enter checks in {isolate(ARABIC)}."

    qtbot.keyClick(desk.field, Qt.Key.Key_Return)
    written(qtbot, desk)
    assert checked_in(store, arabic)
    panel = desk.result_panel
    assert panel.tone is Tone.OK and panel.name_label.text() == ARABIC
    # The name keeps the card's left edge, as every other line of the card does.
    assert panel.name_label.alignment() & Qt.AlignmentFlag.AlignAbsolute
    assert panel.name_label.alignment() & Qt.AlignmentFlag.AlignLeft
    assert isolate(ARABIC) in panel.text
    assert desk.recent.target_label.text() == f"Check-out applies to {isolate(ARABIC)}."

    panel.show_outcome(Tone.OK, "Checked in", name=ARABIC, table="Table 4")
    assert panel.table_label.isVisible() and panel.table_label.text() == "Table 4"
    assert panel.table_label.layoutDirection() is Qt.LayoutDirection.LeftToRight
    assert panel.text == f"Checked in. {isolate(ARABIC)}. Table 4"


def test_the_kiosk_asks_about_an_arabic_name_with_the_question_mark_at_the_end(
    arabic: int, desk: CheckinPage, store: EventStore, qtbot: QtBot
) -> None:
    kiosk = open_kiosk(desk, qtbot, PIN, KioskWindow)
    assert kiosk.table_label.layoutDirection() is Qt.LayoutDirection.LeftToRight
    _type(qtbot, kiosk.field, ARABIC)
    qtbot.keyClick(kiosk.field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: kiosk.state is KioskState.CONFIRM, timeout=20_000)
    assert kiosk.name_label.text() == f"Are you {isolate(ARABIC)}?"

    qtbot.keyClick(kiosk.field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: kiosk.answers_pending == 0 and kiosk.state is KioskState.RESULT, timeout=20_000)
    assert checked_in(store, arabic)
    assert kiosk.name_label.text() == ARABIC


def test_the_projector_page_range_isolates_right_to_left_surnames(qtbot: QtBot, store: EventStore) -> None:
    t0 = datetime(2026, 5, 4, 18, 0, tzinfo=UTC)
    changeover = clock_view(ClockSnapshot(ClockState.RUNNING, 2, ClockPhase.CHANGEOVER, t0),
                            SessionConfig(6, 7, 60), t0 + timedelta(seconds=20))
    with store.session() as session:
        for number in range(400):
            last = "כהן" if number % 2 else ARABIC_LAST
            person = Person(event_id=store.event_id, first_name=f"Given{number}", last_name=f"{last}{number:03d}",
                            role=Role.MENTOR if number < 60 else Role.MENTEE, badge_code=f"B{number:05d}")
            session.add(person)
            session.flush()
            checkin.check_in(session, person.id)
        plan_session(session, store.event_id, SessionSetup(6, 7, 60, 3, PlanMode.ROTATE))
    with store.read_session() as session:
        snapshot = flash_snapshot(session, store.event_id)
    window = ProjectorWindow()
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.set_state(changeover, snapshot.event_name, board(snapshot, 3))
    window.show()
    qtbot.waitExposed(window)
    assert window.page_count > 1
    indicator = window.page_indicator()
    assert indicator.startswith(f"Page 1 of {window.page_count} · {FSI}")
    assert indicator.count(FSI) == 2 and indicator.count(PDI) == 2 and indicator.endswith(PDI)
    assert not window.grab().isNull()
