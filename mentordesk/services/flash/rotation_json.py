"""The rotation JSON of the product contract, and the whole ``mentordesk flash plan`` job.

Shape (PRODUCT.md)::

    {"people": {"<id>": {"name": "…", "email": "… or null", "role": "mentor" | "mentee"}},
     "rounds": [{"round": 1,
                 "tables": [{"table": 1, "mentor": "<id>", "mentees": ["<id>"]}],
                 "waiting": ["<id>"]}]}

Every person of a round appears in it exactly once. The contract has no place for a mentor's
break, and a mentor must appear at a table: a mentor on a break (or idle) is listed at their own
table with an empty ``mentees`` list. Ids are strings; tables are in number order, mentee and
waiting ids in ascending numeric order. No other keys are written.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from mentordesk.models import Person, PlanMode, Role
from mentordesk.models.store import EventStore
from mentordesk.output_files import OutputFileError, StagedOutput, check_output_path, write_atomically
from mentordesk.services.flash.plan import Plan, PlanResult
from mentordesk.services.flash.planner import plan as make_plan
from mentordesk.services.flash.problem import PlanError
from mentordesk.services.flash.saved_plan import check_changeover, default_mode, load_problem, save_plan

WHAT = "the rotation JSON"


@dataclass(frozen=True)
class PersonRef:
    name: str
    email: str | None
    role: Role


def people_refs(session: Session, ids: set[int]) -> dict[int, PersonRef]:
    rows: Iterable[Person] = session.scalars(select(Person).where(Person.id.in_(sorted(ids)))) if ids else []
    return {p.id: PersonRef(p.full_name, p.email, p.role) for p in rows}


def rotation_json(plan: Plan, people: Mapping[int, PersonRef]) -> dict[str, Any]:
    mentors = {t.mentor for r in plan.rounds for t in r.tables}
    everyone = sorted(mentors | {m for r in plan.rounds for m in r.mentees})
    missing = [pid for pid in everyone if pid not in people]
    if missing:
        raise PlanError(f"person {missing[0]} in the plan is not in the event any more")
    return {
        "people": {
            str(pid): {
                "name": people[pid].name,
                "email": people[pid].email or None,
                "role": "mentor" if pid in mentors else "mentee",
            }
            for pid in everyone
        },
        "rounds": [
            {
                "round": r.number,
                "tables": [
                    {"table": t.number, "mentor": str(t.mentor), "mentees": [str(m) for m in t.mentees]}
                    for t in r.tables
                ],
                "waiting": [str(m) for m in r.waiting],
            }
            for r in plan.rounds
        ],
    }


def write_rotation_json(document: Mapping[str, Any], out_path: str | os.PathLike[str],
                        *, open_event: Path | None = None) -> Path:
    """Write the JSON whole or not at all (never over an event file); a failure is a PlanError."""
    try:
        return write_atomically(Path(out_path).expanduser(), _encoded(document), what=WHAT,
                                open_event=open_event, create_folder=True)
    except OutputFileError as exc:
        raise PlanError(str(exc)) from None


def _encoded(document: Mapping[str, Any]) -> bytes:
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def plan_to_json_file(
    store: EventStore,
    *,
    rounds: int,
    minutes: int,
    out_path: str | os.PathLike[str],
    seats: int = 1,
    mode: PlanMode | str | None = None,
    save: bool = False,
    changeover_seconds: int | None = None,
) -> PlanResult:
    """``mentordesk flash plan``: plan the checked-in people and write the rotation JSON.

    ``mode`` None means match when anyone checked in has requested mentors, else rotate. With
    ``save`` the plan is also stored in the event as a new flash session. Impossible input raises
    ``PlanError`` with a one-line message. ``changeover_seconds`` (default a minute) is stored with
    a saved plan.
    """
    if not 1 <= minutes <= 240:
        raise PlanError("minutes per round must be between 1 and 240")
    check_changeover(changeover_seconds)
    try:
        chosen = PlanMode(mode) if mode is not None else None
    except ValueError:
        raise PlanError(f"unknown mode {mode!r}: choose rotate or match") from None
    path = Path(out_path).expanduser()
    staged: StagedOutput | None = None
    try:
        check_output_path(path, open_event=store.path, what=WHAT)
        with store.session() if save else store.read_session() as session:
            chosen = chosen or default_mode(session, store.event_id)
            problem = load_problem(session, store.event_id, rounds=rounds, seats=seats)
            result = make_plan(problem, chosen)
            people = people_refs(session, set(problem.mentors) | set(problem.mentees))
            # The JSON is on disk (under a temporary name) before the plan is committed, and
            # moved into place right after: a failure before the commit leaves neither, and the
            # only moment that can split the pair is between the commit and the rename.
            staged = StagedOutput(path, what=WHAT, open_event=store.path, create_folder=True)
            staged.file.write(_encoded(rotation_json(result.plan, people)))
            staged.sync()
            if save:
                save_plan(session, store.event_id, result.plan, minutes=minutes, changeover_seconds=changeover_seconds,
                          spots=result.waiting_spots)
        assert staged is not None  # made in the block above, which raised otherwise
        staged.finish()
    except OutputFileError as exc:
        raise PlanError(str(exc)) from None
    except OSError as exc:
        raise PlanError(f"cannot write {path}: {exc.strerror or exc}") from None
    finally:
        if staged is not None:
            staged.discard()  # nothing if finished
    return result
