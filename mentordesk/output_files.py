"""Writing the files MentorDesk makes for people (PDFs, JSON, calendars, spreadsheets, copies).

Every such file goes through here, for two promises:

* **An output never lands on an event.** The destination is checked before anything is made and
  again just before the file is moved into place: the open event (also through a symbolic or hard
  link), any other event file, the ``-wal``/``-shm``/``-journal`` companions SQLite keeps beside
  one, anything in the backup folder, and folders are refused with a one-line
  :class:`OutputPathRefused`. A mistyped ``-o event.mentordesk`` used to replace the event with a
  PDF.
* **A file appears whole or not at all.** It is written to a temporary file in the destination
  folder (an unpredictable name, created exclusively, so nothing planted there is followed),
  flushed to disk, renamed over the destination, and the folder entry is flushed too. On any
  failure the temporary file is removed; one left by a killed process is removed by the next
  write to the same destination.

Qt-free: the command line, the services and the screens all use it. OS errors become
:class:`OutputFileError` with one line such as "cannot write out.pdf: No space left on device".
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import IO, Any, Self

from mentordesk import EVENT_SUFFIX

#: Temporary files are named ``.<name>.<random>.partial`` beside their destination.
PARTIAL_SUFFIX = ".partial"
#: A temporary file untouched for this long belongs to a write that was killed. (A live write
#: touches its file as it writes, and creates it only once the content is ready.)
STALE_AFTER_S = 60.0
#: Files SQLite keeps beside a database while it is open, named after it.
SQLITE_COMPANIONS = ("-wal", "-shm", "-journal")


class OutputFileError(Exception):
    """A file could not be written; the message is one line for the person who asked for it.

    ``errno`` is the operating system's error number when there was one (a full disk …), so a
    screen can word its own advice.
    """

    def __init__(self, message: str, *, path: Path, errno: int | None = None) -> None:
        super().__init__(message)
        self.path = path
        self.errno = errno


class OutputPathRefused(OutputFileError):
    """The destination is one MentorDesk never writes over (an event file, a backup, a folder)."""


# --------------------------------------------------------------------------- the destination check


def check_output_path(
    path: str | os.PathLike[str],
    *,
    open_event: Path | None,
    what: str = "the file",
    event_copy: bool = False,
) -> Path:
    """Refuse a destination that must not be written over; return it as a Path.

    ``what`` names the output in the message ("the PDF"). ``event_copy`` is for *Save a copy*,
    whose output is itself an event file: it may then carry the event file ending and replace
    another event file (the save dialog has asked), but never the open event, a companion file
    or a backup.
    """
    target = Path(path).expanduser()
    try:
        _check(target, open_event=open_event, what=what, event_copy=event_copy)
    except OSError as exc:  # the folder cannot even be looked into (permissions …)
        raise _write_error(target, exc) from None
    return target


def _check(target: Path, *, open_event: Path | None, what: str, event_copy: bool) -> None:
    shown = str(target)
    if target.is_dir():
        raise OutputPathRefused(f"cannot write {shown}: it is a folder; choose a file name for {what}", path=target)
    resolved = _resolved(target)
    if open_event is not None:
        event = _resolved(Path(open_event))
        if resolved == event or _same_file(target, event):
            raise _refusal(target, event, what, open_event=True)
        for companion in SQLITE_COMPANIONS:
            if resolved == Path(f"{event}{companion}") or _same_file(target, Path(f"{event}{companion}")):
                raise _refusal_companion(target, event, what)
    base = _companion_base(resolved)
    if base is not None and (base.name.endswith(EVENT_SUFFIX) or is_event_file(base)):
        raise _refusal_companion(target, base, what)
    backups = _backup_folder()
    if backups is not None and resolved.is_relative_to(backups):
        raise OutputPathRefused(
            f"refusing to write into the backup folder {backups}; choose another place for {what}", path=target)
    if not event_copy:
        if is_event_file(target):
            raise _refusal(target, resolved, what, open_event=False)
        if target.name.endswith(EVENT_SUFFIX) or resolved.name.endswith(EVENT_SUFFIX):
            raise OutputPathRefused(
                f"refusing to name {what} {target.name}: the {EVENT_SUFFIX} ending is for event files; "
                "choose another name", path=target)


def is_event_file(path: Path) -> bool:
    """Whether ``path`` is an existing MentorDesk event file (``PRAGMA application_id`` "MDSK").

    Asked through SQLite, read-only: opening an event file directly and closing it again would
    drop the locks this process's own connections hold on it (see ``models/event_file.py``). A
    file that cannot be read is not one as far as this check goes (the write will fail anyway).
    """
    from mentordesk.models.event_file import APPLICATION_ID, application_id

    return application_id(path) == APPLICATION_ID


def open_event_of(session: Any) -> Path | None:
    """The event file a SQLAlchemy session works on, or None (a database server, in memory).

    Asked of SQLite itself (``PRAGMA database_list``): the engine may be made from a path rather
    than a URL.
    """
    with contextlib.suppress(Exception):
        if session.get_bind().dialect.name == "sqlite":
            for _seq, name, file in session.connection().exec_driver_sql("PRAGMA database_list"):
                if name == "main" and file:
                    return Path(file)
    return None


def _refusal(target: Path, event: Path, what: str, *, open_event: bool) -> OutputPathRefused:
    kind = "the open event file" if open_event else "the event file"
    if target.name == event.name:
        message = f"refusing to write over {kind} {event.name}; choose another name for {what}"
    else:
        message = f"refusing to write over {target.name}: it is {kind} {event.name}; choose another name for {what}"
    return OutputPathRefused(message, path=target)


def _refusal_companion(target: Path, event: Path, what: str) -> OutputPathRefused:
    return OutputPathRefused(
        f"refusing to write over {target.name}: SQLite keeps it beside the event file {event.name}; "
        f"choose another name for {what}", path=target)


def _companion_base(path: Path) -> Path | None:
    for companion in SQLITE_COMPANIONS:
        if path.name.endswith(companion) and len(path.name) > len(companion):
            return path.with_name(path.name.removesuffix(companion))
    return None


def _resolved(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # a symbolic link loop: compare as given
        return Path(os.path.abspath(path))


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:  # one of them does not exist
        return False


def _backup_folder() -> Path | None:
    from mentordesk import paths

    try:
        return _resolved(paths.backup_dir())
    except OSError:
        return None


# --------------------------------------------------------------------------- writing


class StagedOutput:
    """A file being made for ``path``: write to :attr:`file` (or let a library write to
    :attr:`path`, the temporary file), then :meth:`finish` moves it into place.

    Used as a context manager it finishes on success and discards on an exception. Used by hand
    it lets a caller put something between "the content is on disk" and "the file is in place"
    (``flash plan --save`` commits the plan there).
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        what: str = "the file",
        open_event: Path | None = None,
        event_copy: bool = False,
        create_folder: bool = False,
    ) -> None:
        self.target = check_output_path(path, open_event=open_event, what=what, event_copy=event_copy)
        self._check = lambda: check_output_path(self.target, open_event=open_event, what=what, event_copy=event_copy)
        self._finished = self._discarded = False
        folder = self.target.parent
        try:
            if create_folder:
                folder.mkdir(parents=True, exist_ok=True)
            remove_stale_partials(self.target)
            fd, name = tempfile.mkstemp(prefix=f".{self.target.name}.", suffix=PARTIAL_SUFFIX, dir=folder)
        except OSError as exc:
            raise _write_error(self.target, exc) from None
        self.path = Path(name)
        try:
            _set_mode(fd, self.target)
            self.file: IO[bytes] = os.fdopen(fd, "wb")
        except BaseException:
            os.close(fd)
            self._remove_temporary()
            raise

    def sync(self) -> None:
        """Flush what was written all the way to the disk."""
        try:
            self.file.flush()
            os.fsync(self.file.fileno())
        except OSError as exc:
            self.discard()
            raise _write_error(self.target, exc) from None

    def finish(self) -> Path:
        """Move the finished file into place (checking the destination once more); returns it."""
        if self._finished:
            return self.target
        if self._discarded:
            raise RuntimeError(f"the temporary file for {self.target} was already discarded")
        try:
            self.sync()
            self.file.close()
            self._check()
            os.replace(self.path, self.target)
            self._finished = True
        except OutputFileError:
            self.discard()
            raise
        except OSError as exc:
            self.discard()
            raise _write_error(self.target, exc) from None
        self._remove_companions()
        _sync_folder(self.target.parent)
        return self.target

    def discard(self) -> None:
        """Drop the temporary file (nothing is written); does nothing once finished or discarded."""
        if self._finished or self._discarded:
            return
        self._discarded = True
        with contextlib.suppress(OSError):
            self.file.close()
        self._remove_temporary()

    def _remove_temporary(self) -> None:
        with contextlib.suppress(OSError):
            self.path.unlink()
        self._remove_companions()

    def _remove_companions(self) -> None:
        # SQLite (Save a copy) may have left its own files named after the temporary file.
        for companion in SQLITE_COMPANIONS:
            with contextlib.suppress(OSError):
                Path(f"{self.path}{companion}").unlink()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 _tb: TracebackType | None) -> None:
        if kind is None:
            self.finish()
            return
        self.discard()
        if isinstance(error, OSError) and not isinstance(error, OutputFileError):
            raise _write_error(self.target, error) from None


def write_atomically(
    path: str | os.PathLike[str],
    data: bytes | Callable[[IO[bytes]], object],
    *,
    what: str = "the file",
    open_event: Path | None = None,
    event_copy: bool = False,
    create_folder: bool = False,
) -> Path:
    """Put ``data`` (bytes, or a function writing to a binary file) at ``path`` whole or not at all.

    The destination is checked first (:func:`check_output_path`); a refused or failed write
    raises :class:`OutputFileError` with one line and leaves whatever was at ``path`` as it was.
    """
    with StagedOutput(path, what=what, open_event=open_event, event_copy=event_copy,
                      create_folder=create_folder) as staged:
        if callable(data):
            data(staged.file)
        else:
            staged.file.write(data)
    return staged.target


def remove_stale_partials(target: Path) -> list[Path]:
    """Remove temporary files a killed write to ``target`` left in its folder; returns them.

    Only our own names count (``.<name>.<random>.partial``, SQLite's companions of it, and the
    fixed ``.<name>.partial`` earlier versions used), and only once untouched for
    :data:`STALE_AFTER_S`, so a write under way elsewhere keeps its file. Links are removed, never
    followed.
    """
    prefix = f".{target.name}."
    pattern = re.compile(re.escape(prefix) + r"(?:[A-Za-z0-9_]+\.)?partial(?:-wal|-shm|-journal)?")
    cutoff = time.time() - STALE_AFTER_S
    removed: list[Path] = []
    try:
        entries = list(os.scandir(target.parent))
    except OSError:
        return removed
    for entry in entries:
        if not pattern.fullmatch(entry.name):
            continue
        with contextlib.suppress(OSError):
            info = entry.stat(follow_symlinks=False)
            if entry.is_dir(follow_symlinks=False) or info.st_mtime > cutoff:
                continue
            os.unlink(entry.path)
            removed.append(Path(entry.path))
    return removed


def _write_error(target: Path, error: OSError) -> OutputFileError:
    return OutputFileError(f"cannot write {target}: {write_problem(error, target.parent)}", path=target,
                           errno=error.errno)


def write_problem(error: OSError, folder: Path) -> str:
    """What went wrong writing a file into ``folder``, and what to do, in plain words (one line).

    The cases people meet: the folder is not there (moved, or its USB stick removed), a file is
    where the folder should be, the folder or drive is read-only, the disk is full, the drive
    failed. Anything else keeps the system's own words.
    """
    code = error.errno
    if code in (errno.ENOENT, errno.ENODEV, errno.ENXIO) and not folder.is_dir():
        return (f"the folder {folder} is not there (was it moved, or its USB stick removed?); "
                "choose another folder, or put the drive back and try again")
    if code in (errno.ENOTDIR, errno.EEXIST) and not folder.is_dir():
        return f"{folder} is a file, not a folder; choose a folder"
    if code in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"the folder {folder} is read-only for you; choose a folder you can write to (Documents, say)"
    if code in (errno.ENOSPC, errno.EDQUOT):
        return "the disk is full; free some space or choose another drive, then try again"
    if code == errno.EIO:
        return "the drive could not be written (was the USB stick removed?); check it and try again"
    return str(error.strerror or error)


def _set_mode(fd: int, target: Path) -> None:
    """Give the new file the permissions the old one had, or the usual ones for a new file.

    ``mkstemp`` makes the file readable by its owner only; an exported PDF should be as readable
    as any file the user saves.
    """
    if sys.platform == "win32":
        return
    try:
        info = os.stat(target)
        mode = info.st_mode & 0o7777
    except OSError:
        mode = 0o666 & ~_umask()
    os.fchmod(fd, mode)


_UMASK: int | None = None


def _umask() -> int:
    global _UMASK
    if _UMASK is None:
        _UMASK = _read_umask()
    return _UMASK


def _read_umask() -> int:
    # Linux tells it without changing it; elsewhere it is set and put back (once per process).
    with contextlib.suppress(OSError, ValueError):
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    current = os.umask(0o022)
    os.umask(current)
    return current


def _sync_folder(folder: Path) -> None:
    """Flush the folder entry of a renamed file, so the rename survives a power cut (POSIX)."""
    if sys.platform == "win32":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
