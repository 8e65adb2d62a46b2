"""The signed-in person's own profile."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from evident.accounts import services
from evident.accounts.forms import ProfileForm
from evident.accounts.http import EvidentRequest
from evident.accounts.views.util import apply_validation_error


@require_http_methods(["GET", "POST"])
def profile(request: EvidentRequest) -> HttpResponse:
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            services.user_update_profile(actor=request.user, full_name=form.cleaned_data["full_name"])
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, "Your profile was saved.")
            return redirect("accounts:profile")
    return render(
        request, "accounts/profile.html", {"section": "profile", "form": form}, status=422 if form.errors else 200
    )
