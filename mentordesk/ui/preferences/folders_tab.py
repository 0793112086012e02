"""Preferences ▸ Folders: where MentorDesk keeps its files, each with a button that opens it.

The folders come from ``paths.py`` (``MENTORDESK_HOME`` moves them all) and are shown, not chosen
here: the event files themselves are wherever they were saved. Opening goes through the system's
file manager; ``open_url`` is a parameter so tests can see what would have been opened.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from mentordesk import paths
from mentordesk.ui.preferences.common import hint
from mentordesk.ui.widgets.naming import named

#: (key, label, what is kept there, the folder).
FOLDERS: tuple[tuple[str, str, str, Callable[[], Path]], ...] = (
    ("data", "Data", "the demo event and what MentorDesk keeps for itself", paths.data_dir),
    ("config", "Settings", "these preferences and the window's size and recent files", paths.config_dir),
    ("logs", "Logs", "what happened, for a bug report (ids, never names)", paths.log_dir),
    ("backups", "Backups", "copies made before an event file is upgraded", paths.backup_dir),
    ("exports", "Exports", "PDFs opened in the viewer (removed after a day)", paths.exports_dir),
)

OpenUrl = Callable[[QUrl], bool]


class FoldersTab(QWidget):
    def __init__(self, open_url: OpenUrl | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._open_url = open_url or QDesktopServices.openUrl
        self.path_edits: dict[str, QLineEdit] = {}
        self.open_buttons: dict[str, QPushButton] = {}
        self.error_label = named(QLabel(""), "inlineError")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        for row, (key, title, what, folder) in enumerate(FOLDERS):
            edit = named(QLineEdit(str(folder())), f"prefFolder_{key}")
            edit.setReadOnly(True)
            edit.setAccessibleName(f"{title} folder")
            edit.setToolTip(f"{title}: {what}")
            edit.setCursorPosition(0)
            button = named(QPushButton("Open folder"), f"prefOpenFolder_{key}")
            button.setAccessibleName(f"Open the {title.lower()} folder")
            button.clicked.connect(lambda _checked=False, k=key: self.open_folder(k))
            label = QLabel(f"{title}:")
            label.setBuddy(edit)
            grid.addWidget(label, row, 0)
            grid.addWidget(edit, row, 1)
            grid.addWidget(button, row, 2)
            self.path_edits[key] = edit
            self.open_buttons[key] = button
        layout = QVBoxLayout(self)
        layout.addWidget(hint("Where MentorDesk keeps its own files on this computer. Event files are wherever you "
                              "saved them (see File ▸ Open recent)."))
        layout.addLayout(grid)
        layout.addWidget(self.error_label)
        if os.environ.get(paths.HOME_ENV):
            layout.addWidget(hint(f"All of them are under {paths.HOME_ENV} for this run."))
        layout.addStretch(1)

    def open_folder(self, key: str) -> bool:
        path = Path(self.path_edits[key].text())
        opened = path.is_dir() and self._open_url(QUrl.fromLocalFile(str(path)))
        self.error_label.setText("" if opened else
                                 f"The folder could not be opened here. Its path is {path}: copy it from the box "
                                 "and open it in your file manager.")
        self.error_label.setVisible(not opened)
        return bool(opened)
