"""People in many writing systems for the badge tests, and reading a badge PDF as its readers do:
text per page, QR codes decoded from a rendering (pdftoppm + zxing-cpp), glyphs per font."""

from __future__ import annotations

import io
import subprocess
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import zxingcpp
from PIL import Image
from pypdf import PdfReader
from reportlab.pdfbase.ttfonts import TTFont

from mentordesk import paths
from mentordesk.models import PlanMode, Role
from mentordesk.models.person import Person
from mentordesk.models.store import EventStore
from mentordesk.services import checkin
from mentordesk.services.flash import load_problem, plan, save_plan
from mentordesk.services.people import new_badge_code

# (first, last, organisation, role): every script the badges promise, long names, one-name people.
PEOPLE: list[tuple[str, str, str, Role]] = [
    ("Zoë", "Šimůnek", "Univerzita Karlova", Role.MENTOR),
    ("محمد", "الحسيني", "جامعة القاهرة", Role.MENTOR),
    ("Ольга", "Коваленко", "Київський університет", Role.MENTOR),
    ("博", "田中", "東京大学", Role.MENTOR),
    ("נועה", "כהן", "אוניברסיטת תל אביב", Role.MENTEE),
    ("芳", "王", "北京大学", Role.MENTEE),
    ("지호", "박", "서울대학교", Role.MENTEE),
    ("Ελένη", "Παπαδοπούλου", "Πανεπιστήμιο Αθηνών", Role.MENTEE),
    ("Dương Minh", "Khôi", "Đại học Quốc gia Hà Nội", Role.MENTEE),
    ("Maximilian Alexander Friedrich", "von Hohenberg-Schwarzenfeld",
     "Universität für Bodenkultur Wien, Institut für Nachhaltige Wirtschaftsentwicklung", Role.MENTEE),
    ("Ana 😀", "Silva", "", Role.MENTEE),
    ("さくら", "山田", "京都大学", Role.FACILITATOR),
    ("Łukasz", "", "", Role.MENTEE),
]


@dataclass(frozen=True)
class Added:
    id: int
    first: str
    last: str
    organization: str
    role: Role
    code: str


def add_people(store: EventStore, people: list[tuple[str, str, str, Role]] | None = None, *, count: int | None = None,
               check_in: bool = True) -> list[Added]:
    people = people or PEOPLE
    count = count or len(people)
    added: list[Added] = []
    with store.session() as session:
        taken: set[str] = set()
        for i in range(count):
            first, last, org, role = people[i % len(people)]
            person = Person(event_id=store.event_id, first_name=first, last_name=last, organization=org, role=role,
                            email=f"p{i}@example.org", badge_code=new_badge_code(session, store.event_id, taken))
            session.add(person)
            session.flush()
            if check_in:
                checkin.check_in(session, person.id)
            added.append(Added(person.id, first, last, org, role, person.badge_code))
    return added


def save_rotation(store: EventStore, rounds: int = 3) -> None:
    with store.session() as session:
        problem = load_problem(session, store.event_id, rounds=rounds, seats=1)
        save_plan(session, store.event_id, plan(problem, PlanMode.ROTATE).plan, minutes=7)


def squash(text: str) -> str:
    """Text compared without spaces or presentation forms (extraction differs in both)."""
    return "".join(unicodedata.normalize("NFKC", text).split())


def page_texts(pdf: bytes) -> list[str]:
    return [squash(page.extract_text() or "") for page in PdfReader(io.BytesIO(pdf)).pages]


def text_found(needle: str, haystack: str) -> bool:
    """Every word of ``needle`` in the squashed page text; right-to-left words may come out reversed."""
    words = [squash(part) for part in needle.split()]
    return all(w in haystack or w[::-1] in haystack for w in words if w)


@dataclass(frozen=True)
class Decoded:
    page: int  # 0-based
    text: str
    #: Centre of the code in PDF points from the page's bottom-left corner.
    x: float
    y: float


def decode_qr_codes(pdf: bytes, dpi: int = 150, pages: tuple[int, int] | None = None) -> list[Decoded]:
    """QR codes found on a rendering of every page (or of the 1-based page range ``pages``)."""
    found: list[Decoded] = []
    reader = PdfReader(io.BytesIO(pdf))
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "doc.pdf"
        source.write_bytes(pdf)
        limits = ["-f", str(pages[0]), "-l", str(pages[1])] if pages else []
        subprocess.run(["pdftoppm", "-png", "-gray", "-r", str(dpi), *limits, str(source), str(Path(folder) / "p")],
                       check=True)
        for png in sorted(Path(folder).glob("p-*.png")):
            index = int(png.stem.split("-")[-1]) - 1
            page_height = float(reader.pages[index].mediabox.height)
            with Image.open(png) as image:
                for barcode in zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode):
                    p = barcode.position
                    xs = [p.top_left.x, p.top_right.x, p.bottom_left.x, p.bottom_right.x]
                    ys = [p.top_left.y, p.top_right.y, p.bottom_left.y, p.bottom_right.y]
                    cx, cy = sum(xs) / 4 * 72 / dpi, sum(ys) / 4 * 72 / dpi
                    found.append(Decoded(index, barcode.text, cx, page_height - cy))
    return found


def _shipped_cmaps() -> dict[str, set[int]]:
    cmaps: dict[str, set[int]] = {}
    for path in paths.resource("fonts").glob("*.ttf"):
        font = TTFont(f"probe-{path.stem}", str(path))
        cmaps[font.face.name.decode() if isinstance(font.face.name, bytes) else str(font.face.name)] = set(
            font.face.charToGlyph)
    return cmaps


def glyph_problems(pdf: bytes) -> list[str]:
    """Every character drawn on every page, checked against the cmap of the font that drew it.

    A character a font lacks would print as its missing-glyph box; so would text in a font that is
    not one of the shipped TrueType faces.
    """
    cmaps = _shipped_cmaps()
    problems: list[str] = []
    for number, page in enumerate(PdfReader(io.BytesIO(pdf)).pages, start=1):

        def visit(text: str, _cm: object, _tm: object, font: dict | None, _size: object, number: int = number) -> None:
            if not text.strip():
                return
            base = str(font.get("/BaseFont", "")) if font else ""
            name = base.lstrip("/").split("+")[-1]
            cmap = cmaps.get(name)
            if cmap is None:
                problems.append(f"page {number}: {text!r} drawn in {base or 'no font'}")
                return
            for ch in text:
                if not ch.isspace() and ord(ch) not in cmap:
                    problems.append(f"page {number}: {ch!r} (U+{ord(ch):04X}) missing from {name}")

        page.extract_text(visitor_text=visit)
    return problems
