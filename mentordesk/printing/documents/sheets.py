"""Sign-in sheets for group sessions."""

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
from mentordesk.printing.option_choices import group_choices, group_session_choices
from mentordesk.printing.sign_in_data import build_sign_in_sheets
from mentordesk.printing.sign_in_pdf import render_sign_in


def _build(session: Session, options: Mapping[str, Any], progress: Progress) -> bytes:
    data = build_sign_in_sheets(session, group=str(options["group"] or ""), which=str(options["session"] or "next"),
                                blank_rows=int(options["blank_rows"]))
    return render_sign_in(data, page=options["page_size"], progress=progress)


register(DocumentKind(
    key="sign_in_sheets",
    title="Sign-in sheets",
    description="Members of a group session in a fixed order with a signature column, a QR code each and "
                "blank rows for walk-ins.",
    build=_build,
    options=(
        PAGE_SIZE_OPTION,
        OptionSpec("group", "Group", "text", default="", help="A group's name or number; empty for every group.",
                   choices_from=group_choices),
        OptionSpec("session", "Session", "text", default="next",
                   help="next (each group's next session), all, blank (undated), or a session number.",
                   choices_from=group_session_choices, choices_within="group"),
        OptionSpec("blank_rows", "Blank rows for walk-ins", "int", default=5, minimum=0, maximum=50),
    ),
    file_stem="sign-in-sheets",
    order=40,
))
