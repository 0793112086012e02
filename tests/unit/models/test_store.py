"""The event file: created, reopened, refused when foreign, damaged or newer, and copied safely."""

from __future__ import annotations

import hashlib
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select, text

from mentordesk.models import Event, Person, Role
from mentordesk.models.store import (
    APPLICATION_ID,
    DamagedEventFile,
    EventFileError,
    EventFileExists,
    EventFileNotFound,
    EventStore,
    NewerEventFile,
    NotAnEventFile,
    head_revision,
)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _add_person(store: EventStore, first: str, code: str) -> None:
    with store.session() as session:
        session.add(Person(event_id=store.event_id, first_name=first, role=Role.MENTEE, badge_code=code))


def test_create_writes_one_event_stamped_at_head(event_path: Path) -> None:
    with EventStore.create(event_path, name="  Spring   Flash ", starts_on=date(2026, 5, 4), venue="Hall B") as store:
        assert store.revision == head_revision()
        with store.read_session() as session:
            event = session.scalars(select(Event)).one()
    assert (event.name, event.starts_on, event.venue) == ("Spring Flash", date(2026, 5, 4), "Hall B")
    conn = sqlite3.connect(event_path)
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()
    assert sorted(p.name for p in event_path.parent.iterdir() if p.name.startswith(".")) == []


def test_connections_use_durable_settings(store: EventStore) -> None:
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000


def test_reopen_keeps_the_data(event_path: Path) -> None:
    with EventStore.create(event_path, name="Reopen me") as store:
        _add_person(store, "Zoë", "ZOE00001")
    with EventStore.open(event_path) as store, store.read_session() as session:
        assert session.scalars(select(Person.first_name)).all() == ["Zoë"]


def test_create_refuses_to_overwrite(store: EventStore, event_path: Path) -> None:
    before = _digest(event_path)
    with pytest.raises(EventFileExists, match="already exists"):
        EventStore.create(event_path, name="Again")
    assert _digest(event_path) == before


def test_create_needs_a_name(tmp_path: Path) -> None:
    with pytest.raises(EventFileError, match="needs a name"):
        EventStore.create(tmp_path / "x.mentordesk", name="   ")
    assert not (tmp_path / "x.mentordesk").exists()


def test_open_missing_file(tmp_path: Path) -> None:
    with pytest.raises(EventFileNotFound, match="no event file"):
        EventStore.open(tmp_path / "missing.mentordesk")
    assert not (tmp_path / "missing.mentordesk").exists()


@pytest.mark.parametrize(
    "content",
    [b"", b"name,email\nAnn,ann@example.org\n", bytes(range(256)) * 64],
    ids=["empty", "csv", "binary"],
)
def test_open_foreign_file_is_refused_and_untouched(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "foreign.mentordesk"
    path.write_bytes(content)
    with pytest.raises(NotAnEventFile, match="not a MentorDesk event file"):
        EventStore.open(path)
    assert path.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == ["foreign.mentordesk", "home"]


def test_open_other_sqlite_database_is_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "photos.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE photo (id INTEGER PRIMARY KEY, name TEXT)")
    conn.commit()
    conn.close()
    before = _digest(path)
    with pytest.raises(NotAnEventFile, match="not a MentorDesk event file"):
        EventStore.open(path)
    assert _digest(path) == before


def test_open_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(NotAnEventFile, match="folder"):
        EventStore.open(tmp_path)


def test_open_damaged_file_is_refused_and_untouched(event_path: Path) -> None:
    with EventStore.create(event_path, name="Damaged") as store:
        for i in range(300):
            _add_person(store, f"Person {i}", f"CODE{i:04d}")
    data = bytearray(event_path.read_bytes())
    page = 4096
    assert len(data) > 10 * page
    # Scribble over pages in the middle of the file, as a failing disk or a bad copy would.
    data[3 * page : 8 * page] = b"\xde\xad\xbe\xef" * (5 * page // 4)
    event_path.write_bytes(bytes(data))
    before = _digest(event_path)
    with pytest.raises(DamagedEventFile, match="damaged"):
        EventStore.open(event_path)
    assert _digest(event_path) == before


def test_truncated_file_is_refused(event_path: Path) -> None:
    with EventStore.create(event_path, name="Truncated") as store:
        for i in range(200):
            _add_person(store, f"Person {i}", f"CODE{i:04d}")
    data = event_path.read_bytes()
    event_path.write_bytes(data[: len(data) // 2])
    before = _digest(event_path)
    with pytest.raises(DamagedEventFile):
        EventStore.open(event_path)
    assert _digest(event_path) == before


def test_file_from_a_newer_version_is_refused_and_untouched(event_path: Path) -> None:
    with EventStore.create(event_path, name="From the future") as store, store.session() as session:
        session.execute(text("UPDATE alembic_version SET version_num = '9999_from_the_future'"))
    before = _digest(event_path)
    with pytest.raises(NewerEventFile, match="newer version of MentorDesk"):
        EventStore.open(event_path)
    assert _digest(event_path) == before


def test_save_copy_while_open_includes_uncheckpointed_writes(store: EventStore, tmp_path: Path) -> None:
    _add_person(store, "Still in the log", "WAL00001")
    wal = Path(f"{store.path}-wal")
    assert wal.exists() and wal.stat().st_size > 0  # the row is only in the write-ahead log so far
    progress: list[float] = []
    copy = store.save_copy(tmp_path / "backups" / "copy.mentordesk", progress=progress.append)
    assert progress and progress[-1] == 1.0
    assert not Path(f"{copy}-wal").exists()
    with EventStore.open(copy) as reopened, reopened.read_session() as session:
        assert session.scalars(select(Person.first_name)).all() == ["Still in the log"]
    # The original stays open and usable.
    _add_person(store, "After the copy", "WAL00002")


def test_save_copy_refuses_the_open_file_itself(store: EventStore) -> None:
    assert store.path is not None
    with pytest.raises(EventFileError, match="the open event file"):
        store.save_copy(store.path)


def test_bad_database_url_is_one_clear_error() -> None:
    with pytest.raises(EventFileError, match="not a valid database URL"):
        EventStore.open("not a url://")
