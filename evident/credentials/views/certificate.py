"""The PDF certificate of a credential, for an HR office."""

from __future__ import annotations

from uuid import UUID

from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from evident.credentials.certificate import CertificateUnavailable, certificate_filename, certificate_pdf
from evident.credentials.permissions import access_award


@login_not_required
@require_GET
def award_certificate_pdf(request: HttpRequest, uuid: UUID) -> HttpResponse:
    """The certificate, for whoever may see the credential page (its educator; anyone once public)."""
    award = access_award(request.user, uuid)
    try:
        pdf = certificate_pdf(award)
    except CertificateUnavailable:
        return render(
            request,
            "credentials/certificate_unavailable.html",
            {"section": "earning", "award": award},
            status=410,
        )
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{certificate_filename(award)}"'
    # The status printed in it is as of now: a cached copy could show a revoked credential as valid.
    response["Cache-Control"] = "private, no-store"
    return response
