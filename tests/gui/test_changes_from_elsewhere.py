"""A check-in made by ``mentordesk checkin`` in a terminal shows on the open window by itself.

No page re-reads on a timer any more: the window's change watcher notices that another process
committed (``PRAGMA data_version``) and the visible page re-reads; a page shown later reads when
it is shown.
"""

from __future__ import annotations

import os
import subprocess
import sys

from pytestqt.qtbot import QtBot

from mentordesk.models import Role
from mentordesk.models.store import EventStore
from mentordesk.services.people import list_people
from mentordesk.ui.checkin.page import CheckinPage
from mentordesk.ui.main_window import MainWindow

CHECKIN_PAGE = 2


def _checkin_in_a_terminal(store: EventStore, code: str) -> None:
    env = {key: value for key, value in os.environ.items() if key != "MENTORDESK_EVENT"}
    result = subprocess.run([sys.executable, "-m", "mentordesk", "checkin", "--event", str(store.path), code],
                            capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr


def test_a_check_in_from_the_command_line_shows_on_the_open_overview_and_desk(
    window: MainWindow, store: EventStore, add_person, qtbot: QtBot  # type: ignore[no-untyped-def]
) -> None:
    add_person(store, "Zoë", "Šimůnek", Role.MENTEE)
    add_person(store, "Amara", "Okafor", Role.MENTOR)
    with store.read_session() as session:
        zoe, amara = sorted(list_people(session, store.event_id), key=lambda row: row.last_name, reverse=True)
    window.open_event(store.path)  # type: ignore[arg-type]
    overview = window.workspace.overview
    qtbot.waitUntil(lambda: overview.counts_panel.mentees.value_label.text() == "0 / 1", timeout=20_000)
    assert not overview.refresh_timer.isActive()

    _checkin_in_a_terminal(store, zoe.badge_code)
    qtbot.waitUntil(lambda: overview.counts_panel.mentees.value_label.text() == "1 / 1", timeout=20_000)

    window.workspace.show_page(CHECKIN_PAGE)
    desk = window.workspace.current_page
    assert isinstance(desk, CheckinPage)
    qtbot.waitUntil(lambda: desk.recent.model.rowCount() == 1, timeout=20_000)
    assert not desk.refresh_timer.isActive()
    _checkin_in_a_terminal(store, amara.badge_code)
    qtbot.waitUntil(lambda: desk.recent.model.rowCount() == 2, timeout=20_000)
    assert desk.counts_strip.everyone.value_label.text() == "2 / 2"
