"""Schedule documents from the saved flash plan: the whole schedule, or one part of it alone."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy.orm import Session

from mentordesk.printing.catalog import (
    PAGE_SIZE_OPTION,
    DocumentKind,
    OptionSpec,
    Progress,
    register,
)
from mentordesk.printing.option_choices import flash_session_choices
from mentordesk.printing.schedule_data import build_schedule
from mentordesk.printing.schedule_pdf import render_schedule

FLASH_SESSION_OPTION = OptionSpec(
    "flash_session", "Flash session", "int", default=0, minimum=0, maximum=10**9,
    help="Which planned rotation (its number); 0 means the most recently planned one.",
    choices_from=flash_session_choices,
)

_PART_OPTIONS = (
    OptionSpec("grid", "Master grid (rounds × tables)", "bool", default=True),
    OptionSpec("rosters", "A roster sheet per table", "bool", default=True),
    OptionSpec("itineraries", "An itinerary card per mentee", "bool", default=True),
    OptionSpec("tents", "Table tents", "bool", default=False),
)


def _build(parts: tuple[str, ...] | None = None):  # type: ignore[no-untyped-def]
    def build(session: Session, options: Mapping[str, Any], progress: Progress) -> bytes:
        chosen = parts or tuple(key for key in ("grid", "rosters", "itineraries", "tents") if options.get(key))
        data = build_schedule(session, int(options.get("flash_session") or 0) or None)
        return render_schedule(data, page=options["page_size"], parts=chosen or ("grid",), progress=progress)

    return build


register(DocumentKind(
    key="schedule",
    title="Flash schedule",
    description="Master grid, table rosters and itinerary cards (and table tents) of the planned rotation.",
    build=_build(),
    options=(PAGE_SIZE_OPTION, FLASH_SESSION_OPTION, *_PART_OPTIONS),
    file_stem="schedule",
    order=20,
))
register(DocumentKind(
    key="master_grid",
    title="Master grid",
    description="Rounds × tables with every name, for the facilitator's clipboard and the wall.",
    build=_build(("grid",)),
    options=(PAGE_SIZE_OPTION, FLASH_SESSION_OPTION),
    file_stem="master-grid",
    order=21,
))
register(DocumentKind(
    key="table_rosters",
    title="Table rosters",
    description="A sheet per table for its mentor: each round's mentees and room for notes.",
    build=_build(("rosters",)),
    options=(PAGE_SIZE_OPTION, FLASH_SESSION_OPTION),
    file_stem="table-rosters",
    order=22,
))
register(DocumentKind(
    key="itineraries",
    title="Itinerary cards",
    description="A pocket card per mentee with their table in every round, several to a page with cut lines.",
    build=_build(("itineraries",)),
    options=(PAGE_SIZE_OPTION, FLASH_SESSION_OPTION),
    file_stem="itineraries",
    order=23,
))
register(DocumentKind(
    key="table_tents",
    title="Table tents",
    description="Table number and mentor name, folded to read from both sides.",
    build=_build(("tents",)),
    options=(PAGE_SIZE_OPTION, FLASH_SESSION_OPTION),
    file_stem="table-tents",
    order=24,
))
