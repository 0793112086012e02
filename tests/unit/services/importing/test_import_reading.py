"""Reading attendee files: encodings, delimiters, spreadsheets, line numbers, and files refused whole."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from mentordesk.services.importing import FileFormat, ImportFileError, read_bytes, read_file

SAMPLES = Path(__file__).resolve().parents[3] / "data" / "imports"


def test_eventbrite_export_in_utf8_with_bom() -> None:
    table = read_file(SAMPLES / "eventbrite_attendees.csv")
    assert (table.format, table.encoding, table.delimiter) == (FileFormat.CSV, "UTF-8 with BOM", ",")
    assert table.headers[0] == "Order #"  # the BOM is not part of the first header
    assert [row.line for row in table.rows] == [2, 3, 4, 5, 6, 7, 8]
    grace = table.rows[3]
    assert grace.cells[2:5] == ("Grace", "O'Connor", "grace.oconnor@example.org")
    assert grace.cells[-1] == "Stripe, Inc."  # the quoted comma stays inside the field
    assert table.describe_format() == "CSV, UTF-8 with BOM, comma-delimited"


def test_semicolon_delimited_windows_1252() -> None:
    table = read_file(SAMPLES / "semicolon_windows1252.csv")
    assert (table.encoding, table.delimiter) == ("Windows-1252", ";")
    assert table.headers == ("Vorname", "Nachname", "E-Mail-Adresse", "Rolle", "Firma", "Themen")
    cells = {row.cells[0]: row.cells for row in table.rows}
    assert cells["Jürgen"][1] == "Weiß"
    assert cells["Renée"][4] == "Café Œuvre € Partners"
    assert cells["Søren"][4] == "Ørsted; Energie A/S"  # a quoted delimiter is not a delimiter
    assert cells["Cœlestine"][1:2] == ("Strauß",)


def test_excel_unicode_text_is_utf16_with_tabs() -> None:
    table = read_file(SAMPLES / "unicode_text_utf16.txt")
    assert (table.encoding, table.delimiter) == ("UTF-16", "\t")
    assert [row.cells[:2] for row in table.rows] == [
        ("Αλέξανδρος", "Παπαδόπουλος"),
        ("Дмитрий", "Соколов"),
        ("محمد", "الحسيني"),
        ("서연", "김"),
    ]


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_recognised_by_its_nul_bytes(codec: str) -> None:
    text = (SAMPLES / "unicode_text_utf16.txt").read_bytes().decode("utf-16")
    table = read_bytes(text.encode(codec), "no-bom.txt")
    assert table.encoding == "UTF-16 (no BOM)"
    assert table.rows[0].cells[0] == "Αλέξανδρος"


def test_plain_utf8_and_tab_delimited() -> None:
    table = read_bytes("Name\tEmail\nZoë Šimůnek\tzoe@example.org\n".encode(), "x.tsv")
    assert (table.encoding, table.delimiter) == ("UTF-8", "\t")
    assert table.rows[0].cells == ("Zoë Šimůnek", "zoe@example.org")


def test_delimiter_is_the_one_with_a_consistent_field_count() -> None:
    # Commas in the topics would give ragged rows; semicolons split every line into four fields.
    text = "Name;Email;Role;Topics\nA B;a@x.org;Mentee;Leadership, Fintech\nC D;c@x.org;Mentor;Design\n"
    assert read_bytes(text.encode(), "x.csv").delimiter == ";"
    # Semicolons inside quoted fields do not fool it.
    text = 'Name,Email,Topics\nA B,a@x.org,"x; y; z"\nC D,c@x.org,"p; q"\n'
    assert read_bytes(text.encode(), "x.csv").delimiter == ","


def test_excel_sep_hint_line_settles_the_delimiter() -> None:
    table = read_bytes(b"sep=;\nName;Email\nA B;a@x.org\n", "x.csv")
    assert table.delimiter == ";"
    assert table.headers == ("Name", "Email")
    assert table.header_line == 2 and table.rows[0].line == 3
    assert read_bytes(b"sep=\t\r\nName\tEmail\r\nA, B\ta@x.org\r\n", "x.txt").delimiter == "\t"


def test_line_numbers_count_blank_lines_and_quoted_line_breaks() -> None:
    text = 'Name,Notes\r\nA B,"two\r\nlines"\r\n\r\nC D,x\r\n'
    table = read_bytes(text.encode(), "x.csv")
    assert [(row.line, row.cells[0]) for row in table.rows] == [(2, "A B"), (5, "C D")]
    assert table.rows[0].cells[1] == "two\r\nlines"


def test_title_lines_above_the_header_are_skipped() -> None:
    table = read_bytes(b"Attendee report\n\nFirst Name,Last Name\nAda,Lovelace\n", "x.csv")
    assert table.headers == ("First Name", "Last Name")
    assert table.header_line == 3 and table.rows[0].line == 4


def test_rows_longer_than_the_header_get_blank_headers() -> None:
    table = read_bytes(b"Name,Email\nA B,a@x.org,extra\n", "x.csv")
    assert table.headers == ("Name", "Email", "")
    assert table.rows[0].cell(2) == "extra" and table.rows[0].cell(7) == ""


def test_xlsx_first_non_empty_sheet_numbers_and_dates() -> None:
    table = read_file(SAMPLES / "attendees.xlsx")
    assert (table.format, table.sheet, table.encoding, table.delimiter) == (FileFormat.XLSX, "Attendees", None, None)
    assert table.header_line == 2  # the title line above it is skipped
    assert table.headers[:3] == ("Attendee ID", "Registered", "First Name")
    by_line = {row.line: row.cells for row in table.rows}
    assert sorted(by_line) == [3, 4, 6, 7]  # spreadsheet row numbers; row 5 is blank
    assert by_line[3][:2] == ("1042", "2026-03-02")  # 1042.0 without ".0", midnight as a date
    assert by_line[4][:2] == ("1043", "2026-03-03")
    assert by_line[6][1] == "2026-03-04 14:30:00"
    assert by_line[7][0] == "1045.5"
    assert by_line[4][7] == "11" and by_line[7][7] == "12"
    assert by_line[3][9] == "TRUE" and by_line[4][9] == "FALSE"
    assert by_line[6][2:4] == ("Nguyễn Thị", "Lan")
    assert table.describe_format() == "Excel workbook, sheet “Attendees”"


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("empty.csv", "empty.csv is empty"),
        ("header_only.csv", "header_only.csv has a header row but no attendees"),
        ("binary_garbage.csv", "binary_garbage.csv is not a text file"),
        ("logo_renamed.csv", "logo_renamed.csv is a PNG image, not an attendee list"),
        ("old_excel.xls", "old_excel.xls is an old-style Excel .xls workbook"),
    ],
)
def test_unreadable_files_are_refused_with_one_line(name: str, message: str) -> None:
    with pytest.raises(ImportFileError) as caught:
        read_file(SAMPLES / name)
    text = str(caught.value)
    assert text.startswith(message)
    assert "\n" not in text


def test_old_xls_message_says_what_to_do() -> None:
    with pytest.raises(ImportFileError, match=r"save it as \.xlsx or CSV"):
        read_file(SAMPLES / "old_excel.xls")


def test_whitespace_only_file_is_empty() -> None:
    with pytest.raises(ImportFileError, match="is empty"):
        read_bytes(b"  \r\n\r\n \t\n", "blank.csv")


def test_workbook_renamed_csv_is_still_read_as_a_workbook(tmp_path: Path) -> None:
    renamed = tmp_path / "attendees.csv"
    renamed.write_bytes((SAMPLES / "attendees.xlsx").read_bytes())
    assert read_file(renamed).format is FileFormat.XLSX


def test_other_zip_files_are_refused(tmp_path: Path) -> None:
    import zipfile

    archive = tmp_path / "export.zip"
    with zipfile.ZipFile(archive, "w") as handle:
        handle.writestr("attendees.csv", "Name\nA B\n")
    with pytest.raises(ImportFileError, match="unpack it"):
        read_file(archive)
    damaged = tmp_path / "damaged.xlsx"
    damaged.write_bytes(b"PK\x03\x04" + bytes(100))
    with pytest.raises(ImportFileError, match="damaged"):
        read_file(damaged)


def test_html_saved_as_xls_is_refused() -> None:
    with pytest.raises(ImportFileError, match="web page"):
        read_bytes(b"<html><body><table><tr><td>Name</td></tr></table></body></html>", "export.xls")


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(ImportFileError, match="there is no file"):
        read_file(tmp_path / "nope.csv")
    with pytest.raises(ImportFileError, match="is a folder"):
        read_file(tmp_path)


def test_damaged_utf16_is_refused() -> None:
    with pytest.raises(ImportFileError, match="damaged"):
        read_bytes(codecs.BOM_UTF16_LE + "Name\n".encode("utf-16-le") + b"\x00\xd8", "x.txt")


def test_an_unclosed_quote_is_refused_with_its_line() -> None:
    text = 'Name,Notes\nAna Lima,fine\nBo Chen,"never closed\n' + "x" * 200_000 + "\n"
    with pytest.raises(ImportFileError, match=r"x\.csv cannot be read as CSV near line \d+"):
        read_bytes(text.encode(), "x.csv")
