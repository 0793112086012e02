"""Sign-in sheets for group sessions."""

from __future__ import annotations

from mentordesk.printing.catalog import OptionSpec
from mentordesk.printing.documents._shared import GROUP_OPTION, paged, register_paged, text_option
from mentordesk.printing.option_choices import group_session_choices
from mentordesk.printing.sign_in_data import build_sign_in_sheets
from mentordesk.printing.sign_in_pdf import render_sign_in

register_paged(
    key="sign_in_sheets",
    title="Sign-in sheets",
    description="Members of a group session in a fixed order with a signature column, a QR code each and "
                "blank rows for walk-ins.",
    build=paged(lambda session, options: build_sign_in_sheets(
        session, group=text_option(options, "group"), which=text_option(options, "session", "next"),
        blank_rows=int(options["blank_rows"])), render_sign_in),
    options=(
        GROUP_OPTION,
        OptionSpec("session", "Session", "text", default="next",
                   help="next (each group's next session), all, blank (undated), or a session number.",
                   choices_from=group_session_choices, choices_within="group"),
        OptionSpec("blank_rows", "Blank rows for walk-ins", "int", default=5, minimum=0, maximum=50),
    ),
    order=40,
)
