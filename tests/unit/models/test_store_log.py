"""The store leaves one line in the log for each thing done to the file, and no one's data."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pytest

from mentordesk.models import Person, Role
from mentordesk.models.store import EventStore, head_revision
from mentordesk.services.people import new_badge_code

SAMPLES = Path(__file__).resolve().parents[2] / "data"


def test_an_upgrade_is_logged_with_its_backup(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    sample = tmp_path / "old.mentordesk"
    shutil.copy(SAMPLES / "event-schema-0001.mentordesk", sample)
    with caplog.at_level(logging.INFO, logger="mentordesk"), EventStore.open(sample):
        pass
    lines = [record.getMessage() for record in caplog.records]
    assert lines[0].startswith("backed up old.mentordesk (schema 0001) to ")
    assert lines[1:] == [
        f"upgraded old.mentordesk from schema 0001 to {head_revision()}",
        f"opened old.mentordesk (schema {head_revision()})",
        "closed old.mentordesk",
    ]


def test_creating_copying_and_closing_are_logged_without_personal_data(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger="mentordesk"), \
            EventStore.create(tmp_path / "spring.mentordesk", name="Spring") as store:
        with store.session() as session:
            session.add(Person(event_id=store.event_id, first_name="Amara", last_name="Okafor",
                               email="amara@example.org", role=Role.MENTEE,
                               badge_code=new_badge_code(session, store.event_id)))
        store.save_copy(tmp_path / "copy.mentordesk")
    lines = [record.getMessage() for record in caplog.records]
    assert lines[0] == "created spring.mentordesk"
    assert lines[1] == f"opened spring.mentordesk (schema {head_revision()})"
    assert lines[2].startswith("saved a copy of spring.mentordesk to ") and lines[2].endswith("copy.mentordesk")
    assert lines[3] == "closed spring.mentordesk"
    assert "Amara" not in caplog.text and "example.org" not in caplog.text
