"""Calendar arithmetic without Django: working days for due dates, calendar months for expiry."""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from typing import TypeVar

# date or datetime: a datetime keeps its time of day and time zone.
D = TypeVar("D", bound=date)

SATURDAY = 5


def is_business_day(day: date) -> bool:
    """Monday to Friday. Public holidays differ by state and district and are not counted."""
    return day.weekday() < SATURDAY


def add_business_days(start: D, days: int) -> D:
    """``start`` moved forward by ``days`` working days, skipping Saturdays and Sundays.

    Counting begins the day after ``start``, so from a Friday one working day
    is the Monday, and from a Saturday or a Sunday it is also the Monday. A
    datetime keeps its wall-clock time: pass it in the time zone whose
    weekends count (an aware datetime in UTC would see Friday evening in New
    York as Saturday). Raises ValueError for a negative ``days``.
    """
    if days < 0:
        raise ValueError(f"days must not be negative, not {days}")
    result = start
    remaining = days
    while remaining:
        result = result + timedelta(days=1)
        if is_business_day(result):
            remaining -= 1
    return result


def add_months(start: D, months: int) -> D:
    """``start`` moved forward by ``months`` calendar months, on the same day of the month.

    A day the target month lacks becomes its last day: January 31 plus one
    month is February 28 (29 in a leap year), and February 29 plus twelve
    months is February 28. A datetime keeps its wall-clock time and time zone.
    Raises ValueError for a negative ``months``.
    """
    if months < 0:
        raise ValueError(f"months must not be negative, not {months}")
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    day = min(start.day, calendar.monthrange(year, month)[1])
    return start.replace(year=year, month=month, day=day)


def months_text(months: int) -> str:
    """A number of months as people say it: "1 month", "18 months", "1 year", "3 years"."""
    if months > 0 and months % 12 == 0:
        years = months // 12
        return f"{years} year" if years == 1 else f"{years} years"
    return f"{months} month" if months == 1 else f"{months} months"
