"""Every command that writes a file refuses to write it over an event (issue 11, item 3).

``export summary --event ev.mentordesk -o ev.mentordesk`` used to replace the event with a PDF
and exit 0. Now each such destination is refused with one line and exit 1, and the event file is
byte for byte what it was and still opens.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import func, select

from mentordesk import paths
from mentordesk.cli import main
from mentordesk.models import FlashSession
from mentordesk.models.store import EventStore, inspect_event_file
from mentordesk.services.demo import create_demo_event


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def event(tmp_path: Path) -> Path:
    """The demo event (people checked in, groups with sessions), closed."""
    path = tmp_path / "ev.mentordesk"
    create_demo_event(path)
    return path


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _assert_refused(code: int, err: str, *contains: str) -> None:
    assert code == 1
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("mentordesk: error: refusing to write ")
    for words in contains:
        assert words in lines[0]


def _flash_sessions(event: Path) -> int:
    with EventStore.open(event) as store, store.read_session() as session:
        return session.scalar(select(func.count()).select_from(FlashSession)) or 0


#: Each writing command, given its destination.
COMMANDS: dict[str, Callable[[Path, Path], list[str]]] = {
    "export summary": lambda ev, out: ["export", "summary", "--event", str(ev), "-o", str(out)],
    "export badges": lambda ev, out: ["export", "badges", "--event", str(ev), "-o", str(out)],
    "export document": lambda ev, out: ["export", "document", "summary", "--event", str(ev), "-o", str(out)],
    "export calibration": lambda _ev, out: ["export", "calibration", "-o", str(out)],
    "export calendar": lambda ev, out: ["export", "calendar", "--event", str(ev), "-o", str(out)],
    "flash plan --json": lambda ev, out: ["flash", "plan", "--event", str(ev), "--rounds", "2", "--minutes", "5",
                                          "--json", str(out)],
    "flash plan --save --json": lambda ev, out: ["flash", "plan", "--event", str(ev), "--rounds", "2",
                                                 "--minutes", "5", "--json", str(out), "--save"],
}


@pytest.mark.parametrize("name", list(COMMANDS))
def test_writing_over_the_event_itself_is_refused(name: str, event: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    before = _digest(event)
    sessions = _flash_sessions(event)
    code, _out, err = _run(capsys, *COMMANDS[name](event, event))
    _assert_refused(code, err, "event file ev.mentordesk", "choose another name")
    assert _digest(event) == before
    inspect_event_file(event)
    assert _flash_sessions(event) == sessions  # --save did not save a plan it could not write
    assert [p.name for p in event.parent.iterdir() if "partial" in p.name] == []


def test_the_summary_refusal_names_the_event_and_the_pdf(event: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _code, _out, err = _run(capsys, "export", "summary", "--event", str(event), "-o", str(event))
    assert err == ("mentordesk: error: refusing to write over the open event file ev.mentordesk; "
                   "choose another name for the PDF\n")


@pytest.mark.parametrize("name", ["export summary", "export calendar", "flash plan --save --json"])
@pytest.mark.parametrize("companion", ["-wal", "-shm", "-journal"])
def test_writing_over_a_companion_of_the_event_is_refused(name: str, companion: str, event: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    before = _digest(event)
    target = Path(f"{event}{companion}")
    code, _out, err = _run(capsys, *COMMANDS[name](event, target))
    _assert_refused(code, err, f"ev.mentordesk{companion}", "beside the event file ev.mentordesk")
    assert not target.exists()
    assert _digest(event) == before
    with EventStore.open(event):
        pass


@pytest.mark.parametrize("name", ["export summary", "export calendar", "flash plan --json", "export calibration"])
def test_writing_over_another_event_file_is_refused(name: str, event: Path, tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    other = tmp_path / "autumn.mentordesk"
    EventStore.create(other, name="Autumn").close()
    disguised = tmp_path / "autumn-report.pdf"  # an event file under any name
    disguised.write_bytes(other.read_bytes())
    for target in (other, disguised):
        before = _digest(target)
        code, _out, err = _run(capsys, *COMMANDS[name](event, target))
        _assert_refused(code, err, "event file")
        assert _digest(target) == before
        inspect_event_file(target)


@pytest.mark.parametrize("name", ["export summary", "export calendar", "flash plan --save --json"])
def test_writing_into_the_backup_folder_is_refused(name: str, event: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    backups = paths.backup_dir()
    kept = backups / "ev-20270316-schema-0001.mentordesk"
    kept.write_bytes(event.read_bytes())
    for target in (kept, backups / "report.pdf"):
        code, _out, err = _run(capsys, *COMMANDS[name](event, target))
        _assert_refused(code, err)
    assert sorted(p.name for p in backups.iterdir()) == [kept.name]
    assert _digest(kept) == _digest(event)


@pytest.mark.parametrize("name", ["export summary", "export calendar", "flash plan --json"])
def test_links_to_the_event_are_refused(name: str, event: Path, tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    before = _digest(event)
    link = tmp_path / "summary.pdf"
    link.symlink_to(event)
    hard = tmp_path / "hard.pdf"
    os.link(event, hard)
    for target in (link, hard):
        code, _out, err = _run(capsys, *COMMANDS[name](event, target))
        _assert_refused(code, err, f"{target.name}: it is the open event file ev.mentordesk")
    assert link.is_symlink() and _digest(event) == before


def test_a_folder_is_refused_in_one_line(event: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = _run(capsys, "export", "summary", "--event", str(event), "-o", str(tmp_path))
    assert code == 1 and err == f"mentordesk: error: cannot write {tmp_path}: it is a folder; " \
                                "choose a file name for the PDF\n"


def test_a_link_planted_at_the_old_partial_name_is_not_followed(event: Path, tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    for name, out in (("export summary", tmp_path / "summary.pdf"), ("export calendar", tmp_path / "s.ics"),
                      ("flash plan --json", tmp_path / "r.json")):
        (tmp_path / f".{out.name}.partial").symlink_to(victim)
        code, _out, err = _run(capsys, *COMMANDS[name](event, out))
        assert code == 0, err
        assert victim.read_text() == "precious"
        assert out.stat().st_size > 0 and not out.is_symlink()


def test_plan_and_json_stay_a_pair_when_the_json_cannot_be_written(event: Path, tmp_path: Path,
                                                                   capsys: pytest.CaptureFixture[str],
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """The JSON reaches the disk before the plan is committed: a full disk saves neither.

    (It used to commit the plan first and then fail to write the JSON, leaving one without the
    other.)
    """
    out = tmp_path / "rotation.json"
    out.write_text('{"old": true}\n')
    before = _flash_sessions(event)

    def disk_full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    code, _out, err = _run(capsys, *COMMANDS["flash plan --save --json"](event, out))
    monkeypatch.undo()
    assert code == 1 and err == (f"mentordesk: error: cannot write {out}: the disk is full; free some space or "
                                 "choose another drive, then try again\n")
    assert json.loads(out.read_text()) == {"old": True}
    assert _flash_sessions(event) == before
    assert [p.name for p in tmp_path.iterdir() if "partial" in p.name] == []

    code, _out, err = _run(capsys, *COMMANDS["flash plan --save --json"](event, out))
    assert code == 0, err
    assert _flash_sessions(event) == before + 1 and "rounds" in json.loads(out.read_text())


def test_a_stale_partial_from_a_killed_export_is_cleaned_by_the_next(event: Path, tmp_path: Path,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "summary.pdf"
    leftover = tmp_path / ".summary.pdf.x7Gq2_ab.partial"
    leftover.write_bytes(b"%PDF half")
    old = leftover.stat().st_mtime - 3600
    os.utime(leftover, (old, old))
    code, _out, err = _run(capsys, *COMMANDS["export summary"](event, out))
    assert code == 0, err
    assert not leftover.exists()
