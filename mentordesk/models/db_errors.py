"""What went wrong with the event file, in words a person at the desk can act on.

A database error is either about the *environment* — the file is busy, read-only, on a full or
failing disk, or gone — or a bug. The environment kind is recognised here from SQLite's result
code (and from the operating system's error number), wherever it sits in the chain of exceptions:
a full disk during an import used to surface as "no such savepoint", because SQLite had already
rolled the transaction back when the import tried to roll back to its savepoint.

Each message is one line, says that nothing was saved where that is so, and what to do; it never
carries the SQL statement or its values (people's names and e-mails). Qt-free: the command line,
the services and the screens all word these failures the same way.
"""

from __future__ import annotations

import errno
import sqlite3
from collections.abc import Iterator

# SQLite's primary result codes (the low byte of an extended code).
_SQLITE_PERM = 3
_SQLITE_BUSY = 5
_SQLITE_LOCKED = 6
_SQLITE_READONLY = 8
_SQLITE_IOERR = 10
_SQLITE_CORRUPT = 11
_SQLITE_FULL = 13
_SQLITE_CANTOPEN = 14
_SQLITE_NOTADB = 26

BUSY = "the event file is busy: another program kept it locked for too long; nothing was saved, try again"
READ_ONLY = ("the event file cannot be written: the file or its folder is read-only; nothing was saved — "
             "copy the event to a folder you can write to and open it there")
DISK_FULL = "the disk is full: nothing was saved; free some space and try again"
DISK_FAILING = ("the disk could not be read or written (input/output error); nothing was saved — "
                "check the drive or USB stick, then try again")
CANNOT_OPEN = ("the event file cannot be opened: its folder may be read-only, or it was moved or "
               "its drive removed")
NO_PERMISSION = "the event file cannot be used: permission denied"
DAMAGED = "the event file is damaged; open a backup copy instead"

_BY_SQLITE_CODE = {
    _SQLITE_PERM: NO_PERMISSION,
    _SQLITE_BUSY: BUSY,
    _SQLITE_LOCKED: BUSY,
    _SQLITE_READONLY: READ_ONLY,
    _SQLITE_IOERR: DISK_FAILING,
    _SQLITE_CORRUPT: DAMAGED,
    _SQLITE_FULL: DISK_FULL,
    _SQLITE_CANTOPEN: CANNOT_OPEN,
    _SQLITE_NOTADB: DAMAGED,
}

_BY_ERRNO = {
    errno.ENOSPC: DISK_FULL,
    errno.EDQUOT: DISK_FULL,
    errno.EROFS: READ_ONLY,
    errno.EACCES: READ_ONLY,
    errno.EPERM: READ_ONLY,
    errno.EIO: DISK_FAILING,
}


def _chain(error: BaseException) -> Iterator[BaseException]:
    """``error``, the driver error it wraps, and the errors it was raised from or during."""
    seen: set[int] = set()
    pending = [error]
    while pending:
        current = pending.pop(0)
        if id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        for linked in (getattr(current, "orig", None), current.__cause__, current.__context__):
            if isinstance(linked, BaseException):
                pending.append(linked)


def _sqlite_code(error: sqlite3.Error) -> int | None:
    code = getattr(error, "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) else None


def environment_problem(error: BaseException) -> str | None:
    """The one-line description of ``error`` if the environment caused it, else None (a bug)."""
    for current in _chain(error):
        if isinstance(current, sqlite3.Error):
            code = _sqlite_code(current)
            if code is not None and code in _BY_SQLITE_CODE:
                return _BY_SQLITE_CODE[code]
        elif isinstance(current, OSError) and current.errno in _BY_ERRNO:
            return _BY_ERRNO[current.errno]
    return None


def describe_sqlite_error(error: sqlite3.Error) -> str:
    """One line for any SQLite error: the environment's words when known, else SQLite's own."""
    return environment_problem(error) or str(error).splitlines()[0]
