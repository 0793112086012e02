"""``mentordesk export table KIND --event F -o OUT.csv|OUT.xlsx`` and ``export table --list``.

The event's data as a spreadsheet, the same tables as the Print & export page's *Spreadsheets*
(``services/table_exports``); the format follows the file's ending. Whatever goes wrong is one
line and a non-zero exit: an unknown kind or file ending (2, a usage error), an output refused
or not writable (1).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from mentordesk.cli import EXIT_OK, EXIT_USAGE, CommandError, arguments, command, event_target


def _add_table(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("kind", metavar="KIND", nargs="?", help="which table (see --list)")
    parser.add_argument("-o", "--output", metavar="OUT.csv|OUT.xlsx",
                        help="where to write it; .csv (UTF-8 with BOM) or .xlsx by the ending")
    parser.add_argument("--list", action="store_true", help="list the tables, one per line")


@command("table", "the event's data as a spreadsheet (CSV or XLSX): people, check-ins, attendance, meetings, "
         "feedback, goals, follow-ups", group="export")
@arguments(_add_table)
def _cmd_export_table(args: argparse.Namespace) -> int:
    from mentordesk.services import table_exports

    if args.list:
        for kind in table_exports.kinds():
            print(f"{kind.key:<11} {kind.description}")
        return EXIT_OK
    if not args.kind:
        raise CommandError("say which table to export, e.g. 'export table people' (see 'export table --list')",
                           EXIT_USAGE)
    try:
        kind = table_exports.get_kind(args.kind)
        if not args.output:
            raise CommandError("say where to write the table with -o OUT.csv or -o OUT.xlsx", EXIT_USAGE)
        table_exports.format_of(args.output)
    except table_exports.TableExportError as exc:
        raise CommandError(str(exc), EXIT_USAGE) from None

    from mentordesk.models.store import EventStore

    with EventStore.open(event_target(args)) as store, store.read_session() as session:
        exported = table_exports.export_table(session, store.event_id, kind.key, Path(args.output))
    rows = len(exported.table.rows)
    print(f"Wrote {kind.name.lower()} ({rows} row{'s' if rows != 1 else ''}) to {exported.path}")
    for note in exported.table.notes:
        print(f"note: {note}", file=sys.stderr)
    return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit("run through the mentordesk command")
