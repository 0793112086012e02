"""Writes attendees.xlsx, the spreadsheet sample for the importer tests.

Run from anywhere with the project's Python (``.venv/bin/python tests/data/imports/make_xlsx.py``)
and commit the result; the tests read the committed file, as they would a user's.

The workbook is shaped like a real export opened and saved in Excel: an empty first sheet (the
importer must take the first sheet with values), a title line above the header, attendee numbers
stored as numbers (1042.0 must come back as "1042"), a registration date, a yes/no column stored
as booleans, a grade stored as a number, and a blank row in the middle.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from openpyxl import Workbook

HERE = Path(__file__).resolve().parent

ROWS = [
    # Attendee ID, Registered, First Name, Last Name, Email, Role, Company, Grade, Topics, Share contact
    (1042.0, datetime(2026, 3, 2, 0, 0), "Amara", "Okafor", "amara.okafor@lagosfintech.example", "Mentor",
     "Lagos Fintech Hub", None, "Leadership; Fintech", True),
    (1043, date(2026, 3, 3), "Ольга", "Коваленко", "olga.kovalenko@example.org", "Mentee", "Kyiv Polytechnic", 11,
     "Security", False),
    None,
    (1044, datetime(2026, 3, 4, 14, 30), "Nguyễn Thị", "Lan", "lan.nguyen@mekong-ai.example", "Mentor",
     "Mekong AI", None, "Machine learning, Leadership", True),
    (1045.5, date(2026, 3, 5), "Kwame", "Mensah", "kwame.mensah@example.org", "Student", "Ashesi University", 12.0,
     "", None),
]


def main() -> Path:
    workbook = Workbook()
    first = workbook.active
    first.title = "Read me"  # left empty on purpose
    sheet = workbook.create_sheet("Attendees")
    sheet.append(["Harbour Tech Summit — attendee list"])
    sheet.append(["Attendee ID", "Registered", "First Name", "Last Name", "Email", "Role", "Company", "Grade",
                  "Topics", "Share contact details?"])
    for row in ROWS:
        sheet.append(list(row) if row is not None else [])
    target = HERE / "attendees.xlsx"
    workbook.save(target)
    return target


if __name__ == "__main__":
    print(main())
