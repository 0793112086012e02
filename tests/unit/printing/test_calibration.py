"""Guided calibration: from the shift measured on the calibration page to the offset saved for a printer."""

from __future__ import annotations

import json

import pytest

from mentordesk.printing import labels
from mentordesk.printing.calibration import (
    MAX_SHIFT_MM,
    CalibrationError,
    calibrate,
    corrected_offset,
)


def test_outlines_landing_right_and_low_move_the_print_left_and_up() -> None:
    # Printed with no offset, the outlines landed 1.5 mm right of the labels and 0.8 mm below them.
    assert corrected_offset((0.0, 0.0), 1.5, 0.8) == (-1.5, 0.8)
    # Left and above: the other way.
    assert corrected_offset((0.0, 0.0), -2.0, -1.0) == (2.0, -1.0)


def test_a_correction_adds_to_the_offset_the_page_was_printed_with() -> None:
    # The second page, printed with (-1.5, 0.8), is still 0.3 mm right and 0.2 mm high.
    assert corrected_offset((-1.5, 0.8), 0.3, -0.2) == (-1.8, 0.6)
    # Spot on: nothing changes (and no "-0.0").
    after = corrected_offset((0.0, 0.0), 0.0, -0.0)
    assert after == (0.0, 0.0) and str(after) == "(0.0, 0.0)"


def test_offsets_are_kept_to_a_tenth_of_a_millimetre() -> None:
    assert corrected_offset((0.0, 0.0), 1.04, 0.26) == (-1.0, 0.3)


@pytest.mark.parametrize(("right", "down"), [(MAX_SHIFT_MM + 0.5, 0.0), (0.0, -25.0), (float("nan"), 0.0)])
def test_an_impossible_measurement_is_refused_with_what_to_check(right: float, down: float) -> None:
    with pytest.raises(CalibrationError) as refused:
        corrected_offset((0.0, 0.0), right, down)
    assert "mm" in str(refused.value) or "number" in str(refused.value)


def test_an_offset_that_would_run_off_the_labels_is_refused() -> None:
    with pytest.raises(CalibrationError, match="more than 30 mm"):
        corrected_offset((-15.0, 0.0), 18.0, 0.0)


def test_calibrating_a_printer_starts_from_the_offset_for_any_printer_and_saves_its_own() -> None:
    setting = json.dumps({"*": [1.0, 0.0]})
    done = calibrate(setting, "  Office HP ", 0.5, 0.5)
    assert done.printer == "Office HP"
    assert done.before == (1.0, 0.0) and done.after == (0.5, 0.5)
    table = labels.read_offsets(done.setting)
    assert table == {"*": (1.0, 0.0), "Office HP": (0.5, 0.5)}


def test_calibrating_without_a_printer_name_corrects_the_one_for_any_printer_and_pdfs() -> None:
    done = calibrate("{}", "", -1.0, 2.0)
    assert done.printer == labels.ANY_PRINTER
    assert labels.read_offsets(done.setting) == {"*": (1.0, 2.0)}


def test_a_printer_calibrated_to_no_shift_keeps_its_entry_unlike_the_one_for_any_printer() -> None:
    # Office HP needs none although other printers do: it must not fall back to theirs.
    done = calibrate(json.dumps({"*": [2.0, 0.0], "Office HP": [1.0, -1.0]}), "Office HP", 1.0, 1.0)
    assert done.after == (0.0, 0.0)
    assert labels.read_offsets(done.setting) == {"*": (2.0, 0.0), "Office HP": (0.0, 0.0)}
    assert labels.read_offsets(calibrate(done.setting, "", 2.0, 0.0).setting) == {"Office HP": (0.0, 0.0)}


def test_reading_the_setting_skips_what_cannot_be_read() -> None:
    raw = json.dumps({"A": [1, 2], "B": {"x": 3, "y": -1}, "C": "left", "D": [1], "E": [float("inf"), 0]})
    assert labels.read_offsets(raw) == {"A": (1.0, 2.0), "B": (3.0, -1.0)}
    assert labels.read_offsets("not json") == {} and labels.read_offsets("[1, 2]") == {}
    # Written back sorted, in tenths of a millimetre, names in any script kept as they are.
    written = labels.write_offsets({"Принтер": (0.04, 1.26), "A": (1, 2)})
    assert json.loads(written) == {"A": [1, 2], "Принтер": [0.0, 1.3]}
