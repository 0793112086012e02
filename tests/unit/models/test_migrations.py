"""Migrations: they build exactly the models' schema, and old files upgrade with data intact."""

from __future__ import annotations

import shutil
from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, select, text

from mentordesk.models import Base, CheckinEntry, GroupSession, Person
from mentordesk.models.store import EventStore, _alembic_config, head_revision
from mentordesk.services.checkin import checked_in_ids

SAMPLES = Path(__file__).resolve().parents[2] / "data"


def test_migrations_from_empty_build_the_same_schema_as_the_models(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'migrated.db'}")
    with engine.begin() as conn:
        config = _alembic_config()
        config.attributes["connection"] = conn
        command.upgrade(config, "head")
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []
        triggers = conn.execute(text("SELECT name FROM sqlite_master WHERE type = 'trigger'")).scalars().all()
    assert triggers == ["checkin_entry_append_only"]
    engine.dispose()


def test_migrations_downgrade_and_upgrade_again(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'roundtrip.db'}")
    with engine.begin() as conn:
        config = _alembic_config()
        config.attributes["connection"] = conn
        command.upgrade(config, "head")
        command.downgrade(config, "base")
        command.upgrade(config, "head")
        assert MigrationContext.configure(conn).get_current_revision() == head_revision()
    engine.dispose()


def test_first_released_schema_sample_opens_and_upgrades(tmp_path: Path) -> None:
    sample = tmp_path / "old.mentordesk"
    shutil.copy(SAMPLES / "event-schema-0001.mentordesk", sample)
    with EventStore.open(sample) as store:
        assert store.revision == head_revision()
        with store.read_session() as session:
            people = session.scalars(select(Person)).all()
            names = {p.full_name for p in people}
            assert len(people) == 54
            assert {"Zoë Šimůnek", "Αλέξανδρος Παπαδόπουλος", "博 田中", "נועה כהן"} <= names
            assert len(checked_in_ids(session, store.event_id)) == 42
            assert session.scalar(select(CheckinEntry.id).limit(1)) is not None
            assert len(session.scalars(select(GroupSession)).all()) == 8


def test_schema_revision_list_matches_the_migration_scripts() -> None:
    from alembic.script import ScriptDirectory

    from mentordesk.models.event_file import SCHEMA_REVISIONS

    scripts = ScriptDirectory.from_config(_alembic_config())
    oldest_first = [script.revision for script in reversed(list(scripts.walk_revisions()))]
    assert list(SCHEMA_REVISIONS) == oldest_first
    assert scripts.get_current_head() == SCHEMA_REVISIONS[-1]
