"""The catalog's search and filter form: normalizes whatever arrives in the URL."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms

from evident.accounts.forms import set_choices
from evident.catalog.models import GradeBand, MicroCredential
from evident.catalog.selectors import SORTS, CatalogFilters, stackable_micro_credentials


class CatalogFilterForm(forms.Form):
    q = forms.CharField(label="Search", required=False, max_length=200)
    subject = forms.ChoiceField(label="Subject", required=False)
    grade = forms.ChoiceField(label="Grade band", required=False, choices=[("", "Any grade")] + GradeBand.choices)
    issuer = forms.ChoiceField(label="Issuer", required=False)
    stack = forms.ChoiceField(label="Stack", required=False)
    min_pd = forms.DecimalField(
        label="At least PD hours", required=False, min_value=Decimal("0"), max_digits=5, decimal_places=1
    )
    max_effort = forms.DecimalField(
        label="At most hours of effort", required=False, min_value=Decimal("0"), max_digits=5, decimal_places=1
    )
    sort = forms.ChoiceField(label="Sort by", required=False, choices=list(SORTS.items()))

    def __init__(self, *args: Any, options: dict[str, Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_choices(self.fields["subject"], [("", "Any subject")] + [(s, s) for s in options["subjects"]])
        set_choices(self.fields["issuer"], [("", "Any issuer"), *options["issuers"]])
        set_choices(self.fields["stack"], [("", "Any stack"), *options["stacks"]])

    def filters(self) -> CatalogFilters:
        """The valid part of the request; invalid values are dropped (and shown as errors)."""
        self.is_valid()  # fills cleaned_data with the fields that are valid
        data = self.cleaned_data
        return CatalogFilters(
            query=data.get("q") or "",
            subject=data.get("subject") or "",
            grade_band=data.get("grade") or "",
            issuer=data.get("issuer") or "",
            stack=data.get("stack") or "",
            min_pd_hours=data.get("min_pd"),
            max_effort_hours=data.get("max_effort"),
            sort=data.get("sort") or "relevance",
        )


class StackForm(forms.Form):
    title = forms.CharField(label="Title", max_length=160)
    description = forms.CharField(label="Description", widget=forms.Textarea(attrs={"rows": 3}))
    micro_credentials = forms.ModelMultipleChoiceField(
        label="Micro-credentials, in order",
        queryset=MicroCredential.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text="Tick them in the order educators should earn them; give each a position below to reorder.",
    )
    required_count = forms.IntegerField(
        label="How many must be earned",
        required=False,
        min_value=1,
        help_text="Leave empty when every micro-credential is required.",
    )
    capstone = forms.ModelChoiceField(
        label="Capstone", queryset=MicroCredential.objects.none(), required=False, empty_label="No capstone"
    )
    badge_color = forms.CharField(label="Badge colour", max_length=7, widget=forms.TextInput(attrs={"type": "color"}))
    is_published = forms.BooleanField(label="Show in the catalog", required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = stackable_micro_credentials()
        self.fields["micro_credentials"].queryset = choices  # type: ignore[attr-defined]  # ModelMultipleChoiceField
        self.fields["micro_credentials"].label_from_instance = lambda mc: (  # type: ignore[attr-defined]
            f"{mc.live_version.title} ({mc.organization.name})"
        )
        self.fields["capstone"].queryset = choices  # type: ignore[attr-defined]  # ModelChoiceField
        self.fields["capstone"].label_from_instance = lambda mc: mc.live_version.title  # type: ignore[attr-defined]

    def ordered(self, data: Any) -> list[MicroCredential]:
        chosen = list(self.cleaned_data["micro_credentials"])

        def position(mc: MicroCredential) -> tuple[int, str]:
            raw = str(data.get(f"position-{mc.pk}", "")).strip()
            return (int(raw) if raw.isdigit() else 999, mc.live_version.title if mc.live_version else "")

        return sorted(chosen, key=position)
