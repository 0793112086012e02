"""The import's dry run (``plan_import``) says exactly what the import then does, and changes nothing."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from sqlalchemy import func, select

from mentordesk.models import MentorRequest, Person, Role
from mentordesk.models.store import EventStore
from mentordesk.services.importing import (
    ImportSummary,
    guess_mapping,
    import_table,
    plan_import,
    read_bytes,
    read_file,
)
from mentordesk.services.importing.table import Table

SAMPLES = Path(__file__).resolve().parents[3] / "data" / "imports"


def _comparable(summary: ImportSummary, new_ids: set[int]) -> ImportSummary:
    """The summary without the ids new people get only when written."""
    duplicates = tuple(dataclasses.replace(dup, person_ids=tuple(pid for pid in dup.person_ids
                                                                  if pid > 0 and pid not in new_ids))
                       for dup in summary.duplicates)
    updated = tuple(pid for pid in summary.updated_ids if pid not in new_ids)
    return dataclasses.replace(summary, added_ids=(), updated_ids=updated, duplicates=duplicates)


def _plan_then_import(store: EventStore, table: Table, role: Role | None = None) -> tuple[ImportSummary, ImportSummary]:
    mapping = guess_mapping(table.headers)
    with store.read_session() as session:
        planned = plan_import(session, store.event_id, table, mapping, role=role)
    with store.session() as session:
        done = import_table(session, store.event_id, table, mapping, role=role)
    return planned, done


def _counts(store: EventStore) -> tuple[int, int, list[tuple[str, str, str]]]:
    with store.read_session() as session:
        people = session.scalar(select(func.count()).select_from(Person))
        requests = session.scalar(select(func.count()).select_from(MentorRequest))
        rows = [tuple(row) for row in session.execute(select(Person.first_name, Person.last_name, Person.organization)
                                    .order_by(Person.id))]
        return people or 0, requests or 0, rows


@pytest.mark.parametrize("name", ["eventbrite_attendees.csv", "google_form_responses.csv", "rows_with_problems.csv",
                                  "names_many_scripts.csv", "attendees.xlsx", "semicolon_windows1252.csv"])
def test_the_plan_agrees_with_the_import_on_a_new_event(store: EventStore, name: str) -> None:
    table = read_file(SAMPLES / name)
    role = None if guess_mapping(table.headers).has_role else Role.MENTEE
    before = _counts(store)
    with store.read_session() as session:
        planned = plan_import(session, store.event_id, table, guess_mapping(table.headers), role=role)
    assert _counts(store) == before  # the plan wrote nothing
    planned, done = _plan_then_import(store, table, role)
    assert _comparable(planned, set(done.added_ids)) == _comparable(done, set(done.added_ids))
    assert len(planned.outcomes) == done.rows_read
    assert planned.problem_lines() == done.problem_lines()


def test_the_plan_agrees_when_people_are_updated_and_requests_change(store: EventStore) -> None:
    _plan_then_import(store, read_file(SAMPLES / "eventbrite_attendees.csv"))
    updated = read_file(SAMPLES / "eventbrite_attendees_updated.csv")
    before = _counts(store)
    planned, done = _plan_then_import(store, updated)
    assert before != _counts(store) or done.updated == 0
    assert _comparable(planned, set(done.added_ids)) == _comparable(done, set(done.added_ids))
    assert planned.updated == done.updated and planned.updated_ids == done.updated_ids

    # Requested mentors, naming a mentor the same file adds: the plan counts the change as the import does.
    content = (
        "Name,Email,Role,Preferred mentors\n"
        "Ada Mentor,ada@x.org,Mentor,\n"
        "Bo Mentee,bo@x.org,Mentee,Ada Mentor\n"
        "Bo Mentee,bo@x.org,Mentee,Nobody Known\n"
        ",,Mentee,\n"
        "Cy Mentee,cy@x.org,Mentee,ada@x.org; Zed Q\n"
    )
    planned, done = _plan_then_import(store, read_bytes(content.encode(), "requests.csv"))
    assert _comparable(planned, set(done.added_ids)) == _comparable(done, set(done.added_ids))
    assert [outcome for _line, outcome in planned.outcomes].count("skipped") == len(planned.skipped) >= 1
    again = (content.replace("Ada Mentor\n", "ada@x.org\n"))
    planned, done = _plan_then_import(store, read_bytes(again.encode(), "requests.csv"))
    assert _comparable(planned, set(done.added_ids)) == _comparable(done, set(done.added_ids))
