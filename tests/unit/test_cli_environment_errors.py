"""A read-only folder or a full disk gets a message that says so, and a failing exit status.

Before: a read-only folder was called "damaged", a full disk during an import said "no such
savepoint", a write to a read-only file printed SQL with a person's name and e-mail, and
``checkin --stdin`` exited 0 although nothing could be written.

The folder and the disk are real: each test runs the command in a private mount namespace
(``unshare -m``) where the event's folder is mounted read-only, or is a tiny tmpfs that fills
up. That needs root (or user namespaces); elsewhere the tests are skipped, since as root a
``chmod`` cannot make anything read-only.
"""

from __future__ import annotations

import hashlib
import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from mentordesk.cli import main


def _mount_namespaces_work() -> bool:
    if shutil.which("unshare") is None or shutil.which("mount") is None:
        return False
    probe = subprocess.run(["unshare", "-m", "true"], capture_output=True, timeout=30)
    return probe.returncode == 0


pytestmark = pytest.mark.skipif(not _mount_namespaces_work(), reason="needs unshare -m (root)")

ATTENDEES = "First Name,Last Name,Email,Ticket Type\nZoë,Šimůnek,zoe@example.org,Mentee\n"


def _mentordesk(setup: str, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``setup`` (mount commands) and then the command, inside a private mount namespace."""
    command = " ".join(shlex.quote(part) for part in (sys.executable, "-m", "mentordesk", *args))
    env = {key: value for key, value in os.environ.items() if key != "MENTORDESK_EVENT"}
    return subprocess.run(["unshare", "-m", "sh", "-c", f"set -e; {setup}; exec {command}"],
                          capture_output=True, text=True, input=stdin, env=env, timeout=120)


def _one_line(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 1, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    return lines[0]


def _badge_codes(event: Path, capsys: pytest.CaptureFixture[str]) -> list[str]:
    import json

    capsys.readouterr()
    assert main(["people", "--event", str(event), "--json"]) == 0
    return [person["badge_code"] for person in json.loads(capsys.readouterr().out)]


def test_an_event_in_a_read_only_folder_is_called_read_only_not_damaged(tmp_path: Path) -> None:
    folder = tmp_path / "stick"
    folder.mkdir()
    event = folder / "spring.mentordesk"
    assert main(["demo", "--event", str(event)]) == 0
    before = hashlib.sha256(event.read_bytes()).hexdigest()
    attendees = tmp_path / "attendees.csv"
    attendees.write_text(ATTENDEES, encoding="utf-8")
    read_only = f"mount --bind -o ro {shlex.quote(str(folder))} {shlex.quote(str(folder))}"
    for args in (["people", "--event", str(event)], ["checkin", "--event", str(event), "ZZZZZZZZ"],
                 ["import", "--event", str(event), str(attendees)]):
        line = _one_line(_mentordesk(read_only, *args))
        assert "read-only folder" in line and "damaged" not in line
    assert hashlib.sha256(event.read_bytes()).hexdigest() == before
    assert sorted(p.name for p in folder.iterdir()) == ["spring.mentordesk"]


def _full_disk(folder: Path, event: Path, free_kib: int) -> str:
    """Shell lines: a small tmpfs at ``folder`` holding a copy of ``event``, filled to ``free_kib``."""
    q = shlex.quote
    size_kib = event.stat().st_size // 1024 + 4096
    original = folder.parent / f"{event.name}.orig"
    return "; ".join([
        f"cp {q(str(event))} {q(str(original))}",
        f"mount -t tmpfs -o size={size_kib}k tmpfs {q(str(folder))}",
        f"cp {q(str(original))} {q(str(event))}",
        # Fill all but free_kib of the space (dd stops with an error when the disk is full).
        f"avail=$(df -k --output=avail {q(str(folder))} | tail -1)",
        f"dd if=/dev/zero of={q(str(folder))}/filler bs=1k count=$((avail - {free_kib})) 2>/dev/null || true",
    ])


def test_checkin_stdin_on_a_full_disk_says_so_per_line_and_exits_1(tmp_path: Path,
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "disk"
    folder.mkdir()
    event = folder / "desk.mentordesk"
    assert main(["init", "--event", str(event), "--name", "Desk"]) == 0
    attendees = tmp_path / "attendees.csv"
    rows = "".join(f"Person{n},Number{n},p{n}@example.org,Mentee\n" for n in range(200))
    attendees.write_text("First Name,Last Name,Email,Ticket Type\n" + rows, encoding="utf-8")
    assert main(["import", "--event", str(event), str(attendees)]) == 0
    codes = _badge_codes(event, capsys)
    # Room for SQLite's shared-memory index and a few pages of log, not for 200 check-ins.
    result = _mentordesk(_full_disk(folder, event, free_kib=48), "checkin", "--event", str(event), "--stdin",
                         stdin="\n".join(codes) + "\n")
    answers = result.stdout.splitlines()
    assert len(answers) == len(codes)
    refused = [answer for answer in answers if not answer.startswith("OK ")]
    assert refused, "the disk never filled up"
    assert all(answer.startswith("ERR the disk is full") for answer in refused), refused[:3]
    line = _one_line(result)
    assert f"of {len(codes)} lines were not recorded: the disk is full" in line
    assert "Number" not in result.stdout + result.stderr


def test_an_import_on_a_full_disk_says_the_disk_is_full(tmp_path: Path) -> None:
    folder = tmp_path / "disk"
    folder.mkdir()
    event = folder / "import.mentordesk"
    assert main(["init", "--event", str(event), "--name", "Import"]) == 0
    attendees = tmp_path / "attendees.csv"
    rows = "".join(f"Person{n},Number{n},p{n}@example.org,Mentee\n" for n in range(3000))
    attendees.write_text("First Name,Last Name,Email,Ticket Type\n" + rows, encoding="utf-8")
    line = _one_line(_mentordesk(_full_disk(folder, event, free_kib=64), "import", "--event", str(event),
                                 str(attendees)))
    assert "the disk is full" in line and "savepoint" not in line
    assert "Number" not in line
