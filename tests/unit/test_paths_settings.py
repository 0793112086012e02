"""Paths follow MENTORDESK_HOME; settings have declared defaults, a file, and env overrides."""

from __future__ import annotations

from pathlib import Path

import pytest

from mentordesk import paths
from mentordesk.settings import CHECKIN_SOUND, STATION_NAME, Settings


def test_every_directory_lives_under_mentordesk_home(mentordesk_home: Path) -> None:
    for directory in (paths.data_dir(), paths.config_dir(), paths.log_dir(), paths.backup_dir()):
        assert directory.is_dir() and mentordesk_home in directory.parents
    assert paths.demo_event_path().suffix == ".mentordesk"
    assert mentordesk_home in paths.events_dir().parents


def test_resources_are_found() -> None:
    assert paths.resource("icons", "mentordesk.svg").is_file()


@pytest.mark.sound
def test_settings_default_file_and_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    settings = Settings(tmp_path / "settings.json")
    assert settings.get(CHECKIN_SOUND) is True
    settings.set(STATION_NAME, "Desk 3")
    settings.set(CHECKIN_SOUND, False)
    reread = Settings(tmp_path / "settings.json")
    assert reread.get(STATION_NAME) == "Desk 3" and reread.get(CHECKIN_SOUND) is False
    monkeypatch.setenv("MENTORDESK_STATION_NAME", "Kiosk A")
    assert reread.get(STATION_NAME) == "Kiosk A"


@pytest.mark.sound
def test_damaged_settings_file_falls_back_to_defaults(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text("{not json", encoding="utf-8")
    assert Settings(path).get(CHECKIN_SOUND) is True
