"""A typed view of the request once our middleware has run."""

from __future__ import annotations

from django.http import HttpRequest
from django_htmx.middleware import HtmxDetails

from evident.accounts.models import Organization, User


class EvidentRequest(HttpRequest):
    """What views may rely on: the signed-in user and their active organization."""

    user: User  # narrowed: LoginRequiredMiddleware guarantees a signed-in user
    organization: Organization | None
    roles: frozenset[str]
    organization_roles: dict[Organization, frozenset[str]]
    htmx: HtmxDetails
