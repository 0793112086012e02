"""Label stock for badges: where each badge sits on the sheet, as data.

One :class:`LabelStock` per product; adding a product is one entry in ``STOCKS``. Distances are
given the way the manufacturer's template states them (top-left origin: the left and top margin of
the first label, the pitch from one label's edge to the next) and converted to reportlab points
with the origin at the bottom left.

Printers shift paper by a millimetre or two: the calibration page (``badges_pdf.draw_calibration``)
outlines every cell, and per-printer offsets (``printer_offset``) move everything drawn.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from typing import Any

from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.units import inch, mm

from mentordesk.settings import LABEL_STOCK, PRINT_OFFSETS, Settings


@dataclass(frozen=True)
class Cell:
    """One label on the page, in points from the page's bottom-left corner."""

    index: int  # position on the sheet, row by row from the top left
    column: int
    row: int
    x: float
    y: float
    width: float
    height: float


@dataclass(frozen=True)
class LabelStock:
    key: str
    title: str
    page_width: float
    page_height: float
    columns: int
    rows: int
    label_width: float
    label_height: float
    left: float  # page edge to the first column's left edge
    top: float  # page edge to the first row's top edge
    h_pitch: float  # left edge to left edge of neighbouring columns
    v_pitch: float  # top edge to top edge of neighbouring rows
    corner_radius: float = 0.0

    @property
    def per_page(self) -> int:
        return self.columns * self.rows

    @property
    def page_size(self) -> tuple[float, float]:
        return (self.page_width, self.page_height)

    def cells(self) -> tuple[Cell, ...]:
        return tuple(self.cell(i) for i in range(self.per_page))

    def cell(self, index: int, *, back: bool = False) -> Cell:
        """The ``index``-th label; on the back of the sheet (``back``) the columns are mirrored.

        Duplex printers flip the sheet on its long edge, so the label printed behind column 0 of the
        front is at the last column of the back page, at the mirrored x.
        """
        row, column = divmod(index, self.columns)
        x = self.left + column * self.h_pitch
        y = self.page_height - self.top - row * self.v_pitch - self.label_height
        if back:
            x = self.page_width - x - self.label_width
            column = self.columns - 1 - column
        return Cell(index, column, row, x, y, self.label_width, self.label_height)


def _stock(key: str, title: str, page: tuple[float, float], columns: int, rows: int, size: tuple[float, float],
           left: float, top: float, pitch: tuple[float, float], radius: float = 0.0) -> LabelStock:
    return LabelStock(key, title, page[0], page[1], columns, rows, size[0], size[1], left, top, pitch[0], pitch[1],
                      radius)


STOCKS: tuple[LabelStock, ...] = (
    # Avery 5392 name badge inserts, 4 × 3 in, 6 per US Letter sheet. Avery template 5392
    # (avery.com/templates/5392): top margin 1 in, side margins 0.25 in, no gaps.
    _stock("avery-5392", "Avery 5392 — 4 × 3 in inserts, 6 per Letter sheet", LETTER, 2, 3,
           (4 * inch, 3 * inch), 0.25 * inch, 1 * inch, (4 * inch, 3 * inch)),
    # Avery 5395 adhesive name badges, 3 3/8 × 2 1/3 in, 8 per US Letter sheet. Avery template 5395
    # (avery.com/templates/5395): top 0.5833 in, side 0.6875 in, pitch 3.75 × 2.5 in, corners 3/16 in
    # (the same figures as the gLabels template database, avery-us-templates.xml).
    _stock("avery-5395", "Avery 5395 — 3⅜ × 2⅓ in labels, 8 per Letter sheet", LETTER, 2, 4,
           (3.375 * inch, 7 / 3 * inch), 0.6875 * inch, 0.583333 * inch, (3.75 * inch, 2.5 * inch), 0.1875 * inch),
    # Avery Zweckform L4785 name badge labels, 80 × 50 mm, 10 per A4 sheet (avery.co.uk/template-l4785).
    # Assumption: the vendor's template PDF was not reachable offline; the two columns are centred
    # with a 15 mm gutter (17.5 mm side margins) and the rows touch (23.5 mm top margin). Check a
    # new pack once with the calibration page.
    _stock("avery-l4785", "Avery L4785 — 80 × 50 mm labels, 10 per A4 sheet", A4, 2, 5,
           (80 * mm, 50 * mm), 17.5 * mm, 23.5 * mm, (95 * mm, 50 * mm), 3 * mm),
    # HERMA 4412 name badge labels, 80 × 50 mm, 10 per A4 sheet (herma.com, article 4412).
    # Same assumption as L4785 (the two products are sold as equivalents): centred, 15 mm gutter.
    _stock("herma-4412", "HERMA 4412 — 80 × 50 mm labels, 10 per A4 sheet", A4, 2, 5,
           (80 * mm, 50 * mm), 17.5 * mm, 23.5 * mm, (95 * mm, 50 * mm), 3 * mm),
    # Durable 1445-02: 90 × 54 mm paper inserts for Durable badge holders, micro-perforated A4
    # sheets of 10 (2 × 5). Derived from the stated size and count: the 180 × 270 mm block is
    # centred on A4 (15 mm sides, 13.5 mm top) with no gaps between inserts.
    _stock("durable-1445-02", "Durable 1445-02 — 90 × 54 mm inserts, 10 per A4 sheet", A4, 2, 5,
           (90 * mm, 54 * mm), 15 * mm, 13.5 * mm, (90 * mm, 54 * mm)),
    # Durable 1456-02: 90 × 60 mm inserts, micro-perforated A4 sheets of 8 (2 × 4). Derived as for
    # 1445-02: the 180 × 240 mm block centred on A4 (15 mm sides, 28.5 mm top), no gaps.
    _stock("durable-1456-02", "Durable 1456-02 — 90 × 60 mm inserts, 8 per A4 sheet", A4, 2, 4,
           (90 * mm, 60 * mm), 15 * mm, 28.5 * mm, (90 * mm, 60 * mm)),
    # Four A6 (105 × 148 mm, ISO 216) on plain A4, cut along the middle lines; 0.5 mm top margin
    # centres the 296 mm of two A6 on the 297 mm sheet.
    _stock("a6-on-a4", "Four A6 badges on A4 (cut in quarters)", A4, 2, 2,
           (105 * mm, 148 * mm), 0, 0.5 * mm, (105 * mm, 148 * mm)),
    # Label printers (Zebra, Brother, DYMO) take one badge per page of the label's size; 4 × 3 in
    # is the common badge roll and fits the usual 4 × 3 in holders.
    _stock("label-printer", "Label printer — one 4 × 3 in badge per page", (4 * inch, 3 * inch), 1, 1,
           (4 * inch, 3 * inch), 0, 0, (4 * inch, 3 * inch)),
)

_BY_KEY = {stock.key: stock for stock in STOCKS}


class UnknownStock(ValueError):
    pass


def stock(key: str) -> LabelStock:
    """The stock called ``key``; :class:`UnknownStock` with the list of known ones otherwise."""
    try:
        return _BY_KEY[key.strip().lower()]
    except KeyError:
        raise UnknownStock(f"unknown layout {key!r}; known layouts: {', '.join(_BY_KEY)}") from None


def default_stock_key(page_size: str) -> str:
    """The stock to suggest where paper is ``page_size`` ("A4" or "Letter")."""
    return "avery-5392" if page_size == "Letter" else "avery-l4785"


def preferred_stock_key(settings: Settings | None = None) -> str:
    """The label stock chosen in Preferences (setting ``label_stock``), else the usual one for the
    preferred paper (:func:`default_stock_key`)."""
    from mentordesk.printing.catalog import preferred_page_size

    settings = settings or Settings()
    chosen = settings.get(LABEL_STOCK).strip().lower()
    if chosen in _BY_KEY:
        return chosen
    return default_stock_key(preferred_page_size(settings))


def printer_offset(printer: str = "", settings: Settings | None = None) -> tuple[float, float]:
    """The (x, y) shift in points to apply for ``printer``, from the ``print_offsets`` setting.

    The setting maps printer names to millimetres, e.g. ``{"Office HP": [1.5, -0.8], "*": [0, 0]}``;
    ``"*"`` applies to printers without their own entry and to saved PDFs. Positive x moves right,
    positive y moves up. A malformed setting means no shift.
    """
    table = read_offsets((settings or Settings()).get(PRINT_OFFSETS))
    x_mm, y_mm = table.get(printer, table.get(ANY_PRINTER, (0.0, 0.0)))
    return (x_mm * mm, y_mm * mm)


#: The key of the offsets used for printers without their own, and for saved PDFs.
ANY_PRINTER = "*"


def read_offsets(raw: str) -> dict[str, tuple[float, float]]:
    """The ``print_offsets`` setting as {printer: (x mm, y mm)}; entries that cannot be read are left out.

    An entry is ``[x, y]`` or ``{"x": x, "y": y}``; a malformed setting means no offsets.
    """
    try:
        table = json.loads(raw) if raw.strip() else {}
    except ValueError:
        return {}
    if not isinstance(table, dict):
        return {}
    offsets: dict[str, tuple[float, float]] = {}
    for name, value in table.items():
        try:
            pair: Any = [value.get("x", 0), value.get("y", 0)] if isinstance(value, dict) else value
            x_mm, y_mm = float(pair[0]), float(pair[1])
        except (ValueError, TypeError, IndexError, KeyError, AttributeError):
            continue
        if math.isfinite(x_mm) and math.isfinite(y_mm):
            offsets[str(name)] = (x_mm, y_mm)
    return offsets


def write_offsets(offsets: dict[str, tuple[float, float]]) -> str:
    """``offsets`` as the ``print_offsets`` setting holds them, in tenths of a mm.

    A printer's own entry is kept even without a shift (it may differ from the one for any printer);
    the one for any printer is left out when it shifts nothing.
    """
    kept = {name: [round(x, 1) + 0.0, round(y, 1) + 0.0] for name, (x, y) in sorted(offsets.items())
            if name != ANY_PRINTER or (round(x, 1), round(y, 1)) != (0.0, 0.0)}
    return json.dumps(kept, ensure_ascii=False) if kept else "{}"
