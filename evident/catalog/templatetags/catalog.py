"""Template helpers for catalog pages: one-liners over tested functions in ``evident.lib``."""

from __future__ import annotations

from django import template

from evident.lib.dates import months_text

register = template.Library()


@register.filter
def months(value: int) -> str:
    """``24|months`` → "2 years"."""
    return months_text(value)
