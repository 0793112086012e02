"""Reading the meaning out of single cells: a role, a yes/no answer, an attendee status, a list.

Every parser here is forgiving about case, accents, spacing and punctuation, and strict about
meaning: text that could mean two things ("Mentor/Mentee") is reported, never guessed.
"""

from __future__ import annotations

import enum
import functools
import re
from dataclasses import dataclass

from mentordesk.models import Role
from mentordesk.models.normalize import clean, fold

_WORD = re.compile(r"[^\W\d_]+")

# Whole words of the folded text. Mentor and mentee words are "strong": a ticket that names both
# is ambiguous. Student, learner and the like are "weak" mentee words, so "Mentee - Student" is a
# mentee and "Student Mentor" (a peer-mentoring scheme) is a mentor. "Mentoring" on its own names
# the event, not the role ("Mentoring Partner", "Flash Mentoring – Day Pass"), so it is not here.
_MENTOR_WORDS = frozenset(
    "mentor mentors mentora mentoras mentorin mentorinnen coach coaches".split()
)
_MENTEE_WORDS = frozenset(
    "mentee mentees mentoree mentorees protege proteges protegee mentorado mentorada mentoreado "
    "mentoreada mentorados mentoradas".split()
)
_WEAK_MENTEE_WORDS = frozenset(
    "student students learner learners pupil pupils apprentice trainee trainees schuler schulerin "
    "studierende studentin etudiant etudiante estudiante alumno alumna studente studentessa".split()
)
_FACILITATOR_WORDS = frozenset(
    "facilitator facilitators organiser organisers organizer organizers host hosts staff moderator "
    "moderators moderatorin organisator organisatorin organisateur organisatrice organizador organizadora "
    "coordinator coordinators crew animateur animatrice".split()
)


class RoleReading(enum.Enum):
    """What a role or ticket-type cell says when it does not name exactly one role."""

    BLANK = "blank"
    UNKNOWN = "unknown"
    AMBIGUOUS = "ambiguous"


# The cell parsers are cached: an export repeats the same few ticket types, statuses and answers
# on every row, and folding text is the costliest part of reading a row.
@functools.lru_cache(maxsize=1024)
def read_role(text: str) -> Role | RoleReading:
    """The role a role or ticket-type cell names, e.g. "Mentor (Volunteer)" → mentor."""
    words = set(_WORD.findall(fold(text)))
    if not words:
        return RoleReading.BLANK
    mentor = bool(words & _MENTOR_WORDS)
    mentee = bool(words & _MENTEE_WORDS)
    if mentor and mentee:
        return RoleReading.AMBIGUOUS
    if mentor:
        return Role.MENTOR
    if mentee:
        return Role.MENTEE
    if words & _FACILITATOR_WORDS:
        return Role.FACILITATOR
    if words & _WEAK_MENTEE_WORDS:
        return Role.MENTEE
    return RoleReading.UNKNOWN


_YES = frozenset(
    "yes y true t 1 x ja j oui si sim ok agree agreed accept accepted consent consented checked on yep "
    "yeah sure einverstanden zustimmen d'accord daccord acepto".split()
)
_NO = frozenset(
    "no n false f 0 nein non nao not dont don't never decline declined disagree refuse refused unchecked "
    "off nicht kein keine pas".split()
)
_TICKS = frozenset("✓✔☑✅")


@functools.lru_cache(maxsize=1024)
def read_yes_no(text: str) -> bool | None:
    """True for yes/true/1/x/ja/oui/sí/agree …, False for no/false/0/nein …; None if unclear or blank.

    Form answers are often whole sentences ("Yes, you may share my e-mail", "I do not agree"): any
    word of refusal makes it a no, otherwise any word of assent makes it a yes.
    """
    stripped = text.strip()
    if not stripped:
        return None
    if stripped in _TICKS:
        return True
    folded = fold(stripped).replace("’", "'")
    words = set(re.findall(r"[\w']+", folded))
    if words & _NO:
        return False
    if words & _YES:
        return True
    return None


@dataclass(frozen=True)
class StatusReading:
    attending: bool
    #: What the status implies when it does not say so itself ("on the waiting list"), or "".
    reason: str = ""


# Folded fragments, checked before the attending words so that "Not attending" is not read as
# "attending". The reason is said only where the status alone would not explain it.
_NOT_ATTENDING = (
    ("not attending", ""),
    ("not going", ""),
    ("cancel", ""),
    ("refund", ""),
    ("declin", ""),
    ("transfer", "the ticket went to someone else"),
    ("void", ""),
    ("reject", ""),
    ("deleted", ""),
    ("removed", ""),
    ("waitlist", "on the waiting list"),
    ("wait list", "on the waiting list"),
    ("waiting list", "on the waiting list"),
    ("storn", ""),
    ("annul", ""),
    ("rembours", ""),
    ("erstattet", ""),
    ("abgesagt", ""),
)
_ATTENDING_WORDS = frozenset(
    "attending going attended present approved confirmed registered booked paid complete completed active "
    "valid accepted placed pending invited yes ok maybe issued angemeldet bestatigt bezahlt confirme "
    "inscrit confirmado inscrito".split()
)
_ATTENDING_PHRASES = frozenset(
    ("checked in", "not checked in", "checked out", "free order", "pending approval", "awaiting payment")
)
#: An RSVP column answered "no".
_DECLINING_ANSWERS = frozenset(("no", "nein", "non", "n"))


@functools.lru_cache(maxsize=1024)
def read_status(text: str) -> StatusReading | None:
    """Whether a row's attendee status means the person is coming; None when the text is not understood."""
    folded = " ".join(fold(text).replace("-", " ").replace("_", " ").split())
    if not folded:
        return StatusReading(attending=True)
    if folded in _DECLINING_ANSWERS:
        return StatusReading(attending=False)
    for needle, reason in _NOT_ATTENDING:
        if needle in folded:
            return StatusReading(attending=False, reason=reason)
    if folded in _ATTENDING_PHRASES or set(folded.split()) & _ATTENDING_WORDS:
        return StatusReading(attending=True)
    return None


def split_list(text: str) -> list[str]:
    """Items of a list cell: split on ; | or line breaks when there are any, otherwise on commas.

    Commas are the weakest separator because an item may contain one ("Hiring, interviews"), so a
    cell that uses semicolons keeps its commas inside the items.
    """
    if not text.strip():
        return []
    if re.search(r"[;|\n\r]", text):
        parts = re.split(r"[;|\r\n]+", text)
    else:
        parts = text.split(",")
    # Leftover separators (" , ;") are not items.
    return [item for item in (clean(part) for part in parts) if any(char.isalnum() for char in item)]


_EMAIL = re.compile(r"^[^@\s<>(),;:\"\[\]]+@[^@\s<>(),;:\"\[\]]+\.[^@\s<>(),;:\"\[\].]{2,}$")
# "Name <address>" is how mail programs copy an address; forms sometimes store it that way.
_ANGLE = re.compile(r"<\s*([^<>\s]+@[^<>\s]+)\s*>")


def read_email(text: str) -> tuple[str | None, bool]:
    """(the address or None when blank, whether it is valid). "mailto:" and "Name <a@b>" are unwrapped."""
    value = text.strip()
    if not value:
        return None, True
    angle = _ANGLE.search(value)
    if angle:
        value = angle.group(1)
    if value.lower().startswith("mailto:"):
        value = value[7:].strip()
    value = value.strip("<>").strip()
    valid = bool(_EMAIL.match(value)) and len(value) <= 320 and ".." not in value
    return value, valid
