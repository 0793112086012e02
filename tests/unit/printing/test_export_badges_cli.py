"""``mentordesk export badges`` and ``export calibration`` as a user runs them."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from badge_fixtures import (
    add_people,
    decode_qr_codes,
    page_texts,
    save_rotation,
    text_found,
)
from pypdf import PdfReader

from mentordesk.models.store import EventStore
from mentordesk.printing import labels


def run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if key != "MENTORDESK_EVENT"}
    return subprocess.run([sys.executable, "-m", "mentordesk", *args], check=False, capture_output=True, text=True,
                          env=env, timeout=120)


def test_export_badges_writes_every_badge(store: EventStore, event_path: Path, tmp_path: Path) -> None:
    added = add_people(store, check_in=False)
    out = tmp_path / "badges.pdf"
    result = run("export", "badges", "--event", str(event_path), "-o", str(out), "--layout", "avery-5395")
    assert result.returncode == 0, result.stderr
    assert "Wrote badges" in result.stdout and str(out) in result.stdout
    pdf = out.read_bytes()
    assert len(PdfReader(out).pages) == 2
    assert sorted(d.text for d in decode_qr_codes(pdf)) == sorted(a.code for a in added)
    text = "".join(page_texts(pdf))
    assert all(text_found(a.first, text) for a in added)


def test_checked_in_and_back_options(store: EventStore, event_path: Path, tmp_path: Path) -> None:
    added = add_people(store)
    save_rotation(store)
    out = tmp_path / "b.pdf"
    result = run("export", "badges", "--event", str(event_path), "-o", str(out), "--layout", "label-printer",
                 "--checked-in", "--back")
    assert result.returncode == 0, result.stderr
    assert len(PdfReader(out).pages) == 2 * len(added)


def test_unknown_layout_is_one_line_listing_the_known_ones(store: EventStore, event_path: Path,
                                                           tmp_path: Path) -> None:
    add_people(store)
    out = tmp_path / "x.pdf"
    result = run("export", "badges", "--event", str(event_path), "-o", str(out), "--layout", "avery-1234")
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "avery-1234" in lines[0]
    assert all(stock.key in lines[0] for stock in labels.STOCKS)
    assert not out.exists()


def test_back_without_a_plan_is_one_line(store: EventStore, event_path: Path, tmp_path: Path) -> None:
    add_people(store)
    result = run("export", "badges", "--event", str(event_path), "-o", str(tmp_path / "x.pdf"), "--back")
    assert result.returncode == 1
    assert len(result.stderr.strip().splitlines()) == 1 and "no rotation" in result.stderr


def test_export_calibration_needs_no_event(tmp_path: Path) -> None:
    out = tmp_path / "cal.pdf"
    result = run("export", "calibration", "-o", str(out), "--layout", "durable-1445-02")
    assert result.returncode == 0, result.stderr
    assert "Durable 1445-02" in PdfReader(out).pages[0].extract_text()
