"""The PDF certificate of a credential, for an HR office: filled in by the certificate work."""

from __future__ import annotations

from uuid import UUID

from django.http import Http404, HttpRequest, HttpResponse


def award_certificate_pdf(request: HttpRequest, uuid: UUID) -> HttpResponse:
    raise Http404("Certificates are not available yet.")
