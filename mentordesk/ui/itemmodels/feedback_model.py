"""The quick-entry feedback grid's model: one row per flash meeting, as on the paper cards.

Rows are ``FeedbackRow`` values (a ``Meeting`` and whether its last edit was saved). Editing a
cell shows the value typed at once (the row says "saving") and hands the change to ``saver`` (set
by the grid), which asks for it to be written in the background and answers with
:meth:`FeedbackModel.saved_as` (the meeting as stored) or :meth:`FeedbackModel.not_saved` (why
not). Several keys typed on one card are written in order; the row shows the stored meeting once
the last of them is. A row whose save failed keeps what was typed, marked not saved, also when
the meetings are read again. The model itself never touches the event file.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QApplication

from mentordesk.services.feedback import Meeting
from mentordesk.ui.itemmodels.base import AnyIndex, RowTableModel

#: The row itself (a FeedbackRow).
ROW_ROLE = Qt.ItemDataRole.UserRole + 1


class Column(enum.IntEnum):
    MENTEE = 0
    ROUND = enum.auto()
    TABLE = enum.auto()
    MENTOR = enum.auto()
    RATING = enum.auto()
    FOLLOW_UP = enum.auto()
    COMMENT = enum.auto()
    MENTOR_FOLLOW_UP = enum.auto()
    MENTOR_COMMENT = enum.auto()
    SAVED = enum.auto()

    @property
    def header(self) -> str:
        return _HEADERS[self]

    @property
    def editable(self) -> bool:
        return self in (Column.RATING, Column.FOLLOW_UP, Column.COMMENT, Column.MENTOR_FOLLOW_UP,
                        Column.MENTOR_COMMENT)

    @property
    def is_text(self) -> bool:
        """Typed into with an editor (keys are letters), rather than set by a single key."""
        return self in (Column.COMMENT, Column.MENTOR_COMMENT)


_HEADERS = {
    Column.MENTEE: "Mentee",
    Column.ROUND: "Round",
    Column.TABLE: "Table",
    Column.MENTOR: "Mentor",
    Column.RATING: "Rating",
    Column.FOLLOW_UP: "Follow up?",
    Column.COMMENT: "Comment",
    Column.MENTOR_FOLLOW_UP: "Mentor: follow up?",
    Column.MENTOR_COMMENT: "Mentor's comment",
    Column.SAVED: "",
}

_TIPS = {
    Column.RATING: "The mentee's rating, 1 to 5: type a digit (Delete clears it)",
    Column.FOLLOW_UP: "The mentee would like to follow up: Y, N or Space",
    Column.COMMENT: "The mentee's comment: start typing, Enter saves",
    Column.MENTOR_FOLLOW_UP: "The mentor would like to follow up with this mentee: Y, N or Space",
    Column.MENTOR_COMMENT: "What the mentor wrote about this meeting: start typing, Enter saves and goes down",
}


class SaveState(enum.StrEnum):
    EMPTY = "empty"
    SAVING = "saving"
    SAVED = "saved"
    FAILED = "failed"


@dataclass(frozen=True)
class FeedbackRow:
    meeting: Meeting
    state: SaveState
    problem: str = ""

    @classmethod
    def of(cls, meeting: Meeting) -> FeedbackRow:
        stored = meeting.mentee_has_feedback or meeting.mentor_has_feedback
        return cls(meeting, SaveState.SAVED if stored else SaveState.EMPTY)


#: Asks for one cell to be written: (meeting, column, value); the answer comes back through
#: ``saved_as`` or ``not_saved``.
Saver = Callable[[Meeting, Column, Any], None]
Key = tuple[int, int, int, int]


def edited(meeting: Meeting, column: Column, value: Any) -> Meeting:
    """``meeting`` as it will be once ``value`` is saved in ``column`` (shown while it is)."""
    if column is Column.RATING:
        return replace(meeting, rating=value, mentee_has_feedback=True)
    if column is Column.FOLLOW_UP:
        return replace(meeting, wants_follow_up=bool(value), mentee_has_feedback=True)
    if column is Column.COMMENT:
        return replace(meeting, comment=str(value), mentee_has_feedback=True)
    if column is Column.MENTOR_FOLLOW_UP:
        return replace(meeting, mentor_wants_follow_up=bool(value), mentor_has_feedback=True)
    if column is Column.MENTOR_COMMENT:
        return replace(meeting, mentor_comment=str(value), mentor_has_feedback=True)
    return meeting


def _mentee_groups(rows: Sequence[FeedbackRow]) -> tuple[int, ...]:
    groups: list[int] = []
    shade, previous = 1, None
    for row in rows:
        if row.meeting.mentee_id != previous:
            shade, previous = 1 - shade, row.meeting.mentee_id
        groups.append(shade)
    return tuple(groups)


def yes_no(value: bool) -> str:
    return "Yes" if value else "–"


class FeedbackModel(RowTableModel):
    COLUMNS = Column

    #: A cell could not be saved (the reason, one line).
    save_failed = Signal(str)
    #: A cell was saved (the row number).
    saved = Signal(int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: tuple[FeedbackRow, ...] = ()
        #: Per row: 0 or 1, alternating from one mentee (one paper card) to the next.
        self._groups: tuple[int, ...] = ()
        self.saver: Saver | None = None
        #: Per meeting: saves asked for and not answered yet.
        self._pending: dict[Key, int] = {}
        #: Per meeting: why a save of the keys still being written failed.
        self._problems: dict[Key, str] = {}

    def set_meetings(self, meetings: Sequence[Meeting]) -> bool:
        """Show these meetings; True when the model was reset. When they are the same meetings as
        now (a refresh), rows are updated in place, so a comment being typed keeps its editor.
        A row being saved, or whose save failed, keeps what was typed."""
        shown = {row.meeting.key: row for row in self._rows}
        rows = [self._kept(shown.get(m.key)) or FeedbackRow.of(m) for m in meetings]
        if [r.meeting.key for r in rows] != [r.meeting.key for r in self._rows]:
            self.set_rows(rows)
            return True
        for number, row in enumerate(rows):
            if row != self._rows[number]:
                self._replace(number, row)
        return False

    def _kept(self, row: FeedbackRow | None) -> FeedbackRow | None:
        if row is not None and (row.meeting.key in self._pending or row.state is SaveState.FAILED):
            return row
        return None

    def set_rows(self, rows: Sequence[FeedbackRow]) -> None:
        self.beginResetModel()
        self._rows = tuple(rows)
        self._groups = _mentee_groups(self._rows)
        self.endResetModel()

    def row_at(self, row: int) -> FeedbackRow:
        return self._rows[row]

    def row_of(self, key: tuple[int, int, int, int]) -> int | None:
        for number, row in enumerate(self._rows):
            if row.meeting.key == key:
                return number
        return None

    def meetings(self) -> tuple[Meeting, ...]:
        return tuple(r.meeting for r in self._rows)

    def saved_as(self, key: Key, meeting: Meeting) -> None:
        """A save asked for through ``saver`` was written; ``meeting`` is as stored after it."""
        more = self._answered(key)
        number = self.row_of(key)
        if number is None or more:
            return  # the card's last key, written last, shows what is stored
        problem = self._problems.pop(key, None)
        if problem is not None:
            # An earlier key of this card was not saved: what was typed stays, marked so.
            self._replace(number, replace(self._rows[number], state=SaveState.FAILED, problem=problem))
            return
        self._replace(number, FeedbackRow.of(meeting))
        self.saved.emit(number)

    def not_saved(self, key: Key, problem: str) -> None:
        """A save asked for through ``saver`` was not written (``problem``: why, one line)."""
        more = self._answered(key)
        if more:
            self._problems[key] = problem
        else:
            self._problems.pop(key, None)
        number = self.row_of(key)
        if number is None:
            return
        self._replace(number, replace(self._rows[number], state=SaveState.FAILED, problem=problem))
        self.save_failed.emit(problem)

    def _answered(self, key: Key) -> int:
        """One save of ``key`` answered; how many are still to come."""
        left = self._pending.get(key, 0) - 1
        if left > 0:
            self._pending[key] = left
        else:
            self._pending.pop(key, None)
        return max(0, left)

    # -- Qt

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self._row_for(index)
        if row is None:
            return None
        column = Column(index.column())
        m = row.meeting
        if role == ROW_ROLE:
            return row
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._text(row, column, edit=role == Qt.ItemDataRole.EditRole)
        if role == Qt.ItemDataRole.BackgroundRole and self._groups[index.row()]:
            # Every other mentee's rows are shaded, so each paper card reads as one block.
            return QApplication.palette().alternateBase()
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (
                Column.ROUND, Column.TABLE, Column.RATING, Column.FOLLOW_UP, Column.MENTOR_FOLLOW_UP, Column.SAVED):
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column is Column.SAVED:
                return {SaveState.EMPTY: "No feedback yet", SaveState.SAVING: "Saving…",
                        SaveState.SAVED: "Saved in the event file",
                        SaveState.FAILED: f"Not saved: {row.problem}"}[row.state]
            if column is Column.COMMENT and m.comment:
                return m.comment
            if column is Column.MENTOR_COMMENT and m.mentor_comment:
                return m.mentor_comment
            if column is Column.MENTEE:
                return m.mentee_name
            if column is Column.MENTOR:
                return m.mentor_name  # in full: long names are cut short in the cell
            return _TIPS.get(column)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{column.header or 'Saved'}: {self._text(row, column, edit=False) or 'empty'}"
        return None

    def _text(self, row: FeedbackRow, column: Column, *, edit: bool) -> Any:
        m = row.meeting
        if column is Column.MENTEE:
            return m.mentee_name
        if column is Column.ROUND:
            return m.round_number
        if column is Column.TABLE:
            return m.table_number
        if column is Column.MENTOR:
            return m.mentor_name
        if column is Column.RATING:
            if edit:
                return m.rating
            return "" if m.rating is None else "★" * m.rating + f"  {m.rating}"
        if column is Column.FOLLOW_UP:
            return m.wants_follow_up if edit else yes_no(m.wants_follow_up)
        if column is Column.MENTOR_FOLLOW_UP:
            return m.mentor_wants_follow_up if edit else yes_no(m.mentor_wants_follow_up)
        if column is Column.COMMENT:
            return m.comment
        if column is Column.MENTOR_COMMENT:
            return m.mentor_comment
        return {SaveState.EMPTY: "", SaveState.SAVING: "…", SaveState.SAVED: "✓", SaveState.FAILED: "⚠"}[row.state]

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        # Only the comments open an editor; ratings and yes/no take single keys (see the grid).
        if index.isValid() and Column(index.column()).is_text:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        row = self._row_for(index)
        if row is None or role != Qt.ItemDataRole.EditRole or self.saver is None:
            return False
        column = Column(index.column())
        if not column.editable:
            return False
        if column.is_text:
            value = str(value or "").strip()
            stored = row.meeting.comment if column is Column.COMMENT else row.meeting.mentor_comment
            if value == stored:
                return True
        number, key = index.row(), row.meeting.key
        self._pending[key] = self._pending.get(key, 0) + 1
        # What was typed shows at once; the answer to the save follows (before ``saver`` returns
        # when the writer runs inline).
        self._replace(number, FeedbackRow(edited(row.meeting, column, value), SaveState.SAVING))
        self.saver(row.meeting, column, value)
        answered = self.row_of(key)
        return answered is None or self._rows[answered].state is not SaveState.FAILED

    def _replace(self, number: int, row: FeedbackRow) -> None:
        rows = list(self._rows)
        rows[number] = row
        self._rows = tuple(rows)
        self.dataChanged.emit(self.index(number, 0), self.index(number, len(Column) - 1))
