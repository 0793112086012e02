"""What the store leaves on disk: private files, no litter, no people's data in error texts."""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError, OperationalError

from mentordesk import paths
from mentordesk.models import Person, Role
from mentordesk.models.db_errors import DISK_FULL, READ_ONLY, environment_problem
from mentordesk.models.store import EventFileError, EventStore, NewerEventFile, NotAnEventFile

posix_only = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _companions(path: Path) -> list[Path]:
    return [p for p in (Path(f"{path}-wal"), Path(f"{path}-shm"), Path(f"{path}-journal")) if p.exists()]


@posix_only
def test_new_event_files_backups_and_copies_are_readable_by_the_user_only(tmp_path: Path) -> None:
    event = tmp_path / "private.mentordesk"
    with EventStore.create(event, name="Private") as store:
        copy = store.save_copy(tmp_path / "copies" / "copy.mentordesk")
    assert _mode(event) == 0o600
    assert _mode(copy) == 0o600
    # An older file is copied to the backup folder before it is upgraded.
    old = tmp_path / "old.mentordesk"
    old.write_bytes((Path(__file__).parents[2] / "data" / "event-schema-0001.mentordesk").read_bytes())
    EventStore.open(old).close()
    backups = list(paths.backup_dir().glob("old-*.mentordesk"))
    assert len(backups) == 1
    assert _mode(backups[0]) == 0o600


def test_refused_files_are_left_without_wal_or_shm_beside_them(tmp_path: Path) -> None:
    foreign = tmp_path / "other-app.mentordesk"
    conn = sqlite3.connect(foreign)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("CREATE TABLE t (x)")
    conn.close()
    newer = tmp_path / "newer.mentordesk"
    EventStore.create(newer, name="Newer").close()
    conn = sqlite3.connect(newer)
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.commit()
    conn.close()
    assert _companions(foreign) == [] and _companions(newer) == []

    with pytest.raises(NotAnEventFile):
        EventStore.open(foreign)
    with pytest.raises(NewerEventFile):
        EventStore.open(newer)
    assert _companions(foreign) == []
    assert _companions(newer) == []


def test_an_event_open_elsewhere_is_still_inspected_with_its_log(tmp_path: Path) -> None:
    """With a write-ahead log present (another desk has it open), the check reads the log too."""
    event = tmp_path / "shared.mentordesk"
    with EventStore.create(event, name="Shared") as first, first.session() as session:
        session.add(Person(event_id=first.event_id, first_name="Ada", last_name="Lovelace", role=Role.MENTOR,
                           badge_code="ADA-0001"))
        session.flush()
        session.commit()
        assert Path(f"{event}-wal").exists()
        with EventStore.open(event) as second, second.read_session() as read:
            assert read.get(Person, 1) is not None


def test_save_copy_refuses_the_open_event_and_its_log(tmp_path: Path) -> None:
    event = tmp_path / "live.mentordesk"
    with EventStore.create(event, name="Live") as store:
        before = event.read_bytes()
        for target in (event, Path(f"{event}-wal")):
            with pytest.raises(EventFileError, match="event"):
                store.save_copy(target)
        assert event.read_bytes() == before


def test_save_copy_does_not_follow_a_planted_link(tmp_path: Path) -> None:
    """The old copy was staged at the predictable ``.NAME.partial``; a link planted there was followed."""
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me", encoding="utf-8")
    destination = tmp_path / "copy.mentordesk"
    (tmp_path / ".copy.mentordesk.partial").symlink_to(victim)
    with EventStore.create(tmp_path / "live.mentordesk", name="Live") as store:
        store.save_copy(destination)
    assert victim.read_text(encoding="utf-8") == "keep me"
    with EventStore.open(destination) as copy:
        assert copy.display_name == "copy.mentordesk"
    assert not any(p.name.endswith(".partial") and p.name != ".copy.mentordesk.partial" for p in tmp_path.iterdir())


def test_database_errors_carry_no_names_or_emails(store: EventStore) -> None:
    """An error's text (the log, the command line, an error box) shows the statement, not the values."""
    with pytest.raises(IntegrityError) as caught, store.session() as session:
        session.add(Person(event_id=store.event_id, first_name="Zoë", last_name="Šimůnek", email="zoe@example.org",
                           role=None, badge_code="ZOE-0001"))  # type: ignore[arg-type]
        session.flush()
    message = str(caught.value)
    assert "Šimůnek" not in message and "zoe@example.org" not in message
    assert "INSERT INTO person" in message


def test_a_full_disk_inside_a_savepoint_is_called_a_full_disk(store: EventStore) -> None:
    """SQLite rolls the whole transaction back on a full disk; the savepoint's own error hid that."""
    with pytest.raises(OperationalError) as caught, store.session() as session:
        session.execute(text("CREATE TABLE filler (x BLOB)"))
        pages = session.execute(text("PRAGMA page_count")).scalar()
        session.execute(text(f"PRAGMA max_page_count = {pages}"))
        with session.begin_nested():
            for _ in range(64):
                session.execute(text("INSERT INTO filler VALUES (randomblob(65536))"))
    assert environment_problem(caught.value) == DISK_FULL


def test_a_read_only_event_is_called_read_only(store: EventStore) -> None:
    with pytest.raises(OperationalError) as caught, store.session() as session:
        session.execute(text("PRAGMA query_only = ON"))
        session.add(Person(event_id=store.event_id, first_name="Ada", last_name="L", role=Role.MENTOR,
                           badge_code="ADA-0002"))
        session.flush()
    assert environment_problem(caught.value) == READ_ONLY
    assert "Ada" not in str(caught.value)
