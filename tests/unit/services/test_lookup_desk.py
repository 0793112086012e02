"""Desk input: forgiving badge codes, e-mails, and accent-blind name search in any word order."""

from __future__ import annotations

import pytest
from people_rows import add_mentees

from mentordesk.models import CheckinEntry, CheckinMethod
from mentordesk.models.store import EventStore
from mentordesk.services.desk import Outcome, check_in_input, check_in_person
from mentordesk.services.lookup import code_candidates, find_by_code, search_names

PEOPLE = [
    ("Zoë", "Šimůnek", "zoe@example.org", "ZYK0M1A8"),
    ("Zoe", "Adams", "zadams@example.org", "QRST2345"),
    ("Łukasz", "Wiśniewski", None, "WXYZ6789"),
    ("芳", "王", "wang@example.org", "ABCD0001"),
    ("Αλέξανδρος", "Παπαδόπουλος", None, "ABCD0002"),
    ("Maximilian Alexander", "von Hohenberg-Schwarzenfeld", None, "ABCD0003"),
]


@pytest.fixture
def ids(store: EventStore) -> dict[str, int]:
    return add_mentees(store, PEOPLE)


@pytest.mark.parametrize(
    "typed",
    ["ZYK0M1A8", "zyk0m1a8", " ZYK0-M1A8 ", "ZYKOM1A8", "ZYK0MIA8", "ZYK0MLA8", "MD1:ZYK0M1A8",
     "ZYK0M&A8",  # AZERTY digits
     "YZK0M1A8"],  # QWERTZ swaps Y and Z
)
def test_badge_codes_are_read_forgivingly(store: EventStore, ids: dict[str, int], typed: str) -> None:
    with store.read_session() as session:
        assert find_by_code(session, store.event_id, typed) == ids["ZYK0M1A8"]


def test_literal_code_wins_over_a_forgiving_reading(store: EventStore, ids: dict[str, int]) -> None:
    assert code_candidates("WXYZ6789")[0] == "WXYZ6789"
    with store.read_session() as session:
        assert find_by_code(session, store.event_id, "WXYZ6789") == ids["WXYZ6789"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("zoe sim", ["ZYK0M1A8"]),
        ("SIM zoe", ["ZYK0M1A8"]),
        ("šimůnek", ["ZYK0M1A8"]),
        ("lukasz", ["WXYZ6789"]),
        ("wisniewski", ["WXYZ6789"]),
        ("王", ["ABCD0001"]),
        ("παπαδ", ["ABCD0002"]),
        ("ΑΛΕΞΑΝΔΡΟΣ", ["ABCD0002"]),
        ("hohenberg", ["ABCD0003"]),
        ("nobody", []),
        ("mek", []),  # inside a word, not at its start
    ],
)
def test_name_search(store: EventStore, ids: dict[str, int], query: str, expected: list[str]) -> None:
    with store.read_session() as session:
        assert search_names(session, store.event_id, query) == [ids[code] for code in expected]


def test_exact_name_ranks_first(store: EventStore, ids: dict[str, int]) -> None:
    with store.read_session() as session:
        found = search_names(session, store.event_id, "zoe")
    assert set(found) == {ids["ZYK0M1A8"], ids["QRST2345"]}
    with store.read_session() as session:
        assert search_names(session, store.event_id, "zoe adams")[0] == ids["QRST2345"]


def test_search_treats_like_wildcards_literally(store: EventStore, ids: dict[str, int]) -> None:
    with store.read_session() as session:
        assert search_names(session, store.event_id, "%") == []
        assert search_names(session, store.event_id, "_") == []


def test_code_checks_in_at_once_then_reports_already(store: EventStore, ids: dict[str, int]) -> None:
    with store.session() as session:
        first = check_in_input(session, store.event_id, "zyk0m1a8", station="Desk 1")
    assert first.outcome is Outcome.CHECKED_IN and first.person is not None
    assert first.person.name == "Zoë Šimůnek" and first.message == "Welcome, Zoë Šimůnek"
    with store.session() as session:
        again = check_in_input(session, store.event_id, "ZYK0M1A8", station="Desk 2")
    assert again.outcome is Outcome.ALREADY and "already checked in at" in again.message
    with store.read_session() as session:
        entries = session.query(CheckinEntry).all()
    assert [(e.station, e.method) for e in entries] == [("Desk 1", CheckinMethod.SCAN)]


def test_email_checks_in(store: EventStore, ids: dict[str, int]) -> None:
    with store.session() as session:
        result = check_in_input(session, store.event_id, "  ZADAMS@example.ORG ", station="Desk 1")
    assert result.outcome is Outcome.CHECKED_IN and result.person and result.person.id == ids["QRST2345"]


def test_ambiguous_name_asks_to_choose_and_writes_nothing(store: EventStore, ids: dict[str, int]) -> None:
    with store.session() as session:
        result = check_in_input(session, store.event_id, "zoe", station="Desk 1")
        assert result.outcome is Outcome.CHOOSE and len(result.candidates) == 2
        assert session.query(CheckinEntry).count() == 0
        chosen = check_in_person(session, result.candidates[1].id, station="Desk 1", method=CheckinMethod.NAME)
    assert chosen.outcome is Outcome.CHECKED_IN


def test_unique_name_checks_in_and_names_can_be_disabled(store: EventStore, ids: dict[str, int]) -> None:
    with store.session() as session:
        assert check_in_input(session, store.event_id, "lukasz", station="x",
                              allow_names=False).outcome is Outcome.UNKNOWN
        result = check_in_input(session, store.event_id, "lukasz", station="x")
    assert result.outcome is Outcome.CHECKED_IN


def test_unknown_input(store: EventStore, ids: dict[str, int]) -> None:
    with store.session() as session:
        result = check_in_input(session, store.event_id, "NOPE9999", station="x")
    assert result.outcome is Outcome.UNKNOWN and "NOPE9999" in result.message


def test_confirmation_names_the_first_table_once_a_rotation_is_planned(store: EventStore, ids: dict[str, int]) -> None:
    from mentordesk.models import FlashRound, FlashSeat, FlashSession, SeatKind, SessionStatus

    with store.session() as session:
        flash = FlashSession(event_id=store.event_id, status=SessionStatus.PLANNED)
        session.add(flash)
        session.flush()
        first = FlashRound(session_id=flash.id, number=1)
        session.add(first)
        session.flush()
        session.add(FlashSeat(round_id=first.id, person_id=ids["ZYK0M1A8"], kind=SeatKind.MENTEE, table_number=4))
    with store.session() as session:
        result = check_in_input(session, store.event_id, "ZYK0M1A8", station="x")
    assert result.person is not None and result.person.first_table == 4
    assert result.message == "Welcome, Zoë Šimůnek — table 4"
