"""Badge documents: the badges themselves and the calibration page of each label stock."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy.orm import Session

from mentordesk.models import Role
from mentordesk.printing import labels
from mentordesk.printing.badge_data import build_badges
from mentordesk.printing.badges_pdf import render_badges, render_calibration
from mentordesk.printing.catalog import (
    Choice,
    DocumentError,
    DocumentKind,
    OptionSpec,
    Progress,
    register,
)

LAYOUT_OPTION = OptionSpec(
    "layout",
    "Label stock",
    "choice",
    default=None,
    choices=tuple(Choice(stock.key, stock.title) for stock in labels.STOCKS),
    help="The sheet or roll the badges are printed on (default: the one chosen in Preferences); print the"
         " calibration page once per new pack.",
    default_from=labels.preferred_stock_key,
)
PRINTER_OPTION = OptionSpec(
    "printer",
    "Printer (for its offsets)",
    "text",
    default="",
    help="Name of the printer whose shift (Preferences ▸ Printing) to apply; empty: the one for any printer.",
)
ROLE_OPTION = OptionSpec(
    "role",
    "Who",
    "choice",
    default="all",
    choices=(Choice("all", "Everyone"), Choice(Role.MENTOR.value, "Mentors"), Choice(Role.MENTEE.value, "Mentees"),
             Choice(Role.FACILITATOR.value, "Facilitators")),
)


def _stock(options: Mapping[str, Any]) -> labels.LabelStock:
    try:
        return labels.stock(str(options.get("layout") or labels.preferred_stock_key()))
    except labels.UnknownStock as exc:
        raise DocumentError(str(exc)) from None


def _offset(options: Mapping[str, Any]) -> tuple[float, float]:
    return labels.printer_offset(str(options.get("printer") or ""))


def build_badges_pdf(session: Session, options: Mapping[str, Any], progress: Progress) -> bytes:
    role = str(options.get("role") or "all")
    roles = None if role == "all" else [Role(role)]
    ids = options.get("person_ids")
    data = build_badges(
        session,
        checked_in_only=bool(options.get("checked_in")),
        roles=roles,
        person_ids=[int(i) for i in str(ids).split(",") if i.strip()] if ids else None,
        with_itinerary=bool(options.get("back")),
    )
    if not data.badges:
        raise DocumentError("nobody to print a badge for (no one matches the chosen options)")
    return render_badges(data, _stock(options), back=bool(options.get("back")), offset=_offset(options),
                         progress=progress)


def build_calibration_pdf(session: Session, options: Mapping[str, Any], progress: Progress) -> bytes:
    progress(0, 1)
    pdf = render_calibration(_stock(options), _offset(options))
    progress(1, 1)
    return pdf


register(DocumentKind(
    key="badges",
    title="Badges",
    description=(
        "Name badges with a QR code for check-in, on the label stock you bought; optional itinerary on the back."
    ),
    build=build_badges_pdf,
    options=(
        LAYOUT_OPTION,
        OptionSpec("checked_in", "Only people who have checked in", "bool", default=False),
        ROLE_OPTION,
        OptionSpec("back", "Itinerary on the back (duplex)", "bool", default=False,
                   help="Each sheet is followed by its back side, columns mirrored for long-edge duplex."),
        PRINTER_OPTION,
        OptionSpec("person_ids", "People (ids, comma-separated)", "text", default="",
                   help="Only these people, e.g. a walk-in's badge from the check-in screen; empty: everyone."),
    ),
    file_stem="badges",
    order=10,
    # person_ids is for the check-in desk's "print badge" (one walk-in); forms need not show it.
    extra={"hidden_options": ("person_ids",)},
))
register(DocumentKind(
    key="calibration",
    title="Badge calibration page",
    description="Outlines of every label and rulers in mm and inches: print on plain paper and hold against the stock.",
    build=build_calibration_pdf,
    options=(LAYOUT_OPTION, PRINTER_OPTION),
    file_stem="calibration",
    order=11,
))
