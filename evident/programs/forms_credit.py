"""Forms for credit rules, an organization's choice of rule, and an educator's renewal cycle."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import QuerySet

from evident.accounts.models import Organization
from evident.programs.credit_services import RuleInput
from evident.programs.models import CreditRule

JURISDICTION = re.compile(r"^[A-Z]{2}(-[A-Z0-9]{1,3})?$")


class DateInput(forms.DateInput):
    input_type = "date"


class CreditRuleForm(forms.Form):
    jurisdiction = forms.CharField(
        max_length=10, help_text="Its ISO 3166-2 code: US-TN for Tennessee, US-NC for North Carolina."
    )
    jurisdiction_name = forms.CharField(max_length=80, label="Jurisdiction's name", help_text="e.g. Tennessee.")
    name = forms.CharField(max_length=160, label="Rule's name", help_text="e.g. Riverbend PD credit.")
    unit = forms.ChoiceField(choices=CreditRule.Unit.choices)
    unit_label = forms.CharField(
        max_length=40, label="Unit as printed", help_text="How the unit reads on a transcript, e.g. PDPs."
    )
    basis = forms.ChoiceField(
        choices=CreditRule.Basis.choices, widget=forms.RadioSelect, label="How a credential earns credit"
    )
    amount = forms.DecimalField(
        max_digits=7,
        decimal_places=2,
        help_text="Per credential, or per PD hour the credential offers (0.1 CEU per hour is 0.1).",
    )
    cap_per_cycle = forms.DecimalField(
        max_digits=7,
        decimal_places=2,
        required=False,
        label="Cap per cycle",
        help_text="The most credit micro-credentials may earn in one cycle. Blank for no cap.",
    )
    cycle_years = forms.IntegerField(min_value=1, max_value=10, label="Cycle length (years)")
    renewal_requirement = forms.DecimalField(
        max_digits=7,
        decimal_places=2,
        required=False,
        help_text="Credit needed in a cycle to renew. Blank if the rule only counts.",
    )
    counted_issuers = forms.ModelMultipleChoiceField(
        queryset=Organization.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Issuers that count",
        help_text="Choose none to count every issuer.",
    )
    source_title = forms.CharField(max_length=200, required=False, label="Source's title")
    source_url = forms.URLField(required=False, label="Source's address", assume_scheme="https")
    notes = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="The rule in plain words, as educators will read it.",
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        issuers = self.fields["counted_issuers"]
        assert isinstance(issuers, forms.ModelMultipleChoiceField)  # noqa: S101  # narrows the type for mypy
        issuers.queryset = Organization.objects.filter(issues_credentials=True).order_by("name")

    def clean_jurisdiction(self) -> str:
        value = str(self.cleaned_data["jurisdiction"]).strip().upper()
        if not JURISDICTION.match(value):
            raise ValidationError("Use a code such as US-TN (country, then state).", code="bad_jurisdiction")
        return value

    def clean_amount(self) -> Decimal:
        value: Decimal = self.cleaned_data["amount"]
        if value <= 0:
            raise ValidationError("A credential must earn more than 0.", code="not_positive")
        return value

    def clean_cap_per_cycle(self) -> Decimal | None:
        value: Decimal | None = self.cleaned_data.get("cap_per_cycle")
        if value is not None and value <= 0:
            raise ValidationError("A cap must be more than 0; leave it blank for no cap.", code="not_positive")
        return value

    def clean_renewal_requirement(self) -> Decimal | None:
        value: Decimal | None = self.cleaned_data.get("renewal_requirement")
        if value is not None and value <= 0:
            raise ValidationError("The requirement must be more than 0, or blank.", code="not_positive")
        return value

    def rule_input(self) -> RuleInput:
        data = self.cleaned_data
        return RuleInput(
            jurisdiction=data["jurisdiction"],
            jurisdiction_name=data["jurisdiction_name"].strip(),
            name=data["name"].strip(),
            unit=data["unit"],
            unit_label=data["unit_label"].strip(),
            basis=data["basis"],
            amount=data["amount"],
            cap_per_cycle=data.get("cap_per_cycle"),
            cycle_years=data["cycle_years"],
            renewal_requirement=data.get("renewal_requirement"),
            source_title=data.get("source_title", "").strip(),
            source_url=data.get("source_url", ""),
            notes=data.get("notes", "").strip(),
        )

    @staticmethod
    def initial_from(rule: CreditRule, *, name: str | None = None) -> dict[str, Any]:
        initial: dict[str, Any] = {
            "jurisdiction": rule.jurisdiction,
            "jurisdiction_name": rule.jurisdiction_name,
            "name": name or rule.name,
            "unit": rule.unit,
            "unit_label": rule.unit_label,
            "basis": rule.basis,
            "amount": rule.amount,
            "cap_per_cycle": rule.cap_per_cycle,
            "cycle_years": rule.cycle_years,
            "renewal_requirement": rule.renewal_requirement,
            "source_title": rule.source_title,
            "source_url": rule.source_url,
            "notes": rule.notes,
        }
        if rule.pk:
            initial["counted_issuers"] = list(rule.counted_issuers.all())
        return initial


class OrganizationRuleChoiceField(forms.ModelChoiceField):  # type: ignore[type-arg]  # the stubs' generic is optional at runtime
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.name} (yours)" if obj.organization_id is not None else str(obj.name)


class JurisdictionRuleChoiceField(forms.ModelChoiceField):  # type: ignore[type-arg]  # the stubs' generic is optional at runtime
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.jurisdiction_name}: {obj.name}"


class OrganizationRuleForm(forms.Form):
    rule = OrganizationRuleChoiceField(
        queryset=CreditRule.objects.none(),
        required=False,
        empty_label="None: follow the organization above, if any",
        to_field_name="uuid",
        label="Rule for this organization's educators",
    )

    def __init__(self, *args: Any, rules: QuerySet[CreditRule], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["rule"]
        assert isinstance(field, forms.ModelChoiceField)  # noqa: S101  # narrows the type for mypy
        field.queryset = rules


class RenewalCycleForm(forms.Form):
    starts_on = forms.DateField(
        widget=DateInput, label="Your current cycle began on", help_text="Your license's effective or renewal date."
    )


class ChooseJurisdictionForm(forms.Form):
    rule = JurisdictionRuleChoiceField(
        queryset=CreditRule.objects.none(), label="Your state's rule", empty_label=None, to_field_name="uuid"
    )
    starts_on = forms.DateField(
        widget=DateInput, label="Your current cycle began on", help_text="Your license's effective or renewal date."
    )

    def __init__(self, *args: Any, rules: QuerySet[CreditRule], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["rule"]
        assert isinstance(field, forms.ModelChoiceField)  # noqa: S101  # narrows the type for mypy
        field.queryset = rules
