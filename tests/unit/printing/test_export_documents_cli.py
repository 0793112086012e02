"""``mentordesk export schedule | summary | document`` as a script would run them."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from paper_fixtures import (
    MENTEES,
    MENTORS,
    add_people,
    pdf_pages,
    save_rotation,
    squash,
)
from pypdf import PdfReader

from mentordesk.cli import main
from mentordesk.models.store import EventStore
from mentordesk.printing.schedule_data import build_schedule


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_export_schedule_writes_grid_rosters_and_itineraries(store: EventStore, event_path: Path, tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    add_people(store, MENTORS, MENTEES)
    save_rotation(store, rounds=3, seats=2)
    out = tmp_path / "out" / "schedule.pdf"
    code, stdout, _err = _run(capsys, "export", "schedule", "--event", str(event_path), "-o", str(out),
                              "--page-size", "Letter")
    assert code == 0 and f"Wrote the schedule to {out}" in stdout
    reader = PdfReader(out)
    assert {round(float(p.mediabox.width)) for p in reader.pages} == {612, 792}  # grid landscape, rest portrait
    with store.read_session() as session:
        data = build_schedule(session)
    text = squash("".join(pdf_pages(out.read_bytes())))
    assert "Mastergrid" in text and "Round" in text
    for itinerary in data.itineraries:
        assert squash(itinerary.person.full) in text
    assert "fold" not in "".join(pdf_pages(out.read_bytes()))  # tents only with --tents
    assert not list(out.parent.glob(".*partial"))


def test_export_schedule_without_a_plan_says_how_to_make_one(store: EventStore, event_path: Path, tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = _run(capsys, "export", "schedule", "--event", str(event_path), "-o", str(tmp_path / "x.pdf"))
    assert code == 1
    assert err.count("\n") == 1 and "mentordesk flash plan" in err and "--save" in err
    assert not (tmp_path / "x.pdf").exists()


def test_export_summary_on_an_empty_event(store: EventStore, event_path: Path, tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "summary.pdf"
    code, stdout, _err = _run(capsys, "export", "summary", "--event", str(event_path), "-o", str(out),
                              "--page-size", "A4")
    assert code == 0 and "1 page" in stdout
    text = pdf_pages(out.read_bytes())[0]
    assert "Nobody has checked in yet." in text and "No feedback entered yet." in text
    assert "Spring Flash Mentoring" in text


def test_export_document_by_key_with_options(store: EventStore, event_path: Path, tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    add_people(store, MENTORS[:2], MENTEES[:3])
    save_rotation(store, rounds=2)
    code, listing, _err = _run(capsys, "export", "document", "--list", "--event", str(event_path))
    assert code == 0
    for key in ("schedule", "master_grid", "table_rosters", "itineraries", "table_tents", "sign_in_sheets",
                "summary", "group_report", "take_home"):
        assert key in listing
    out = tmp_path / "tents.pdf"
    code, _out, _err = _run(capsys, "export", "document", "table_tents", "--event", str(event_path), "-o", str(out))
    assert code == 0 and len(PdfReader(io.BytesIO(out.read_bytes())).pages) == 2
    code, _out, err = _run(capsys, "export", "document", "schedule", "--event", str(event_path), "-o", str(out),
                           "--option", "tents=maybe")
    assert code == 2 and "yes or no" in err
    code, _out, err = _run(capsys, "export", "document", "sign_in_sheets", "--event", str(event_path), "-o",
                           str(out), "--option", "group=Chess")
    assert code == 1 and "no group 'Chess'" in err
    code, _out, err = _run(capsys, "export", "document", "posters", "--event", str(event_path), "-o", str(out))
    assert code == 2 and "known documents" in err
