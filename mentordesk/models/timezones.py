"""Named time zones for wall-clock times: the computer's own zone name, and checked look-ups.

Group sessions are stored as an instant plus an IANA zone name (``Europe/Berlin``), not a fixed
UTC offset, so that a series keeps its local start time across daylight-saving changes. Python
can tell the local *offset* but not the local zone's *name*, so it is found here: the ``TZ``
variable, then ``/etc/timezone`` and the ``/etc/localtime`` link (Linux, macOS), then ``tzlocal``
when installed (it also maps Windows zone names), and UTC as the last resort.
"""

from __future__ import annotations

import contextlib
import os
from functools import lru_cache
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones


def is_zone_name(name: str) -> bool:
    """True when ``name`` is an IANA zone this computer knows."""
    if not name or name.startswith(("/", ".")) or ".." in name:
        return False
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return False
    return True


@lru_cache(maxsize=1)
def local_zone_name() -> str:
    """The IANA name of this computer's time zone (``UTC`` when it cannot be told)."""
    candidates: list[str] = []
    tz_env = os.environ.get("TZ", "").strip().lstrip(":")
    if tz_env:
        candidates.append(tz_env)
    with contextlib.suppress(OSError):
        candidates.append(Path("/etc/timezone").read_text(encoding="utf-8").strip())
    try:
        target = str(Path("/etc/localtime").resolve())
        if "zoneinfo/" in target:
            candidates.append(target.split("zoneinfo/", 1)[1])
    except OSError:
        pass
    for name in candidates:
        if is_zone_name(name):
            return name
    zone = _tzlocal_name()
    return zone if zone and is_zone_name(zone) else "UTC"


def _tzlocal_name() -> str | None:
    """The zone name from ``tzlocal`` (optional; it maps Windows' zone names), None without it."""
    try:
        import tzlocal
    except ImportError:
        return None
    try:
        return str(tzlocal.get_localzone_name() or "") or None
    except Exception:  # noqa: BLE001 — tzlocal raises assorted errors on odd set-ups; all mean "unknown"
        return None


def zone(name: str | None) -> ZoneInfo:
    """The zone called ``name``, or the local zone for an empty or unknown name."""
    if name and is_zone_name(name):
        return ZoneInfo(name)
    return ZoneInfo(local_zone_name())


def zone_names() -> list[str]:
    """Every IANA zone name, sorted (for a zone picker)."""
    return sorted(available_timezones())
