"""Quick entry of feedback cards: a grid of every flash meeting, driven from the keyboard.

Typing in a stack of paper cards should not need the mouse: the rows are in the cards' order (by
mentee surname, then round). On a row, a digit 1–5 is the rating, Y or N (Space toggles) the
"I'd like to follow up", and typing starts the comment; Enter or Tab moves on — rating, follow-up,
comment, then the next card. The name field above jumps to a mentee (accent-insensitive). Each
key is a change of its own on the event's writer (``ui/operations.py``), written at once and in
the order typed; the row says it was saved, or keeps what was typed and says why it was not (a
full or locked disk is also said by the main window's banner).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mentordesk.services import feedback as fb
from mentordesk.services.domain_error import DomainError
from mentordesk.services.feedback import FeedbackError, Meeting
from mentordesk.ui.itemmodels.feedback_model import Column, FeedbackModel
from mentordesk.ui.operations import Failure, FailureKind, Operations
from mentordesk.ui.widgets.empty_state import EmptyState
from mentordesk.ui.widgets.naming import named

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

#: Where Enter and Tab go next when typing a mentee's card.
CARD_ORDER = (Column.RATING, Column.FOLLOW_UP, Column.COMMENT)

NO_EVENT_TEXT = "Open an event to enter feedback."
NO_PLAN_TEXT = "No meetings yet"
NO_PLAN_HINT = ("Plan the flash rounds first; every meeting of the plan then gets a row here for the mentee's "
                "rating, follow-up and comment.")
NO_MEETINGS_TEXT = "The planned rotation has no meetings"
NO_MEETINGS_HINT = "No mentee sits at a table in any round: plan the rounds again with the people who came."
#: The empty grid's one button: to the Plan tab.
PLAN_ACTION = "Go to the Plan tab"
HELP_TEXT = ("1–5 rating · Y/N follow-up · type for a comment · Enter/Tab next · "
             "Delete clears · Ctrl+F find a mentee")


#: What the row says when a save failed with a bug (the error report has the details).
UNEXPECTED_TEXT = "the event file could not be written"


def save_cell(session: Session, meeting: Meeting, column: Column, value: Any) -> Meeting:
    """Write one cell through the feedback service; the meeting as stored after it."""
    if column is Column.RATING:
        fb.record_mentee_feedback(session, meeting, rating=value)
    elif column is Column.FOLLOW_UP:
        fb.record_mentee_feedback(session, meeting, wants_follow_up=bool(value))
    elif column is Column.COMMENT:
        fb.record_mentee_feedback(session, meeting, comment=str(value))
    elif column is Column.MENTOR_FOLLOW_UP:
        fb.record_mentor_feedback(session, meeting, wants_follow_up=bool(value))
    elif column is Column.MENTOR_COMMENT:
        fb.record_mentor_feedback(session, meeting, comment=str(value))
    else:
        raise FeedbackError(f"the {column.header.lower()} cannot be changed here")
    session.flush()
    again = fb.meetings(session, meeting.flash_session_id, person_id=meeting.mentee_id)
    return next((m for m in again if m.key == meeting.key), meeting)


class FeedbackTable(QTableView):
    """The grid itself: single keys set ratings and yes/no, Enter and Tab move along the card."""

    #: Ctrl+F or "/" pressed in the grid: the name field should take over.
    find_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("feedbackTable")
        # One cell at a time: the typist must see which field the next key goes to.
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.AnyKeyPressed
                             | QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.DoubleClicked)
        self.setTabKeyNavigation(False)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        self.setAccessibleName("Feedback per meeting")

    def feedback_model(self) -> FeedbackModel:
        model = self.model()
        assert isinstance(model, FeedbackModel)
        return model

    def go_to(self, row: int, column: Column) -> None:
        model = self.feedback_model()
        if not 0 <= row < model.rowCount():
            return
        index = model.index(row, column)
        self.setCurrentIndex(index)
        self.scrollTo(index)

    def step(self, forward: bool = True) -> None:
        """Move along the card: rating, follow-up, comment, then the next row's rating."""
        index = self.currentIndex()
        if not index.isValid():
            self.go_to(0, Column.RATING)
            return
        column, row = Column(index.column()), index.row()
        if column in (Column.MENTOR_FOLLOW_UP, Column.MENTOR_COMMENT):
            # Typing the mentors' cards: down the column.
            self.go_to(row + (1 if forward else -1), column)
            return
        order = list(CARD_ORDER)
        position = order.index(column) if column in order else (-1 if forward else len(order))
        position += 1 if forward else -1
        if position >= len(order):
            row, position = row + 1, 0
        elif position < 0:
            row, position = row - 1, len(order) - 1
        if 0 <= row < self.feedback_model().rowCount():
            self.go_to(row, order[position])

    def keyPressEvent(self, event: QKeyEvent) -> None:
        index = self.currentIndex()
        if not index.isValid() or self.state() == QAbstractItemView.State.EditingState:
            super().keyPressEvent(event)
            return
        if event.matches(QKeySequence.StandardKey.Find) or event.text() == "/":
            self.find_requested.emit()
            return
        column = Column(index.column())
        model = self.feedback_model()
        key, text = event.key(), event.text().lower()
        plain = not (event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier))
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab):
            self.step(True)
            return
        if key == Qt.Key.Key_Backtab:
            self.step(False)
            return
        if column.is_text:
            if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                model.setData(index, "")
            else:
                super().keyPressEvent(event)  # a letter starts the comment's editor
            return
        mentor_side = column is Column.MENTOR_FOLLOW_UP
        if not mentor_side and plain and text in ("1", "2", "3", "4", "5"):
            if model.setData(model.index(index.row(), Column.RATING), int(text)):
                self.go_to(index.row(), Column.FOLLOW_UP)
            return
        follow = Column.MENTOR_FOLLOW_UP if column is Column.MENTOR_FOLLOW_UP else Column.FOLLOW_UP
        if plain and text in ("y", "n"):
            # On a mentee's card the comment comes next; mentors' cards go down their column.
            if model.setData(model.index(index.row(), follow), text == "y") and mentor_side:
                self.go_to(index.row() + 1, column)
            elif not mentor_side:
                self.go_to(index.row(), Column.COMMENT)
            return
        if key == Qt.Key.Key_Space:
            cell = model.index(index.row(), follow)
            model.setData(cell, not model.data(cell, Qt.ItemDataRole.EditRole))
            return
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and column.editable:
            empty: object = None if column is Column.RATING else False
            model.setData(index, empty)
            return
        if column is Column.RATING and plain and text == "0":
            model.setData(index, None)
            return
        super().keyPressEvent(event)

    def focusNextPrevChild(self, next: bool) -> bool:
        # Tab and Shift+Tab never reach keyPressEvent (QWidget turns them into focus changes):
        # in the grid they move along the card instead of leaving it.
        if self.state() != QAbstractItemView.State.EditingState and self.model() is not None \
                and self.feedback_model().rowCount():
            self.step(next)
            return True
        return super().focusNextPrevChild(next)

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        Hint = QAbstractItemDelegate.EndEditHint
        row, column = self.currentIndex().row(), Column(self.currentIndex().column())
        if column is Column.MENTOR_COMMENT and hint in (Hint.SubmitModelCache, Hint.EditNextItem):
            # Typing the mentors' comments: down the column.
            super().closeEditor(editor, Hint.NoHint)
            self.go_to(row + 1, column)
        elif column is Column.MENTOR_COMMENT and hint == Hint.EditPreviousItem:
            super().closeEditor(editor, Hint.NoHint)
            self.go_to(row, Column.MENTOR_FOLLOW_UP)
        elif hint in (Hint.SubmitModelCache, Hint.EditNextItem):
            # Enter or Tab after a comment: the next card.
            super().closeEditor(editor, Hint.NoHint)
            self.go_to(row + 1, Column.RATING)
        elif hint == Hint.EditPreviousItem:
            super().closeEditor(editor, Hint.NoHint)
            self.go_to(row, Column.FOLLOW_UP)
        else:
            super().closeEditor(editor, hint)


class FeedbackGrid(QWidget):
    """The name field, the grid, and a line saying what was saved last."""

    #: A cell was saved (e.g. so the follow-ups list can refresh).
    changed = Signal()
    #: The empty grid's button: the rounds need planning first (the page shows its Plan tab).
    plan_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("feedbackGrid")
        self._ops: Operations | None = None
        #: Bumped when the event changes: answers to saves in the event before are dropped.
        self._generation = 0
        self.flash_session_id: int | None = None
        self.model = FeedbackModel(self)
        self.model.saver = self._save
        self._build()
        self.find_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self,
                                       context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._connect_signals()
        self.set_meetings(None, ())

    def _build(self) -> None:
        self.find_edit = named(QLineEdit(), "feedbackFind")
        self.find_edit.setPlaceholderText("Find a mentee: type a name, Enter to start typing their card")
        self.find_edit.setAccessibleName("Find a mentee")
        self.find_edit.setClearButtonEnabled(True)
        # No mnemonic: Alt+F belongs to the File menu and the Flash page's Feedback tab; Ctrl+F finds.
        find_label = named(QLabel("Find"), "feedbackFindLabel")
        find_label.setBuddy(self.find_edit)
        self.status_label = named(QLabel(""), "feedbackStatus")
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)
        self.status_label.setWordWrap(True)
        self.help_label = named(QLabel(HELP_TEXT), "feedbackHelp")
        self.help_label.setWordWrap(True)
        self.table = FeedbackTable()
        self.table.setModel(self.model)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        widths = {Column.MENTEE: 180, Column.ROUND: 56, Column.TABLE: 50, Column.MENTOR: 170, Column.RATING: 100,
                  Column.FOLLOW_UP: 86, Column.MENTOR_FOLLOW_UP: 130, Column.MENTOR_COMMENT: 200, Column.SAVED: 34}
        for column, width in widths.items():
            self.table.setColumnWidth(column, width)
        header.setSectionResizeMode(Column.COMMENT, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(40)
        self.empty_state = EmptyState()
        self.empty_state.action_requested.connect(self.plan_requested)
        self.empty_label = self.empty_state.message_label
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty_state)

        top = QHBoxLayout()
        top.addWidget(find_label)
        top.addWidget(self.find_edit, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.help_label)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.status_label)

    def _connect_signals(self) -> None:
        self.find_edit.textEdited.connect(self._on_find_edit_text_edited)
        self.find_edit.returnPressed.connect(self._on_find_edit_return_pressed)
        self.find_shortcut.activated.connect(self._on_find_shortcut_activated)
        self.table.find_requested.connect(self._on_find_shortcut_activated)
        self.model.saved.connect(self._on_model_saved)
        self.model.save_failed.connect(self._on_model_save_failed)

    # -- what the grid offers

    def set_ops(self, ops: Operations | None) -> None:
        """The open event (None: none), as the panel's door to it."""
        self._ops = ops
        self._generation += 1
        if ops is None:
            self.set_meetings(None, ())

    def set_meetings(self, flash_session_id: int | None, meetings: tuple[Meeting, ...]) -> None:
        """Show these meetings, keeping the current cell where the same meeting is still there."""
        current = self.table.currentIndex()
        key = self.model.row_at(current.row()).meeting.key if current.isValid() else None
        column = Column(current.column()) if current.isValid() else Column.RATING
        self.flash_session_id = flash_session_id
        reset = self.model.set_meetings(meetings)
        if self._ops is None:
            self._show_empty(NO_EVENT_TEXT)
        elif flash_session_id is None:
            self._show_empty(NO_PLAN_TEXT, NO_PLAN_HINT, PLAN_ACTION)
        elif not meetings:
            self._show_empty(NO_MEETINGS_TEXT, NO_MEETINGS_HINT, PLAN_ACTION)
        else:
            self.stack.setCurrentWidget(self.table)
            self.find_edit.setEnabled(True)
            self.help_label.show()
            if reset:
                # Back to the same meeting; a refresh in place leaves the cell and the scrolling be.
                row = self.model.row_of(key) if key is not None else None
                self.table.go_to(row if row is not None else 0, column)

    def find_mentee(self, text: str) -> int | None:
        """Jump to the first mentee whose name matches ``text``; the row, or None."""
        row = fb.first_match(self.model.meetings(), text)
        if row is not None:
            self.table.go_to(row, Column.RATING)
        return row

    def focus_grid(self) -> None:
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- slots

    def _on_find_edit_text_edited(self, text: str) -> None:
        if text.strip() and self.find_mentee(text) is None:
            self.status_label.setText(f"No mentee called “{text.strip()}” has a meeting in this rotation.")

    def _on_find_edit_return_pressed(self) -> None:
        if self.find_edit.text().strip():
            self.find_mentee(self.find_edit.text())
        self.focus_grid()

    def _on_find_shortcut_activated(self) -> None:
        self.find_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.find_edit.selectAll()

    def _on_model_saved(self, row: int) -> None:
        m = self.model.row_at(row).meeting
        rating = f"rating {m.rating}" if m.rating is not None else "no rating"
        follow = "follow up: yes" if m.wants_follow_up else "follow up: no"
        mentor_side = ", mentor: " + ", ".join(
            ["follow up: yes"] * m.mentor_wants_follow_up + ["comment"] * bool(m.mentor_comment)
        ) if m.mentor_wants_follow_up or m.mentor_comment else ""
        self.status_label.setText(f"✓ Saved — {m.mentee_name}, round {m.round_number} with {m.mentor_name}: "
                                  f"{rating}, {follow}" + (", comment" if m.comment else "") + mentor_side)
        self.changed.emit()

    def _on_model_save_failed(self, problem: str) -> None:
        self.status_label.setText(f"⚠ Not saved: {problem}")

    # -- helpers

    def _save(self, meeting: Meeting, column: Column, value: Any) -> None:
        """One key typed: a change of its own, written after those typed before it."""
        key, ops, generation = meeting.key, self._ops, self._generation
        if ops is None:
            self.model.not_saved(key, "no event is open")
            return

        def done(saved: Meeting) -> None:
            if generation == self._generation:
                self.model.saved_as(key, saved)

        def refused(error: DomainError) -> None:
            if generation == self._generation:
                self.model.not_saved(key, str(error))

        def failed(failure: Failure) -> None:
            # A refusal was answered above; a full or locked disk is also said by the banner.
            if generation == self._generation and failure.kind is not FailureKind.REFUSED:
                problem = failure.message if failure.kind is FailureKind.ENVIRONMENT else UNEXPECTED_TEXT
                self.model.not_saved(key, problem)

        ops.change("feedback.grid.save", lambda session: save_cell(session, meeting, column, value), done=done,
                   refused=refused, failed=failed, owner=self)

    def _show_empty(self, text: str, hint: str = "", action: str = "") -> None:
        self.empty_state.show_next_step(text, hint, action)
        self.stack.setCurrentWidget(self.empty_state)
        self.find_edit.setEnabled(False)
        self.help_label.hide()
        self.status_label.setText("")

