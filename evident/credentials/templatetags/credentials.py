"""Template helpers for credentials shown on other apps' pages."""

from __future__ import annotations

from typing import Any

from django import template

from evident.catalog.models import Stack
from evident.credentials.models import Award
from evident.credentials.stacks import stack_award_get

register = template.Library()


@register.simple_tag(takes_context=True)
def stack_award_of_viewer(context: dict[str, Any], stack: Stack) -> Award | None:
    """The signed-in person's credential for ``stack``; None for everyone else (and no query)."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return None
    return stack_award_get(user, stack)
