"""The kiosk PIN in the settings file: a salted slow hash, never the PIN, in a file only its owner reads."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from mentordesk.settings import KIOSK_LOCKED, KIOSK_PIN, STATION_NAME, Settings, check_secret, is_secret_hash

posix_only = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_the_pin_is_stored_as_a_salted_hash(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    settings = Settings(path)
    settings.set(KIOSK_PIN, "2468")
    text = path.read_text(encoding="utf-8")
    assert "2468" not in text
    stored = json.loads(text)["kiosk_pin"]
    assert is_secret_hash(stored) and stored.startswith("scrypt$")
    assert settings.check(KIOSK_PIN, "2468") and not settings.check(KIOSK_PIN, "2469")
    assert not settings.check(KIOSK_PIN, "")
    # Salted: the same PIN chosen again is stored differently.
    settings.set(KIOSK_PIN, "2468")
    assert json.loads(path.read_text(encoding="utf-8"))["kiosk_pin"] != stored
    assert Settings(path).check(KIOSK_PIN, "2468")


@posix_only
def test_the_settings_file_is_readable_by_its_owner_only(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    old_umask = os.umask(0o022)
    try:
        Settings(path).set(KIOSK_PIN, "2468")
    finally:
        os.umask(old_umask)
    assert _mode(path) == 0o600


@posix_only
def test_an_older_plain_pin_is_hashed_on_first_read_and_the_mode_narrowed(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"kiosk_pin": "97531", "station_name": "Desk 2"}), encoding="utf-8")
    os.chmod(path, 0o644)

    settings = Settings(path)

    text = path.read_text(encoding="utf-8")
    assert "97531" not in text and is_secret_hash(json.loads(text)["kiosk_pin"])
    assert _mode(path) == 0o600
    assert settings.check(KIOSK_PIN, "97531") and settings.get(STATION_NAME) == "Desk 2"


@posix_only
def test_writing_narrows_a_file_made_wider_meanwhile(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    settings = Settings(path)
    settings.set(STATION_NAME, "Desk 1")
    os.chmod(path, 0o664)
    settings.set(STATION_NAME, "Desk 2")
    assert _mode(path) == 0o600


def test_a_change_made_by_another_screen_is_seen_and_kept(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    desk, kiosk_page = Settings(path), Settings(path)
    desk.set(KIOSK_PIN, "2468")
    kiosk_page.set(KIOSK_LOCKED, "2025-05-01T10:00:00+02:00")
    assert desk.get(KIOSK_LOCKED) == "2025-05-01T10:00:00+02:00"
    assert Settings(path).check(KIOSK_PIN, "2468")


def test_a_plain_pin_from_the_environment_still_works(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    settings = Settings(tmp_path / "settings.json")
    monkeypatch.setenv("MENTORDESK_KIOSK_PIN", "1357")
    assert settings.check(KIOSK_PIN, "1357") and not settings.check(KIOSK_PIN, "1358")


def test_a_damaged_hash_matches_nothing() -> None:
    assert not check_secret("2468", "scrypt$x$8$1$AAAA$AAAA")
    assert not check_secret("2468", "2468")


def test_saving_settings_never_follows_a_link_planted_at_the_old_temporary_name() -> None:
    """The settings were staged at a fixed ``settings.tmp``: a link planted there was written through."""
    from mentordesk import paths

    target = paths.settings_file()
    target.parent.mkdir(parents=True, exist_ok=True)
    victim = target.parent / "victim.txt"
    victim.write_text("keep me", encoding="utf-8")
    target.with_suffix(".tmp").symlink_to(victim)
    Settings().set(STATION_NAME, "Front desk 2")
    assert victim.read_text(encoding="utf-8") == "keep me"
    assert json.loads(target.read_text(encoding="utf-8"))["station_name"] == "Front desk 2"
    assert not [p for p in target.parent.iterdir() if p.name.endswith(".partial")]


@pytest.mark.sound
def test_changes_made_on_different_screens_all_survive_a_restart() -> None:
    """Each screen holds a Settings of its own: the station name set on the desk, the sound and the
    chime warning set elsewhere, one right after the other, are all there after a restart."""
    from mentordesk.settings import CHECKIN_SOUND, FLASH_WARN_SECONDS

    desk, sound, flash = Settings(), Settings(), Settings()
    for _ in range(20):  # saves close together, in the same clock tick and of the same size
        desk.set(STATION_NAME, "Desk A")
        sound.set(CHECKIN_SOUND, False)
        flash.set(FLASH_WARN_SECONDS, 90)
        desk.set(STATION_NAME, "Desk B")
    restarted = Settings()
    assert restarted.get(STATION_NAME) == "Desk B"
    assert restarted.get(CHECKIN_SOUND) is False
    assert restarted.get(FLASH_WARN_SECONDS) == 90
