"""output_files: no output lands on an event, and a file appears whole or not at all."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from mentordesk import output_files, paths
from mentordesk.models.store import EventStore
from mentordesk.output_files import (
    OutputFileError,
    OutputPathRefused,
    StagedOutput,
    check_output_path,
    is_event_file,
    remove_stale_partials,
    write_atomically,
)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _age(path: Path, seconds: float) -> None:
    """Make ``path`` look untouched for ``seconds`` (no waiting: its times are set)."""
    stamp = os.lstat(path).st_mtime - seconds
    os.utime(path, (stamp, stamp), follow_symlinks=False)


def _partials(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith((".partial", ".partial-wal", ".partial-shm")))


# --------------------------------------------------------------------------- the check


def test_the_open_event_is_refused_by_name_link_and_hard_link(store: EventStore, event_path: Path,
                                                              tmp_path: Path) -> None:
    link = tmp_path / "link.pdf"
    link.symlink_to(event_path)
    hard = tmp_path / "hard.pdf"
    os.link(event_path, hard)
    for target in (event_path, link, hard, tmp_path / "sub" / ".." / event_path.name):
        with pytest.raises(OutputPathRefused, match=r"open event file spring-flash\.mentordesk") as caught:
            check_output_path(target, open_event=event_path, what="the PDF")
        assert "\n" not in str(caught.value) and "choose another name for the PDF" in str(caught.value)


def test_the_refusal_reads_as_one_plain_line(store: EventStore, event_path: Path) -> None:
    with pytest.raises(OutputPathRefused) as caught:
        check_output_path(event_path, open_event=event_path, what="the PDF")
    assert str(caught.value) == ("refusing to write over the open event file spring-flash.mentordesk; "
                                 "choose another name for the PDF")


def test_any_event_file_is_refused_even_without_its_ending(store: EventStore, event_path: Path,
                                                           tmp_path: Path) -> None:
    disguised = tmp_path / "report.pdf"
    disguised.write_bytes(event_path.read_bytes())
    assert is_event_file(disguised)
    for target in (event_path, disguised):
        with pytest.raises(OutputPathRefused, match="event file"):
            check_output_path(target, open_event=None, what="the PDF")


def test_an_other_sqlite_database_is_not_an_event_file(tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.commit()
    assert not is_event_file(other)
    assert check_output_path(other, open_event=None) == other


def test_companions_of_an_event_file_are_refused(store: EventStore, event_path: Path, tmp_path: Path) -> None:
    for companion in ("-wal", "-shm", "-journal"):
        target = Path(f"{event_path}{companion}")
        with pytest.raises(OutputPathRefused, match="SQLite keeps it beside the event file"):
            check_output_path(target, open_event=None, what="the PDF")
        with pytest.raises(OutputPathRefused):
            check_output_path(target, open_event=event_path, what="the PDF")
    # ... also beside an event that is not open, whether or not the companion exists.
    with pytest.raises(OutputPathRefused):
        check_output_path(tmp_path / "closed.mentordesk-wal", open_event=None)


def test_the_backup_folder_and_folders_are_refused(tmp_path: Path) -> None:
    inside = paths.backup_dir() / "notes.pdf"
    with pytest.raises(OutputPathRefused, match="backup folder"):
        check_output_path(inside, open_event=None, what="the PDF")
    with pytest.raises(OutputPathRefused, match="it is a folder; choose a file name for the PDF"):
        check_output_path(tmp_path, open_event=None, what="the PDF")


def test_the_event_ending_is_kept_for_event_files_but_allowed_for_a_copy(store: EventStore, event_path: Path,
                                                                         tmp_path: Path) -> None:
    with pytest.raises(OutputPathRefused, match="ending is for event files"):
        check_output_path(tmp_path / "new.mentordesk", open_event=None, what="the PDF")
    copy = tmp_path / "copy.mentordesk"
    assert check_output_path(copy, open_event=event_path, event_copy=True) == copy
    with pytest.raises(OutputPathRefused, match="open event"):
        check_output_path(event_path, open_event=event_path, event_copy=True)


def test_an_ordinary_destination_passes(tmp_path: Path) -> None:
    (tmp_path / "old.pdf").write_bytes(b"%PDF old")
    for name in ("old.pdf", "new.pdf", "rotation.json", "sessions.ics"):
        assert check_output_path(tmp_path / name, open_event=None) == tmp_path / name


# --------------------------------------------------------------------------- writing


def test_write_replaces_the_file_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "out.pdf"
    target.write_bytes(b"old")
    write_atomically(target, b"new", what="the PDF")
    assert target.read_bytes() == b"new"
    write_atomically(target, lambda handle: handle.write(b"newer"), what="the PDF")
    assert target.read_bytes() == b"newer"
    assert _partials(tmp_path) == []


def test_a_written_file_gets_ordinary_permissions(tmp_path: Path) -> None:
    if sys.platform == "win32":
        pytest.skip("POSIX permissions")
    target = tmp_path / "out.pdf"
    write_atomically(target, b"x")
    umask = output_files._umask()
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask
    target.chmod(0o640)
    write_atomically(target, b"y")
    assert target.stat().st_mode & 0o777 == 0o640  # a replaced file keeps its permissions


def test_a_failure_mid_write_keeps_the_old_file_and_leaves_nothing(tmp_path: Path) -> None:
    target = tmp_path / "out.pdf"
    target.write_bytes(b"the good one")

    def half_then_fail(handle: object) -> None:
        handle.write(b"half")  # type: ignore[attr-defined]
        raise RuntimeError("renderer crashed")

    with pytest.raises(RuntimeError, match="renderer crashed"):
        write_atomically(target, half_then_fail)
    assert target.read_bytes() == b"the good one"
    assert _partials(tmp_path) == []

    def full_disk(_handle: object) -> None:
        raise OSError(28, "No space left on device")

    with pytest.raises(OutputFileError) as caught:
        write_atomically(target, full_disk)
    assert str(caught.value) == (f"cannot write {target}: the disk is full; free some space or choose another "
                                 "drive, then try again")
    assert caught.value.errno == 28
    assert target.read_bytes() == b"the good one"
    assert _partials(tmp_path) == []


def test_a_read_only_folder_is_one_line_and_keeps_the_old_file(tmp_path: Path) -> None:
    if sys.platform == "win32" or os.geteuid() == 0:
        pytest.skip("permissions do not stop root (or Windows) from writing")
    folder = tmp_path / "locked"
    folder.mkdir()
    target = folder / "out.pdf"
    target.write_bytes(b"the good one")
    folder.chmod(0o500)
    try:
        read_only = r"^cannot write .*out\.pdf: the folder .* is read-only for you; choose a folder you can write to"
        with pytest.raises(OutputFileError, match=read_only):
            write_atomically(target, b"new")
    finally:
        folder.chmod(0o700)
    assert target.read_bytes() == b"the good one"
    assert _partials(folder) == []


def test_a_link_planted_at_the_old_predictable_name_is_not_followed(tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_bytes(b"precious")
    target = tmp_path / "out.pdf"
    planted = tmp_path / ".out.pdf.partial"
    planted.symlink_to(victim)
    write_atomically(target, b"%PDF new")
    assert victim.read_bytes() == b"precious"
    assert target.read_bytes() == b"%PDF new" and not target.is_symlink()
    # Once stale, the planted link itself is cleared away, and still its target is untouched.
    _age(planted, output_files.STALE_AFTER_S + 10)
    write_atomically(target, b"%PDF newer")
    assert not planted.is_symlink() and victim.read_bytes() == b"precious"


def test_a_destination_that_is_a_link_is_replaced_not_followed(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere.txt"
    elsewhere.write_bytes(b"keep")
    target = tmp_path / "out.pdf"
    target.symlink_to(elsewhere)
    write_atomically(target, b"%PDF")
    assert elsewhere.read_bytes() == b"keep" and target.read_bytes() == b"%PDF"


def test_temporary_names_are_unpredictable_and_in_the_destination_folder(tmp_path: Path) -> None:
    target = tmp_path / "out.pdf"
    first = StagedOutput(target)
    second = StagedOutput(target)
    try:
        assert first.path != second.path
        for staged in (first, second):
            assert staged.path.parent == tmp_path
            assert staged.path.name.startswith(".out.pdf.") and staged.path.name.endswith(".partial")
            assert staged.path.name != ".out.pdf.partial"
    finally:
        first.discard()
        second.discard()
    assert _partials(tmp_path) == []


def test_stale_leftovers_of_a_killed_write_are_cleaned_by_the_next_write(tmp_path: Path) -> None:
    target = tmp_path / "out.pdf"
    stale = [tmp_path / ".out.pdf.k1ll3d_x.partial", tmp_path / ".out.pdf.partial",
             tmp_path / ".out.pdf.abc123.partial-wal"]
    fresh = tmp_path / ".out.pdf.running.partial"  # another write under way right now
    others = [tmp_path / ".other.pdf.zzz.partial", tmp_path / "out.pdf.partial.keep"]
    for path in [*stale, fresh, *others]:
        path.write_bytes(b"x")
    for path in [*stale, *others]:
        _age(path, output_files.STALE_AFTER_S + 10)
    write_atomically(target, b"%PDF")
    assert [p for p in stale if p.exists()] == []
    assert fresh.exists() and all(p.exists() for p in others)


def test_remove_stale_partials_leaves_folders_alone(tmp_path: Path) -> None:
    folder = tmp_path / ".out.pdf.abc.partial"
    folder.mkdir()
    _age(folder, output_files.STALE_AFTER_S + 10)
    assert remove_stale_partials(tmp_path / "out.pdf") == []
    assert folder.is_dir()


def test_a_library_can_write_to_the_temporary_path(tmp_path: Path) -> None:
    """SQLite wants a file name: the staged path is handed over, its companions are cleared."""
    target = tmp_path / "copy.db"
    with StagedOutput(target, event_copy=True) as staged:
        conn = sqlite3.connect(staged.path)
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("CREATE TABLE t (x)")
        conn.commit()
        conn.close()
    assert sqlite3.connect(target).execute("SELECT count(*) FROM t").fetchone() == (0,)
    assert _partials(tmp_path) == []


def test_the_module_does_not_import_qt() -> None:
    code = ("import sys, mentordesk.output_files\n"
            "print(any(m.startswith(('PySide6', 'shiboken6')) for m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


# --------------------------------------------------------------------------- the spreadsheet writers


def test_spreadsheets_are_written_whole_and_never_over_an_event(store: EventStore, event_path: Path,
                                                                 tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from mentordesk.services.spreadsheets import write_csv, write_xlsx

    before = _digest(event_path)
    for write in (write_csv, write_xlsx):
        for target in (event_path, Path(f"{event_path}-wal"), tmp_path / "people.csv.mentordesk"):
            with pytest.raises(OutputPathRefused, match="choose another name"):
                write(target, ["name"], [["=1+1"]], open_event=event_path)
    assert _digest(event_path) == before
    write_csv(tmp_path / "people.csv", ["name"], [["=1+1"]], open_event=event_path)
    assert (tmp_path / "people.csv").read_bytes() == "\ufeffname\r\n'=1+1\r\n".encode()
    write_xlsx(tmp_path / "people.xlsx", ["name"], [["Ada"]], open_event=event_path)
    sheet = load_workbook(tmp_path / "people.xlsx").active
    assert sheet is not None and sheet["A2"].value == "Ada"
    assert _partials(tmp_path) == []


def test_a_discarded_output_cannot_be_finished(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    staged = StagedOutput(target)
    staged.file.write(b"{}")
    staged.discard()
    with pytest.raises(RuntimeError, match="already discarded"):
        staged.finish()
    assert not target.exists() and _partials(tmp_path) == []
