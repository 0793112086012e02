"""The schedule data object against the saved plan: grid cells, rosters, itineraries, waiting, errors."""

from __future__ import annotations

import pytest
from paper_fixtures import MENTEES, MENTORS, add_people, save_rotation

from mentordesk.models import FlashTable, PlanMode
from mentordesk.models.store import EventStore
from mentordesk.printing.catalog import DocumentError
from mentordesk.printing.schedule_data import build_schedule
from mentordesk.services.flash import current_session_id, load_plan


@pytest.mark.parametrize(("seats", "mode"), [(1, PlanMode.ROTATE), (2, PlanMode.MATCH), (3, PlanMode.MATCH)])
def test_schedule_matches_the_saved_plan(store: EventStore, seats: int, mode: PlanMode) -> None:
    people = add_people(store, MENTORS, MENTEES)
    flash_id = save_rotation(store, rounds=4, seats=seats, mode=mode)
    with store.read_session() as session:
        data = build_schedule(session)
        plan = load_plan(session, flash_id)
    assert data.flash_session_id == flash_id
    assert data.round_numbers == (1, 2, 3, 4)
    assert data.seats == seats
    assert data.meetings == sum(1 for _ in plan.pairs())
    # Every cell of the grid is the plan's table in that round.
    for table in data.tables:
        assert len(table.rounds) == 4
        for cell, round_ in zip(table.rounds, plan.rounds, strict=True):
            planned = next(t for t in round_.tables if t.number == table.number)
            assert cell.mentor is not None and cell.mentor.person_id == planned.mentor
            assert {m.person_id for m in cell.mentees} == set(planned.mentees)
            assert cell.on_break == planned.on_break
    # Every mentee has one stop per round that agrees with the plan, waiting included.
    assert {i.person.person_id for i in data.itineraries} == set(people.mentees)
    for itinerary in data.itineraries:
        assert tuple(s.table for s in itinerary.stops) == plan.itinerary(itinerary.person.person_id)
        for stop, round_ in zip(itinerary.stops, plan.rounds, strict=True):
            assert stop.waiting == (itinerary.person.person_id in round_.waiting)
            if stop.table is not None:
                assert stop.mentor is not None
                assert stop.mentor.person_id == round_.table_of(itinerary.person.person_id).mentor  # type: ignore[union-attr]
    for waiting, round_ in zip(data.waiting, plan.rounds, strict=True):
        assert {n.person_id for n in waiting} == set(round_.waiting)


def test_itineraries_and_waiting_lists_are_by_surname(store: EventStore) -> None:
    add_people(store, MENTORS[:2], [("Zed", "Adams"), ("Ann", "Zimmer"), ("Émile", "Bérard"), ("Bob", "Ebert"),
                                    ("Solo", "")])
    save_rotation(store, rounds=3)
    with store.read_session() as session:
        data = build_schedule(session)
    assert [i.person.full for i in data.itineraries] == ["Zed Adams", "Émile Bérard", "Bob Ebert", "Solo",
                                                         "Ann Zimmer"]
    for waiting in data.waiting:
        assert list(waiting) == sorted(waiting, key=lambda n: n.sort_key)
    # Three mentees wait each round (2 tables, 5 mentees) and the cards say so.
    assert all(len(w) == 3 for w in data.waiting)
    assert all(sum(s.waiting for s in i.stops) + i.meetings == 3 for i in data.itineraries)


def test_one_mentor_one_mentee(store: EventStore) -> None:
    add_people(store, [("Ada", "Lovelace")], [("Alan", "Turing")])
    save_rotation(store, rounds=2)
    with store.read_session() as session:
        data = build_schedule(session)
    assert len(data.tables) == 1 and data.tables[0].mentor_names == "Ada Lovelace"
    assert [c.mentees[0].full for c in data.tables[0].rounds[:1]] == ["Alan Turing"]
    assert data.itineraries[0].meetings == 1  # never the same mentor twice
    assert data.itineraries[0].stops[1].waiting


def test_table_labels_and_the_current_session(store: EventStore) -> None:
    add_people(store, MENTORS[:2], MENTEES[:3])
    first = save_rotation(store, rounds=2)
    second = save_rotation(store, rounds=5)
    with store.session() as session:
        session.add(FlashTable(session_id=second, number=99, label="unused"))
        table = session.query(FlashTable).filter_by(session_id=second, number=1).one()
        table.label = "by the window"
    with store.read_session() as session:
        assert current_session_id(session, store.event_id) == second
        data = build_schedule(session)
        older = build_schedule(session, first)
    assert len(data.round_numbers) == 5 and len(older.round_numbers) == 2
    assert data.tables[0].title == "Table 1 — by the window"
    assert data.describe() == "5 rounds of 7 minutes, 1-minute changeover"


def test_no_plan_is_one_clear_line(store: EventStore) -> None:
    add_people(store, MENTORS[:1], MENTEES[:1])
    with store.read_session() as session, pytest.raises(DocumentError) as caught:
        build_schedule(session)
    assert "no rotation has been planned" in str(caught.value)
    assert "mentordesk flash plan" in str(caught.value) and "--save" in str(caught.value)
    assert "\n" not in str(caught.value)
    with store.read_session() as session, pytest.raises(DocumentError, match="no flash session 42"):
        build_schedule(session, 42)


def test_waiting_spots_and_a_90_second_changeover_reach_the_schedule(store: EventStore) -> None:
    from mentordesk.services.flash.live import SessionSetup, plan_session

    add_people(store, MENTORS, MENTEES)
    with store.session() as session:
        planned = plan_session(session, store.event_id, SessionSetup(4, 7, 90, 1, PlanMode.ROTATE))
    spots = planned.result.waiting_spots
    assert any(spots.values())
    with store.read_session() as session:
        data = build_schedule(session)
    assert data.describe() == "4 rounds of 7 minutes, 90-second changeover"
    assert len(data.waiting_spots) == len(data.waiting)
    for number, names, places in zip(data.round_numbers, data.waiting, data.waiting_spots, strict=True):
        assert places == tuple(spots[number][n.person_id] for n in names)
    for itinerary in data.itineraries:
        for stop in itinerary.stops:
            expected = spots.get(stop.round, {}).get(itinerary.person.person_id, "")
            assert stop.spot == (expected if stop.waiting else "")
