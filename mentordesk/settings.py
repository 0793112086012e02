"""Preferences, each declared once with its default.

A setting is read from, in order: its environment variable (``MENTORDESK_<KEY>``, handy for
kiosks and tests), the user's settings file (JSON, written atomically), then its default.
Window geometry and recent files are UI state, kept by ``ui/ui_state.py`` in QSettings.
This module is Qt-free so that the command line and services can read preferences too.

Every setting here can be changed in the app (Edit ▸ Preferences…, ``ui/preferences/``), not only in
the file or the environment. Each has one owner, this file: every screen holds a :class:`Settings`
of its own, a save re-reads the file first so that it never drops what another screen saved, and
:func:`add_listener` tells the screens that show a setting when any of them changed it.

A *secret* setting (the kiosk PIN) is never written as typed: the file holds a salted scrypt hash
(``scrypt$N$r$p$salt$hash``, base64), compared by :meth:`Settings.check` in constant time. A PIN
left in plain text by an older version is replaced by its hash the first time the file is read.
The file is readable by its owner only (mode 0600 on POSIX); a wider mode on an existing file is
narrowed when it is read and when it is written.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import hmac
import json
import os
import socket
import stat
from collections.abc import Callable
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
    #: Stored only as a salted slow hash: ``get`` returns the hash, ``Settings.check`` compares.
    secret: bool = False

    @property
    def env_var(self) -> str:
        return "MENTORDESK_" + self.key.upper().replace(".", "_").replace("-", "_")

    def parse(self, raw: Any) -> T:
        kind = type(self.default)
        if kind is bool:
            if isinstance(raw, bool):
                return raw
            return str(raw).strip().lower() in {"1", "true", "yes", "on"}
        return kind(raw)


def _default_station() -> str:
    return socket.gethostname().split(".")[0] or "desk"


#: The longest station name kept (it is printed in reports and shown in the desk's header).
STATION_MAX_CHARS = 100


def tidy_station_name(text: str) -> str:
    """A station name as saved: one space between words, at most :data:`STATION_MAX_CHARS` characters."""
    return " ".join(text.split())[:STATION_MAX_CHARS]


STATION_NAME: Setting[str] = Setting(
    "station_name", _default_station(), "Name of this check-in station, recorded with each check-in."
)
CHECKIN_SOUND: Setting[bool] = Setting("checkin_sound", True, "Play a short sound after a check-in.")
KIOSK_PIN: Setting[str] = Setting(
    "kiosk_pin", "", "PIN that leaves kiosk mode, stored as a salted hash (empty: ask when entering).", secret=True
)
KIOSK_LOCKED: Setting[str] = Setting(
    "kiosk_locked",
    "",
    "When kiosk mode locked itself after too many wrong PINs (ISO time; empty: not locked). Starting kiosk mode"
    " again from the desk asks for a PIN, which unlocks it.",
)

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

PAGE_SIZE: Setting[str] = Setting(
    "page_size",
    "",
    'Paper for printed documents, "A4" or "Letter" (empty: the paper used where the system\'s locale is).',
)
LABEL_STOCK: Setting[str] = Setting(
    "label_stock",
    "",
    "Label stock that badges are printed on, e.g. avery-l4785 (empty: the usual one for the paper size).",
)

ALL_SETTINGS: tuple[Setting[Any], ...] = (
    STATION_NAME, CHECKIN_SOUND, KIOSK_PIN, KIOSK_LOCKED, FLASH_CHIMES, FLASH_WARN_SECONDS, PRINT_OFFSETS,
    PAGE_SIZE, LABEL_STOCK,
)

#: Called with a setting's key after any :class:`Settings` in this process saved a new value.
Listener = Callable[[str], None]
_listeners: list[Listener] = []


def add_listener(listener: Listener) -> None:
    """Call ``listener(key)`` whenever a setting is saved in this process (by any screen)."""
    if listener not in _listeners:
        _listeners.append(listener)


def remove_listener(listener: Listener) -> None:
    if listener in _listeners:
        _listeners.remove(listener)

# scrypt at N=2^15, r=8: about 0.1 s and 32 MiB per check on a laptop. The parameters are stored
# with each hash, so raising them later still accepts the hashes written now.
_SCRYPT_N, _SCRYPT_R, _SCRYPT_P = 2**15, 8, 1
_SCRYPT_MAXMEM = 64 * 1024 * 1024
_HASH_NAME = "scrypt"


def hash_secret(value: str) -> str:
    """A salted scrypt hash of ``value``, in the form kept in the settings file."""
    salt = os.urandom(16)
    digest = hashlib.scrypt(value.encode(), salt=salt, n=_SCRYPT_N, r=_SCRYPT_R, p=_SCRYPT_P,
                            maxmem=_SCRYPT_MAXMEM, dklen=32)
    return "$".join([_HASH_NAME, str(_SCRYPT_N), str(_SCRYPT_R), str(_SCRYPT_P),
                     base64.b64encode(salt).decode(), base64.b64encode(digest).decode()])


def is_secret_hash(stored: str) -> bool:
    parts = stored.split("$")
    return len(parts) == 6 and parts[0] == _HASH_NAME


def check_secret(candidate: str, stored: str) -> bool:
    """Whether ``candidate`` is the secret that ``stored`` (from :func:`hash_secret`) is the hash of."""
    if not is_secret_hash(stored):
        return False
    try:
        _name, n, r, p, salt, digest = stored.split("$")
        expected = base64.b64decode(digest, validate=True)
        actual = hashlib.scrypt(candidate.encode(), salt=base64.b64decode(salt, validate=True), n=int(n),
                                r=int(r), p=int(p), maxmem=_SCRYPT_MAXMEM, dklen=len(expected))
    except (ValueError, TypeError, MemoryError):
        return False
    return hmac.compare_digest(actual, expected)


class Settings:
    """The user's preferences file, with environment overrides applied on read."""

    def __init__(self, path: Path | None = None) -> None:
        self._path = path or paths.settings_file()
        self._stamp: tuple[int, int, int] | None = None
        self._values: dict[str, Any] = self._load()
        self._protect_file()
        self._hash_plain_secrets()

    def _file_stamp(self) -> tuple[int, int, int] | None:
        try:
            info = self._path.stat()
        except OSError:
            return None
        # Every save renames a new file into place, so the inode tells two saves apart even when
        # they fall in the same clock tick and leave the same size.
        return info.st_ino, info.st_mtime_ns, info.st_size

    def _refresh(self) -> None:
        # Several screens hold a Settings of their own: a PIN chosen, or a kiosk lock written, by
        # one is seen by the others, and a save never overwrites what another one saved.
        if self._file_stamp() != self._stamp:
            self._values = self._load()

    def _load(self) -> dict[str, Any]:
        self._stamp = self._file_stamp()
        try:
            data = json.loads(self._path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError):
            # A damaged preferences file must never stop the event: fall back to defaults.
            return {}
        return data if isinstance(data, dict) else {}

    def get(self, setting: Setting[T]) -> T:
        """The value; for a secret setting, its stored hash (empty when none was chosen)."""
        env = os.environ.get(setting.env_var)
        if env is not None:
            return setting.parse(env)
        self._refresh()
        if setting.key in self._values:
            try:
                return setting.parse(self._values[setting.key])
            except (TypeError, ValueError):
                return setting.default
        return setting.default

    def overridden_by(self, setting: Setting[Any]) -> str | None:
        """The environment variable that sets ``setting`` for this run, or None: a value saved now
        would not be used while it is set."""
        return setting.env_var if setting.env_var in os.environ else None

    def check(self, setting: Setting[str], candidate: str) -> bool:
        """Whether ``candidate`` is the value of the secret ``setting`` (compared in constant time)."""
        stored = self.get(setting)
        if not stored:
            return False
        if is_secret_hash(stored):
            return check_secret(candidate, stored)
        # Only the environment variable can hold it as typed (a kiosk started by a script);
        # the file never does (see _hash_plain_secrets).
        return hmac.compare_digest(candidate.encode(), stored.encode())

    def set(self, setting: Setting[T], value: T) -> None:
        parsed: Any = setting.parse(value)
        if setting.secret and parsed:
            parsed = hash_secret(str(parsed))
        self._refresh()
        self._values[setting.key] = parsed
        self._save()
        for listener in list(_listeners):
            listener(setting.key)

    def _hash_plain_secrets(self) -> None:
        """A secret that an older version wrote as typed is replaced by its hash straight away."""
        plain = [s for s in ALL_SETTINGS
                 if s.secret and isinstance(self._values.get(s.key), str) and self._values[s.key]
                 and not is_secret_hash(self._values[s.key])]
        if not plain:
            return
        for setting in plain:
            self._values[setting.key] = hash_secret(self._values[setting.key])
        # A read-only settings folder: the PIN still works from memory; the next save hashes it.
        with contextlib.suppress(OSError):
            self._save()

    def _protect_file(self) -> None:
        """Narrow an existing file to owner-only: it holds the PIN's hash."""
        if os.name != "posix":
            return
        try:
            mode = stat.S_IMODE(self._path.stat().st_mode)
            if mode & 0o077:
                os.chmod(self._path, mode & 0o700)
        except OSError:
            pass

    def _save(self) -> None:
        from mentordesk.output_files import OutputFileError, StagedOutput

        text = json.dumps(self._values, indent=2, ensure_ascii=False)
        # Whole or not at all, through an unpredictable temporary name (a fixed "settings.tmp"
        # could be a planted link), flushed before the rename; owner-only, as it holds the PIN's hash.
        try:
            with StagedOutput(self._path, what="the settings", create_folder=True) as staged:
                if os.name == "posix":
                    os.fchmod(staged.file.fileno(), 0o600)
                staged.file.write(text.encode("utf-8"))
        except OutputFileError as exc:
            raise OSError(exc.errno or 0, str(exc)) from None
        self._stamp = self._file_stamp()
