"""Preferences, each declared once with its default.

A setting is read from, in order: its environment variable (``MENTORDESK_<KEY>``, handy for
kiosks and tests), the user's settings file (JSON, written atomically), then its default.
Window geometry and recent files are UI state, kept by ``ui/ui_state.py`` in QSettings.
This module is Qt-free so that the command line and services can read preferences too.
"""

from __future__ import annotations

import json
import os
import socket
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from mentordesk import paths

T = TypeVar("T", str, int, bool)


@dataclass(frozen=True)
class Setting(Generic[T]):
    key: str
    default: T
    description: str

    @property
    def env_var(self) -> str:
        return "MENTORDESK_" + self.key.upper().replace(".", "_").replace("-", "_")

    def parse(self, raw: Any) -> T:
        kind = type(self.default)
        if kind is bool:
            if isinstance(raw, bool):
                return raw  # type: ignore[return-value]
            return str(raw).strip().lower() in {"1", "true", "yes", "on"}  # type: ignore[return-value]
        return kind(raw)  # type: ignore[return-value]


def _default_station() -> str:
    return socket.gethostname().split(".")[0] or "desk"


STATION_NAME: Setting[str] = Setting(
    "station_name", _default_station(), "Name of this check-in station, recorded with each check-in."
)
CHECKIN_SOUND: Setting[bool] = Setting("checkin_sound", True, "Play a short sound after a check-in.")
KIOSK_PIN: Setting[str] = Setting("kiosk_pin", "", "PIN that leaves kiosk mode (empty: ask when entering).")

FLASH_CHIMES: Setting[bool] = Setting(
    "flash_chimes", True, "Chime at one minute left in a flash round and at the end of each phase."
)
FLASH_WARN_SECONDS: Setting[int] = Setting(
    "flash_warn_seconds", 60, "Seconds left in a flash round when the warning chime sounds (0: no warning)."
)

PRINT_OFFSETS: Setting[str] = Setting(
    "print_offsets",
    "{}",
    'Badge print shift per printer in mm, JSON: {"Printer name": [x, y], "*": [x, y]} ("*": any other printer'
    " and saved PDFs); positive x moves right, positive y moves up.",
)

ALL_SETTINGS: tuple[Setting[Any], ...] = (
    STATION_NAME, CHECKIN_SOUND, KIOSK_PIN, FLASH_CHIMES, FLASH_WARN_SECONDS, PRINT_OFFSETS
)


class Settings:
    """The user's preferences file, with environment overrides applied on read."""

    def __init__(self, path: Path | None = None) -> None:
        self._path = path or paths.settings_file()
        self._values: dict[str, Any] = self._load()

    def _load(self) -> dict[str, Any]:
        try:
            data = json.loads(self._path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError):
            # A damaged preferences file must never stop the event: fall back to defaults.
            return {}
        return data if isinstance(data, dict) else {}

    def get(self, setting: Setting[T]) -> T:
        env = os.environ.get(setting.env_var)
        if env is not None:
            return setting.parse(env)
        if setting.key in self._values:
            try:
                return setting.parse(self._values[setting.key])
            except (TypeError, ValueError):
                return setting.default
        return setting.default

    def set(self, setting: Setting[T], value: T) -> None:
        self._values[setting.key] = setting.parse(value)
        self._save()

    def _save(self) -> None:
        self._path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self._path.with_suffix(".tmp")
        tmp.write_text(json.dumps(self._values, indent=2, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, self._path)
