"""What an issuing organization's admins do with credentials: see what it issued, revoke, rotate its key.

Every page is for the organization admins of an issuing organization
(``issued.access_issuer``): a stranger gets 404, a member without the role or
the admin of an organization that issues nothing gets 403.
"""

from __future__ import annotations

from uuid import UUID

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from evident.accounts.http import EvidentRequest
from evident.credentials import services
from evident.credentials.did import issuer_did
from evident.credentials.forms_manage import IssuedSearchForm, RevokeForm, RotateKeyForm
from evident.credentials.issued import (
    access_issued_award,
    access_issuer,
    award_status,
    issued_award_list,
    issuer_key_list,
    issuer_status_list_list,
)

PAGE_SIZE = 50


@require_http_methods(["GET"])
def issued_list(request: EvidentRequest, organization_uuid: UUID) -> HttpResponse:
    organization = access_issuer(request.user, organization_uuid)
    form = IssuedSearchForm(request.GET)
    query, status = form.filters()
    page = Paginator(issued_award_list(organization, query=query, status=status), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    context = {
        "section": "organization",
        "organization": organization,
        "form": form,
        "page": page,
        "rows": [(award, award_status(award)) for award in page.object_list],
        "filtered": bool(query or status),
    }
    template = "credentials/issued_list.html#results" if request.htmx else "credentials/issued_list.html"
    return render(request, template, context)


@require_http_methods(["GET", "POST"])
def award_revoke(request: EvidentRequest, organization_uuid: UUID, uuid: UUID) -> HttpResponse:
    organization, award = access_issued_award(request.user, organization_uuid, uuid)
    back = reverse("credentials:issued-list", kwargs={"organization_uuid": organization.uuid})
    if award.is_revoked:
        if request.method == "POST":
            # A second click, or two admins at once: nothing changes and no second email goes out.
            messages.info(request, f"“{award.title}” for {award.educator.display_name} was already revoked.")
            return redirect(request.path)
        return render(
            request,
            "credentials/award_revoke.html",
            {"section": "organization", "organization": organization, "award": award, "back": back},
        )
    form = RevokeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            revoked = services.award_revoke(actor=request.user, award=award, reason=form.cleaned_data["reason"])
        except ValidationError as exc:
            form.add_error("reason", exc)
        else:
            messages.success(
                request,
                f"“{revoked.title}” for {revoked.educator.display_name} is revoked. Anyone who checks it now sees "
                "“revoked”, and the educator has been told by email.",
            )
            return redirect(back)
    return render(
        request,
        "credentials/award_revoke.html",
        {"section": "organization", "organization": organization, "award": award, "form": form, "back": back},
        status=422 if form.errors else 200,
    )


@require_http_methods(["GET", "POST"])
def issuer_keys(request: EvidentRequest, organization_uuid: UUID) -> HttpResponse:
    organization = access_issuer(request.user, organization_uuid)
    keys = issuer_key_list(organization)
    form = RotateKeyForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        if not keys:
            form.add_error(
                None,
                ValidationError(
                    "There is no key to rotate yet: the first one is made when the first credential is issued.",
                    code="no_key",
                ),
            )
        else:
            try:
                key = services.issuer_key_rotate(actor=request.user, organization=organization)
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(
                    request,
                    f"New credentials are now signed with {key.fragment}. The retired {keys[0].fragment} stays in "
                    "the DID document, so every credential it signed still verifies.",
                )
                return redirect(request.path)
    did_path = reverse("credentials:did-document", kwargs={"slug": organization.slug})
    return render(
        request,
        "credentials/issuer_keys.html",
        {
            "section": "organization",
            "organization": organization,
            "did": issuer_did(organization),
            "did_url": settings.BASE_URL + did_path,
            "keys": keys,
            "status_lists": [
                (status_list, settings.BASE_URL + status_list.get_absolute_url())
                for status_list in issuer_status_list_list(organization)
            ],
            "form": form,
        },
        status=422 if form.errors else 200,
    )
