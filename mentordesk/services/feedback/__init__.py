"""Feedback on flash meetings: ratings, comments, "I'd like to follow up", and mutual follow-ups.

A *meeting* is a mentee and a mentor seated at the same table in the same round of a saved flash
plan. Both sides can leave feedback about it, stored as one ``Feedback`` row per (author, about,
flash session, round): the mentee rates the meeting 1 to 5 (or not at all), may ask to follow up
and may comment; the mentor may ask to follow up with the mentee (and comment). Recording feedback
is an upsert; clearing every field removes the row, so "feedback given" stays honest.

A follow-up is *mutual* when both people said yes about each other. Contact details are only
listed when both also consented to sharing them (``Person.consent_share_contact``); other mutual
pairs are counted, never named.

The schema keeps one row per (author, about, session, round) with a unique constraint (migration
0003); recording is an upsert on that key.

The package: ``feedback_data`` (the plain data the screens and reports get), ``meeting_reads`` (who met whom,
with any feedback given), ``recording`` (the upserts, from the grid and the kiosk), ``outcomes``
(mutual follow-ups and the figures for the summary), ``screens`` (what the grid and the kiosk read).
"""

from mentordesk.services.feedback.feedback_data import (
    COMMENT_MAX_CHARS,
    KEEP,
    RATING_RANGE,
    Answer,
    Contact,
    FeedbackBoard,
    FeedbackEntry,
    FeedbackError,
    FeedbackSummary,
    FollowUps,
    Meeting,
    MentorFigures,
    MutualFollowUp,
    OwnMeetings,
)
from mentordesk.services.feedback.meeting_reads import meetings
from mentordesk.services.feedback.outcomes import feedback_summary, mutual_follow_ups
from mentordesk.services.feedback.recording import (
    record_answers,
    record_feedback,
    record_mentee_feedback,
    record_mentor_feedback,
)
from mentordesk.services.feedback.screens import feedback_board, first_match, name_matches, own_meetings

__all__ = [
    "COMMENT_MAX_CHARS",
    "KEEP",
    "RATING_RANGE",
    "Answer",
    "Contact",
    "FeedbackBoard",
    "FeedbackEntry",
    "FeedbackError",
    "FeedbackSummary",
    "FollowUps",
    "Meeting",
    "MentorFigures",
    "MutualFollowUp",
    "OwnMeetings",
    "feedback_board",
    "feedback_summary",
    "first_match",
    "meetings",
    "mutual_follow_ups",
    "name_matches",
    "own_meetings",
    "record_answers",
    "record_feedback",
    "record_mentee_feedback",
    "record_mentor_feedback",
]
