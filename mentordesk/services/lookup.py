"""Finding a person from what the check-in desk receives: a scan, a typed code, an e-mail or a name.

Badge codes are matched forgivingly, because scanners and people mangle them in known ways:
lower case, spaces or hyphens, O for 0 and I/L for 1 (Crockford's rules), and keyboard-layout
mix-ups — a scanner set to US layout on a French AZERTY computer types ``&é"'(-è_çà`` for the
digits, and on a German QWERTZ computer Y and Z swap. A code is tried as received first, so a
real code never resolves to someone else.

Name search is accent- and case-insensitive and ignores word order: every word typed must be the
start of a word in the person's name ("zoe sim" finds "Zoë Šimůnek"), or appear inside it for
scripts written without spaces.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import ColumnElement, or_, select
from sqlalchemy.orm import Session

from mentordesk.models import Person
from mentordesk.models.normalize import email_key, fold
from mentordesk.services.people import BADGE_ALPHABET, BADGE_CODE_LENGTH

_AZERTY_DIGITS = str.maketrans("&é\"'(-è_çà", "1234567890")
_QWERTZ_SWAP = str.maketrans("YZyz", "ZYzy")
_CROCKFORD = str.maketrans("OILU", "0111")
_CODE_CHARS = re.compile(rf"^[{BADGE_ALPHABET}]{{{BADGE_CODE_LENGTH}}}$")


class MatchKind(StrEnum):
    BADGE_CODE = "badge_code"
    EMAIL = "email"
    NAME = "name"


@dataclass(frozen=True)
class Lookup:
    """What a piece of input resolved to: one person for a code or e-mail, candidates for a name."""

    kind: MatchKind | None
    person_ids: tuple[int, ...]

    @property
    def unique(self) -> int | None:
        return self.person_ids[0] if len(self.person_ids) == 1 else None


def code_candidates(raw: str) -> list[str]:
    """Badge codes the input may stand for, the literal reading first."""
    text = raw.strip()
    # A QR payload may one day carry a prefix (e.g. "MD1:" + code); the code is its last part.
    text = re.split(r"[:/]", text)[-1]
    variants: list[str] = []
    for variant in (text, text.translate(_AZERTY_DIGITS), text.translate(_QWERTZ_SWAP),
                    text.translate(_AZERTY_DIGITS).translate(_QWERTZ_SWAP)):
        compact = re.sub(r"[\s\-_.]", "", variant).upper()
        for candidate in (compact, compact.translate(_CROCKFORD)):
            if _CODE_CHARS.match(candidate) and candidate not in variants:
                variants.append(candidate)
    return variants


def find_by_code(session: Session, event_id: int, raw: str) -> int | None:
    """The person whose badge code (or a forgiving reading of it) is ``raw``."""
    candidates = code_candidates(raw)
    if not candidates:
        return None
    rows = dict(
        session.execute(
            select(Person.badge_code, Person.id).where(Person.event_id == event_id, Person.badge_code.in_(candidates))
        ).all()
    )
    for candidate in candidates:
        if candidate in rows:
            return rows[candidate]
    return None


def find_by_email(session: Session, event_id: int, raw: str) -> int | None:
    key = email_key(raw)
    if not key or "@" not in key:
        return None
    return session.scalar(select(Person.id).where(Person.event_id == event_id, Person.email_key == key))


def search_names(session: Session, event_id: int, query: str, limit: int = 50) -> list[int]:
    """Ids of people whose name matches every word of ``query``, best matches first."""
    words = fold(query).split()
    if not words:
        return []
    conditions: list[ColumnElement[bool]] = []
    for word in words:
        escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        if any(_is_unspaced_script(ch) for ch in word):
            # Chinese, Japanese, Korean … names are often written without spaces: match anywhere.
            conditions.append(Person.search_key.like(f"%{escaped}%", escape="\\"))
        else:
            conditions.append(
                or_(
                    Person.search_key.like(f"{escaped}%", escape="\\"),
                    Person.search_key.like(f"% {escaped}%", escape="\\"),
                )
            )
    exact = fold(query)
    exact_escaped = exact.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    # Exact full-name matches first, then names starting with the query, then the rest.
    ids = session.scalars(
        select(Person.id)
        .where(Person.event_id == event_id, *conditions)
        .order_by(
            (Person.search_key == exact).desc(),
            Person.search_key.like(f"{exact_escaped}%", escape="\\").desc(),
            Person.search_key,
            Person.id,
        )
        .limit(limit)
    ).all()
    return list(ids)


def _is_unspaced_script(ch: str) -> bool:
    code = ord(ch)
    return (
        0x3040 <= code <= 0x30FF  # Hiragana, Katakana
        or 0x3400 <= code <= 0x9FFF  # CJK ideographs
        or 0xAC00 <= code <= 0xD7AF  # Hangul syllables
        or 0x0E00 <= code <= 0x0E7F  # Thai
        or 0xF900 <= code <= 0xFAFF
    )


def lookup(session: Session, event_id: int, raw: str, *, names: bool = True, limit: int = 50) -> Lookup:
    """Resolve desk input: a badge code first, then an e-mail address, then (optionally) a name."""
    text = raw.strip()
    if not text:
        return Lookup(None, ())
    person_id = find_by_code(session, event_id, text)
    if person_id is not None:
        return Lookup(MatchKind.BADGE_CODE, (person_id,))
    if "@" in text:
        person_id = find_by_email(session, event_id, text)
        return Lookup(MatchKind.EMAIL, (person_id,)) if person_id is not None else Lookup(None, ())
    if names:
        ids = search_names(session, event_id, text, limit=limit)
        return Lookup(MatchKind.NAME, tuple(ids)) if ids else Lookup(None, ())
    return Lookup(None, ())
