"""The small helpers behind evidence serving and word limits (evident/lib)."""

from __future__ import annotations

import pytest

from evident.lib.ranges import UnsatisfiableRange, parse_range
from evident.lib.text import word_count


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (None, None),
        ("", None),
        ("bytes=0-", (0, 99)),
        ("bytes=10-19", (10, 19)),
        ("bytes=90-500", (90, 99)),
        ("bytes=-10", (90, 99)),
        ("bytes=-500", (0, 99)),
        ("bytes=5-2", None),
        ("bytes=0-1,5-6", None),
        ("items=0-1", None),
        ("bytes=-", None),
    ],
)
def test_it_parses_the_ranges_browsers_send(header, expected):
    assert parse_range(header, 100) == expected


@pytest.mark.parametrize("header", ["bytes=100-", "bytes=150-160", "bytes=-0"])
def test_it_refuses_ranges_past_the_end(header):
    with pytest.raises(UnsatisfiableRange):
        parse_range(header, 100)


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("", 0),
        ("One two three.", 3),
        ("Don't count well-known words twice", 5),
        ("  spaced\n\nout\twords ", 3),
        ("Grade 3 students, 24 of them", 6),
        ("— … !!", 0),
        ("Los niños leyeron", 3),
    ],
)
def test_it_counts_words_as_a_reader_does(text, count):
    assert word_count(text) == count
