"""Turning the bytes of a text export into lines of text: which encoding, and whether it is text at all.

Attendee exports arrive in four encodings in practice: UTF-8 (with or without the byte-order mark
Excel writes), UTF-16 (Excel's "Unicode text"; usually with a BOM, but some tools omit it) and
Windows-1252 (Excel's "CSV" on Western-European Windows). They are told apart in that order: a
BOM is certain; UTF-16 without one shows as a NUL in every other byte. An 8-bit file is read
through once, in bounded pieces, before it is parsed: text in a legacy code page almost never
happens to be valid UTF-8, so a file is UTF-8 unless its lines with bytes that are not UTF-8
outnumber those whose non-ASCII bytes are. A UTF-8 file with a few damaged lines therefore stays
UTF-8 (those lines are reported, by the reader, and skipped) instead of turning every accented
name into mojibake; a file with no valid UTF-8 at all is Windows-1252, which, unlike Latin-1, has
€ and Œ where exporters put them.

A NUL never occurs in text; the whole file is checked for one, not only its first bytes, so a
damaged or binary tail cannot put one into a name.
"""

from __future__ import annotations

import codecs
import io
import re
from collections.abc import Iterator
from typing import BinaryIO

from mentordesk.services.importing.limits import MAX_ROW_CHARS, number
from mentordesk.services.importing.table import ImportFileError

#: How much of the file the guesses look at; enough to see past a long header row.
_SAMPLE_BYTES = 64 * 1024
#: Longest piece of a line read at once; a longer line is read in pieces of this size.
_PIECE = 64 * 1024

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
#: The five bytes Windows-1252 leaves undefined; a file holding one is read as Latin-1.
_CP1252_UNDEFINED = b"\x81\x8d\x8f\x90\x9d"
#: What a byte that is not UTF-8 becomes when decoded with "surrogateescape".
_ESCAPED = re.compile("[\udc80-\udcff]")
_LINE_END = re.compile("\r\n|\r|\n")


def open_text(source: BinaryIO, name: str) -> LineFeed:
    """The lines of the text file ``source`` (seekable, at its start); ImportFileError if not text."""
    sample = source.read(_SAMPLE_BYTES)
    source.seek(0)
    for bom, codec, label in _BOMS:
        if sample.startswith(bom):
            return LineFeed(source, codec, label, name)
    utf16 = _utf16_without_bom(sample)
    if utf16 is not None:
        return LineFeed(source, utf16, "UTF-16 (no BOM)", name)
    if _looks_binary(sample):
        raise ImportFileError(f"{name} is not a text file; export the attendee list as CSV or .xlsx")
    codec, label = _eight_bit_encoding(source, name)
    source.seek(0)
    return LineFeed(source, codec, label, name)


class LineFeed:
    """The physical lines of a text file, each with its line ending, for ``csv.reader``.

    A line longer than ``MAX_ROW_CHARS`` is refused after reading that much of it. ``damaged_any``
    says whether any line so far held bytes that are not valid UTF-8 (kept as lone surrogates,
    see ``is_damaged``). ``line`` is the number of the last line handed out.
    """

    def __init__(self, source: BinaryIO, codec: str, label: str, name: str) -> None:
        self.encoding = label
        self.line = 0
        #: Whether any line so far was damaged.
        self.damaged_any = False
        self._name = name
        self._codec = codec
        self._escapes = codec.startswith("utf-8")
        # Bytes that are not UTF-8 are kept as lone surrogates, so that the line can be found and
        # reported; every other encoding either maps every byte or refuses a damaged file whole.
        self._stream = io.TextIOWrapper(source, encoding=codec, newline="",
                                        errors="surrogateescape" if self._escapes else "strict")
        self._pending = ""

    def __enter__(self) -> LineFeed:
        return self

    def __exit__(self, *_exc: object) -> None:
        # The file belongs to the caller: leave it open, and the wrapper with nothing to close.
        self._stream.detach()

    def opening(self, size: int) -> str:
        """The first ``size`` characters, without consuming them (for recognising web pages)."""
        self._pending += self._read_piece(max(0, size - len(self._pending)))
        return self._pending[:size]

    def __iter__(self) -> Iterator[str]:
        return self

    def __next__(self) -> str:
        line = self._read_line()
        if not line:
            raise StopIteration
        self.line += 1
        if len(line) > MAX_ROW_CHARS:
            raise ImportFileError(
                f"{self._name}: line {number(self.line)} is longer than {number(MAX_ROW_CHARS)} characters, "
                "which no attendee list has; check that it is the right file"
            )
        if "\x00" in line:
            raise ImportFileError(
                f"{self._name} is not a text file: line {number(self.line)} holds a NUL byte; "
                "export the attendee list as CSV or .xlsx again"
            )
        if self._escapes and _ESCAPED.search(line):
            self.damaged_any = True
        return line

    def _read_line(self) -> str:
        """One line with its ending, read in pieces so a line without end is refused, not held whole."""
        parts: list[str] = []
        size = 0
        while piece := self._piece(_PIECE):
            parts.append(piece)
            size += len(piece)
            if piece.endswith("\n"):
                break
            if piece.endswith("\r"):
                # A CR at the end of a piece may be the first half of CRLF.
                following = self._piece(1)
                if following == "\n":
                    parts.append(following)
                else:
                    self._pending = following + self._pending
                break
            if size > MAX_ROW_CHARS:
                break  # __next__ refuses it; nothing more is read
        return "".join(parts)

    def _piece(self, size: int) -> str:
        """Up to ``size`` characters, at most to the end of a line; what ``opening`` peeked first."""
        if not self._pending:
            return self._readline(size)
        end = _LINE_END.search(self._pending)
        cut = min(end.end() if end else len(self._pending), size)
        piece, self._pending = self._pending[:cut], self._pending[cut:]
        return piece

    def _readline(self, size: int) -> str:
        try:
            return self._stream.readline(size)
        except UnicodeDecodeError:
            raise ImportFileError(
                f"{self._name} claims to be {self.encoding} but is damaged near line {number(self.line + 1)}; "
                "export it again"
            ) from None

    def _read_piece(self, size: int) -> str:
        try:
            return self._stream.read(size)
        except UnicodeDecodeError:
            raise ImportFileError(
                f"{self._name} claims to be {self.encoding} but is damaged; export it again"
            ) from None


def is_damaged(text: str) -> bool:
    """Whether ``text``, read by a ``LineFeed``, holds bytes that are not valid UTF-8."""
    return _ESCAPED.search(text) is not None


def unescape(text: str) -> str:
    """A value read from a damaged line, with each byte that is not UTF-8 shown as �."""
    return _ESCAPED.sub("\ufffd", text)


def _eight_bit_encoding(source: BinaryIO, name: str) -> tuple[str, str]:
    """UTF-8, Windows-1252 or Latin-1, from a read through the whole file; refuses one with a NUL."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    line = 1
    valid = True
    while chunk := source.read(1 << 20):
        nul = chunk.find(b"\x00")
        if nul >= 0:
            at = line + chunk.count(b"\n", 0, nul)
            raise ImportFileError(
                f"{name} is not a text file: line {number(at)} holds a NUL byte; "
                "export the attendee list as CSV or .xlsx again"
            )
        line += chunk.count(b"\n")
        if valid:
            try:
                decoder.decode(chunk)
            except UnicodeDecodeError:
                valid = False
    if valid:
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            valid = False
    if valid:
        return "utf-8", "UTF-8"
    source.seek(0)
    utf8_lines, other_lines, undefined = _count_lines(source)
    if utf8_lines >= other_lines:
        return "utf-8", "UTF-8"
    return ("latin-1", "ISO-8859-1") if undefined else ("cp1252", "Windows-1252")


def _count_lines(source: BinaryIO) -> tuple[int, int, bool]:
    """Lines whose non-ASCII bytes are UTF-8, lines with bytes that are not, and whether any byte
    is undefined in Windows-1252."""
    utf8_lines = other_lines = 0
    undefined = False
    decoder = codecs.getincrementaldecoder("utf-8")()
    non_ascii = bad = False
    while piece := source.readline(_PIECE):
        if not undefined and len(piece.translate(None, _CP1252_UNDEFINED)) != len(piece):
            undefined = True
        if not bad and (non_ascii or not piece.isascii()):
            non_ascii = True
            try:
                decoder.decode(piece, final=piece.endswith(b"\n"))
            except UnicodeDecodeError:
                bad = True
        if piece.endswith(b"\n"):
            if bad:
                other_lines += 1
            elif non_ascii:
                utf8_lines += 1
            decoder.reset()
            non_ascii = bad = False
    if bad:
        other_lines += 1
    elif non_ascii:
        try:
            decoder.decode(b"", final=True)
            utf8_lines += 1
        except UnicodeDecodeError:
            other_lines += 1
    return utf8_lines, other_lines, undefined


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
