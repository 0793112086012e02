"""The person dialog's Meetings tab: requested mentors and must-not-meet pairs, by mouse and keyboard."""

from __future__ import annotations

import itertools

from focus_helpers import activate, focus_widget
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QListWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from mentordesk.models import MentorRequest, NoGoPair, Person, Role
from mentordesk.models.store import EventStore
from mentordesk.services import person_links, roster
from mentordesk.services.roster import PersonInput
from mentordesk.ui.operations import Operations
from mentordesk.ui.tasks import InlineRunner, TaskManager
from mentordesk.ui.widgets.person_dialog import PersonDialog


def _ops(store: EventStore) -> Operations:
    """With the inline runner, every read and save has finished when the call returns."""
    return Operations(store, TaskManager(InlineRunner()))


def _people(store: EventStore) -> dict[str, int]:
    with store.session() as session:
        add = roster.add_person
        return {
            "ann": add(session, store.event_id, PersonInput("Ann", "Lee", role=Role.MENTEE)),
            "bob": add(session, store.event_id, PersonInput("Bob", "Ray", role=Role.MENTEE)),
            "zoe": add(session, store.event_id, PersonInput("Zoë", "Šimůnek", role=Role.MENTOR, organization="Acme")),
            "kim": add(session, store.event_id, PersonInput("Kim", "Park", role=Role.MENTOR)),
            "kia": add(session, store.event_id, PersonInput("Kia", "Parkes", role=Role.MENTOR)),
            "hal": add(session, store.event_id, PersonInput("Hal", "Host", role=Role.FACILITATOR)),
        }


def _open(qtbot: QtBot, store: EventStore, person_id: int | None = None) -> PersonDialog:
    dialog = PersonDialog(_ops(store), person_id=person_id)
    qtbot.addWidget(dialog)
    dialog.resize(560, 620)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _click_tab(qtbot: QtBot, dialog: PersonDialog, index: int) -> None:
    bar = dialog.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    qtbot.waitUntil(lambda: dialog.tabs.currentIndex() == index, timeout=10_000)


def _click_row(qtbot: QtBot, view: QListWidget, row: int) -> None:
    rect = view.visualItemRect(view.item(row))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def _texts(view: QListWidget) -> list[str]:
    return [view.item(row).text() for row in range(view.count())]


def _requests(store: EventStore, mentee: int) -> list[int]:
    with store.read_session() as session:
        return list(session.scalars(select(MentorRequest.mentor_id).where(MentorRequest.mentee_id == mentee)
                                    .order_by(MentorRequest.rank)))


def test_requests_and_pairs_picked_by_name_and_saved_together(qtbot: QtBot, store: EventStore) -> None:
    people = _people(store)
    dialog = _open(qtbot, store, people["ann"])
    _click_tab(qtbot, dialog, 1)
    requested, no_go = dialog.requested_picker, dialog.no_go_picker
    assert requested.isVisible() and "No requests" in requested.message.text()

    # Typed without accents, Enter adds the one mentor who fits (and does not save the dialog).
    qtbot.mouseClick(requested.field, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(requested.field, "zoe sim")
    qtbot.keyClick(requested.field, Qt.Key.Key_Return)
    assert _texts(requested.list) == ["Zoë Šimůnek — Acme"] and dialog.isVisible()
    assert requested.field.text() == ""
    # Two mentors fit "park": nobody is added, and the hint says why.
    qtbot.keyClicks(requested.field, "park")
    qtbot.mouseClick(requested.add_button, Qt.MouseButton.LeftButton)
    assert requested.list.count() == 1 and "2 people fit “park”" in requested.message.text()
    requested.field.clear()
    qtbot.keyClicks(requested.field, "kim park")
    qtbot.mouseClick(requested.add_button, Qt.MouseButton.LeftButton)
    # A mentee is not offered as a mentor.
    qtbot.keyClicks(requested.field, "Bob Ray")
    qtbot.keyClick(requested.field, Qt.Key.Key_Return)
    assert "Nobody called “Bob Ray”" in requested.message.text()
    requested.field.clear()
    assert _texts(requested.list) == ["Zoë Šimůnek — Acme", "Kim Park"]

    # Kim becomes the first choice: the mouse picks the row, the Up button moves it.
    _click_row(qtbot, requested.list, 1)
    assert requested.up_button.isEnabled()
    qtbot.mouseClick(requested.up_button, Qt.MouseButton.LeftButton)
    assert _texts(requested.list) == ["Kim Park", "Zoë Šimůnek — Acme"]
    assert dialog.tabs.tabText(1) == "&Meetings (2)"

    # Must not meet: anyone but Ann; Delete takes a wrong one out again.
    qtbot.keyClicks(no_go.field, "hal")
    qtbot.keyClick(no_go.field, Qt.Key.Key_Return)
    qtbot.keyClicks(no_go.field, "bob")
    qtbot.keyClick(no_go.field, Qt.Key.Key_Return)
    qtbot.keyClicks(no_go.field, "ann lee")
    qtbot.keyClick(no_go.field, Qt.Key.Key_Return)
    assert "Nobody called “ann lee”" in no_go.message.text()
    no_go.field.clear()
    _click_row(qtbot, no_go.list, 1)
    qtbot.keyClick(no_go.list, Qt.Key.Key_Delete)
    assert _texts(no_go.list) == ["Hal Host"]

    # Enter in the empty name field is the dialog's: Save.
    with qtbot.waitSignal(dialog.saved):
        qtbot.keyClick(no_go.field, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert _requests(store, people["ann"]) == [people["kim"], people["zoe"]]
    with store.read_session() as session:
        pairs = session.execute(select(NoGoPair.person_a_id, NoGoPair.person_b_id)).all()
    assert [tuple(p) for p in pairs] == [tuple(sorted((people["ann"], people["hal"])))]

    # Opened again, the dialog shows what was saved, in order.
    again = _open(qtbot, store, people["ann"])
    assert _texts(again.requested_picker.list) == ["Kim Park", "Zoë Šimůnek — Acme"]
    assert _texts(again.no_go_picker.list) == ["Hal Host"]


def test_a_suggestion_is_picked_with_the_keyboard(qtbot: QtBot, store: EventStore) -> None:
    people = _people(store)
    dialog = _open(qtbot, store, people["ann"])
    _click_tab(qtbot, dialog, 1)
    activate(qtbot, dialog)
    field = dialog.requested_picker.field
    field.setFocus()
    qtbot.keyClicks(field, "zo")
    popup = dialog.requested_picker.completer.popup()
    qtbot.waitUntil(popup.isVisible, timeout=10_000)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.requested_picker.list.count() == 1, timeout=10_000)
    assert _texts(dialog.requested_picker.list) == ["Zoë Šimůnek — Acme"]
    assert dialog.isVisible() and field.text() == ""  # the Enter chose; it did not save
    assert _requests(store, people["ann"]) == []


def test_tab_walks_the_meetings_controls_in_order(qtbot: QtBot, store: EventStore) -> None:
    people = _people(store)
    with store.session() as session:
        person_links.set_requested_mentors(session, people["ann"], [people["zoe"], people["kim"]])
    dialog = _open(qtbot, store, people["ann"])
    _click_tab(qtbot, dialog, 1)
    requested, no_go = dialog.requested_picker, dialog.no_go_picker
    requested.field.setFocus()
    order = [requested.field, requested.add_button, requested.list]
    for expected, following in itertools.pairwise(order):
        assert focus_widget(dialog) is expected
        qtbot.keyClick(expected, Qt.Key.Key_Tab)
        assert focus_widget(dialog) is following
    requested.list.setCurrentRow(1)
    # Alt+Up moves the current mentor up, as the Up button does.
    qtbot.keyClick(requested.list, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert _texts(requested.list) == ["Kim Park", "Zoë Šimůnek — Acme"]
    for widget in (requested.field, requested.add_button, requested.list, requested.remove_button,
                   no_go.field, no_go.add_button, no_go.list):
        assert widget.accessibleName(), widget
    assert requested.list.accessibleName() == "Requested mentors"
    assert no_go.list.accessibleName() == "Must not meet"


def test_not_a_mentee_has_no_requests(qtbot: QtBot, store: EventStore) -> None:
    people = _people(store)
    with store.session() as session:
        person_links.set_requested_mentors(session, people["ann"], [people["zoe"]])
    dialog = _open(qtbot, store, people["ann"])
    _click_tab(qtbot, dialog, 1)
    assert dialog.requested_picker.isVisible() and not dialog.requested_note.isVisible()
    dialog.role_combo.setCurrentIndex(dialog.role_combo.findData(Role.FACILITATOR))
    assert not dialog.requested_picker.isVisible() and dialog.requested_note.isVisible()
    with qtbot.waitSignal(dialog.saved):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert _requests(store, people["ann"]) == []


def test_a_refused_save_writes_nothing_and_keeps_the_dialog(qtbot: QtBot, store: EventStore) -> None:
    people = _people(store)
    dialog = _open(qtbot, store, people["ann"])
    _click_tab(qtbot, dialog, 1)
    qtbot.keyClicks(dialog.requested_picker.field, "kim park")
    qtbot.keyClick(dialog.requested_picker.field, Qt.Key.Key_Return)
    dialog.first_name_edit.setText("Annette")
    # Meanwhile someone else erases Kim (another station, a privacy request).
    with store.session() as session:
        roster.erase_person(session, people["kim"])
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    assert dialog.isVisible() and "no longer" in dialog.error_label.text()
    with store.read_session() as session:
        assert session.get_one(Person, people["ann"]).first_name == "Ann"  # nothing of the save written


def test_a_mentor_sees_who_asked_for_them(qtbot: QtBot, store: EventStore) -> None:
    people = _people(store)
    with store.session() as session:
        person_links.set_requested_mentors(session, people["ann"], [people["zoe"]])
        person_links.set_requested_mentors(session, people["bob"], [people["kim"], people["zoe"]])
    dialog = _open(qtbot, store, people["zoe"])
    _click_tab(qtbot, dialog, 1)
    assert not dialog.requested_picker.isVisible()
    assert dialog.requested_note.text() == "Only mentees request mentors. Asked for by 2 mentees: Ann Lee, Bob Ray."
