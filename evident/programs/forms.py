"""Forms for programs, cohorts, members and roster uploads. Forms normalize input; services decide."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from evident.accounts.models import Organization, User
from evident.catalog.models import MicroCredential, MicroCredentialVersion, Stack
from evident.programs.models import Cohort, Program
from evident.programs.roster import ROSTER_MAX_BYTES, ROSTER_MAX_ROWS
from evident.programs.selectors import offerable_micro_credentials, offerable_stacks


class DateInput(forms.DateInput):
    input_type = "date"


class ProgramForm(forms.Form):
    title = forms.CharField(label="Title", max_length=160, help_text="e.g. Early Literacy Micro-credentials 2026–27.")
    description = forms.CharField(
        label="Description",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="What educators read about the program on their “My programs” page.",
    )
    micro_credentials = forms.ModelMultipleChoiceField(
        label="Micro-credentials offered",
        queryset=MicroCredential.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Any published micro-credential, from any issuer.",
    )
    stacks = forms.ModelMultipleChoiceField(
        label="Stacks offered",
        queryset=Stack.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Every micro-credential in a stack is offered with it.",
    )
    incentive_amount = forms.DecimalField(
        label="Incentive per credential earned",
        required=False,
        min_value=0,
        max_digits=8,
        decimal_places=2,
        help_text="e.g. a stipend of 150.00 for each credential a member earns. Leave empty for none.",
    )
    incentive_currency = forms.CharField(label="Currency", max_length=12, initial="USD", help_text="e.g. USD.")
    incentive_note = forms.CharField(
        label="Note on the incentive", max_length=200, required=False, help_text="e.g. Paid with the next payroll."
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        versions = {v.micro_credential_id: v for v in offerable_micro_credentials()}
        micro_credentials = self.fields["micro_credentials"]
        stacks = self.fields["stacks"]
        assert isinstance(micro_credentials, forms.ModelMultipleChoiceField)  # noqa: S101  # narrows for mypy
        assert isinstance(stacks, forms.ModelMultipleChoiceField)  # noqa: S101  # narrows for mypy
        micro_credentials.queryset = MicroCredential.objects.filter(pk__in=list(versions)).select_related(
            "organization", "live_version"
        )
        micro_credentials.label_from_instance = lambda obj: _label(versions.get(obj.pk), obj)  # type: ignore[method-assign]  # a per-form label
        stacks.queryset = offerable_stacks()
        stacks.label_from_instance = lambda obj: f"{obj.title} ({obj.organization.name})"  # type: ignore[method-assign]  # a per-form label

    def clean_incentive_currency(self) -> str:
        value: str = self.cleaned_data["incentive_currency"].strip().upper()
        if len(value) != 3 or not value.isalpha():
            raise ValidationError("Write the currency as its three-letter code, e.g. USD.", code="currency")
        return value

    @classmethod
    def initial_for(cls, program: Program) -> dict[str, Any]:
        return {
            "title": program.title,
            "description": program.description,
            "micro_credentials": list(program.micro_credentials.all()),
            "stacks": list(program.stacks.all()),
            "incentive_amount": program.incentive_amount,
            "incentive_currency": program.incentive_currency,
            "incentive_note": program.incentive_note,
        }


def _label(version: MicroCredentialVersion | None, mc: MicroCredential) -> str:
    title = version.title if version else mc.slug
    return f"{title} ({mc.organization.name})"


class CohortForm(forms.Form):
    name = forms.CharField(label="Name", max_length=120, help_text="e.g. Fall 2026, or Maple Street teachers.")
    starts_on = forms.DateField(label="Starts on", widget=DateInput)
    ends_on = forms.DateField(label="Ends on", widget=DateInput)
    deadline = forms.DateField(
        label="Deadline",
        widget=DateInput,
        help_text="The day members should have earned the program's credentials by. "
        "It must fall within the cohort's dates; members see it on their work.",
    )

    @classmethod
    def initial_for(cls, cohort: Cohort) -> dict[str, Any]:
        return {
            "name": cohort.name,
            "starts_on": cohort.starts_on,
            "ends_on": cohort.ends_on,
            "deadline": cohort.deadline,
        }


class CoachesForm(forms.Form):
    coaches = forms.ModelMultipleChoiceField(
        label="Coaches of this cohort",
        queryset=User.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="People with the coach role in the program's organization or its schools.",
    )

    def __init__(self, *args: Any, candidates: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["coaches"]
        assert isinstance(field, forms.ModelMultipleChoiceField)  # noqa: S101  # narrows for mypy
        field.queryset = candidates
        field.label_from_instance = lambda obj: f"{obj.display_name} ({obj.email})"  # type: ignore[method-assign]  # a per-form label


class MemberAddForm(forms.Form):
    full_name = forms.CharField(label="Name", max_length=150)
    email = forms.EmailField(label="Email", max_length=254)
    school = forms.ModelChoiceField(label="School", queryset=Organization.objects.none(), required=False)
    coach = forms.ModelChoiceField(label="Coach", queryset=User.objects.none(), required=False, empty_label="None")

    def __init__(self, *args: Any, schools: list[Organization], coaches: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        school = self.fields["school"]
        coach = self.fields["coach"]
        assert isinstance(school, forms.ModelChoiceField)  # noqa: S101  # narrows for mypy
        assert isinstance(coach, forms.ModelChoiceField)  # noqa: S101  # narrows for mypy
        school.queryset = Organization.objects.filter(pk__in=[s.pk for s in schools]).order_by("name")
        coach.queryset = coaches
        coach.label_from_instance = lambda obj: f"{obj.display_name} ({obj.email})"  # type: ignore[method-assign]  # a per-form label

    def clean_email(self) -> str:
        return str(self.cleaned_data["email"]).strip().lower()


class MemberEditForm(forms.Form):
    cohort = forms.ModelChoiceField(label="Cohort", queryset=Cohort.objects.none(), empty_label=None)
    school = forms.ModelChoiceField(label="School", queryset=Organization.objects.none(), required=False)
    coach = forms.ModelChoiceField(label="Coach", queryset=User.objects.none(), required=False, empty_label="None")

    def __init__(self, *args: Any, program: Program, schools: list[Organization], coaches: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cohort = self.fields["cohort"]
        school = self.fields["school"]
        coach = self.fields["coach"]
        assert isinstance(cohort, forms.ModelChoiceField)  # noqa: S101  # narrows for mypy
        assert isinstance(school, forms.ModelChoiceField)  # noqa: S101  # narrows for mypy
        assert isinstance(coach, forms.ModelChoiceField)  # noqa: S101  # narrows for mypy
        cohort.queryset = program.cohorts.all()
        school.queryset = Organization.objects.filter(pk__in=[s.pk for s in schools]).order_by("name")
        coach.queryset = coaches


class RosterUploadForm(forms.Form):
    file = forms.FileField(
        label="Roster file (CSV)",
        allow_empty_file=False,
        help_text=(
            f"A CSV file of at most {ROSTER_MAX_BYTES // (1024 * 1024)} MB and {ROSTER_MAX_ROWS:,} lines, "
            "UTF-8 or saved from Excel. The first line names the columns: name, email, school, cohort "
            "and, if you like, coach (the coach's email)."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > ROSTER_MAX_BYTES:
            raise ValidationError(
                f"The file is larger than {ROSTER_MAX_BYTES // (1024 * 1024)} MB. Split it into smaller files.",
                code="too_large",
            )
        return upload
