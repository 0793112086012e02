"""Who arrived after the rounds were planned, and adding them: the single definition.

Someone checked in once the current rotation (``current.current_session_id``) has a plan is not
seated in it: the desk says so instead of a plain "Checked in", and the Flash page says "N arrived
after planning — add them". Both ask ``not_in_rotation``; adding them is the live re-plan of the
rounds still to come (``saved_plan.replan_saved``, the rounds under way untouched).

"Not in the rotation" means: a mentor or mentee, checked in now, with no seat in the first round
still to come of a rotation that is planned or running. Before a plan, after the last round has
started, or once the rotation finished, nobody is (there is nothing to join).
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from mentordesk.models import FlashRound, FlashSeat, FlashSession, Person, Role, SessionStatus
from mentordesk.services.checkin import checked_in_query
from mentordesk.services.flash.current import current_session_id
from mentordesk.services.flash.plan import PlanResult
from mentordesk.services.flash.problem import PlanError
from mentordesk.services.flash.saved_plan import replan_saved, started_rounds


def _round_to_come(session: Session, event_id: int) -> tuple[int, int] | None:
    """(flash session id, id of its first round still to come), when there is one to join."""
    flash_id = current_session_id(session, event_id)
    if flash_id is None:
        return None
    flash = session.get_one(FlashSession, flash_id)
    if flash.status not in (SessionStatus.PLANNED, SessionStatus.RUNNING):
        return None
    number = started_rounds(session, flash_id) + 1
    round_id = session.scalar(select(FlashRound.id).where(FlashRound.session_id == flash_id,
                                                          FlashRound.number == number))
    return None if round_id is None else (flash_id, round_id)


def not_in_rotation(session: Session, event_id: int, person_ids: list[int] | None = None) -> tuple[int, ...]:
    """Checked-in mentors and mentees without a seat in the rounds to come (of ``person_ids``, if given)."""
    found = _round_to_come(session, event_id)
    if found is None:
        return ()
    _flash_id, round_id = found
    query = (select(Person.id).where(Person.id.in_(checked_in_query(event_id)),
                                     Person.role.in_([Role.MENTOR, Role.MENTEE]),
                                     ~Person.id.in_(select(FlashSeat.person_id).where(FlashSeat.round_id == round_id)))
             .order_by(Person.id))
    if person_ids is not None:
        query = query.where(Person.id.in_(person_ids))
    return tuple(session.scalars(query))


def add_arrivals(session: Session, event_id: int) -> PlanResult:
    """Seat everyone who arrived after planning: re-plan the rounds still to come of the current rotation."""
    found = _round_to_come(session, event_id)
    if found is None:
        raise PlanError("there are no rounds still to come to add anyone to")
    return replan_saved(session, found[0])


def next_seat(session: Session, event_id: int, person_id: int) -> tuple[int, int | None] | None:
    """(round number, table or None while waiting) of the person in the first round still to come."""
    found = _round_to_come(session, event_id)
    if found is None:
        return None
    row = session.execute(select(FlashRound.number, FlashSeat.table_number)
                          .join(FlashSeat, FlashSeat.round_id == FlashRound.id)
                          .where(FlashRound.id == found[1], FlashSeat.person_id == person_id)).first()
    return None if row is None else (row[0], row[1])
