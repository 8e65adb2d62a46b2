"""Quality review: platform quality reviewers run the stress test on submitted
versions, criterion by criterion, and approve (which publishes) or send them
back with comments."""

from __future__ import annotations

from uuid import UUID

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from evident.accounts.http import EvidentRequest
from evident.catalog import services
from evident.catalog.models import QualityReview
from evident.catalog.permissions import CatalogNeed, access_version, is_quality_reviewer
from evident.catalog.selectors import quality_queue, version_full


@require_GET
def queue(request: EvidentRequest) -> HttpResponse:
    if not is_quality_reviewer(request.user):
        raise PermissionDenied("Only platform quality reviewers see the quality review queue.")
    return render(request, "catalog/quality_queue.html", {"section": "quality", "versions": quality_queue()})


@require_http_methods(["GET", "POST"])
def review(request: EvidentRequest, uuid: UUID) -> HttpResponse:
    version = access_version(request.user, uuid, CatalogNeed.QUALITY_REVIEW)
    criteria = QualityReview.Criterion.choices
    entered = {
        value: {
            "verdict": request.POST.get(f"verdict-{value}", ""),
            "comment": request.POST.get(f"comment-{value}", ""),
        }
        for value, _ in criteria
    }
    error = ""
    if request.method == "POST":
        missing = [label for value, label in criteria if entered[value]["verdict"] not in {"meets", "not_yet"}]
        if missing:
            error = "Give a verdict on every criterion: " + "; ".join(missing) + "."
        else:
            verdicts = {
                value: {"meets": data["verdict"] == "meets", "comment": data["comment"]}
                for value, data in entered.items()
            }
            try:
                outcome = services.version_review(
                    actor=request.user, version=version, verdicts=verdicts, comment=request.POST.get("comment", "")
                )
            except ValidationError as exc:
                error = " ".join(exc.messages)
            else:
                if outcome.outcome == QualityReview.Outcome.APPROVED:
                    messages.success(request, f"“{version.title}” is approved and now in the catalog.")
                else:
                    messages.success(request, f"“{version.title}” went back to its authors with your comments.")
                return redirect("catalog:quality-queue")
    return render(
        request,
        "catalog/quality_review.html",
        {
            "section": "quality",
            "version": version_full(version),
            "criteria": [(value, label, entered[value]) for value, label in criteria],
            "comment": request.POST.get("comment", ""),
            "error": error,
        },
        status=422 if error else 200,
    )
