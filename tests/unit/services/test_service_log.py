"""Imports and planning decisions leave one line each in the log: counts, never people."""

from __future__ import annotations

import csv
import logging
import re
from pathlib import Path

import pytest

from mentordesk.models.store import EventStore
from mentordesk.services.flash.planner import plan
from mentordesk.services.flash.saved_plan import load_problem
from mentordesk.services.importing import import_file

IMPORTS = Path(__file__).resolve().parents[2] / "data" / "imports"


def test_an_import_logs_its_counts_only(store: EventStore, caplog: pytest.LogCaptureFixture) -> None:
    source = IMPORTS / "eventbrite_attendees.csv"
    with caplog.at_level(logging.INFO, logger="mentordesk"), store.session() as session:
        summary = import_file(session, store.event_id, source)
    assert [record.getMessage() for record in caplog.records] == [
        f"imported {summary.rows_read} rows: {summary.added} added, 0 updated, 0 unchanged, "
        f"{len(summary.skipped)} skipped, {len(summary.warnings)} warnings, {len(summary.duplicates)} likely duplicates"
    ]
    with source.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert rows and not any(row["Last Name"] in caplog.text or row["Email"] in caplog.text for row in rows)


def test_a_plan_logs_its_decision(demo_store: EventStore, caplog: pytest.LogCaptureFixture) -> None:
    with demo_store.read_session() as session:
        problem = load_problem(session, demo_store.event_id, rounds=4)
    with caplog.at_level(logging.INFO, logger="mentordesk"):
        result = plan(problem, "rotate")
    (line,) = [record.getMessage() for record in caplog.records]
    assert re.fullmatch(
        rf"planned 4 of 4 rounds \(rotate\): {result.stats.meetings} meetings of at most "
        rf"{result.stats.meeting_bound}, \d+ requests of \d+ honoured, 0 dropped, \d+ warnings, in \d+ ms",
        line,
    ), line


def test_a_failed_check_in_is_logged_without_what_was_typed(
    demo_store: EventStore, caplog: pytest.LogCaptureFixture
) -> None:
    from mentordesk.services.desk import Outcome, check_in_input

    with caplog.at_level(logging.INFO, logger="mentordesk"), demo_store.session() as session:
        result = check_in_input(session, demo_store.event_id, "Zebedee Quux", station="Desk 1")
    assert result.outcome is Outcome.UNKNOWN
    assert [record.getMessage() for record in caplog.records] == [
        "check-in at station 'Desk 1': nothing matches the 12 characters entered"
    ]
