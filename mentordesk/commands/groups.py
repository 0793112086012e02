"""``mentordesk groups`` and ``mentordesk export calendar``: group programmes from the command line.

``groups --json`` prints a JSON list, one object per group (by name)::

    {"id": 3, "name": "Robotics", "kind": "group", "topic": "", "location": "Lab 2.14", "archived": false,
     "members": [{"id": 12, "name": "Amara Okafor", "role": "mentor"}, …],      # sign-in order
     "sessions": [{"id": 40, "start": "2027-03-16T18:00:00+01:00", "end": "2027-03-16T19:30:00+01:00",
                   "timezone": "Europe/Berlin", "duration": 90, "duration_minutes": 90,
                   "location": "Lab 2.14", "mode": "in_person",
                   "meeting_url": "", "topic": "", "cancelled": false, "moved": false,
                   "attendance": {"present": 4, "late": 1, "absent": 0, "excused": 0, "unmarked": 0}}, …]}

``start`` and ``end`` are ISO 8601 local times with their UTC offset; ``duration`` (and its
long-hand twin ``duration_minutes``) is in minutes; sessions are in time order, cancelled ones
included and flagged. ``export calendar`` writes an RFC 5545 file
with one event per session that is not cancelled.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from mentordesk.cli import EXIT_OK, CommandError, arguments, command, event_target


def groups_json(session: Any, event_id: int) -> list[dict[str, Any]]:
    """The ``groups --json`` document for an open session."""
    from mentordesk.services.groups import group_members, list_groups, list_sessions

    result = []
    for group in list_groups(session, event_id):
        members = [{"id": m.person_id, "name": m.name, "role": m.role.value} for m in group_members(session, group.id)]
        sessions = [
            {"id": s.id, "start": s.starts_at.isoformat(), "end": s.ends_at.isoformat(), "timezone": s.timezone,
             "duration": s.duration_minutes, "duration_minutes": s.duration_minutes,
             "location": s.location, "mode": s.mode.value,
             "meeting_url": s.meeting_url, "topic": s.topic, "cancelled": s.cancelled, "moved": s.moved,
             "attendance": {"present": s.counts.present, "late": s.counts.late, "absent": s.counts.absent,
                            "excused": s.counts.excused, "unmarked": s.counts.unmarked}}
            for s in list_sessions(session, event_id, group_id=group.id)
        ]
        result.append({"id": group.id, "name": group.name, "kind": group.kind.value, "topic": group.topic,
                       "location": group.location, "archived": group.archived, "members": members,
                       "sessions": sessions})
    return result


@command("groups", "list the event's mentoring groups with members and sessions")
@arguments(lambda p: p.add_argument("--json", action="store_true", help="print a JSON list of groups"))
def _cmd_groups(args: argparse.Namespace) -> int:
    from mentordesk.models.store import EventStore

    with EventStore.open(event_target(args)) as store, store.read_session() as session:
        data = groups_json(session, store.event_id)
    if args.json:
        json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return EXIT_OK
    if not data:
        print("No groups yet.")
        return EXIT_OK
    for group in data:
        held = [s for s in group["sessions"] if not s["cancelled"]]
        print(f"{group['name']} ({group['kind'].replace('_', ' ')}): {len(group['members'])} members, "
              f"{len(held)} sessions")
        for member in group["members"]:
            print(f"    {member['role']:<7} {member['name']}")
    return EXIT_OK


def _add_calendar_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-o", "--output", required=True, metavar="OUT.ics", help="where to write the calendar file")
    parser.add_argument("--group", metavar="NAME", help="only this group's sessions (name or number)")


@command("calendar", "write group sessions as an iCalendar (.ics) file", group="export")
@arguments(_add_calendar_arguments)
def _cmd_export_calendar(args: argparse.Namespace) -> int:
    from mentordesk.models.store import EventStore
    from mentordesk.services.groups import GroupError, find_group_id, write_calendar

    path = Path(args.output).expanduser()
    with EventStore.open(event_target(args)) as store, store.session() as session:
        try:
            group_id = find_group_id(session, store.event_id, args.group) if args.group else None
        except GroupError as exc:
            raise CommandError(str(exc)) from None
        # A refused or failed write is an OutputFileError, which main() prints as one line.
        count = write_calendar(session, store.event_id, path, group_id=group_id)
    print(f"Wrote {count} sessions to {path}")
    return EXIT_OK
