"""The Flash rounds page (not built yet): what it will do, in the words of the product brief."""

from __future__ import annotations

from mentordesk.ui.widgets.placeholder import PlaceholderPage


class FlashPage(PlaceholderPage):
    key = "flash"
    title = "Flash rounds"
    subtitle = "Timed speed-mentoring rotations for the people who actually arrived."
    plans = (
        "Plan the rounds two ways: rotate (everyone moves one table on) or match (most meetings, "
        "requested mentors honoured, topic overlap, no-go pairs respected).",
        "Seat one to three mentees per table and handle uneven numbers fairly.",
        "Run the rounds from a console — start, pause, resume, +1 minute, skip, end — "
        "with a clock that survives a crash or restart, and chimes at one minute left and at the end.",
        "Show a countdown and where everybody goes next on a projector, readable from the back of the hall.",
        "Re-plan the remaining rounds in one click when someone arrives late or leaves early.",
    )
