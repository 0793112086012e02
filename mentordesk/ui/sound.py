"""Short UI sounds (the check-in confirmation and its warning, the round chimes), via QtMultimedia.

QtMultimedia is imported only when a sound is first needed: it loads audio back-ends that the
start-up of the window should not wait for. A machine without QtMultimedia, without an audio
device, or with a sound file it cannot decode simply stays silent — a desk must never stop
because a speaker is missing; a desk with sound switched off never loads it at all. The
``CHECKIN_SOUND`` setting is read at every cue, so turning sound off takes effect at once. The
flash console's player is switched by ``FLASH_CHIMES`` instead (``SoundPlayer(settings,
switch=FLASH_CHIMES)``). Both settings can be overridden by their environment variables
(``MENTORDESK_CHECKIN_SOUND=0``, ``MENTORDESK_FLASH_CHIMES=0``); the tests switch sound off so.
"""

from __future__ import annotations

import enum
import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QUrl, Signal

from mentordesk import paths
from mentordesk.settings import CHECKIN_SOUND, Setting, Settings

if TYPE_CHECKING:
    from PySide6.QtMultimedia import QSoundEffect

log = logging.getLogger(__name__)

#: Loud enough to hear over a busy foyer, soft enough for a queue of sixty people in a row.
VOLUME = 0.8


class Cue(enum.StrEnum):
    """A sound, named after its file in ``resources/sounds/``."""

    CHECKED_IN = "checkin-ok"
    ATTENTION = "checkin-attention"
    ONE_MINUTE_LEFT = "chime-one-minute"
    PHASE_END = "chime-end"


class SoundPlayer(QObject):
    """Plays cues when the setting allows it and the machine can."""

    #: A cue was due and sound is switched on (emitted even when no device can play it, so the
    #: choice of cue can be seen, and tested, on a machine without speakers).
    cue_played = Signal(str)

    def __init__(self, settings: Settings | None = None, parent: QObject | None = None, *,
                 switch: Setting[bool] = CHECKIN_SOUND) -> None:
        super().__init__(parent)
        self._settings = settings or Settings()
        #: The setting that turns this player's sounds on and off.
        self._switch = switch
        self._effects: dict[Cue, QSoundEffect] = {}
        self._prepared = False
        self._devices: Any = None

    @property
    def enabled(self) -> bool:
        return self._settings.get(self._switch)

    def set_enabled(self, enabled: bool) -> None:
        self._settings.set(self._switch, enabled)

    def warm_up(self) -> None:
        """Prepare ahead of the first cue, but only while sound is on: with sound off nothing loads
        QtMultimedia and its audio back-ends (the first cue after sound is switched on prepares)."""
        if self.enabled:
            self.prepare()

    @property
    def audible(self) -> bool:
        """Whether a cue would actually reach a speaker (loads QtMultimedia if needed)."""
        self.prepare()
        return bool(self._effects)

    def prepare(self) -> None:
        """Load QtMultimedia and the sound files ahead of the first cue (safe to call again)."""
        if self._prepared:
            return
        self._prepared = True
        try:
            from PySide6.QtMultimedia import QMediaDevices
        except ImportError:  # PySide6-Addons not installed, or its libraries are missing
            log.info("QtMultimedia is not available: check-in sounds are off")
            return
        self._devices = QMediaDevices(self)
        self._devices.audioOutputsChanged.connect(self._on_devices_audio_outputs_changed)
        self._load_effects()

    def play(self, cue: Cue) -> bool:
        """Play ``cue`` if sound is on; returns whether it went to an audio device."""
        if not self.enabled:
            return False
        self.cue_played.emit(cue.value)
        self.prepare()
        effect = self._effects.get(cue)
        if effect is None:
            return False
        # A cue still ringing from the previous scan is cut short: the newest one matters.
        effect.stop()
        effect.play()
        return True

    def _load_effects(self) -> None:
        from PySide6.QtMultimedia import QMediaDevices, QSoundEffect

        for effect in self._effects.values():
            effect.deleteLater()
        self._effects.clear()
        # Without an output device QSoundEffect only reports errors; do not create any.
        if not QMediaDevices.audioOutputs():
            log.info("no audio output device: check-in sounds are silent")
            return
        for cue in Cue:
            path = paths.resource("sounds", f"{cue.value}.wav")
            if not path.is_file():
                continue
            effect = QSoundEffect(self)
            effect.setSource(QUrl.fromLocalFile(str(path)))
            effect.setVolume(VOLUME)
            self._effects[cue] = effect

    def _on_devices_audio_outputs_changed(self) -> None:
        # Headphones or a USB speaker plugged in (or pulled out) during the event.
        self._load_effects()
