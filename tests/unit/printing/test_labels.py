"""Label stock geometry, per-printer offsets and vector QR codes."""

from __future__ import annotations

import io
import json
import subprocess
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image
from reportlab.lib.units import inch, mm
from reportlab.pdfgen.canvas import Canvas

from mentordesk.printing import labels, qr
from mentordesk.settings import PRINT_OFFSETS, Settings

# key: (columns, rows, label width, label height) as the products are sold.
EXPECTED = {
    "avery-5392": (2, 3, 4 * inch, 3 * inch),
    "avery-5395": (2, 4, 3.375 * inch, 7 / 3 * inch),
    "avery-l4785": (2, 5, 80 * mm, 50 * mm),
    "herma-4412": (2, 5, 80 * mm, 50 * mm),
    "durable-1445-02": (2, 5, 90 * mm, 54 * mm),
    "durable-1456-02": (2, 4, 90 * mm, 60 * mm),
    "a6-on-a4": (2, 2, 105 * mm, 148 * mm),
    "label-printer": (1, 1, 4 * inch, 3 * inch),
}


def test_every_stock_is_listed() -> None:
    assert {s.key for s in labels.STOCKS} == set(EXPECTED)


@pytest.mark.parametrize("key", sorted(EXPECTED))
def test_cells_match_the_product_and_fit_the_page(key: str) -> None:
    stock = labels.stock(key)
    columns, rows, width, height = EXPECTED[key]
    assert (stock.columns, stock.rows) == (columns, rows)
    cells = stock.cells()
    assert len(cells) == columns * rows == stock.per_page
    for cell in cells:
        assert cell.width == pytest.approx(width) and cell.height == pytest.approx(height)
        assert cell.x >= -0.01 and cell.x + cell.width <= stock.page_width + 0.01
        assert cell.y >= -0.01 and cell.y + cell.height <= stock.page_height + 0.01
    for a in cells:
        for b in cells:
            if a.index < b.index:
                overlap_x = min(a.x + a.width, b.x + b.width) - max(a.x, b.x)
                overlap_y = min(a.y + a.height, b.y + b.height) - max(a.y, b.y)
                assert overlap_x <= 0.01 or overlap_y <= 0.01, (a, b)
    # Reading order: left to right, then top to bottom.
    assert cells[0].y == max(c.y for c in cells) and cells[0].x == min(c.x for c in cells)


@pytest.mark.parametrize("key", sorted(EXPECTED))
def test_back_side_mirrors_the_columns(key: str) -> None:
    stock = labels.stock(key)
    for index in range(stock.per_page):
        front, back = stock.cell(index), stock.cell(index, back=True)
        assert back.x == pytest.approx(stock.page_width - front.x - front.width)
        assert back.y == front.y
        assert back.column == stock.columns - 1 - front.column


def test_avery_5395_matches_its_template() -> None:
    stock = labels.stock("avery-5395")
    first = stock.cell(0)
    assert first.x == pytest.approx(0.6875 * inch)
    assert stock.page_height - (first.y + first.height) == pytest.approx(0.5833 * inch, abs=0.1)
    assert stock.cell(1).x - first.x == pytest.approx(3.75 * inch)


def test_unknown_layout_lists_the_known_ones() -> None:
    with pytest.raises(labels.UnknownStock) as error:
        labels.stock("avery-9999")
    message = str(error.value)
    assert "\n" not in message
    assert all(key in message for key in EXPECTED)
    assert labels.stock(" Avery-5392 ").key == "avery-5392"


def test_printer_offsets_from_the_setting(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    settings = Settings(tmp_path / "settings.json")
    assert labels.printer_offset("Any", settings) == (0, 0)
    settings.set(PRINT_OFFSETS, json.dumps({"Office HP": [1.5, -2], "*": {"x": 0.5, "y": 0}}))
    assert labels.printer_offset("Office HP", settings) == pytest.approx((1.5 * mm, -2 * mm))
    assert labels.printer_offset("Other", settings) == pytest.approx((0.5 * mm, 0))
    monkeypatch.setenv(PRINT_OFFSETS.env_var, '{"*": [3, 4]}')
    assert labels.printer_offset("Office HP", settings) == pytest.approx((3 * mm, 4 * mm))
    monkeypatch.setenv(PRINT_OFFSETS.env_var, "not json")
    assert labels.printer_offset("Office HP", settings) == (0, 0)


def test_qr_is_vector_and_decodes(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(200, 200))
    qr.draw_qr(canvas, 50, 50, 100, "K7M2Q9XZ")
    canvas.save()
    pdf = tmp_path / "qr.pdf"
    pdf.write_bytes(buffer.getvalue())
    assert b"/XObject" not in buffer.getvalue()  # no bitmap anywhere
    subprocess.run(["pdftoppm", "-png", "-r", "100", str(pdf), str(tmp_path / "qr")], check=True)
    with Image.open(next(tmp_path.glob("qr*.png"))) as image:
        results = zxingcpp.read_barcodes(image)
    assert [r.text for r in results] == ["K7M2Q9XZ"]


def test_qr_rows_are_merged_into_runs() -> None:
    count, ops = qr._path_ops("K7M2Q9XZ")
    dark = sum(sum(row) for row in qr.matrix("K7M2Q9XZ"))
    assert count == 21
    assert len(ops.splitlines()) < dark * 0.6
