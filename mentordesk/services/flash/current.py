"""Which flash session of an event is "the current one": the single definition.

The Flash page (set-up, grid, run console, projector), the check-in desk's "your table", the
feedback grid, kiosk and panel, the command line and every printed document that defaults to
"the current rotation" all ask ``current_session_id``; none of them orders flash sessions itself.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from mentordesk.models import ClockState, FlashClock, FlashSession

#: A clock in one of these states is counting a round down (or holding it): its rounds are under way.
LIVE_CLOCK_STATES = (ClockState.RUNNING, ClockState.PAUSED)


def current_session_id(session: Session, event_id: int) -> int | None:
    """The event's current flash session: the one being run, else the one made last (None: none yet).

    Why this and not "the most recently planned":

    - **Being run comes first.** A session whose round clock is running or paused is what is
      happening in the room: the projector counts it down, mentees are at its tables, feedback is
      about it. A newer session saved meanwhile (``mentordesk flash plan --save`` during the
      rounds, a draft for the afternoon) must not take the console away from it. Should two clocks
      be live at once, the one made last wins, as below.
    - **Otherwise the one made last.** Sessions are made in the order an organiser plans them
      (the Flash page re-plans over the current session until its rounds start, and only then
      starts a new one), so the highest id is the organiser's latest rotation. ``planned_at`` is
      *not* used: every re-plan stamps it again (a late arrival, a departure, a swap, a mentor's
      break), so re-planning an older session would make it jump over a newer one and the desk,
      the feedback grid and the printed schedule would silently change rotation.
    - **Finished or not planned yet still counts.** A finished session stays current until a
      newer one is made (the feedback about it is entered afterwards); a session without a plan
      is what the Flash page is setting up. Readers that need more (the desk shows a table only
      for a planned or running rotation, a document needs a plan) check that on the session
      this returns instead of falling back to another one.
    """
    live = session.scalar(
        select(FlashSession.id).join(FlashClock, FlashClock.session_id == FlashSession.id)
        .where(FlashSession.event_id == event_id, FlashClock.state.in_(LIVE_CLOCK_STATES))
        .order_by(FlashSession.id.desc()).limit(1)
    )
    if live is not None:
        return live
    return session.scalar(select(FlashSession.id).where(FlashSession.event_id == event_id)
                          .order_by(FlashSession.id.desc()).limit(1))
