"""Preferences ▸ Sounds: the check-in sound, the flash round chimes and the warning time.

Whether the computer can play sounds at all is asked when the dialog opens (``audio_check``); until
the answer comes the switches work as usual, and without an output device they are shown as
unavailable, with the reason. The warning time also turns the projector amber, so it stays
available without sound.
"""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker
from PySide6.QtWidgets import QCheckBox, QFormLayout, QLabel, QSpinBox, QVBoxLayout, QWidget

from mentordesk.settings import CHECKIN_SOUND, FLASH_CHIMES, FLASH_WARN_SECONDS, Setting, Settings
from mentordesk.ui.preferences.audio_check import AudioStatus
from mentordesk.ui.preferences.common import fixed_by_environment, hint
from mentordesk.ui.widgets.naming import named
from mentordesk.ui.widgets.setting_changes import follow

#: The longest warning offered (ten minutes): rounds are rarely longer.
MAX_WARNING_SECONDS = 600


class SoundsTab(QWidget):
    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        #: What the last audio check said (None: not asked yet).
        self.audio: AudioStatus | None = None
        self.audio_label = named(QLabel(""), "inlineError")
        self.audio_label.setWordWrap(True)
        self.audio_label.hide()
        self.checkin_check = named(QCheckBox("Pl&ay a sound after each check-in"), "prefCheckinSound")
        self.chimes_check = named(QCheckBox("&Chime in flash rounds (at the warning and at the end of each phase)"),
                                  "prefFlashChimes")
        self.warn_spin = named(QSpinBox(), "prefWarnSeconds")
        self.warn_spin.setRange(0, MAX_WARNING_SECONDS)
        self.warn_spin.setSingleStep(15)
        self.warn_spin.setSuffix(" s before the end")
        self.warn_spin.setSpecialValueText("No warning")
        self.warn_spin.setAccessibleName("Warning time")
        self._switches: dict[str, tuple[QCheckBox, Setting[bool]]] = {
            CHECKIN_SOUND.key: (self.checkin_check, CHECKIN_SOUND),
            FLASH_CHIMES.key: (self.chimes_check, FLASH_CHIMES),
        }
        self._fixed: set[str] = set()
        layout = QVBoxLayout(self)
        layout.addWidget(self.audio_label)
        for check, setting in self._switches.values():
            check.setChecked(settings.get(setting))
            check.setAccessibleName(check.text().replace("&", ""))
            layout.addWidget(check)
            note = fixed_by_environment(settings, setting, check)
            if note is not None:
                self._fixed.add(setting.key)
                layout.addWidget(note)
        layout.addWidget(hint("The check-in sound tells the desk, without looking, that a scan went through (and "
                              "a different one when it needs attention). The chimes let a room hear that a round "
                              "is ending."))
        self.warn_spin.setValue(settings.get(FLASH_WARN_SECONDS))
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        warn_label = QLabel("&Warning time:")
        warn_label.setBuddy(self.warn_spin)
        form.addRow(warn_label, self.warn_spin)
        layout.addSpacing(8)
        layout.addLayout(form)
        layout.addWidget(hint("How long before the end of a flash round the warning chime sounds and the projector "
                              "turns amber. The flash console has the same setting."))
        note = fixed_by_environment(settings, FLASH_WARN_SECONDS, self.warn_spin)
        if note is not None:
            layout.addWidget(note)
        layout.addStretch(1)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.checkin_check.toggled.connect(self._on_checkin_check_toggled)
        self.chimes_check.toggled.connect(self._on_chimes_check_toggled)
        self.warn_spin.valueChanged.connect(self._on_warn_spin_value_changed)
        for check, setting in self._switches.values():
            follow(setting, self.settings, check, check.setChecked)
        follow(FLASH_WARN_SECONDS, self.settings, self.warn_spin, self._on_warn_seconds_saved)

    def show_audio(self, status: AudioStatus) -> None:
        """The answer of the audio check: without a device the switches are unavailable, with the reason."""
        self.audio = status
        self.audio_label.setText(status.reason)
        self.audio_label.setVisible(not status.available)
        for key, (check, _setting) in self._switches.items():
            if key not in self._fixed:
                check.setEnabled(status.available)
                check.setToolTip("" if status.available else status.reason)

    def _on_checkin_check_toggled(self, on: bool) -> None:
        if self.settings.get(CHECKIN_SOUND) != on:
            self.settings.set(CHECKIN_SOUND, on)

    def _on_chimes_check_toggled(self, on: bool) -> None:
        if self.settings.get(FLASH_CHIMES) != on:
            self.settings.set(FLASH_CHIMES, on)

    def _on_warn_spin_value_changed(self, seconds: int) -> None:
        if self.settings.get(FLASH_WARN_SECONDS) != seconds:
            self.settings.set(FLASH_WARN_SECONDS, seconds)

    def _on_warn_seconds_saved(self, seconds: int) -> None:
        if self.warn_spin.value() != seconds:
            with QSignalBlocker(self.warn_spin):
                self.warn_spin.setValue(seconds)
