"""Expanding a recurrence into session dates, and its RFC 5545 RRULE text.

Dates are expanded first and the wall-clock time is applied to each date in the series' zone
afterwards (:func:`timing.local_instant`), so a weekly 18:00 meeting is at 18:00 before and after
a daylight-saving change — never an hour off because an interval of 7 × 24 hours was added.

python-dateutil's ``rrule`` does the expansion: it implements RFC 5545 recurrence exactly (the
"second Tuesday" and "last Friday" rules, months without a fifth weekday, UNTIL and COUNT), which
is also what the stored RRULE text means to any calendar program that reads it.
"""

from __future__ import annotations

from datetime import date, datetime, time

from dateutil import rrule as du

from mentordesk.models import Frequency
from mentordesk.services.groups.group_data import GroupError, Recurrence

#: A series longer than this is almost certainly a typing mistake (a year of weekly meetings is 52).
MAX_OCCURRENCES = 260
_DAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def week_of_month(day: date) -> int:
    """1 … 4 for the first to fourth such weekday of its month; -1 for a fifth (= the last)."""
    nth = (day.day - 1) // 7 + 1
    return -1 if nth == 5 else nth


def validate_recurrence(first_day: date, recurrence: Recurrence) -> Recurrence:
    """The recurrence checked and normalised; GroupError with a one-line reason otherwise."""
    frequency = Frequency(recurrence.frequency)
    if not isinstance(recurrence.interval, int) or not 1 <= recurrence.interval <= 12:
        raise GroupError("Repeat every 1 to 12 weeks or months.")
    if (recurrence.until is None) == (recurrence.count is None):
        raise GroupError("Say when the series ends: on a date, or after a number of sessions.")
    if recurrence.count is not None and not 1 <= recurrence.count <= MAX_OCCURRENCES:
        raise GroupError(f"A series can have 1 to {MAX_OCCURRENCES} sessions.")
    if recurrence.until is not None and recurrence.until < first_day:
        raise GroupError("The series cannot end before its first session.")
    return Recurrence(frequency, recurrence.interval, recurrence.until, recurrence.count)


def _rule(first_day: date, recurrence: Recurrence) -> du.rrule:
    start = datetime.combine(first_day, time(0))
    until = datetime.combine(recurrence.until, time(0)) if recurrence.until else None
    if recurrence.frequency is Frequency.MONTHLY_WEEKDAY:
        weekday = du.weekday(first_day.weekday(), week_of_month(first_day))
        return du.rrule(du.MONTHLY, dtstart=start, interval=recurrence.interval, byweekday=weekday,
                        until=until, count=recurrence.count)
    return du.rrule(du.WEEKLY, dtstart=start, interval=recurrence.interval, until=until, count=recurrence.count)


def occurrence_dates(first_day: date, recurrence: Recurrence | None) -> list[date]:
    """Every date of the series, the first included (a one-off: just ``first_day``)."""
    if recurrence is None:
        return [first_day]
    recurrence = validate_recurrence(first_day, recurrence)
    days = []
    for moment in _rule(first_day, recurrence):
        days.append(moment.date())
        if len(days) > MAX_OCCURRENCES:
            raise GroupError(f"That would make more than {MAX_OCCURRENCES} sessions; end the series sooner.")
    return days


def rrule_text(first_day: date, recurrence: Recurrence | None) -> str:
    """The RFC 5545 RRULE value (without the ``RRULE:`` prefix) for a series starting on ``first_day``."""
    if recurrence is None:
        return "COUNT=1"
    recurrence = validate_recurrence(first_day, recurrence)
    parts = []
    if recurrence.frequency is Frequency.MONTHLY_WEEKDAY:
        parts += ["FREQ=MONTHLY", f"BYDAY={week_of_month(first_day)}{_DAY_CODES[first_day.weekday()]}"]
    else:
        parts.append("FREQ=WEEKLY")
    if recurrence.interval != 1:
        parts.append(f"INTERVAL={recurrence.interval}")
    if recurrence.count is not None:
        parts.append(f"COUNT={recurrence.count}")
    else:
        assert recurrence.until is not None
        parts.append(f"UNTIL={recurrence.until:%Y%m%d}")
    return ";".join(parts)


def describe_recurrence(first_day: date, recurrence: Recurrence | None) -> str:
    """A short English description: "every 2 weeks, 10 times", "monthly on the 2nd Tuesday until 3 Mar 2027"."""
    if recurrence is None:
        return "once"
    recurrence = Recurrence(Frequency(recurrence.frequency), recurrence.interval, recurrence.until, recurrence.count)
    weekday = first_day.strftime("%A")
    if recurrence.frequency is Frequency.MONTHLY_WEEKDAY:
        nth = week_of_month(first_day)
        ordinal = "last" if nth == -1 else ("1st", "2nd", "3rd", "4th")[nth - 1]
        every = "monthly" if recurrence.interval == 1 else f"every {recurrence.interval} months"
        text = f"{every} on the {ordinal} {weekday}"
    else:
        text = f"weekly on {weekday}" if recurrence.interval == 1 else (
            f"every {recurrence.interval} weeks on {weekday}")
    if recurrence.count is not None:
        return f"{text}, {recurrence.count} times"
    assert recurrence.until is not None
    return f"{text} until {recurrence.until.day} {recurrence.until:%b %Y}"
