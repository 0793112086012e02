"""Short durations in words and back, Qt-free: "90 s", "1 min 30 s", "2 min".

The changeover between rounds is set in seconds; the set-up form, the printed schedule and the
console show it the way a facilitator says it, and the form reads it back the same way (a bare
number is seconds; "1:30", "1 min 30 s", "1m30s" and "1.5 min" are all 90 seconds).
"""

from __future__ import annotations

import re

_UNITS = re.compile(r"(\d+(?:[.,]\d+)?)\s*(hours?|hrs|hr|h|minutes?|mins|min|m|seconds?|secs|sec|s)?\s*",
                    re.IGNORECASE)


def seconds_text(seconds: int) -> str:
    """"45 s", "1 min", "1 min 30 s", "none" for 0."""
    if seconds <= 0:
        return "none"
    minutes, rest = divmod(seconds, 60)
    if not minutes:
        return f"{rest} s"
    return f"{minutes} min" + (f" {rest} s" if rest else "")


def changeover_phrase(seconds: int) -> str:
    """"1-minute changeover", "90-second changeover", "" when there is none (for headers)."""
    if seconds <= 0:
        return ""
    if seconds % 60 == 0:
        return f"{seconds // 60}-minute changeover"
    return f"{seconds}-second changeover"


def parse_seconds(text: str) -> int | None:
    """Seconds from what someone typed, or None when it is not a duration."""
    cleaned = text.strip().lower()
    if not cleaned:
        return None
    if cleaned in ("none", "no changeover", "0"):
        return 0
    clock = re.fullmatch(r"(\d+):([0-5]?\d)", cleaned)
    if clock:
        return int(clock.group(1)) * 60 + int(clock.group(2))
    total = 0.0
    position = 0
    while position < len(cleaned):
        part = _UNITS.match(cleaned, position)
        if part is None or part.end() == position:
            return None
        amount = float(part.group(1).replace(",", "."))
        unit = (part.group(2) or "s")[0]
        total += amount * {"h": 3600, "m": 60, "s": 1}[unit]
        position = part.end()
    return round(total)
