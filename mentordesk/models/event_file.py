"""The event file on disk: what makes a file an event file, and looking at one without touching it.

Before anything writes to a file, :func:`inspect_event_file` checks it strictly read-only: a
file that is not an event file, is damaged, or was written by a newer MentorDesk is refused with
a one-line :class:`EventFileError` and left exactly as it was (not even ``-wal``/``-shm`` files
appear beside it). Also here: the backup made before a schema upgrade, the check that the file
and its folder can be written, and the owner-only mode of the files MentorDesk creates. The
store (``store.py``) opens, creates and copies events on top of this.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from urllib.parse import quote

from mentordesk import EVENT_SUFFIX, paths
from mentordesk.models.db_errors import describe_sqlite_error

#: ``PRAGMA application_id`` of every event file: "MDSK". Tells our files from other SQLite files.
APPLICATION_ID = 0x4D44534B
SQLITE_HEADER = b"SQLite format 3\x00"
SQLITE_HEADER_SIZE = 100
_SQLITE_NOTADB = 26

#: Every schema revision in ``migrations/versions``, oldest first; the last is the newest.
#: Kept here so that opening a file already at the newest schema needs no Alembic at all (it
#: costs a tenth of a second at start-up); a test checks it against the migration scripts.
SCHEMA_REVISIONS: tuple[str, ...] = ("0001", "0002", "0003", "0004", "0005")


class EventFileError(Exception):
    """A problem with an event file, worded for the person using the app (one line)."""


class EventFileNotFound(EventFileError):
    pass


class EventFileExists(EventFileError):
    pass


class NotAnEventFile(EventFileError):
    pass


class DamagedEventFile(EventFileError):
    pass


class NewerEventFile(EventFileError):
    pass


def head_revision() -> str:
    return SCHEMA_REVISIONS[-1]


def known_revisions() -> set[str]:
    return set(SCHEMA_REVISIONS)


def _has_sqlite_magic(path: Path) -> bool:
    """Whether a file SQLite refused starts like a SQLite database (then it is damaged, not foreign).

    Read directly, which is safe only here: SQLite could not open the file, so no connection of
    this process holds locks on it that closing this descriptor could release.
    """
    try:
        with path.open("rb") as handle:
            return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


def application_id(path: Path) -> int | None:
    """The ``PRAGMA application_id`` of a SQLite file, or None when it is no database (or unreadable).

    Asked through SQLite, never by opening the file directly: see :func:`inspect_event_file`.
    """
    try:
        if not path.is_file() or path.stat().st_size < SQLITE_HEADER_SIZE:
            return None
        conn = sqlite3.connect(read_only_uri(path), uri=True)
    except (OSError, sqlite3.Error):
        return None
    try:
        row = conn.execute("PRAGMA application_id").fetchone()
    except sqlite3.Error:
        return None
    finally:
        conn.close()
    return int(row[0]) if row else None


def read_only_uri(path: Path) -> str:
    """A URI that reads ``path`` without writing anything beside it.

    With no write-ahead log beside the file, no connection has it open in WAL mode and the file
    alone is the whole database: ``immutable=1`` then reads it without creating ``-wal``/``-shm``
    files (opening a refused file used to leave both behind), and works in a read-only folder.
    With a log present (the event is open elsewhere), the ordinary read-only mode reads it too.
    """
    quoted = quote(str(path.resolve()))
    if Path(f"{path}-wal").exists():
        return f"file:{quoted}?mode=ro"
    return f"file:{quoted}?mode=ro&immutable=1"


def check_writable(path: Path) -> None:
    """Refuse, in words, an event that cannot be written: every check-in is saved into the file
    as it happens, and SQLite keeps its log beside it, so both the file and its folder must be
    writable. (A read-only folder used to be reported as a damaged file.)"""
    folder = path.resolve().parent
    if not os.access(folder, os.W_OK):
        raise EventFileError(
            f"{path.name} is in a read-only folder ({folder}); MentorDesk saves every check-in into the "
            "event file as it happens, so copy the file to a folder you can write to and open the copy"
        )
    if not os.access(path, os.W_OK):
        raise EventFileError(
            f"{path.name} is read-only; MentorDesk saves every check-in into the event file as it happens, "
            "so make the file writable (or copy it to a folder you can write to) and open it again"
        )


def make_private(path: Path) -> None:
    """Let only the user read and write ``path`` (POSIX): event files hold people's data."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        os.chmod(path, 0o600)



@dataclass(frozen=True)
class FileInfo:
    revision: str


def inspect_event_file(path: Path) -> FileInfo:
    """Check, strictly read-only, that ``path`` is an intact MentorDesk event file we can open.

    Raises an EventFileError subclass with a one-line message otherwise.
    """
    name = path.name
    if not path.exists():
        raise EventFileNotFound(f"there is no event file at {path}")
    if path.is_dir():
        raise NotAnEventFile(f"{path} is a folder, not an event file")
    # The file is only ever read through SQLite. Opening and closing it any other way in this
    # process (to read its header, say) would release the POSIX locks SQLite's own connections
    # hold on it: another process closing its connection would then think it the last one and
    # delete the write-ahead log under this process, whose later check-ins would be lost.
    if not os.access(path, os.R_OK):
        raise EventFileError(f"cannot read {path}: permission denied")
    if path.stat().st_size < SQLITE_HEADER_SIZE:
        raise NotAnEventFile(f"{name} is not a MentorDesk event file")
    try:
        conn = sqlite3.connect(read_only_uri(path), uri=True)
    except sqlite3.Error as exc:
        raise EventFileError(f"cannot open {name}: {exc}") from None
    try:
        try:
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        except sqlite3.DatabaseError as exc:
            if (getattr(exc, "sqlite_errorcode", 0) & 0xFF) == _SQLITE_NOTADB and not _has_sqlite_magic(path):
                raise NotAnEventFile(f"{name} is not a MentorDesk event file") from None
            raise
        if app_id != APPLICATION_ID:
            raise NotAnEventFile(f"{name} is a database, but not a MentorDesk event file")
        check = conn.execute("PRAGMA quick_check").fetchone()[0]
        if check != "ok":
            raise DamagedEventFile(f"{name} is damaged ({check}); open a backup copy instead")
        try:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        except sqlite3.OperationalError:
            row = None
    except sqlite3.DatabaseError as exc:
        raise DamagedEventFile(f"{name} is damaged ({exc}); open a backup copy instead") from None
    finally:
        conn.close()
    if row is None:
        raise DamagedEventFile(f"{name} is incomplete (no schema version); open a backup copy instead")
    revision = row[0]
    if revision not in known_revisions():
        raise NewerEventFile(
            f"{name} was saved by a newer version of MentorDesk (schema {revision}); "
            "update MentorDesk to open it"
        )
    return FileInfo(revision=revision)


def backup_before_upgrade(path: Path, revision: str) -> Path:
    """Copy an event file to the backup folder before its schema is changed.

    The copy is made in a private temporary file (mkstemp: unpredictable, exclusive, owner-only)
    and flushed; only then is it linked under its backup name, which never replaces another
    backup. A kill half-way leaves no half backup that looks like a whole one.
    """
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    folder = paths.backup_dir()
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=".partial", dir=folder)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        source = sqlite3.connect(read_only_uri(path), uri=True)
        try:
            target = sqlite3.connect(tmp)
            try:
                source.backup(target)
            finally:
                target.close()
        finally:
            source.close()
        with tmp.open("rb+") as handle:
            os.fsync(handle.fileno())
        for attempt in range(1, 100):
            extra = "" if attempt == 1 else f"-{attempt}"
            dest = folder / f"{path.stem}-{stamp}-schema-{revision}{extra}{EVENT_SUFFIX}"
            try:
                os.link(tmp, dest)
                return dest
            except FileExistsError:
                continue
        raise EventFileError(f"cannot make a backup of {path.name} in {folder}: too many backups this second")
    except sqlite3.Error as exc:
        raise EventFileError(f"cannot make a backup of {path.name} before upgrading it: "
                             f"{describe_sqlite_error(exc)}; the file was left as it was") from None
    except OSError as exc:
        raise EventFileError(f"cannot make a backup of {path.name} before upgrading it: "
                             f"{exc.strerror or exc}; the file was left as it was") from None
    finally:
        for leftover in (tmp, Path(f"{tmp}-journal"), Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
            leftover.unlink(missing_ok=True)
