"""Forms for accounts and organizations. Forms normalize input; services decide."""

from __future__ import annotations

from typing import Any

from allauth.account.forms import LoginForm as AllauthLoginForm
from django import forms
from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError

from evident.accounts.models import PLATFORM_ROLES, Organization, Role, User


def set_choices(field: forms.Field, choices: list[tuple[str, str]]) -> None:
    """Narrow a choice field's options at run time (per organization)."""
    if not isinstance(field, forms.ChoiceField):
        raise TypeError(f"{field!r} is not a choice field")
    field.choices = choices


def role_choices(organization: Organization) -> list[tuple[str, str]]:
    return [
        (value, label)
        for value, label in Role.choices
        if organization.kind == Organization.Kind.PLATFORM or value not in PLATFORM_ROLES
    ]


ROLE_HELP = {
    Role.EDUCATOR: "Earns micro-credentials with evidence from their classroom.",
    Role.COACH: "Follows a group of educators and comments on shared drafts.",
    Role.REVIEWER: "Scores submitted evidence against the rubric, after calibration.",
    Role.LEAD_REVIEWER: "Builds calibration sets and settles disagreements between reviewers.",
    Role.AUTHOR: "Writes and revises micro-credentials for this issuing organization.",
    Role.PROGRAM_ADMIN: "Runs programs and cohorts, and exports transcripts.",
    Role.ORG_ADMIN: "Manages members, roles, invitations and API keys.",
    Role.QUALITY_REVIEWER: "Runs the quality review before a micro-credential is published.",
    Role.OPERATOR: "Installs and runs the platform and sets up new organizations.",
}


class LoginForm(AllauthLoginForm):  # type: ignore[misc]  # allauth ships no type hints
    """allauth's sign-in form; the page shows its own "Forgot your password?" link."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["password"].help_text = ""
        if "remember" in self.fields:
            self.fields["remember"].label = "Keep me signed in on this device"


class SignupDetailsForm(forms.Form):
    """Extra fields for allauth's sign-up form."""

    full_name = forms.CharField(
        label="Full name",
        max_length=150,
        help_text="As it should appear on your credentials.",
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )

    field_order = ["full_name", "email", "password1", "password2"]

    def clean_full_name(self) -> str:
        name: str = self.cleaned_data["full_name"].strip()
        if not name:
            raise ValidationError("Please enter your name.", code="required")
        return name

    def signup(self, request: Any, user: User) -> None:
        """allauth calls this after saving; the adapter already stored the name."""


class RolesField(forms.MultipleChoiceField):
    widget = forms.CheckboxSelectMultiple


class InvitationForm(forms.Form):
    email = forms.EmailField(label="Email address", widget=forms.EmailInput(attrs={"autocomplete": "off"}))
    roles = RolesField(label="Roles", error_messages={"required": "Choose at least one role."})

    def __init__(self, *args: Any, organization: Organization, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_choices(self.fields["roles"], role_choices(organization))

    def clean_email(self) -> str:
        return str(self.cleaned_data["email"]).strip().lower()


class MemberRolesForm(forms.Form):
    roles = RolesField(
        label="Roles",
        error_messages={"required": "Choose at least one role, or remove the person from the organization."},
    )

    def __init__(self, *args: Any, organization: Organization, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_choices(self.fields["roles"], role_choices(organization))


class OrganizationForm(forms.ModelForm[Organization]):
    website = forms.URLField(required=False, assume_scheme="https")

    class Meta:
        model = Organization
        fields = ["name", "description", "website"]
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}


class OrganizationCreateForm(forms.ModelForm[Organization]):
    website = forms.URLField(required=False, assume_scheme="https")

    class Meta:
        model = Organization
        fields = ["name", "slug", "kind", "parent", "issues_credentials", "website"]

    def __init__(self, *args: Any, parents: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_choices(self.fields["kind"], [c for c in Organization.Kind.choices if c[0] != Organization.Kind.PLATFORM])
        self.fields["slug"].required = False
        self.fields["slug"].help_text = "Leave empty to derive it from the name."
        parent_field = self.fields["parent"]
        if parents is not None and isinstance(parent_field, forms.ModelChoiceField):
            parent_field.queryset = parents
        parent_field.required = False
        parent_field.help_text = "Schools sit under a district, districts under a state."


class ChildOrganizationForm(forms.ModelForm[Organization]):
    """A school under a district, or a district under a state."""

    website = forms.URLField(required=False, assume_scheme="https")

    class Meta:
        model = Organization
        fields = ["name", "slug", "kind", "issues_credentials", "website"]

    def __init__(self, *args: Any, parent: Organization, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # The model's own checks (a school needs a district) see the parent.
        self.instance.parent = parent
        allowed = [k for k, parents in Organization.ALLOWED_PARENTS.items() if parent.kind in parents]
        set_choices(self.fields["kind"], [c for c in Organization.Kind.choices if c[0] in allowed])
        self.fields["slug"].required = False
        self.fields["slug"].help_text = "Leave empty to derive it from the name."


class ProfileForm(forms.ModelForm[User]):
    class Meta:
        model = User
        fields = ["full_name"]


class InvitationSignupForm(forms.Form):
    full_name = forms.CharField(
        label="Full name", max_length=150, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )
    password1 = forms.CharField(
        label="Password",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validation.password_validators_help_text_html(),
    )
    password2 = forms.CharField(
        label="Password (again)", strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "new-password"})
    )

    def __init__(self, *args: Any, email: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.email = email

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        p1, p2 = cleaned.get("password1"), cleaned.get("password2")
        if p1 and p2 and p1 != p2:
            self.add_error("password2", ValidationError("The two passwords differ.", code="password_mismatch"))
        elif p1:
            try:
                password_validation.validate_password(
                    p1, User(email=self.email, full_name=cleaned.get("full_name", ""))
                )
            except ValidationError as exc:
                self.add_error("password1", exc)
        return cleaned


class ApiTokenForm(forms.Form):
    name = forms.CharField(label="Name", max_length=100, help_text="What this token is for, e.g. “SIS sync”.")
    read_only = forms.BooleanField(
        label="Read-only", required=False, help_text="The token can read but not change anything."
    )


class ApiKeyForm(ApiTokenForm):
    roles = RolesField(label="Acts with these roles", error_messages={"required": "Choose at least one role."})

    def __init__(self, *args: Any, organization: Organization, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_choices(self.fields["roles"], role_choices(organization))
