"""Complex-script shaping for names on paper: Indic scripts, Sinhala, Khmer, Lao, Myanmar.

In these scripts the letters of a word are not drawn one glyph per character: consonants join
into conjuncts, a vowel sign may be drawn before the consonant it follows in the text, and marks
stack. reportlab draws one glyph per character, which would print "प्रिया" as "प्‌रिया" with the
vowel sign on the wrong side, wrong to anyone who can read it.

So a run in such a script is shaped with HarfBuzz (``uharfbuzz``) using the font's own OpenType
rules, and drawn as filled glyph outlines. Beneath the outlines the same run is written as
invisible text (render mode 3, the way OCR layers are made) in logical order, stretched to the
shaped width: selecting, searching, copying and extracting the text give back the name as typed,
which text drawn from shaped glyph codes could not (a conjunct has no code point of its own).

Why not reportlab's own shaping? It gives glyphs without a code point private-use code points,
so the extracted text of a Hindi name is garbage, and it shapes one font at a time.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import uharfbuzz as hb
from reportlab.pdfgen.canvas import FILL_NON_ZERO  # type: ignore[attr-defined]  # missing from types-reportlab

Outline = tuple[tuple[Any, ...], ...]  # ("M", x, y) / ("L", x, y) / ("C", x1, y1, x2, y2, x, y) / ("Z",) in em units


@dataclass(frozen=True)
class ShapedGlyph:
    glyph: int  # glyph id in the font
    x: float  # where the glyph's origin goes, in em units from the start of the run
    y: float  # vertical offset in em units (marks stacked above or below)


@dataclass(frozen=True)
class ShapedRun:
    glyphs: tuple[ShapedGlyph, ...]
    advance: float  # width of the run in em units (points at size 1)


class _OutlinePen:
    """Collects a glyph's contours as cubic path operations, scaled to em units.

    TrueType outlines are quadratic; PDF paths are cubic, and each quadratic segment is exactly a
    cubic one with its control points two thirds of the way to the quadratic control point.
    """

    def __init__(self, upem: int) -> None:
        self._scale = 1.0 / upem
        self._current = (0.0, 0.0)
        self.ops: list[tuple[Any, ...]] = []

    def _point(self, point: tuple[float, float]) -> tuple[float, float]:
        return point[0] * self._scale, point[1] * self._scale

    def moveTo(self, point: tuple[float, float]) -> None:  # the pen protocol names its methods in camelCase
        self._current = self._point(point)
        self.ops.append(("M", *self._current))

    def lineTo(self, point: tuple[float, float]) -> None:
        self._current = self._point(point)
        self.ops.append(("L", *self._current))

    def curveTo(self, *points: tuple[float, float]) -> None:
        (x1, y1), (x2, y2), (x, y) = (self._point(p) for p in points)
        self.ops.append(("C", x1, y1, x2, y2, x, y))
        self._current = (x, y)

    def qCurveTo(self, *points: tuple[float, float]) -> None:
        # HarfBuzz hands over one control point per segment (implied on-curve points resolved),
        # but follow the pen protocol for several: each pair of controls has an implied midpoint.
        *controls, end = (self._point(p) for p in points)
        for index, control in enumerate(controls):
            if index + 1 < len(controls):
                following = controls[index + 1]
                target = ((control[0] + following[0]) / 2, (control[1] + following[1]) / 2)
            else:
                target = end
            x0, y0 = self._current
            cx, cy = control
            x, y = target
            self.ops.append(
                ("C", x0 + 2 / 3 * (cx - x0), y0 + 2 / 3 * (cy - y0), x + 2 / 3 * (cx - x), y + 2 / 3 * (cy - y), x, y)
            )
            self._current = target

    def closePath(self) -> None:
        self.ops.append(("Z",))

    def endPath(self) -> None:  # open contours do not occur in fonts
        pass


class _Shaper:
    """One font file loaded into HarfBuzz, with the outlines of the glyphs drawn so far."""

    def __init__(self, path: str) -> None:
        with open(path, "rb") as handle:
            face = hb.Face(hb.Blob(handle.read()))
        self.upem = face.upem
        self.font = hb.Font(face)
        self._outlines: dict[int, Outline] = {}
        self._lock = threading.Lock()

    def shape(self, text: str) -> ShapedRun:
        buffer = hb.Buffer()
        buffer.add_str(text)
        buffer.guess_segment_properties()
        with self._lock:  # one hb_font_t is shared; shaping calls are serialised to stay on the safe side
            hb.shape(self.font, buffer, {})
        glyphs: list[ShapedGlyph] = []
        pen_x = 0.0
        for info, position in zip(buffer.glyph_infos, buffer.glyph_positions, strict=True):
            glyphs.append(
                ShapedGlyph(info.codepoint, (pen_x + position.x_offset) / self.upem, position.y_offset / self.upem)
            )
            pen_x += position.x_advance
        return ShapedRun(tuple(glyphs), pen_x / self.upem)

    def outline(self, glyph: int) -> Outline:
        with self._lock:
            cached = self._outlines.get(glyph)
            if cached is None:
                pen = _OutlinePen(self.upem)
                self.font.draw_glyph_with_pen(glyph, pen)
                cached = self._outlines[glyph] = tuple(pen.ops)
        return cached


_shapers: dict[str, _Shaper] = {}
_shapers_lock = threading.Lock()


def _shaper(path: str) -> _Shaper:
    with _shapers_lock:
        shaper = _shapers.get(path)
        if shaper is None:
            shaper = _shapers[path] = _Shaper(path)
        return shaper


@lru_cache(maxsize=4096)
def shape(path: str, text: str) -> ShapedRun:
    """``text`` shaped with the font at ``path``: glyphs and their positions, in em units."""
    return _shaper(path).shape(text)


def draw_run(canvas: Any, path: str, run: ShapedRun, x: float, y: float, size: float) -> None:
    """Fill the outlines of a shaped run with the canvas's fill colour, its origin at (``x``, ``y``)."""
    shaper = _shaper(path)
    outline = canvas.beginPath()
    for glyph in run.glyphs:
        gx, gy = x + glyph.x * size, y + glyph.y * size
        for op in shaper.outline(glyph.glyph):
            kind = op[0]
            if kind == "M":
                outline.moveTo(gx + op[1] * size, gy + op[2] * size)
            elif kind == "L":
                outline.lineTo(gx + op[1] * size, gy + op[2] * size)
            elif kind == "C":
                outline.curveTo(
                    gx + op[1] * size,
                    gy + op[2] * size,
                    gx + op[3] * size,
                    gy + op[4] * size,
                    gx + op[5] * size,
                    gy + op[6] * size,
                )
            else:
                outline.close()
    # Font outlines are drawn with the non-zero winding rule (overlapping contours stay filled).
    canvas.drawPath(outline, stroke=0, fill=1, fillMode=FILL_NON_ZERO)
