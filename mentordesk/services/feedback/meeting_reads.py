"""Who met whom: the meetings of saved flash plans, each with the feedback both sides gave."""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import select, tuple_
from sqlalchemy.orm import Session

from mentordesk.models import (
    Feedback,
    FlashRound,
    FlashSeat,
    FlashSession,
    Person,
    SeatKind,
)
from mentordesk.models.normalize import fold
from mentordesk.services.feedback.feedback_data import (
    FeedbackError,
    Meeting,
)
from mentordesk.services.flash.current import current_session_id

# --------------------------------------------------------------------------- sessions


def _session_ids(session: Session, flash_session_id: int | None, event_id: int | None) -> list[int]:
    if flash_session_id is not None:
        if session.get(FlashSession, flash_session_id) is None:
            raise FeedbackError(f"there is no flash session {flash_session_id}")
        return [flash_session_id]
    query = select(FlashSession.id).where(FlashSession.planned_at.is_not(None))
    if event_id is not None:
        query = query.where(FlashSession.event_id == event_id)
    return list(session.scalars(query.order_by(FlashSession.id)))


# --------------------------------------------------------------------------- meetings


def meetings(
    session: Session,
    flash_session_id: int | None = None,
    *,
    event_id: int | None = None,
    person_id: int | None = None,
) -> tuple[Meeting, ...]:
    """Every meeting of a saved flash plan with the feedback given so far, sorted as paper cards
    are (by mentee surname, first name, then round).

    Without ``flash_session_id``: the event's current session (``current_session_id``), so
    ``event_id`` is then needed. ``person_id`` keeps only that person's meetings.
    """
    if flash_session_id is None:
        if event_id is None:
            raise FeedbackError("say which event's meetings: an event or a flash session")
        flash_session_id = current_session_id(session, event_id)
        if flash_session_id is None:
            return ()
    elif session.get(FlashSession, flash_session_id) is None:
        raise FeedbackError(f"there is no flash session {flash_session_id}")
    return _meetings_of(session, [flash_session_id], person_id=person_id)


def _meetings_of(session: Session, flash_session_ids: list[int], *,
                 person_id: int | None = None) -> tuple[Meeting, ...]:
    if not flash_session_ids:
        return ()
    query = (
        select(FlashRound.session_id, FlashRound.number, FlashSeat.round_id, FlashSeat.table_number,
               FlashSeat.person_id, FlashSeat.kind)
        .join(FlashRound, FlashRound.id == FlashSeat.round_id)
        .where(FlashRound.session_id.in_(flash_session_ids), FlashSeat.table_number.is_not(None))
    )
    if person_id is not None:
        # One person's meetings: only the tables they sat at (found through the person index),
        # rather than every seat of the session.
        tables = session.execute(
            select(FlashSeat.round_id, FlashSeat.table_number).join(FlashRound, FlashRound.id == FlashSeat.round_id)
            .where(FlashRound.session_id.in_(flash_session_ids), FlashSeat.person_id == person_id,
                   FlashSeat.table_number.is_not(None))
        ).all()
        if not tables:
            return ()
        query = query.where(tuple_(FlashSeat.round_id, FlashSeat.table_number).in_([tuple(t) for t in tables]))
    at_table: dict[tuple[int, int], list[tuple[int, int, int, SeatKind]]] = defaultdict(list)
    for flash_id, number, round_id, table, person, kind in session.execute(query):
        assert table is not None  # selected with a table number
        at_table[(round_id, table)].append((flash_id, number, person, kind))
    rows: list[tuple[int, int, int, int, int]] = []
    for (_round_id, table), seated in at_table.items():
        mentors = [p for _f, _n, p, kind in seated if kind is SeatKind.MENTOR]
        for flash_id, number, person, kind in seated:
            if kind is SeatKind.MENTEE:
                rows.extend((flash_id, number, table, person, mentor) for mentor in mentors
                            if person_id is None or person_id in (person, mentor))
    if not rows:
        return ()
    people = _people(session, {r[3] for r in rows} | {r[4] for r in rows})
    given = _feedback_by_key(session, flash_session_ids, person_id)
    result = []
    for flash_id, round_number, table, mentee, mentor in rows:
        mine = given.get((mentee, mentor, flash_id, round_number))
        theirs = given.get((mentor, mentee, flash_id, round_number))
        result.append(Meeting(
            flash_session_id=flash_id, round_number=round_number, table_number=table,
            mentee_id=mentee, mentee_name=people[mentee].full_name,
            mentor_id=mentor, mentor_name=people[mentor].full_name,
            rating=mine.rating if mine else None,
            wants_follow_up=bool(mine and mine.wants_follow_up),
            comment=(mine.comment or "") if mine else "",
            mentee_has_feedback=mine is not None,
            mentor_wants_follow_up=bool(theirs and theirs.wants_follow_up),
            mentor_comment=(theirs.comment or "") if theirs else "",
            mentor_has_feedback=theirs is not None,
        ))

    def order(m: Meeting) -> tuple[object, ...]:
        p = people[m.mentee_id]
        return (fold(p.last_name), fold(p.first_name), m.mentee_id, m.flash_session_id, m.round_number, m.mentor_id)

    return tuple(sorted(result, key=order))


def _people(session: Session, ids: set[int]) -> dict[int, Person]:
    return {p.id: p for p in session.scalars(select(Person).where(Person.id.in_(ids)))}


def _feedback_by_key(
    session: Session, flash_session_ids: list[int], person_id: int | None = None
) -> dict[tuple[int, int, int, int], Feedback]:
    query = select(Feedback).where(Feedback.flash_session_id.in_(flash_session_ids))
    if person_id is not None:
        query = query.where((Feedback.author_id == person_id) | (Feedback.about_person_id == person_id))
    rows = session.scalars(query.order_by(Feedback.id))
    found: dict[tuple[int, int, int, int], Feedback] = {}
    for row in rows:
        assert row.about_person_id is not None and row.flash_session_id is not None and row.round_number is not None
        # The first row of a key wins, as in record_feedback.
        found.setdefault((row.author_id, row.about_person_id, row.flash_session_id, row.round_number), row)
    return found


def _meeting_exists(session: Session, flash_session_id: int, round_number: int, a: int, b: int) -> bool:
    """Whether ``a`` and ``b`` sat at one table in that round, one as mentor and one as mentee."""
    seats = {person: (kind, table) for person, kind, table in session.execute(
        select(FlashSeat.person_id, FlashSeat.kind, FlashSeat.table_number)
        .join(FlashRound, FlashRound.id == FlashSeat.round_id)
        .where(FlashRound.session_id == flash_session_id, FlashRound.number == round_number,
               FlashSeat.person_id.in_([a, b]))
    )}
    if len(seats) != 2 or seats[a][1] is None or seats[a][1] != seats[b][1]:
        return False
    return {seats[a][0], seats[b][0]} == {SeatKind.MENTOR, SeatKind.MENTEE}
