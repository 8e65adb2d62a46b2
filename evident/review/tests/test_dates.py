"""evident.lib.dates: working days for review due dates."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from django.test import SimpleTestCase

from evident.lib.dates import add_business_days, is_business_day

NEW_YORK = ZoneInfo("America/New_York")
# 2026-03-02 is a Monday.
MONDAY, FRIDAY, SATURDAY, SUNDAY = date(2026, 3, 2), date(2026, 3, 6), date(2026, 3, 7), date(2026, 3, 8)


class BusinessDayTests(SimpleTestCase):
    def test_it_knows_weekends(self):
        assert [is_business_day(date(2026, 3, d)) for d in range(2, 9)] == [True] * 5 + [False] * 2

    def test_it_adds_days_within_a_week(self):
        assert add_business_days(MONDAY, 1) == date(2026, 3, 3)
        assert add_business_days(MONDAY, 4) == FRIDAY

    def test_it_skips_the_weekend(self):
        assert add_business_days(FRIDAY, 1) == date(2026, 3, 9)
        assert add_business_days(MONDAY, 5) == date(2026, 3, 9)
        assert add_business_days(date(2026, 3, 4), 5) == date(2026, 3, 11)  # Wednesday to Wednesday

    def test_a_weekend_start_counts_from_monday(self):
        assert add_business_days(SATURDAY, 1) == date(2026, 3, 9)
        assert add_business_days(SUNDAY, 1) == date(2026, 3, 9)
        assert add_business_days(SATURDAY, 5) == date(2026, 3, 13)

    def test_it_crosses_several_weekends(self):
        assert add_business_days(MONDAY, 15) == date(2026, 3, 23)
        assert add_business_days(FRIDAY, 10) == date(2026, 3, 20)

    def test_zero_days_is_the_start(self):
        assert add_business_days(SATURDAY, 0) == SATURDAY

    def test_negative_days_are_refused(self):
        with self.assertRaises(ValueError):
            add_business_days(MONDAY, -1)

    def test_a_datetime_keeps_its_time_of_day_and_zone(self):
        start = datetime(2026, 3, 6, 16, 30, tzinfo=NEW_YORK)  # Friday afternoon
        due = add_business_days(start, 5)
        assert due == datetime(2026, 3, 13, 16, 30, tzinfo=NEW_YORK)
        assert due.tzinfo is NEW_YORK

    def test_wall_clock_time_survives_a_clock_change(self):
        # Clocks go forward on Sunday 2026-03-08 in New York: still 9:00 on the Monday.
        due = add_business_days(datetime(2026, 3, 6, 9, 0, tzinfo=NEW_YORK), 1)
        assert (due.hour, due.utcoffset()) == (9, datetime(2026, 3, 9, 9, tzinfo=NEW_YORK).utcoffset())
        assert due.utcoffset() != datetime(2026, 3, 6, 9, tzinfo=NEW_YORK).utcoffset()

    def test_the_zone_decides_what_a_weekend_is(self):
        # Friday 21:00 in New York is already Saturday in UTC, so counted in UTC the
        # day's work would fall due on Sunday evening, New York time.
        friday_evening = datetime(2026, 3, 6, 21, 0, tzinfo=NEW_YORK)
        assert add_business_days(friday_evening, 1) == datetime(2026, 3, 9, 21, 0, tzinfo=NEW_YORK)
        counted_in_utc = add_business_days(friday_evening.astimezone(ZoneInfo("UTC")), 1)
        assert counted_in_utc.astimezone(NEW_YORK).date() == SUNDAY
