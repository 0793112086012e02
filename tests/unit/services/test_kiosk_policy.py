"""What a kiosk may reveal (badge or whole name only) and how its PIN resists guessing (time injected)."""

from __future__ import annotations

import pytest
from people_rows import add_mentees

from mentordesk.models.store import EventStore
from mentordesk.services.desk import Outcome, check_in_input
from mentordesk.services.kiosk import (
    FREE_ATTEMPTS,
    LOCK_AFTER,
    KioskFound,
    KioskLookup,
    PinGuard,
    PinStatus,
    find_for_kiosk,
)

PEOPLE = [
    ("Zoë", "Šimůnek", "zoe@example.org", "ZYK0M1A8"),
    ("Zoe", "Adams", "zadams@example.org", "QRST2345"),
    ("Anna", "Novák", None, "ABCD0004"),
    ("Anna", "Novák", None, "ABCD0005"),
    ("Anna", "Nováková", None, "ABCD0006"),
    ("芳", "王", "wang@example.org", "ABCD0001"),
    ("Johannes", "", None, "ABCD0007"),
]
NOTHING = KioskLookup(KioskFound.NOTHING)


@pytest.fixture
def ids(store: EventStore) -> dict[str, int]:
    return add_mentees(store, PEOPLE)


def _find(store: EventStore, text: str, *, badge_only: bool = False) -> KioskLookup:
    with store.read_session() as session:
        return find_for_kiosk(session, store.event_id, text, badge_only=badge_only)


@pytest.mark.parametrize("typed", ["ZYK0M1A8", "zyk0m1a8", "MD1:ZYK0M1A8", "ZYK0-M1A8"])
def test_a_badge_code_or_qr_payload_is_that_person(store: EventStore, ids: dict[str, int], typed: str) -> None:
    assert _find(store, typed) == KioskLookup(KioskFound.BADGE, ids["ZYK0M1A8"])
    assert _find(store, typed, badge_only=True) == KioskLookup(KioskFound.BADGE, ids["ZYK0M1A8"])


@pytest.mark.parametrize("typed", ["Zoë Šimůnek", "zoe simunek", "ŠIMŮNEK ZOË", "  zoe   simunek "])
def test_an_exact_full_name_in_any_case_accents_or_order(store: EventStore, ids: dict[str, int], typed: str) -> None:
    assert _find(store, typed) == KioskLookup(KioskFound.NAME, ids["ZYK0M1A8"])


def test_single_word_and_unspaced_names_are_whole_names(store: EventStore, ids: dict[str, int]) -> None:
    assert _find(store, "johannes") == KioskLookup(KioskFound.NAME, ids["ABCD0007"])
    assert _find(store, "芳 王") == KioskLookup(KioskFound.NAME, ids["ABCD0001"])


def test_a_shared_full_name_names_nobody(store: EventStore, ids: dict[str, int]) -> None:
    assert _find(store, "anna novak") == KioskLookup(KioskFound.SHARED_NAME)
    assert _find(store, "Anna Nováková") == KioskLookup(KioskFound.NAME, ids["ABCD0006"])


@pytest.mark.parametrize(
    "typed",
    ["z", "zo", "zoe", "zoe sim", "simunek", "a", "an", "anna", "anna nova", "nov", "芳", "王",
     "Zoë Šimůnek Extra", "Nobody Here", "zoe@example.org", "ZOE@EXAMPLE.ORG", "nobody@example.org", "@"],
)
def test_anything_else_reveals_nothing(store: EventStore, ids: dict[str, int], typed: str) -> None:
    # The same answer for half a registered name, an unknown name and any e-mail address.
    assert _find(store, typed) == NOTHING


def test_without_enter_only_a_badge_counts(store: EventStore, ids: dict[str, int]) -> None:
    assert _find(store, "zoe simunek", badge_only=True) == NOTHING
    assert _find(store, "zoe@example.org", badge_only=True) == NOTHING


def test_the_staffed_desk_still_finds_partial_names_and_emails(store: EventStore, ids: dict[str, int]) -> None:
    with store.session() as session:
        assert check_in_input(session, store.event_id, "anna nov", station="Desk").outcome is Outcome.CHOOSE
        by_mail = check_in_input(session, store.event_id, "zoe@example.org", station="Desk")
        assert by_mail.outcome is Outcome.CHECKED_IN and by_mail.person is not None
        assert by_mail.person.id == ids["ZYK0M1A8"]


# -- the PIN guard


class FakeClock:
    def __init__(self) -> None:
        self.now = 1_000.0

    def __call__(self) -> float:
        return self.now


def _guard(clock: FakeClock, checked: list[str] | None = None) -> PinGuard:
    def verify(pin: str) -> bool:
        if checked is not None:
            checked.append(pin)
        return pin == "2468"

    return PinGuard(verify, clock=clock)


def test_a_few_typos_cost_nothing_and_the_right_pin_resets_the_count() -> None:
    clock = FakeClock()
    guard = _guard(clock)
    for _ in range(FREE_ATTEMPTS - 1):
        verdict = guard.attempt("1111")
        assert verdict.status is PinStatus.WRONG and verdict.wait_s == 0
    assert guard.attempt("2468").status is PinStatus.OK
    assert guard.wrong_in_a_row == 0 and guard.tries_left == LOCK_AFTER


def test_waits_double_after_the_free_tries_then_the_guard_locks() -> None:
    clock = FakeClock()
    checked: list[str] = []
    guard = _guard(clock, checked)
    waits = []
    for _ in range(LOCK_AFTER - 1):
        verdict = guard.attempt("0000")
        assert verdict.status is PinStatus.WRONG
        waits.append(verdict.wait_s)
        clock.now += verdict.wait_s
    assert waits == [0, 0, 1, 2, 4, 8, 16, 32, 64]
    assert guard.tries_left == 1

    last = guard.attempt("0000")
    assert last.status is PinStatus.LOCKED and guard.locked
    # Locked: even the right PIN is not looked at, however long one waits.
    clock.now += 24 * 3600
    before = len(checked)
    assert guard.attempt("2468").status is PinStatus.LOCKED
    assert len(checked) == before

    guard.unlock()  # at the desk
    assert guard.attempt("2468").status is PinStatus.OK


def test_a_try_during_the_wait_is_not_looked_at_nor_counted() -> None:
    clock = FakeClock()
    checked: list[str] = []
    guard = _guard(clock, checked)
    for _ in range(FREE_ATTEMPTS + 1):
        clock.now += guard.attempt("0000").wait_s
    clock.now -= 2
    assert guard.wait_left() == 2
    clock.now += 0.5
    verdict = guard.attempt("2468")  # right, but too early
    assert verdict.status is PinStatus.WAIT and verdict.wait_s == 2
    assert checked.count("2468") == 0 and guard.wrong_in_a_row == FREE_ATTEMPTS + 1
    clock.now += 1.5
    assert guard.wait_left() == 0
    assert guard.attempt("2468").status is PinStatus.OK


def test_a_guard_can_start_locked() -> None:
    guard = PinGuard(lambda pin: True, clock=FakeClock(), locked=True)
    assert guard.locked and guard.attempt("2468").status is PinStatus.LOCKED
