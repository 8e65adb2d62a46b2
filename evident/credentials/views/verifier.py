"""The public verifier: anyone checks a credential, with no account."""

from __future__ import annotations

import json
from typing import Any

from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from evident.credentials.forms import MAX_BYTES, VerifyForm
from evident.credentials.selectors import award_by_url
from evident.credentials.verify import Check, check_credential

LABELS = {
    "valid": "Valid",
    "revoked": "Revoked",
    "expired": "Expired",
    "not_yet_valid": "Not yet valid",
    "invalid": "Not valid",
}


def _object(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


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
    form = VerifyForm(request.POST, request.FILES) if request.method == "POST" else VerifyForm()
    check: Check | None = None
    summary: dict[str, str] = {}
    status = 200
    if request.method == "POST":
        if form.is_valid():
            document = form.cleaned_data.get("document")
            if document is None:
                award = award_by_url(str(form.cleaned_data["url"]))
                document = award.credential if award is not None else None
            if document is None:
                form.add_error("url", "No public credential is at that address.")
                status = 422
            else:
                check = check_credential(document)
                summary = _summary(document)
        else:
            status = 422
    return render(
        request,
        "credentials/verify.html",
        {"form": form, "check": check, "label": LABELS.get(check.state, "") if check else "", "summary": summary},
        status=status,
    )


@login_not_required
@csrf_exempt  # a machine endpoint: no cookies are read, the body is the credential
@require_POST
def verify_api(request: HttpRequest) -> JsonResponse:
    """POST a credential as JSON; the answer says valid / revoked / expired / invalid and why."""
    if len(request.body) > MAX_BYTES:
        return JsonResponse(
            {"message": "That is too large to be a credential (200 KB at most).", "extra": {}}, status=413
        )
    try:
        document = json.loads(request.body)
    except ValueError:
        return JsonResponse({"message": "The body is not valid JSON.", "extra": {}}, status=400)
    if not isinstance(document, dict):
        return JsonResponse({"message": "A credential is a JSON object.", "extra": {}}, status=400)
    check = check_credential(document)
    return JsonResponse({"state": check.state, "verified": check.ok, "reason": check.reason, **_summary(document)})
