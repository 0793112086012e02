"""Migration 0004: the round clock's banked run goes from whole ms to µs, existing clocks intact."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

from alembic import command
from sqlalchemy import create_engine, text

from mentordesk.models import ClockState, FlashClock
from mentordesk.models.store import EventStore, _alembic_config, head_revision
from mentordesk.services.flash import clock

SAMPLES = Path(__file__).resolve().parents[2] / "data"
STARTED = datetime(2025, 5, 14, 18, 0, 0, 250_000, tzinfo=UTC)


def _sample_with_clocks(tmp_path: Path) -> Path:
    """The released 0001 sample, with a paused and a running round clock as that schema stored them."""
    path = tmp_path / "clocks.mentordesk"
    shutil.copy(SAMPLES / "event-schema-0001.mentordesk", path)
    conn = sqlite3.connect(path)
    with conn:
        event_id = conn.execute("SELECT id FROM event").fetchone()[0]
        for sid in (1, 2):
            conn.execute(
                "INSERT INTO flash_session (id, event_id, name, mode, status, round_count, round_minutes, "
                "changeover_minutes, seats_per_table, mentor_breaks, created_at) "
                "VALUES (?, ?, ?, 'match', 'running', 3, 7, 1, 1, 0, '2025-05-14 17:00:00.000000')",
                (sid, event_id, f"Flash {sid}"))
        conn.execute("INSERT INTO flash_clock VALUES (1, 'paused', 1, 'meeting', NULL, 123456, 0, "
                     "'2025-05-14 18:02:03.456000')")
        conn.execute("INSERT INTO flash_clock VALUES (2, 'running', 2, 'meeting', '2025-05-14 18:00:00.250000', "
                     "60000, 60, '2025-05-14 18:00:00.250000')")
    conn.close()
    return path


def test_existing_clocks_keep_their_run_in_microseconds(tmp_path: Path) -> None:
    path = _sample_with_clocks(tmp_path)
    with EventStore.open(path) as store:
        assert store.revision == head_revision()
        with store.read_session() as session:
            paused, running = session.get(FlashClock, 1), session.get(FlashClock, 2)
            assert (paused.state, paused.elapsed_us, paused.phase_started_mono_us, paused.mono_boot_id) == (
                ClockState.PAUSED, 123_456_000, None, None)
            assert (running.state, running.elapsed_us, running.phase_started_at, running.extra_seconds) == (
                ClockState.RUNNING, 60_000_000, STARTED, 60)
            # The clocks show what they showed before the upgrade.
            assert clock.current_view(session, 1, STARTED + timedelta(hours=1)).remaining_ms == 420_000 - 123_456
            later = clock.current_view(session, 2, STARTED + timedelta(minutes=3))
            assert (later.round_number, later.remaining_ms) == (2, (8 - 1 - 3) * 60_000)
        # The new column takes sub-millisecond runs.
        with store.session() as session:
            clock.resume(session, 1, STARTED)
            view = clock.pause(session, 1, STARTED + timedelta(microseconds=400))
            assert session.get(FlashClock, 1).elapsed_us == 123_456_400
            assert view.remaining_ms == -(-(420_000_000 - 123_456_400) // 1000)


def test_downgrade_goes_back_to_whole_milliseconds(tmp_path: Path) -> None:
    path = _sample_with_clocks(tmp_path)
    with EventStore.open(path) as store, store.session() as session:
        session.get(FlashClock, 1).elapsed_us = 1_999
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        config = _alembic_config()
        config.attributes["connection"] = conn
        command.downgrade(config, "0003")
        rows = conn.execute(text("SELECT session_id, elapsed_ms FROM flash_clock ORDER BY session_id")).all()
        columns = {row[1] for row in conn.execute(text("PRAGMA table_info(flash_clock)"))}
    engine.dispose()
    assert [tuple(r) for r in rows] == [(1, 1), (2, 60_000)]
    assert "elapsed_us" not in columns and "phase_started_mono_us" not in columns
