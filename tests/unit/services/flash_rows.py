"""A flash session put straight into an event, for the round-clock tests (imported by them)."""

from __future__ import annotations

from mentordesk.models import FlashSession
from mentordesk.models.store import EventStore


def new_flash_session(store: EventStore, rounds: int = 6, minutes: int = 7, changeover_seconds: int = 60) -> int:
    """Add an unplanned flash session with this timing; return its id."""
    with store.session() as session:
        flash = FlashSession(event_id=store.event_id, round_count=rounds, round_minutes=minutes,
                             changeover_seconds=changeover_seconds)
        session.add(flash)
        session.flush()
        return flash.id
