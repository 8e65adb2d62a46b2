"""An organization admin sets how long evidence media are kept."""

from __future__ import annotations

from uuid import UUID

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from evident.accounts.http import EvidentRequest
from evident.accounts.permissions import Need, access_organization
from evident.earning import services
from evident.earning.forms import RetentionForm
from evident.earning.selectors import retention_days


@require_http_methods(["GET", "POST"])
def retention_edit(request: EvidentRequest, organization_uuid: UUID) -> HttpResponse:
    organization = access_organization(request.user, organization_uuid, Need.MANAGE_ORGANIZATION)
    current = retention_days(organization)
    form = RetentionForm(request.POST or None, initial={"evidence_retention_days": current})
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.retention_policy_set(
                    actor=request.user, organization=organization, days=form.cleaned_data["evidence_retention_days"]
                )
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(request, "The retention period was saved.")
                return redirect("earning:retention-edit", organization_uuid=organization.uuid)
        status = 422
    return render(
        request,
        "earning/retention_edit.html",
        {
            "section": "organization",
            "organization": organization,
            "form": form,
            "current": current,
            "platform_default": settings.EARNING_DEFAULT_RETENTION_DAYS,
        },
        status=status,
    )
