"""The feedback kiosk end to end: find yourself, rate your own meetings, send, next person; nobody else's
name or meetings are shown for half a name or an e-mail address."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from feedback_helpers import PEOPLE, inline_ops, planned, small_event
from kiosk_helpers import open_kiosk
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from mentordesk.models import Feedback, Person, Role
from mentordesk.models.store import EventStore
from mentordesk.services import feedback as fb
from mentordesk.services import roster
from mentordesk.services.roster import PersonInput
from mentordesk.settings import KIOSK_PIN
from mentordesk.ui.flash.feedback_kiosk import NOT_FOUND_TEXT, FeedbackKiosk, KioskState
from mentordesk.ui.flash.feedback_panel import FeedbackPanel
from mentordesk.ui.widgets.kiosk_pin_dialog import PinSetupDialog

PIN = "2468"


@pytest.fixture
def event(store: EventStore) -> dict[str, int]:
    ids = small_event(store)
    planned(store, rounds=3)
    return ids


@pytest.fixture
def panel(qtbot: QtBot, store: EventStore, event: dict[str, int]) -> Iterator[FeedbackPanel]:
    widget = FeedbackPanel()
    qtbot.addWidget(widget)
    widget.set_ops(inline_ops(store))
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    if widget.kiosk is not None:
        widget.kiosk.force_close()


@pytest.fixture
def kiosk(panel: FeedbackPanel, qtbot: QtBot) -> FeedbackKiosk:
    return open_kiosk(panel, qtbot, PIN, FeedbackKiosk)


def _badge(store: EventStore, person_id: int) -> str:
    with store.read_session() as session:
        person = session.get(Person, person_id)
        assert person is not None
        return person.badge_code


def _own_meetings(store: EventStore, person_id: int) -> tuple[fb.Meeting, ...]:
    with store.read_session() as session:
        return fb.meetings(session, event_id=store.event_id, person_id=person_id)


def _others(kiosk: FeedbackKiosk, allowed: set[str]) -> list[str]:
    text = kiosk.visible_text
    names = [f"{first} {last}" for first, last, _role, _consent in PEOPLE]
    return [name for name in names if name not in allowed and name in text]


def test_a_mentee_scans_rates_and_the_kiosk_resets(
    kiosk: FeedbackKiosk, store: EventStore, event: dict[str, int], qtbot: QtBot, panel: FeedbackPanel
) -> None:
    assert kiosk.isFullScreen()
    assert not panel.window().isVisible() or panel.window() is kiosk  # the grid hides behind the kiosk
    zoe = event["Zoë"]
    own = sorted(_own_meetings(store, zoe), key=lambda m: m.round_number)
    assert own
    qtbot.keyClicks(kiosk.field, _badge(store, zoe))
    qtbot.keyClick(kiosk.field, Qt.Key.Key_Return)
    assert kiosk.state is KioskState.FORM
    assert [c.who_label.text() for c in kiosk.form.cards] == [m.mentor_name for m in own]
    # Only Zoë and the mentors she met are named.
    assert _others(kiosk, {"Zoë Šimůnek", *(m.mentor_name for m in own)}) == []

    # Keys: 5 and Y on the first meeting, a typed comment, then 2 on the next one.
    qtbot.waitUntil(kiosk.hasFocus, timeout=20_000)
    qtbot.keyClick(kiosk, Qt.Key.Key_5)
    qtbot.keyClick(kiosk, Qt.Key.Key_Y)
    qtbot.keyClick(kiosk, "T")  # typing starts the comment
    qtbot.keyClicks(kiosk.form.cards[0].comment_edit, "hanks a lot")
    qtbot.keyClick(kiosk.form.cards[0].comment_edit, Qt.Key.Key_Down)
    assert kiosk.form.current == 1
    qtbot.waitUntil(kiosk.hasFocus, timeout=20_000)
    qtbot.keyClick(kiosk, Qt.Key.Key_2)
    # Taps work too: rate the last meeting 3 and ask to follow up.
    kiosk.form.cards[-1].rating_buttons[2].click()
    kiosk.form.cards[-1].follow_button.click()
    kiosk.form.send_button.click()

    assert kiosk.state is KioskState.RESULT
    assert "Thank you, Zoë" in kiosk.visible_text
    with store.read_session() as session:
        rows = {(f.about_person_id, f.round_number): (f.rating, f.wants_follow_up, f.comment)
                for f in session.scalars(select(Feedback).where(Feedback.author_id == zoe))}
    assert rows[(own[0].mentor_id, own[0].round_number)] == (5, True, "Thanks a lot")
    assert len(own) >= 2
    if len(own) > 2:
        assert rows[(own[1].mentor_id, own[1].round_number)] == (2, False, "")
    assert rows[(own[-1].mentor_id, own[-1].round_number)] == (3, True, "")
    # The next person starts from a clean welcome screen.
    kiosk.return_timer.timeout.emit()
    assert kiosk.state is KioskState.WELCOME and kiosk.form.cards == []
    assert "Zoë" not in kiosk.visible_text


def test_a_typed_name_is_confirmed_and_a_mentor_gets_no_rating(
    kiosk: FeedbackKiosk, store: EventStore, event: dict[str, int], qtbot: QtBot
) -> None:
    kiosk.field.setText("Amara Okafor")  # a whole name: "Are you …?" first
    qtbot.keyClick(kiosk.field, Qt.Key.Key_Return)
    assert kiosk.state is KioskState.CONFIRM
    assert "Are you Amara Okafor?" in kiosk.visible_text
    kiosk.yes_button.click()
    assert kiosk.state is KioskState.FORM
    own = _own_meetings(store, event["Amara"])
    assert sorted(c.who_label.text() for c in kiosk.form.cards) == sorted(m.mentee_name for m in own)
    assert not any(c.ratings.isVisible() for c in kiosk.form.cards)
    kiosk.setFocus()
    qtbot.keyClick(kiosk, Qt.Key.Key_4)  # ignored: mentors give no rating
    qtbot.keyClick(kiosk, Qt.Key.Key_Y)
    qtbot.keyClick(kiosk, Qt.Key.Key_Return)
    assert kiosk.state is KioskState.RESULT
    first = min(own, key=lambda m: (m.round_number, m.table_number))
    with store.read_session() as session:
        row = session.scalars(select(Feedback).where(Feedback.author_id == event["Amara"],
                                                     Feedback.about_person_id == first.mentee_id)).one()
    assert (row.rating, row.wants_follow_up) == (None, True)


def _answer(kiosk: FeedbackKiosk, qtbot: QtBot, text: str) -> str:
    kiosk.field.clear()
    qtbot.keyClicks(kiosk.field, text)
    qtbot.keyClick(kiosk.field, Qt.Key.Key_Return)
    return kiosk.message_label.text()


@pytest.mark.parametrize("typed", ["a", "am", "amara", "zoe", "okafor", "siobhan ni", "person3@example.org"])
def test_part_of_a_name_or_an_email_names_nobody(
    kiosk: FeedbackKiosk, store: EventStore, event: dict[str, int], qtbot: QtBot, typed: str
) -> None:
    unknown = _answer(kiosk, qtbot, "Nobody Here")
    assert unknown == NOT_FOUND_TEXT

    shown = _answer(kiosk, qtbot, typed)

    assert shown == unknown  # no telling "registered" from "not registered"
    assert kiosk.state is KioskState.RESULT and kiosk.form.cards == []
    assert _others(kiosk, set()) == [] and "Are you" not in kiosk.visible_text


def test_unknown_and_ambiguous_names_name_nobody(
    kiosk: FeedbackKiosk, store: EventStore, event: dict[str, int], qtbot: QtBot
) -> None:
    kiosk.field.setText("Nobody Here")
    qtbot.keyClick(kiosk.field, Qt.Key.Key_Return)
    assert kiosk.message_label.text() == NOT_FOUND_TEXT
    kiosk.field.setText("Zoe simunek")  # accents need not be typed
    qtbot.keyClick(kiosk.field, Qt.Key.Key_Return)
    qtbot.keyClick(kiosk, Qt.Key.Key_Escape)  # "No, that's not me"
    assert kiosk.state is KioskState.RESULT
    assert kiosk.form.cards == []


def test_only_the_pin_leaves_and_the_panel_refreshes(
    kiosk: FeedbackKiosk, panel: FeedbackPanel, store: EventStore, event: dict[str, int], qtbot: QtBot
) -> None:
    kiosk.close()
    assert kiosk.isVisible() and kiosk.state is KioskState.PIN
    assert not kiosk.leave("0000")
    assert "not the PIN" in kiosk.visible_text
    zoe = _own_meetings(store, event["Zoë"])[0]
    with store.session() as session:
        fb.record_mentee_feedback(session, zoe, rating=4)
    with qtbot.waitSignal(kiosk.finished):
        assert kiosk.leave(PIN)
    assert panel.kiosk is None
    row = panel.grid.model.row_of(zoe.key)
    assert row is not None and panel.grid.model.row_at(row).meeting.rating == 4


def test_first_use_asks_for_a_pin(panel: FeedbackPanel, qtbot: QtBot) -> None:
    assert not panel.settings.get(KIOSK_PIN)
    panel.kiosk_button.click()
    dialog = panel.dialog
    assert isinstance(dialog, PinSetupDialog)
    dialog.pin_edit.setText(PIN)
    dialog.repeat_edit.setText(PIN)
    assert dialog.submit()
    assert isinstance(panel.kiosk, FeedbackKiosk) and panel.kiosk.isVisible()
    assert PIN not in panel.settings.get(KIOSK_PIN) and panel.settings.check(KIOSK_PIN, PIN)


def test_a_badge_scan_without_enter_opens_the_form(
    kiosk: FeedbackKiosk, store: EventStore, event: dict[str, int], qtbot: QtBot
) -> None:
    qtbot.keyClicks(kiosk.field, _badge(store, event["Анна"]))
    qtbot.waitUntil(lambda: kiosk.state is KioskState.FORM, timeout=20_000)
    assert kiosk.title_label.text() == "Hello, Анна!"


def test_a_form_left_alone_is_dropped_unsaved(
    kiosk: FeedbackKiosk, store: EventStore, event: dict[str, int], qtbot: QtBot
) -> None:
    qtbot.keyClicks(kiosk.field, _badge(store, event["Zoë"]))
    qtbot.keyClick(kiosk.field, Qt.Key.Key_Return)
    assert kiosk.state is KioskState.FORM and kiosk.return_timer.isActive()
    qtbot.waitUntil(kiosk.hasFocus, timeout=20_000)
    qtbot.keyClick(kiosk, Qt.Key.Key_4)
    kiosk.return_timer.timeout.emit()  # nobody touched it for two minutes
    assert kiosk.state is KioskState.WELCOME and kiosk.form.cards == []
    assert "Zoë" not in kiosk.visible_text
    with store.read_session() as session:
        assert session.scalars(select(Feedback)).all() == []


def test_someone_without_meetings_is_told_so(
    kiosk: FeedbackKiosk, store: EventStore, event: dict[str, int], qtbot: QtBot
) -> None:
    with store.session() as session:
        late = roster.add_person(session, store.event_id, PersonInput("Late", "Arrival", role=Role.MENTEE))
    qtbot.keyClicks(kiosk.field, _badge(store, late))
    qtbot.keyClick(kiosk.field, Qt.Key.Key_Return)
    assert kiosk.state is KioskState.RESULT
    assert "no meetings for you" in kiosk.visible_text
    assert _others(kiosk, set()) == []


def test_a_form_not_saved_stays_with_what_was_entered(
    kiosk: FeedbackKiosk, store: EventStore, event: dict[str, int], qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    from mentordesk.ui import errors

    banner: list[str] = []
    monkeypatch.setattr(errors, "report_environment", lambda problem, parent=None: banner.append(problem))
    real_record = fb.record_answers

    def full_disk(*_args: object) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(fb, "record_answers", full_disk)
    qtbot.keyClicks(kiosk.field, _badge(store, event["Zoë"]))
    qtbot.keyClick(kiosk.field, Qt.Key.Key_Return)
    assert kiosk.state is KioskState.FORM
    kiosk.form.cards[0].rating_buttons[4].click()
    kiosk.form.send_button.click()
    assert kiosk.state is KioskState.FORM and kiosk.form.cards[0].rating == 5
    assert "not saved" in kiosk.form.note_label.text() and kiosk.form.send_button.isEnabled()
    assert banner
    monkeypatch.setattr(fb, "record_answers", real_record)
    kiosk.form.send_button.click()
    assert kiosk.state is KioskState.RESULT and "Thank you, Zoë" in kiosk.visible_text
    with store.read_session() as session:
        assert [f.rating for f in session.scalars(select(Feedback).where(Feedback.author_id == event["Zoë"]))
                if f.rating is not None] == [5]
