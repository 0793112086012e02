"""Sessions on the Groups page: scheduling a recurring series with a live preview, the list across
groups, moving and cancelling one occurrence, notes and feedback."""
# ruff: noqa: F811 - the fixtures imported from groups_helpers are test parameters here

from __future__ import annotations

from datetime import date, time

from groups_helpers import group_ids, groups_page, roster, sessions  # noqa: F401 - fixtures
from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtGui import QKeySequence
from pytestqt.qtbot import QtBot

from mentordesk.models import SessionMode
from mentordesk.models.store import EventStore
from mentordesk.services import groups as svc
from mentordesk.ui.groups.notes_dialog import NotesDialog
from mentordesk.ui.groups.page import GroupsPage
from mentordesk.ui.groups.session_dialog import SessionDialog
from mentordesk.ui.groups.session_series_dialog import REPEATS, SessionSeriesDialog


def _schedule_dialog(page: GroupsPage, qtbot: QtBot, group_id: int) -> SessionSeriesDialog:
    tab = page.sessions_tab
    page.tabs.setCurrentWidget(tab)
    tab.set_filter(group_id=group_id, when="all")
    qtbot.mouseClick(tab.schedule_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, SessionSeriesDialog)
    assert dialog.group_combo.currentData() == group_id  # the group the list shows
    return dialog


def _repeat(dialog: SessionSeriesDialog, label: str) -> None:
    dialog.repeat_combo.setCurrentIndex([r[0] for r in REPEATS].index(label))


def test_recurring_series_preview_and_count(groups_page: GroupsPage, demo_store: EventStore, qtbot: QtBot) -> None:
    group_id = group_ids(demo_store)["Robotics Circle"]
    before = len(sessions(demo_store, group_id))
    dialog = _schedule_dialog(groups_page, qtbot, group_id)
    dialog.date_edit.setDate(QDate(2027, 1, 5))  # a Tuesday
    dialog.time_edit.setTime(QTime(17, 30))
    assert dialog.summary_label.text().startswith("1 session: ")
    assert not dialog.count_spin.isEnabled()

    _repeat(dialog, "Every 2 weeks")
    dialog.count_spin.setValue(10)
    assert dialog.summary_label.text() == "10 sessions: every 2 weeks on Tuesday, 10 times"
    assert dialog.preview_label.text().startswith("Tue 5 Jan 2027, Tue 19 Jan 2027, Tue 2 Feb 2027")
    assert dialog.preview_label.text().endswith("Tue 11 May 2027")

    # Ending on a date instead: the preview counts the dates up to it.
    dialog.until_radio.setChecked(True)
    dialog.until_edit.setDate(QDate(2027, 3, 31))
    assert dialog.summary_label.text().startswith("7 sessions")
    assert len(dialog.preview_dates()) == 7

    _repeat(dialog, "Monthly, same weekday")
    assert dialog.preview_dates() == [date(2027, 1, 5), date(2027, 2, 2), date(2027, 3, 2)]
    assert "month" in dialog.summary_label.text()

    _repeat(dialog, "Weekly")
    dialog.count_radio.setChecked(True)
    dialog.count_spin.setValue(12)
    dialog.mode_combo.setCurrentIndex(dialog.mode_combo.findData(SessionMode.REMOTE))
    assert dialog.link_edit.isEnabled()
    dialog.link_edit.setText("https://meet.example.org/robotics")
    dialog.topic_edit.setText("Spring term")
    qtbot.mouseClick(dialog.schedule_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()

    after = sessions(demo_store, group_id)
    new = [s for s in after if s.starts_at.date() >= date(2027, 1, 5)]
    assert len(after) == before + 12 and len(new) == 12
    assert {s.starts_at.time() for s in new} == {time(17, 30)}
    assert {(s.mode, s.meeting_url, s.topic) for s in new} == {
        (SessionMode.REMOTE, "https://meet.example.org/robotics", "Spring term")}
    assert len({s.series_id for s in new}) == 1
    assert "Scheduled 12 sessions" in groups_page.notice_label.text()
    assert groups_page.sessions_tab.model.rowCount() == before + 12


def test_a_series_that_would_never_end_is_explained(groups_page: GroupsPage, demo_store: EventStore,
                                                    qtbot: QtBot) -> None:
    dialog = _schedule_dialog(groups_page, qtbot, group_ids(demo_store)["Robotics Circle"])
    dialog.date_edit.setDate(QDate(2027, 1, 5))
    _repeat(dialog, "Weekly")
    dialog.until_radio.setChecked(True)
    dialog.until_edit.setDate(QDate(2026, 12, 1))
    assert not dialog.schedule_button.isEnabled()
    assert dialog.error_label.isVisibleTo(dialog) and dialog.error_label.text()


def test_filter_by_group_move_and_cancel_one_occurrence(
    groups_page: GroupsPage, demo_store: EventStore, qtbot: QtBot
) -> None:
    tab = groups_page.sessions_tab
    groups_page.tabs.setCurrentWidget(tab)
    ids = group_ids(demo_store)
    tab.set_filter(when="all")
    assert tab.model.rowCount() == 8
    tab.set_filter(group_id=ids["Career Switchers"], when="all")
    assert tab.model.rowCount() == 4
    assert {tab.model.row_at(r).group_name for r in range(4)} == {"Career Switchers"}
    tab.set_filter(group_id=ids["Career Switchers"], when="upcoming")
    upcoming = [tab.model.row_at(r) for r in range(tab.model.rowCount())]
    assert all(not s.cancelled for s in upcoming) and len(upcoming) == 2

    # Move only the first upcoming session, a day later at 10:00, in another room, on another topic.
    first, second = upcoming
    assert tab.select_session(first.id)
    qtbot.mouseClick(tab.move_button, Qt.MouseButton.LeftButton)
    dialog = groups_page.dialog
    assert isinstance(dialog, SessionDialog)
    dialog.date_edit.setDate(dialog.date_edit.date().addDays(1))
    dialog.time_edit.setTime(QTime(10, 0))
    dialog.location_edit.setText("Aula Magna")
    dialog.topic_edit.setText("Guest: Dr. Ἀριστοτέλης")
    dialog.save()
    assert not dialog.isVisible()
    with demo_store.read_session() as session:
        moved, other = svc.get_session(session, first.id), svc.get_session(session, second.id)
    assert moved.moved and moved.starts_at.time() == time(10, 0)
    assert (moved.location, moved.topic) == ("Aula Magna", "Guest: Dr. Ἀριστοτέλης")
    assert (other.location, other.topic) == (second.location, second.topic)
    assert (moved.starts_at.date() - first.starts_at.date()).days == 1
    assert other.starts_at == second.starts_at and not other.moved
    row = tab.model.row_of(first.id)
    assert row is not None and "(moved)" in tab.model.data(tab.model.index(row, 0))

    # Cancel the other one; it stays listed, struck out, and can be restored.
    assert tab.select_session(second.id)
    qtbot.mouseClick(tab.cancel_button, Qt.MouseButton.LeftButton)
    with demo_store.read_session() as session:
        assert svc.get_session(session, second.id).cancelled
        assert not svc.get_session(session, first.id).cancelled
    assert tab.select_session(second.id)
    assert tab.cancel_button.text() == "Restore session" and not tab.attendance_button.isEnabled()
    row = tab.model.row_of(second.id)
    assert tab.model.data(tab.model.index(row, 4)) == "Cancelled"
    qtbot.mouseClick(tab.cancel_button, Qt.MouseButton.LeftButton)
    with demo_store.read_session() as session:
        assert not svc.get_session(session, second.id).cancelled


def _notes_of_a_past_session(groups_page: GroupsPage, qtbot: QtBot) -> tuple[svc.SessionInfo, NotesDialog]:
    """The Notes dialog of the first past session, opened from the Sessions tab."""
    tab = groups_page.sessions_tab
    groups_page.tabs.setCurrentWidget(tab)
    tab.set_filter(when="past")
    info = tab.selected_session()
    assert info is not None
    qtbot.mouseClick(tab.notes_button, Qt.MouseButton.LeftButton)
    dialog = groups_page.dialog
    assert isinstance(dialog, NotesDialog)
    return info, dialog


def test_notes_and_feedback_are_saved(groups_page: GroupsPage, demo_store: EventStore, qtbot: QtBot) -> None:
    info, dialog = _notes_of_a_past_session(groups_page, qtbot)
    dialog.agenda_edit.setPlainText("Check-in round\nDemo of the line follower")
    dialog.discussion_edit.setPlainText("Sensors drift in sunlight")
    dialog.actions_edit.setPlainText("Łukasz: order new sensors")
    dialog.rating_spin.setValue(4)
    dialog.comment_edit.setText("Très utile")
    dialog.save_feedback()
    assert "★★★★☆" in dialog.feedback_label.text()
    assert dialog.save_shortcut.key().matches(QKeySequence("Ctrl+S")) == QKeySequence.SequenceMatch.ExactMatch
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Save), Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    with demo_store.read_session() as session:
        notes = svc.get_notes(session, info.id)
        (feedback,) = svc.session_feedback(session, info.id)
    assert notes.actions == "Łukasz: order new sensors" and notes.agenda.startswith("Check-in round")
    assert (feedback.rating, feedback.comment) == (4, "Très utile")
    assert feedback.author_id == roster(demo_store, info.id)[0].person_id


def test_weekly_series_keeps_its_wall_clock_time_across_daylight_saving(
    store: EventStore, qtbot: QtBot, add_person
) -> None:  # type: ignore[no-untyped-def]
    from mentordesk.models import Event
    from mentordesk.ui.tasks import InlineRunner, TaskManager

    zoe = add_person(store, "Zoë", "Šimůnek")
    with store.session() as session:
        session.get_one(Event, store.event_id).timezone = "Europe/Prague"
        group_id = svc.create_group(session, store.event_id, "Třída 4.B")
        svc.add_member(session, group_id, zoe)
    page = GroupsPage(TaskManager(InlineRunner()))
    qtbot.addWidget(page)
    page.set_store(store)
    page.show()
    page.set_active(True)
    dialog = _schedule_dialog(page, qtbot, group_id)
    assert "Europe/Prague" in dialog.zone_label.text()
    dialog.date_edit.setDate(QDate(2027, 3, 16))  # the clocks go forward on 28 March
    dialog.time_edit.setTime(QTime(16, 0))
    _repeat(dialog, "Weekly")
    dialog.count_spin.setValue(4)
    dialog.schedule()
    assert not dialog.isVisible()

    tab = page.sessions_tab
    shown = [tab.model.data(tab.model.index(r, 0)) for r in range(tab.model.rowCount())]
    assert shown == ["Tue 16 Mar 2027 · 16:00–17:00", "Tue 23 Mar 2027 · 16:00–17:00",
                     "Tue 30 Mar 2027 · 16:00–17:00", "Tue 6 Apr 2027 · 16:00–17:00"]
    offsets = {tab.model.row_at(r).starts_at.utcoffset() for r in range(4)}
    assert len(offsets) == 2  # the same wall-clock time is a different instant after the change


def test_ending_a_series_and_deleting_a_session(groups_page: GroupsPage, demo_store: EventStore) -> None:
    from PySide6.QtWidgets import QMessageBox

    tab = groups_page.sessions_tab
    groups_page.tabs.setCurrentWidget(tab)
    group_id = group_ids(demo_store)["Robotics Circle"]
    tab.set_filter(group_id=group_id, when="all")
    first = tab.model.row_at(0)
    assert tab.select_session(first.id)
    assert tab.end_series_action.isEnabled()
    tab.end_series_action.trigger()
    box = groups_page.dialog
    assert isinstance(box, QMessageBox)
    next(b for b in box.buttons() if b.text() == "End series").click()
    # Held sessions with attendance stay; the later, unmarked ones go.
    left = sessions(demo_store, group_id)
    assert first.id in [s.id for s in left] and len(left) == 2
    assert "2 later sessions removed" in groups_page.notice_label.text()

    last = left[-1]
    assert tab.select_session(last.id)
    tab.delete_action.trigger()
    box = groups_page.dialog
    assert isinstance(box, QMessageBox)
    next(b for b in box.buttons() if b.text() == "Delete").click()
    assert [s.id for s in sessions(demo_store, group_id)] == [first.id]
    assert tab.model.rowCount() == 1


def test_a_members_feedback_is_shown_for_changing_and_can_be_removed(
    groups_page: GroupsPage, demo_store: EventStore, qtbot: QtBot
) -> None:
    info, dialog = _notes_of_a_past_session(groups_page, qtbot)
    assert dialog.existing_feedback() is None
    assert not dialog.feedback_button.isEnabled()  # nothing to save yet
    dialog.rating_spin.setValue(5)
    dialog.comment_edit.setText("Loved the demo")
    assert dialog.feedback_button.isEnabled() and dialog.feedback_button.text() == "Save feedback"
    qtbot.mouseClick(dialog.feedback_button, Qt.MouseButton.LeftButton)

    # Another member: empty fields; back to the first: their feedback, ready to change.
    dialog.author_combo.setCurrentIndex(1)
    assert (dialog.rating_spin.value(), dialog.comment_edit.text()) == (0, "")
    dialog.author_combo.setCurrentIndex(0)
    assert (dialog.rating_spin.value(), dialog.comment_edit.text()) == (5, "Loved the demo")

    dialog.rating_spin.setValue(0)
    dialog.comment_edit.clear()
    assert dialog.feedback_button.text() == "Remove feedback"
    qtbot.mouseClick(dialog.feedback_button, Qt.MouseButton.LeftButton)
    assert dialog.feedback_label.text() == "No feedback yet."
    assert not dialog.feedback_button.isEnabled()
    with demo_store.read_session() as session:
        assert svc.session_feedback(session, info.id) == []
    dialog.reject()
