"""How large an attendee file may be, declared once, and how a bad value is quoted in a message.

The caps keep an import in bounded memory and time whatever the file claims or holds: the
reader streams the file and stops at the first cap it passes, with one message that says what to
do. They sit far above real exports (the product target is 10,000 rows; a large event's export
has a few thousand rows of a few dozen columns) and below what would exhaust an organiser's
laptop (a file within every cap is read in well under 300 MB).
"""

from __future__ import annotations

#: Data rows (blank rows not counted) in one file.
MAX_ROWS = 40_000
#: Cells of the whole file, counting each row up to its last filled cell.
MAX_CELLS = 2_000_000
#: Columns that may hold a value.
MAX_COLUMNS = 1_000
#: Characters in one cell; a longer cell is an essay or a broken file, not an attendee's answer.
MAX_CELL_CHARS = 10_000
#: Characters in one CSV row (its physical lines together, when quoted cells hold line breaks).
MAX_ROW_CHARS = 1_000_000
#: Characters of text the whole file may hold (all cells together, or an .xlsx's shared strings).
MAX_TEXT_CHARS = 50_000_000
#: Bytes of a CSV file on disk, and of each part of an .xlsx once unpacked.
MAX_FILE_BYTES = 100 * 1024 * 1024
#: How much of a bad value a message quotes.
EXCERPT_CHARS = 40


def excerpt(text: str, limit: int = EXCERPT_CHARS) -> str:
    """``text`` on one line, cut to ``limit`` characters with "…" when longer."""
    flat = " ".join(text[: limit * 4].split())
    return flat if len(flat) <= limit and len(text) <= limit * 4 else flat[:limit].rstrip() + "…"


def number(value: int) -> str:
    """A count as a message writes it: 100,000."""
    return f"{value:,}"
