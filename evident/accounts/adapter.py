"""Hooks into django-allauth: audit sign-ups, keep names on the user, link roster places at sign-in."""

from __future__ import annotations

from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.models import EmailAddress
from django.conf import settings
from django.http import HttpRequest

from evident.accounts.audit import audit_record
from evident.accounts.models import User
from evident.programs.services import cohort_members_link


class AccountAdapter(DefaultAccountAdapter):  # type: ignore[misc]  # allauth ships no type hints
    def is_open_for_signup(self, request: HttpRequest) -> bool:
        return bool(getattr(settings, "ACCOUNT_ALLOW_SIGNUP", True))

    def save_user(self, request: HttpRequest, user: Any, form: Any, commit: bool = True) -> User:
        saved: User = super().save_user(request, user, form, commit=False)
        saved.full_name = form.cleaned_data.get("full_name", "").strip()
        if commit:
            saved.full_clean(exclude=["password"])
            saved.save()
            audit_record(
                actor=saved, organization=None, action="user.signed_up", target=saved, data={"via": "sign-up form"}
            )
        return saved

    def login(self, request: HttpRequest, user: User) -> None:
        super().login(request, user)
        # A program may have rostered this address before the account existed;
        # only a verified address proves the places are theirs.
        if EmailAddress.objects.filter(user=user, email__iexact=user.email, verified=True).exists():
            cohort_members_link(user=user)
