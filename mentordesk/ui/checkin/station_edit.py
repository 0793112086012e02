"""The desk's station name: this desk's name, recorded with every check-in, edited in the page's header.

It takes the focus only when clicked (or by the page's shortcut, :meth:`StationEdit.begin`), so a
scan never lands in it. Enter, or leaving it, saves the name tidied (one space between words, at
most :data:`STATION_MAX_CHARS` characters; an empty name keeps the old one); Escape puts the saved
name back. Either way ``finished`` tells the page to give the focus back to the scan field. A name
changed elsewhere (Preferences) is shown at once, unless the name is being edited here.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLineEdit, QWidget

from mentordesk.settings import STATION_MAX_CHARS, STATION_NAME, Settings, tidy_station_name
from mentordesk.ui.widgets.setting_changes import follow


class StationEdit(QLineEdit):
    """The station name, saved in the settings (:attr:`station` is the saved one)."""

    #: Editing ended (saved or undone): the focus may go back to the scan field.
    finished = Signal()

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(settings.get(STATION_NAME), parent)
        self._settings = settings
        self.setObjectName("stationEdit")
        self.setMaxLength(STATION_MAX_CHARS)
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.setAccessibleName("Station name")
        self.setMinimumWidth(120)
        self.setCursorPosition(0)  # a long name shows its start, as after an edit
        self.setMaximumWidth(220)
        self.escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self, context=Qt.ShortcutContext.WidgetShortcut)
        self._connect_signals()

    @property
    def station(self) -> str:
        return self._settings.get(STATION_NAME)

    def begin(self) -> None:
        """Start editing the name (the page's shortcut): focus, with the old name selected."""
        self.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.selectAll()

    def _connect_signals(self) -> None:
        self.editingFinished.connect(self._on_self_editing_finished)
        self.escape.activated.connect(self._on_escape_activated)
        follow(STATION_NAME, self._settings, self, self._on_station_name_saved)

    def _on_station_name_saved(self, name: str) -> None:
        if not self.hasFocus() and self.text() != name:
            self.setText(name)
            self.setCursorPosition(0)

    def _on_self_editing_finished(self) -> None:
        name = tidy_station_name(self.text())
        if name and name != self.station:
            self._settings.set(STATION_NAME, name)
        self.setText(self.station)
        self.setCursorPosition(0)
        self.finished.emit()

    def _on_escape_activated(self) -> None:
        self.setText(self.station)
        self.finished.emit()
