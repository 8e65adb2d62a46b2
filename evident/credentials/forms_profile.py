"""The educator's public profile settings."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError

from evident.accounts.models import User
from evident.credentials.models import PublicProfile, validate_profile_slug
from evident.credentials.profiles import HEADLINE_MAX, profile_slug_normalize, profile_slug_taken


class ProfileSettingsForm(forms.Form):
    slug = forms.CharField(
        label="Address",
        max_length=60,
        help_text="",  # set per request: shows the whole address
    )
    headline = forms.CharField(
        label="Headline (optional)",
        required=False,
        max_length=HEADLINE_MAX,
        help_text="One line under your name, for example “Grade 3 teacher, Lincoln Elementary”.",
    )
    is_public = forms.BooleanField(
        label="Make my profile public",
        required=False,
        help_text="Anyone with the address sees your name, your headline and the credentials you made public. "
        "Never your email.",
    )
    allow_indexing = forms.BooleanField(
        label="Let search engines list my profile",
        required=False,
        help_text="Off: only people you give the address to find it. On: it may appear in search results for "
        "your name.",
    )

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["slug"].help_text = (
            f"Your profile’s address is {settings.BASE_URL}/people/<em>address</em>/. "
            "Lowercase letters, digits and hyphens."
        )

    @classmethod
    def for_profile(cls, profile: PublicProfile, data: Any = None) -> ProfileSettingsForm:
        initial = {
            "slug": profile.slug,
            "headline": profile.headline,
            "is_public": profile.is_public,
            "allow_indexing": profile.allow_indexing,
        }
        return cls(data, initial=initial, user=profile.user)

    def clean_slug(self) -> str:
        slug = profile_slug_normalize(self.cleaned_data["slug"])
        validate_profile_slug(slug)
        if profile_slug_taken(slug, exclude_user=self.user):
            raise ValidationError("Someone already uses this address. Choose another.", code="slug_taken")
        return slug

    def clean_headline(self) -> str:
        return " ".join(str(self.cleaned_data["headline"]).split())
