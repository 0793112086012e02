"""The Flash item models pass Qt's model checks and show what the views data says."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from mentordesk.models import PlanMode
from mentordesk.models.store import EventStore
from mentordesk.services.flash.live import SessionSetup, plan_session
from mentordesk.services.flash.views import (
    flash_snapshot,
    grid_rows,
    itinerary,
    table_view,
)
from mentordesk.ui.itemmodels.flash_grid_model import IDS_ROLE, FlashGridModel
from mentordesk.ui.itemmodels.flash_itinerary_model import FlashItineraryModel
from mentordesk.ui.itemmodels.flash_table_model import FlashTableModel


def test_flash_models(qtmodeltester: Any, demo_store: EventStore) -> None:
    with demo_store.session() as session:
        plan_session(session, demo_store.event_id, SessionSetup(4, 7, 60, 2, PlanMode.MATCH))
    with demo_store.read_session() as session:
        snapshot = flash_snapshot(session, demo_store.event_id)
    assert snapshot.plan is not None
    grid = FlashGridModel()
    rows = grid_rows(snapshot)
    grid.set_grid(rows, 4, 1)
    qtmodeltester.check(grid)
    assert grid.columnCount() == 5 and grid.rowCount() == len(rows)
    assert grid.headerData(1, Qt.Orientation.Horizontal) == "Round 1 ✓"
    first = rows[0]
    assert grid.index(0, 0).data() == f"{first.table} · {first.mentor}"
    assert tuple(grid.index(0, 2).data(IDS_ROLE)) == first.ids[1]

    table = FlashTableModel()
    shown = table_view(snapshot, first.table or 1)
    assert shown is not None
    table.set_rows(shown.rounds)
    qtmodeltester.check(table)
    assert table.rowCount() == 4

    trip = FlashItineraryModel()
    stops = itinerary(snapshot, snapshot.plan.rounds[0].mentees[0])
    assert stops is not None
    trip.set_rows(stops.stops)
    qtmodeltester.check(trip)
    assert trip.index(0, 0).data() == "1"
