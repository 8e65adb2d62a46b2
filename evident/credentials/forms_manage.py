"""Forms of an issuing organization's admins: searching what it issued, revoking, rotating its key."""

from __future__ import annotations

from django import forms

from evident.credentials.issued import AwardStatus

REASON_MAX_LENGTH = 300  # what Award.revoked_reason holds; the service trims to it


class IssuedSearchForm(forms.Form):
    q = forms.CharField(
        label="Educator's name or email, or title",
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    status = forms.ChoiceField(
        label="Status", required=False, choices=[("", "Any status"), *AwardStatus.choices], initial=""
    )

    def filters(self) -> tuple[str, str]:
        """The query and status to apply; a bad value (a hand-edited address) filters nothing."""
        if not self.is_valid():
            return "", ""
        return self.cleaned_data["q"].strip(), self.cleaned_data["status"]


class RevokeForm(forms.Form):
    reason = forms.CharField(
        label="Why is it revoked?",
        max_length=REASON_MAX_LENGTH,
        help_text=(
            "The educator reads this on their credential page, and so does anyone they have shared it with, so "
            f"never name a student. {REASON_MAX_LENGTH} characters at most."
        ),
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={
            "required": "Say why the credential is revoked: the educator will read it.",
            "max_length": f"Keep the reason to {REASON_MAX_LENGTH} characters (it has %(show_value)d).",
        },
    )


class RotateKeyForm(forms.Form):
    confirm = forms.BooleanField(
        label="I understand: credentials already issued keep verifying with the old key, and every new one is signed "
        "with the new key.",
        error_messages={"required": "Tick the box to confirm the rotation."},
    )
