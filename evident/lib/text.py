"""Small text helpers shared by forms, services and templates."""

from __future__ import annotations

import re

_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*", re.UNICODE)


def word_count(text: str) -> int:
    """Words as a reader counts them: "don't" and "well-known" are one word each; numbers count."""
    return len(_WORD.findall(text or ""))
