"""An educator's credentials, their public profile's settings, and the public profile itself."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from evident.accounts.http import EvidentRequest
from evident.accounts.views.util import apply_validation_error
from evident.credentials.forms_profile import ProfileSettingsForm
from evident.credentials.profiles import profile_get_or_create, profile_update
from evident.credentials.selectors import award_list, public_award_list, public_profile_get


@require_GET
def my_credentials(request: EvidentRequest) -> HttpResponse:
    profile = profile_get_or_create(educator=request.user)
    return render(
        request,
        "credentials/my_credentials.html",
        {
            "section": "credentials",
            "awards": list(award_list(request.user)),
            "profile": profile,
            "profile_url": settings.BASE_URL + profile.get_absolute_url(),
        },
    )


@require_http_methods(["GET", "POST"])
def profile_settings(request: EvidentRequest) -> HttpResponse:
    profile = profile_get_or_create(educator=request.user)
    form = ProfileSettingsForm.for_profile(profile, request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            profile = profile_update(
                actor=request.user,
                profile=profile,
                slug=form.cleaned_data["slug"],
                headline=form.cleaned_data["headline"],
                is_public=form.cleaned_data["is_public"],
                allow_indexing=form.cleaned_data["allow_indexing"],
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(
                request,
                "Your profile is public: anyone with its address can see it."
                if profile.is_public
                else "Your profile is saved. It is private: only you can see it.",
            )
            return redirect("credentials:profile-settings")
    return render(
        request,
        "credentials/profile_settings.html",
        {
            "section": "credentials",
            "form": form,
            "profile": profile,
            "profile_url": settings.BASE_URL + profile.get_absolute_url(),
        },
        status=422 if form.errors else 200,
    )


@login_not_required
@require_GET
def public_profile(request: HttpRequest, slug: str) -> HttpResponse:
    profile = public_profile_get(slug, viewer=request.user)
    return render(
        request,
        "credentials/public_profile.html",
        {
            "profile": profile,
            # The full name only: display_name would fall back to the email's local part.
            "name": profile.user.full_name.strip() or "An Evident educator",
            "awards": public_award_list(profile.user),
            "is_preview": not profile.is_public,
            "is_owner": request.user.is_authenticated and profile.user_id == request.user.pk,
            "verify_base": settings.BASE_URL,
        },
    )
