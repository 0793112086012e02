"""Names inside lines of other text, whatever their script's direction.

A person's name written right to left (Arabic, Hebrew) set into an English line ("Are you …?",
"Enter checks in ….") takes the neighbouring punctuation and numbers with it: the question mark or
the table number ends up on the wrong side. Wrapping the name in Unicode's first-strong isolate
(FSI U+2068 … PDI U+2069) lets the name run in its own direction while the line keeps its own.
Qt-free: plain strings, usable by item models and painters as well as labels.
"""

from __future__ import annotations

FSI = "\u2068"
PDI = "\u2069"


def isolate(text: str) -> str:
    """``text`` wrapped in a first-strong isolate, to be composed into a line of other text.

    Empty text stays empty, so a missing name leaves no invisible characters behind."""
    return f"{FSI}{text}{PDI}" if text else ""


def strip_isolates(text: str) -> str:
    """``text`` without the isolates (for comparing what a line says)."""
    return text.replace(FSI, "").replace(PDI, "")
