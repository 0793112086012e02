"""Splitting a full name into first and last name when a file has only one name column.

The split never reorders or respells anything: first name + " " + last name gives back the name
as written (after "Last, First" is turned round), because badges and the check-in desk show it
that way. The last name is the final word together with any particles in front of it ("van",
"de la", "bin", "Ní" …), so "Ludwig van Beethoven" is Ludwig / van Beethoven. A name written
without spaces, as Chinese, Japanese and Korean names often are, stays whole as the first name:
there is no safe way to tell the family name from the given name.
"""

from __future__ import annotations

from mentordesk.models.normalize import clean

# Compared case-insensitively. The one-letter joiners of Spanish and Portuguese double surnames
# ("y", "e") are left out: they cannot be told from a middle initial ("John E Smith").
PARTICLES = frozenset(
    "van von der den ter ten te vom zum zur zu de del della dello dei degli di da dal dos das do du des "
    "la le les lo bin binti bint ibn ben bat al el ul mac mc nic ní ó af av st st. san santa".split()
)

#: Words after a comma that mean "Martin Luther King, Jr." rather than "Last, First".
SUFFIXES = frozenset(
    "jr jr. sr sr. ii iii iv phd ph.d. md m.d. esq esq. mba obe mbe cbe".split()
)


def split_full_name(full: str) -> tuple[str, str]:
    """(first name, last name) for a name written as one string."""
    text = clean(full)
    if not text:
        return "", ""
    if text.count(",") == 1:
        before, after = (part.strip() for part in text.split(","))
        if before and after.casefold() in SUFFIXES:
            first, last = _split_words(before)
            return (first, f"{last}, {after}") if last else (f"{first}, {after}", "")
        if before and after:
            return after, before
        text = before or after
    return _split_words(text)


def _split_words(text: str) -> tuple[str, str]:
    words = text.split(" ")
    if len(words) == 1:
        return text, ""
    start = len(words) - 1
    # Particles belong to the last name, but the first word is always (part of) the first name.
    while start > 1 and words[start - 1].casefold() in PARTICLES:
        start -= 1
    return " ".join(words[:start]), " ".join(words[start:])
