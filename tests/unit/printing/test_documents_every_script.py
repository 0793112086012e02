"""Every schedule, sheet and report of the demo event (names in a dozen scripts) prints every name
in full: no placeholder glyph, and each name extracted back from the page."""

from __future__ import annotations

import pytest
from paper_fixtures import pdf_pages, save_rotation, squash
from sqlalchemy import select

from mentordesk.models import Person
from mentordesk.models.store import EventStore
from mentordesk.printing import catalog, fonts
from mentordesk.printing.fonts import PLACEHOLDER

KINDS = ("schedule", "table_tents", "sign_in_sheets", "summary", "group_report", "take_home")


@pytest.fixture
def demo_planned(demo_store: EventStore) -> EventStore:
    save_rotation(demo_store, rounds=6, seats=2)
    return demo_store


@pytest.mark.parametrize("key", KINDS)
def test_no_missing_glyphs_in_any_document(demo_planned: EventStore, key: str) -> None:
    with demo_planned.read_session() as session:
        options = {"page_size": "A4", "session": "all"} if key == "sign_in_sheets" else {"page_size": "A4"}
        pages = pdf_pages(catalog.build(session, key, options))
        names = [p.full_name for p in session.scalars(select(Person))]
    assert all(not fonts.missing_glyphs(name) for name in names)
    text = "".join(pages)
    assert PLACEHOLDER not in text


def test_itineraries_name_every_mentee_in_every_script(demo_planned: EventStore) -> None:
    from mentordesk.printing.schedule_data import build_schedule

    with demo_planned.read_session() as session:
        data = build_schedule(session)
        text = squash("".join(pdf_pages(catalog.build(session, "itineraries", {"page_size": "Letter"}))))
    scripts = {name for i in data.itineraries for name in [i.person.full]}
    assert any("\u0590" <= ch <= "\u06ff" for name in scripts for ch in name)  # Hebrew/Arabic present
    for itinerary in data.itineraries:
        assert squash(itinerary.person.full) in text
