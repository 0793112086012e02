"""Text normalisation used for storage and search.

Names are stored exactly as written, only normalised to NFC so that "Zoë" typed on macOS (NFD)
and on Windows (NFC) is the same string. Searching uses a folded key: case-folded, accents
removed, and the few Latin letters that do not decompose (ł, ø, đ, æ …) spelled out, so that
"zoe simunek" finds "Zoë Šimůnek". Scripts without accents (Greek tonos aside, Cyrillic, CJK,
Arabic, Hebrew) pass through case-folded.
"""

from __future__ import annotations

import unicodedata

_NON_DECOMPOSING = str.maketrans(
    {
        "ł": "l",
        "ø": "o",
        "đ": "d",
        "ð": "d",
        "ħ": "h",
        "ı": "i",
        "ŧ": "t",
        "æ": "ae",
        "œ": "oe",
        "þ": "th",
        "ŀ": "l",
    }
)


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def clean(text: str | None) -> str:
    """Trim and NFC-normalise a user-entered value; None becomes the empty string."""
    if text is None:
        return ""
    return nfc(" ".join(text.split()))


def fold(text: str) -> str:
    """Accent- and case-insensitive search key."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.translate(_NON_DECOMPOSING).split())


def email_key(email: str | None) -> str | None:
    """The form in which e-mail addresses are compared: trimmed and case-folded; None if empty."""
    if email is None:
        return None
    value = email.strip().casefold()
    return value or None
