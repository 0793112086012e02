"""Preferences ▸ General: this station's name."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from mentordesk.settings import STATION_MAX_CHARS, STATION_NAME, Settings, tidy_station_name
from mentordesk.ui.preferences.common import fixed_by_environment, hint
from mentordesk.ui.widgets.naming import named
from mentordesk.ui.widgets.setting_changes import follow


class GeneralTab(QWidget):
    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.station_edit = named(QLineEdit(settings.get(STATION_NAME)), "prefStationName")
        self.station_edit.setMaxLength(STATION_MAX_CHARS)
        self.station_edit.setAccessibleName("Station name")
        form = QFormLayout()
        label = QLabel("Station &name:")
        label.setBuddy(self.station_edit)
        form.addRow(label, self.station_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint("Recorded with every check-in made at this computer, so the check-in log tells the "
                              "desks apart (“Front desk”, “Kiosk 2”). The check-in page shows it too."))
        note = fixed_by_environment(settings, STATION_NAME, self.station_edit)
        if note is not None:
            layout.addWidget(note)
        layout.addStretch(1)
        self.station_edit.editingFinished.connect(self._on_station_edit_editing_finished)
        follow(STATION_NAME, settings, self.station_edit, self._on_station_name_saved)

    def _on_station_edit_editing_finished(self) -> None:
        name = tidy_station_name(self.station_edit.text())
        if name and name != self.settings.get(STATION_NAME):
            self.settings.set(STATION_NAME, name)
        # An empty name keeps the old one.
        self.station_edit.setText(self.settings.get(STATION_NAME))

    def _on_station_name_saved(self, name: str) -> None:
        if not self.station_edit.hasFocus() and self.station_edit.text() != name:
            self.station_edit.setText(name)
