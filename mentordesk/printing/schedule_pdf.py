"""Schedule papers from a :class:`ScheduleData`: master grid, table rosters, itinerary cards, table tents.

Every part can be drawn alone or several into one PDF (:func:`render_schedule`). Names are never
dropped: a cell too narrow for a name shrinks it and then shortens it with "…".
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from mentordesk.printing import pagekit as kit
from mentordesk.printing.catalog import Progress
from mentordesk.printing.schedule_data import Itinerary, ScheduleData, Stop, TableRound

PARTS = ("grid", "rosters", "itineraries", "tents")
PART_TITLES = {"grid": "Master grid", "rosters": "Table rosters", "itineraries": "Itineraries",
               "tents": "Table tents"}
#: Narrowest round column of the master grid before the rounds go on to another page.
MIN_ROUND_COLUMN = 34 * mm
FIRST_COLUMN = 46 * mm


def _no_progress(_done: int, _total: int) -> None:
    return None


def _chunk_progress(progress: Progress, offset: int, total: int, done: int, _chunk_total: int) -> None:
    """One page-chunk's progress as part of the whole grid's."""
    progress(offset + done, total)


def render_schedule(data: ScheduleData, *, page: str, parts: Sequence[str] = PARTS,
                    progress: Progress = _no_progress) -> bytes:
    """The chosen parts, in the order of :data:`PARTS`, as one PDF."""
    chosen = [part for part in PARTS if part in parts]
    title = " · ".join(PART_TITLES[p] for p in chosen) if len(chosen) < 3 else "Schedule"
    writer = kit.PageWriter(f"{title} — {data.session_name}", data.event_name, page)
    total = len(chosen)
    for index, part in enumerate(chosen):
        def step(done: int, count: int, index: int = index) -> None:
            progress(index * 1000 + (1000 * done // max(count, 1)), total * 1000)

        {"grid": draw_master_grid, "rosters": draw_rosters, "itineraries": draw_itineraries,
         "tents": draw_table_tents}[part](writer, data, step)
    progress(total, total)
    return writer.finish()


# --------------------------------------------------------------------------- master grid


def _cell_lines(cell: TableRound) -> list[str]:
    if cell.mentor is None:
        return [""]
    if cell.on_break:
        return ["(mentor on a break)"]
    return [m.full for m in cell.mentees] or ["—"]


def draw_master_grid(writer: kit.PageWriter, data: ScheduleData, progress: Progress = _no_progress) -> None:
    """Tables down, rounds across; rounds that do not fit the width continue on further pages."""
    size = kit.page_size(writer.page, wide=True)
    usable = size[0] - 2 * kit.MARGIN - FIRST_COLUMN
    per_page = max(1, int(usable // MIN_ROUND_COLUMN))
    rounds = list(enumerate(data.round_numbers))
    chunks = [rounds[i:i + per_page] for i in range(0, len(rounds), per_page)] or [[]]
    for chunk_index, chunk in enumerate(chunks):
        span = f"rounds {chunk[0][1]}–{chunk[-1][1]}" if len(chunk) > 1 else f"round {chunk[0][1]}" if chunk else ""
        heading = f"Master grid — {data.session_name}: {data.describe()}"
        if len(chunks) > 1:
            heading += f" ({span})"

        def on_page(heading: str = heading) -> None:
            writer.y -= 12
            kit.fit_line(writer.canvas, writer.left, writer.y, heading, writer.content_width, 12, bold=True,
                         color=kit.ACCENT)
            writer.y -= 8

        writer.new_page(wide=True)
        on_page()
        first_share = FIRST_COLUMN / (writer.content_width)
        rest = (1 - first_share) / max(len(chunk), 1)
        # Columns keep the same width on every page, also when the last page has fewer rounds.
        columns = [kit.Column("Table · mentor", first_share)]
        columns += [kit.Column(f"Round {number}", rest) for _i, number in chunk]
        filler = per_page - len(chunk) if len(chunks) > 1 else 0
        columns += [kit.Column("", rest) for _ in range(filler)]
        rows = []
        for table in data.tables:
            row: list[object] = [[f"Table {table.number}", *(m.full for m in table.mentors)]]
            row += [_cell_lines(table.rounds[i]) for i, _number in chunk]
            row += [""] * filler
            rows.append(row)
        kit.draw_table(writer, columns, rows, size=8, header_size=8.5, on_new_page=on_page,
                       progress=functools.partial(_chunk_progress, progress, chunk_index * len(data.tables),
                                                  len(chunks) * len(data.tables)))
    _waiting_lists(writer, data)


LEFT_TO_RIGHT_MARK = "\u200e"


def _waiting_lists(writer: kit.PageWriter, data: ScheduleData) -> None:
    if not any(data.waiting):
        return
    writer.heading("Waiting", 12, gap=2 * mm)
    spots = data.waiting_spots or tuple(("",) * len(names) for names in data.waiting)
    for number, names, places in zip(data.round_numbers, data.waiting, spots, strict=True):
        if names:
            items = [f"{n.full} ({_short_spot(place)})" if place else n.full
                     for n, place in zip(names, places, strict=True)]
            # wrap_items ends each broken line with a comma it does not measure: leave room for it.
            lines = kit.wrap_items(items, writer.content_width - kit.width(",", 8.5), 8.5,
                                   lead=f"Round {number} ({len(names)}): ")
            for line in lines:
                writer.need(8.5 * 1.35)
                writer.y -= 8.5 * 1.35
                # A list line is left-to-right even when it starts with a Hebrew or Arabic name
                # (the bidi algorithm would otherwise take the first name's direction for the line).
                kit.text(writer.canvas, writer.left, writer.y, LEFT_TO_RIGHT_MARK + line, 8.5)
            writer.y -= 4


# --------------------------------------------------------------------------- rosters


def _notes_cell(canvas: Canvas, x: float, y: float, w: float, h: float, _value: object) -> None:
    canvas.setStrokeColor(kit.SHADE)
    canvas.setLineWidth(0.5)
    line = y + 6 * mm
    while line < y + h - 3 * mm:
        canvas.line(x + 3, line, x + w - 3, line)
        line += 7 * mm


def draw_rosters(writer: kit.PageWriter, data: ScheduleData, progress: Progress = _no_progress) -> None:
    """A sheet per table for its mentor: each round's mentees and room for notes."""
    for index, table in enumerate(data.tables):
        progress(index, len(data.tables))
        writer.new_page(wide=False)
        writer.y -= 26
        kit.text(writer.canvas, writer.left, writer.y, f"Table {table.number}", 26, bold=True, color=kit.ACCENT)
        writer.y -= 18
        kit.fit_line(writer.canvas, writer.left, writer.y, table.mentor_names or "(no mentor)",
                     writer.content_width, 16, bold=True)
        writer.y -= 16
        details = [data.session_name, data.describe()]
        if table.label:
            details.insert(0, table.label)
        kit.fit_line(writer.canvas, writer.left, writer.y, " · ".join(details), writer.content_width, 9,
                     color=kit.MUTED)
        writer.y -= 6 * mm
        several = len(table.mentors) > 1
        rows = []
        for cell in table.rounds:
            lines: list[str] = []
            if several and cell.mentor is not None:
                lines.append(f"[{cell.mentor.full}]")
            if cell.mentor is None:
                lines.append("(table not used)")
            elif cell.on_break:
                lines.append("Break — no mentees this round")
            elif not cell.mentees:
                lines.append("No mentee this round")
            for mentee in cell.mentees:
                lines.append(mentee.full + (f" — {mentee.organization}" if mentee.organization else ""))
            rows.append([str(cell.round), lines, ""])
        available = writer.y - writer.bottom - 20
        row_height = max(13 * mm, min(40 * mm, available / max(len(rows), 1)))
        columns = [kit.Column("Round", 0.09, "center"), kit.Column("Mentee", 0.46),
                   kit.Column("Notes", 0.45, draw=_notes_cell)]
        kit.draw_table(writer, columns, rows, size=10, header_size=9, min_row_height=row_height, zebra=False,
                       wrap_lines=3)
    progress(len(data.tables), len(data.tables))


# --------------------------------------------------------------------------- itineraries

CARD_MARGIN = 10 * mm


def _short_spot(spot: str) -> str:
    """"waiting spot 3a" → "spot 3a", "beside table 4" → "by table 4"."""
    return spot.removeprefix("waiting ").replace("beside ", "by ", 1)


def _stop_text(stop: Stop) -> tuple[str, str]:
    if stop.table is not None:
        return f"Table {stop.table}", stop.mentor.full if stop.mentor else ""
    if stop.waiting and stop.spot:
        return "Waiting", f"wait {stop.spot}" if stop.spot.startswith("beside ") else f"wait at {stop.spot}"
    if stop.waiting:
        return "Waiting", "wait in the waiting area"
    return "—", "not taking part"


def card_grid(page_size: tuple[float, float], rounds: int) -> tuple[int, int, float]:
    """(columns, rows, line height) of itinerary cards for a plan of ``rounds`` rounds."""
    _width, height = page_size
    usable_height = height - 2 * CARD_MARGIN
    line = 12.5
    card_height = 60 + rounds * line
    rows = int(usable_height // card_height)
    if rows < 1:
        # More rounds than a card holds at full size: one card per page row, lines squeezed.
        return 2, 1, max(5.0, (usable_height - 60) / max(rounds, 1))
    return 2, min(rows, 5), line


def draw_itineraries(writer: kit.PageWriter, data: ScheduleData, progress: Progress = _no_progress) -> None:
    """Pocket cards, several to a page with dashed cut lines; waiting rounds are shown as such."""
    if not data.itineraries:
        writer.new_page(wide=False)
        kit.empty_state(writer, "No mentees in this rotation.")
        return
    size = kit.page_size(writer.page)
    columns, rows, line = card_grid(size, len(data.round_numbers))
    cell_w = (size[0] - 2 * CARD_MARGIN) / columns
    cell_h = (size[1] - 2 * CARD_MARGIN) / rows
    per_page = columns * rows
    canvas = writer.canvas
    for index, itinerary in enumerate(data.itineraries):
        slot = index % per_page
        if slot == 0:
            progress(index, len(data.itineraries))
            writer.new_page(wide=False, plain=True)
            count = min(per_page, len(data.itineraries) - index)
            _cut_lines(canvas, size, columns, rows, count)
        col, row = slot % columns, slot // columns
        x = CARD_MARGIN + col * cell_w
        top = size[1] - CARD_MARGIN - row * cell_h
        _draw_card(canvas, x, top, cell_w, itinerary, data, line)
    progress(len(data.itineraries), len(data.itineraries))


def _cut_lines(canvas: Canvas, size: tuple[float, float], columns: int, rows: int, count: int) -> None:
    cell_w = (size[0] - 2 * CARD_MARGIN) / columns
    cell_h = (size[1] - 2 * CARD_MARGIN) / rows
    used_rows = -(-count // columns)
    bottom = size[1] - CARD_MARGIN - used_rows * cell_h
    for r in range(used_rows + 1):
        y = size[1] - CARD_MARGIN - r * cell_h
        kit.dashed_line(canvas, CARD_MARGIN / 2, y, size[0] - CARD_MARGIN / 2, y)
    for c in range(columns + 1):
        x = CARD_MARGIN + c * cell_w
        kit.dashed_line(canvas, x, size[1] - CARD_MARGIN / 2, x, bottom - CARD_MARGIN / 2)


def _draw_card(canvas: Canvas, x: float, top: float, w: float, itinerary: Itinerary, data: ScheduleData,
               line: float) -> None:
    pad = 5 * mm
    inner = w - 2 * pad
    # The card's owner must find their whole name: two smaller lines rather than an ellipsis.
    size, lines = kit.fit_block(itinerary.person.full, inner, 14, 8, bold=True, max_lines=2)
    y = top - pad - size
    for number, text_line in enumerate(lines):
        kit.text(canvas, x + pad, y - number * size * 1.1, text_line, size, bold=True)
    y -= (len(lines) - 1) * size * 1.1 + 11
    sub = " · ".join(p for p in (itinerary.person.organization, data.session_name) if p)
    kit.fit_line(canvas, x + pad, y, sub, inner, 8, color=kit.MUTED)
    y -= 16
    size = min(9.5, line * 0.78)
    for stop in itinerary.stops:
        where, who = _stop_text(stop)
        color = kit.INK if stop.table is not None else kit.MUTED
        kit.text(canvas, x + pad, y, f"Round {stop.round}", size, color=kit.MUTED)
        kit.text(canvas, x + pad + 17 * mm, y, where, size, bold=stop.table is not None, color=color)
        kit.fit_line(canvas, x + pad + 35 * mm, y, who, inner - 35 * mm, size, color=color)
        y -= line


# --------------------------------------------------------------------------- table tents


def draw_table_tents(writer: kit.PageWriter, data: ScheduleData, progress: Progress = _no_progress) -> None:
    """One page per table, folded across the middle; the top half is upside down so that the
    folded tent reads the right way up from both sides."""
    size = kit.page_size(writer.page)
    width, height = size
    canvas = writer.canvas
    for index, table in enumerate(data.tables):
        progress(index, len(data.tables))
        writer.new_page(wide=False, plain=True)
        half = height / 2
        kit.dashed_line(canvas, 0, half, width, half)
        kit.text(canvas, width - 8 * mm, half + 2, "fold", 6.5, align="right", color=kit.RULE)
        _tent_face(canvas, width, half, table.number, table.mentor_names, table.label, data.event_name)
        canvas.saveState()
        # Rotating 180° about the page's centre puts the same face, upside down, on the top half.
        canvas.translate(width, height)
        canvas.rotate(180)
        _tent_face(canvas, width, half, table.number, table.mentor_names, table.label, data.event_name)
        canvas.restoreState()
    progress(len(data.tables), len(data.tables))


def _tent_face(canvas: Canvas, width: float, half: float, number: int, mentors: str, label: str,
               event_name: str) -> None:
    """The lower half of the page (0 … half), upright."""
    inner = width - 30 * mm
    centre = width / 2
    kit.text(canvas, centre, half * 0.56, f"Table {number}", 64, bold=True, align="center", color=kit.ACCENT)
    if mentors:
        size, lines = kit.fit_block(mentors, inner, 32, 12, bold=True, max_lines=3)
        step = size * 1.15
        first = half * 0.32 + (len(lines) - 1) * step / 2
        for i, text_line in enumerate(lines):
            kit.text(canvas, centre, first - i * step, text_line, size, bold=True, align="center")
    if label:
        kit.fit_line(canvas, centre, half * 0.85, label, inner, 16, align="center", color=kit.MUTED)
    kit.fit_line(canvas, centre, 14 * mm, event_name, inner, 11, align="center", color=kit.MUTED)
