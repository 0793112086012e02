"""Flash (speed) mentoring rotations: the planner, Qt-free.

Pure planning works on a ``Problem`` (ids and facts only) and returns a ``PlanResult``:

- ``plan(problem, mode)`` — rotate (the classic movement) or match (optimal: most meetings,
  fairest spread, most requests honoured, most shared topics);
- ``replan(previous, started, problem)`` — keep the started rounds, re-plan the rest for whoever
  takes part now;
- ``validate(plan, problem)`` — every broken rule, one line each;
- ``swap_mentees(plan, round, a, b)`` — a facilitator's hand edit (validate it before saving).

Which session is the event's current one: ``current_session_id`` (``current``), the one
definition every screen, command and document uses.

The event file side (``saved_plan``): ``load_problem``, ``default_mode``, ``save_plan``, ``load_plan``,
``started_rounds``, ``replan_saved``, ``load_spots`` (where waiting mentees wait); the rotation
JSON of the product contract
(``rotation_json``): ``rotation_json``, ``write_rotation_json`` and ``plan_to_json_file`` for the
``mentordesk flash plan`` command.
"""

from mentordesk.services.flash.current import current_session_id
from mentordesk.services.flash.edit import swap_mentees
from mentordesk.services.flash.plan import Plan, PlanResult, PlanStats, Round, Table
from mentordesk.services.flash.planner import plan, replan
from mentordesk.services.flash.problem import PlanError, Problem, make_problem
from mentordesk.services.flash.rotation_json import PersonRef, plan_to_json_file, rotation_json, write_rotation_json
from mentordesk.services.flash.saved_plan import (
    default_mode,
    load_plan,
    load_problem,
    load_spots,
    replan_saved,
    save_plan,
    started_rounds,
)
from mentordesk.services.flash.validate import validate

__all__ = [
    "PersonRef",
    "Plan",
    "PlanError",
    "PlanResult",
    "PlanStats",
    "Problem",
    "Round",
    "Table",
    "current_session_id",
    "default_mode",
    "load_plan",
    "load_problem",
    "load_spots",
    "make_problem",
    "plan",
    "plan_to_json_file",
    "replan",
    "replan_saved",
    "rotation_json",
    "save_plan",
    "started_rounds",
    "swap_mentees",
    "validate",
    "write_rotation_json",
]
