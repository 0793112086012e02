"""The People page and its item model: the table of everyone, its filters, sorting and count."""

from __future__ import annotations

import pytest
from focus_helpers import activate, wait_focus
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from mentordesk.models import Role
from mentordesk.models.store import EventStore
from mentordesk.services import checkin, roster
from mentordesk.services.people import PersonRow, list_people
from mentordesk.ui.itemmodels.people_model import (
    ROW_ROLE,
    SORT_ROLE,
    Arrival,
    Column,
    PeopleFilterModel,
    PeopleModel,
    search_text,
)
from mentordesk.ui.main_window import MainWindow
from mentordesk.ui.people.page import EMPTY_EVENT_TEXT, PeoplePage


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
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=20_000)
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
    assert people_page.stack.currentWidget() is people_page.empty_state
    assert "No one matches “Робо”" in people_page.empty_label.text()
    assert people_page.empty_state.clear_button.isVisibleTo(people_page)


def test_ctrl_f_focuses_the_filter(people_page: PeoplePage, window: MainWindow, qtbot: QtBot) -> None:
    activate(qtbot, window)  # Ctrl+F is a window shortcut
    people_page.table.setFocus()
    qtbot.keyClick(people_page.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    wait_focus(qtbot, people_page.filter_edit)


def test_empty_event_shows_an_explanation(window: MainWindow, store: EventStore, qtbot: QtBot) -> None:
    window.open_event(store.path)  # type: ignore[arg-type]
    window.workspace.show_page(1)
    page = window.workspace.people
    qtbot.waitUntil(lambda: page.count_label.text() != "", timeout=20_000)
    assert page.stack.currentWidget() is page.empty_state
    assert page.empty_label.text() == EMPTY_EVENT_TEXT
    assert page.count_label.text() == "0 people · 0 arrived"
    assert not page.filter_edit.isEnabled()
    # Nothing to filter: the empty state's calls to action take the filters' place.
    assert not page.filter_bar.isVisibleTo(page)
    assert page.empty_state.import_button.isVisibleTo(page)
    assert page.empty_state.add_button.isVisibleTo(page)


def test_page_picks_up_arrivals_from_elsewhere(
    people_page: PeoplePage, demo_store: EventStore, qtbot: QtBot
) -> None:
    waiting = next(r for r in _rows(demo_store) if not r.checked_in)
    people_page.filter_edit.setText(waiting.badge_code)
    with demo_store.session() as session:
        checkin.check_in(session, waiting.id, station="x")
    qtbot.waitUntil(lambda: people_page.proxy.index(0, Column.ARRIVED).data() == "Arrived", timeout=20_000)


def _choose(combo: QComboBox, text: str) -> None:
    index = combo.findText(text)
    assert index >= 0, text
    combo.setCurrentIndex(index)


def test_filter_model_with_role_and_arrival_passes_the_model_tester(  # type: ignore[no-untyped-def]
    qtmodeltester, demo_store: EventStore
) -> None:
    model = PeopleModel()
    proxy = PeopleFilterModel()
    proxy.setSourceModel(model)
    model.set_rows(_rows(demo_store))
    proxy.set_role(Role.MENTOR)
    proxy.set_arrival(Arrival.ARRIVED)
    assert 0 < proxy.rowCount() < model.rowCount()
    qtmodeltester.check(proxy, force_py=True)


def test_role_filter(people_page: PeoplePage, demo_store: EventStore) -> None:
    rows = _rows(demo_store)
    for label, role in (("Mentors", Role.MENTOR), ("Mentees", Role.MENTEE), ("Facilitators", Role.FACILITATOR)):
        _choose(people_page.role_combo, label)
        expected = sorted(r.full_name for r in rows if r.role is role)
        assert sorted(_visible_names(people_page)) == expected
        assert people_page.count_label.text() == f"{len(expected)} of {len(rows)} people shown"
    _choose(people_page.role_combo, "All roles")
    assert people_page.proxy.rowCount() == len(rows)
    assert people_page.count_label.text().startswith(f"{len(rows)} people · ")


def test_arrival_filter_combines_with_role_and_text(people_page: PeoplePage, demo_store: EventStore) -> None:
    rows = _rows(demo_store)
    _choose(people_page.arrival_combo, "Not arrived")
    assert sorted(_visible_names(people_page)) == sorted(r.full_name for r in rows if not r.checked_in)
    _choose(people_page.arrival_combo, "Arrived")
    assert sorted(_visible_names(people_page)) == sorted(r.full_name for r in rows if r.checked_in)

    _choose(people_page.role_combo, "Mentors")
    people_page.filter_edit.setText("engineer")
    expected = [r.full_name for r in rows if r.role is Role.MENTOR and r.checked_in and "engineer" in search_text(r)]
    assert expected and sorted(_visible_names(people_page)) == sorted(expected)

    people_page.filter_edit.setText("Робо")
    assert people_page.stack.currentWidget() is people_page.empty_state
    assert "with the role and arrival chosen" in people_page.empty_label.text()
    people_page.empty_state.clear_button.click()
    assert people_page.proxy.rowCount() == len(rows)
    assert (people_page.filter_edit.text(), people_page.role_combo.currentText(),
            people_page.arrival_combo.currentText()) == ("", "All roles", "Everyone")


def test_letters_that_do_not_decompose_are_found_too(people_page: PeoplePage) -> None:
    # ł, ø and ß-like letters have no accent to strip; the folded key spells them out.
    people_page.filter_edit.setText("lukasz wisniewski")
    assert _visible_names(people_page) == ["Łukasz Wiśniewski"]
    people_page.filter_edit.setText("ODEGARD")
    assert _visible_names(people_page) == ["Bjørn Ødegård"]


@pytest.mark.parametrize("column", list(Column))
def test_every_column_sorts_both_ways(people_page: PeoplePage, column: Column) -> None:
    proxy = people_page.proxy
    people_page.table.sortByColumn(column, Qt.SortOrder.AscendingOrder)
    keys = [proxy.index(row, column).data(SORT_ROLE) for row in range(proxy.rowCount())]
    assert keys == sorted(keys)
    people_page.table.sortByColumn(column, Qt.SortOrder.DescendingOrder)
    keys = [proxy.index(row, column).data(SORT_ROLE) for row in range(proxy.rowCount())]
    assert keys == sorted(keys, reverse=True)


def test_sorting_by_role_puts_mentors_first(people_page: PeoplePage) -> None:
    people_page.table.sortByColumn(Column.ROLE, Qt.SortOrder.AscendingOrder)
    roles = [people_page.proxy.index(row, Column.ROLE).data() for row in range(people_page.proxy.rowCount())]
    assert roles[0] == "Mentor" and roles[-1] == "Facilitator"


def test_a_duplicate_notice_appears_for_look_alike_records(
    people_page: PeoplePage, demo_store: EventStore, qtbot: QtBot
) -> None:
    assert not people_page.duplicates_button.isVisibleTo(people_page)
    with demo_store.session() as session:
        roster.add_person(session, demo_store.event_id, roster.PersonInput("ZOE", "simunek"))
    people_page.reload()
    qtbot.waitUntil(lambda: people_page.duplicates_button.isVisibleTo(people_page), timeout=20_000)
    assert people_page.duplicates_button.text() == "1 possible duplicate"


def test_four_hundred_people(window: MainWindow, many_people_store: EventStore, qtbot: QtBot) -> None:
    window.open_event(many_people_store.path)  # type: ignore[arg-type]
    window.workspace.show_page(1)
    page = window.workspace.people
    rows = _rows(many_people_store)
    assert len(rows) >= 400
    qtbot.waitUntil(lambda: page.model.rowCount() == len(rows), timeout=20_000)
    assert page.count_label.text() == f"{len(rows)} people · 0 arrived"
    _choose(page.role_combo, "Mentors")
    assert page.proxy.rowCount() == sum(r.role is Role.MENTOR for r in rows)
    page.filter_edit.setText("田中")
    assert page.proxy.rowCount() > 0
    assert all("田中" in name for name in _visible_names(page))
    page.table.sortByColumn(Column.NAME, Qt.SortOrder.DescendingOrder)
    assert page.stack.currentWidget() is page.table
