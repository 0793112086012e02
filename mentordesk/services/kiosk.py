"""What an unattended kiosk may reveal, and how hard its PIN is to guess.

At the staffed desk a partial name or an e-mail is fine: an organiser reads the candidates. At a
kiosk the person typing may be anybody, so :func:`find_for_kiosk` only recognises

* a badge code or QR payload (the badge is the proof) — that person;
* an exact full name (accent- and case-insensitive, words in any order, every word) — to be asked
  "Are you …?"; when several people share it, nobody is named and the person is asked to scan
  their badge or go to the desk.

Anything else — half a name, a name not registered, an e-mail address — gets the same answer,
so that nobody can find out who is registered by trying letters or addresses. An e-mail address is
never used at all: it is often known to others (a colleague's), and a kiosk cannot ask for proof.

:class:`PinGuard` slows down guessing of the PIN that leaves a kiosk: after a few wrong PINs each
further try has to wait (1 s, 2 s, 4 s …) and after ``LOCK_AFTER`` wrong PINs in a row no PIN is
accepted any more, not even the right one, until an organiser unlocks it at the desk. It takes
its clock as a parameter so that tests can move time without waiting.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from mentordesk.models import Person
from mentordesk.models.normalize import fold
from mentordesk.services.lookup import find_by_code, search_names

#: Wrong PINs in a row that cost no waiting (a typo, a second typo, a wrong-hand third).
FREE_ATTEMPTS = 3
#: The wait after the first wrong PIN beyond the free ones; each further one doubles it.
FIRST_DELAY_S = 1.0
#: Wrong PINs in a row after which the kiosk accepts no PIN until the desk unlocks it.
LOCK_AFTER = 10

#: More people than this sharing one exact name is beyond any real event; it bounds the query.
_NAME_CANDIDATES = 500


class KioskFound(StrEnum):
    #: A badge code or QR payload: ``person_id`` is who it belongs to.
    BADGE = "badge"
    #: An exact full name belonging to one person: ask "Are you …?" before anything happens.
    NAME = "name"
    #: An exact full name that several people share: name nobody, ask for the badge.
    SHARED_NAME = "shared_name"
    #: Anything else (half a name, an unknown name, an e-mail address): reveal nothing.
    NOTHING = "nothing"


@dataclass(frozen=True)
class KioskLookup:
    found: KioskFound
    person_id: int | None = None


def find_for_kiosk(session: Session, event_id: int, raw: str, *, badge_only: bool = False) -> KioskLookup:
    """Who ``raw``, typed or scanned at a kiosk, identifies; see the module docstring for the rules.

    ``badge_only``: the input arrived without Enter (a scanner that sends none), so it is taken
    only as a badge code, never as a name that someone is still typing.
    """
    text = raw.strip()
    if not text:
        return KioskLookup(KioskFound.NOTHING)
    person_id = find_by_code(session, event_id, text)
    if person_id is not None:
        return KioskLookup(KioskFound.BADGE, person_id)
    if badge_only or "@" in text:
        return KioskLookup(KioskFound.NOTHING)
    ids = exact_name_matches(session, event_id, text)
    if len(ids) == 1:
        return KioskLookup(KioskFound.NAME, ids[0])
    if ids:
        return KioskLookup(KioskFound.SHARED_NAME)
    return KioskLookup(KioskFound.NOTHING)


def exact_name_matches(session: Session, event_id: int, name: str) -> list[int]:
    """Ids of the people whose whole name is ``name``, ignoring case, accents and word order."""
    words = sorted(fold(name).split())
    if not words:
        return []
    # The desk's search finds every name that contains these words; only whole names are kept.
    candidates = search_names(session, event_id, name, limit=_NAME_CANDIDATES)
    if not candidates:
        return []
    keys = session.execute(select(Person.id, Person.search_key).where(Person.id.in_(candidates))).all()
    return sorted(pid for pid, key in keys if sorted(key.split()) == words)


# -- the PIN that leaves a kiosk


class PinStatus(StrEnum):
    #: The right PIN: leave the kiosk.
    OK = "ok"
    #: A wrong PIN; ``wait_s`` says how long until the next try is looked at.
    WRONG = "wrong"
    #: Tried before the wait was over: not looked at, and not counted.
    WAIT = "wait"
    #: Too many wrong PINs: none is looked at until the desk unlocks.
    LOCKED = "locked"


@dataclass(frozen=True)
class PinVerdict:
    status: PinStatus
    #: Whole seconds until the next PIN is looked at (0: at once).
    wait_s: int = 0
    #: Wrong PINs that may still be tried before the lock.
    tries_left: int = 0


class PinGuard:
    """Counts wrong PINs, makes each try after the free ones wait longer, then locks.

    ``verify`` says whether a PIN is right (the slow hash check); it is not even called while a
    wait runs or once locked, so that waiting cannot be skipped by typing faster.
    """

    def __init__(
        self,
        verify: Callable[[str], bool],
        *,
        clock: Callable[[], float] = time.monotonic,
        locked: bool = False,
        free_attempts: int = FREE_ATTEMPTS,
        first_delay_s: float = FIRST_DELAY_S,
        lock_after: int = LOCK_AFTER,
    ) -> None:
        self._verify = verify
        self._clock = clock
        self._free = free_attempts
        self._first_delay = first_delay_s
        self._lock_after = lock_after
        self.wrong_in_a_row = lock_after if locked else 0
        self._next_try_at = 0.0

    @property
    def locked(self) -> bool:
        return self.wrong_in_a_row >= self._lock_after

    @property
    def tries_left(self) -> int:
        return max(0, self._lock_after - self.wrong_in_a_row)

    def wait_left(self) -> int:
        """Whole seconds, rounded up, until the next PIN is looked at."""
        return max(0, math.ceil(self._next_try_at - self._clock()))

    def attempt(self, pin: str) -> PinVerdict:
        if self.locked:
            return PinVerdict(PinStatus.LOCKED)
        wait = self.wait_left()
        if wait:
            return PinVerdict(PinStatus.WAIT, wait, self.tries_left)
        if self._verify(pin):
            self.wrong_in_a_row = 0
            self._next_try_at = 0.0
            return PinVerdict(PinStatus.OK, 0, self.tries_left)
        self.wrong_in_a_row += 1
        if self.locked:
            return PinVerdict(PinStatus.LOCKED)
        beyond_free = self.wrong_in_a_row - self._free
        if beyond_free >= 0:
            self._next_try_at = self._clock() + self._first_delay * 2**beyond_free
        return PinVerdict(PinStatus.WRONG, self.wait_left(), self.tries_left)

    def unlock(self) -> None:
        """The desk lets PINs be tried again, from a clean count."""
        self.wrong_in_a_row = 0
        self._next_try_at = 0.0
