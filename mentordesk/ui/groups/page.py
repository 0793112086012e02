"""The Groups page (not built yet): what it will do, in the words of the product brief."""

from __future__ import annotations

from mentordesk.ui.widgets.placeholder import PlaceholderPage


class GroupsPage(PlaceholderPage):
    key = "groups"
    title = "Groups"
    subtitle = "Group mentoring programmes that meet over weeks or a term."
    plans = (
        "Form groups, one-on-one pairs, peer circles and reverse-mentoring pairs, by hand or "
        "balanced automatically by interests and grade.",
        "Schedule sessions, including recurring ones, and export them as iCalendar for mentors’ calendars.",
        "Take attendance in seconds (present, late, absent, excused), or from a scanned sign-in sheet.",
        "Keep notes and goals for each member and follow their progress.",
        "Produce a report per group and per student at the end of the term.",
    )
