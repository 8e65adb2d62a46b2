"""HTTP Range requests (RFC 9110 §14): the one-range subset browsers send for media."""

from __future__ import annotations

import re

_RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")


class UnsatisfiableRange(ValueError):
    """The range lies outside the content: answer 416."""


def parse_range(header: str | None, size: int) -> tuple[int, int] | None:
    """The inclusive (first, last) byte positions asked for, or None for the whole content.

    Several ranges, malformed headers and other units are ignored (None), as
    the RFC allows; a range starting past the end raises UnsatisfiableRange.
    """
    if not header:
        return None
    match = _RANGE.match(header.strip())
    if match is None:
        return None
    first_text, last_text = match.groups()
    if not first_text and not last_text:
        return None
    if not first_text:
        # A suffix: the last N bytes.
        length = int(last_text)
        if length == 0:
            raise UnsatisfiableRange(header)
        return max(size - length, 0), size - 1
    first = int(first_text)
    last = int(last_text) if last_text else size - 1
    if first >= size:
        raise UnsatisfiableRange(header)
    if last < first:
        return None
    return first, min(last, size - 1)
