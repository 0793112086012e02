"""``mentordesk export schedule | summary | document KEY``: print-ready PDFs from the command line.

Each command builds a document of the printing catalog (the same list the Print & export page
shows) and writes it with ``_pdf_output.write_pdf`` (never half a PDF).
"""

from __future__ import annotations

import argparse
import sys
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

NO_PLAN_HINT = ("no rotation has been planned for this event yet; plan and save one first: "
                "mentordesk flash plan --event FILE --rounds R --minutes M --json OUT --save")


def _add_common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-o", "--output", required=True, metavar="OUT.pdf", help="where to write the PDF")
    parser.add_argument("--page-size", choices=["A4", "Letter"],
                        help="paper size (default: the one chosen in Preferences, else from the system locale)")


def _parse_option(text: str) -> tuple[str, str]:
    key, sep, value = text.partition("=")
    if not sep or not key.strip():
        raise argparse.ArgumentTypeError(f"{text!r} is not KEY=VALUE")
    return key.strip(), value


def _coerce(kind: str, key: str, value: str) -> Any:
    if kind == "bool":
        lowered = value.strip().lower()
        if lowered in {"1", "true", "yes", "on"}:
            return True
        if lowered in {"0", "false", "no", "off"}:
            return False
        raise CommandError(f"option {key} takes yes or no, not {value!r}", EXIT_USAGE)
    if kind == "int":
        try:
            return int(value)
        except ValueError:
            raise CommandError(f"option {key} takes a whole number, not {value!r}", EXIT_USAGE) from None
    return value


def export(args: argparse.Namespace, key: str, options: dict[str, Any]) -> Path:
    """Build document ``key`` for the event and write it to ``args.output``; returns the path."""
    from mentordesk.models.store import EventStore
    from mentordesk.printing import catalog

    if getattr(args, "page_size", None):
        options[catalog.PAGE_SIZE_KEY] = args.page_size
    target = event_target(args)
    path = Path(args.output).expanduser()
    with EventStore.open(target) as store, store.read_session() as session:
        event = store.path
        check_pdf_path(path, event)
        try:
            kind = catalog.get(key)
            known = {option.key: option for option in kind.options}
            for name, value in list(options.items()):
                if name in known and isinstance(value, str):
                    options[name] = _coerce(known[name].kind, name, value)
            pdf = catalog.build(session, key, options)
        except catalog.DocumentError as exc:
            message = str(exc)
            if message.startswith("no rotation has been planned"):
                message = NO_PLAN_HINT
            raise CommandError(message) from None
    write_pdf(path, pdf, event)
    return path


def _add_schedule(parser: argparse.ArgumentParser) -> None:
    _add_common(parser)
    parser.add_argument("--tents", action="store_true", help="also print table tents")
    parser.add_argument("--flash-session", type=int, default=0, metavar="N",
                        help="which planned rotation (default: the current one, as on the Flash page)")


@command("schedule", "master grid, table rosters and itineraries of the planned rotation as a PDF", group="export")
@arguments(_add_schedule)
def _cmd_export_schedule(args: argparse.Namespace) -> int:
    options: dict[str, Any] = {"flash_session": args.flash_session, "tents": bool(args.tents)}
    report_written(export(args, "schedule", options), "the schedule")
    return EXIT_OK


@command("summary", "the event summary report as a PDF", group="export")
@arguments(_add_common)
def _cmd_export_summary(args: argparse.Namespace) -> int:
    report_written(export(args, "summary", {}), "the event summary")
    return EXIT_OK


def _add_document(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("key", metavar="KEY", help="document to make (see --list)", nargs="?")
    parser.add_argument("-o", "--output", metavar="OUT.pdf", help="where to write the PDF")
    parser.add_argument("--page-size", choices=["A4", "Letter"],
                        help="paper size (default: the one chosen in Preferences, else from the system locale)")
    parser.add_argument("--option", action="append", type=_parse_option, default=[], metavar="KEY=VALUE",
                        help="a document option, e.g. --option group='Robotics Circle' (repeatable)")
    parser.add_argument("--list", action="store_true", help="list the documents and their options")


@command("document", "any printable document by its key, with its options", group="export")
@arguments(_add_document)
def _cmd_export_document(args: argparse.Namespace) -> int:
    from mentordesk.printing import catalog

    if args.list or not args.key:
        for kind in catalog.documents():
            options = ", ".join(f"{o.key} ({'choice from the event' if o.choices_from else o.kind})"
                                for o in kind.options)
            print(f"{kind.key:<16} {kind.title}: {options}")
        return EXIT_OK
    if not args.output:
        raise CommandError("say where to write the PDF with -o OUT.pdf", EXIT_USAGE)
    try:
        kind = catalog.get(args.key)
    except catalog.DocumentError as exc:
        raise CommandError(str(exc), EXIT_USAGE) from None
    report_written(export(args, args.key, dict(args.option)), kind.title.lower())
    return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit("run through the mentordesk command")
