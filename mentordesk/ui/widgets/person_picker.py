"""A short list of people picked by name: a mentee's requested mentors, who someone must not meet.

Type part of a name (case and accents do not matter: "zoe sim" finds "Zoë Šimůnek") and press
Enter or *Add*, or pick from the suggestions; the one person who fits is added. *Remove* or the
Delete key takes the current one out; in a ranked list *Up* and *Down* (or Alt+↑/Alt+↓) change
the order. Enter in an empty name field is left to the dialog (its default button). Nothing here
reads or writes the event: the dialog hands the choices in and reads ``ids()`` back.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCompleter,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QWidget,
)

from mentordesk.models.normalize import fold
from mentordesk.services.person_links import PersonChoice
from mentordesk.ui.widgets.naming import named

#: Item data role holding a label's ``fold``ed form, which the completer matches against.
_FOLD_ROLE = Qt.ItemDataRole.UserRole + 1


class _ChoiceModel(QAbstractListModel):
    """The labels on offer and their folded forms, without an item object per person."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.labels: list[str] = []
        self.keys: list[str] = []

    def set(self, labels: list[str], keys: list[str]) -> None:
        self.beginResetModel()
        self.labels, self.keys = labels, keys
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.labels)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.labels[index.row()]
        if role == _FOLD_ROLE:
            return self.keys[index.row()]
        return None


def _key(choice: PersonChoice) -> str:
    return choice.key or fold(choice.label)


class _FoldingCompleter(QCompleter):
    """Suggests labels containing what was typed, ignoring case and accents, and inserts the label."""

    def __init__(self, model: _ChoiceModel, parent: QObject | None = None) -> None:
        super().__init__(model, parent)
        self.setCompletionRole(_FOLD_ROLE)
        self.setFilterMode(Qt.MatchFlag.MatchContains)
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setMaxVisibleItems(8)

    def splitPath(self, path: str) -> list[str]:
        return [fold(path)]

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:
        return str(index.data(Qt.ItemDataRole.DisplayRole) or "")


class _NameField(QLineEdit):
    """A line edit whose Enter adds what was typed (and reaches the dialog only when it is empty)."""

    add_requested = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.text().strip():
            self.add_requested.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class _ChosenList(QListWidget):
    """The chosen people: Delete or Backspace removes, Alt+Up/Down moves (when ranked)."""

    remove_requested = Signal()
    move_requested = Signal(int)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.remove_requested.emit()
            return
        if event.modifiers() & Qt.KeyboardModifier.AltModifier and key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.move_requested.emit(-1 if key == Qt.Key.Key_Up else 1)
            return
        super().keyPressEvent(event)


class PersonPicker(QWidget):
    """People picked from ``choices`` by name; ``changed`` whenever the list changes."""

    changed = Signal()

    def __init__(self, title: str, *, ranked: bool, empty: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._title = title
        self._ranked = ranked
        self._choices: list[PersonChoice] = []
        self._by_label: dict[str, list[PersonChoice]] = {}

        self.field = _NameField()
        self.field.setPlaceholderText("Type a name to add")
        self.field.setAccessibleName(f"{title}: name to add")
        self._model = _ChoiceModel(self)
        self.completer = _FoldingCompleter(self._model, self)
        self.field.setCompleter(self.completer)
        self.add_button = QPushButton("Add")
        self.add_button.setAccessibleName(f"Add to {title.lower()}")
        self.list = _ChosenList()
        self.list.setAccessibleName(title)
        self.list.setMinimumHeight(72)
        self.remove_button = QPushButton("Remove")
        self.remove_button.setAccessibleName(f"Remove from {title.lower()}")
        self.up_button = QPushButton("Up")
        self.up_button.setAccessibleName("Move up (earlier choice)")
        self.down_button = QPushButton("Down")
        self.down_button.setAccessibleName("Move down (later choice)")
        self.message = named(QLabel(empty), "pickerHint")
        self.message.setWordWrap(True)
        self._empty = empty

        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.field, 0, 0)
        grid.addWidget(self.add_button, 0, 1)
        grid.addWidget(self.list, 1, 0, 4, 1)
        grid.addWidget(self.remove_button, 1, 1)
        grid.addWidget(self.up_button, 2, 1)
        grid.addWidget(self.down_button, 3, 1)
        grid.setRowStretch(4, 1)
        grid.addWidget(self.message, 5, 0, 1, 2)
        self.up_button.setVisible(ranked)
        self.down_button.setVisible(ranked)

        self.field.add_requested.connect(self.add_typed)
        self.add_button.clicked.connect(self.add_typed)
        # A suggestion picked (mouse or Enter in the list) fills the field, then is added.
        self.completer.activated.connect(self._on_suggestion)
        self.list.remove_requested.connect(self.remove_current)
        self.list.move_requested.connect(self.move_current)
        self.list.currentRowChanged.connect(self._update_buttons)
        self.remove_button.clicked.connect(self.remove_current)
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button.clicked.connect(lambda: self.move_current(1))
        self._update_buttons()

    # ------------------------------------------------------------------ what the dialog sets and reads

    def set_choices(self, choices: Sequence[PersonChoice]) -> None:
        """Whom one may pick (already chosen people stay even when no longer offered)."""
        self._choices = list(choices)
        self._by_label = {}
        for choice in self._choices:
            self._by_label.setdefault(choice.label, []).append(choice)
        self._model.set(list(self._by_label), [_key(group[0]) for group in self._by_label.values()])

    def set_people(self, people: Sequence[PersonChoice]) -> None:
        self.list.clear()
        for person in people:
            self._append(person)
        self._after_change(announce=False)

    def ids(self) -> tuple[int, ...]:
        return tuple(self.list.item(row).data(Qt.ItemDataRole.UserRole) for row in range(self.list.count()))

    # ------------------------------------------------------------------ actions

    def add_typed(self) -> None:
        """Add the one person the field names; otherwise say why nobody was added."""
        text = self.field.text().strip()
        if not text:
            self.field.setFocus()
            return
        found = self._find(text)
        if isinstance(found, str):
            self._say(found)
            return
        if found.id in self.ids():
            self._say(f"{found.name} is already in the list.")
        else:
            self._append(found)
            self.list.setCurrentRow(self.list.count() - 1)
            self._after_change(announce=True)
        self.field.clear()

    def remove_current(self) -> None:
        row = self.list.currentRow()
        if row < 0:
            return
        self.list.takeItem(row)
        self.list.setCurrentRow(min(row, self.list.count() - 1))
        self._after_change(announce=True)
        if self.list.count() == 0:
            self.field.setFocus()

    def move_current(self, step: int) -> None:
        row = self.list.currentRow()
        target = row + step
        if not self._ranked or row < 0 or not 0 <= target < self.list.count():
            return
        item = self.list.takeItem(row)
        self.list.insertItem(target, item)
        self.list.setCurrentRow(target)
        self._after_change(announce=True)

    # ------------------------------------------------------------------ inside

    def _on_suggestion(self, label: object) -> None:
        if isinstance(label, QModelIndex):
            label = self.completer.pathFromIndex(label)
        self.field.setText(str(label))
        self.add_typed()

    def _find(self, text: str) -> PersonChoice | str:
        exact = self._by_label.get(text)
        if exact is not None and len(exact) == 1:
            return exact[0]
        key = fold(text)
        if not key:
            return f"Nobody called “{text}” can be chosen here."
        # The whole label or the whole name first, then any part of the label.
        whole = [c for c in self._choices if _key(c) == key or _key(c).startswith(f"{key} — ")]
        for matches in (whole, [c for c in self._choices if key in _key(c)]):
            if len(matches) == 1:
                return matches[0]
            if len(matches) > 1:
                return (f"{len(matches)} people fit “{text}”: type more of the name, "
                        "or pick one from the suggestions.")
        return f"Nobody called “{text}” can be chosen here."

    def _append(self, person: PersonChoice) -> None:
        item = QListWidgetItem(person.label)
        item.setData(Qt.ItemDataRole.UserRole, person.id)
        self.list.addItem(item)

    def _after_change(self, *, announce: bool) -> None:
        self._update_buttons()
        count = self.list.count()
        if count == 0:
            self.message.setText(self._empty)
        elif self._ranked and count > 1:
            self.message.setText("First choice at the top. Delete removes; Alt+↑ and Alt+↓ change the order.")
        else:
            self.message.setText("Delete removes the one selected.")
        if announce:
            self.changed.emit()

    def _say(self, text: str) -> None:
        self.message.setText(text)

    def _update_buttons(self) -> None:
        row = self.list.currentRow()
        self.remove_button.setEnabled(row >= 0)
        self.up_button.setEnabled(self._ranked and row > 0)
        self.down_button.setEnabled(self._ranked and 0 <= row < self.list.count() - 1)
