"""Forms for earning: what the educator sends, normalized before any service sees it."""

from __future__ import annotations

from typing import Any

from django import forms

from evident.accounts.forms import set_choices
from evident.accounts.models import Organization, User


class StartForm(forms.Form):
    organization = forms.ChoiceField(label="Enrol through", required=False)

    def __init__(self, *args: Any, organizations: list[Organization], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.organizations = {str(o.uuid): o for o in organizations}
        set_choices(self.fields["organization"], [(key, o.name) for key, o in self.organizations.items()])

    def clean_organization(self) -> Organization | None:
        value = self.cleaned_data.get("organization") or ""
        if not value:
            return None
        return self.organizations[value]


class EvidenceTextForm(forms.Form):
    """Autosave of a written response or a link. Either field may be absent."""

    text = forms.CharField(required=False, strip=False, max_length=50_000)
    link = forms.CharField(required=False, max_length=500)

    def values(self) -> dict[str, str | None]:
        return {name: self.cleaned_data.get(name) if name in self.data else None for name in ("text", "link")}


class EvidenceUploadForm(forms.Form):
    file = forms.FileField(label="Choose a file", allow_empty_file=False)


class SubmitForm(forms.Form):
    consent = forms.BooleanField(
        required=False,
        label="I confirm the statement above about consent and students' privacy.",
    )
    coaching_note = forms.CharField(
        required=False,
        max_length=2000,
        label="Your coaching conversation",
        help_text="When you talked it through, and with whom.",
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ShareForm(forms.Form):
    coach = forms.ChoiceField(label="Coach")
    action = forms.ChoiceField(choices=[("share", "Share"), ("unshare", "Stop sharing")])

    def __init__(self, *args: Any, coaches: list[User], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.coaches = {str(c.uuid): c for c in coaches}
        set_choices(self.fields["coach"], [(key, c.display_name) for key, c in self.coaches.items()])

    def clean_coach(self) -> User:
        return self.coaches[self.cleaned_data["coach"]]


class CommentForm(forms.Form):
    body = forms.CharField(label="Your comment", max_length=5000, widget=forms.Textarea(attrs={"rows": 3}))
    requirement = forms.UUIDField(required=False, widget=forms.HiddenInput)


class RetentionForm(forms.Form):
    evidence_retention_days = forms.IntegerField(
        label="Keep evidence media for (days after the final decision)",
        min_value=30,
        max_value=3650,
        help_text="Videos, documents and images are then deleted. Scores, feedback and credentials stay.",
    )
