"""File ▸ New event: name, date, venue and where to save the event file.

The file location follows the name (``<events folder>/<name>.mentordesk``) until the user picks
a location themselves. The dialog checks what it can (a name, a file that does not exist yet)
and then emits ``create_requested``; the main window creates the event and either accepts the
dialog or hands back the store's error with :meth:`NewEventDialog.show_error`, so a failure
never loses what was typed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mentordesk import EVENT_SUFFIX, paths
from mentordesk.ui.widgets.naming import named
from mentordesk.ui.widgets.qt_values import to_date

FILE_FILTER = f"MentorDesk events (*{EVENT_SUFFIX})"
#: Characters that Windows, macOS or Linux refuse in file names, plus control characters.
_UNSAFE_FILENAME = re.compile(r'[<>:"/\\|?*\x00-\x1f]')
MAX_STEM_LENGTH = 80


@dataclass(frozen=True)
class NewEventValues:
    name: str
    starts_on: date | None
    venue: str
    path: Path


def file_stem_for(name: str) -> str:
    """A file name (without suffix) for an event name, safe on every platform."""
    stem = " ".join(_UNSAFE_FILENAME.sub(" ", name).split()).strip(" .")
    return stem[:MAX_STEM_LENGTH].rstrip(" .") or "event"


def with_event_suffix(path: Path) -> Path:
    return path if path.suffix.lower() == EVENT_SUFFIX else path.with_name(path.name + EVENT_SUFFIX)


class NewEventDialog(QDialog):
    create_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("New event")
        self.setMinimumWidth(520)
        self._location_edited = False
        self._folder = paths.events_dir()

        self.name_edit = QLineEdit()
        self.name_edit.setMaxLength(200)
        self.name_edit.setPlaceholderText("e.g. Spring Flash Mentoring")
        self.date_check = QCheckBox("Set a date")
        self.date_check.setChecked(True)
        self.date_edit = QDateEdit(QDate.currentDate())
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("ddd d MMM yyyy")
        self.date_edit.setAccessibleName("Event date")
        self.venue_edit = QLineEdit()
        self.venue_edit.setPlaceholderText("Optional")
        self.path_edit = QLineEdit()
        self.path_edit.setAccessibleName("File location")
        self.browse_button = QPushButton("Browse…")
        self.error_label = named(QLabel(""), "inlineError")
        self.error_label.setWordWrap(True)
        self.error_label.hide()

        date_row = QHBoxLayout()
        date_row.addWidget(self.date_check)
        date_row.addWidget(self.date_edit, 1)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(self.browse_button)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow("&Name", self.name_edit)
        date_label = QLabel("&Date")
        date_label.setBuddy(self.date_check)
        form.addRow(date_label, date_row)
        form.addRow("&Venue", self.venue_edit)
        path_label = QLabel("&Save as")
        path_label.setBuddy(self.path_edit)
        form.addRow(path_label, path_row)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.create_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.create_button.setText("Create event")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self._connect_signals()
        self._update_path()
        self._update_buttons()

    def _connect_signals(self) -> None:
        self.name_edit.textChanged.connect(self._on_name_edit_text_changed)
        self.path_edit.textEdited.connect(self._on_path_edit_text_edited)
        self.date_check.toggled.connect(self._on_date_check_toggled)
        self.browse_button.clicked.connect(self._on_browse_button_clicked)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)

    # -- reading and checking

    def values(self) -> NewEventValues:
        text = self.path_edit.text().strip()
        path = with_event_suffix(Path(text).expanduser()) if text else self._default_path()
        starts_on = to_date(self.date_edit.date()) if self.date_check.isChecked() else None
        return NewEventValues(
            name=" ".join(self.name_edit.text().split()),
            starts_on=starts_on,
            venue=" ".join(self.venue_edit.text().split()),
            path=path,
        )

    def problem(self) -> str | None:
        """Why the event cannot be created as entered, or None."""
        values = self.values()
        if not values.name:
            return "The event needs a name."
        if values.path.is_dir():
            return f"{values.path} is a folder; choose a file name."
        if values.path.exists():
            return (f"A file named {values.path.name} already exists in {values.path.parent}. "
                    "Choose another name, or open that file instead.")
        return None

    def submit(self) -> bool:
        """Check the form and, if it is fine, ask for the event to be created."""
        problem = self.problem()
        if problem:
            self.show_error(problem)
            return False
        self.show_error(None)
        self.create_requested.emit(self.values())
        return True

    def show_error(self, message: str | None) -> None:
        self.error_label.setText(message or "")
        self.error_label.setVisible(bool(message))

    # -- slots

    def _on_name_edit_text_changed(self, _text: str) -> None:
        self._update_path()
        self._update_buttons()
        self.show_error(None)

    def _on_path_edit_text_edited(self, text: str) -> None:
        self._location_edited = bool(text.strip())
        self.show_error(None)

    def _on_date_check_toggled(self, checked: bool) -> None:
        self.date_edit.setEnabled(checked)

    def _on_browse_button_clicked(self) -> None:
        chooser = QFileDialog(self, "Save the new event as", str(self.values().path), FILE_FILTER)
        chooser.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        chooser.setDefaultSuffix(EVENT_SUFFIX.lstrip("."))
        # The dialog itself refuses existing files with a clear message; no overwrite question.
        chooser.setOption(QFileDialog.Option.DontConfirmOverwrite, True)
        chooser.fileSelected.connect(self._on_chooser_file_selected)
        chooser.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        chooser.open()

    def _on_chooser_file_selected(self, file_name: str) -> None:
        if file_name:
            self._location_edited = True
            self.path_edit.setText(str(with_event_suffix(Path(file_name))))
            self.show_error(None)

    def _on_buttons_accepted(self) -> None:
        self.submit()

    # -- helpers

    def _default_path(self) -> Path:
        return self._folder / f"{file_stem_for(self.name_edit.text())}{EVENT_SUFFIX}"

    def _update_path(self) -> None:
        if not self._location_edited:
            self.path_edit.setText(str(self._default_path()))

    def _update_buttons(self) -> None:
        self.create_button.setEnabled(bool(self.name_edit.text().strip()))
