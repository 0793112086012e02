"""Page furniture shared by schedules, sheets and reports: page sizes, a numbered canvas with a
header and footer on every page, text that fits a box, and tables that flow over pages.

All person and event text goes through :mod:`mentordesk.printing.fonts` (shaping, right-to-left,
font fallback for every script); this module only measures and places it. Drawing is done with
the reportlab canvas rather than platypus because platypus paragraphs neither shape Arabic nor
fall back between fonts.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.pagesizes import A4, LETTER, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from mentordesk.printing import fonts
from mentordesk.printing.catalog import PAGE_SIZES, DocumentError, Progress

Align = Literal["left", "center", "right"]

INK = HexColor("#1a1a1a")
MUTED = HexColor("#5f6368")
RULE = HexColor("#b0b4ba")
SHADE = HexColor("#eef1f4")
ACCENT = HexColor("#1f5f8b")
MARGIN = 14 * mm
ELLIPSIS = "…"


def page_size(name: str, *, wide: bool = False) -> tuple[float, float]:
    """Points for "A4" or "Letter"; ``wide`` turns the page to landscape."""
    if name not in PAGE_SIZES:
        raise DocumentError(f"unknown page size {name!r}; choose {' or '.join(PAGE_SIZES)}")
    size = A4 if name == "A4" else LETTER
    return landscape(size) if wide else size


# --------------------------------------------------------------------------- text


def text(canvas: Canvas, x: float, y: float, value: str, size: float, *, bold: bool = False,
         align: Align = "left", color: Color | None = None) -> float:
    """Draw one line (baseline at ``y``); returns its width."""
    if not value:
        return 0.0
    return fonts.draw_text(canvas, x, y, value, size, bold=bold, align=align, color=color or INK)


def width(value: str, size: float, *, bold: bool = False) -> float:
    return fonts.string_width(value, size, bold=bold) if value else 0.0


def ellipsize(value: str, max_width: float, size: float, *, bold: bool = False) -> str:
    """``value`` cut at a character boundary with "…" so that it fits ``max_width``."""
    if width(value, size, bold=bold) <= max_width:
        return value
    low, high = 0, len(value)
    while low < high:
        middle = (low + high + 1) // 2
        if width(value[:middle].rstrip() + ELLIPSIS, size, bold=bold) <= max_width:
            low = middle
        else:
            high = middle - 1
    return value[:low].rstrip() + ELLIPSIS if low else ELLIPSIS


def fit_line(canvas: Canvas, x: float, y: float, value: str, max_width: float, size: float, *,
             min_size: float | None = None, bold: bool = False, align: Align = "left",
             color: Color | None = None) -> float:
    """Draw ``value`` shrunk (down to ``min_size``) and then shortened with "…" to fit; returns the size used."""
    used = fonts.fit_size(value, max_width, size, min_size or size * 0.7, bold=bold) if value else size
    text(canvas, x, y, ellipsize(value, max_width, used, bold=bold), used, bold=bold, align=align, color=color)
    return used


def wrap(value: str, max_width: float, size: float, *, bold: bool = False, max_lines: int = 2) -> list[str]:
    """Lines of at most ``max_width``; the last one shortened with "…" when text is left over."""
    if not value:
        return []
    lines = list(fonts.wrap_lines(value, max_width, size, bold=bold, max_lines=max_lines))
    return [ellipsize(line, max_width, size, bold=bold) for line in lines]


def fit_block(value: str, max_width: float, max_size: float, min_size: float, *, bold: bool = False,
              max_lines: int = 2) -> tuple[float, list[str]]:
    """The largest size (down to ``min_size``) at which ``value`` wraps into ``max_lines`` lines
    without being shortened, and those lines; at ``min_size`` the last line may end in "…"."""
    size = max_size
    while True:
        lines = list(fonts.wrap_lines(value, max_width, size, bold=bold, max_lines=max_lines))
        whole = "".join(value.split()) == "".join("".join(lines).split())
        if whole or size <= min_size:
            return size, [ellipsize(line, max_width, size, bold=bold) for line in lines]
        size = max(min_size, size - 1)


def wrap_items(items: Sequence[str], max_width: float, size: float, *, lead: str = "",
               separator: str = ", ") -> list[str]:
    """A long list (of names) as lines of whole items; each item is measured once, so a list of
    hundreds of names wraps in linear time."""
    lines: list[str] = []
    current, used = lead, width(lead, size)
    gap = width(separator, size)
    for item in items:
        item_width = width(item, size)
        if current and current != lead and used + gap + item_width > max_width:
            lines.append(current + separator.rstrip())
            current, used = item, item_width
        else:
            joiner = separator if current and current != lead else ""
            current += joiner + item
            used += (gap if joiner else 0) + item_width
    if current:
        lines.append(current)
    return [ellipsize(line, max_width, size) for line in lines]


# --------------------------------------------------------------------------- pages


class _NumberedCanvas(Canvas):
    """Keeps every page until the end so the footer can say "page 3 of 12"."""

    def __init__(self, *args: Any, furniture: Callable[[Canvas, int, int], None], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []
        self._furniture = furniture

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()  # type: ignore[attr-defined]  # reportlab internals, not in its stubs

    def save(self) -> None:
        total = len(self._pages)
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            self._furniture(self, number, total)
            Canvas.showPage(self)
        Canvas.save(self)


@dataclass
class PageWriter:
    """One PDF being written: a title and event name in every header, page numbers in every footer.

    ``y`` is the current baseline cursor, moving down the page; :meth:`need` starts a new page when
    the rest of the page is too short.
    """

    title: str
    event_name: str
    page: str = "A4"
    wide: bool = False
    furniture: bool = True

    def __post_init__(self) -> None:
        fonts.register_fonts()
        self.size = page_size(self.page, wide=self.wide)
        self.buffer = io.BytesIO()
        self.canvas = _NumberedCanvas(self.buffer, pagesize=self.size, furniture=self._draw_furniture,
                                      pageCompression=1)
        self.canvas.setTitle(self.title)
        self.canvas.setAuthor("MentorDesk")
        self.canvas.setCreator("MentorDesk")
        self.generated = datetime.now().astimezone()
        self.started = False
        self.page_count = 0
        self._plain_pages: set[int] = set()
        self.y = 0.0

    # geometry
    @property
    def width(self) -> float:
        return self.size[0]

    @property
    def height(self) -> float:
        return self.size[1]

    @property
    def left(self) -> float:
        return MARGIN

    @property
    def right(self) -> float:
        return self.size[0] - MARGIN

    @property
    def content_width(self) -> float:
        return self.size[0] - 2 * MARGIN

    @property
    def top(self) -> float:
        return self.size[1] - MARGIN - (9 * mm if self.furniture else 0)

    @property
    def bottom(self) -> float:
        return MARGIN + (6 * mm if self.furniture else 0)

    def new_page(self, *, wide: bool | None = None, plain: bool = False) -> None:
        """Start a page; ``wide`` turns this and later pages, ``plain`` leaves out header and footer."""
        if self.started:
            self.canvas.showPage()
        if wide is not None and wide != self.wide:
            self.wide = wide
            self.size = page_size(self.page, wide=wide)
        self.canvas.setPageSize(self.size)
        self.started = True
        self.page_count += 1
        self.furniture = not plain
        self._plain_pages.discard(self.page_count)
        if plain:
            self._plain_pages.add(self.page_count)
        self.y = self.top

    def need(self, height: float) -> bool:
        """Make sure ``height`` fits below the cursor; returns True when a new page was started."""
        if not self.started or self.y - height < self.bottom:
            self.new_page()
            return True
        return False

    def heading(self, value: str, size: float = 15, *, gap: float = 4 * mm) -> None:
        self.need(size * 1.4 + gap + 20)
        self.y -= size
        fit_line(self.canvas, self.left, self.y, value, self.content_width, size, bold=True, color=ACCENT)
        self.y -= gap

    def paragraph(self, value: str, size: float = 9.5, *, color: Color | None = None, max_lines: int = 20) -> None:
        for line in wrap(value, self.content_width, size, max_lines=max_lines):
            self.need(size * 1.35)
            self.y -= size * 1.35
            text(self.canvas, self.left, self.y, line, size, color=color)
        self.y -= size * 0.5

    def finish(self) -> bytes:
        if not self.started:
            self.new_page()
        self.canvas.showPage()
        self.canvas.save()
        return self.buffer.getvalue()

    def _draw_furniture(self, canvas: Canvas, number: int, total: int) -> None:
        if number in self._plain_pages:
            return
        width_, height_ = canvas._pagesize  # type: ignore[attr-defined]  # this page's own size (a document may mix orientations)
        right = width_ - MARGIN
        content_width = width_ - 2 * MARGIN
        head = height_ - MARGIN - 4
        title_width = min(width(self.title, 9, bold=True) + 4, content_width * 0.5)
        fit_line(canvas, MARGIN, head, self.title, title_width, 9, bold=True, color=MUTED)
        fit_line(canvas, right, head, self.event_name, content_width - title_width - 12, 9,
                 align="right", color=MUTED)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN, head - 4, right, head - 4)
        foot = MARGIN
        text(canvas, MARGIN, foot, f"MentorDesk · {self.generated:%Y-%m-%d %H:%M}", 7.5, color=MUTED)
        text(canvas, right, foot, f"Page {number} of {total}", 7.5, align="right", color=MUTED)


# --------------------------------------------------------------------------- tables

CellDraw = Callable[[Canvas, float, float, float, float, Any], None]


@dataclass(frozen=True)
class Column:
    title: str
    #: Share of the table's width (the shares are normalised).
    share: float
    align: Align = "left"
    #: Draws a cell itself (x, y bottom-left, w, h, value) instead of writing text, e.g. a QR code.
    draw: CellDraw | None = None


def cell_lines(value: Any) -> list[str]:
    if value is None:
        return [""]
    if isinstance(value, (list, tuple)):
        return [str(v) for v in value] or [""]
    return [str(value)]


def _wrapped(lines: list[str], max_width: float, size: float, max_lines: int = 2) -> list[str]:
    """A line too wide for its cell goes over several lines (then shrinks and shortens)."""
    result: list[str] = []
    for line in lines:
        if line and width(line, size) > max_width:
            result.extend(fonts.wrap_lines(line, max_width, size, max_lines=max_lines))
        else:
            result.append(line)
    return result or [""]


def draw_table(
    writer: PageWriter,
    columns: Sequence[Column],
    rows: Sequence[Sequence[Any]],
    *,
    size: float = 8.5,
    min_row_height: float = 0.0,
    header_size: float | None = None,
    progress: Progress | None = None,
    zebra: bool = True,
    on_new_page: Callable[[], None] | None = None,
    wrap_lines: int = 2,
) -> None:
    """Rows of text cells (a cell may hold several lines) flowing over pages, header repeated on each."""
    canvas = writer.canvas
    total_share = sum(c.share for c in columns)
    widths = [writer.content_width * c.share / total_share for c in columns]
    xs = [writer.left + sum(widths[:i]) for i in range(len(columns))]
    pad = 3.0
    line_height = size * 1.25
    header_size = header_size or size
    header_height = header_size * 1.25 + 2 * pad + 2

    def header() -> None:
        canvas.setFillColor(SHADE)
        canvas.rect(writer.left, writer.y - header_height, writer.content_width, header_height, stroke=0, fill=1)
        for column, x, w in zip(columns, xs, widths, strict=True):
            anchor = {"left": x + pad, "center": x + w / 2, "right": x + w - pad}[column.align]
            fit_line(canvas, anchor, writer.y - pad - header_size, column.title, w - 2 * pad, header_size,
                     bold=True, align=column.align)
        writer.y -= header_height

    def start_page() -> None:
        writer.new_page()
        if on_new_page is not None:
            on_new_page()
        header()

    if not writer.started or writer.y - header_height - max(min_row_height, line_height + 2 * pad) < writer.bottom:
        start_page()
    else:
        header()
    for index, row in enumerate(rows):
        if progress is not None and index % 50 == 0:
            progress(index, len(rows))
        lines = [_wrapped(cell_lines(value), w - 2 * pad, size, wrap_lines) if column.draw is None else [""]
                 for column, w, value in zip(columns, widths, row, strict=True)]
        height = max(min_row_height, max(len(cell) for cell in lines) * line_height + 2 * pad)
        if writer.y - height < writer.bottom:
            start_page()
        if zebra and index % 2 == 1:
            canvas.setFillColor(HexColor("#f7f8fa"))
            canvas.rect(writer.left, writer.y - height, writer.content_width, height, stroke=0, fill=1)
        for column, x, w, value, cell in zip(columns, xs, widths, row, lines, strict=True):
            if column.draw is not None:
                column.draw(canvas, x, writer.y - height, w, height, value)
                continue
            anchor = {"left": x + pad, "center": x + w / 2, "right": x + w - pad}[column.align]
            for number, line in enumerate(cell):
                baseline = writer.y - pad - size - number * line_height + 1
                fit_line(canvas, anchor, baseline, line, w - 2 * pad, size, bold=False, align=column.align)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.4)
        canvas.line(writer.left, writer.y - height, writer.right, writer.y - height)
        writer.y -= height
    writer.y -= 3 * mm


def dashed_line(canvas: Canvas, x1: float, y1: float, x2: float, y2: float, *, color: Color = RULE) -> None:
    """A cut or fold line."""
    canvas.saveState()
    canvas.setStrokeColor(color)
    canvas.setLineWidth(0.5)
    canvas.setDash(3, 3)
    canvas.line(x1, y1, x2, y2)
    canvas.restoreState()


def empty_state(writer: PageWriter, message: str) -> None:
    """A clear sentence where there is nothing to show (no plan, no feedback, no groups …)."""
    writer.need(40)
    writer.y -= 14
    for line in wrap(message, writer.content_width, 11, max_lines=4):
        text(writer.canvas, writer.left, writer.y, line, 11, color=MUTED)
        writer.y -= 15
    writer.y -= 6
