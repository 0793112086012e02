"""The Check-in page (not built yet): what it will do, in the words of the product brief."""

from __future__ import annotations

from mentordesk.ui.widgets.placeholder import PlaceholderPage


class CheckinPage(PlaceholderPage):
    key = "checkin"
    title = "Check-in"
    subtitle = "Welcome people at the desk as they arrive."
    plans = (
        "Check people in from one always-focused field: a barcode scanner (with or without Enter), "
        "a typed badge code, or a name — “zoe” finds “Zoë”.",
        "Confirm with one key, undo a mistake, check someone out, and get a warning on a duplicate scan.",
        "See live arrival counts; every check-in records the station and goes into an append-only log.",
        "Add walk-ins and print their badge on the spot.",
        "Run a self check-in kiosk (full screen, PIN to leave) and check people in afterwards from a paper list.",
    )
