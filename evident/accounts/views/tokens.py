"""Personal access tokens and organization API keys: create (shown once), list, revoke."""

from __future__ import annotations

from uuid import UUID

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from evident.accounts import services
from evident.accounts.forms import ApiKeyForm, ApiTokenForm
from evident.accounts.http import EvidentRequest
from evident.accounts.models import ApiToken
from evident.accounts.permissions import Need, access_api_token, access_organization
from evident.accounts.selectors import api_key_list as select_api_keys
from evident.accounts.selectors import api_token_list_for_user
from evident.accounts.views.util import apply_validation_error


@never_cache
@require_http_methods(["GET", "POST"])
def api_token_list(request: EvidentRequest) -> HttpResponse:
    form = ApiTokenForm(request.POST or None)
    new_secret = ""
    if request.method == "POST" and form.is_valid():
        try:
            _, new_secret = services.api_token_create_personal(
                actor=request.user, name=form.cleaned_data["name"], read_only=form.cleaned_data["read_only"]
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            form = ApiTokenForm()
    return render(
        request,
        "accounts/api_token_list.html",
        {"section": "tokens", "form": form, "tokens": api_token_list_for_user(request.user), "new_secret": new_secret},
        status=422 if form.errors else 200,
    )


@require_POST
def api_token_revoke(request: EvidentRequest, token_uuid: UUID) -> HttpResponse:
    token = access_api_token(request.user, token_uuid)
    if token.kind != ApiToken.Kind.PERSONAL:
        raise Http404("No such token.")
    services.api_token_revoke(actor=request.user, token=token)
    messages.success(request, f"Token “{token.name}” was revoked. Anything using it stops working now.")
    return redirect("accounts:api-token-list")


@never_cache
@require_http_methods(["GET", "POST"])
def api_key_list(request: EvidentRequest, organization_uuid: UUID) -> HttpResponse:
    organization = access_organization(request.user, organization_uuid, Need.MANAGE_API_KEYS)
    form = ApiKeyForm(request.POST or None, organization=organization)
    new_secret = ""
    if request.method == "POST" and form.is_valid():
        try:
            _, new_secret = services.api_key_create(
                actor=request.user,
                organization=organization,
                name=form.cleaned_data["name"],
                roles=form.cleaned_data["roles"],
                read_only=form.cleaned_data["read_only"],
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            form = ApiKeyForm(organization=organization)
    return render(
        request,
        "accounts/api_key_list.html",
        {
            "section": "api-keys",
            "organization": organization,
            "form": form,
            "keys": select_api_keys(organization),
            "new_secret": new_secret,
        },
        status=422 if form.errors else 200,
    )


@require_POST
def api_key_revoke(request: EvidentRequest, organization_uuid: UUID, token_uuid: UUID) -> HttpResponse:
    organization = access_organization(request.user, organization_uuid, Need.MANAGE_API_KEYS)
    token = access_api_token(request.user, token_uuid)
    if token.organization_id != organization.pk:
        raise Http404("No such API key.")
    services.api_token_revoke(actor=request.user, token=token)
    messages.success(request, f"API key “{token.name}” was revoked. Anything using it stops working now.")
    return redirect("accounts:api-key-list", organization_uuid=organization.uuid)
