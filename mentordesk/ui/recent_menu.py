"""File ▸ Open recent: the last events by name ("Harbour Tech Summit — demo.mentordesk"), missing
files greyed out, and "Clear list"."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from mentordesk.ui.ui_state import RecentEvent
from mentordesk.ui.widgets.bidi import isolate


class RecentFilesMenu(QMenu):
    file_chosen = Signal(Path)
    clear_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Open &recent", parent)
        self.setToolTipsVisible(True)
        self.clear_action = QAction("&Clear list", self)
        self._file_actions: list[QAction] = []
        self._separator = self.addSeparator()
        self.addAction(self.clear_action)
        self._connect_signals()
        self.set_files([])

    def _connect_signals(self) -> None:
        self.clear_action.triggered.connect(self.clear_requested)
        self.triggered.connect(self._on_self_triggered)

    def _on_self_triggered(self, action: QAction) -> None:
        if action in self._file_actions:
            self.file_chosen.emit(Path(action.data()))

    def set_files(self, files: list[RecentEvent]) -> None:
        # Only the file entries are rebuilt: QMenu.clear() would also delete "Clear list".
        for action in self._file_actions:
            self.removeAction(action)
            action.deleteLater()
        self._file_actions = []
        for number, recent in enumerate(files, start=1):
            path = recent.path
            # Numbers 1–9 double as keyboard accelerators inside the menu; an "&" in a name is text.
            prefix = f"&{number} " if number < 10 else ""
            # Isolated: an Arabic or Hebrew name next to the file name would run into it.
            label = f"{isolate(recent.name)} — {isolate(path.name)}" if recent.name else path.name
            action = QAction(f"{prefix}{label.replace('&', '&&')}", self)
            action.setToolTip(str(path))
            action.setStatusTip(str(path))
            if not path.is_file():
                action.setEnabled(False)
                action.setText(f"{prefix}{label.replace('&', '&&')} (not found)")
            action.setData(str(path))
            self.insertAction(self._separator, action)
            self._file_actions.append(action)
        self._separator.setVisible(bool(files))
        self.clear_action.setEnabled(bool(files))
        self.menuAction().setEnabled(bool(files))

    def file_actions(self) -> list[QAction]:
        return list(self._file_actions)
