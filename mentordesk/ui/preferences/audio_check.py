"""Whether this computer can play sounds, asked only when the Preferences' sounds are shown.

QtMultimedia loads audio back-ends that take time (and, in tests, window activation): it is
imported here, inside :func:`probe_audio`, never when the dialog module is imported. The dialog
takes the probe as a parameter, so tests that do not ask for sound give it the answer instead.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class AudioStatus:
    available: bool
    #: One sentence: where sounds play, or why they cannot.
    reason: str


NO_MULTIMEDIA = AudioStatus(
    False, "Unavailable: this installation of MentorDesk cannot play sounds (Qt's multimedia part is missing)."
)
NO_DEVICE = AudioStatus(
    False,
    "Unavailable: no speaker or headphones were found on this computer, so sounds and chimes stay silent. "
    "Connect one, then open Preferences again.",
)

AudioProbe = Callable[[], AudioStatus]


def probe_audio() -> AudioStatus:
    """Ask Qt for the audio outputs (loads QtMultimedia)."""
    try:
        from PySide6.QtMultimedia import QMediaDevices
    except ImportError:
        return NO_MULTIMEDIA
    if not QMediaDevices.audioOutputs():
        return NO_DEVICE
    name = QMediaDevices.defaultAudioOutput().description() or "the default output"
    return AudioStatus(True, f"Sounds play on {name}.")
