"""The catalog's search and filter form: normalizes whatever arrives in the URL."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms

from evident.accounts.forms import set_choices
from evident.catalog.models import GradeBand
from evident.catalog.selectors import SORTS, CatalogFilters


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
