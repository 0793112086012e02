"""The item models of the check-in screens: the recent log, name candidates, the paper-list ticks."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from pytestqt.qtbot import QtBot

from mentordesk.models import CheckinAction, Role
from mentordesk.models.store import EventStore
from mentordesk.services import checkin
from mentordesk.services.checkin import LogLine
from mentordesk.services.desk_reads import name_matches
from mentordesk.services.people import list_people
from mentordesk.ui.itemmodels.arrival_list_model import ArrivalFilterModel, ArrivalListModel
from mentordesk.ui.itemmodels.candidates_model import CandidatesModel
from mentordesk.ui.itemmodels.candidates_model import Column as CandidateColumn
from mentordesk.ui.itemmodels.checkin_log_model import ROW_ROLE, CheckinLogModel, Column


def _line(entry_id: int, name: str = "Zoë Šimůnek", *, undone: bool = False) -> LogLine:
    at = datetime(2026, 4, 17, 9, entry_id % 60, tzinfo=UTC)
    return LogLine(entry_id, entry_id * 10, name, Role.MENTEE, CheckinAction.CHECK_IN, at, "Front desk", undone)


def test_log_model_passes_the_model_tester(qtmodeltester, demo_store: EventStore) -> None:  # type: ignore[no-untyped-def]
    with demo_store.read_session() as session:
        lines = checkin.recent(session, demo_store.event_id, 50)
    assert any(line.undone for line in lines) and any(line.action is CheckinAction.CHECK_OUT for line in lines)
    model = CheckinLogModel()
    model.set_rows(lines)
    qtmodeltester.check(model, force_py=True)


def test_log_model_shows_an_entry(qtbot: QtBot) -> None:
    model = CheckinLogModel()
    line = _line(7, undone=True)
    model.set_rows([line])
    texts = [model.index(0, column).data() for column in Column]
    assert texts == [line.at.astimezone().strftime("%H:%M"), "Zoë Šimůnek", "Mentee", "Checked in", "Front desk"]
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in Column] == [
        "Time", "Name", "Role", "Action", "Station"
    ]
    assert model.index(0, Column.NAME).data(ROW_ROLE) == line
    assert model.index(0, Column.NAME).data(Qt.ItemDataRole.FontRole).strikeOut()
    assert "Undone" in model.index(0, Column.TIME).data(Qt.ItemDataRole.ToolTipRole)


def test_new_entries_are_inserted_without_losing_the_selection(qtbot: QtBot) -> None:
    model = CheckinLogModel()
    model.set_rows([_line(3), _line(2), _line(1)])
    selected = QPersistentModelIndex(model.index(1, 0))  # entry 2, chosen for check-out
    with qtbot.assertNotEmitted(model.modelReset), qtbot.waitSignal(model.rowsInserted):
        # Two new entries; the list keeps four, so entry 1 drops off the end.
        model.set_rows([_line(5), _line(4), _line(3), _line(2)])
    assert selected.isValid() and selected.row() == 3
    assert [line.entry_id for line in model.rows] == [5, 4, 3, 2]

    # An undo elsewhere only changes a row in place.
    with qtbot.assertNotEmitted(model.modelReset), qtbot.waitSignal(model.dataChanged):
        model.set_rows([_line(5), _line(4), _line(3, undone=True), _line(2)])
    # Anything else (another event, a purge) resets.
    with qtbot.waitSignal(model.modelReset):
        model.set_rows([_line(9)])
    assert model.rowCount(QModelIndex()) == 1


def test_candidates_model_passes_the_model_tester(qtmodeltester, demo_store: EventStore) -> None:  # type: ignore[no-untyped-def]
    with demo_store.read_session() as session:
        matches = name_matches(session, demo_store.event_id, "ma")
    assert len(matches.candidates) >= 3
    model = CandidatesModel()
    model.set_rows(matches.candidates)
    qtmodeltester.check(model, force_py=True)
    arrived = [c for c in matches.candidates if c.arrived]
    row = matches.candidates.index(arrived[0])
    assert model.index(row, CandidateColumn.STATUS).data().startswith("Arrived ")


def test_arrival_list_models_pass_the_model_tester(qtmodeltester, demo_store: EventStore) -> None:  # type: ignore[no-untyped-def]
    with demo_store.read_session() as session:
        rows = [row for row in list_people(session, demo_store.event_id) if not row.checked_in]
    model = ArrivalListModel()
    model.set_rows(rows)
    model.setData(model.index(0, 0), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    qtmodeltester.check(model, force_py=True)
    proxy = ArrivalFilterModel()
    proxy.setSourceModel(model)
    proxy.set_query("UNIVERSITY")
    qtmodeltester.check(proxy, force_py=True)
    assert proxy.rowCount() >= 1
    assert model.checked_ids == [rows[0].id]
