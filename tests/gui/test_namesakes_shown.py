"""People who share a name are told apart where the desk chooses them by name: the check-in matches
and the Flash lookup (issue 14, item 6). The rule itself is tested in tests/unit/services/test_namesakes.py."""
# ruff: noqa: F811 - the fixtures imported from the helpers are test parameters here

from __future__ import annotations

from collections.abc import Iterator

import pytest
from checkin_helpers import Guests, desk, guests, type_name  # noqa: F401 - fixtures
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from mentordesk.models import Person, PlanMode, Role
from mentordesk.models.store import EventStore
from mentordesk.services import checkin
from mentordesk.services.people import new_badge_code
from mentordesk.ui.checkin.page import CheckinPage
from mentordesk.ui.flash.page import FlashPage
from mentordesk.ui.itemmodels.candidates_model import Column
from mentordesk.ui.tasks import InlineRunner, TaskManager


def test_check_in_matches_show_what_tells_two_of_the_same_name_apart(
    desk: CheckinPage, guests: Guests, store: EventStore, qtbot: QtBot, add_person  # type: ignore[no-untyped-def]
) -> None:
    twin = add_person(store, "Anna", "Novák", Role.MENTOR, organization="Kiwi.com", email="anna@kiwi.com")
    type_name(qtbot, desk, "anna novak")
    model = desk.candidates_view.model
    assert [c.card.name for c in model.rows][:2] == ["Anna Novák", "Anna Novák"]
    shown = {c.card.id: model.data(model.index(row, Column.ORGANISATION)) for row, c in enumerate(model.rows)}
    assert shown[guests.anna.id] == "Avast" and shown[twin] == "Kiwi.com"
    # What a screen reader says for the name, and the tooltip, carry it too.
    row = next(n for n, c in enumerate(model.rows) if c.card.id == twin)
    assert model.data(model.index(row, Column.NAME), Qt.ItemDataRole.AccessibleTextRole) == "Anna Novák, Kiwi.com"
    assert "Kiwi.com" in model.data(model.index(row, Column.NAME), Qt.ItemDataRole.ToolTipRole)


@pytest.fixture
def flash_page(qtbot: QtBot) -> Iterator[FlashPage]:
    shown = FlashPage(TaskManager(InlineRunner()))
    qtbot.addWidget(shown)
    shown.resize(900, 640)
    shown.show()
    qtbot.waitExposed(shown)
    yield shown
    shown.set_store(None)


def test_flash_lookup_tells_namesakes_apart(flash_page: FlashPage, demo_store: EventStore, qtbot: QtBot) -> None:
    with demo_store.session() as session:
        original = session.query(Person).filter_by(event_id=demo_store.event_id, first_name="Zoë").one()
        twin = Person(event_id=demo_store.event_id, first_name=original.first_name, last_name=original.last_name,
                      role=original.role, organization="Twin Labs",
                      badge_code=new_badge_code(session, demo_store.event_id))
        session.add(twin)
        session.flush()
        checkin.check_in(session, twin.id)
        name, twin_id, original_org = original.full_name, twin.id, original.organization or ""
    flash_page.set_store(demo_store)
    flash_page.set_active(True)
    flash_page.setup_panel.mode_combo.setCurrentIndex(flash_page.setup_panel.mode_combo.findData(PlanMode.MATCH.value))
    flash_page.setup_panel.plan_button.click()
    lookup = flash_page.lookup
    flash_page.tabs.setCurrentWidget(lookup)
    lookup.name_edit.setText(name)
    qtbot.waitUntil(lambda: lookup.matches.count() == 2, timeout=20_000)
    texts = {lookup.matches.item(n).data(Qt.ItemDataRole.UserRole): lookup.matches.item(n).text() for n in range(2)}
    assert texts[twin_id] == f"{name} — Twin Labs"
    assert texts[twin_id] != next(text for pid, text in texts.items() if pid != twin_id)
    assert original_org == "" or original_org in next(text for pid, text in texts.items() if pid != twin_id)
