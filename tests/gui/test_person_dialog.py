"""The person form: add a walk-in, edit someone, and keep the dialog open on bad input."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from mentordesk.models import Role
from mentordesk.models.store import EventStore
from mentordesk.services import roster
from mentordesk.ui.operations import Operations
from mentordesk.ui.tasks import InlineRunner, TaskManager
from mentordesk.ui.widgets.person_dialog import PersonDialog


def _ops(store: EventStore) -> Operations:
    """With the inline runner, every read and save has finished when the call returns."""
    return Operations(store, TaskManager(InlineRunner()))


def test_add_a_walk_in_by_keyboard(qtbot: QtBot, store: EventStore) -> None:
    dialog = PersonDialog(_ops(store), walk_in=True)
    qtbot.addWidget(dialog)
    dialog.open()
    assert dialog.save_button.text() == "Add and check in"
    # QTest can only synthesise ASCII key presses; other letters arrive as typed text.
    dialog.first_name_edit.insert("Zoë")
    dialog.last_name_edit.insert("Šimůnek")
    dialog.role_combo.setCurrentIndex(dialog.role_combo.findData(Role.MENTOR))
    qtbot.keyClicks(dialog.topics_edit, "Open source; Leadership, ")
    with qtbot.waitSignal(dialog.saved) as saved:
        qtbot.keyClick(dialog.first_name_edit, Qt.Key.Key_Return)
    with store.read_session() as session:
        details = roster.get_person(session, saved.args[0])
    assert details.is_walk_in and details.data.role is Role.MENTOR
    assert (details.data.first_name, details.data.topics) == ("Zoë", ("Open source", "Leadership"))
    assert not dialog.isVisible()


def test_missing_name_keeps_the_dialog_open(qtbot: QtBot, store: EventStore) -> None:
    dialog = PersonDialog(_ops(store))
    qtbot.addWidget(dialog)
    dialog.open()
    dialog.submit()
    assert dialog.isVisible() and "name" in dialog.error_label.text()
    assert dialog.save_button.isEnabled()  # ready to save again once the name is in


def test_edit_loads_and_saves(qtbot: QtBot, store: EventStore) -> None:
    with store.session() as session:
        person_id = roster.add_person(session, store.event_id, roster.PersonInput("Ann", "Lee", "ann@example.org"))
        taken = roster.add_person(session, store.event_id, roster.PersonInput("Bob", "Ray", "bob@example.org"))
    dialog = PersonDialog(_ops(store), person_id=person_id)
    qtbot.addWidget(dialog)
    dialog.open()
    assert dialog.email_edit.text() == "ann@example.org" and len(dialog.badge_label.text()) == 8
    dialog.email_edit.setText("BOB@example.org")
    dialog.submit()
    assert dialog.isVisible() and "Bob Ray already uses" in dialog.error_label.text()
    dialog.email_edit.setText("ann.lee@example.org")
    dialog.organization_edit.setText("Acme")
    with qtbot.waitSignal(dialog.saved):
        dialog.submit()
    assert not dialog.isVisible()
    with store.read_session() as session:
        data = roster.get_person(session, person_id).data
    assert (data.email, data.organization) == ("ann.lee@example.org", "Acme")
    assert taken != person_id
