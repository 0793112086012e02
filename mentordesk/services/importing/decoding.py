"""Turning the bytes of a text export into text: which encoding, and whether it is text at all.

Attendee exports arrive in four encodings in practice: UTF-8 (with or without the byte-order mark
Excel writes), UTF-16 (Excel's "Unicode text"; usually with a BOM, but some tools omit it) and
Windows-1252 (Excel's "CSV" on Western-European Windows). They are told apart in that order: a
BOM is certain; UTF-16 without one shows as a NUL in every other byte; UTF-8 decodes strictly or
not at all, and text in a legacy code page almost never happens to be valid UTF-8. Whatever is
left is read as Windows-1252, which, unlike Latin-1, has € and Œ where exporters put them.
"""

from __future__ import annotations

import codecs

from mentordesk.services.importing.table import ImportFileError

#: How much of the file the guesses look at; enough to see past a long header row.
_SAMPLE_BYTES = 64 * 1024

_BOMS: tuple[tuple[bytes, str, str], ...] = (
    # UTF-32 first: its little-endian BOM begins with UTF-16's.
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8 with BOM"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
)

# C0 control characters other than tab, line feed, form feed and carriage return never occur in
# an attendee list; a sample full of them is a binary file with a misleading name.
_CONTROL = bytes([*range(0x00, 0x09), 0x0B, *range(0x0E, 0x20), 0x7F])


def decode(data: bytes, name: str) -> tuple[str, str]:
    """The text of ``data`` and the name of its encoding in words; ImportFileError if not text."""
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            return _decode_as(data, codec, label, name), label
    sample = data[:_SAMPLE_BYTES]
    utf16 = _utf16_without_bom(sample)
    if utf16 is not None:
        return _decode_as(data, utf16, "UTF-16 (no BOM)", name), "UTF-16 (no BOM)"
    if _looks_binary(sample):
        raise ImportFileError(f"{name} is not a text file; export the attendee list as CSV or .xlsx")
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "Windows-1252"
    except UnicodeDecodeError:
        # The five bytes Windows-1252 leaves undefined; Latin-1 maps every byte.
        return data.decode("latin-1"), "ISO-8859-1"


def _decode_as(data: bytes, codec: str, label: str, name: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        raise ImportFileError(f"{name} claims to be {label} but is damaged; export it again") from None


def _utf16_without_bom(sample: bytes) -> str | None:
    """"utf-16-le"/"utf-16-be" when NULs sit in every other byte (ASCII text in UTF-16), else None."""
    pairs = len(sample) // 2
    if pairs < 2:
        return None
    even_nuls = sample[0 : pairs * 2 : 2].count(0)
    odd_nuls = sample[1 : pairs * 2 : 2].count(0)
    # Text in a Latin script is mostly ASCII, so most of its UTF-16 code units have a zero high
    # byte; in CJK text fewer do, but headers and e-mail addresses are still ASCII.
    if odd_nuls >= pairs * 0.3 and even_nuls <= pairs * 0.05:
        return "utf-16-le"
    if even_nuls >= pairs * 0.3 and odd_nuls <= pairs * 0.05:
        return "utf-16-be"
    return None


def _looks_binary(sample: bytes) -> bool:
    if 0 in sample:
        return True
    controls = len(sample) - len(sample.translate(None, _CONTROL))
    return controls > max(2, len(sample) // 100)
