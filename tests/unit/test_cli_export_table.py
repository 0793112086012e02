"""``mentordesk export table KIND --event F -o OUT.csv|OUT.xlsx`` and ``--list``, run as a real subprocess.

Exit codes and one-line errors as PRODUCT.md's contract says, and the files as a spreadsheet reads
them: a formula-like value from an attendee file is text, never a live formula.
"""

from __future__ import annotations

import csv
import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from mentordesk.models.store import EventStore
from mentordesk.services import table_exports
from mentordesk.services.importing import import_file

FORMULA_FILE = Path(__file__).parents[1] / "data" / "imports" / "formula_like_values.csv"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if key != "MENTORDESK_EVENT"}
    return subprocess.run([sys.executable, "-m", "mentordesk", *args], capture_output=True, text=True, env=env,
                          timeout=120)


def _one_line_error(result: subprocess.CompletedProcess[str], code: int, contains: str) -> None:
    assert result.returncode == code, result.stderr
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("mentordesk: error:") and contains in lines[0], result.stderr


@pytest.fixture
def event(tmp_path: Path, demo_template: Path) -> Path:
    """The demo event plus the attendee file whose values look like formulas, closed."""
    path = tmp_path / "ev.mentordesk"
    shutil.copyfile(demo_template, path)
    with EventStore.open(path) as store, store.session() as session:
        import_file(session, store.event_id, FORMULA_FILE)
    return path


def test_list_names_every_kind_one_per_line() -> None:
    result = run("export", "table", "--list")
    assert result.returncode == 0 and result.stderr == ""
    lines = result.stdout.splitlines()
    assert [line.split()[0] for line in lines] == [kind.key for kind in table_exports.kinds()] == [
        "people", "checkins", "attendance", "meetings", "feedback", "goals", "follow-ups"]
    assert all(len(line.split(maxsplit=1)) == 2 for line in lines)


def test_csv_and_xlsx_write_formula_like_values_as_text(event: Path, tmp_path: Path) -> None:
    out_csv, out_xlsx = tmp_path / "people.csv", tmp_path / "people.xlsx"
    result = run("export", "table", "people", "--event", str(event), "-o", str(out_csv))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Wrote people (") and str(out_csv) in result.stdout
    raw = out_csv.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(raw.decode("utf-8-sig").splitlines()))
    eve = next(row for row in rows if row["First name"] == "Eve")
    assert eve["Organisation"] == "'=HYPERLINK(\"http://evil.example\",\"click\")"
    assert eve["Notes"] == "'@SUM(A1:A9)" and eve["Title"] == "'+1 555 0100"

    result = run("export", "table", "people", "--event", str(event), "-o", str(out_xlsx))
    assert result.returncode == 0, result.stderr
    sheet = load_workbook(out_xlsx).active
    assert sheet is not None
    header = [c.value for c in sheet[1]]
    minus = next(dict(zip(header, row, strict=True)) for row in sheet.iter_rows(min_row=2)
                 if row[1].value == "Minus")
    assert minus["Title"].value == "=1+1" and minus["Title"].data_type == "s" and minus["Title"].quotePrefix
    assert minus["ID"].data_type == "n"
    assert len(rows) == sheet.max_row - 1


def test_attendance_as_xlsx_has_dates(event: Path, tmp_path: Path) -> None:
    out = tmp_path / "attendance.xlsx"
    result = run("export", "table", "attendance", "--event", str(event), "-o", str(out))
    assert result.returncode == 0, result.stderr
    sheet = load_workbook(out).active
    assert sheet is not None and sheet.max_row > 1
    assert sheet["B2"].is_date and sheet["C2"].is_date and sheet["E2"].data_type == "n"


@pytest.mark.parametrize(("args", "contains"), [
    (("nonsense", "-o", "x.csv"), "there is no table called 'nonsense'; choose one of: people"),
    (("people", "-o", "x.txt"), "name the file .csv or .xlsx"),
    (("people",), "-o OUT.csv or -o OUT.xlsx"),
    ((), "say which table to export"),
])
def test_usage_errors_are_one_line_and_exit_2(event: Path, tmp_path: Path, args: tuple[str, ...],
                                              contains: str) -> None:
    fixed = tuple(str(tmp_path / a) if a.startswith("x.") else a for a in args)
    _one_line_error(run("export", "table", *fixed, "--event", str(event)), 2, contains)
    assert not any(tmp_path.glob("x.*"))


def test_outputs_that_cannot_be_written_are_one_line_and_exit_1(event: Path, tmp_path: Path) -> None:
    before = hashlib.sha256(event.read_bytes()).hexdigest()
    disguised = tmp_path / "ev.csv"
    disguised.symlink_to(event)
    _one_line_error(run("export", "table", "people", "--event", str(event), "-o", str(disguised)), 1,
                    "refusing to write over")
    assert hashlib.sha256(event.read_bytes()).hexdigest() == before
    _one_line_error(run("export", "table", "goals", "--event", str(event), "-o", str(tmp_path / "gone" / "g.csv")),
                    1, "cannot write")
