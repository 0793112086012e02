"""Check-in sounds: silent, never failing, when QtMultimedia or an audio device is missing."""

from __future__ import annotations

import sys

import pytest
from pytestqt.qtbot import QtBot

from mentordesk import paths
from mentordesk.settings import CHECKIN_SOUND, Settings
from mentordesk.ui.sound import Cue, SoundPlayer

#: Sound as a user has it (tests/conftest.py switches it off for every other test).
pytestmark = pytest.mark.sound


def test_every_cue_has_its_sound_file() -> None:
    for cue in Cue:
        assert paths.resource("sounds", f"{cue.value}.wav").is_file()


def test_cues_follow_the_setting(qtbot: QtBot) -> None:
    settings = Settings()
    player = SoundPlayer(settings)
    with qtbot.waitSignal(player.cue_played) as played:
        player.play(Cue.CHECKED_IN)
    assert played.args == ["checkin-ok"]

    player.set_enabled(False)
    assert Settings().get(CHECKIN_SOUND) is False  # kept in the preferences file
    with qtbot.assertNotEmitted(player.cue_played):
        assert player.play(Cue.ATTENTION) is False


def test_without_an_audio_device_or_qtmultimedia_it_stays_silent(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    player = SoundPlayer(Settings())
    # This machine may or may not have a sound card; either way play() must not fail.
    assert player.play(Cue.CHECKED_IN) is player.audible

    monkeypatch.setitem(sys.modules, "PySide6.QtMultimedia", None)  # as if PySide6-Addons were missing
    silent = SoundPlayer(Settings())
    assert silent.audible is False
    with qtbot.waitSignal(silent.cue_played):
        assert silent.play(Cue.ATTENTION) is False


def test_the_environment_can_switch_sound_off(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(CHECKIN_SOUND.env_var, "0")
    player = SoundPlayer(Settings())
    with qtbot.assertNotEmitted(player.cue_played):
        player.play(Cue.CHECKED_IN)
