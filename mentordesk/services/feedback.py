"""Feedback on flash meetings: ratings, comments, "I'd like to follow up", and mutual follow-ups.

A *meeting* is a mentee and a mentor seated at the same table in the same round of a saved flash
plan. Both sides can leave feedback about it, stored as one ``Feedback`` row per (author, about,
flash session, round): the mentee rates the meeting 1 to 5 (or not at all), may ask to follow up
and may comment; the mentor may ask to follow up with the mentee (and comment). Recording feedback
is an upsert; clearing every field removes the row, so "feedback given" stays honest.

A follow-up is *mutual* when both people said yes about each other. Contact details are only
listed when both also consented to sharing them (``Person.consent_share_contact``); other mutual
pairs are counted, never named.

The schema has no unique constraint over (author, about, session, round) (adding one needs a
migration); this module is the only writer and keeps to one row per key.
"""

from __future__ import annotations

import enum
import functools
from collections import defaultdict
from dataclasses import dataclass

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
from mentordesk.models.normalize import fold, nfc

RATING_RANGE = (1, 5)
COMMENT_MAX_CHARS = 2_000


class FeedbackError(ValueError):
    """Feedback that cannot be recorded, worded for the person entering it (one line)."""


class _Keep(enum.Enum):
    KEEP = "keep"


#: Leave a field of existing feedback as it is (the grid saves one cell at a time).
KEEP = _Keep.KEEP


@dataclass(frozen=True)
class Meeting:
    """One mentee meeting one mentor, with both sides' feedback as stored now."""

    flash_session_id: int
    round_number: int
    table_number: int
    mentee_id: int
    mentee_name: str
    mentor_id: int
    mentor_name: str
    #: The mentee's feedback about the mentor.
    rating: int | None = None
    wants_follow_up: bool = False
    comment: str = ""
    mentee_has_feedback: bool = False
    #: The mentor's feedback about the mentee.
    mentor_wants_follow_up: bool = False
    mentor_comment: str = ""
    mentor_has_feedback: bool = False

    @property
    def key(self) -> tuple[int, int, int, int]:
        return (self.flash_session_id, self.round_number, self.mentee_id, self.mentor_id)


@dataclass(frozen=True)
class FeedbackEntry:
    """One side's feedback on one meeting, as saved (all empty when there is none)."""

    author_id: int
    about_person_id: int
    flash_session_id: int
    round_number: int
    rating: int | None
    wants_follow_up: bool
    comment: str

    @property
    def is_empty(self) -> bool:
        return self.rating is None and not self.wants_follow_up and not self.comment


@dataclass(frozen=True)
class Contact:
    person_id: int
    name: str
    email: str | None
    organization: str


@dataclass(frozen=True)
class MutualFollowUp:
    """Both said "I'd like to follow up" and both consented to sharing their contact details."""

    mentee: Contact
    mentor: Contact
    flash_session_id: int
    round_number: int


@dataclass(frozen=True)
class FollowUps:
    shown: tuple[MutualFollowUp, ...]
    #: Mutual pairs where at least one of the two did not consent to sharing contact details.
    without_consent: int

    @property
    def total(self) -> int:
        return len(self.shown) + self.without_consent


@dataclass(frozen=True)
class MentorFigures:
    mentor_id: int
    name: str
    meetings: int
    ratings: int
    average_rating: float | None


@dataclass(frozen=True)
class FeedbackSummary:
    """Figures for reports: every meeting of the chosen flash session(s)."""

    meetings: int
    ratings: int
    average_rating: float | None
    #: How many ratings of 1, 2, 3, 4 and 5.
    rating_counts: tuple[int, int, int, int, int]
    comments: int
    mentee_follow_ups: int
    mentor_follow_ups: int
    mutual_follow_ups: int
    mutual_without_consent: int
    #: Meetings where the mentee left any feedback.
    mentee_responses: int
    by_mentor: tuple[MentorFigures, ...]


# --------------------------------------------------------------------------- sessions


def latest_flash_session_id(session: Session, event_id: int) -> int | None:
    """The most recently planned flash session of the event (the one feedback is usually about)."""
    return session.scalar(
        select(FlashSession.id).where(FlashSession.event_id == event_id, FlashSession.planned_at.is_not(None))
        .order_by(FlashSession.planned_at.desc(), FlashSession.id.desc()).limit(1)
    )


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

    Without ``flash_session_id``: the event's latest planned session (every event in the file
    when ``event_id`` is None too). ``person_id`` keeps only that person's meetings.
    """
    if flash_session_id is None:
        if event_id is None:
            ids = _session_ids(session, None, None)
            flash_session_id = ids[-1] if ids else None
        else:
            flash_session_id = latest_flash_session_id(session, event_id)
        if flash_session_id is None:
            return ()
    elif session.get(FlashSession, flash_session_id) is None:
        raise FeedbackError(f"there is no flash session {flash_session_id}")
    return _meetings_of(session, [flash_session_id], person_id=person_id)


def _meetings_of(session: Session, flash_session_ids: list[int], *, person_id: int | None = None) -> tuple[Meeting, ...]:
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


# --------------------------------------------------------------------------- recording


def record_feedback(
    session: Session,
    flash_session_id: int,
    round_number: int,
    *,
    author_id: int,
    about_person_id: int,
    rating: int | None | _Keep = KEEP,
    wants_follow_up: bool | _Keep = KEEP,
    comment: str | _Keep = KEEP,
) -> FeedbackEntry:
    """Record (or update) what ``author_id`` says about meeting ``about_person_id`` in that round.

    Fields left at ``KEEP`` stay as they were. Raises ``FeedbackError`` for a rating outside 1–5,
    a comment that is too long, or two people who did not meet at a table in that round.
    """
    if rating is not KEEP and rating is not None and (
            isinstance(rating, bool) or not isinstance(rating, int)
            or not RATING_RANGE[0] <= rating <= RATING_RANGE[1]):
        raise FeedbackError(f"a rating is a whole number from {RATING_RANGE[0]} to {RATING_RANGE[1]} "
                                f"(or none), not {rating!r}")
    if comment is not KEEP:
        comment = nfc(comment.strip())
        if len(comment) > COMMENT_MAX_CHARS:
            raise FeedbackError(f"a comment can be at most {COMMENT_MAX_CHARS} characters long")
    if author_id == about_person_id:
        raise FeedbackError("feedback is about the other person at the table, not oneself")
    if session.get(FlashSession, flash_session_id) is None:
        raise FeedbackError(f"there is no flash session {flash_session_id}")
    if not _meeting_exists(session, flash_session_id, round_number, author_id, about_person_id):
        names = _people(session, {author_id, about_person_id})
        who = " and ".join(names[p].full_name if p in names else f"person {p}" for p in (author_id, about_person_id))
        raise FeedbackError(f"{who} did not meet at a table in round {round_number}")

    row = session.scalars(
        select(Feedback).where(Feedback.author_id == author_id, Feedback.about_person_id == about_person_id,
                               Feedback.flash_session_id == flash_session_id,
                               Feedback.round_number == round_number).order_by(Feedback.id).limit(1)
    ).first()
    if row is None:
        row = Feedback(author_id=author_id, about_person_id=about_person_id, flash_session_id=flash_session_id,
                       round_number=round_number, rating=None, wants_follow_up=False, comment="")
        session.add(row)
    if rating is not KEEP:
        row.rating = rating
    if wants_follow_up is not KEEP:
        row.wants_follow_up = bool(wants_follow_up)
    if comment is not KEEP:
        row.comment = comment
    entry = FeedbackEntry(author_id, about_person_id, flash_session_id, round_number, row.rating,
                          bool(row.wants_follow_up), row.comment or "")
    if entry.is_empty:
        # Nothing said any more: no row, so counts of feedback given stay true.
        if row in session.new:
            session.expunge(row)
        else:
            session.delete(row)
    session.flush()
    return entry


def record_mentee_feedback(
    session: Session, meeting: Meeting, *, rating: int | None | _Keep = KEEP,
    wants_follow_up: bool | _Keep = KEEP, comment: str | _Keep = KEEP,
) -> FeedbackEntry:
    """The mentee's side of ``meeting`` (rating, follow-up, comment about the mentor)."""
    return record_feedback(session, meeting.flash_session_id, meeting.round_number, author_id=meeting.mentee_id,
                           about_person_id=meeting.mentor_id, rating=rating, wants_follow_up=wants_follow_up,
                           comment=comment)


def record_mentor_feedback(
    session: Session, meeting: Meeting, *, wants_follow_up: bool | _Keep = KEEP, comment: str | _Keep = KEEP,
) -> FeedbackEntry:
    """The mentor's side of ``meeting`` (follow-up and comment about the mentee)."""
    return record_feedback(session, meeting.flash_session_id, meeting.round_number, author_id=meeting.mentor_id,
                           about_person_id=meeting.mentee_id, wants_follow_up=wants_follow_up, comment=comment)


# --------------------------------------------------------------------------- follow-ups and figures


def mutual_follow_ups(
    session: Session, flash_session_id: int | None = None, *, event_id: int | None = None
) -> FollowUps:
    """Meetings where both sides asked to follow up; contacts only where both consented.

    Without ``flash_session_id``: every planned flash session of the event (of the file when
    ``event_id`` is None), each pair listed once.
    """
    ids = _session_ids(session, flash_session_id, event_id)
    return _follow_ups(session, _meetings_of(session, ids))


def _follow_ups(session: Session, found: tuple[Meeting, ...]) -> FollowUps:
    mutual: dict[tuple[int, int], Meeting] = {}
    for m in found:
        if m.wants_follow_up and m.mentor_wants_follow_up:
            mutual.setdefault((m.mentee_id, m.mentor_id), m)
    if not mutual:
        return FollowUps((), 0)
    people = _people(session, {p for pair in mutual for p in pair})
    shown = []
    hidden = 0
    for (mentee, mentor), m in mutual.items():
        a, b = people[mentee], people[mentor]
        if a.consent_share_contact and b.consent_share_contact:
            shown.append(MutualFollowUp(_contact(a), _contact(b), m.flash_session_id, m.round_number))
        else:
            hidden += 1
    shown.sort(key=lambda f: (fold(people[f.mentee.person_id].last_name), fold(f.mentee.name),
                              fold(f.mentor.name), f.mentee.person_id, f.mentor.person_id))
    return FollowUps(tuple(shown), hidden)


def _contact(person: Person) -> Contact:
    return Contact(person.id, person.full_name, person.email, person.organization)


def feedback_summary(
    session: Session, flash_session_id: int | None = None, *, event_id: int | None = None
) -> FeedbackSummary:
    """Average rating, counts of ratings, comments and follow-ups, and per-mentor figures."""
    ids = _session_ids(session, flash_session_id, event_id)
    found = _meetings_of(session, ids)
    ratings = [m.rating for m in found if m.rating is not None]
    counts = [0, 0, 0, 0, 0]
    for value in ratings:
        counts[value - 1] += 1
    per_mentor: dict[int, list[Meeting]] = defaultdict(list)
    for m in found:
        per_mentor[m.mentor_id].append(m)
    by_mentor = []
    for mentor, theirs in per_mentor.items():
        rated = [m.rating for m in theirs if m.rating is not None]
        by_mentor.append(MentorFigures(mentor, theirs[0].mentor_name, len(theirs), len(rated),
                                       sum(rated) / len(rated) if rated else None))
    by_mentor.sort(key=lambda f: (fold(f.name), f.mentor_id))
    follow = _follow_ups(session, found)
    return FeedbackSummary(
        meetings=len(found),
        ratings=len(ratings),
        average_rating=sum(ratings) / len(ratings) if ratings else None,
        rating_counts=(counts[0], counts[1], counts[2], counts[3], counts[4]),
        comments=sum(1 for m in found if m.comment),
        mentee_follow_ups=sum(1 for m in found if m.wants_follow_up),
        mentor_follow_ups=sum(1 for m in found if m.mentor_wants_follow_up),
        mutual_follow_ups=follow.total,
        mutual_without_consent=follow.without_consent,
        mentee_responses=sum(1 for m in found if m.mentee_has_feedback),
        by_mentor=tuple(by_mentor),
    )


# --------------------------------------------------------------------------- for the screens


@dataclass(frozen=True)
class FeedbackBoard:
    """What the feedback screens show: the latest planned session's meetings and follow-ups."""

    flash_session_id: int | None
    flash_session_name: str
    meetings: tuple[Meeting, ...]
    follow_ups: FollowUps


def feedback_board(session: Session, event_id: int) -> FeedbackBoard:
    flash_id = latest_flash_session_id(session, event_id)
    if flash_id is None:
        return FeedbackBoard(None, "", (), FollowUps((), 0))
    flash = session.get(FlashSession, flash_id)
    found = _meetings_of(session, [flash_id])
    return FeedbackBoard(flash_id, flash.name if flash else "", found, _follow_ups(session, found))


@functools.lru_cache(maxsize=8192)
def _folded_name(name: str) -> tuple[str, tuple[str, ...]]:
    # Searched again on every key typed in the grid's name field: fold each name once.
    folded = fold(name)
    return folded, tuple(folded.split())


def name_matches(query: str, name: str) -> bool:
    """Accent- and case-insensitive: every word typed starts a word of ``name`` ("zoe sim" finds
    "Zoë Šimůnek"); for scripts written without spaces, a word may appear anywhere."""
    words = fold(query).split()
    return bool(words) and _words_match(words, name)


def _words_match(words: list[str], name: str) -> bool:
    folded, parts = _folded_name(name)
    return all(any(p.startswith(w) for p in parts) or (w in folded and not w.isascii()) for w in words)


def first_match(found: tuple[Meeting, ...] | list[Meeting], query: str, start: int = 0) -> int | None:
    """Index of the first meeting at or after ``start`` (wrapping round) whose mentee matches."""
    words = fold(query).split()
    if not words:
        return None
    count = len(found)
    previous = None
    for step in range(count):
        index = (start + step) % count
        name = found[index].mentee_name
        # A mentee's meetings are next to each other: their name is checked once.
        if name != previous and _words_match(words, name):
            return index
        previous = name
    return None


@dataclass(frozen=True)
class OwnMeetings:
    """A person's own meetings, for the kiosk: only what that person may see."""

    person_id: int
    name: str
    #: How to greet them: the first name (a long full name would fill the screen).
    greeting: str
    as_mentee: bool
    meetings: tuple[Meeting, ...]


def own_meetings(session: Session, flash_session_id: int, person_id: int) -> OwnMeetings:
    """``person_id``'s meetings in that session, in the order they happened."""
    person = session.get(Person, person_id)
    if person is None:
        raise FeedbackError(f"there is no person {person_id}")
    found = sorted(meetings(session, flash_session_id, person_id=person_id),
                   key=lambda m: (m.round_number, m.table_number))
    as_mentee = not found or found[0].mentee_id == person_id
    return OwnMeetings(person_id, person.full_name, person.first_name or person.full_name, as_mentee, tuple(found))


@dataclass(frozen=True)
class Answer:
    """What one person says at the kiosk about one of their meetings."""

    meeting: Meeting
    rating: int | None
    wants_follow_up: bool
    comment: str


def record_answers(session: Session, person_id: int, answers: list[Answer] | tuple[Answer, ...]) -> int:
    """Save a person's own answers about their meetings (one form at the kiosk); how many saved.

    A mentee's answer is about the mentor; a mentor's about the mentee (mentors give no rating).
    """
    for answer in answers:
        m = answer.meeting
        if person_id == m.mentee_id:
            record_mentee_feedback(session, m, rating=answer.rating, wants_follow_up=answer.wants_follow_up,
                                   comment=answer.comment)
        elif person_id == m.mentor_id:
            if answer.rating is not None:
                raise FeedbackError("mentors give no rating at the kiosk, only a follow-up and a comment")
            record_mentor_feedback(session, m, wants_follow_up=answer.wants_follow_up, comment=answer.comment)
        else:
            raise FeedbackError(f"meeting in round {m.round_number} is not one of this person's meetings")
    return len(answers)
