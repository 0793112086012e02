"""Changing people from the People page: add, edit, erase on request, and merge duplicates."""

from __future__ import annotations

from pathlib import Path

import pytest
from focus_helpers import activate
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from mentordesk.models import Role
from mentordesk.models.store import EventStore
from mentordesk.services import roster
from mentordesk.services.people import PersonRow, list_people
from mentordesk.ui.itemmodels.people_model import Column
from mentordesk.ui.main_window import MainWindow
from mentordesk.ui.people.erase_dialog import EraseDialog
from mentordesk.ui.people.merge_dialog import MergeDialog
from mentordesk.ui.people.page import PeoplePage
from mentordesk.ui.widgets.person_dialog import PersonDialog


def _rows(store: EventStore) -> list[PersonRow]:
    with store.read_session() as session:
        return list_people(session, store.event_id)


def _row(page: PeoplePage, person_id: int) -> PersonRow | None:
    number = page.model.row_of(person_id)
    return None if number is None else page.model.row_at(number)


@pytest.fixture
def people_page(window: MainWindow, demo_store: EventStore, qtbot: QtBot) -> PeoplePage:
    window.open_event(demo_store.path)  # type: ignore[arg-type]
    window.workspace.show_page(1)
    page = window.workspace.people
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=20_000)
    activate(qtbot, window)
    return page


def _person(store: EventStore, first_name: str) -> PersonRow:
    return next(r for r in _rows(store) if r.first_name == first_name)


def test_enter_edits_the_selected_person_and_the_row_follows(
    people_page: PeoplePage, demo_store: EventStore, qtbot: QtBot
) -> None:
    zoe = _person(demo_store, "Zoë")
    assert people_page.select_person(zoe.id)
    people_page.table.setFocus()
    qtbot.keyClick(people_page.table, Qt.Key.Key_Return)
    dialog = people_page.dialog
    assert isinstance(dialog, PersonDialog) and dialog.isVisible()
    # The person is read in the background; Save waits for it.
    qtbot.waitUntil(dialog.save_button.isEnabled, timeout=20_000)
    assert dialog.last_name_edit.text() == "Šimůnek"
    dialog.organization_edit.setText("Red Hat Czech")
    with qtbot.waitSignal(dialog.saved):
        dialog.submit()
    qtbot.waitUntil(lambda: (_row(people_page, zoe.id) or zoe).organization == "Red Hat Czech", timeout=20_000)
    assert people_page.selected_person() is not None and people_page.selected_person().id == zoe.id  # type: ignore[union-attr]


def test_double_click_and_the_edit_button_open_the_editor(people_page: PeoplePage, qtbot: QtBot) -> None:
    table = people_page.table
    index = people_page.proxy.index(2, Column.ORGANISATION)
    person = people_page.model.row_at(people_page.proxy.mapToSource(index).row())
    where = table.visualRect(index).center()
    # A real double-click starts with a press; QTest's double-click event alone does not.
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    dialog = people_page.dialog
    assert isinstance(dialog, PersonDialog)
    qtbot.waitUntil(lambda: dialog.first_name_edit.text() == person.first_name, timeout=20_000)
    dialog.reject()

    assert people_page.edit_button.isEnabled()
    people_page.edit_button.click()
    assert isinstance(people_page.dialog, PersonDialog)
    people_page.dialog.reject()


def test_edit_and_erase_need_a_selection(people_page: PeoplePage) -> None:
    people_page.table.clearSelection()
    assert not people_page.edit_button.isEnabled() and not people_page.erase_button.isEnabled()
    assert people_page.edit_person() is None and people_page.confirm_erase() is None


def test_add_person_from_the_keyboard(people_page: PeoplePage, demo_store: EventStore, qtbot: QtBot) -> None:
    before = people_page.model.rowCount()
    people_page.filter_edit.setFocus()
    ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(people_page.filter_edit, Qt.Key.Key_N, ctrl_shift)
    dialog = people_page.dialog
    assert isinstance(dialog, PersonDialog) and dialog.windowTitle() == "Add a person"
    dialog.first_name_edit.insert("Ngozi")
    dialog.last_name_edit.insert("Adichie-Okonkwo")
    dialog.role_combo.setCurrentIndex(dialog.role_combo.findData(Role.MENTOR))
    with qtbot.waitSignal(dialog.saved) as saved:
        dialog.submit()
    qtbot.waitUntil(lambda: people_page.model.rowCount() == before + 1, timeout=20_000)
    selected = people_page.selected_person()
    assert selected is not None and selected.id == saved.args[0] and selected.full_name == "Ngozi Adichie-Okonkwo"


def test_erase_asks_then_removes_the_person_from_the_page_and_the_file(
    people_page: PeoplePage, demo_store: EventStore, qtbot: QtBot
) -> None:
    zoe = _person(demo_store, "Zoë")
    people_page.select_person(zoe.id)
    people_page.table.setFocus()
    qtbot.keyClick(people_page.table, Qt.Key.Key_Delete)
    dialog = people_page.dialog
    assert isinstance(dialog, EraseDialog) and dialog.isVisible()
    assert "Zoë Šimůnek" in dialog.heading.text()
    assert "check-in log entry" in dialog.records_label.text() and "group memberships" in dialog.records_label.text()
    # Nothing happens until the box is ticked; Enter presses Cancel, not Erase.
    assert not dialog.erase_button.isEnabled() and dialog.cancel_button.isDefault()
    assert dialog.confirm() is False
    assert any(r.id == zoe.id for r in _rows(demo_store))

    dialog.understand_check.setChecked(True)
    dialog.erase_button.click()
    # The notice comes once the erasure is written (and the log folded into the file).
    qtbot.waitUntil(lambda: people_page.notice_label.isVisibleTo(people_page), timeout=20_000)
    assert all(r.id != zoe.id for r in _rows(demo_store))
    assert people_page.notice_label.text().startswith("Erased Zoë Šimůnek, with ")
    qtbot.waitUntil(lambda: people_page.model.row_of(zoe.id) is None, timeout=20_000)
    assert demo_store.path is not None
    raw = Path(demo_store.path).read_bytes()
    wal = Path(f"{demo_store.path}-wal")
    raw += wal.read_bytes() if wal.exists() else b""
    assert zoe.email is not None and zoe.email.encode() not in raw


def test_cancelling_the_erasure_keeps_the_person(people_page: PeoplePage, demo_store: EventStore) -> None:
    person = people_page.model.row_at(0)
    dialog = people_page.confirm_erase(person.id)
    assert dialog is not None
    dialog.understand_check.setChecked(True)
    dialog.cancel_button.click()
    assert not dialog.isVisible()
    assert any(r.id == person.id for r in _rows(demo_store))


def test_merging_a_duplicate_pair(people_page: PeoplePage, demo_store: EventStore, qtbot: QtBot) -> None:
    zoe = _person(demo_store, "Zoë")
    with demo_store.session() as session:
        twin = roster.add_person(session, demo_store.event_id,
                                 roster.PersonInput("zoe", "SIMUNEK", role=Role.MENTOR, department="Platform team"))
    people_page.reload()
    qtbot.waitUntil(lambda: people_page.duplicates_button.isVisibleTo(people_page), timeout=20_000)
    total = people_page.model.rowCount()

    people_page.duplicates_button.click()
    qtbot.waitUntil(lambda: isinstance(people_page.dialog, MergeDialog), timeout=20_000)
    dialog = people_page.dialog
    assert isinstance(dialog, MergeDialog) and dialog.isVisible()
    # The records are read in the background; Merge waits for them.
    qtbot.waitUntil(dialog.merge_button.isEnabled, timeout=20_000)
    assert {c.id for c in dialog.candidates} == {zoe.id, twin}
    # The record with an e-mail address is offered as the one to keep.
    assert dialog.keep_id == zoe.id
    dialog.choose_keep(twin)
    dialog.choose_keep(zoe.id)
    with qtbot.waitSignal(dialog.merged) as merged:
        dialog.merge_button.click()
    assert merged.args == [zoe.id]
    assert not dialog.isVisible()  # the only group: the dialog closes

    qtbot.waitUntil(lambda: people_page.model.rowCount() == total - 1, timeout=20_000)
    assert not people_page.duplicates_button.isVisibleTo(people_page)
    with demo_store.read_session() as session:
        kept = roster.get_person(session, zoe.id).data
    assert kept.department == "Platform team" and kept.email == zoe.email
    assert all(r.id != twin for r in _rows(demo_store))


def test_not_the_same_person_changes_nothing(people_page: PeoplePage, demo_store: EventStore, qtbot: QtBot) -> None:
    with demo_store.session() as session:
        roster.add_person(session, demo_store.event_id, roster.PersonInput("Zoe", "Simunek"))
    people_page.review_duplicates()
    qtbot.waitUntil(lambda: isinstance(people_page.dialog, MergeDialog), timeout=20_000)
    dialog = people_page.dialog
    assert isinstance(dialog, MergeDialog)
    qtbot.waitUntil(dialog.skip_button.isEnabled, timeout=20_000)
    before = len(_rows(demo_store))
    dialog.skip_button.click()
    assert not dialog.isVisible()
    assert len(_rows(demo_store)) == before
