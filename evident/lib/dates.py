"""Calendar arithmetic without Django: working days for due dates."""

from __future__ import annotations

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
