"""Schedule PDFs read back: every name of the data is on the page it belongs to, sizes and pagination."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from paper_fixtures import (
    MENTEES,
    MENTORS,
    add_people,
    pdf_pages,
    render_pngs,
    save_rotation,
    squash,
)
from pypdf import PdfReader

from mentordesk.models import PlanMode
from mentordesk.models.store import EventStore
from mentordesk.printing import catalog
from mentordesk.printing.catalog import Cancelled
from mentordesk.printing.schedule_data import build_schedule
from mentordesk.printing.schedule_pdf import card_grid, render_schedule


def _sizes(pdf: bytes) -> list[tuple[int, int]]:
    return [(round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in PdfReader(io.BytesIO(pdf)).pages]


@pytest.fixture
def planned(store: EventStore) -> EventStore:
    add_people(store, MENTORS, MENTEES)
    save_rotation(store, rounds=4, seats=2, mode=PlanMode.MATCH)
    return store


def test_rosters_one_page_per_table_with_its_mentees(planned: EventStore) -> None:
    with planned.read_session() as session:
        data = build_schedule(session)
    pages = pdf_pages(render_schedule(data, page="A4", parts=("rosters",)))
    assert len(pages) == len(data.tables)
    for page, table in zip(pages, data.tables, strict=True):
        text = squash(page)
        assert squash(f"Table {table.number}") in text
        for mentor in table.mentors:
            assert squash(mentor.full) in text
        for cell in table.rounds:
            for mentee in cell.mentees:
                assert squash(mentee.full) in text


def test_itinerary_cards_name_every_mentee_and_their_tables(planned: EventStore) -> None:
    with planned.read_session() as session:
        data = build_schedule(session)
    pdf = render_schedule(data, page="Letter", parts=("itineraries",))
    text = squash("".join(pdf_pages(pdf)))
    for itinerary in data.itineraries:
        assert squash(itinerary.person.full) in text
    columns, rows, _line = card_grid((612, 792), 4)
    assert len(pdf_pages(pdf)) == -(-len(data.itineraries) // (columns * rows))
    assert set(_sizes(pdf)) == {(612, 792)}


def test_master_grid_is_landscape_and_lists_everyone(planned: EventStore) -> None:
    with planned.read_session() as session:
        data = build_schedule(session)
    pdf = render_schedule(data, page="A4", parts=("grid",))
    assert set(_sizes(pdf)) == {(842, 595)}
    text = squash("".join(pdf_pages(pdf)))
    for table in data.tables:
        for cell in table.rounds:
            for mentee in cell.mentees:
                assert squash(mentee.full) in text
    for number in data.round_numbers:
        assert f"Round{number}" in text


def test_wide_plans_continue_rounds_on_further_pages(store: EventStore) -> None:
    add_people(store, [("Ada", "Lovelace"), ("Grace", "Hopper")], [(f"M{i}", f"Mentee{i:02}") for i in range(12)])
    save_rotation(store, rounds=12)
    with store.read_session() as session:
        data = build_schedule(session)
    pages = pdf_pages(render_schedule(data, page="A4", parts=("grid",)))
    assert len(pages) >= 2
    assert "Round 1" in pages[0] and "Round 12" not in pages[0]
    assert any("Round 12" in page for page in pages[1:])
    # The header (mentor column) is repeated on the continuation page.
    assert all("Lovelace" in page for page in pages[:2])
    # Ten mentees wait each round, and the waiting lists name every one of them.
    text = squash("".join(pages))
    for number, waiting in zip(data.round_numbers, data.waiting, strict=True):
        assert len(waiting) == 10
        assert squash(f"Round {number} (10): " + ", ".join(n.full for n in waiting)) in text


def test_table_tents_carry_the_name_twice(planned: EventStore) -> None:
    with planned.read_session() as session:
        data = build_schedule(session)
    pages = pdf_pages(render_schedule(data, page="A4", parts=("tents",)))
    assert len(pages) == len(data.tables)
    for page, table in zip(pages, data.tables, strict=True):
        assert squash(page).count(squash(f"Table {table.number}")) == 2
        assert squash(page).count(squash(table.mentor_names)) == 2


def test_the_catalog_builds_every_schedule_kind_and_cancels(planned: EventStore) -> None:
    with planned.read_session() as session:
        for key in ("schedule", "master_grid", "table_rosters", "itineraries", "table_tents"):
            assert catalog.build(session, key, {"page_size": "Letter"}).startswith(b"%PDF")
        calls: list[tuple[int, int]] = []

        def cancel(done: int, total: int) -> None:
            calls.append((done, total))
            raise Cancelled

        with pytest.raises(Cancelled):
            catalog.build(session, "schedule", {"page_size": "A4"}, cancel)
        assert calls


def test_renders_at_four_hundred_people(store: EventStore, tmp_path: Path) -> None:
    add_people(store, [(f"Mentor{i}", f"Surname{i}") for i in range(60)],
               [(f"Person{i}", f"Family{i:03}") for i in range(340)])
    save_rotation(store, rounds=10, seats=3)
    with store.read_session() as session:
        data = build_schedule(session)
    pdf = render_schedule(data, page="A4")
    pages = pdf_pages(pdf)
    text = squash("".join(pages))
    assert all(squash(i.person.full) in text for i in data.itineraries)
    assert len(pdf) < 5_000_000
    assert render_pngs(pdf, tmp_path / "png", dpi=30, first=1, last=1)


def test_tent_top_half_is_the_bottom_half_upside_down(planned: EventStore, tmp_path: Path) -> None:
    from PIL import Image, ImageChops

    with planned.read_session() as session:
        pdf = catalog.build(session, "table_tents", {"page_size": "A4"})
    (png, *_rest) = render_pngs(pdf, tmp_path / "tent", dpi=72, first=1, last=1)  # 1 px = 1 pt
    page = Image.open(png).convert("L")
    width, height = page.size
    bottom = page.crop((0, height - height // 2, width, height))
    top = page.crop((0, 0, width, height // 2)).rotate(180)
    # Compared in 6-point blocks: rotated glyphs rasterise a little differently at their edges.
    small = (width // 6, height // 12)
    top_small, bottom_small = top.resize(small, Image.Resampling.BOX), bottom.resize(small, Image.Resampling.BOX)
    differing = ImageChops.difference(top_small, bottom_small).point(lambda v: 255 if v > 64 else 0).histogram()[255]
    inked = bottom_small.point(lambda v: 255 if v < 200 else 0).histogram()[255]
    assert inked > 100  # the face has text on it
    assert differing < inked * 0.1  # the same face, turned round (only the fold mark differs)


def test_waiting_spots_are_printed_on_cards_and_the_grid(store: EventStore) -> None:
    from mentordesk.services.flash.live import SessionSetup, plan_session

    add_people(store, MENTORS, MENTEES)
    with store.session() as session:
        plan_session(session, store.event_id, SessionSetup(4, 7, 90, 1, PlanMode.ROTATE))
    with store.read_session() as session:
        data = build_schedule(session)
    waiting = [(stop, itinerary.person) for itinerary in data.itineraries for stop in itinerary.stops
               if stop.waiting]
    assert waiting and all(stop.spot for stop, _ in waiting)
    cards = squash(" ".join(pdf_pages(render_schedule(data, page="A4", parts=("itineraries",)))))
    for stop, _person in waiting:
        said = f"wait {stop.spot}" if stop.spot.startswith("beside ") else f"wait at {stop.spot}"
        assert squash(said) in cards
    grid = squash(" ".join(pdf_pages(render_schedule(data, page="A4", parts=("grid",)))))
    assert squash("90-second changeover") in grid
    first_round = data.waiting[0]
    assert first_round and squash(f"{first_round[0].full} (") in grid
