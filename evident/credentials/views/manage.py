"""What an issuing organization's admins do with credentials: filled in by the admin work."""

from __future__ import annotations

from uuid import UUID

from django.http import Http404, HttpRequest, HttpResponse


def issued_list(request: HttpRequest, organization_uuid: UUID) -> HttpResponse:
    raise Http404("Not available yet.")


def award_revoke(request: HttpRequest, organization_uuid: UUID, uuid: UUID) -> HttpResponse:
    raise Http404("Not available yet.")


def issuer_keys(request: HttpRequest, organization_uuid: UUID) -> HttpResponse:
    raise Http404("Not available yet.")
