"""Report documents: the event summary, the group program report and the take-home sheets."""

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
from mentordesk.printing.group_report_data import build_group_report
from mentordesk.printing.option_choices import group_choices, take_home_mentee_choices
from mentordesk.printing.reports_pdf import render_group_report, render_take_home
from mentordesk.printing.summary_data import build_summary
from mentordesk.printing.summary_pdf import render_summary
from mentordesk.printing.take_home_data import build_take_home


def _summary(session: Session, options: Mapping[str, Any], progress: Progress) -> bytes:
    data = build_summary(session)
    return render_summary(data, page=options["page_size"], include_meetings=bool(options["meetings"]),
                          progress=progress)


register(DocumentKind(
    key="summary",
    title="Event summary",
    description="Headline figures, arrivals and ratings charts, mutual follow-ups and the table of meetings.",
    build=_summary,
    options=(PAGE_SIZE_OPTION,
             OptionSpec("meetings", "Include the table of meetings", "bool", default=True)),
    file_stem="event-summary",
    order=60,
))


def _group_report(session: Session, options: Mapping[str, Any], progress: Progress) -> bytes:
    data = build_group_report(session, group=str(options["group"] or ""))
    return render_group_report(data, page=options["page_size"], progress=progress)


register(DocumentKind(
    key="group_report",
    title="Group program report",
    description="Attendance rate per group and member, goals and their progress.",
    build=_group_report,
    options=(PAGE_SIZE_OPTION,
             OptionSpec("group", "Group", "text", default="", help="A group's name or number; empty for every group.",
                        choices_from=group_choices)),
    file_stem="group-report",
    order=61,
))


def _take_home(session: Session, options: Mapping[str, Any], progress: Progress) -> bytes:
    data = build_take_home(session, person=str(options["person"] or ""))
    return render_take_home(data, page=options["page_size"], progress=progress)


register(DocumentKind(
    key="take_home",
    title="Take-home sheets",
    description="A page per mentee: whom they met, mentors' contact where they agreed to share it, follow-ups, goals.",
    build=_take_home,
    options=(PAGE_SIZE_OPTION,
             OptionSpec("person", "Mentee", "text", default="", help="A mentee's full name or number; empty for all.",
                        choices_from=take_home_mentee_choices)),
    file_stem="take-home",
    order=62,
))
