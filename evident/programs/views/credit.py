"""Credit rules: the seeded ones with their sources, and an organization's own: filled in by the credit work."""

from __future__ import annotations

from uuid import UUID

from django.http import Http404, HttpRequest, HttpResponse


def rule_list(request: HttpRequest, organization_uuid: UUID) -> HttpResponse:
    raise Http404("Not available yet.")


def rule_edit(request: HttpRequest, organization_uuid: UUID, uuid: UUID | None = None) -> HttpResponse:
    raise Http404("Not available yet.")
