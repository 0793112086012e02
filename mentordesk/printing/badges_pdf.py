"""Badges, their duplex back sides and the calibration page, drawn on label stock.

Input is a :class:`~mentordesk.printing.badge_data.BadgeSet` and a
:class:`~mentordesk.printing.labels.LabelStock`; output is PDF bytes. Sizes scale with the
label, so the same drawing serves a 3⅜ × 2⅓ in sticker and an A6 card.

Front, top to bottom: event name; first name as large as fits (shrunk, then wrapped to two lines);
last name; organisation beside the QR code; a coloured band that also carries the role as a word
(colour is never the only signal).
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.units import inch, mm
from reportlab.pdfgen.canvas import Canvas

from mentordesk.models import Role
from mentordesk.printing import fonts, qr
from mentordesk.printing.badge_data import Badge, BadgeSet
from mentordesk.printing.labels import Cell, LabelStock

Progress = Callable[[int, int], None]

ROLE_COLOURS = {
    Role.MENTOR: colors.HexColor("#1f4e8c"),
    Role.MENTEE: colors.HexColor("#2e7d32"),
    Role.FACILITATOR: colors.HexColor("#8e3a8c"),
}
INK = colors.HexColor("#1a1a1a")
MUTED = colors.HexColor("#555555")


def _clamp(value: float, low: float, high: float) -> float:
    return max(low, min(high, value))


@dataclass(frozen=True)
class _Metrics:
    """Sizes for one label size, computed once per document."""

    pad: float
    event_size: float
    first_max: float
    first_min: float
    last_max: float
    last_min: float
    org_size: float
    band: float
    qr: float
    gap: float

    @classmethod
    def for_cell(cls, width: float, height: float) -> _Metrics:
        pad = _clamp(min(width, height) * 0.05, 6, 14)
        unit = min(width / (4 * inch), height / (3 * inch))
        first_max = _clamp(min(height * 0.2, width * 0.16), 16, 60)
        qr_size = _clamp(min(height * 0.36, width * 0.3), 50, 110)
        return cls(
            pad=pad,
            event_size=_clamp(8.5 * unit, 7, 12),
            first_max=first_max,
            first_min=first_max * 0.55,
            last_max=first_max * 0.55,
            last_min=first_max * 0.32,
            org_size=_clamp(9.5 * unit, 7, 13),
            band=_clamp(height * 0.13, 15, 40),
            qr=qr_size,
            gap=qr_size / 21 * qr.QUIET_MODULES,
        )


def _fit_lines(text: str, width: float, largest: float, smallest: float, *, bold: bool,
               max_lines: int = 2) -> list[tuple[str, float, bool]]:
    """``text`` as large as fits on one line; else wrapped, shrinking to 60 % of ``smallest`` rather
    than cutting it (only text that does not fit even then ends with an ellipsis)."""
    size = fonts.fit_size(text, width, largest, smallest, bold=bold)
    if fonts.string_width(text, size, bold=bold) <= width:
        return [(text, size, bold)]
    floor = smallest * 0.6
    while True:
        lines = fonts.wrap_lines(text, width, size, bold=bold, max_lines=max_lines)
        if not lines[-1].endswith("…"):
            return [(line, size, bold) for line in lines]
        if size <= floor:
            # Still too long at the smallest size: one more line before anything is cut.
            lines = fonts.wrap_lines(text, width, size, bold=bold, max_lines=max_lines + 1)
            return [(line, size, bold) for line in lines]
        size = max(floor, size - 0.5)


def _name_block(badge: Badge, m: _Metrics, width: float) -> tuple[list[tuple[str, float, bool]], float]:
    """Lines (text, size, bold) of the first and last name fitted to ``width``, and their height."""
    lines = _fit_lines(badge.display_first, width, m.first_max, m.first_min, bold=True)
    if badge.display_last:
        lines += _fit_lines(badge.display_last, width, m.last_max, m.last_min, bold=False)
    return lines, sum(size * 1.12 for _, size, _ in lines)


def _org_lines(organization: str, width: float, m: _Metrics) -> tuple[list[tuple[str, float, bool]], float]:
    if not organization:
        return [], 0.0
    lines = _fit_lines(organization, width, m.org_size, m.org_size, bold=False)
    return lines, sum(size * 1.2 for _, size, _ in lines) + m.org_size * 0.4


def _draw_line(canvas: Canvas, left: float, width: float, baseline: float, text: str, size: float, bold: bool,
               color: colors.Color) -> None:
    """A line of the text column: right-aligned when it reads right to left, else left-aligned."""
    if fonts.is_rtl(text):
        fonts.draw_text(canvas, left + width, baseline, text, size, bold=bold, align="right", color=color)
    else:
        fonts.draw_text(canvas, left, baseline, text, size, bold=bold, color=color)


def draw_badge(canvas: Canvas, cell: Cell, badge: Badge, event_name: str, m: _Metrics) -> None:
    x, y, w, h, pad = cell.x, cell.y, cell.width, cell.height, m.pad
    inner = w - 2 * pad
    top = y + h - pad

    if event_name:
        event = fonts.wrap_lines(event_name, inner, m.event_size, max_lines=1)[0]
        fonts.draw_text(canvas, x + w / 2, top - m.event_size * 0.8, event, m.event_size, align="center", color=MUTED)
        top -= m.event_size * 1.6

    # Role band along the bottom, the word in white on the role's colour.
    band_y = y + pad
    canvas.setFillColor(ROLE_COLOURS.get(badge.role, MUTED))
    canvas.roundRect(x + pad, band_y, inner, m.band, 2, stroke=0, fill=1)
    role_size = m.band * 0.55
    fonts.draw_text(canvas, x + w / 2, band_y + (m.band - role_size * 0.7) / 2, badge.role_word.upper(), role_size,
                    bold=True, align="center", color=colors.white)
    band_top = band_y + m.band

    # The QR code sits at the end of the reading direction: bottom right, or bottom left on a
    # badge whose name reads right to left (the text column then hugs the right edge).
    rtl = fonts.is_rtl(badge.display_first)
    qr_x = x + pad if rtl else x + w - pad - m.qr
    qr_y = band_top + m.gap
    qr.draw_qr(canvas, qr_x, qr_y, m.qr, badge.badge_code)
    qr_top = qr_y + m.qr + m.gap
    left_width = inner - m.qr - m.gap
    narrow_left = x + pad + m.qr + m.gap if rtl else x + pad

    # Everything above the QR code at full width when it fits there (centred in that space, which
    # matters on tall A6 cards); otherwise names and organisation share the column beside it.
    lines, height = _name_block(badge, m, inner)
    org, org_height = _org_lines(badge.organization, inner, m)
    free = top - qr_top
    column, column_left = inner, x + pad
    org_column, org_left = inner, x + pad
    if height + org_height <= free:
        cursor = top - (free - height - org_height) / 2 * (0.6 if h > w else 0.0)
    else:
        narrow_lines, narrow_height = _name_block(badge, m, left_width)
        if height > free or narrow_lines[0][1] >= lines[0][1]:
            lines, height, column, column_left = narrow_lines, narrow_height, left_width, narrow_left
        org, org_height = _org_lines(badge.organization, left_width, m)
        org_column, org_left = left_width, narrow_left
        cursor = top
    for text, size, bold in lines:
        cursor -= size * 1.12
        _draw_line(canvas, column_left, column, cursor + size * 0.22, text, size, bold, INK)
    if org:
        org_size = org[0][1]
        leading = org_size * 1.2
        # Just under the names, but never into the band.
        first_baseline = max(cursor - org_size * 1.3, band_top + m.gap + (len(org) - 1) * leading + org_size * 0.25)
        for i, (text, size, _bold) in enumerate(org):
            _draw_line(canvas, org_left, org_column, first_baseline - i * leading, text, size, False, MUTED)


def draw_back(canvas: Canvas, cell: Cell, badge: Badge, session_name: str, m: _Metrics) -> None:
    """The itinerary: one row per round (round, table, with whom)."""
    x, y, w, h, pad = cell.x, cell.y, cell.width, cell.height, m.pad
    inner = w - 2 * pad
    top = y + h - pad
    name = " ".join(part for part in (badge.first_name, badge.last_name) if part)
    title_size = fonts.fit_size(name, inner, _clamp(m.first_max * 0.45, 9, 18), 7, bold=True)
    title = fonts.wrap_lines(name, inner, title_size, bold=True, max_lines=1)[0]
    _draw_line(canvas, x + pad, inner, top - title_size * 0.85, title, title_size, True, INK)
    top -= title_size * 1.25
    if session_name:
        fonts.draw_text(canvas, x + pad, top - m.event_size * 0.85, fonts.wrap_lines(session_name, inner, m.event_size,
                        max_lines=1)[0], m.event_size, color=MUTED)
        top -= m.event_size * 1.4
    rows = badge.itinerary
    if not rows:
        fonts.draw_text(canvas, x + pad, top - m.org_size, "No rounds planned for you.", m.org_size, color=MUTED)
        return
    row_h = min(m.org_size * 2.1, (top - (y + pad)) / (len(rows) + 1))
    size = _clamp(row_h * 0.62, 5, m.org_size + 2)
    round_w = fonts.string_width("Round 00", size, bold=True) + size * 0.5
    table_w = fonts.string_width("Table 000", size) + size * 0.5
    header = [("Round", x + pad), ("Table", x + pad + round_w), ("With", x + pad + round_w + table_w)]
    for text, column_x in header:
        fonts.draw_text(canvas, column_x, top - row_h * 0.75, text, size * 0.9, bold=True, color=MUTED)
    canvas.setStrokeColor(colors.HexColor("#bbbbbb"))
    canvas.setLineWidth(0.4)
    for i, line in enumerate(rows, start=1):
        baseline = top - row_h * (i + 0.75)
        canvas.line(x + pad, top - row_h * i, x + w - pad, top - row_h * i)
        fonts.draw_text(canvas, x + pad, baseline, str(line.round), size, bold=True, color=INK)
        table = str(line.table) if line.table is not None else line.note
        fonts.draw_text(canvas, x + pad + round_w, baseline, table, size, color=INK)
        who = line.with_whom + (f" ({line.note})" if line.note and line.table is not None else "")
        if who:
            room = w - 2 * pad - round_w - table_w
            fonts.draw_text(canvas, x + pad + round_w + table_w, baseline,
                            fonts.wrap_lines(who, room, size, max_lines=1)[0], size, color=INK)


def _new_canvas(buffer: io.BytesIO, stock: LabelStock, title: str) -> Canvas:
    fonts.register_fonts()
    canvas = Canvas(buffer, pagesize=stock.page_size, pageCompression=1)
    canvas.setTitle(title)
    canvas.setCreator("MentorDesk")
    return canvas


def render_badges(
    data: BadgeSet,
    stock: LabelStock,
    *,
    back: bool = False,
    offset: tuple[float, float] = (0.0, 0.0),
    progress: Progress | None = None,
) -> bytes:
    """Badges ``stock.per_page`` to a sheet; with ``back``, each sheet is followed by its back side.

    ``offset`` (points) shifts everything drawn, for printers that place the page off centre.
    A progress callback may raise ``catalog.Cancelled`` to stop.
    """
    buffer = io.BytesIO()
    canvas = _new_canvas(buffer, stock, f"Badges — {data.event_name}")
    metrics = _Metrics.for_cell(stock.label_width, stock.label_height)
    badges = data.badges
    per_page = stock.per_page
    pages = max(1, -(-len(badges) // per_page))
    for page in range(pages):
        if progress is not None:
            progress(page * per_page, len(badges))
        sheet = badges[page * per_page:(page + 1) * per_page]
        canvas.translate(*offset)
        for index, badge in enumerate(sheet):
            draw_badge(canvas, stock.cell(index), badge, data.event_name, metrics)
        canvas.showPage()
        if back:
            canvas.translate(*offset)
            for index, badge in enumerate(sheet):
                draw_back(canvas, stock.cell(index, back=True), badge, data.session_name, metrics)
            canvas.showPage()
    if progress is not None:
        progress(len(badges), len(badges))
    canvas.save()
    return buffer.getvalue()


def _ruler(canvas: Canvas, origin: tuple[float, float], along: tuple[int, int], inward: tuple[int, int],
           length: float, step: float, major: int, label: Callable[[int], str], align: str) -> None:
    """Ticks every ``step`` from ``origin`` (a page corner) in direction ``along``, pointing ``inward``."""
    for i in range(int(length / step) + 1):
        px, py = origin[0] + along[0] * i * step, origin[1] + along[1] * i * step
        tick = 4 * mm if i % major == 0 else (2.5 * mm if major % 2 == 0 and i % (major // 2) == 0 else 1.5 * mm)
        canvas.line(px, py, px + inward[0] * tick, py + inward[1] * tick)
        if i % major == 0 and i:
            reach = tick + 1.2 * mm
            lx, ly = px + inward[0] * reach, py + inward[1] * reach
            if inward[1] < 0:  # labels below a top ruler sit under the tick
                ly -= 5
            elif inward[1] == 0:
                ly -= 2
            fonts.draw_text(canvas, lx, ly, label(i), 6, align=align, color=INK)


def draw_calibration(canvas: Canvas, stock: LabelStock, offset: tuple[float, float] = (0.0, 0.0)) -> None:
    """Cell outlines with centre marks, rulers in mm (top, left) and inches (bottom, right)."""
    fonts.register_fonts()
    page_w, page_h = stock.page_size
    canvas.saveState()
    canvas.translate(*offset)
    canvas.setStrokeColor(colors.HexColor("#d0342c"))
    canvas.setLineWidth(0.5)
    for cell in stock.cells():
        canvas.roundRect(cell.x, cell.y, cell.width, cell.height, stock.corner_radius, stroke=1, fill=0)
        cx, cy = cell.x + cell.width / 2, cell.y + cell.height / 2
        canvas.line(cx - 3 * mm, cy, cx + 3 * mm, cy)
        canvas.line(cx, cy - 3 * mm, cx, cy + 3 * mm)
        fonts.draw_text(canvas, cx, cy + 4 * mm, str(cell.index + 1), 9, align="center", color=MUTED)
    # The instructions go inside the first label, under its centre mark, where no outline crosses them.
    first = stock.cell(0)
    text_size = _clamp(first.width / 48, 5.5, 8)
    lines = [stock.title, "Print at 100 % (no “fit to page”) and hold against a sheet of labels.",
             "Shifted? Measure how far the outlines land from the labels, in mm, and type it in"
             " Preferences ▸ Printing ▸ Calibrate.",
             f"Offset applied: x {offset[0] / mm:+.1f} mm, y {offset[1] / mm:+.1f} mm"]
    y = first.y + first.height / 2 - 5 * mm
    for line in lines:
        for part in fonts.wrap_lines(line, first.width - 16 * mm, text_size, max_lines=2):
            fonts.draw_text(canvas, first.x + first.width / 2, y, part, text_size, align="center", color=INK)
            y -= text_size * 1.3
    canvas.setStrokeColor(INK)
    canvas.setLineWidth(0.3)
    # Millimetres along the top and down the left edge, inches along the bottom and down the right,
    # all measured from the top-left corner like the margins of a label template.
    def mm_label(i: int) -> str:
        return f"{i} mm" if i == 10 else str(i)
    def in_label(i: int) -> str:
        return f"{i // 8} in"
    _ruler(canvas, (0, page_h), (1, 0), (0, -1), page_w, mm, 10, mm_label, "center")
    _ruler(canvas, (0, page_h), (0, -1), (1, 0), page_h, mm, 10, mm_label, "left")
    _ruler(canvas, (0, 0), (1, 0), (0, 1), page_w, inch / 8, 8, in_label, "center")
    _ruler(canvas, (page_w, page_h), (0, -1), (-1, 0), page_h, inch / 8, 8, in_label, "right")
    canvas.restoreState()


def render_calibration(stock: LabelStock, offset: tuple[float, float] = (0.0, 0.0)) -> bytes:
    buffer = io.BytesIO()
    canvas = _new_canvas(buffer, stock, f"Calibration — {stock.title}")
    draw_calibration(canvas, stock, offset)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()
