"""Fixtures and helpers shared by the check-in desk and kiosk tests (imported by those test files).

The desk is the real Check-in page of a real main window on a real event file; people are added
the way an import would add them, and results are read back through the services.
"""

from __future__ import annotations

import gc
from dataclasses import dataclass

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from mentordesk.models import Role
from mentordesk.models.store import EventStore
from mentordesk.services import checkin
from mentordesk.services.checkin import LogLine
from mentordesk.services.people import list_people
from mentordesk.ui.checkin.page import CheckinPage
from mentordesk.ui.main_window import MainWindow

CHECKIN_PAGE = 2


@dataclass(frozen=True)
class Guest:
    id: int
    name: str
    code: str


@dataclass(frozen=True)
class Guests:
    zoe: Guest
    anna: Guest
    anna_k: Guest
    johannes: Guest
    mentor: Guest
    greek: Guest

    @property
    def all(self) -> tuple[Guest, ...]:
        return (self.zoe, self.anna, self.anna_k, self.johannes, self.mentor, self.greek)


@pytest.fixture
def guests(store: EventStore, add_person) -> Guests:  # type: ignore[no-untyped-def]
    """A few people with the names the desk has to cope with."""
    ids = {
        "zoe": add_person(store, "Zoë", "Šimůnek", Role.MENTEE, organization="BrnoSoft", email="zoe@example.org"),
        "anna": add_person(store, "Anna", "Novák", Role.MENTEE, organization="Avast"),
        "anna_k": add_person(store, "Anna", "Nováková", Role.MENTEE, organization="Kiwi.com"),
        # Eight letters that read as a badge code (O for 0, as Crockford allows).
        "johannes": add_person(store, "Johannes", "", Role.MENTEE),
        "mentor": add_person(store, "Amara", "Okafor", Role.MENTOR, organization="Lagos Fintech Hub"),
        "greek": add_person(store, "Αλέξανδρος", "Παπαδόπουλος", Role.MENTOR),
    }
    with store.read_session() as session:
        rows = {row.id: row for row in list_people(session, store.event_id)}
    return Guests(**{key: Guest(pid, rows[pid].full_name, rows[pid].badge_code) for key, pid in ids.items()})


@pytest.fixture
def desk(window: MainWindow, store: EventStore, guests: Guests, qtbot: QtBot) -> CheckinPage:
    """The Check-in page of a shown main window, on ``store`` with ``guests`` in it."""
    # Garbage left by earlier tests (Qt wrappers among it) is collected here, on the UI thread,
    # rather than whenever a background read happens to trigger the collector on its thread.
    gc.collect()
    window.resize(1280, 720)
    window.open_event(store.path)  # type: ignore[arg-type]
    window.workspace.show_page(CHECKIN_PAGE)
    window.activateWindow()
    page = window.workspace.current_page
    assert isinstance(page, CheckinPage)
    qtbot.waitUntil(page.field.hasFocus, timeout=20_000)
    qtbot.waitUntil(lambda: page.counts_strip.everyone.value_label.text() != "–", timeout=20_000)
    return page


def scan(qtbot: QtBot, page: CheckinPage, text: str, *, enter: bool = True) -> None:
    """Type ``text`` into the desk's field like a scanner (a burst of keys), optionally with Enter,
    and then wait for the panel to show what the scan did (it follows the commit)."""
    qtbot.keyClicks(page.field, text)
    if enter:
        qtbot.keyClick(page.field, Qt.Key.Key_Return)
        written(qtbot, page)


def written(qtbot: QtBot, page: CheckinPage) -> None:
    """Wait until the outcome of every change the desk asked for is on its panel."""
    qtbot.waitUntil(lambda: page.writes_pending == 0, timeout=20_000)


def type_name(qtbot: QtBot, page: CheckinPage, text: str) -> None:
    """Type ``text`` into the desk's field and wait for the people it matches to be listed."""
    qtbot.keyClicks(page.field, text)
    qtbot.waitUntil(lambda: page.search_settled, timeout=20_000)


def press(qtbot: QtBot, page: CheckinPage, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
          ) -> None:
    """Press a key in the field (Enter, a shortcut) and wait for what it changed to be shown."""
    qtbot.keyClick(page.field, key, modifier)
    written(qtbot, page)


def checked_in(store: EventStore, person_id: int) -> bool:
    with store.read_session() as session:
        return checkin.is_checked_in(session, person_id)


def log(store: EventStore, limit: int = 20) -> list[LogLine]:
    with store.read_session() as session:
        return checkin.recent(session, store.event_id, limit)
