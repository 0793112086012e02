"""Files that cannot be written are explained in plain words, with what to do (issue 14, item 8).

A new event, a saved copy and every output (PDF, JSON, calendar, spreadsheet) say why in one line:
a folder that is not there (moved, or its USB stick removed), a file where the folder should be, a
read-only folder, a full disk, a failing drive. As root permissions stop nothing, the read-only
and full-disk cases are the operating system's answers made to order.
"""

from __future__ import annotations

import errno
import tempfile
from pathlib import Path

import pytest

from mentordesk.models.store import EventFileError, EventStore
from mentordesk.output_files import OutputFileError, write_atomically, write_problem


@pytest.mark.parametrize(("code", "words"), [
    (errno.ENOSPC, "the disk is full; free some space or choose another drive"),
    (errno.EDQUOT, "the disk is full"),
    (errno.EROFS, "is read-only for you; choose a folder you can write to"),
    (errno.EACCES, "is read-only for you"),
    (errno.EIO, "was the USB stick removed?"),
])
def test_each_problem_says_what_to_do(tmp_path: Path, code: int, words: str) -> None:
    assert words in write_problem(OSError(code, "system words"), tmp_path)


def test_a_missing_folder_and_a_file_in_its_place_are_named(tmp_path: Path) -> None:
    gone = tmp_path / "USB" / "events"
    assert "the folder" in write_problem(OSError(errno.ENOENT, "x"), gone)
    assert "USB stick removed" in write_problem(OSError(errno.ENOENT, "x"), gone)
    a_file = tmp_path / "notes.txt"
    a_file.write_text("not a folder")
    assert write_problem(OSError(errno.ENOTDIR, "x"), a_file) == f"{a_file} is a file, not a folder; choose a folder"
    # Anything unforeseen keeps the system's words rather than guessing.
    assert write_problem(OSError(errno.EBUSY, "Device or resource busy"), tmp_path) == "Device or resource busy"


def test_a_new_event_where_a_file_is_in_the_way_says_so(tmp_path: Path) -> None:
    a_file = tmp_path / "hostname"
    a_file.write_text("x")
    with pytest.raises(EventFileError, match=r"^cannot create x\.mentordesk: .*hostname is a file, not a folder"):
        EventStore.create(a_file / "x.mentordesk", name="Spring")


def test_a_new_event_on_a_full_disk_is_not_a_raw_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The temporary file is the first thing written: it used to escape as a bare OSError.
    def full(*_args: object, **_kwargs: object) -> tuple[int, str]:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(tempfile, "mkstemp", full)
    with pytest.raises(EventFileError, match="the disk is full; free some space"):
        EventStore.create(tmp_path / "spring.mentordesk", name="Spring")
    assert not (tmp_path / "spring.mentordesk").exists()


def test_a_new_event_in_a_folder_that_went_away_is_not_a_raw_error(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    # The USB stick is pulled between making the folder and writing the file.
    def gone(*_args: object, **_kwargs: object) -> tuple[int, str]:
        (tmp_path / "stick").rmdir()
        raise OSError(errno.ENOENT, "No such file or directory")

    monkeypatch.setattr(tempfile, "mkstemp", gone)
    with pytest.raises(EventFileError, match=r"folder .*stick is not there .*USB stick removed"):
        EventStore.create(tmp_path / "stick" / "spring.mentordesk", name="Spring")


def test_a_copy_and_an_output_under_a_file_say_so(store: EventStore, tmp_path: Path) -> None:
    a_file = tmp_path / "report.txt"
    a_file.write_text("x")
    with pytest.raises(EventFileError, match=r"report\.txt is a file, not a folder; choose a folder"):
        store.save_copy(a_file / "copy.mentordesk")
    with pytest.raises(OutputFileError, match=r"report\.txt is a file, not a folder; choose a folder"):
        write_atomically(a_file / "badges.pdf", b"%PDF")
