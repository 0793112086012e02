"""The People table sorts in its model (each column's keys made once, not asked for per comparison):
the order, the selection and the refresh behave as they did when the proxy sorted."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from mentordesk.models.store import EventStore
from mentordesk.services import checkin
from mentordesk.services.people import list_people
from mentordesk.ui.itemmodels.people_model import SORT_ROLE, Column
from mentordesk.ui.main_window import MainWindow
from mentordesk.ui.people.page import PeoplePage


def _page(window: MainWindow, store: EventStore, qtbot: QtBot) -> PeoplePage:
    window.open_event(store.path)  # type: ignore[arg-type]
    window.workspace.show_page(1)
    page = window.workspace.people
    assert isinstance(page, PeoplePage)
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=20_000)
    return page


def _column(page: PeoplePage, column: Column, role: int = Qt.ItemDataRole.DisplayRole) -> list[str]:
    return [page.proxy.index(row, column).data(role) for row in range(page.proxy.rowCount())]


def test_ties_keep_the_name_order_and_the_clicked_person_stays_chosen(
    window: MainWindow, demo_store: EventStore, qtbot: QtBot
) -> None:
    page = _page(window, demo_store, qtbot)
    with demo_store.read_session() as session:
        by_name = [r.full_name for r in list_people(session, demo_store.event_id)]
    view = page.table
    index = page.proxy.index(5, Column.NAME)
    view.scrollTo(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center())
    chosen = page.selected_person()
    assert chosen is not None

    view.sortByColumn(Column.ROLE, Qt.SortOrder.DescendingOrder)
    roles = _column(page, Column.ROLE, SORT_ROLE)
    assert roles == sorted(roles, reverse=True)
    names = _column(page, Column.NAME)
    for role in set(roles):  # within a role, people keep the list's own order (by name), both ways
        assert [n for n, r in zip(names, roles, strict=True) if r == role] == [
            n for n in by_name if n in {m for m, q in zip(names, roles, strict=True) if q == role}]
    assert page.selected_person() == chosen  # the selection followed the person


def test_a_check_in_moves_the_person_when_sorted_by_arrival(
    window: MainWindow, demo_store: EventStore, qtbot: QtBot
) -> None:
    page = _page(window, demo_store, qtbot)
    page.table.sortByColumn(Column.ARRIVED, Qt.SortOrder.AscendingOrder)
    waiting = [page.proxy.index(r, Column.NAME).data() for r in range(page.proxy.rowCount())
               if page.proxy.index(r, Column.ARRIVED).data() == "Not yet"]
    last = waiting[-1]
    person = next(p for p in page.model.rows if p.full_name == last)
    with demo_store.session() as session:
        checkin.check_in(session, person.id, station="x")
    page.reload()
    qtbot.waitUntil(lambda: _column(page, Column.ARRIVED).count("Arrived") == len(page.model.rows) - len(waiting) + 1,
                    timeout=20_000)
    arrived = _column(page, Column.ARRIVED)
    assert arrived == sorted(arrived)  # "Arrived" before "Not yet"
    assert last in [n for n, a in zip(_column(page, Column.NAME), arrived, strict=True) if a == "Arrived"]
