"""How django-axes names the account behind a sign-in attempt.

allauth authenticates with ``email=...`` while its form field is ``login``;
without this, axes would see no username and lock every account tried from
one address (a school's shared IP) at once.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest


def axes_username(request: HttpRequest, credentials: dict[str, Any] | None) -> str | None:
    credentials = credentials or {}
    value = (
        credentials.get("email")
        or credentials.get("username")
        or credentials.get("login")
        or request.POST.get("login")
        or ""
    )
    return str(value).strip().lower() or None
