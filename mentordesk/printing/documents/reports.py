"""Report documents: the event summary, the group program report and the take-home sheets."""

from __future__ import annotations

from mentordesk.printing.catalog import OptionSpec
from mentordesk.printing.documents._shared import GROUP_OPTION, paged, register_paged, text_option
from mentordesk.printing.group_report_data import build_group_report
from mentordesk.printing.option_choices import take_home_mentee_choices
from mentordesk.printing.reports_pdf import render_group_report, render_take_home
from mentordesk.printing.summary_data import build_summary
from mentordesk.printing.summary_pdf import render_summary
from mentordesk.printing.take_home_data import build_take_home

register_paged(
    key="summary",
    title="Event summary",
    description="Headline figures, arrivals and ratings charts, mutual follow-ups and the table of meetings.",
    build=paged(lambda session, _options: build_summary(session), render_summary,
                lambda options: {"include_meetings": bool(options["meetings"])}),
    options=(OptionSpec("meetings", "Include the table of meetings", "bool", default=True),),
    file_stem="event-summary",
    order=60,
)
register_paged(
    key="group_report",
    title="Group program report",
    description="Attendance rate per group and member, goals and their progress.",
    build=paged(lambda session, options: build_group_report(session, group=text_option(options, "group")),
                render_group_report),
    options=(GROUP_OPTION,),
    order=61,
)
register_paged(
    key="take_home",
    title="Take-home sheets",
    description="A page per mentee: whom they met, mentors' contact where they agreed to share it, follow-ups, goals.",
    build=paged(lambda session, options: build_take_home(session, person=text_option(options, "person")),
                render_take_home),
    options=(OptionSpec("person", "Mentee", "text", default="", help="A mentee's full name or number; empty for all.",
                        choices_from=take_home_mentee_choices),),
    order=62,
)
