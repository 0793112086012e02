"""Guided calibration of a printer's badge offset: from what was measured on the calibration page to
the shift saved for that printer.

The calibration page (``badges_pdf.draw_calibration``) is printed with the offset the printer has
now, on plain paper, and held against a sheet of labels. The person measures how far the red
outlines landed from the labels' edges, the way one reads a sheet: to the right (negative: to the
left) and down (negative: up), in millimetres. The saved offset counts x to the right and y up
(``labels.printer_offset``), so the new offset is the one applied minus the shift to the right and
plus the shift down. Offsets are kept to a tenth of a millimetre, which is finer than any printer
keeps paper.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from mentordesk.printing.labels import ANY_PRINTER, read_offsets, write_offsets

#: A measured shift beyond this is not a printer's slack: the page was scaled ("fit to page"), or
#: held against the wrong sheet. Asked to check rather than saved.
MAX_SHIFT_MM = 20.0
#: No offset beyond this is ever saved (it would move badges off the labels).
MAX_OFFSET_MM = 30.0


class CalibrationError(ValueError):
    """The measurement cannot be right; the message says what to check."""


@dataclass(frozen=True)
class Calibrated:
    """The outcome of one correction."""

    #: The printer the offset is saved for (``ANY_PRINTER`` for printers without their own, and PDFs).
    printer: str
    #: The offset the calibration page was printed with, and the one saved now (x right, y up, mm).
    before: tuple[float, float]
    after: tuple[float, float]
    #: The new value of the ``print_offsets`` setting.
    setting: str


def corrected_offset(applied: tuple[float, float], right_mm: float, down_mm: float) -> tuple[float, float]:
    """The offset that moves the outlines onto the labels.

    ``applied``: the offset the page was printed with (x right, y up, mm). ``right_mm``/``down_mm``:
    how far the printed outlines landed to the right of and below the labels' edges (negative: to
    the left, above).
    """
    for value in (right_mm, down_mm):
        if not math.isfinite(value):
            raise CalibrationError("Type the shift as a number of millimetres, e.g. 1.5.")
        if abs(value) > MAX_SHIFT_MM:
            raise CalibrationError(
                f"A shift of more than {MAX_SHIFT_MM:g} mm is not the printer's: check that the page was printed "
                "at 100 % (no “fit to page”) and held against the label stock it names."
            )
    x = round(applied[0] - right_mm, 1) + 0.0  # + 0.0: never a "-0.0" in the file or on screen
    y = round(applied[1] + down_mm, 1) + 0.0
    if abs(x) > MAX_OFFSET_MM or abs(y) > MAX_OFFSET_MM:
        raise CalibrationError(
            f"That would move badges more than {MAX_OFFSET_MM:g} mm: print the calibration page again and measure "
            "from the same edge of the outline and of the label."
        )
    return (x, y)


def calibrate(setting: str, printer: str, right_mm: float, down_mm: float) -> Calibrated:
    """Correct ``printer``'s offset in the ``print_offsets`` value ``setting`` by what was measured.

    The page was printed with the printer's own offset, or the one for any printer when it has none;
    the corrected one is saved as the printer's own (an empty name: as the one for any printer).
    """
    name = printer.strip() or ANY_PRINTER
    offsets = read_offsets(setting)
    before = offsets.get(name, offsets.get(ANY_PRINTER, (0.0, 0.0)))
    after = corrected_offset(before, right_mm, down_mm)
    offsets[name] = after
    return Calibrated(name, before, after, write_offsets(offsets))
