"""The font API: every writing system has a shipped glyph, RTL is shaped and reordered, sizes fit."""

from __future__ import annotations

import subprocess
import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.pdfgen.canvas import Canvas

from mentordesk import paths
from mentordesk.printing import fonts

SCRIPTS = {
    "latin": "Zoë Ångström-Łukasiewicz Şükrü Ðorđević Øystein Æsa Ñuñez",
    "greek": "Ελένη Παπαδοπούλου",
    "cyrillic": "Дмитрий Шостакович Її Ґґ",
    "arabic": "محمد الحسيني",
    "hebrew": "נועה כהן",
    "chinese": "张伟 李娜 王芳",
    "japanese": "さとう タナカ 山田太郎",
    "korean": "김민준 이서연",
    "vietnamese": "Nguyễn Thị Ánh Tuyết Đặng Dương",
    "emoji": "Ana 😀🎉👍",
    "thai": "สมชาย ใจดี",
    "georgian": "ნინო ბერიძე",
    "armenian": "Արամ Սարգսյան",
    "ethiopic": "አበበ ቢቂላ",
    # Shaped scripts (conjuncts, reordered vowel signs): drawn as outlines over invisible text.
    "hindi": "प्रिया शर्मा",
    "bengali": "সৌমিত্র চট্টোপাধ্যায়",
    "punjabi": "ਗੁਰਪ੍ਰੀਤ ਸਿੰਘ",
    "gujarati": "ભાવેશ પટેલ",
    "odia": "ପ୍ରିୟଙ୍କା ମିଶ୍ର",
    "tamil": "செல்வன் முருகன்",
    "telugu": "శ్రీనివాస్ రెడ్డి",
    "kannada": "ಕೃಷ್ಣ ಮೂರ್ತಿ",
    "malayalam": "ശ്രീലക്ഷ്മി നായർ",
    "sinhala": "කුමාර පෙරේරා",
    "khmer": "សុខ ចាន់ធី",
    "lao": "ສົມພອນ ແກ້ວມະນີ",
    "myanmar": "အောင် ဆန်း",
}


@pytest.mark.parametrize("script", sorted(SCRIPTS))
def test_every_script_is_covered_by_a_shipped_font(script: str) -> None:
    text = SCRIPTS[script]
    assert fonts.missing_glyphs(text) == set()
    assert fonts.missing_glyphs(text, bold=True) == set()


def test_decomposed_input_is_covered_after_normalisation() -> None:
    assert fonts.missing_glyphs(unicodedata.normalize("NFD", SCRIPTS["vietnamese"])) == set()


def test_emoji_sequences_and_unknown_characters_never_leave_a_box() -> None:
    # A skin tone, a variation selector and a ZWJ family are dropped or drawn; 🥹 (Unicode 14) is
    # newer than Symbola and becomes the visible placeholder.
    assert fonts.missing_glyphs("👍🏽 ❤️ 👨‍👩‍👧") == set()
    assert fonts.missing_glyphs("🥹") == {"🥹"}
    runs = fonts._runs("🥹", False)
    assert [s for _, s, _ in runs] == [fonts.PLACEHOLDER]


def test_fonts_ship_with_their_licences() -> None:
    folder = paths.resource("fonts")
    for face in fonts._FACES:
        assert (folder / face.regular).is_file()
        assert (folder / face.bold).is_file()
    assert {"OFL-Noto.txt", "LICENSE-DroidSansFallback.txt", "LICENSE-Symbola.txt"} <= {
        p.name for p in folder.iterdir()
    }


def test_register_fonts_is_idempotent() -> None:
    fonts.register_fonts()
    fonts.register_fonts()
    assert fonts.string_width("Abc", 10) > 0


def test_string_width_is_linear_in_size_and_bold_is_wider() -> None:
    assert fonts.string_width("Maximilian", 20) == pytest.approx(2 * fonts.string_width("Maximilian", 10))
    assert fonts.string_width("Maximilian", 10, bold=True) > fonts.string_width("Maximilian", 10)
    assert fonts.string_width("", 10) == 0


def test_fit_size_is_the_largest_size_that_fits() -> None:
    text = "Maximilian Alexander"
    size = fonts.fit_size(text, 150, 40, 8, bold=True)
    assert fonts.string_width(text, size, bold=True) <= 150
    assert fonts.string_width(text, size + 0.5, bold=True) > 150
    assert fonts.fit_size("Al", 150, 40, 8) == 40
    assert fonts.fit_size(text * 10, 150, 40, 8) == 8


def test_wrap_lines_respects_width_and_line_count() -> None:
    lines = fonts.wrap_lines("Maximilian Alexander von Hohenberg", 120, 14)
    assert 1 < len(lines) <= 2
    assert all(fonts.string_width(line, 14) <= 120 for line in lines)
    long = fonts.wrap_lines("one two three four five six seven eight nine ten", 60, 12, max_lines=2)
    assert len(long) == 2 and long[-1].endswith("…")
    assert fonts.string_width(long[-1], 12) <= 60


def test_wrap_lines_breaks_cjk_without_spaces() -> None:
    lines = fonts.wrap_lines("山田太郎山田太郎山田太郎", 50, 12, max_lines=3)
    assert len(lines) >= 2
    assert all(fonts.string_width(line, 12) <= 50 for line in lines)


def test_arabic_is_shaped_and_rtl_is_reordered() -> None:
    visual = fonts._visual("محمد")
    # Contextual presentation forms, drawn right to left (the final form of د first on the left).
    assert visual == "\ufeaa\ufee4\ufea4\ufee3"
    assert fonts._visual("כהן") == "ןהכ"
    assert fonts._visual("Ali") == "Ali"


def test_vowel_marks_are_kept_with_their_letters() -> None:
    # Harakat and niqqud are part of how a name is spelled; each stays just before its letter in
    # drawing order, where the fonts' zero-width marks land on it.
    visual = fonts._visual("שָׁלוֹם")
    assert visual.index("\u05b9") == visual.index("\u05d5") - 1  # holam drawn just before its vav
    assert {"\u064e", "\u064f", "\u0651"} <= set(fonts._visual("مُحَمَّد"))
    assert fonts.missing_glyphs("مُحَمَّد שָׁלוֹם") == set()


def test_draw_text_aligns_and_returns_width(tmp_path: Path) -> None:
    pdf = tmp_path / "t.pdf"
    canvas = Canvas(str(pdf))
    width = fonts.draw_text(canvas, 300, 700, "Zoë 王 محمد", 12, align="center", color="#336699")
    assert width == pytest.approx(fonts.string_width("Zoë 王 محمد", 12))
    with pytest.raises(ValueError):
        fonts.draw_text(canvas, 0, 0, "x", 12, align="middle")
    canvas.save()


def test_pdf_text_reads_back_in_every_script(tmp_path: Path) -> None:
    pdf = tmp_path / "scripts.pdf"
    canvas = Canvas(str(pdf))
    y = 780.0
    for text in SCRIPTS.values():
        fonts.draw_text(canvas, 40, y, text, 14, bold=True)
        y -= 30
    canvas.save()
    extracted = unicodedata.normalize("NFKC", PdfReader(str(pdf)).pages[0].extract_text())
    for script, text in SCRIPTS.items():
        expected = unicodedata.normalize("NFKC", text)
        if script in ("arabic", "hebrew"):
            # Readers differ in how they restore logical order; each word must be there either way.
            for word in expected.split():
                assert word in extracted or word[::-1] in extracted, (script, word)
        else:
            assert expected in extracted, script


def test_direction_follows_the_first_strong_character() -> None:
    assert fonts.is_rtl("נועה כהן") and fonts.is_rtl("(محمد) Ali")
    assert not fonts.is_rtl("Ali محمد") and not fonts.is_rtl("123") and not fonts.is_rtl("")



def test_indic_text_is_shaped_into_conjuncts_and_reordered_vowel_signs() -> None:
    from mentordesk.printing import shaping

    path = str(paths.resource("fonts", "NotoSansDevanagari-Regular.ttf"))
    run = shaping.shape(path, "प्रि")  # pa, virama, ra, vowel sign i
    hb_font = shaping._shaper(path).font
    # The vowel sign is drawn first (left of the consonants it follows in the text, in the width
    # that fits the conjunct), and pa + virama + ra become one conjunct glyph.
    assert [hb_font.glyph_to_string(g.glyph) for g in run.glyphs] == ["ivowelsign03deva", "paradeva"]
    assert fonts.string_width("प्रि", 10) == pytest.approx(run.advance * 10)


def test_shaped_names_print_as_ink_and_read_back_as_typed(tmp_path: Path) -> None:
    from PIL import Image

    pdf = tmp_path / "shaped.pdf"
    canvas = Canvas(str(pdf), pagesize=(400, 100))
    fonts.draw_text(canvas, 20, 40, "Priya प्रिया", 28, bold=True)
    canvas.save()
    text = PdfReader(str(pdf)).pages[0].extract_text()
    assert "Priya प्रिया" in unicodedata.normalize("NFC", text)
    assert "प्रिया" in subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    subprocess.run(["pdftoppm", "-png", "-gray", "-r", "72", str(pdf), str(tmp_path / "page")], check=True)
    with Image.open(tmp_path / "page-1.png") as image:
        latin_end = 20 + fonts.string_width("Priya ", 28, bold=True)
        shaped = image.convert("L").crop((int(latin_end) + 2, 30, 380, 70))
        dark = sum(1 for value in shaped.get_flattened_data() if value < 128)
    # The outlines are filled (the invisible text alone would leave the area white).
    assert dark > 200
