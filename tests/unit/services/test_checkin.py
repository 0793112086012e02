"""Check-in state is derived from the append-only log: check in, out, undo, and again."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from mentordesk.models import CheckinAction, CheckinEntry, CheckinMethod, Person, Role
from mentordesk.models.store import EventStore
from mentordesk.services import checkin


@pytest.fixture
def person_id(store: EventStore) -> int:
    with store.session() as session:
        person = Person(event_id=store.event_id, first_name="Zoë", last_name="Šimůnek", role=Role.MENTEE,
                        badge_code="ZOE00001")
        session.add(person)
        session.flush()
        return person.id


def _log_size(store: EventStore) -> int:
    with store.read_session() as session:
        return session.scalar(select(func.count()).select_from(CheckinEntry)) or 0


def test_check_in_records_station_method_and_time(store: EventStore, person_id: int) -> None:
    with store.session() as session:
        result = checkin.check_in(session, person_id, station="Desk 2", method=CheckinMethod.SCAN)
    assert not result.already
    with store.read_session() as session:
        entry = session.get_one(CheckinEntry, result.entry_id)
        assert (entry.station, entry.method, entry.action) == ("Desk 2", CheckinMethod.SCAN, CheckinAction.CHECK_IN)
        assert abs(entry.at - datetime.now(UTC)) < timedelta(seconds=30)
        assert checkin.checked_in_ids(session, store.event_id) == {person_id}


def test_second_check_in_reports_the_first_and_writes_nothing(store: EventStore, person_id: int) -> None:
    with store.session() as session:
        first = checkin.check_in(session, person_id)
    with store.session() as session:
        second = checkin.check_in(session, person_id)
    assert second.already and second.entry_id == first.entry_id and second.at == first.at
    assert _log_size(store) == 1


def test_undo_cancels_a_check_in(store: EventStore, person_id: int) -> None:
    with store.session() as session:
        entry = checkin.check_in(session, person_id)
        checkin.undo(session, entry.entry_id, station="Desk 1")
    with store.read_session() as session:
        assert checkin.checked_in_ids(session, store.event_id) == set()
        assert not checkin.is_checked_in(session, person_id)
    assert _log_size(store) == 2
    with pytest.raises(checkin.CheckinError, match="already"), store.session() as session:
        checkin.undo(session, entry.entry_id)


def test_check_out_then_in_again(store: EventStore, person_id: int) -> None:
    with store.session() as session:
        checkin.check_in(session, person_id)
        checkin.check_out(session, person_id)
        assert not checkin.is_checked_in(session, person_id)
        checkin.check_in(session, person_id)
        assert checkin.is_checked_in(session, person_id)


def test_undoing_a_check_out_restores_the_check_in(store: EventStore, person_id: int) -> None:
    with store.session() as session:
        checkin.check_in(session, person_id)
        out = checkin.check_out(session, person_id)
        checkin.undo(session, out.entry_id)
        assert checkin.is_checked_in(session, person_id)


def test_check_out_of_someone_not_here_is_refused(store: EventStore, person_id: int) -> None:
    with pytest.raises(checkin.CheckinError, match="not checked in"), store.session() as session:
        checkin.check_out(session, person_id)


def test_bulk_time_is_kept_apart_from_recording_time(store: EventStore, person_id: int) -> None:
    earlier = datetime.now(UTC) - timedelta(hours=3)
    with store.session() as session:
        result = checkin.check_in(session, person_id, method=CheckinMethod.BULK, at=earlier)
    with store.read_session() as session:
        entry = session.get_one(CheckinEntry, result.entry_id)
        assert entry.at == earlier.replace(microsecond=earlier.microsecond)
        assert entry.recorded_at > entry.at + timedelta(hours=2)


def test_bulk_check_in_from_a_paper_list(store: EventStore, person_id: int) -> None:
    with store.session() as session:
        other = Person(event_id=store.event_id, first_name="Ann", role=Role.MENTOR, badge_code="ANN00001")
        session.add(other)
        session.flush()
        checkin.check_in(session, other.id)
        other_id = other.id
    at = datetime(2026, 5, 4, 9, 0, tzinfo=UTC)
    with store.session() as session:
        results = checkin.bulk_check_in(session, [person_id, other_id], at=at, station="Paper list")
    assert [r.already for r in results] == [False, True]
    with store.read_session() as session:
        entry = checkin.current_entry(session, person_id)
        assert entry is not None and entry.at == at and entry.method is CheckinMethod.BULK


def test_recent_lists_newest_first_and_marks_undone(store: EventStore, person_id: int) -> None:
    with store.session() as session:
        first = checkin.check_in(session, person_id, station="Desk 1")
        checkin.undo(session, first.entry_id, station="Desk 1")
        checkin.check_in(session, person_id, station="Desk 2")
    with store.read_session() as session:
        lines = checkin.recent(session, store.event_id)
        assert [(line.station, line.undone) for line in lines] == [("Desk 2", False), ("Desk 1", True)]
        assert lines[0].name == "Zoë Šimůnek"
        last = checkin.last_undoable(session, store.event_id, "Desk 2")
        assert last is not None and last.station == "Desk 2"
        assert checkin.last_undoable(session, store.event_id, "Desk 1") is None
