"""Python values out of Qt's date and time types, typed.

``QDate.toPython()`` and ``QDateTime.toPython()`` are declared to return ``object`` in PySide6's
stubs; these say what they return, and check it.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate, QDateTime


def to_date(value: QDate) -> date:
    """The ``date`` of a valid ``QDate``."""
    result = value.toPython()
    assert isinstance(result, date)
    return result


def to_datetime(value: QDateTime) -> datetime:
    """The naive local ``datetime`` of a valid ``QDateTime``, as ``QDateTime.toPython()`` gives it."""
    result = value.toPython()
    assert isinstance(result, datetime)
    return result
