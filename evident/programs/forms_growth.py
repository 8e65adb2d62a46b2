"""Forms for growth plans and goals: input normalized before the services see it."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.core.exceptions import ValidationError

from evident.accounts.forms import set_choices
from evident.accounts.models import Organization, User
from evident.catalog.models import MicroCredential
from evident.programs.growth import school_year_choices
from evident.programs.models import FrameworkComponent, GrowthGoal


class PlanForm(forms.Form):
    title = forms.CharField(
        label="Title", max_length=160, help_text="For example: Questioning and discussion in second grade."
    )
    school_year = forms.ChoiceField(label="School year")
    organization = forms.ChoiceField(label="Where you work")
    supervisor = forms.ChoiceField(
        label="Your supervisor",
        required=False,
        help_text="An admin or coach of your school or district. They will see the plan and can edit it with you.",
    )

    def __init__(
        self,
        *args: Any,
        organizations: list[Organization],
        candidates: dict[Organization, list[User]],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        set_choices(self.fields["school_year"], [(y, y) for y in school_year_choices()])
        self.organizations = {str(o.uuid): o for o in organizations}
        set_choices(self.fields["organization"], [(key, o.name) for key, o in self.organizations.items()])
        self.candidates = candidates
        people: dict[str, User] = {}
        grouped: list[tuple[str, list[tuple[str, str]]]] = []
        for organization in organizations:
            options = []
            for person in candidates.get(organization, []):
                people[str(person.uuid)] = person
                options.append((str(person.uuid), person.display_name))
            if options:
                grouped.append((f"For {organization.name}", options))
        self.people = people
        # Grouped by organization: set_choices takes flat choices only.
        cast(forms.ChoiceField, self.fields["supervisor"]).choices = [("", "No supervisor yet"), *grouped]

    def clean_organization(self) -> Organization:
        return self.organizations[self.cleaned_data["organization"]]

    def clean_supervisor(self) -> User | None:
        value = self.cleaned_data.get("supervisor") or ""
        return self.people[value] if value else None

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        organization, supervisor = cleaned.get("organization"), cleaned.get("supervisor")
        if (
            organization is not None
            and supervisor is not None
            and supervisor not in self.candidates.get(organization, [])
        ):
            self.add_error(
                "supervisor",
                ValidationError(
                    "%(person)s is not an admin or coach of %(organization)s: choose someone listed under it.",
                    code="supervisor",
                    params={"person": supervisor.display_name, "organization": organization.name},
                ),
            )
        return cleaned


class GoalForm(forms.Form):
    statement = forms.CharField(
        label="Your goal",
        max_length=2000,
        min_length=10,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="What you want to get better at, and how you will know. The recommendations read these words.",
    )
    components = forms.TypedMultipleChoiceField(
        label="Framework components",
        required=False,
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        help_text="The parts of your evaluation framework this goal works on.",
    )
    target_date = forms.DateField(label="Target date", required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args: Any, components: list[FrameworkComponent], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.known = {c.pk: c for c in components}
        set_choices(self.fields["components"], [(str(c.pk), f"{c.code} {c.name}") for c in components])

    def clean_components(self) -> list[FrameworkComponent]:
        return [self.known[pk] for pk in self.cleaned_data.get("components", [])]

    def component_groups(self) -> list[tuple[str, list[tuple[str, list[Any]]]]]:
        """The checkboxes grouped by framework, then by domain, for the template."""
        by_value = {int(str(w.data["value"])): w for w in self["components"]}
        groups: dict[str, dict[str, list[Any]]] = {}
        for pk, component in self.known.items():
            groups.setdefault(component.framework, {}).setdefault(component.domain, []).append(by_value[pk])
        return [(framework, list(domains.items())) for framework, domains in groups.items()]


class GoalEditForm(GoalForm):
    status = forms.ChoiceField(label="Status", choices=GrowthGoal.Status.choices)

    field_order = ("statement", "components", "target_date", "status")


class ChooseForm(forms.Form):
    """Add a micro-credential to a goal, or take it off."""

    action = forms.ChoiceField(choices=[("add", "Add"), ("remove", "Remove")])
    micro_credential = forms.UUIDField()

    def clean_micro_credential(self) -> MicroCredential:
        try:
            return MicroCredential.objects.select_related("live_version").get(
                uuid=self.cleaned_data["micro_credential"]
            )
        except MicroCredential.DoesNotExist:
            raise ValidationError("No such micro-credential.", code="unknown") from None
