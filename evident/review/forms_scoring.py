"""Forms for scoring: what a reviewer sends, normalized before any service sees it."""

from __future__ import annotations

from django import forms

from evident.review.models import Assignment


class ClaimForm(forms.Form):
    role = forms.ChoiceField(choices=Assignment.Role.choices, required=False)

    def clean_role(self) -> str:
        return self.cleaned_data.get("role") or Assignment.Role.FIRST


class ScoreForm(forms.Form):
    level = forms.IntegerField(required=False, min_value=1)
    feedback = forms.CharField(required=False, strip=False, max_length=10_000)


class NoteForm(forms.Form):
    file = forms.UUIDField(widget=forms.HiddenInput)
    seconds = forms.FloatField(min_value=0, widget=forms.HiddenInput)
    text = forms.CharField(label="Note at this moment", max_length=1000)
