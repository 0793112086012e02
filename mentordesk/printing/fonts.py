"""Fonts for every writing system, and text drawing that picks the right one per character.

MentorDesk ships TrueType fonts in ``resources/fonts`` (licences beside them) because reportlab
can only embed TrueType outlines, not CFF/OpenType ones:

- Noto Sans (regular, bold): Latin with every diacritic (Vietnamese included), Greek, Cyrillic.
- Noto Sans Arabic and Noto Sans Hebrew (regular, bold); Noto Sans Thai, Georgian, Armenian and
  Ethiopic (regular, bold) so that names in those scripts print too.
- Noto Sans Devanagari, Bengali, Gurmukhi, Gujarati, Oriya, Tamil, Telugu, Kannada, Malayalam,
  Sinhala, Khmer, Lao and Myanmar (regular, bold): shaped with HarfBuzz and drawn as outlines over
  invisible text (see :mod:`mentordesk.printing.shaping`).
- Droid Sans Fallback: Chinese, Japanese kana and kanji, Korean Hangul (no bold face exists).
- Symbola: symbols and emoji up to Unicode 9 as outlines (no bold face).

A string is drawn as runs: each character goes to the first font of the chain that covers it, so
"Zoë 王 محمد" is three fonts on one baseline. Text is prepared once per string (cached):

1. NFC normalisation (decomposed input from spreadsheets becomes precomposed letters);
2. Arabic shaping with ``arabic_reshaper`` (letters become their contextual presentation forms,
   lam-alef ligatures included), then the Unicode bidi algorithm with ``python-bidi`` to put
   right-to-left runs in visual order.

Why not reportlab 4's own shaping (uharfbuzz + rlbidi)? It shapes one font at a time, so it cannot
mix an Arabic name with a Latin organisation in one run; it needs two extra native packages
(rlbidi has few wheels); and glyphs that have no code point are given private-use code points, so
the text a PDF reader extracts is garbage. Presentation forms keep a real Unicode mapping, work with
any font that has them (Noto Sans Arabic does), and names need no more than that.

Characters that only an emoji sequence needs (zero-width joiner, variation selectors, skin tones)
are dropped; a character no shipped font covers is replaced by a visible placeholder (``◇``) so a
badge never shows a missing-glyph box.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import arabic_reshaper
from reportlab.lib import colors
from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont

from mentordesk import paths
from mentordesk.printing import shaping

try:  # python-bidi 0.5+ (Rust implementation)
    from bidi import get_display
except ImportError:  # pragma: no cover - python-bidi 0.4, pure Python
    from bidi.algorithm import get_display

PLACEHOLDER = "\u25c7"  # ◇ drawn from Symbola where no font has the character


@dataclass(frozen=True)
class _Face:
    name: str  # the name registered with reportlab
    regular: str  # file in resources/fonts
    bold: str  # file for the bold face (the regular one when the family has none)
    shaped: bool = False  # the script needs OpenType shaping (conjuncts, reordered vowel signs): see shaping.py


# Order is the fallback chain: the first face covering a character draws it.
_FACES: tuple[_Face, ...] = (
    _Face("MDSans", "NotoSans-Regular.ttf", "NotoSans-Bold.ttf"),
    _Face("MDArabic", "NotoSansArabic-Regular.ttf", "NotoSansArabic-Bold.ttf"),
    _Face("MDHebrew", "NotoSansHebrew-Regular.ttf", "NotoSansHebrew-Bold.ttf"),
    # Scripts beyond the promised list that need no reordering: a name in them prints rather
    # than turning into placeholders (Thai marks sit at the font's default positions).
    _Face("MDThai", "NotoSansThai-Regular.ttf", "NotoSansThai-Bold.ttf"),
    _Face("MDGeorgian", "NotoSansGeorgian-Regular.ttf", "NotoSansGeorgian-Bold.ttf"),
    _Face("MDArmenian", "NotoSansArmenian-Regular.ttf", "NotoSansArmenian-Bold.ttf"),
    _Face("MDEthiopic", "NotoSansEthiopic-Regular.ttf", "NotoSansEthiopic-Bold.ttf"),
    # Scripts of South and South-East Asia: shaped with HarfBuzz and drawn as outlines.
    *(
        _Face(f"MD{script}", f"NotoSans{script}-Regular.ttf", f"NotoSans{script}-Bold.ttf", shaped=True)
        for script in (
            "Devanagari",
            "Bengali",
            "Gurmukhi",
            "Gujarati",
            "Oriya",
            "Tamil",
            "Telugu",
            "Kannada",
            "Malayalam",
            "Sinhala",
            "Khmer",
            "Lao",
            "Myanmar",
        )
    ),
    _Face("MDCJK", "DroidSansFallback.ttf", "DroidSansFallback.ttf"),
    _Face("MDSymbols", "Symbola.ttf", "Symbola.ttf"),
)

# Default font names for code that draws plain Latin text itself (table headers, labels).
REGULAR = "MDSans"
BOLD = "MDSans-Bold"

_registered: dict[str, TTFont] = {}
_register_lock = threading.Lock()
_FAKE_BOLD = frozenset(f"{face.name}-Bold" for face in _FACES if face.bold == face.regular)
#: Font name → its file, for the faces whose runs are shaped rather than drawn one glyph per character.
_SHAPED: dict[str, str] = {
    name: str(paths.resource("fonts", file))
    for face in _FACES
    if face.shaped
    for name, file in ((face.name, face.regular), (f"{face.name}-Bold", face.bold))
}


_ASTRAL_ENTRY = re.compile(r"<([0-9A-F]{2})> <([0-9A-F]{5,6})>")
_reportlab_to_unicode_cmap = ttfonts.makeToUnicodeCMap


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """reportlab's ToUnicode CMap, with characters beyond U+FFFF written as UTF-16 surrogate pairs.

    reportlab 4/5 writes them as five hex digits, which PDF readers cut to four: an emoji drawn
    from Symbola would be extracted (copied, searched, read aloud) as an unrelated Greek letter.
    """

    def utf16(match: re.Match[str]) -> str:
        encoded = chr(int(match.group(2), 16)).encode("utf-16-be").hex().upper()
        return f"<{match.group(1)}> <{encoded}>"

    return _ASTRAL_ENTRY.sub(utf16, _reportlab_to_unicode_cmap(fontname, subset))


def _font_name(face: _Face, bold: bool) -> str:
    return f"{face.name}-Bold" if bold else face.name


def register_fonts() -> None:
    """Register every shipped face with reportlab (safe to call any number of times, from any thread)."""
    with _register_lock:
        if _registered:
            return
        ttfonts.makeToUnicodeCMap = _to_unicode_cmap
        loaded: dict[str, TTFont] = {}
        for face in _FACES:
            for bold in (False, True):
                name = _font_name(face, bold)
                font = TTFont(name, str(paths.resource("fonts", face.bold if bold else face.regular)))
                pdfmetrics.registerFont(font)
                loaded[name] = font
            pdfmetrics.registerFontFamily(
                face.name, normal=face.name, bold=f"{face.name}-Bold", italic=face.name, boldItalic=f"{face.name}-Bold"
            )
        # Published only when complete: a second thread never sees half the faces.
        _registered.update(loaded)


def _fonts(bold: bool) -> list[tuple[str, dict[int, int]]]:
    register_fonts()
    return [(name, _registered[name].face.charToGlyph) for name in (_font_name(f, bold) for f in _FACES)]


def _ignorable(ch: str) -> bool:
    code = ord(ch)
    if 0xFE00 <= code <= 0xFE0F or 0x1F3FB <= code <= 0x1F3FF or 0xE0000 <= code <= 0xE007F:
        return True  # variation selectors, skin-tone modifiers, tag characters: parts of emoji sequences
    category = unicodedata.category(ch)
    return category in ("Cf", "Cc") and ch not in "\t"


def _covering_font(ch: str, fonts: list[tuple[str, dict[int, int]]]) -> str | None:
    code = ord(ch)
    for name, cmap in fonts:
        if code in cmap:
            return name
    return None


# Vowel marks (harakat, niqqud) are names' spelling: keep them rather than the reshaper's default
# of deleting them.
_RESHAPER = arabic_reshaper.ArabicReshaper(configuration={"delete_harakat": False})


@lru_cache(maxsize=8192)
def _visual(text: str) -> str:
    """NFC, Arabic shaping, then bidi reordering: the characters in the order they are drawn."""
    text = unicodedata.normalize("NFC", text.replace("\n", " ").replace("\t", " "))
    if any("\u0590" <= ch <= "\u08ff" or "\ufb1d" <= ch <= "\ufefc" for ch in text):
        # Reversing a right-to-left run leaves each zero-width mark just before its letter, which is
        # where Noto's Arabic and Hebrew marks expect to be drawn (they extend over the next glyph).
        text = get_display(_RESHAPER.reshape(text))
    return "".join(ch for ch in text if not _ignorable(ch))


@lru_cache(maxsize=8192)
def _runs(text: str, bold: bool) -> tuple[tuple[str, str, float], ...]:
    """(font name, visual string, width at size 1) runs for ``text``; cached per string."""
    fonts = _fonts(bold)
    placeholder_font = _covering_font(PLACEHOLDER, fonts)
    runs: list[list[str]] = []  # [font, text]
    for ch in _visual(text):
        current = runs[-1][0] if runs else None
        # Spaces, digits and punctuation stay in the current run when its font has them: fewer font
        # switches, and the space between two Arabic words keeps Arabic metrics.
        neutral = not ch.isalpha() and unicodedata.category(ch)[0] in "ZPN"
        font: str | None
        if neutral and current is not None and ord(ch) in _registered[current].face.charToGlyph:
            font = current
        else:
            font = _covering_font(ch, fonts)
            if font is None:
                ch, font = PLACEHOLDER, placeholder_font
        if font == current:
            runs[-1][1] += ch
        else:
            runs.append([font, ch])  # type: ignore[list-item]
    return tuple((font, s, _run_width(font, s)) for font, s in runs)


def _run_width(font: str, text: str) -> float:
    path = _SHAPED.get(font)
    return shaping.shape(path, text).advance if path else pdfmetrics.stringWidth(text, font, 1.0)


def string_width(text: str, size: float, *, bold: bool = False) -> float:
    """Width in points of ``text`` drawn at ``size`` by :func:`draw_text`."""
    return sum(width for _, _, width in _runs(text, bold)) * size


def draw_text(
    canvas: Any,
    x: float,
    y: float,
    text: str,
    size: float,
    *,
    bold: bool = False,
    align: str = "left",
    color: Any = None,
) -> float:
    """Draw mixed-script text on one baseline; returns the width drawn.

    ``align`` says where ``x`` is: the left end, the centre or the right end of the text.
    """
    runs = _runs(text, bold)
    width = sum(w for _, _, w in runs) * size
    if not runs:
        return 0.0
    if align == "center":
        x -= width / 2
    elif align == "right":
        x -= width
    elif align != "left":
        raise ValueError(f"align must be left, center or right, not {align!r}")
    # The font is part of the PDF graphics state: save/restore so callers' own font settings survive.
    canvas.saveState()
    if color is not None:
        canvas.setFillColor(colors.toColor(color) if isinstance(color, str) else color)
    text_object = canvas.beginText(x, y)
    emboldened = False
    outlines: list[tuple[str, str, float]] = []  # shaped runs: (font file, text, x), drawn after the text
    run_x = x
    for font, s, run_width in runs:
        text_object.setFont(font, size)
        shaped_path = _SHAPED.get(font)
        if shaped_path:
            # Invisible text in reading order, stretched to the shaped width, under the outlines.
            outlines.append((shaped_path, s, run_x))
            plain = pdfmetrics.stringWidth(s, font, size)
            text_object.setTextRenderMode(3)
            text_object.setHorizScale(100 * run_width * size / plain if plain > 0 else 100)
            text_object.textOut(s)
            text_object.setHorizScale(100)
            text_object.setTextRenderMode(2 if emboldened else 0)
            run_x += run_width * size
            continue
        run_x += run_width * size
        # Faces without a bold design (CJK, symbols) are emboldened by stroking the outline too,
        # so a Chinese first name is as heavy as a Latin one next to it.
        fake = bold and font in _FAKE_BOLD
        if fake != emboldened:
            if fake:
                canvas.setStrokeColor(canvas._fillColorObj)
                canvas.setLineWidth(size * 0.03)
            text_object.setTextRenderMode(2 if fake else 0)
            emboldened = fake
        text_object.textOut(s)
    canvas.drawText(text_object)
    for path, s, run_x in outlines:
        shaping.draw_run(canvas, path, shaping.shape(path, s), run_x, y, size)
    canvas.restoreState()
    return width


def fit_size(text: str, max_width: float, max_size: float, min_size: float, *, bold: bool = False) -> float:
    """The largest size (in half points) at which ``text`` fits ``max_width``, never below ``min_size``."""
    unit = string_width(text, 1.0, bold=bold)
    if unit <= 0:
        return max_size
    size = min(max_size, int(max_width / unit * 2) / 2)
    return max(size, min_size)


def _split_long(word: str, max_width: float, size: float, bold: bool) -> list[str]:
    """Break a word wider than the line (CJK names have no spaces) between characters."""
    pieces: list[str] = []
    current = ""
    for ch in word:
        if current and string_width(current + ch, size, bold=bold) > max_width:
            pieces.append(current)
            current = ch
        else:
            current += ch
    if current:
        pieces.append(current)
    return pieces


def _truncate(text: str, max_width: float, size: float, bold: bool) -> str:
    if string_width(text, size, bold=bold) <= max_width:
        return text
    while text and string_width(text + "…", size, bold=bold) > max_width:
        text = text[:-1].rstrip()
    return text + "…"


def wrap_lines(text: str, max_width: float, size: float, *, bold: bool = False, max_lines: int = 2) -> list[str]:
    """Greedy word wrap in logical order (each line is later drawn with bidi on its own).

    At most ``max_lines`` lines; what does not fit is cut with an ellipsis on the last line.
    """
    words: list[str] = []
    for word in text.split():
        if string_width(word, size, bold=bold) > max_width:
            words.extend(_split_long(word, max_width, size, bold))
        else:
            words.append(word)
    lines: list[str] = []
    current = ""
    for word in words:
        trial = f"{current} {word}" if current else word
        if current and string_width(trial, size, bold=bold) > max_width:
            lines.append(current)
            current = word
        else:
            current = trial
    if current:
        lines.append(current)
    if len(lines) > max_lines:
        head, rest = lines[: max_lines - 1], " ".join(lines[max_lines - 1 :])
        lines = [*head, _truncate(rest, max_width, size, bold)]
    return lines


def is_rtl(text: str) -> bool:
    """True when the first strong character is right-to-left (Hebrew, Arabic): align such text right."""
    for ch in text:
        direction = unicodedata.bidirectional(ch)
        if direction in ("R", "AL"):
            return True
        if direction == "L":
            return False
    return False


def missing_glyphs(text: str, *, bold: bool = False) -> set[str]:
    """Characters of ``text`` that no shipped font covers (they would print as the placeholder)."""
    fonts = _fonts(bold)
    return {ch for ch in _visual(text) if _covering_font(ch, fonts) is None}
