"""The ``mentordesk`` command.

With no sub-command it opens the desktop app. Sub-commands run headless, for scripting and
automated checks, and never import Qt. Every failure is one line on stderr and a non-zero exit,
never a traceback (unexpected errors are logged in full to the log file instead).

Sub-commands plug in through ``@command``: a function that receives the parsed arguments and
returns an exit code, plus a function that adds its arguments to its parser.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import NoReturn

from mentordesk import APP_NAME, __version__

PROG = "mentordesk"
EVENT_ENV = "MENTORDESK_EVENT"

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_USAGE = 2


class CommandError(Exception):
    """A failure to report as one line, with its exit code."""

    def __init__(self, message: str, exit_code: int = EXIT_FAILURE) -> None:
        super().__init__(message)
        self.exit_code = exit_code


@dataclass(frozen=True)
class Command:
    name: str
    help: str
    add_arguments: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace], int]
    #: Nested sub-commands (``flash plan``, ``export badges`` …) are registered under a group.
    group: str | None = None


_COMMANDS: list[Command] = []
_GROUP_HELP: dict[str, str] = {}


def command(
    name: str, help: str, group: str | None = None
) -> Callable[[Callable[[argparse.Namespace], int]], Callable[[argparse.Namespace], int]]:
    """Register a sub-command; the decorated function's ``arguments`` attribute adds its options."""

    def register(func: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
        add = getattr(func, "arguments", lambda _parser: None)
        _COMMANDS.append(Command(name=name, help=help, add_arguments=add, run=func, group=group))
        return func

    return register


def arguments(adder: Callable[[argparse.ArgumentParser], object]) -> Callable[[Callable[..., int]], Callable[..., int]]:
    def attach(func: Callable[..., int]) -> Callable[..., int]:
        func.arguments = adder  # type: ignore[attr-defined]
        return func

    return attach


# --------------------------------------------------------------------------- parsing


class _Parser(argparse.ArgumentParser):
    """argparse that reports usage errors as one line (plus the usage hint) and exits 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n(see '{self.prog} --help')\n")


def _add_event_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--event",
        metavar="PATH_OR_URL",
        default=argparse.SUPPRESS,
        help=f"event file (*.mentordesk) or database URL; default: ${EVENT_ENV}",
    )


def _load_command_modules() -> None:
    """Import every module of ``mentordesk.commands``: each registers its commands with ``@command``.

    Command families (export, groups …) live in their own modules so that this file stays the
    small core of parsing and error reporting.
    """
    import importlib
    import pkgutil

    from mentordesk import commands

    for info in pkgutil.iter_modules(commands.__path__):
        importlib.import_module(f"{commands.__name__}.{info.name}")


def build_parser() -> argparse.ArgumentParser:
    _load_command_modules()
    parser = _Parser(
        prog=PROG,
        description=f"{APP_NAME} runs mentoring events offline. Without a command, it opens the app.",
        epilog=f"The event can also be named by the {EVENT_ENV} environment variable.",
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    _add_event_option(parser)
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    groups: dict[str, argparse._SubParsersAction[_Parser]] = {}
    for cmd in _COMMANDS:
        if cmd.group is None:
            target = subparsers
        else:
            if cmd.group not in groups:
                group_parser = subparsers.add_parser(cmd.group, help=_GROUP_HELP.get(cmd.group, ""))
                groups[cmd.group] = group_parser.add_subparsers(
                    dest="subcommand", metavar="COMMAND", parser_class=_Parser, required=True
                )
            target = groups[cmd.group]
        sub = target.add_parser(cmd.name, help=cmd.help, description=cmd.help)
        _add_event_option(sub)
        cmd.add_arguments(sub)
        sub.set_defaults(handler=cmd.run)
    return parser


def event_target(args: argparse.Namespace) -> str:
    target = getattr(args, "event", None) or os.environ.get(EVENT_ENV, "").strip()
    if not target:
        raise CommandError(f"no event given: use --event FILE or set {EVENT_ENV}", EXIT_USAGE)
    return target


def _parse_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date in the form YYYY-MM-DD") from None


# --------------------------------------------------------------------------- commands


@command("init", "create a new event file")
@arguments(
    lambda p: (
        p.add_argument("--name", required=True, help="the event's name"),
        p.add_argument("--date", type=_parse_date, metavar="YYYY-MM-DD", help="the day of the event"),
        p.add_argument("--venue", default="", help="where it takes place"),
    )
)
def _cmd_init(args: argparse.Namespace) -> int:
    from mentordesk.models.store import EventStore

    with EventStore.create(event_target(args), name=args.name, starts_on=args.date, venue=args.venue) as store:
        print(f"Created event {args.name!r} in {store.display_name}")
    return EXIT_OK


@command("demo", "create a demo event with realistic sample people and groups")
def _cmd_demo(args: argparse.Namespace) -> int:
    from mentordesk.services.demo import create_demo_event

    target = event_target(args)
    summary = create_demo_event(target)
    print(summary.describe())
    return EXIT_OK


@command("people", "list the event's people")
@arguments(lambda p: p.add_argument("--json", action="store_true", help="print a JSON list (the documented contract)"))
def _cmd_people(args: argparse.Namespace) -> int:
    from mentordesk.models.store import EventStore
    from mentordesk.services.people import list_people

    with EventStore.open(event_target(args)) as store, store.read_session() as session:
        rows = list_people(session, store.event_id)
    if args.json:
        json.dump([row.to_json() for row in rows], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return EXIT_OK
    if not rows:
        print("No people yet.")
        return EXIT_OK
    name_width = min(40, max(len(r.full_name) for r in rows))
    for row in rows:
        arrived = "arrived" if row.checked_in else ""
        name = row.full_name[:name_width]
        print(f"{row.id:>5}  {name:<{name_width}}  {row.role.value:<11}  {row.badge_code}  {arrived}")
    arrived_count = sum(r.checked_in for r in rows)
    print(f"{len(rows)} people, {arrived_count} arrived")
    return EXIT_OK


def _add_import_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help="CSV or XLSX attendee export")
    parser.add_argument("--role", choices=["mentor", "mentee", "facilitator"],
                        help="role for every row of the file (otherwise read from a role or ticket-type column)")


@command("import", "import people from a CSV or XLSX attendee export")
@arguments(_add_import_arguments)
def _cmd_import(args: argparse.Namespace) -> int:
    from pathlib import Path

    from mentordesk.models import Role
    from mentordesk.models.store import EventStore
    from mentordesk.services.importing import ImportFileError, import_file

    path = Path(args.file)
    role = Role(args.role) if args.role else None
    with EventStore.open(event_target(args)) as store:
        try:
            with store.session() as session:
                summary = import_file(session, store.event_id, path, role=role)
        except ImportFileError as exc:
            raise CommandError(str(exc)) from None
    print(summary.describe())
    for line in summary.problem_lines():
        print(line, file=sys.stderr)
    return EXIT_OK


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r} must be 1 or more")
    return value


def _add_flash_plan_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--rounds", type=_positive_int, required=True, help="number of rounds")
    parser.add_argument("--minutes", type=_positive_int, required=True, help="minutes per round")
    parser.add_argument("--seats", type=_positive_int, default=1, help="mentees per table, 1 to 3 (default 1)")
    parser.add_argument("--mode", choices=["rotate", "match"],
                        help="rotate: everyone moves one table on; match: optimal meetings "
                             "(default: match when anyone requested mentors, else rotate)")
    parser.add_argument("--json", dest="json_out", metavar="OUT", required=True,
                        help="where to write the rotation JSON")
    parser.add_argument("--save", action="store_true", help="also store the plan in the event as a new flash session")
    parser.add_argument("--changeover", type=int, metavar="SECONDS",
                        help="changeover between rounds in seconds, 0 to 3600, stored with --save (default 60)")


_GROUP_HELP["flash"] = "flash (speed) mentoring rotations"
_GROUP_HELP["export"] = "print-ready PDFs (badges, schedules, reports), calendar files and spreadsheets"


@command("plan", "plan a rotation for the checked-in people and write it as JSON", group="flash")
@arguments(_add_flash_plan_arguments)
def _cmd_flash_plan(args: argparse.Namespace) -> int:
    from mentordesk.models.store import EventStore
    from mentordesk.services.flash import PlanError, plan_to_json_file

    with EventStore.open(event_target(args)) as store:
        try:
            result = plan_to_json_file(store, rounds=args.rounds, minutes=args.minutes, seats=args.seats,
                                       mode=args.mode, out_path=args.json_out, save=args.save,
                                       changeover_seconds=args.changeover)
        except PlanError as exc:
            raise CommandError(str(exc)) from None
    print(result.stats.describe())
    for warning in result.stats.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    return EXIT_OK


def _add_checkin_arguments(parser: argparse.ArgumentParser) -> None:
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("code", nargs="?", help="badge QR payload, badge code or e-mail address")
    source.add_argument("--stdin", action="store_true", help="read one code per line; answer OK <id> or ERR <reason>")
    parser.add_argument("--station", help="station name recorded with the check-in (default: the setting)")


@command("checkin", "check people in by badge code, QR payload or e-mail")
@arguments(_add_checkin_arguments)
def _cmd_checkin(args: argparse.Namespace) -> int:
    from mentordesk.models import CheckinMethod
    from mentordesk.models.store import EventStore
    from mentordesk.services.desk import Outcome, check_in_input, person_card
    from mentordesk.settings import STATION_NAME, Settings

    station = args.station or Settings().get(STATION_NAME)
    with EventStore.open(event_target(args)) as store:

        def one(code: str) -> tuple[Outcome, str, int | None]:
            # Each check-in is its own transaction: committed (and, with synchronous=FULL,
            # on disk) before anything is printed about it.
            with store.session() as session:
                result = check_in_input(session, store.event_id, code, station=station, allow_names=False,
                                        method=CheckinMethod.COMMAND_LINE)
            person_id = result.person.id if result.person else None
            return result.outcome, result.message, person_id

        if not args.stdin:
            outcome, message, person_id = one(args.code)
            if outcome is Outcome.UNKNOWN:
                raise CommandError(message)
            assert person_id is not None
            with store.read_session() as session:
                print(person_card(session, person_id).name)
            if outcome is Outcome.ALREADY:
                print(message, file=sys.stderr)
            return EXIT_OK

        from mentordesk.models.db_errors import environment_problem

        lines = not_recorded = 0
        last_problem = ""
        for line in sys.stdin:
            code = line.strip()
            if not code:
                continue
            lines += 1
            try:
                outcome, message, person_id = one(code)
            except Exception as exc:  # noqa: BLE001 - one bad line must not stop the stream
                # The event file could not take the check-in (read-only, full disk …): say so on the
                # line, and make the exit status tell a script that scans were not recorded.
                problem = environment_problem(exc)
                if problem is None:
                    _log_unexpected(exc)
                    problem = f"not recorded: {_one_line(exc)}"
                not_recorded += 1
                last_problem = problem
                reply = f"ERR {problem}"
            else:
                reply = f"OK {person_id}" if person_id is not None else f"ERR unknown code: {code}"
            sys.stdout.write(reply + "\n")
            sys.stdout.flush()
        if not_recorded:
            raise CommandError(f"{not_recorded} of {lines} lines were not recorded: {last_problem}")
    return EXIT_OK


def _one_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


# --------------------------------------------------------------------------- entry point


def _log_unexpected(exc: BaseException) -> str:
    """Write the traceback to the log file; return where it went (or why it could not)."""
    try:
        from mentordesk import logfile

        log_path = logfile.attach(logging.getLogger(PROG))
        if log_path is None:
            return "details could not be logged"
        logging.getLogger(PROG).error(
            "unexpected error in %s\n%s", " ".join(sys.argv), "".join(traceback.format_exception(exc))
        )
        return f"details in {log_path}"
    except Exception:  # noqa: BLE001 - the log is best effort; the message must still reach the user
        return "details could not be logged"


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler = getattr(args, "handler", None)
    try:
        if handler is None:
            from mentordesk.app import run

            return run(getattr(args, "event", None) or os.environ.get(EVENT_ENV) or None)
        return handler(args)
    except CommandError as exc:
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # Output piped into a command that stopped reading (e.g. `| head`): not an error.
        sys.stderr.close()
        return EXIT_OK
    except Exception as exc:  # noqa: BLE001 - the contract is one clear line, never a traceback
        from mentordesk.models.db_errors import environment_problem
        from mentordesk.models.store import EventFileError
        from mentordesk.output_files import OutputFileError

        if isinstance(exc, (EventFileError, OutputFileError)):
            print(f"{PROG}: error: {exc}", file=sys.stderr)
            return EXIT_FAILURE
        problem = environment_problem(exc)
        if problem is not None:
            # Busy, read-only, full or failing disk: the user's to fix, so no "internal error".
            print(f"{PROG}: error: {problem}", file=sys.stderr)
            return EXIT_FAILURE
        if isinstance(exc, OSError):
            print(f"{PROG}: error: {exc.strerror or exc}", file=sys.stderr)
            return EXIT_FAILURE
        print(f"{PROG}: internal error: {type(exc).__name__}: {exc} ({_log_unexpected(exc)})", file=sys.stderr)
        return EXIT_FAILURE
