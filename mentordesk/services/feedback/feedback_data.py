"""The plain data of feedback: meetings, entries, follow-ups and figures, and the errors."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from mentordesk.services.domain_error import DomainError

RATING_RANGE = (1, 5)
COMMENT_MAX_CHARS = 2_000


class FeedbackError(DomainError):
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



@dataclass(frozen=True)
class FeedbackBoard:
    """What the feedback screens show: the current flash session's meetings and follow-ups."""

    flash_session_id: int | None
    flash_session_name: str
    meetings: tuple[Meeting, ...]
    follow_ups: FollowUps


@dataclass(frozen=True)
class OwnMeetings:
    """A person's own meetings, for the kiosk: only what that person may see."""

    person_id: int
    name: str
    #: How to greet them: the first name (a long full name would fill the screen).
    greeting: str
    as_mentee: bool
    meetings: tuple[Meeting, ...]


@dataclass(frozen=True)
class Answer:
    """What one person says at the kiosk about one of their meetings."""

    meeting: Meeting
    rating: int | None
    wants_follow_up: bool
    comment: str
