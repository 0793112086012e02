"""Revision 0002 (group session details): the 0001 sample upgrades with zones, rules and UIDs filled."""

from __future__ import annotations

import shutil
from datetime import time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from mentordesk.models import Attendance, Frequency, GroupSession, SessionMode, SessionSeries
from mentordesk.models.store import EventStore, head_revision
from mentordesk.services.groups import calendar_ics, list_sessions

SAMPLE = Path(__file__).resolve().parents[2] / "data" / "event-schema-0001.mentordesk"


def test_0001_sample_upgrades_to_0002_with_group_sessions_filled(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    from mentordesk.models import timezones

    # Files from 0001 have no zone anywhere: the upgrading computer's zone is assumed.
    monkeypatch.setenv("TZ", "Europe/Berlin")
    timezones.local_zone_name.cache_clear()
    try:
        path = tmp_path / "old.mentordesk"
        shutil.copy(SAMPLE, path)
        with EventStore.open(path) as store:
            assert store.revision == head_revision()
            with store.read_session() as s:
                sessions = s.scalars(select(GroupSession).order_by(GroupSession.id)).all()
                series = s.scalars(select(SessionSeries)).all()
                assert len(sessions) == 8 and len(series) == 2
                # Tables rebuilt by the batch migration must not take their child rows with them.
                assert all(m.series_id is not None for m in sessions)
                assert s.scalar(select(func.count()).select_from(Attendance)) == 24
                assert {m.timezone for m in sessions} == {"Europe/Berlin"}
                assert {m.mode for m in sessions} == {SessionMode.IN_PERSON}
                assert all(m.ical_uid.endswith("@mentordesk") for m in sessions)
                assert len({m.ical_uid for m in sessions}) == 8
                assert {(m.topic, m.discussion, m.actions, m.ical_sequence) for m in sessions} == {("", "", "", 0)}
                assert all(m.original_starts_at is None for m in sessions)
                for rule in series:
                    assert rule.frequency is Frequency.WEEKLY and rule.repeat_interval == 1
                    assert rule.repeat_count == 4 and rule.until_on is None
                    assert rule.timezone == "Europe/Berlin" and isinstance(rule.local_start, time)
                    assert rule.local_start == rule.first_starts_at.astimezone(
                        ZoneInfo("Europe/Berlin")).time()
                infos = list_sessions(s, store.event_id)
                assert len(infos) == 8 and sum(i.counts.present + i.counts.late for i in infos) > 0
            with store.session() as s:
                assert calendar_ics(s, store.event_id).count(b"BEGIN:VEVENT") == 8
    finally:
        timezones.local_zone_name.cache_clear()
