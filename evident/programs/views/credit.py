"""Credit rules of an organization: the seeded ones with their sources, its own, and the one its educators use."""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from evident.accounts.http import EvidentRequest
from evident.accounts.permissions import Need, can
from evident.accounts.views.util import apply_validation_error
from evident.programs import credit, credit_selectors, credit_services
from evident.programs.forms_credit import CreditRuleForm, OrganizationRuleForm
from evident.programs.models import CreditRule
from evident.programs.permissions import access_program_organization


@dataclass(frozen=True)
class RuleRow:
    rule: CreditRule
    figures: str


def _rows(rules: list[CreditRule]) -> list[RuleRow]:
    return [RuleRow(rule, credit.describe(credit_selectors.rule_spec(rule))) for rule in rules]


@require_http_methods(["GET", "POST"])
def rule_list(request: EvidentRequest, organization_uuid: UUID) -> HttpResponse:
    # Admins above see the page; the service refuses their changes (403): managing does not reach down.
    organization = access_program_organization(request.user, organization_uuid, Need.VIEW_PROGRAMS)
    may_manage = can(request.user, organization, Need.MANAGE_PROGRAMS)
    setting = credit_selectors.organization_rule_setting(organization)
    usable = credit_selectors.usable_rules(organization).order_by("organization_id", "jurisdiction_name", "name")
    form = OrganizationRuleForm(request.POST or None, rules=usable, initial={"rule": setting.rule if setting else None})
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                credit_services.organization_credit_rule_set(
                    actor=request.user, organization=organization, rule=form.cleaned_data["rule"]
                )
            except ValidationError as exc:
                apply_validation_error(form, exc)
            else:
                chosen = form.cleaned_data["rule"]
                messages.success(
                    request,
                    f"{organization.name}'s educators now count their credit under {chosen.name}."
                    if chosen
                    else f"{organization.name} no longer sets a rule of its own.",
                )
                return redirect("programs:credit-rules", organization_uuid=organization.uuid)
        status = 422
    inherited = None
    if setting is None and organization.parent is not None:
        inherited = credit_selectors.organization_rule_for(organization.parent)
    return render(
        request,
        "programs/credit_rules.html",
        {
            "section": "programs",
            "organization": organization,
            "may_manage": may_manage,
            "setting": setting,
            "setting_figures": credit.describe(credit_selectors.rule_spec(setting.rule)) if setting else "",
            "inherited": inherited,
            "form": form,
            "own_rules": _rows(list(credit_selectors.organization_rules(organization))),
            "seeded_rules": _rows(list(credit_selectors.seeded_rules())),
        },
        status=status,
    )


@require_http_methods(["GET", "POST"])
def rule_edit(request: EvidentRequest, organization_uuid: UUID, uuid: UUID | None = None) -> HttpResponse:
    """Add a rule, override a seeded one (``?overrides=<uuid>``, or the edit address of a seeded rule), or edit one's own."""
    organization = access_program_organization(request.user, organization_uuid, Need.MANAGE_PROGRAMS)
    rule: CreditRule | None = None
    overrides: CreditRule | None = None
    if uuid is not None:
        found = credit_selectors.credit_rule_get(organization, uuid)
        if found.organization_id is None:
            overrides = found
        else:
            rule = found
    elif request.GET.get("overrides") or request.POST.get("overrides"):
        overrides = credit_selectors.credit_rule_get(
            organization, request.POST.get("overrides") or request.GET.get("overrides")
        )
        if overrides.organization_id is not None:
            raise PermissionDenied("Only a seeded rule can be overridden; edit your own rule instead.")
    if rule is not None:
        initial = CreditRuleForm.initial_from(rule)
    elif overrides is not None:
        initial = CreditRuleForm.initial_from(overrides, name=f"{overrides.name} ({organization.name})")
    else:
        initial = {"cycle_years": 5, "basis": CreditRule.Basis.PER_CREDENTIAL}
    form = CreditRuleForm(request.POST or None, initial=initial)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            issuers = list(form.cleaned_data["counted_issuers"])
            try:
                if rule is not None:
                    saved = credit_services.credit_rule_update(
                        actor=request.user, rule=rule, data=form.rule_input(), counted_issuers=issuers
                    )
                    done = f"{saved.name} was saved."
                else:
                    saved = credit_services.credit_rule_create(
                        actor=request.user,
                        organization=organization,
                        data=form.rule_input(),
                        counted_issuers=issuers,
                        overrides=overrides,
                    )
                    done = f"{saved.name} was added. Choose it below for your educators to count under it."
            except ValidationError as exc:
                apply_validation_error(form, exc)
            else:
                messages.success(request, done)
                return redirect(reverse("programs:credit-rules", kwargs={"organization_uuid": organization.uuid}))
        status = 422
    return render(
        request,
        "programs/credit_rule_edit.html",
        {
            "section": "programs",
            "organization": organization,
            "rule": rule,
            "overrides": overrides,
            "form": form,
        },
        status=status,
    )
