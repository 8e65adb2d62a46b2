"""Inviting people, and accepting an invitation from its emailed link."""

from __future__ import annotations

from uuid import UUID

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from evident.accounts import services
from evident.accounts.forms import InvitationForm, InvitationSignupForm
from evident.accounts.http import EvidentRequest
from evident.accounts.invitations import invitation_from_token
from evident.accounts.middleware import ACTIVE_ORGANIZATION_SESSION_KEY
from evident.accounts.permissions import Need, access_invitation, access_organization
from evident.accounts.selectors import user_exists
from evident.accounts.views.members import render_member_page
from evident.accounts.views.util import apply_validation_error


@require_POST
def invitation_create(request: EvidentRequest, organization_uuid: UUID) -> HttpResponse:
    organization = access_organization(request.user, organization_uuid, Need.MANAGE_MEMBERS)
    form = InvitationForm(request.POST, organization=organization)
    if form.is_valid():
        try:
            invitation = services.invitation_create(
                actor=request.user,
                organization=organization,
                email=form.cleaned_data["email"],
                roles=form.cleaned_data["roles"],
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, f"Invitation sent to {invitation.email}.")
            return redirect("accounts:member-list", organization_uuid=organization.uuid)
    # Re-render the whole page with the form's errors and what was typed.
    return render_member_page(request, organization, form, status=422)


@require_POST
def invitation_resend(request: EvidentRequest, organization_uuid: UUID, invitation_uuid: UUID) -> HttpResponse:
    invitation = access_invitation(request.user, organization_uuid, invitation_uuid)
    try:
        services.invitation_resend(actor=request.user, invitation=invitation)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, f"A new invitation link was sent to {invitation.email}.")
    return redirect("accounts:member-list", organization_uuid=organization_uuid)


@require_POST
def invitation_revoke(request: EvidentRequest, organization_uuid: UUID, invitation_uuid: UUID) -> HttpResponse:
    invitation = access_invitation(request.user, organization_uuid, invitation_uuid)
    try:
        services.invitation_revoke(actor=request.user, invitation=invitation)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, f"The invitation to {invitation.email} was withdrawn.")
    return redirect("accounts:member-list", organization_uuid=organization_uuid)


@login_not_required
@require_http_methods(["GET", "POST"])
def invitation_accept(request: EvidentRequest, token: str) -> HttpResponse:
    """The page behind the emailed link.

    Signed in with the invited address: one button joins. Not signed in and
    no account yet: a short form creates the account and joins. Anything
    else says plainly what to do.
    """
    invitation = invitation_from_token(token)
    if invitation is None:
        return render(request, "accounts/invitation_invalid.html", status=404)
    problem = ""
    try:
        services.check_invitation_acceptable(invitation)
    except ValidationError as exc:
        problem = " ".join(exc.messages)
    context: dict[str, object] = {"invitation": invitation, "problem": problem, "token": token}
    if problem:
        return render(request, "accounts/invitation_accept.html", context, status=410)

    if request.user.is_authenticated:
        if request.method == "POST":
            try:
                services.invitation_accept(user=request.user, invitation=invitation)
            except ValidationError as exc:
                context["problem"] = " ".join(exc.messages)
                return render(request, "accounts/invitation_accept.html", context, status=422)
            request.session[ACTIVE_ORGANIZATION_SESSION_KEY] = str(invitation.organization.uuid)
            messages.success(request, f"Welcome to {invitation.organization.name}.")
            return redirect("accounts:dashboard")
        return render(request, "accounts/invitation_accept.html", context)

    context["has_account"] = user_exists(invitation.email)
    form = InvitationSignupForm(request.POST or None, email=invitation.email)
    context["form"] = form
    if request.method == "POST" and not context["has_account"] and form.is_valid():
        try:
            user = services.user_create_from_invitation(
                invitation=invitation,
                full_name=form.cleaned_data["full_name"],
                password=form.cleaned_data["password1"],
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            request.session[ACTIVE_ORGANIZATION_SESSION_KEY] = str(invitation.organization.uuid)
            messages.success(request, f"Your account is ready. Welcome to {invitation.organization.name}.")
            return redirect("accounts:dashboard")
    return render(request, "accounts/invitation_accept.html", context, status=422 if form.errors else 200)
