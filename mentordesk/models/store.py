"""The event store: opening, creating, upgrading and copying an event file.

One event is one SQLite file (``*.mentordesk``) in WAL mode with ``synchronous=FULL``, so a
check-in that was reported as saved survives a power cut. The same code accepts a SQLAlchemy URL
(e.g. ``postgresql://…``) so that several stations can later share one event over the network.

A file is checked read-only before anything writes to it (``event_file.py``): a file that is not
an event file, is damaged, or was written by a newer MentorDesk is refused with a clear message
and left untouched. An older file is copied to the backup folder and then upgraded with the
Alembic migrations that ship inside the package. Writing sessions begin as writers, so desks
sharing a file take turns instead of failing; reading sessions never wait.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
import tempfile
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Self

from sqlalchemy import Connection, Engine, create_engine, event, inspect, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

from mentordesk.models import Base, Event
from mentordesk.models.changes import CommitAnnouncer
from mentordesk.models.db_errors import describe_sqlite_error, environment_problem
from mentordesk.models.event_file import (  # noqa: F401 - re-exported: callers import them from the store
    APPLICATION_ID,
    SCHEMA_REVISIONS,
    SQLITE_HEADER,
    DamagedEventFile,
    EventFileError,
    EventFileExists,
    EventFileNotFound,
    FileInfo,
    NewerEventFile,
    NotAnEventFile,
    backup_before_upgrade,
    check_writable,
    head_revision,
    inspect_event_file,
    known_revisions,
    make_private,
)
from mentordesk.output_files import write_problem

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 10_000
#: Execution option that makes a SQLite transaction begin DEFERRED (read-only sessions).
_BEGIN_OPTION = "mentordesk_sqlite_begin"
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"



def _alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def _current_revision(conn: object) -> str | None:
    from alembic.runtime.migration import MigrationContext

    return MigrationContext.configure(conn).get_current_revision()  # type: ignore[arg-type]


def is_url(target: str | os.PathLike[str]) -> bool:
    return "://" in str(target)


# --------------------------------------------------------------------------- engine


def _install_sqlite_pragmas(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        # Let SQLAlchemy, not the sqlite3 module, decide when transactions begin (the
        # recipe from SQLAlchemy's pysqlite notes); needed for transactional migrations.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = FULL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        # A transaction that may write starts as a writer (BEGIN IMMEDIATE) and so waits its
        # turn under busy_timeout. A deferred BEGIN that reads and then writes cannot wait: when
        # another desk committed in between, SQLite answers "database is locked" at once
        # (SQLITE_BUSY_SNAPSHOT), and the scan fails although the timeout never elapsed.
        # Read-only sessions stay deferred, so readers never queue behind writers (WAL).
        mode = connection.get_execution_options().get(_BEGIN_OPTION, "IMMEDIATE")
        connection.exec_driver_sql(f"BEGIN {mode}")


def _sqlite_engine(path: Path) -> Engine:
    # The connection is made from the path itself, never from text pasted into a URL: there a
    # "%20" in a file name was decoded (an import into "spring%20A.mentordesk" wrote into
    # "spring A.mentordesk") and a "?" started query parameters (a stray file, an internal error).
    filename = os.fspath(path)

    def connect() -> sqlite3.Connection:
        # check_same_thread: the pool hands a connection to whichever thread checks it out
        # (background tasks), one thread at a time.
        return sqlite3.connect(filename, check_same_thread=False)

    # A file database takes a queue pool (the URL alone would suggest :memory:'s single connection).
    engine = create_engine("sqlite+pysqlite://", creator=connect, poolclass=QueuePool, future=True,
                           hide_parameters=True)
    _install_sqlite_pragmas(engine)
    return engine


def _url_engine(url: str) -> Engine:
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise EventFileError(f"{url!r} is not a valid database URL") from None
    if parsed.get_backend_name() == "sqlite":
        raise AssertionError("sqlite URLs are handled as paths")
    try:
        return create_engine(parsed, future=True, pool_pre_ping=True, hide_parameters=True)
    except ModuleNotFoundError as exc:
        raise EventFileError(
            f"cannot connect to {parsed.get_backend_name()}: driver {exc.name!r} is not installed"
        ) from None


def _sqlite_path_from(target: str | os.PathLike[str]) -> Path | None:
    """The file path of a SQLite target (a plain path or a sqlite:/// URL), else None."""
    if not is_url(target):
        return Path(target).expanduser()
    try:
        parsed = make_url(str(target))
    except ArgumentError:
        return None
    if parsed.get_backend_name() == "sqlite" and parsed.database:
        return Path(parsed.database).expanduser()
    return None


# --------------------------------------------------------------------------- the store


class EventStore:
    """An open event: its engine, a session factory, and the id of its one event row."""

    def __init__(self, engine: Engine, *, path: Path | None, display_name: str) -> None:
        self.engine = engine
        self.path = path
        self.display_name = display_name
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        # Reads begin DEFERRED on SQLite (see _install_sqlite_pragmas); elsewhere the option is ignored.
        self._read_sessions = sessionmaker(engine.execution_options(**{_BEGIN_OPTION: "DEFERRED"}),
                                           expire_on_commit=False)
        #: Tells listeners which tables each commit wrote (see models/changes.py).
        self.changes = CommitAnnouncer(self._sessions, self._read_sessions)
        with self._read_sessions() as session:
            event_id = session.scalar(select(Event.id).order_by(Event.id).limit(1))
        if event_id is None:
            engine.dispose()
            raise DamagedEventFile(f"{display_name} holds no event; open a backup copy instead")
        self.event_id: int = event_id

    # -- opening and creating

    @classmethod
    def open(cls, target: str | os.PathLike[str]) -> EventStore:
        """Open an existing event file or database, upgrading its schema if it is older."""
        path = _sqlite_path_from(target)
        if path is None:
            return cls._open_url(str(target), create=None)
        info = inspect_event_file(path)
        check_writable(path)
        if info.revision != head_revision():
            backup = backup_before_upgrade(path, info.revision)
            log.info("backed up %s (schema %s) to %s before upgrading it", path.name, info.revision, backup)
        engine = _sqlite_engine(path)
        try:
            if info.revision != head_revision():
                _upgrade(engine)
                log.info("upgraded %s from schema %s to %s", path.name, info.revision, head_revision())
            store = cls(engine, path=path.resolve(), display_name=path.name)
        except (sqlite3.Error, SQLAlchemyError) as exc:
            engine.dispose()
            problem = environment_problem(exc)
            if problem is None:
                raise
            log.warning("could not open %s: %s", path.name, problem)
            raise EventFileError(f"cannot open {path.name}: {problem}") from exc
        except BaseException:
            engine.dispose()
            raise
        log.info("opened %s (schema %s)", path.name, head_revision())
        return store

    @classmethod
    def create(
        cls,
        target: str | os.PathLike[str],
        *,
        name: str,
        starts_on: date | None = None,
        venue: str = "",
    ) -> EventStore:
        """Create a new event file (refusing to overwrite one) holding one event."""
        name = " ".join(name.split())
        if not name:
            raise EventFileError("the event needs a name")
        path = _sqlite_path_from(target)
        if path is None:
            return cls._open_url(str(target), create=(name, starts_on, venue))
        if path.exists():
            raise EventFileExists(f"{path} already exists; choose another name or open it")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            # Build the file beside its destination and move it into place when complete, so a
            # failure half-way (full disk …) never leaves a half-made event file behind.
            fd, tmp_name = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=".tmp", dir=path.parent)
        except OSError as exc:
            raise EventFileError(f"cannot create {path.name}: {write_problem(exc, path.parent)}") from None
        os.close(fd)
        tmp = Path(tmp_name)
        try:
            # SQLite takes the empty file mkstemp made (readable by the user only) as a new database.
            engine = _sqlite_engine(tmp)
            try:
                with engine.begin() as conn:
                    conn.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")
                _create_schema(engine, name=name, starts_on=starts_on, venue=venue)
            finally:
                engine.dispose()
            if path.exists():
                raise EventFileExists(f"{path} already exists; choose another name or open it")
            os.replace(tmp, path)
            log.info("created %s", path.name)
        except sqlite3.Error as exc:
            raise EventFileError(f"cannot create {path.name}: {exc}") from None
        except OSError as exc:
            raise EventFileError(f"cannot create {path.name}: {write_problem(exc, path.parent)}") from None
        finally:
            for leftover in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm"), Path(f"{tmp}-journal")):
                leftover.unlink(missing_ok=True)
        return cls.open(path)

    @classmethod
    def _open_url(cls, url: str, *, create: tuple[str, date | None, str] | None) -> EventStore:
        engine = _url_engine(url)
        display = make_url(url).render_as_string(hide_password=True)
        try:
            with engine.connect() as conn:
                current = _current_revision(conn)
                has_tables = bool(inspect(conn).get_table_names())
            if current is None:
                if create is None:
                    raise NotAnEventFile(f"{display} holds no MentorDesk event")
                if has_tables:
                    raise NotAnEventFile(f"{display} is not empty and not a MentorDesk event database")
                name, starts_on, venue = create
                _create_schema(engine, name=name, starts_on=starts_on, venue=venue)
            elif create is not None:
                raise EventFileExists(f"{display} already holds an event")
            elif current not in known_revisions():
                raise NewerEventFile(
                    f"{display} was written by a newer version of MentorDesk (schema {current}); update MentorDesk"
                )
            elif current != head_revision():
                _upgrade(engine)
                log.info("upgraded %s from schema %s to %s", display, current, head_revision())
            store = cls(engine, path=None, display_name=display)
            log.info("opened %s (schema %s)", display, head_revision())
            return store
        except BaseException:
            engine.dispose()
            raise

    # -- using

    @contextlib.contextmanager
    def session(self) -> Iterator[Session]:
        """A session that commits on success and rolls back on error."""
        with self._sessions() as session, session.begin():
            yield session

    def read_session(self) -> Session:
        """A session for reading (the caller closes it); on SQLite it never waits for a writer.

        Writing through it is a mistake: use :meth:`session`, whose transactions begin as writers.
        """
        return self._read_sessions()

    @property
    def revision(self) -> str | None:
        with self.engine.connect() as conn:
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()

    def checkpoint(self) -> None:
        """Fold the write-ahead log into the event file and empty it (SQLite; elsewhere nothing).

        Run outside any transaction: a checkpoint inside one (every writing session begins as a
        writer) is refused with "database table is locked".
        """
        if self.engine.dialect.name != "sqlite":
            return
        raw = self.engine.raw_connection()
        try:
            driver: sqlite3.Connection = raw.driver_connection  # type: ignore[assignment]
            driver.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
        finally:
            raw.close()

    def save_copy(self, destination: str | os.PathLike[str], progress: Callable[[float], None] | None = None) -> Path:
        """Write a consistent copy of the open event to ``destination`` while it stays in use.

        Uses SQLite's online backup API, which includes check-ins still in the write-ahead log.
        The copy is written beside the destination and moved into place only when complete.
        """
        if self.path is None:
            raise EventFileError("a copy can only be saved from an event file, not from a database server")
        from mentordesk.output_files import OutputFileError, StagedOutput

        # The copy is made in a temporary file with an unpredictable name beside the destination
        # (nothing planted there is followed), flushed, and moved into place only when complete;
        # the destination is never the open event, its -wal/-shm or a backup.
        try:
            staged = StagedOutput(destination, what="the copy", open_event=self.path, event_copy=True,
                                  create_folder=True)
        except OutputFileError as exc:
            raise EventFileError(str(exc)) from None
        dest = staged.target

        def _report(_status: int, remaining: int, total: int) -> None:
            if progress is not None and total:
                progress(1.0 - remaining / total)

        raw = self.engine.raw_connection()
        try:
            make_private(staged.path)
            source: sqlite3.Connection = raw.driver_connection  # type: ignore[assignment]
            # SQLite writes the copy into the empty temporary file; finish() flushes it to disk.
            target = sqlite3.connect(staged.path)
            try:
                source.backup(target, pages=512, progress=_report)
                # The copy stands alone: fold its log into the file before it is moved.
                target.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            finally:
                target.close()
            staged.finish()
        except sqlite3.Error as exc:
            raise EventFileError(f"could not save a copy to {dest}: {describe_sqlite_error(exc)}") from None
        except OutputFileError as exc:
            raise EventFileError(str(exc)) from None
        except OSError as exc:
            raise EventFileError(f"could not save a copy to {dest}: {write_problem(exc, dest.parent)}") from None
        finally:
            staged.discard()
            raw.close()
        if progress is not None:
            progress(1.0)
        log.info("saved a copy of %s to %s", self.display_name, dest)
        return dest

    def close(self) -> None:
        self.engine.dispose()
        log.info("closed %s", self.display_name)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


# --------------------------------------------------------------------------- schema


def _create_schema(engine: Engine, *, name: str, starts_on: date | None, venue: str) -> None:
    """Create every table at the newest schema, stamp it, and add the event row, in one transaction."""
    from alembic import command

    with engine.begin() as conn:
        Base.metadata.create_all(conn)
        config = _alembic_config()
        config.attributes["connection"] = conn
        command.stamp(config, "head")
        with Session(bind=conn) as session:
            session.add(Event(name=name, starts_on=starts_on, venue=venue))
            session.flush()


def _upgrade(engine: Engine) -> None:
    """Run the migrations up to head in one transaction.

    On SQLite, foreign keys are switched off while migrating (SQLite's own recipe for altering
    tables): a batch migration copies a table and drops the original, and with foreign keys on,
    that drop would run the ``ON DELETE`` actions — wiping every child row (attendance of a
    session, …) or nulling its link. The keys are checked before the commit instead.
    """
    from alembic import command

    with engine.connect() as conn:
        sqlite = engine.dialect.name == "sqlite"
        raw = conn.connection.driver_connection if sqlite else None
        if raw is not None:
            # Outside any transaction, where the pragma takes effect (isolation_level is None).
            raw.execute("PRAGMA foreign_keys = OFF")
        try:
            with conn.begin():
                config = _alembic_config()
                config.attributes["connection"] = conn
                command.upgrade(config, "head")
                if raw is not None:
                    broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                    if broken:
                        raise DamagedEventFile(
                            f"upgrading the schema would break {len(broken)} links between records; "
                            "the file was left as it was"
                        )
        finally:
            if raw is not None:
                raw.execute("PRAGMA foreign_keys = ON")
