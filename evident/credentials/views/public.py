"""Credential documents and pages: DID documents and status lists for verifiers, the
credential page and its signed JSON for the educator and whoever they share it with."""

from __future__ import annotations

import json
from urllib.parse import urlencode
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_POST

from evident.accounts.http import EvidentRequest
from evident.credentials import baking, services
from evident.credentials.certificate import requirement_results
from evident.credentials.models import Award
from evident.credentials.permissions import access_award
from evident.credentials.selectors import issuer_did_document, status_list_get
from evident.lib.badges import badge_svg


def _json(data: object, *, content_type: str = "application/json") -> HttpResponse:
    response = HttpResponse(json.dumps(data, indent=2, ensure_ascii=False), content_type=content_type)
    response["Access-Control-Allow-Origin"] = "*"  # verifiers anywhere fetch these
    return response


@login_not_required
@require_GET
def did_document(request: HttpRequest, slug: str) -> HttpResponse:
    return _json(issuer_did_document(slug), content_type="application/did+json")


@login_not_required
@require_GET
def status_list(request: HttpRequest, uuid: UUID) -> HttpResponse:
    found = status_list_get(uuid)
    credential = found.credential or services.status_list_sign(found)
    response = _json(credential, content_type="application/vc+ld+json")
    response["Cache-Control"] = "public, max-age=300"
    return response


def linkedin_add_url(award: Award, page_url: str) -> str:
    """LinkedIn's "add a licence or certification" form, filled in for this credential."""
    query = urlencode(
        {
            "startTask": "CERTIFICATION_NAME",
            "name": award.title,
            "organizationName": award.organization.name,
            "issueYear": award.issued_at.year,
            "issueMonth": award.issued_at.month,
            "certUrl": page_url,
            "certId": str(award.uuid),
        }
    )
    return f"https://www.linkedin.com/profile/add?{query}"


@login_not_required
@require_GET
def award_detail(request: HttpRequest, uuid: UUID) -> HttpResponse:
    award = access_award(request.user, uuid)
    return render(
        request,
        "credentials/award_detail.html",
        {
            "section": "earning",
            "award": award,
            "is_owner": request.user.is_authenticated and award.educator_id == request.user.pk,
            "linkedin_url": linkedin_add_url(award, request.build_absolute_uri(award.get_absolute_url())),
            # As the signed document says them, so the page shows exactly what a verifier checks.
            "results": requirement_results(award.credential),
            "counted": [e for e in award.credential.get("evidence") or [] if isinstance(e, dict)],
        },
    )


@login_not_required
@require_GET
def award_json(request: HttpRequest, uuid: UUID) -> HttpResponse:
    award = access_award(request.user, uuid)
    response = _json(award.credential, content_type="application/vc+ld+json")
    response["Content-Disposition"] = f'attachment; filename="credential-{award.uuid}.json"'
    return response


@require_POST
def award_share(request: EvidentRequest, uuid: UUID) -> HttpResponse:
    award = access_award(request.user, uuid, owner_only=True)
    public = request.POST.get("public") == "true"
    services.award_set_public(actor=request.user, award=award, public=public)
    messages.success(
        request,
        "Anyone with the link can now see this credential." if public else "Only you can see this credential now.",
    )
    return redirect(_local_next(request) or award.get_absolute_url())


def _local_next(request: HttpRequest) -> str:
    """The page to go back to, when it is a path on this site; "" for anything else (no open redirect)."""
    target = request.POST.get("next", "")
    if target.startswith("/") and url_has_allowed_host_and_scheme(
        target, allowed_hosts=None, require_https=request.is_secure()
    ):
        return target
    return ""


def _badge_source(award: Award) -> tuple[bytes | None, str]:
    """The micro-credential's own badge: an uploaded image (bytes) or the drawn SVG (text)."""
    version = award.version
    if version is not None and version.badge_image:
        with version.badge_image.open("rb") as handle:
            return handle.read(), ""
    title, colour = award.title, version.badge_color if version is not None else "#0d5c63"
    return None, badge_svg(title, colour)


@login_not_required
@require_GET
def award_badge_png(request: HttpRequest, uuid: UUID) -> HttpResponse:
    award = access_award(request.user, uuid)
    image, _ = _badge_source(award)
    colour = award.version.badge_color if award.version is not None else "#0d5c63"
    png = baking.as_png(image) if image else baking.draw_badge_png(award.title, colour)
    response = HttpResponse(baking.bake_png(png, award.credential), content_type="image/png")
    response["Content-Disposition"] = f'attachment; filename="badge-{award.uuid}.png"'
    return response


@login_not_required
@require_GET
def award_badge_svg(request: HttpRequest, uuid: UUID) -> HttpResponse:
    award = access_award(request.user, uuid)
    colour = award.version.badge_color if award.version is not None else "#0d5c63"
    response = HttpResponse(
        baking.bake_svg(badge_svg(award.title, colour), award.credential), content_type="image/svg+xml"
    )
    response["Content-Disposition"] = f'attachment; filename="badge-{award.uuid}.svg"'
    response["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'"
    return response
