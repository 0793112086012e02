"""The Preferences dialog: every setting of ``settings.py``, in the app, one tab per subject.

Each change is saved as it is made (there is nothing to apply), through a ``Settings`` of the
dialog's own: a save re-reads the file first, so it never drops what another screen saved, and the
screens that show a setting (the desk's station name, the flash console's warning time, the sound
switches) follow at once (``ui/widgets/setting_changes.py``). The dialog, in turn, follows changes
made on those screens while it is open.

Whether sounds can play is asked when the dialog is first shown, not before: the question loads
QtMultimedia. Tests pass ``audio_probe`` with the answer.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFrame, QScrollArea, QTabWidget, QVBoxLayout, QWidget

from mentordesk import APP_NAME
from mentordesk.settings import (
    CHECKIN_SOUND,
    FLASH_CHIMES,
    FLASH_WARN_SECONDS,
    KIOSK_LOCKED,
    KIOSK_PIN,
    LABEL_STOCK,
    PAGE_SIZE,
    PRINT_OFFSETS,
    STATION_NAME,
    Settings,
)
from mentordesk.ui.preferences import audio_check
from mentordesk.ui.preferences.audio_check import AudioProbe
from mentordesk.ui.preferences.folders_tab import FoldersTab, OpenUrl
from mentordesk.ui.preferences.general_tab import GeneralTab
from mentordesk.ui.preferences.kiosk_tab import KioskTab
from mentordesk.ui.preferences.printing_tab import PrintingTab
from mentordesk.ui.preferences.sounds_tab import SoundsTab
from mentordesk.ui.widgets.naming import named


def installed_printers() -> list[str]:
    from PySide6.QtPrintSupport import QPrinterInfo

    return list(QPrinterInfo.availablePrinterNames())


class PreferencesDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, *, settings: Settings | None = None,
                 audio_probe: AudioProbe | None = None, printers: Sequence[str] | None = None,
                 open_url: OpenUrl | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preferencesDialog")
        self.setWindowTitle(f"{APP_NAME} Preferences")
        self.settings = settings or Settings()
        self._audio_probe = audio_probe
        self._audio_asked = False
        self.general = GeneralTab(self.settings)
        self.sounds = SoundsTab(self.settings)
        self.kiosk = KioskTab(self.settings)
        self.printing = PrintingTab(self.settings, installed_printers() if printers is None else printers)
        self.folders = FoldersTab(open_url)
        self.tabs = named(QTabWidget(), "preferencesTabs")
        for tab, title in ((self.general, "&General"), (self.sounds, "&Sounds"), (self.kiosk, "&Kiosk"),
                           (self.printing, "&Printing"), (self.folders, "F&olders")):
            self.tabs.addTab(_scrolling(tab), title)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.close_button = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        self.close_button.setToolTip("Changes are saved as they are made")
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.buttons)
        self._fit_screen()
        self.buttons.rejected.connect(self.reject)

    def editors(self) -> dict[str, QWidget]:
        """The control that changes each setting, by the setting's key (every one of ``ALL_SETTINGS``)."""
        return {
            STATION_NAME.key: self.general.station_edit,
            CHECKIN_SOUND.key: self.sounds.checkin_check,
            FLASH_CHIMES.key: self.sounds.chimes_check,
            FLASH_WARN_SECONDS.key: self.sounds.warn_spin,
            KIOSK_PIN.key: self.kiosk.new_edit,
            KIOSK_LOCKED.key: self.kiosk.unlock_button,
            PAGE_SIZE.key: self.printing.paper_combo,
            LABEL_STOCK.key: self.printing.stock_combo,
            PRINT_OFFSETS.key: self.printing.x_spin,
        }

    def _fit_screen(self) -> None:
        """Tall enough for the Printing tab where the screen allows, never taller than the screen."""
        screen = self.screen().availableGeometry()
        self.resize(min(700, screen.width() - 40), min(760, screen.height() - 80))

    def show_tab(self, tab: QWidget) -> None:
        for index in range(self.tabs.count()):
            page = self.tabs.widget(index)
            if isinstance(page, QScrollArea) and page.widget() is tab:
                self.tabs.setCurrentIndex(index)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._audio_asked:
            self._audio_asked = True
            # After the first paint: loading the audio back-ends takes a moment.
            QTimer.singleShot(0, self, self._check_audio)

    def _check_audio(self) -> None:
        probe = self._audio_probe or audio_check.probe_audio
        self.sounds.show_audio(probe())


def _scrolling(tab: QWidget) -> QScrollArea:
    """``tab`` in a scroll area: a tall tab (Printing) still fits a 700-pixel screen."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(tab)
    return area
