"""``mentordesk export badges`` and ``mentordesk export calibration``: badge PDFs on label stock.

Both build documents of the printing catalog (the same ones the Print & export page offers) and
write them with ``_pdf_output.write_pdf`` (never half a file).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from mentordesk.cli import (
    EXIT_OK,
    EXIT_USAGE,
    CommandError,
    arguments,
    command,
    event_target,
)
from mentordesk.commands._pdf_output import check_pdf_path, report_written, write_pdf


def _add_common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-o", "--output", required=True, metavar="OUT.pdf", help="where to write the PDF")
    parser.add_argument("--layout", metavar="NAME",
                        help="label stock, e.g. avery-5392, avery-l4785 (default: the one chosen in Preferences,"
                             " else by the paper size)")
    parser.add_argument("--printer", default="", metavar="NAME",
                        help="apply this printer's shift (Preferences ▸ Printing)")


def _build(args: argparse.Namespace, key: str, options: dict[str, Any]) -> Path:
    from mentordesk.models.store import EventStore
    from mentordesk.printing import catalog, labels

    if args.layout:
        try:
            options["layout"] = labels.stock(args.layout).key
        except labels.UnknownStock as exc:
            raise CommandError(str(exc), EXIT_USAGE) from None
    options["printer"] = args.printer
    path = Path(args.output).expanduser()
    with EventStore.open(event_target(args)) as store, store.read_session() as session:
        event = store.path
        check_pdf_path(path, event)
        try:
            pdf = catalog.build(session, key, options)
        except catalog.DocumentError as exc:
            raise CommandError(str(exc)) from None
    write_pdf(path, pdf, event)
    return path


def _add_badges(parser: argparse.ArgumentParser) -> None:
    _add_common(parser)
    parser.add_argument("--checked-in", action="store_true", help="only people who have checked in")
    parser.add_argument("--back", action="store_true",
                        help="add each sheet's back side with the itinerary (for duplex printing)")
    parser.add_argument("--role", choices=["mentor", "mentee", "facilitator"], help="only people with this role")


@command("badges", "name badges with check-in QR codes on label stock, as a PDF", group="export")
@arguments(_add_badges)
def _cmd_export_badges(args: argparse.Namespace) -> int:
    options: dict[str, Any] = {"checked_in": bool(args.checked_in), "back": bool(args.back),
                               "role": args.role or "all"}
    report_written(_build(args, "badges", options), "badges")
    return EXIT_OK


@command("calibration", "a calibration page for a label stock (cell outlines and rulers), as a PDF; no event needed",
         group="export")
@arguments(_add_common)
def _cmd_export_calibration(args: argparse.Namespace) -> int:
    # No event needed: the page depends only on the stock and the printer's offsets.
    from mentordesk.printing import labels
    from mentordesk.printing.badges_pdf import render_calibration

    try:
        stock = labels.stock(args.layout or labels.preferred_stock_key())
    except labels.UnknownStock as exc:
        raise CommandError(str(exc), EXIT_USAGE) from None
    path = Path(args.output).expanduser()
    check_pdf_path(path, None)
    write_pdf(path, render_calibration(stock, labels.printer_offset(args.printer)))
    print(f"Wrote the calibration page to {path}")
    return EXIT_OK
