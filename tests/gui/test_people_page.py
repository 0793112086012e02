"""The People page and its item model: a read-only table of everyone, filtered as you type."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from mentordesk.models import Role
from mentordesk.models.store import EventStore
from mentordesk.services import checkin
from mentordesk.services.people import PersonRow, list_people
from mentordesk.ui.itemmodels.people_model import ROW_ROLE, SORT_ROLE, Column, PeopleFilterModel, PeopleModel
from mentordesk.ui.main_window import MainWindow
from mentordesk.ui.people.page import PeoplePage


def _rows(store: EventStore) -> list[PersonRow]:
    with store.read_session() as session:
        return list_people(session, store.event_id)


def _visible_names(page: PeoplePage) -> list[str]:
    proxy = page.proxy
    return [proxy.index(row, Column.NAME).data() for row in range(proxy.rowCount())]


@pytest.fixture
def people_page(window: MainWindow, demo_store: EventStore, qtbot: QtBot) -> PeoplePage:
    window.open_event(demo_store.path)  # type: ignore[arg-type]
    window.workspace.show_page(1)
    page = window.workspace.people
    assert isinstance(page, PeoplePage)
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=5_000)
    return page


def test_model_passes_the_model_tester(qtmodeltester, demo_store: EventStore) -> None:  # type: ignore[no-untyped-def]
    model = PeopleModel()
    model.set_rows(_rows(demo_store))
    qtmodeltester.check(model, force_py=True)


def test_filter_model_passes_the_model_tester(qtmodeltester, demo_store: EventStore) -> None:  # type: ignore[no-untyped-def]
    model = PeopleModel()
    proxy = PeopleFilterModel()
    proxy.setSourceModel(model)
    model.set_rows(_rows(demo_store))
    proxy.set_query("engineer")
    qtmodeltester.check(proxy, force_py=True)


def test_model_columns_show_a_person(store: EventStore, add_person) -> None:  # type: ignore[no-untyped-def]
    add_person(store, "Zoë", "Šimůnek", Role.MENTOR, organization="BrnoSoft", topics=["Open source", "Cloud"])
    model = PeopleModel()
    model.set_rows(_rows(store))
    (row,) = model.rows
    texts = [model.index(0, column).data() for column in Column]
    assert texts == ["Zoë Šimůnek", "Mentor", "BrnoSoft", "Open source, Cloud", row.badge_code, "Not yet"]
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in Column] == [
        "Name", "Role", "Organisation", "Topics", "Badge code", "Arrived"
    ]
    assert model.index(0, Column.NAME).data(ROW_ROLE) == row
    assert model.index(0, Column.NAME).data(SORT_ROLE) == "simunek\x00zoe"


def test_refresh_with_the_same_people_updates_cells_in_place(
    store: EventStore, add_person, qtbot: QtBot  # type: ignore[no-untyped-def]
) -> None:
    person = add_person(store, "Ada", "Lovelace")
    model = PeopleModel()
    model.set_rows(_rows(store))
    with store.session() as session:
        checkin.check_in(session, person, station="x")
    with qtbot.assertNotEmitted(model.modelReset), qtbot.waitSignal(model.dataChanged):
        model.set_rows(_rows(store))
    assert model.index(0, Column.ARRIVED).data() == "Arrived"


def test_page_lists_everyone_with_a_count(people_page: PeoplePage, demo_store: EventStore) -> None:
    rows = _rows(demo_store)
    arrived = sum(r.checked_in for r in rows)
    assert people_page.model.rowCount() == len(rows)
    assert people_page.count_label.text() == f"{len(rows)} people · {arrived} arrived"
    assert people_page.stack.currentWidget() is people_page.table
    # Sorted by last name, accent-blind, like the service.
    assert _visible_names(people_page)[:3] == [r.full_name for r in rows[:3]]


def test_filter_as_you_type_is_accent_and_case_blind(people_page: PeoplePage, qtbot: QtBot) -> None:
    total = people_page.model.rowCount()
    qtbot.keyClicks(people_page.filter_edit, "zoe sim")
    assert _visible_names(people_page) == ["Zoë Šimůnek"]
    assert people_page.count_label.text() == f"1 of {total} people shown"

    people_page.filter_edit.clear()
    assert people_page.proxy.rowCount() == total


def test_filter_matches_organisation_topics_and_badge_code(people_page: PeoplePage) -> None:
    row = people_page.model.row_at(0)
    people_page.filter_edit.setText(row.badge_code.lower())
    assert _visible_names(people_page) == [row.full_name]

    people_page.filter_edit.setText("kaizen robotics")
    assert "博 田中" in _visible_names(people_page)

    people_page.filter_edit.setText("Робо")  # Cyrillic query, no match: the empty state says so
    assert people_page.proxy.rowCount() == 0
    assert people_page.stack.currentWidget() is people_page.empty_label
    assert "No one matches “Робо”" in people_page.empty_label.text()


def test_ctrl_f_focuses_the_filter(people_page: PeoplePage, window: MainWindow, qtbot: QtBot) -> None:
    window.activateWindow()
    people_page.table.setFocus()
    qtbot.keyClick(people_page.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert people_page.filter_edit.hasFocus()


def test_empty_event_shows_an_explanation(window: MainWindow, store: EventStore, qtbot: QtBot) -> None:
    window.open_event(store.path)  # type: ignore[arg-type]
    window.workspace.show_page(1)
    page = window.workspace.people
    qtbot.waitUntil(lambda: page.count_label.text() != "", timeout=5_000)
    assert page.stack.currentWidget() is page.empty_label
    assert "No one is registered" in page.empty_label.text()
    assert page.count_label.text() == "0 people · 0 arrived"
    assert not page.filter_edit.isEnabled()


def test_page_picks_up_arrivals_from_elsewhere(
    people_page: PeoplePage, demo_store: EventStore, qtbot: QtBot
) -> None:
    waiting = next(r for r in _rows(demo_store) if not r.checked_in)
    people_page.filter_edit.setText(waiting.badge_code)
    with demo_store.session() as session:
        checkin.check_in(session, waiting.id, station="x")
    qtbot.waitUntil(lambda: people_page.proxy.index(0, Column.ARRIVED).data() == "Arrived", timeout=10_000)
