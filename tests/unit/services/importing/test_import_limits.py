"""Hostile and damaged attendee files: declared dimensions, huge cells, too many rows, bad bytes.

The files are generated here, small: the caps are lowered where a real file would have to be
large to reach them, and a workbook's declared dimension costs nothing on disk.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from mentordesk.models import Person
from mentordesk.models.store import EventStore
from mentordesk.services.importing import (
    FileFormat,
    ImportFileError,
    decoding,
    delimited,
    guess_mapping,
    import_file,
    limits,
    preview,
    read_bytes,
    reading,
    spreadsheet,
)

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def workbook(rows: list[str], *, shared: list[str] = (), dimension: str = "A1:C3") -> bytes:  # type: ignore[assignment]
    """A minimal .xlsx: ``rows`` are <row> elements of the first sheet, ``shared`` its shared strings."""
    from io import BytesIO

    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", f"<workbook xmlns='{_MAIN}' xmlns:r='{_REL}'><sheets>"
                                            "<sheet name='Attendees' sheetId='1' r:id='rId1'/></sheets></workbook>")
        archive.writestr("xl/_rels/workbook.xml.rels", (
            "<Relationships xmlns='http://schemas.openxmlformats.org/package/2006/relationships'>"
            f"<Relationship Id='rId1' Type='{_REL}/worksheet' Target='worksheets/sheet1.xml'/>"
            f"<Relationship Id='rId2' Type='{_REL}/sharedStrings' Target='sharedStrings.xml'/></Relationships>"))
        archive.writestr("xl/sharedStrings.xml",
                         f"<sst xmlns='{_MAIN}'>" + "".join(f"<si><t>{text}</t></si>" for text in shared) + "</sst>")
        archive.writestr("xl/worksheets/sheet1.xml", f"<worksheet xmlns='{_MAIN}'><dimension ref='{dimension}'/>"
                                                     "<sheetData>" + "".join(rows) + "</sheetData></worksheet>")
    return buffer.getvalue()


def row(number: int, *values: str, columns: str = "ABCDEFGH") -> str:
    cells = "".join(f"<c r='{column}{number}' t='inlineStr'><is><t>{value}</t></is></c>"
                    for column, value in zip(columns, values, strict=False))
    return f"<row r='{number}'>{cells}</row>"


HEADER = row(1, "Name", "Email", "Role")


def _lines_and_names(data: bytes, name: str = "x.csv") -> list[tuple[int, str]]:
    return [(row.line, row.cells[0]) for row in read_bytes(data, name).rows]


# -- item 5: limits


def test_a_huge_declared_dimension_is_ignored() -> None:
    # 2 KB that declares every cell Excel allows, with one value in its last row: the old reader
    # padded every row to 16,384 columns and filled in the million missing rows (about 20 minutes).
    data = workbook([HEADER, row(2, "Ada Lovelace", "ada@example.org", "Mentor"),
                     row(1_048_576, "Last Row", "last@example.org", "Mentee")], dimension="A1:XFD1048576")
    assert len(data) < 2_000
    table = read_bytes(data, "x.xlsx")
    assert [(row.line, row.cells) for row in table.rows] == [
        (2, ("Ada Lovelace", "ada@example.org", "Mentor")), (1_048_576, ("Last Row", "last@example.org", "Mentee"))]
    assert table.width == 3


def test_a_too_small_declared_dimension_does_not_drop_rows() -> None:
    rows = [HEADER] + [row(n, f"Person {n}", f"p{n}@example.org", "Mentee") for n in range(2, 6)]
    table = read_bytes(workbook(rows, dimension="A1:C2"), "x.xlsx")
    assert [row.line for row in table.rows] == [2, 3, 4, 5]


def test_empty_cells_far_to_the_right_cost_nothing_and_values_there_are_refused() -> None:
    empty_far = "<row r='2'><c r='A2' t='inlineStr'><is><t>Ada Lovelace</t></is></c><c r='XFD2' s='1'/></row>"
    assert read_bytes(workbook([HEADER, empty_far]), "x.xlsx").width == 3
    value_far = "<row r='2'><c r='A2' t='inlineStr'><is><t>Ada</t></is></c><c r='XFD2'><v>1</v></c></row>"
    with pytest.raises(ImportFileError, match=r"^x\.xlsx has values in more than 1,000 columns \(on row 2\)"):
        read_bytes(workbook([HEADER, value_far]), "x.xlsx")


def test_a_huge_shared_string_is_cut_and_its_row_skipped_with_a_short_excerpt(tmp_path: Path) -> None:
    essay = "A" * 60_000
    shared_row = "".join(f"<c r='{column}2' t='s'><v>{index}</v></c>" for index, column in enumerate("ABC"))
    rows = [HEADER, f"<row r='2'>{shared_row}</row>",
            row(3, "Bo Chen", "bo@example.org", "Mentee")]
    path = tmp_path / "essay.xlsx"
    path.write_bytes(workbook(rows, shared=[essay, "ada@example.org", "Mentor"]))
    table = reading.read_file(path)
    assert len(table.rows[0].cells[0]) <= limits.EXCERPT_CHARS + 1  # the value is not kept
    reading_ = preview(table, guess_mapping(table.headers))[0]
    assert reading_.skipped is not None
    text = reading_.skipped.describe()
    forty = "A" * 40
    assert text == (f"line 2 ({forty}…): the “Name” cell is longer than the 10,000 characters a cell may hold "
                    f"(“{forty}…”); shorten it and import the file again")
    with EventStore.create(tmp_path / "e.mentordesk", name="Limits") as store:
        with store.session() as session:
            summary = import_file(session, store.event_id, path)
        assert (summary.added, len(summary.skipped)) == (1, 1)
        assert all(len(line) < 300 for line in summary.problem_lines())


def test_a_workbook_part_that_unpacks_past_the_cap_is_refused_unread(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(spreadsheet, "MAX_FILE_BYTES", 64 * 1024)
    data = workbook([HEADER, "<row r='2'><c r='A2' t='s'><v>0</v></c></row>"], shared=["x" * 100_000])
    assert len(data) < 5_000  # it compresses to almost nothing
    with pytest.raises(ImportFileError, match=r"^x\.xlsx unpacks to more than 0 MB \(sharedStrings\.xml alone"):
        read_bytes(data, "x.xlsx")


def test_shared_strings_count_against_the_caps(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(spreadsheet, "MAX_CELLS", 10)
    data = workbook([HEADER, "<row r='2'><c r='A2' t='s'><v>0</v></c></row>"], shared=[f"s{n}" for n in range(11)])
    with pytest.raises(ImportFileError, match=r"^x\.xlsx holds more than 10 cells or"):
        read_bytes(data, "x.xlsx")


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_more_rows_than_the_cap_are_refused_whole(monkeypatch: pytest.MonkeyPatch, kind: str) -> None:
    monkeypatch.setattr(reading, "MAX_ROWS", 50)

    def data(rows: int) -> bytes:
        if kind == "csv":
            return ("Name,Email\n" + "".join(f"P {n},p{n}@x.org\n" for n in range(rows))).encode()
        return workbook([row(1, "Name", "Email")] + [row(n + 2, f"P {n}", f"p{n}@x.org") for n in range(rows)])

    assert len(read_bytes(data(50), f"x.{kind}").rows) == 50
    with pytest.raises(ImportFileError) as caught:
        read_bytes(data(51), f"x.{kind}")
    assert str(caught.value) == (f"x.{kind} has more than 50 rows; split it into files of at most 50 rows "
                                 "and import them one after the other")


def test_more_cells_than_the_cap_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reading, "MAX_CELLS", 100)
    data = ("Name,Email\n" + "".join(f"P {n},p{n}@x.org\n" for n in range(51))).encode()
    with pytest.raises(ImportFileError, match=r"^x\.csv holds more than 100 cells or .* \(reached on line 52\)"):
        read_bytes(data, "x.csv")


def test_a_file_larger_than_the_cap_is_refused_unread(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reading, "MAX_FILE_BYTES", 1024)
    with pytest.raises(ImportFileError, match=r"^x\.csv is 3 KB, more than the 1 KB an attendee file may be"):
        read_bytes(b"Name,Email\n" + b"A B,a@x.org\n" * 200, "x.csv")


def test_a_long_csv_cell_skips_its_row_with_an_excerpt_and_keeps_the_others() -> None:
    text = "Name,Email,Role,Notes\nAda Lovelace,ada@x.org,Mentor," + "word " * 4_000 + "\nBo Chen,bo@x.org,Mentee,hi\n"
    table = read_bytes(text.encode(), "x.csv")
    readings = preview(table, guess_mapping(table.headers))
    assert readings[0].skipped is not None and readings[1].record is not None
    assert readings[0].skipped.message == (
        "the “Notes” cell is longer than the 10,000 characters a cell may hold "
        "(“word word word word word word word word…”); shorten it and import the file again")


def test_a_row_that_never_ends_is_refused_without_being_held(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(decoding, "MAX_ROW_CHARS", 10_000)
    monkeypatch.setattr(delimited, "MAX_ROW_CHARS", 10_000)
    one_line = b"Name,Email\nAda Lovelace," + b"a" * 300_000 + b"\n"
    with pytest.raises(ImportFileError) as caught:
        read_bytes(one_line, "x.csv")
    assert str(caught.value) == ("x.csv: line 2 is longer than 10,000 characters, which no attendee list has; "
                                 "check that it is the right file")
    quoted = b'Name,Notes\nAda Lovelace,ok\nBo Chen,"' + b"a line\n" * 5_000 + b'"\n'
    with pytest.raises(ImportFileError) as caught:
        read_bytes(quoted, "x.csv")
    assert str(caught.value) == ("x.csv: the row that starts on line 3 runs on for more than 10,000 characters, "
                                 "probably because a quote is never closed; check the file in a text editor")


def test_bad_values_are_quoted_as_short_excerpts() -> None:
    long_address = "x" * 5_000 + "@@example.org"
    table = read_bytes(f"Name,Email,Role\nAda Lovelace,{long_address},Mentor\n".encode(), "x.csv")
    skipped = preview(table, guess_mapping(table.headers))[0].skipped
    assert skipped is not None
    assert skipped.message == f"invalid e-mail address “{'x' * 40}…”"


def test_excerpt() -> None:
    assert limits.excerpt("short") == "short"
    assert limits.excerpt("a\nb   c") == "a b c"
    assert limits.excerpt("y" * 41) == "y" * 40 + "…"
    assert limits.excerpt("z" + " " * 1_000 + "z") == "z…"


# -- item 6: encodings and malformed rows


def _mostly_utf8() -> bytes:
    rows = "".join(f"Zoë Müller{n},zoe{n}@example.org,Mentee\n" for n in range(50))
    return ("Name,Email,Role\n" + rows).encode() + b"Zo\xeb Bad,bad@example.org,Mentee\nAda Lovelace,ada@x.org,Mentor\n"


def test_one_bad_byte_keeps_a_utf8_file_utf8_and_skips_that_line(tmp_path: Path) -> None:
    table = read_bytes(_mostly_utf8(), "x.csv")
    assert table.encoding == "UTF-8"
    assert table.rows[0].cells[0] == "Zoë Müller0"  # not "ZoÃ« MÃ¼ller0"
    bad = table.rows[50]
    assert (bad.line, bad.cells[0]) == (52, "Zo\ufffd Bad")
    path = tmp_path / "x.csv"
    path.write_bytes(_mostly_utf8())
    with EventStore.create(tmp_path / "e.mentordesk", name="Bytes") as store, store.session() as session:
        summary = import_file(session, store.event_id, path)
        names = {person.first_name for person in session.query(Person)}
    assert (summary.added, [issue.line for issue in summary.skipped]) == (51, [52])
    assert summary.problem_lines() == [
        "skipped line 52 (Zo\ufffd Bad): holds bytes that are not valid UTF-8 (shown as �), although the rest of "
        "the file is; correct the line and import the file again"
    ]
    assert "Zoë" in names and not any("\ufffd" in name or "Ã" in name for name in names)


def test_a_bad_byte_in_a_file_with_a_bom_is_reported_not_refused() -> None:
    data = b"\xef\xbb\xbf" + _mostly_utf8()
    table = read_bytes(data, "x.csv")
    assert table.encoding == "UTF-8 with BOM"
    assert table.rows[50].problem is not None and table.rows[0].problem is None


def test_a_bad_byte_in_the_header_is_a_warning() -> None:
    table = read_bytes("Name,Émail\nZoë Müller,z@x.org\n".encode().replace(b"\xc3\x89", b"\xc9", 1) + b"", "x.csv")
    # The header's only non-ASCII byte is bad and the data's é is good: UTF-8 wins the tie.
    assert table.encoding == "UTF-8"
    assert table.headers == ("Name", "\ufffdmail")
    assert table.header_notes == ("the header holds bytes that are not valid UTF-8 (shown as �)",)


def test_a_character_split_across_the_first_read_is_not_a_bad_byte() -> None:
    data = b"Name,Email,Notes\n" + b"A B,a@x.org," + b"n" * 1_000 + b"\n"
    while len(data) < (1 << 20) - 2_000:
        data += b"A B,a@x.org," + b"n" * 1_000 + b"\n"
    data += b"A B,a@x.org," + b"n" * ((1 << 20) - len(data) - len(b"A B,a@x.org,") - 1)
    assert len(data) == (1 << 20) - 1  # "ë" starts on the last byte of the first megabyte read
    table = read_bytes(data + "ë Zoë,z@x.org\n".encode(), "x.csv")
    assert table.encoding == "UTF-8"
    assert all(row.problem is None for row in table.rows)


def test_a_real_windows_1252_file_is_still_windows_1252() -> None:
    text = "Name,Email\nZoë Müller,z@x.org\nRenée Œuvre,r@x.org\n€ Partners,e@x.org\n"
    table = read_bytes(text.encode("cp1252"), "x.csv")
    assert table.encoding == "Windows-1252"
    assert [row.cells[0] for row in table.rows] == ["Zoë Müller", "Renée Œuvre", "€ Partners"]
    # English text with one accented name is indistinguishable from Windows-1252, and reads right as it.
    assert read_bytes(b"Name\nAda Lovelace\nZo\xeb Smith\n", "y.csv").rows[1].cells[0] == "Zoë Smith"


def test_a_nul_byte_anywhere_refuses_the_file_with_its_line() -> None:
    filler = "".join(f"Person {n},p{n}@example.org\n" for n in range(3_000))
    data = ("Name,Email\n" + filler).encode() + b"Ev\x00il Name,evil@example.org\n"
    assert len(data) > 64 * 1024
    with pytest.raises(ImportFileError) as caught:
        read_bytes(data, "x.csv")
    assert str(caught.value) == ("x.csv is not a text file: line 3,002 holds a NUL byte; "
                                 "export the attendee list as CSV or .xlsx again")
    utf16 = ("\ufeffName\tEmail\n" + "A B\ta@x.org\n" * 10 + "Ev\x00il\te@x.org\n").encode("utf-16-le")
    with pytest.raises(ImportFileError, match=r"^y\.txt is not a text file: line 12 holds a NUL byte"):
        read_bytes(utf16, "y.txt")


def test_a_semicolon_row_in_a_comma_file_says_so(tmp_path: Path) -> None:
    data = b"Name,Email,Role,Topics\nAda Lovelace,ada@x.org,Mentor,Design\nBo Chen;bo@x.org;Mentee;Design\n"
    table = read_bytes(data, "x.csv")
    assert table.rows[1].problem == ("its fields are separated by semicolons, but the rest of the file uses commas; "
                                     "correct the line and import the file again")
    assert table.rows[0].problem is None
    # A comma row that lacks trailing cells and holds a semicolon inside a cell is fine.
    fine = b"Name,Email,Role,Topics,Notes\nAda Lovelace,ada@x.org,Mentor,Design; Data\n"
    assert read_bytes(fine, "y.csv").rows[0].problem is None


def test_duplicate_columns_are_reported(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_bytes(b"Name,Email,Email,Role\nAda Lovelace,,ada@x.org,Mentor\nBo Chen,bo@x.org,bo@x.org,Mentee\n")
    with EventStore.create(tmp_path / "e.mentordesk", name="Columns") as store, store.session() as session:
        summary = import_file(session, store.event_id, path)
    assert summary.problem_lines() == [
        "warning line 1: columns 2 and 3 are both called “Email”: column 2 was imported as e-mail and column 3 "
        "was left out, although it holds other values on 1 row; to import that column instead, choose it in the "
        "import window or rename the other"
    ]
    same = tmp_path / "y.csv"
    same.write_bytes(b"Name,Email,Email,Role\nBo Chen,bo@x.org,bo@x.org,Mentee\n")
    with EventStore.open(tmp_path / "e.mentordesk") as store, store.session() as session:
        assert import_file(session, store.event_id, same).warnings == ()


def test_old_mac_line_endings_still_split_rows() -> None:
    assert _lines_and_names(b"Name,Email\rAda Lovelace,a@x.org\r\rBo Chen,b@x.org\r") == [
        (2, "Ada Lovelace"), (4, "Bo Chen")]


def test_a_workbook_keeps_its_format_details() -> None:
    table = read_bytes(workbook([HEADER, row(2, "Ada Lovelace", "a@x.org", "Mentor")]), "x.xlsx")
    assert (table.format, table.sheet) == (FileFormat.XLSX, "Attendees")
