"""The rotation JSON of the product contract and the ``flash plan`` job that writes it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from mentordesk.models import FlashSession, PlanMode, Role
from mentordesk.models.store import EventStore
from mentordesk.services import checkin, roster
from mentordesk.services.flash import PersonRef, PlanError, make_problem, plan, plan_to_json_file, rotation_json
from mentordesk.services.roster import PersonInput


def _assert_contract(document: dict, rounds: int) -> None:  # type: ignore[type-arg]
    assert set(document) == {"people", "rounds"}
    for pid, person in document["people"].items():
        assert pid.isdigit()
        assert set(person) == {"name", "email", "role"}
        assert isinstance(person["name"], str) and person["name"]
        assert person["email"] is None or "@" in person["email"]
        assert person["role"] in ("mentor", "mentee")
    assert [r["round"] for r in document["rounds"]] == list(range(1, rounds + 1))
    met = set()
    for round_ in document["rounds"]:
        assert set(round_) == {"round", "tables", "waiting"}
        seen = []
        for table in round_["tables"]:
            assert set(table) == {"table", "mentor", "mentees"}
            assert isinstance(table["table"], int)
            assert document["people"][table["mentor"]]["role"] == "mentor"
            assert all(document["people"][m]["role"] == "mentee" for m in table["mentees"])
            seen += [table["mentor"], *table["mentees"]]
            for mentee in table["mentees"]:
                assert (mentee, table["mentor"]) not in met
                met.add((mentee, table["mentor"]))
        seen += round_["waiting"]
        assert sorted(seen) == sorted(document["people"])  # everyone exactly once


def test_plan_writes_the_contract_json(demo_store: EventStore, tmp_path: Path) -> None:
    out = tmp_path / "out" / "rotation.json"
    result = plan_to_json_file(demo_store, rounds=6, minutes=7, out_path=out)
    document = json.loads(out.read_text(encoding="utf-8"))
    _assert_contract(document, 6)
    assert result.plan.mode is PlanMode.MATCH  # the demo's mentees asked for mentors
    names = {p["name"] for p in document["people"].values()}
    assert "Zoë Šimůnek" in names or "Amara Okafor" in names
    with demo_store.read_session() as session:
        assert session.scalar(select(func.count()).select_from(FlashSession)) == 0


def test_rotate_with_seats_and_saving(demo_store: EventStore, tmp_path: Path) -> None:
    out = tmp_path / "rotation.json"
    result = plan_to_json_file(demo_store, rounds=4, minutes=5, seats=3, mode="rotate", out_path=out, save=True)
    _assert_contract(json.loads(out.read_text(encoding="utf-8")), 4)
    assert result.plan.mode is PlanMode.ROTATE
    with demo_store.read_session() as session:
        assert session.scalar(select(func.count()).select_from(FlashSession)) == 1


def test_rotate_is_the_default_without_requests(store: EventStore, tmp_path: Path) -> None:
    with store.session() as session:
        for first, role in (("Mo", Role.MENTOR), ("Ann", Role.MENTEE), ("Bea", Role.MENTEE)):
            checkin.check_in(session, roster.add_person(session, store.event_id, PersonInput(first, "X", role=role)))
    result = plan_to_json_file(store, rounds=2, minutes=7, out_path=tmp_path / "r.json")
    assert result.plan.mode is PlanMode.ROTATE
    document = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    _assert_contract(document, 2)
    assert all(p["email"] is None for p in document["people"].values())


def test_a_mentor_on_a_break_stays_at_the_table_with_no_mentees() -> None:
    problem = make_problem([1, 2], [11, 12], 2, breaks={2: [1]})
    people = {1: PersonRef("A", None, Role.MENTOR), 2: PersonRef("B", "b@x.org", Role.MENTOR),
              11: PersonRef("C", None, Role.MENTEE), 12: PersonRef("D", None, Role.MENTEE)}
    document = rotation_json(plan(problem).plan, people)
    _assert_contract(document, 2)
    assert {"table": 2, "mentor": "2", "mentees": []} in document["rounds"][0]["tables"]
    assert len(document["rounds"][0]["waiting"]) == 1


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"rounds": 0}, "number of rounds"),
        ({"seats": 4}, "seats per table"),
        ({"minutes": 0}, "minutes per round"),
        ({"mode": "shuffle"}, "unknown mode"),
    ],
)
def test_impossible_input_is_one_line(
    demo_store: EventStore, tmp_path: Path, kwargs: dict[str, object], message: str
) -> None:
    arguments = {"rounds": 3, "minutes": 7, "out_path": tmp_path / "r.json"} | kwargs
    with pytest.raises(PlanError, match=message) as caught:
        plan_to_json_file(demo_store, **arguments)  # type: ignore[arg-type]
    assert "\n" not in str(caught.value)
    assert not (tmp_path / "r.json").exists()


def test_nobody_checked_in(store: EventStore, tmp_path: Path) -> None:
    with pytest.raises(PlanError, match="nobody checked in is a mentor"):
        plan_to_json_file(store, rounds=3, minutes=7, out_path=tmp_path / "r.json")


def test_unwritable_destination(demo_store: EventStore, tmp_path: Path) -> None:
    with pytest.raises(PlanError, match="cannot write"):
        plan_to_json_file(demo_store, rounds=2, minutes=7, out_path=tmp_path)


def test_a_one_line_summary() -> None:
    stats = plan(make_problem([1, 2], range(11, 16), 2, requests=[(11, 1)])).stats
    assert stats.describe() == ("4 meetings (the most possible with 1 seat per table), 0–1 per mentee, "
                                "1 of 1 requested mentors met")
