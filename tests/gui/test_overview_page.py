"""The Overview page: editing the event's details, and live counts."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot

from mentordesk.models import Role
from mentordesk.models.store import EventStore
from mentordesk.services import checkin, events
from mentordesk.ui.main_window import MainWindow
from mentordesk.ui.overview.page import OverviewPage


@pytest.fixture
def overview(window: MainWindow, store: EventStore, qtbot: QtBot) -> OverviewPage:
    window.open_event(store.path)  # type: ignore[arg-type]
    window.workspace.show_page(0)
    page = window.workspace.overview
    assert isinstance(page, OverviewPage)
    # The form is filled by a read in the background.
    qtbot.waitUntil(lambda: page.details is not None, timeout=20_000)
    return page


def _saved(qtbot: QtBot, overview: OverviewPage) -> None:
    """Wait for the outcome of the save asked for (it follows the commit)."""
    qtbot.waitUntil(lambda: not overview.saving, timeout=20_000)


def _details_on_disk(store: EventStore) -> events.EventDetails:
    """Read the file through a separate store, as another program would."""
    with EventStore.open(store.path) as other, other.read_session() as session:  # type: ignore[arg-type]
        return events.get_details(session, other.event_id)


def test_form_shows_the_event(overview: OverviewPage) -> None:
    assert overview.name_edit.text() == "Spring Flash Mentoring"
    assert not overview.date_check.isChecked()
    assert not overview.date_edit.isEnabled()
    assert not overview.save_button.isEnabled()


def test_edits_are_saved_to_the_file_and_retitle_the_window(
    window: MainWindow, overview: OverviewPage, store: EventStore, qtbot: QtBot
) -> None:
    # QTest can only type Latin-1 characters; the rest of the name is set directly.
    overview.name_edit.setText("Printemps des mentors — Ἀθῆναι")
    qtbot.keyClicks(overview.name_edit, " ")
    overview.name_edit.insert("春")
    overview.date_check.setChecked(True)
    overview.date_edit.setDate(QDate(2026, 4, 17))
    overview.venue_edit.setText("  Salle   Pasteur ")
    assert overview.save_button.isEnabled()

    qtbot.mouseClick(overview.save_button, Qt.MouseButton.LeftButton)
    _saved(qtbot, overview)

    saved = _details_on_disk(store)
    assert (saved.name, saved.starts_on, saved.venue) == ("Printemps des mentors — Ἀθῆναι 春", date(2026, 4, 17),
                                                          "Salle Pasteur")
    assert window.windowTitle() == "Printemps des mentors — Ἀθῆναι 春 — MentorDesk"
    assert window.workspace.event_label.text() == "Printemps des mentors — Ἀθῆναι 春"
    assert overview.saved_label.text() == "Saved."
    assert not overview.save_button.isEnabled()
    assert overview.venue_edit.text() == "Salle Pasteur"


def test_enter_saves(overview: OverviewPage, store: EventStore, qtbot: QtBot) -> None:
    overview.venue_edit.setFocus()
    qtbot.keyClicks(overview.venue_edit, "Aula Magna")
    qtbot.keyClick(overview.venue_edit, Qt.Key.Key_Return)
    _saved(qtbot, overview)
    assert _details_on_disk(store).venue == "Aula Magna"


def test_the_date_can_be_removed(overview: OverviewPage, store: EventStore, qtbot: QtBot) -> None:
    overview.date_check.setChecked(True)
    overview.date_edit.setDate(QDate(2026, 5, 1))
    assert overview.save()
    _saved(qtbot, overview)
    assert _details_on_disk(store).starts_on == date(2026, 5, 1)

    overview.date_check.setChecked(False)
    assert overview.save()
    _saved(qtbot, overview)
    assert _details_on_disk(store).starts_on is None


def test_an_invalid_edit_is_explained_inline_and_not_saved(
    window: MainWindow, overview: OverviewPage, store: EventStore, qtbot: QtBot
) -> None:
    overview.name_edit.setText("   ")
    overview.save()
    _saved(qtbot, overview)
    assert overview.error_label.isVisible()
    assert overview.error_label.text() == "The event needs a name."
    assert _details_on_disk(store).name == "Spring Flash Mentoring"
    assert window.windowTitle() == "Spring Flash Mentoring — MentorDesk"

    overview.revert_button.click()
    assert overview.name_edit.text() == "Spring Flash Mentoring"
    assert not overview.error_label.isVisible()


def test_counts_follow_check_ins_made_elsewhere(
    overview: OverviewPage, store: EventStore, add_person, qtbot: QtBot  # type: ignore[no-untyped-def]
) -> None:
    mentor = add_person(store, "Zoë", "Šimůnek", Role.MENTOR)
    add_person(store, "Ольга", "Коваленко", Role.MENTEE)
    add_person(store, "芳", "王", Role.MENTEE)
    qtbot.waitUntil(lambda: overview.counts_panel.mentees.value_label.text() == "0 / 2", timeout=20_000)
    assert overview.counts_panel.mentors.value_label.text() == "0 / 1"

    # Another station (here: a second store on the same file) checks the mentor in.
    with EventStore.open(store.path) as station, station.session() as session:  # type: ignore[arg-type]
        checkin.check_in(session, mentor, station="x")

    qtbot.waitUntil(lambda: overview.counts_panel.mentors.value_label.text() == "1 / 1", timeout=20_000)
    assert overview.counts_panel.mentors.detail_label.text() == "1 of 1 arrived"
    assert overview.counts_panel.summary_label.text() == "1 of 3 people have arrived."


def test_demo_counts(window: MainWindow, demo_store: EventStore, qtbot: QtBot) -> None:
    window.open_event(demo_store.path)  # type: ignore[arg-type]
    panel = window.workspace.overview.counts_panel  # type: ignore[attr-defined]
    with demo_store.read_session() as session:
        expected = events.counts(session, demo_store.event_id)
    qtbot.waitUntil(lambda: window.workspace.overview.details is not None, timeout=20_000)  # type: ignore[attr-defined]
    assert panel.mentors.value_label.text() == f"{expected.mentors.arrived} / {expected.mentors.registered}"
    assert panel.mentees.value_label.text() == f"{expected.mentees.arrived} / {expected.mentees.registered}"
    assert panel.groups.value_label.text() == str(expected.groups)
    assert panel.groups.detail_label.text() == f"{expected.group_sessions} sessions planned"


def test_a_rename_elsewhere_reaches_the_title_unless_the_user_is_typing(
    window: MainWindow, overview: OverviewPage, store: EventStore, qtbot: QtBot
) -> None:
    with EventStore.open(store.path) as station, station.session() as session:  # type: ignore[arg-type]
        events.update_details(session, station.event_id, name="Renamed at the desk", starts_on=None)
    qtbot.waitUntil(lambda: window.windowTitle() == "Renamed at the desk — MentorDesk", timeout=20_000)
    assert overview.name_edit.text() == "Renamed at the desk"

    overview.venue_edit.setText("typing…")
    with EventStore.open(store.path) as station, station.session() as session:  # type: ignore[arg-type]
        events.update_details(session, station.event_id, name="Renamed again", starts_on=None)
    qtbot.waitUntil(lambda: window.windowTitle() == "Renamed again — MentorDesk", timeout=20_000)
    assert overview.venue_edit.text() == "typing…"
