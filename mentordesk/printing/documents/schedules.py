"""Schedule documents from the saved flash plan: the whole schedule, or one part of it alone."""

from __future__ import annotations

from mentordesk.printing.catalog import OptionSpec
from mentordesk.printing.documents._shared import Build, Options, paged, register_paged
from mentordesk.printing.option_choices import flash_session_choices
from mentordesk.printing.schedule_data import build_schedule
from mentordesk.printing.schedule_pdf import render_schedule

FLASH_SESSION_OPTION = OptionSpec(
    "flash_session", "Flash session", "int", default=0, minimum=0, maximum=10**9,
    help="Which planned rotation (its number); 0 means the current one (the one the Flash page shows).",
    choices_from=flash_session_choices,
)

_PART_OPTIONS = (
    OptionSpec("grid", "Master grid (rounds × tables)", "bool", default=True),
    OptionSpec("rosters", "A roster sheet per table", "bool", default=True),
    OptionSpec("itineraries", "An itinerary card per mentee", "bool", default=True),
    OptionSpec("tents", "Table tents", "bool", default=False),
)


def _build(parts: tuple[str, ...] | None = None) -> Build:
    """The whole schedule with the parts ticked in the options, or just ``parts``."""

    def render_options(options: Options) -> dict[str, tuple[str, ...]]:
        chosen = parts or tuple(key for key in ("grid", "rosters", "itineraries", "tents") if options.get(key))
        return {"parts": chosen or ("grid",)}

    return paged(lambda session, options: build_schedule(session, int(options.get("flash_session") or 0) or None),
                 render_schedule, render_options)


register_paged(
    key="schedule",
    title="Flash schedule",
    description="Master grid, table rosters and itinerary cards (and table tents) of the planned rotation.",
    build=_build(),
    options=(FLASH_SESSION_OPTION, *_PART_OPTIONS),
    order=20,
)
# Each part alone, in page order after the whole schedule: (part, key, title, description).
_SINGLE_PARTS = (
    ("grid", "master_grid", "Master grid",
     "Rounds × tables with every name, for the facilitator's clipboard and the wall."),
    ("rosters", "table_rosters", "Table rosters",
     "A sheet per table for its mentor: each round's mentees and room for notes."),
    ("itineraries", "itineraries", "Itinerary cards",
     "A pocket card per mentee with their table in every round, several to a page with cut lines."),
    ("tents", "table_tents", "Table tents",
     "Table number and mentor name, folded to read from both sides."),
)
for _order, (_part, _key, _title, _description) in enumerate(_SINGLE_PARTS, start=21):
    register_paged(key=_key, title=_title, description=_description, build=_build((_part,)),
                   options=(FLASH_SESSION_OPTION,), order=_order)
