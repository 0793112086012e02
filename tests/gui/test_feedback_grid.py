"""The feedback panel's quick-entry grid, driven with the keyboard only, checked in the event file."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from feedback_helpers import PEOPLE, inline_ops, planned, small_event
from focus_helpers import activate, focus_widget, wait_focus
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from mentordesk.models import Feedback
from mentordesk.models.store import EventStore
from mentordesk.services import checkin
from mentordesk.services import feedback as fb
from mentordesk.services.flash import load_problem, plan, replan_saved, save_plan
from mentordesk.ui.flash.feedback_grid import NO_EVENT_TEXT, NO_PLAN_TEXT, FeedbackTable
from mentordesk.ui.flash.feedback_panel import FeedbackPanel
from mentordesk.ui.itemmodels.feedback_followups_model import FollowUpsModel
from mentordesk.ui.itemmodels.feedback_model import Column, FeedbackModel, SaveState


def _plan(store: EventStore, rounds: int = 4, seats: int = 2) -> int:
    with store.session() as session:
        problem = load_problem(session, store.event_id, rounds=rounds, seats=seats)
        return save_plan(session, store.event_id, plan(problem).plan, minutes=7)


def _stored(store: EventStore) -> dict[tuple[int, int, int], tuple[int | None, bool, str]]:
    with store.read_session() as session:
        return {(f.author_id, f.about_person_id, f.round_number or 0): (f.rating, f.wants_follow_up, f.comment)
                for f in session.scalars(select(Feedback))}


def _typing_on_a_plan(panel: FeedbackPanel, store: EventStore) -> tuple[FeedbackTable, FeedbackModel]:
    """The demo event planned and shown in the panel, the grid focused for typing."""
    _plan(store)
    panel.set_ops(inline_ops(store))
    panel.grid.table.setFocus()
    return panel.grid.table, panel.grid.model


@pytest.fixture
def panel(qtbot: QtBot) -> Iterator[FeedbackPanel]:
    widget = FeedbackPanel()
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()
    qtbot.waitExposed(widget)
    activate(qtbot, widget)
    yield widget


def test_empty_states_guide_the_user(panel: FeedbackPanel, store: EventStore) -> None:
    assert panel.grid.empty_label.text() == NO_EVENT_TEXT
    assert not panel.kiosk_button.isEnabled()
    panel.set_ops(inline_ops(store))
    assert panel.grid.stack.currentWidget() is panel.grid.empty_state
    assert panel.grid.empty_label.text() == NO_PLAN_TEXT
    assert "no rotation planned" in panel.session_label.text()
    assert not panel.kiosk_button.isEnabled()


def test_models_pass_the_model_tester(qtmodeltester, demo_store: EventStore) -> None:  # type: ignore[no-untyped-def]
    flash_id = _plan(demo_store)
    with demo_store.read_session() as session:
        board = fb.feedback_board(session, demo_store.event_id)
    assert board.flash_session_id == flash_id and board.meetings
    model = FeedbackModel()
    model.set_meetings(board.meetings)
    qtmodeltester.check(model, force_py=True)
    follow_ups = FollowUpsModel()
    ana = fb.Contact(1, "Ana Łukasiewicz-Þórsdóttir", "ana@example.org", "Fraunhofer-Institut")
    bo = fb.Contact(2, "博 田中", None, "")
    follow_ups.set_rows([fb.MutualFollowUp(ana, bo, flash_id, 2), fb.MutualFollowUp(bo, ana, flash_id, 3)])
    qtmodeltester.check(follow_ups, force_py=True)
    assert follow_ups.data(follow_ups.index(0, 3)) == "no e-mail address on record"


def test_typing_cards_saves_each_key_to_the_event_file(
    panel: FeedbackPanel, demo_store: EventStore, qtbot: QtBot
) -> None:
    _plan(demo_store)
    panel.set_ops(inline_ops(demo_store))
    grid, table = panel.grid, panel.grid.table
    model = grid.model
    assert model.rowCount() > 3
    first, second = model.row_at(0).meeting, model.row_at(1).meeting
    table.setFocus()
    wait_focus(qtbot, table)
    assert table.currentIndex().row() == 0 and table.currentIndex().column() == Column.RATING

    # Card 1: rating 4, yes to follow up, a comment, Enter.
    qtbot.keyClick(table, Qt.Key.Key_4)
    assert table.currentIndex().column() == Column.FOLLOW_UP
    qtbot.keyClick(table, Qt.Key.Key_Y)
    assert table.currentIndex().column() == Column.COMMENT
    qtbot.keyClick(table, "G")  # typing starts the comment editor …
    editor = focus_widget(table)
    assert editor is not table
    qtbot.keyClicks(editor, "reat advice")  # … and the rest goes to it, as it would at a keyboard
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: (table.currentIndex().row(), table.currentIndex().column()) == (1, Column.RATING),
                    timeout=20_000)
    # Card 2: rating 2, no follow-up, no comment: Enter moves on.
    qtbot.keyClick(table, Qt.Key.Key_2)
    qtbot.keyClick(table, Qt.Key.Key_N)
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert (table.currentIndex().row(), table.currentIndex().column()) == (2, Column.RATING)

    stored = _stored(demo_store)
    assert stored[(first.mentee_id, first.mentor_id, first.round_number)] == (4, True, "Great advice")
    assert stored[(second.mentee_id, second.mentor_id, second.round_number)] == (2, False, "")
    assert model.row_at(0).state is SaveState.SAVED
    assert "Saved" in grid.status_label.text()

    # Corrections: back to row 1's rating with the arrows, Delete clears it, 5 sets it again.
    qtbot.keyClick(table, Qt.Key.Key_Up)
    qtbot.keyClick(table, Qt.Key.Key_Up)
    assert (table.currentIndex().row(), table.currentIndex().column()) == (0, Column.RATING)
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert _stored(demo_store)[(first.mentee_id, first.mentor_id, first.round_number)] == (None, True, "Great advice")
    qtbot.keyClick(table, Qt.Key.Key_5)
    qtbot.keyClick(table, Qt.Key.Key_Space)  # toggles the follow-up off
    assert _stored(demo_store)[(first.mentee_id, first.mentor_id, first.round_number)] == (5, False, "Great advice")


def test_the_mentors_follow_up_column_and_the_follow_ups_list(
    panel: FeedbackPanel, store: EventStore, qtbot: QtBot
) -> None:
    ids = small_event(store)
    planned(store, rounds=3, seats=1)
    panel.set_ops(inline_ops(store))
    table, model = panel.grid.table, panel.grid.model
    consenting = {ids[p[0]] for p in PEOPLE if p[3]}
    rows = [r for r in range(model.rowCount())
            if {model.row_at(r).meeting.mentee_id, model.row_at(r).meeting.mentor_id} <= consenting]
    hidden = next(r for r in range(model.rowCount()) if model.row_at(r).meeting.mentee_id == ids["Siobhán"])
    table.setFocus()
    for row in (rows[0], hidden):
        table.setCurrentIndex(model.index(row, Column.FOLLOW_UP))
        qtbot.keyClick(table, Qt.Key.Key_Y)
        table.setCurrentIndex(model.index(row, Column.MENTOR_FOLLOW_UP))
        qtbot.keyClick(table, Qt.Key.Key_Y)
        assert table.currentIndex().row() == row + 1  # mentors' cards go down the column
    meeting = model.row_at(rows[0]).meeting
    assert meeting.wants_follow_up and meeting.mentor_wants_follow_up
    qtbot.waitUntil(lambda: panel.follow_ups.model.rowCount() == 1, timeout=20_000)
    shown = panel.follow_ups.model.rows[0]
    assert (shown.mentee.name, shown.mentor.name) == (meeting.mentee_name, meeting.mentor_name)
    assert "1 more pair" in panel.follow_ups.summary_label.text()
    assert "Siobhán" not in panel.follow_ups.summary_label.text()
    panel.follow_ups.copy_button.click()
    copied = QApplication.clipboard().text().splitlines()
    assert copied[0].startswith("Mentee\t") and len(copied) == 2
    assert copied[1].split("\t")[0] == meeting.mentee_name and "@example.org" in copied[1]


def test_find_jumps_to_a_mentee_ignoring_accents(panel: FeedbackPanel, demo_store: EventStore, qtbot: QtBot) -> None:
    _plan(demo_store)
    panel.set_ops(inline_ops(demo_store))
    grid, model = panel.grid, panel.grid.model
    target = next(r for r in range(model.rowCount()) if "Araújo" in model.row_at(r).meeting.mentee_name)
    grid.find_edit.setFocus()
    qtbot.keyClicks(grid.find_edit, "isabela arau")
    assert grid.table.currentIndex().row() == target
    qtbot.keyClick(grid.find_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(grid.table.hasFocus, timeout=20_000)
    qtbot.keyClick(grid.table, Qt.Key.Key_3)
    assert model.row_at(target).meeting.rating == 3
    qtbot.keyClick(grid.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    wait_focus(qtbot, grid.find_edit)
    qtbot.keyClicks(grid.find_edit, "nobody-called-this")
    assert "No mentee" in grid.status_label.text()


def test_a_refresh_while_typing_a_comment_keeps_the_editor(
    panel: FeedbackPanel, demo_store: EventStore, qtbot: QtBot
) -> None:
    table, model = _typing_on_a_plan(panel, demo_store)
    wait_focus(qtbot, table)
    table.setCurrentIndex(model.index(0, Column.COMMENT))
    qtbot.keyClick(table, "A")
    editor = focus_widget(table)
    qtbot.keyClicks(editor, "bout half")
    # Meanwhile the kiosk saved someone else's rating, and the panel reads everything again.
    other = model.row_at(3).meeting
    with demo_store.session() as session:
        fb.record_mentee_feedback(session, other, rating=2)
    panel.refresh()
    assert model.row_at(3).meeting.rating == 2
    assert table.state() == table.State.EditingState
    assert focus_widget(table) is editor
    qtbot.keyClicks(editor, " done")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: model.row_at(0).meeting.comment == "About half done", timeout=20_000)
    first = model.row_at(0).meeting
    assert _stored(demo_store)[(first.mentee_id, first.mentor_id, first.round_number)] == (None, False,
                                                                                          "About half done")


def test_keys_on_the_mentor_column_never_touch_the_mentees_rating(
    panel: FeedbackPanel, demo_store: EventStore, qtbot: QtBot
) -> None:
    table, model = _typing_on_a_plan(panel, demo_store)
    qtbot.keyClick(table, Qt.Key.Key_Y)  # straight from the rating: yes, then on to the comment
    assert model.row_at(0).meeting.wants_follow_up
    assert (table.currentIndex().row(), table.currentIndex().column()) == (0, Column.COMMENT)
    qtbot.keyClick(table, Qt.Key.Key_Backtab)
    assert table.currentIndex().column() == Column.FOLLOW_UP
    qtbot.keyClick(table, Qt.Key.Key_Tab)
    qtbot.keyClick(table, Qt.Key.Key_Tab)  # past the comment: the next card's rating
    assert (table.currentIndex().row(), table.currentIndex().column()) == (1, Column.RATING)
    table.setCurrentIndex(model.index(0, Column.MENTOR_FOLLOW_UP))
    qtbot.keyClick(table, Qt.Key.Key_3)
    qtbot.keyClick(table, Qt.Key.Key_Space)
    assert model.row_at(0).meeting.rating is None
    assert model.row_at(0).meeting.mentor_wants_follow_up
    assert _stored(demo_store) == {
        (model.row_at(0).meeting.mentee_id, model.row_at(0).meeting.mentor_id, model.row_at(0).meeting.round_number):
            (None, True, ""),
        (model.row_at(0).meeting.mentor_id, model.row_at(0).meeting.mentee_id, model.row_at(0).meeting.round_number):
            (None, True, ""),
    }


def test_a_meeting_replanned_away_meanwhile_is_not_saved_and_says_why(
    panel: FeedbackPanel, demo_store: EventStore, qtbot: QtBot
) -> None:
    flash_id = _plan(demo_store)
    panel.set_ops(inline_ops(demo_store))
    table, model = panel.grid.table, panel.grid.model
    gone = model.row_at(0).meeting
    with demo_store.session() as session:  # another station: the mentee left, nothing had started yet
        checkin.check_out(session, gone.mentee_id)
        replan_saved(session, flash_id, started=0)
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_4)
    assert model.row_at(0).state is SaveState.FAILED
    assert "Not saved" in panel.grid.status_label.text() and "did not meet" in panel.grid.status_label.text()
    assert _stored(demo_store) == {}
    panel.refresh()  # the grid follows the new plan
    assert model.row_of(gone.key) is None


def test_mentors_comments_are_typed_down_their_own_column(
    panel: FeedbackPanel, demo_store: EventStore, qtbot: QtBot
) -> None:
    table, model = _typing_on_a_plan(panel, demo_store)
    table.setCurrentIndex(model.index(0, Column.MENTOR_COMMENT))
    qtbot.keyClick(table, "S")  # a letter opens the editor, even y/n/digits would be text here
    editor = focus_widget(table)
    assert editor is not table
    qtbot.keyClicks(editor, "harp questions, 3 ideas")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: (table.currentIndex().row(), table.currentIndex().column()) == (1, Column.MENTOR_COMMENT),
                    timeout=20_000)
    first = model.row_at(0).meeting
    assert first.mentor_comment == "Sharp questions, 3 ideas"
    assert model.data(model.index(0, Column.MENTOR_COMMENT)) == "Sharp questions, 3 ideas"
    assert panel.grid.status_label.text().endswith("no rating, follow up: no, mentor: comment")
    # Stored as the mentor's feedback about the mentee, and nothing on the mentee's side.
    assert _stored(demo_store) == {(first.mentor_id, first.mentee_id, first.round_number): (None, False,
                                                                                          "Sharp questions, 3 ideas")}
    table.setCurrentIndex(model.index(0, Column.MENTOR_COMMENT))
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert model.row_at(0).meeting.mentor_comment == ""
    assert _stored(demo_store) == {}


def test_a_key_not_saved_keeps_what_was_typed(
    panel: FeedbackPanel, demo_store: EventStore, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    from mentordesk.ui import errors
    from mentordesk.ui.flash import feedback_grid

    table, model = _typing_on_a_plan(panel, demo_store)
    first = model.row_at(0).meeting
    banner: list[str] = []
    monkeypatch.setattr(errors, "report_environment", lambda problem, parent=None: banner.append(problem))
    real_save = feedback_grid.save_cell

    def full_disk(*_args: object) -> fb.Meeting:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(feedback_grid, "save_cell", full_disk)
    qtbot.keyClick(table, Qt.Key.Key_4)
    row = model.row_at(0)
    assert row.state is SaveState.FAILED and row.meeting.rating == 4  # what was typed stays
    assert panel.grid.status_label.text().startswith("⚠ Not saved: the disk is full")
    assert banner and banner[0].startswith("the disk is full")
    assert table.currentIndex().column() == Column.RATING  # not moved on: type it again
    panel.refresh()  # the others' feedback read again: the row still says what was typed
    assert model.row_at(0).state is SaveState.FAILED and model.row_at(0).meeting.rating == 4
    assert _stored(demo_store) == {}

    monkeypatch.setattr(feedback_grid, "save_cell", real_save)
    qtbot.keyClick(table, Qt.Key.Key_4)
    assert model.row_at(0).state is SaveState.SAVED
    assert _stored(demo_store) == {(first.mentee_id, first.mentor_id, first.round_number): (4, False, "")}


def test_keys_typed_quickly_are_saved_one_by_one_in_order(demo_store: EventStore, qtbot: QtBot) -> None:
    from mentordesk.ui.operations import Operations, finish_changes
    from mentordesk.ui.tasks import TaskManager, ThreadPoolRunner

    _plan(demo_store)
    tasks = TaskManager(ThreadPoolRunner())
    panel = FeedbackPanel()
    qtbot.addWidget(panel)
    panel.show()
    panel.set_ops(Operations(demo_store, tasks))
    table, model = panel.grid.table, panel.grid.model
    qtbot.waitUntil(lambda: model.rowCount() > 1, timeout=20_000)
    table.setFocus()
    first = model.row_at(0).meeting
    # 4, Y, 2 (a correction), N: each shown at once, written in the order typed.
    for key in (Qt.Key.Key_4, Qt.Key.Key_Y):
        qtbot.keyClick(table, key)
    table.setCurrentIndex(model.index(0, Column.RATING))
    qtbot.keyClick(table, Qt.Key.Key_2)
    qtbot.keyClick(table, Qt.Key.Key_N)
    shown = model.row_at(0).meeting
    assert (shown.rating, shown.wants_follow_up) == (2, False)
    assert finish_changes(demo_store)
    qtbot.waitUntil(lambda: model.row_at(0).state is SaveState.SAVED, timeout=20_000)
    assert _stored(demo_store) == {(first.mentee_id, first.mentor_id, first.round_number): (2, False, "")}
    assert "Saved" in panel.grid.status_label.text()
    panel.set_ops(None)
    assert tasks.wait_for_all()
