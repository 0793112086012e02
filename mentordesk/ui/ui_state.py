"""Window geometry and recent files (with their events' names), kept in one QSettings INI file.

This is UI state rather than a preference (preferences live in ``mentordesk/settings.py``): it
changes as the app is used and losing it costs nothing. Every key is declared here once, with
its default, and the file comes from ``paths.ui_state_file()`` so tests (MENTORDESK_HOME) never
touch the user's real state.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from mentordesk import paths

#: Keys in the INI file (declared once; nothing else spells them).
KEY_GEOMETRY = "window/geometry"
KEY_STATE = "window/state"
KEY_PAGE = "window/page"
KEY_RECENT = "files/recent"
#: The event name of each recent file, as last seen open (JSON: path → name).
KEY_RECENT_NAMES = "files/recent_names"

#: How many recent event files File ▸ Open recent and the welcome screen offer.
MAX_RECENT = 8
DEFAULT_PAGE = 0
#: Used when no geometry was saved: fits a 1280×720 screen with room for a panel or dock.
DEFAULT_SIZE = (1180, 680)
MINIMUM_SIZE = (760, 480)


@dataclass(frozen=True)
class RecentEvent:
    """A recent event file and its event's name when it was last open ("" when never seen)."""

    path: Path
    name: str = ""


class UiState:
    """Typed access to the UI state file; each call reads or writes through QSettings."""

    def __init__(self, path: Path | None = None) -> None:
        self._settings = QSettings(str(path or paths.ui_state_file()), QSettings.Format.IniFormat)

    @property
    def file_name(self) -> str:
        return self._settings.fileName()

    def sync(self) -> None:
        self._settings.sync()

    # -- window

    def geometry(self) -> QByteArray | None:
        value = self._settings.value(KEY_GEOMETRY)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def window_state(self) -> QByteArray | None:
        value = self._settings.value(KEY_STATE)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def save_window(self, geometry: QByteArray, state: QByteArray) -> None:
        self._settings.setValue(KEY_GEOMETRY, geometry)
        self._settings.setValue(KEY_STATE, state)

    def page(self) -> int:
        value = self._settings.value(KEY_PAGE, DEFAULT_PAGE)
        try:
            return int(value) if isinstance(value, (int, str)) else DEFAULT_PAGE
        except ValueError:
            return DEFAULT_PAGE

    def set_page(self, index: int) -> None:
        self._settings.setValue(KEY_PAGE, index)

    # -- recent files

    def recent_files(self) -> list[Path]:
        """Most recent first; entries whose file has gone are kept (the menu greys them out)."""
        raw = self._settings.value(KEY_RECENT, [])
        # QSettings returns a bare string for a one-element list in INI files.
        values = [raw] if isinstance(raw, str) else list(raw) if isinstance(raw, (list, tuple)) else []
        return [Path(value) for value in values if isinstance(value, str) and value][:MAX_RECENT]

    def recent_events(self) -> list[RecentEvent]:
        """``recent_files`` with the names of their events, as remembered (no file is opened)."""
        names = self._recent_names()
        return [RecentEvent(path, names.get(str(path), "")) for path in self.recent_files()]

    def add_recent_file(self, path: Path, name: str = "") -> list[Path]:
        path = path.resolve()
        recent = [path, *(p for p in self.recent_files() if p != path)][:MAX_RECENT]
        self._write_recent(recent)
        if name:
            self.set_event_name(path, name)
        return recent

    def set_event_name(self, path: Path, name: str) -> None:
        """Remember the name of the event in the recent file ``path`` (opened, or renamed)."""
        path = path.resolve()
        if path not in self.recent_files():
            return
        names = self._recent_names()
        if names.get(str(path)) != name:
            names[str(path)] = name
            self._settings.setValue(KEY_RECENT_NAMES, json.dumps(names, ensure_ascii=False))
            self._settings.sync()

    def remove_recent_file(self, path: Path) -> list[Path]:
        recent = [p for p in self.recent_files() if p != path]
        self._write_recent(recent)
        return recent

    def clear_recent_files(self) -> None:
        self._write_recent([])

    def most_recent_existing(self) -> Path | None:
        return next((p for p in self.recent_files() if p.is_file()), None)

    def _recent_names(self) -> dict[str, str]:
        raw = self._settings.value(KEY_RECENT_NAMES, "")
        try:
            names = json.loads(raw) if isinstance(raw, str) and raw else {}
        except ValueError:
            return {}
        if not isinstance(names, dict):
            return {}
        return {key: value for key, value in names.items() if isinstance(key, str) and isinstance(value, str)}

    def _write_recent(self, recent: list[Path]) -> None:
        self._settings.setValue(KEY_RECENT, [str(p) for p in recent])
        # Names are kept only for the files still listed.
        kept = {str(p) for p in recent}
        names = {key: value for key, value in self._recent_names().items() if key in kept}
        self._settings.setValue(KEY_RECENT_NAMES, json.dumps(names, ensure_ascii=False))
        self._settings.sync()
