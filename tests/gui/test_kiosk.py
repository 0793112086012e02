"""Kiosk mode: self check-in that shows nobody's name but your own, tells no stranger who is registered,
and only the PIN leaves it (slowed down, then locked, after wrong PINs)."""
# ruff: noqa: F811 - the fixtures imported from checkin_helpers are test parameters here

from __future__ import annotations

import re

import pytest
from checkin_helpers import Guests, checked_in, desk, guests, log  # noqa: F401 - fixtures
from kiosk_helpers import open_kiosk
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from mentordesk.models import CheckinEntry, CheckinMethod, Role
from mentordesk.models.store import EventStore
from mentordesk.settings import KIOSK_LOCKED, KIOSK_PIN, Settings
from mentordesk.ui.checkin.kiosk import NOT_FOUND_HEADLINE, SHARED_NAME_HEADLINE, KioskState, KioskWindow
from mentordesk.ui.checkin.page import CheckinPage
from mentordesk.ui.widgets.bidi import strip_isolates
from mentordesk.ui.widgets.kiosk_pin_dialog import PinSetupDialog
from mentordesk.ui.widgets.scan_field import IDLE_MS

PIN = "2468"
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def kiosk(desk: CheckinPage, qtbot: QtBot) -> KioskWindow:
    return open_kiosk(desk, qtbot, PIN, KioskWindow)


def _type(qtbot: QtBot, kiosk: KioskWindow, text: str, *, enter: bool = True) -> None:
    qtbot.keyClicks(kiosk.field, text)
    if enter:
        _enter(qtbot, kiosk)


def _enter(qtbot: QtBot, kiosk: KioskWindow) -> None:
    """Press Enter and wait for the kiosk's answer (it follows the commit)."""
    qtbot.keyClick(kiosk.field, Qt.Key.Key_Return)
    _answered(qtbot, kiosk)


def _answered(qtbot: QtBot, kiosk: KioskWindow) -> None:
    qtbot.waitUntil(lambda: kiosk.answers_pending == 0, timeout=20_000)


def _others_shown(kiosk: KioskWindow, guests: Guests, allowed: str = "") -> list[str]:
    """Names of other people that a person at the kiosk can see."""
    text = kiosk.visible_text
    return [g.name for g in guests.all if g.name != allowed and g.name in text]


def test_kiosk_fills_the_screen_with_a_friendly_prompt(kiosk: KioskWindow) -> None:
    assert kiosk.isFullScreen()
    assert kiosk.state is KioskState.WELCOME
    assert "Scan your badge or type your full name" in kiosk.visible_text


def test_a_scan_shows_only_your_own_name(
    kiosk: KioskWindow, guests: Guests, store: EventStore, qtbot: QtBot
) -> None:
    _type(qtbot, kiosk, guests.anna.code)

    assert checked_in(store, guests.anna.id)
    assert kiosk.name_label.text() == "Anna Novák"
    assert _others_shown(kiosk, guests, allowed="Anna Novák") == []
    (entry,) = log(store)
    with store.read_session() as session:
        assert session.scalars(select(CheckinEntry.method).where(CheckinEntry.id == entry.entry_id)).one() is (
            CheckinMethod.KIOSK
        )
    # A second scan says you are already in, still naming nobody else.
    _type(qtbot, kiosk, guests.anna.code.lower())
    # When it happened, in words people say ("already checked in at 09:14", not "since 09:14").
    assert re.fullmatch(r"You already checked in at \d\d:\d\d", kiosk.headline_label.text())
    assert _others_shown(kiosk, guests, allowed="Anna Novák") == []


def test_a_scan_without_enter_works_too(kiosk: KioskWindow, guests: Guests, store: EventStore, qtbot: QtBot) -> None:
    _type(qtbot, kiosk, guests.mentor.code, enter=False)
    qtbot.waitUntil(lambda: kiosk.name_label.text() == "Amara Okafor", timeout=20_000)
    assert checked_in(store, guests.mentor.id)


def test_a_typed_name_is_confirmed_before_checking_in(
    kiosk: KioskWindow, guests: Guests, store: EventStore, qtbot: QtBot
) -> None:
    _type(qtbot, kiosk, "zoe simunek")

    assert kiosk.state is KioskState.CONFIRM
    assert strip_isolates(kiosk.name_label.text()) == "Are you Zoë Šimůnek?"
    assert kiosk.yes_button.isVisible() and kiosk.no_button.isVisible()
    assert not checked_in(store, guests.zoe.id)

    _enter(qtbot, kiosk)  # Enter answers yes
    assert checked_in(store, guests.zoe.id)
    assert kiosk.name_label.text() == "Zoë Šimůnek"
    assert kiosk.headline_label.text() == "You are checked in. Welcome!"


def test_answering_no_checks_nobody_in(kiosk: KioskWindow, guests: Guests, store: EventStore, qtbot: QtBot) -> None:
    _type(qtbot, kiosk, "amara okafor")
    assert kiosk.state is KioskState.CONFIRM
    qtbot.keyClick(kiosk.field, Qt.Key.Key_Escape)
    assert not checked_in(store, guests.mentor.id)
    assert "scan your badge" in kiosk.note_label.text()
    assert _others_shown(kiosk, guests) == []


def _labels(kiosk: KioskWindow) -> str:
    """What the kiosk says (its visible text without the field, which shows what was typed)."""
    return kiosk.visible_text.rsplit("\n", 1)[0]


def _answer_to(qtbot: QtBot, kiosk: KioskWindow, text: str) -> str:
    """What the kiosk says after ``text`` and Enter."""
    kiosk.field.clear()
    _type(qtbot, kiosk, text)
    return _labels(kiosk)


@pytest.mark.parametrize("typed", ["a", "an", "zo", "anna", "anna nov", "amara", "Αλ", "okafor", "simunek"])
def test_part_of_a_name_reveals_nobody(
    kiosk: KioskWindow, guests: Guests, store: EventStore, qtbot: QtBot, typed: str
) -> None:
    unknown = _answer_to(qtbot, kiosk, "Nobody Here")

    if typed.isascii():
        qtbot.keyClicks(kiosk.field, typed)
    else:
        kiosk.field.insert(typed)  # QTest cannot type Greek letters (it aborts); an input method would
    _enter(qtbot, kiosk)

    assert kiosk.state is KioskState.RESULT and kiosk.headline_label.text() == NOT_FOUND_HEADLINE
    assert _others_shown(kiosk, guests) == []
    assert "Are you" not in kiosk.visible_text
    # Exactly what an unregistered name gets: nobody can tell "registered" from "not registered".
    assert _labels(kiosk) == unknown
    assert log(store) == []
    # What they typed stays to be read, selected so that typing again replaces it.
    assert kiosk.field.text() == typed and kiosk.field.selectedText() == typed


def test_a_whole_name_in_any_case_or_order_asks_are_you(
    kiosk: KioskWindow, guests: Guests, store: EventStore, qtbot: QtBot
) -> None:
    _type(qtbot, kiosk, "NOVAKOVA anna")
    assert strip_isolates(kiosk.name_label.text()) == "Are you Anna Nováková?"
    assert "Kiwi.com" not in kiosk.visible_text  # the name only, nothing else about her
    assert not checked_in(store, guests.anna_k.id)


def test_a_shared_whole_name_names_nobody_and_asks_for_the_badge(
    kiosk: KioskWindow, guests: Guests, store: EventStore, qtbot: QtBot, add_person  # type: ignore[no-untyped-def]
) -> None:
    add_person(store, "Anna", "Novák", Role.MENTOR, organization="Seznam")
    _type(qtbot, kiosk, "anna novak")
    assert kiosk.headline_label.text() == SHARED_NAME_HEADLINE
    assert "scan your badge" in kiosk.note_label.text()
    assert "Are you" not in kiosk.visible_text and "Avast" not in kiosk.visible_text
    assert log(store) == []


@pytest.mark.parametrize("enter", [True, False])
def test_someone_elses_email_checks_nobody_in_and_names_nobody(
    kiosk: KioskWindow, guests: Guests, store: EventStore, qtbot: QtBot, enter: bool
) -> None:
    unknown = _answer_to(qtbot, kiosk, "nobody@example.org")
    kiosk.field.clear()

    _type(qtbot, kiosk, "zoe@example.org", enter=enter)
    if not enter:
        # A scanner without Enter: the field settles by itself; only a badge would count.
        qtbot.waitUntil(lambda: kiosk.headline_label.text() == "We couldn’t find that badge", timeout=20_000)
    else:
        assert _labels(kiosk) == unknown
        assert kiosk.headline_label.text() == NOT_FOUND_HEADLINE

    assert not checked_in(store, guests.zoe.id) and log(store) == []
    assert "Zoë" not in kiosk.visible_text and "Šimůnek" not in kiosk.visible_text
    assert _others_shown(kiosk, guests) == []


def test_nobody_found(kiosk: KioskWindow, guests: Guests, qtbot: QtBot) -> None:
    _type(qtbot, kiosk, "Nobody Here")
    assert kiosk.headline_label.text() == NOT_FOUND_HEADLINE
    # The next badge replaces the name left in the field.
    _type(qtbot, kiosk, "ZZZZ9999", enter=False)
    qtbot.waitUntil(lambda: kiosk.headline_label.text() == "We couldn’t find that badge", timeout=20_000)
    assert kiosk.field.text() == ""
    assert _others_shown(kiosk, guests) == []


def test_a_typed_name_is_not_taken_for_a_badge_while_typing(
    kiosk: KioskWindow, guests: Guests, store: EventStore, qtbot: QtBot
) -> None:
    qtbot.keyClicks(kiosk.field, "johannes", delay=IDLE_MS // 4)  # by hand, slower than a scanner
    qtbot.wait(IDLE_MS + 250)
    _answered(qtbot, kiosk)
    assert kiosk.state is KioskState.WELCOME and kiosk.field.text() == "johannes"
    _enter(qtbot, kiosk)
    assert strip_isolates(kiosk.name_label.text()) == "Are you Johannes?"


def test_returns_to_the_welcome_prompt_after_a_few_seconds(
    kiosk: KioskWindow, guests: Guests, qtbot: QtBot
) -> None:
    kiosk.result_ms = 200
    _type(qtbot, kiosk, guests.zoe.code)
    assert kiosk.name_label.text() == "Zoë Šimůnek"
    qtbot.waitUntil(lambda: kiosk.state is KioskState.WELCOME, timeout=20_000)
    assert "Zoë" not in kiosk.visible_text
    assert kiosk.field.hasFocus()

    # Half a name left behind is cleared too.
    kiosk.question_ms = 200
    qtbot.keyClicks(kiosk.field, "Zo")
    qtbot.waitUntil(lambda: kiosk.field.text() == "", timeout=20_000)


def test_only_the_pin_leaves_kiosk_mode(desk: CheckinPage, kiosk: KioskWindow, qtbot: QtBot) -> None:
    # Closing the window (Alt+F4, the task bar) asks for the PIN instead.
    kiosk.close()
    assert kiosk.isVisible() and kiosk.state is KioskState.PIN
    assert not kiosk.field.isVisible()
    # Escape goes back to the welcome prompt, not out of the kiosk.
    qtbot.keyClick(kiosk.pin_edit, Qt.Key.Key_Escape)
    assert kiosk.isVisible() and kiosk.state is KioskState.WELCOME
    qtbot.keyClick(kiosk.field, Qt.Key.Key_Escape)
    assert kiosk.isVisible()

    qtbot.keyClick(kiosk.field, Qt.Key.Key_K, CTRL_SHIFT)
    assert kiosk.state is KioskState.PIN and kiosk.pin_edit.hasFocus()
    qtbot.keyClicks(kiosk.pin_edit, "1111")
    qtbot.keyClick(kiosk.pin_edit, Qt.Key.Key_Return)
    assert kiosk.isVisible()
    assert kiosk.pin_error.text() == "That is not the PIN."

    with qtbot.waitSignal(kiosk.finished):
        qtbot.keyClicks(kiosk.pin_edit, PIN)
        qtbot.keyClick(kiosk.pin_edit, Qt.Key.Key_Return)
    assert not kiosk.isVisible()
    qtbot.waitUntil(lambda: desk.kiosk is None, timeout=20_000)
    assert desk.window().isVisible()


def test_the_desk_is_hidden_while_the_kiosk_runs(desk: CheckinPage, kiosk: KioskWindow, window) -> None:  # type: ignore[no-untyped-def]
    # Otherwise Alt+Tab would show the desk's list of everybody who checked in.
    assert not window.isVisible()
    assert kiosk.leave(PIN)
    assert window.isVisible()


def test_starting_kiosk_mode_asks_for_a_pin_when_there_is_none(desk: CheckinPage, qtbot: QtBot) -> None:
    assert Settings().get(KIOSK_PIN) == ""
    qtbot.keyClick(desk.field, Qt.Key.Key_K, CTRL_SHIFT)
    dialog = desk.dialog
    assert isinstance(dialog, PinSetupDialog) and desk.kiosk is None

    dialog.pin_edit.setText("12")
    dialog.repeat_edit.setText("12")
    assert not dialog.submit() and "at least 4" in dialog.error_label.text()
    dialog.pin_edit.setText("97531")
    dialog.repeat_edit.setText("97532")
    assert not dialog.submit() and "not the same" in dialog.error_label.text()
    dialog.repeat_edit.setText("97531")
    assert dialog.submit()

    assert "97531" not in Settings().get(KIOSK_PIN) and Settings().check(KIOSK_PIN, "97531")
    assert isinstance(desk.kiosk, KioskWindow) and desk.kiosk.isVisible()
    assert not desk.kiosk.leave("2468") and desk.kiosk.leave("97531")


def test_closing_the_event_closes_the_kiosk(desk: CheckinPage, kiosk: KioskWindow, window, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    window.close_event()
    assert not kiosk.isVisible()
    qtbot.waitUntil(lambda: desk.kiosk is None, timeout=20_000)


class FakeClock:
    def __init__(self) -> None:
        self.now = 5_000.0

    def __call__(self) -> float:
        return self.now


def _enter_pin(qtbot: QtBot, kiosk: KioskWindow, pin: str) -> None:
    qtbot.keyClicks(kiosk.pin_edit, pin)
    qtbot.keyClick(kiosk.pin_edit, Qt.Key.Key_Return)


def test_wrong_pins_wait_longer_then_lock_until_the_desk_unlocks(
    desk: CheckinPage, kiosk: KioskWindow, guests: Guests, store: EventStore, qtbot: QtBot
) -> None:
    clock = FakeClock()
    kiosk.pin_guard = kiosk.make_pin_guard(clock)
    kiosk.ask_for_pin()
    for _ in range(2):
        _enter_pin(qtbot, kiosk, "1111")
        assert kiosk.pin_error.text() == "That is not the PIN." and kiosk.pin_edit.isEnabled()

    _enter_pin(qtbot, kiosk, "1111")  # the third: now each try waits
    assert kiosk.pin_error.text() == "That is not the PIN. Try again in 1 s."
    assert not kiosk.pin_edit.isEnabled() and kiosk.pin_timer.isActive()
    assert not kiosk.leave(PIN)  # even the right PIN waits
    assert kiosk.isVisible() and kiosk.pin_error.text() == "Try again in 1 s."
    clock.now += 1
    kiosk.pin_timer.timeout.emit()
    assert kiosk.pin_edit.isEnabled() and kiosk.pin_error.text() == ""

    for expected_wait in (2, 4, 8, 16, 32, 64):
        _enter_pin(qtbot, kiosk, "1111")
        assert f"Try again in {expected_wait} s." in kiosk.pin_error.text()
        clock.now += expected_wait - 1
        kiosk.pin_timer.timeout.emit()
        assert "Try again in 1 s." in kiosk.pin_error.text()  # counted down on screen
        clock.now += 1
        kiosk.pin_timer.timeout.emit()
    assert kiosk.pin_guard.tries_left == 1

    _enter_pin(qtbot, kiosk, "1111")  # the tenth wrong PIN in a row
    assert "Locked — an organiser must unlock it at the desk." in kiosk.visible_text
    assert not kiosk.pin_edit.isVisible()
    assert Settings().get(KIOSK_LOCKED)
    clock.now += 24 * 3600
    assert not kiosk.leave(PIN) and kiosk.isVisible()
    kiosk.close()  # Alt+F4: still the locked prompt
    assert kiosk.isVisible() and "Locked" in kiosk.visible_text

    # Guests are not locked out: Esc goes back and check-in goes on.
    qtbot.keyClick(kiosk, Qt.Key.Key_Escape)
    assert kiosk.state is KioskState.WELCOME
    _type(qtbot, kiosk, guests.anna.code)
    assert checked_in(store, guests.anna.id)

    # The desk: once the app is ended (here: the event closed), kiosk mode asks for a PIN to unlock.
    kiosk.force_close()
    qtbot.waitUntil(lambda: desk.kiosk is None, timeout=20_000)
    desk.kiosk_button.click()
    dialog = desk.dialog
    assert isinstance(dialog, PinSetupDialog) and desk.kiosk is None
    assert dialog.windowTitle() == "Unlock kiosk mode"
    dialog.pin_edit.setText("86420")
    dialog.repeat_edit.setText("86420")
    assert dialog.submit()
    assert Settings().get(KIOSK_LOCKED) == ""
    assert isinstance(desk.kiosk, KioskWindow) and not desk.kiosk.pin_guard.locked
    assert not desk.kiosk.leave(PIN) and desk.kiosk.leave("86420")


def test_a_locked_kiosk_is_unlocked_from_the_command_line_without_leaving_it(
    kiosk: KioskWindow, qtbot: QtBot, capsys: pytest.CaptureFixture[str]
) -> None:
    """The organiser runs ``mentordesk kiosk unlock`` (another terminal, a remote shell): the kiosk
    on screen asks for the PIN again at the next try to leave it, and the right PIN leaves."""
    from mentordesk.cli import main

    Settings().set(KIOSK_LOCKED, "2026-05-04T18:00:00+02:00")
    kiosk.pin_guard = kiosk.make_pin_guard(FakeClock())
    kiosk.ask_for_pin()
    assert "Locked" in kiosk.visible_text and not kiosk.leave(PIN)

    assert main(["kiosk", "status"]) == 0
    assert "locked itself at 2026-05-04T18:00:00+02:00" in capsys.readouterr().out
    assert main(["kiosk", "unlock"]) == 0
    assert "unlocked" in capsys.readouterr().out

    qtbot.keyClick(kiosk, Qt.Key.Key_Escape)
    kiosk.ask_for_pin()
    assert kiosk.pin_edit.isVisible() and "Locked" not in kiosk.visible_text
    _enter_pin(qtbot, kiosk, PIN)
    qtbot.waitUntil(lambda: not kiosk.isVisible(), timeout=20_000)
