"""Where MentorDesk keeps its files.

Every directory the application writes to comes from here. ``MENTORDESK_HOME`` moves all of
them under one folder (the tests point it at a temporary directory); otherwise the platform's
conventional places are used, via platformdirs. Resource paths also work when the app is
frozen by PyInstaller.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

from mentordesk import APP_ID, APP_NAME, EVENT_SUFFIX

HOME_ENV = "MENTORDESK_HOME"


def _home() -> Path | None:
    value = os.environ.get(HOME_ENV, "").strip()
    return Path(value).expanduser() if value else None


def _ensure(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    return path


def data_dir() -> Path:
    """Application data: the demo event, automatic backups."""
    home = _home()
    return _ensure(home / "data" if home else Path(platformdirs.user_data_dir(APP_NAME, False)))


def config_dir() -> Path:
    """Preferences and window state."""
    home = _home()
    return _ensure(home / "config" if home else Path(platformdirs.user_config_dir(APP_NAME, False)))


def log_dir() -> Path:
    """Log files, including the details of unexpected errors."""
    home = _home()
    return _ensure(home / "logs" if home else Path(platformdirs.user_log_dir(APP_NAME, False)))


def backup_dir() -> Path:
    """Copies made automatically before an event file's schema is upgraded."""
    return _ensure(data_dir() / "backups")


def exports_dir() -> Path:
    """PDFs written for the default viewer to open (Print & export's "Open in viewer")."""
    return _ensure(data_dir() / "exports")


def events_dir() -> Path:
    """Where the New event dialog proposes to save event files (not created until used)."""
    home = _home()
    if home:
        return home / "events"
    return Path(platformdirs.user_documents_dir()) / APP_NAME


def demo_event_path() -> Path:
    return data_dir() / f"demo{EVENT_SUFFIX}"


def settings_file() -> Path:
    return config_dir() / "settings.json"


def ui_state_file() -> Path:
    """QSettings (INI format) file for window geometry and recent files."""
    return config_dir() / "ui-state.ini"


def log_file() -> Path:
    return log_dir() / f"{APP_ID}.log"


def resources_dir() -> Path:
    """The ``resources/`` folder: icons, fonts, sounds, sample files.

    Frozen builds unpack it next to the executable's data (``sys._MEIPASS``); an installed wheel
    carries it inside the package; a source checkout has it at the repository root.
    """
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    package_dir = Path(__file__).resolve().parent
    inside = package_dir / "resources"
    if inside.is_dir():
        return inside
    return package_dir.parent / "resources"


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
