"""``mentordesk import`` on hostile and damaged files, run as a real subprocess: short output, nothing half-imported."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from test_import_limits import HEADER, workbook  # the same directory

from mentordesk.models.store import EventStore
from mentordesk.services.importing import limits
from mentordesk.services.people import list_people


def run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if key != "MENTORDESK_EVENT"}
    return subprocess.run([sys.executable, "-m", "mentordesk", *args], capture_output=True, text=True, env=env,
                          timeout=120)


def _assert_one_line_error(result: subprocess.CompletedProcess[str], *, contains: str) -> None:
    assert result.returncode != 0
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("mentordesk: error:") and contains in lines[0]


# The import is the command under test; the empty event it starts from is made, and what it left
# is read, in-process (an interpreter launch is about a second).
def _event(tmp_path: Path) -> Path:
    event = tmp_path / "import.mentordesk"
    with EventStore.create(event, name="Import"):
        pass
    return event


def _people(event: Path) -> list[dict[str, object]]:
    with EventStore.open(event) as store, store.read_session() as session:
        rows = list_people(session, store.event_id)
    return [row.to_json() for row in rows]


def test_a_huge_cell_is_never_echoed(tmp_path: Path) -> None:
    event = _event(tmp_path)
    path = tmp_path / "essay.xlsx"
    path.write_bytes(workbook([HEADER, "<row r='2'><c r='A2' t='s'><v>0</v></c></row>"], shared=["A" * 500_000]))
    result = run("import", "--event", str(event), str(path))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "Read 1 row from essay.xlsx: 0 added, 0 updated, 0 unchanged, 1 skipped"
    assert len(result.stderr) < 300
    assert result.stderr.startswith(f"skipped line 2 ({'A' * 40}…): the “Name” cell is longer than the 10,000")


def test_too_many_rows_is_one_line_and_imports_nobody(tmp_path: Path) -> None:
    event = _event(tmp_path)
    path = tmp_path / "huge.csv"
    path.write_text("Name,Role\n" + "A B,Mentee\n" * (limits.MAX_ROWS + 1), encoding="utf-8")
    result = run("import", "--event", str(event), str(path))
    _assert_one_line_error(result, contains="huge.csv has more than 40,000 rows; split it into files of at most")
    assert _people(event) == []


def test_one_bad_byte_is_reported_and_the_rest_imported_as_utf8(tmp_path: Path) -> None:
    event = _event(tmp_path)
    path = tmp_path / "mostly.csv"
    path.write_bytes("Name,Role\nZoë Müller,Mentee\n".encode() + b"Zo\xeb Bad,Mentee\n")
    result = run("import", "--event", str(event), str(path))
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines() == [
        "skipped line 3 (Zo\ufffd Bad): holds bytes that are not valid UTF-8 (shown as �), although the rest of "
        "the file is; correct the line and import the file again"
    ]
    assert [person["first_name"] for person in _people(event)] == ["Zoë"]
