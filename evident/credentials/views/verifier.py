"""The public verifier: anyone checks a credential, with no account."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from evident.credentials.forms import MAX_BYTES, MAX_UPLOAD_BYTES, VerifyForm, document_from_file
from evident.credentials.selectors import award_by_url
from evident.credentials.verify import Check, check_credential

# Files the JSON endpoint accepts as the body, besides JSON itself.
FILE_TYPES = {"application/pdf", "image/png", "image/svg+xml", "application/octet-stream"}

LABELS = {
    "valid": "Valid",
    "revoked": "Revoked",
    "expired": "Expired",
    "not_yet_valid": "Not yet valid",
    "invalid": "Not valid",
}


def _object(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _readable_date(value: Any) -> str:
    """ "October 2, 2026" from an ISO timestamp; anything else as it is."""
    try:
        moment = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        return str(value or "")
    return f"{moment:%B} {moment.day}, {moment.year}"


def _summary(document: dict[str, Any]) -> dict[str, str]:
    """What the credential claims, shown beside the verdict (read from the document, so only trust it when valid)."""
    subject = _object(document.get("credentialSubject"))
    achievement = _object(subject.get("achievement"))
    issuer = document.get("issuer")
    issuer_name = str(
        _object(issuer).get("name") or _object(issuer).get("id") or (issuer if isinstance(issuer, str) else "")
    )
    return {
        "name": str(achievement.get("name") or document.get("name") or ""),
        "issuer": issuer_name,
        "valid_from": str(document.get("validFrom", "")),
        "credits": str(achievement.get("creditsAvailable", "")),
    }


@login_not_required
@require_http_methods(["GET", "POST"])
def verify_page(request: HttpRequest) -> HttpResponse:
    """Check a credential posted in the form, or named by ``?url=`` (what a certificate's QR code opens)."""
    if request.method == "POST":
        form = VerifyForm(request.POST, request.FILES)
    elif "url" in request.GET:
        # A GET only compares the address with this platform's own credentials; nothing is fetched or kept.
        form = VerifyForm({"url": request.GET["url"]})
    else:
        form = VerifyForm()
    check: Check | None = None
    summary: dict[str, str] = {}
    status = 200
    if form.is_bound:
        if form.is_valid():
            document = form.cleaned_data.get("document")
            if document is None:
                award = award_by_url(str(form.cleaned_data["url"]))
                document = award.credential if award is not None else None
            if document is None:
                form.add_error(
                    "url",
                    "No public credential is at that address. If you have the credential's file, badge or "
                    "certificate (PDF), upload it instead.",
                )
                status = 422
            else:
                check = check_credential(document)
                summary = {**_summary(document), "valid_from": _readable_date(document.get("validFrom"))}
        else:
            status = 422
    return render(
        request,
        "credentials/verify.html",
        {"form": form, "check": check, "label": LABELS.get(check.state, "") if check else "", "summary": summary},
        status=status,
    )


def _error(message: str, status: int) -> JsonResponse:
    return JsonResponse({"message": message, "extra": {}}, status=status)


@login_not_required
@csrf_exempt  # a machine endpoint: no cookies are read, the body is the credential
@require_POST
def verify_api(request: HttpRequest) -> JsonResponse:
    """POST a credential as JSON, or the file that carries one (a PDF certificate, a baked PNG or SVG badge);
    the answer says valid / revoked / expired / invalid and why."""
    content_type = request.content_type or ""
    is_file = content_type in FILE_TYPES
    limit = MAX_UPLOAD_BYTES if is_file else MAX_BYTES
    too_large = "That is too large to be a credential (10 MB at most for a file, 200 KB for JSON)."
    declared = str(request.META.get("CONTENT_LENGTH") or "")
    if declared.isdigit() and int(declared) > limit:
        return _error(too_large, 413)
    body = request.read(limit + 1)
    if len(body) > limit:
        return _error(too_large, 413)
    if is_file:
        try:
            document = document_from_file(body)
        except ValidationError as error:
            return _error(error.messages[0], 400)
    else:
        try:
            document = json.loads(body)
        except ValueError:
            return _error("The body is not valid JSON.", 400)
        if not isinstance(document, dict):
            return _error("A credential is a JSON object.", 400)
    check = check_credential(document)
    return JsonResponse({"state": check.state, "verified": check.ok, "reason": check.reason, **_summary(document)})
