"""Request middleware: audit origin, active organization, extra headers."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse

from evident.accounts import audit
from evident.accounts.models import Organization
from evident.accounts.selectors import organization_roles_for_user

ACTIVE_ORGANIZATION_SESSION_KEY = "evident_active_organization"


class RequestOriginMiddleware:
    """Record where each request came from, for the audit trail."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        kind = "api" if request.path.startswith("/api/") else "web"
        value = audit.Origin(
            kind=kind,
            ip_address=request.META.get("REMOTE_ADDR") or None,
            user_agent=request.META.get("HTTP_USER_AGENT", ""),
        )
        with audit.origin(value):
            return self.get_response(request)


class ActiveOrganizationMiddleware:
    """Put the active organization and the user's roles in it on the request.

    The choice is kept in the session and re-checked against the memberships
    on every request, so a removed member loses access at once.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.organization = None  # type: ignore[attr-defined]  # EvidentRequest attribute
        request.roles = frozenset()  # type: ignore[attr-defined]  # EvidentRequest attribute
        request.organization_roles = {}  # type: ignore[attr-defined]  # EvidentRequest attribute
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            roles_by_organization = organization_roles_for_user(user)
            chosen = request.session.get(ACTIVE_ORGANIZATION_SESSION_KEY)
            active = next((o for o in roles_by_organization if str(o.uuid) == chosen), None)
            if active is None and roles_by_organization:
                active = next(iter(roles_by_organization))
            request.organization_roles = roles_by_organization  # type: ignore[attr-defined]  # EvidentRequest attribute
            if active is not None:
                request.organization = active  # type: ignore[attr-defined]  # EvidentRequest attribute
                request.roles = roles_by_organization[active]  # type: ignore[attr-defined]  # EvidentRequest attribute
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view_func: Callable[..., HttpResponse], view_args: Any, view_kwargs: dict[str, Any]
    ) -> None:
        """A page of one of the user's organizations makes it the active one,
        so the header, navigation and page always speak of the same organization.
        """
        wanted = view_kwargs.get("organization_uuid")
        roles_by_organization: dict[Organization, frozenset[str]] = getattr(request, "organization_roles", {})
        if wanted is None or not roles_by_organization:
            return
        for organization, roles in roles_by_organization.items():
            if str(organization.uuid) == str(wanted):
                request.organization = organization  # type: ignore[attr-defined]  # EvidentRequest attribute
                request.roles = roles  # type: ignore[attr-defined]  # EvidentRequest attribute
                if request.session.get(ACTIVE_ORGANIZATION_SESSION_KEY) != str(organization.uuid):
                    request.session[ACTIVE_ORGANIZATION_SESSION_KEY] = str(organization.uuid)
                return


class SecurityHeadersMiddleware:
    """Headers Django does not set itself."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault(
            "Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()"
        )
        response.headers.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        return response
