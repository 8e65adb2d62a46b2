"""Changes to credit rules, an organization's choice of rule, and an educator's renewal cycle.

Each service checks permission, writes, and records an audit event. Seeded
rules are never changed here (they follow their public source; the seeder
keeps them current): an organization overrides one by copying it with changes.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from evident.accounts.audit import audit_record
from evident.accounts.models import Organization, User
from evident.accounts.permissions import Need, require
from evident.programs.models import CreditRule, OrganizationCreditRule, Program, RenewalCycle


@dataclass(frozen=True)
class RuleInput:
    """What a program admin gives for a rule of their organization."""

    jurisdiction: str
    jurisdiction_name: str
    name: str
    unit: str
    unit_label: str
    basis: str
    amount: Decimal
    cap_per_cycle: Decimal | None
    cycle_years: int
    renewal_requirement: Decimal | None
    source_title: str = ""
    source_url: str = ""
    notes: str = ""

    @classmethod
    def from_rule(cls, rule: CreditRule) -> RuleInput:
        return cls(**{f.name: getattr(rule, f.name) for f in fields(cls)})


def _apply(rule: CreditRule, data: RuleInput) -> list[str]:
    changed = []
    for field in fields(RuleInput):
        value = getattr(data, field.name)
        if getattr(rule, field.name) != value:
            setattr(rule, field.name, value)
            changed.append(field.name)
    return changed


def _check_issuers(issuers: list[Organization]) -> None:
    if any(not issuer.issues_credentials for issuer in issuers):
        raise ValidationError({"counted_issuers": "Only issuing organizations can be counted."}, code="not_an_issuer")


def _save(rule: CreditRule, update_fields: list[str] | None = None) -> None:
    # Uniqueness is checked below with a message that names the rule.
    rule.full_clean(validate_unique=False, validate_constraints=False)
    duplicate = CreditRule.objects.filter(
        organization=rule.organization, jurisdiction=rule.jurisdiction, name=rule.name
    ).exclude(pk=rule.pk)
    if duplicate.exists():
        raise ValidationError(
            {"name": f"Your organization already has a rule named “{rule.name}” for {rule.jurisdiction}."},
            code="duplicate_rule",
        )
    try:
        with transaction.atomic():
            rule.save(update_fields=update_fields)
    except IntegrityError:
        raise ValidationError({"name": "A rule with this name was just saved; choose another name."}) from None


@transaction.atomic
def credit_rule_create(
    *,
    actor: User,
    organization: Organization,
    data: RuleInput,
    counted_issuers: list[Organization] | None = None,
    overrides: CreditRule | None = None,
) -> CreditRule:
    """A rule of the organization's own; with ``overrides``, a changed copy of a seeded rule.

    Raises PermissionDenied unless the actor manages the organization's
    programs, ValidationError for bad figures, a duplicate name, a
    non-issuer among ``counted_issuers``, or an ``overrides`` that is not a
    seeded rule.
    """
    require(actor, organization, Need.MANAGE_PROGRAMS)
    if overrides is not None and overrides.organization_id is not None:
        raise ValidationError("Only a seeded rule can be overridden; edit your own rule instead.", code="not_seeded")
    issuers = list(counted_issuers or [])
    _check_issuers(issuers)
    rule = CreditRule(organization=organization, overrides=overrides)
    _apply(rule, data)
    _save(rule)
    rule.counted_issuers.set(issuers)
    audit_record(
        actor=actor,
        organization=organization,
        action="credit_rule.overridden" if overrides is not None else "credit_rule.created",
        target=rule,
        data={"name": rule.name, "overrides": str(overrides.uuid) if overrides is not None else None},
    )
    return rule


@transaction.atomic
def credit_rule_update(
    *, actor: User, rule: CreditRule, data: RuleInput, counted_issuers: list[Organization] | None = None
) -> CreditRule:
    """Change one of the organization's own rules (a seeded rule cannot be changed: override it).

    Raises PermissionDenied for a seeded rule or one the actor may not
    manage, ValidationError as ``credit_rule_create`` does.
    """
    if rule.organization is None:
        raise PermissionDenied("Seeded rules follow their public source. Override it to change its figures.")
    require(actor, rule.organization, Need.MANAGE_PROGRAMS)
    issuers = list(counted_issuers or [])
    _check_issuers(issuers)
    changed = _apply(rule, data)
    if changed:
        _save(rule, update_fields=changed)
    issuers_changed = set(rule.counted_issuers.values_list("pk", flat=True)) != {o.pk for o in issuers}
    if issuers_changed:
        rule.counted_issuers.set(issuers)
    if changed or issuers_changed:
        audit_record(
            actor=actor,
            organization=rule.organization,
            action="credit_rule.updated",
            target=rule,
            data={"changed": changed + (["counted_issuers"] if issuers_changed else [])},
        )
    return rule


@transaction.atomic
def organization_credit_rule_set(*, actor: User, organization: Organization, rule: CreditRule | None) -> None:
    """Choose the rule the organization's educators (and those of the organizations below it) count under.

    ``None`` clears the choice (the organization above it then decides).
    Raises PermissionDenied unless the actor manages the organization's
    programs, ValidationError for another organization's rule.
    """
    require(actor, organization, Need.MANAGE_PROGRAMS)
    current = OrganizationCreditRule.objects.select_for_update().filter(organization=organization).first()
    if rule is None:
        if current is not None:
            current.delete()
            audit_record(actor=actor, organization=organization, action="credit_rule.cleared", target=None)
        return
    if rule.organization_id not in (None, organization.pk):
        raise ValidationError("Choose a seeded rule or one of your organization's own.", code="foreign_rule")
    if current is not None and current.rule_id == rule.pk:
        return
    if current is None:
        current = OrganizationCreditRule(organization=organization, rule=rule, updated_at=timezone.now())
        current.full_clean()
        current.save()
    else:
        current.rule, current.updated_at = rule, timezone.now()
        current.save(update_fields=["rule", "updated_at"])
    audit_record(
        actor=actor, organization=organization, action="credit_rule.chosen", target=rule, data={"name": rule.name}
    )


@transaction.atomic
def program_credit_rule_set(*, actor: User, program: Program, rule: CreditRule | None) -> Program:
    """Set the rule credentials earned in the program count under (``None``: the members' own rule applies).

    Raises PermissionDenied unless the actor manages the program's
    organization, ValidationError for another organization's rule.
    """
    require(actor, program.organization, Need.MANAGE_PROGRAMS)
    if rule is not None and rule.organization_id not in (None, program.organization_id):
        raise ValidationError(
            {"credit_rule": "Choose a seeded rule or one of your organization's own."}, code="foreign_rule"
        )
    if program.credit_rule_id == (rule.pk if rule else None):
        return program
    before = program.credit_rule.name if program.credit_rule else None
    program.credit_rule, program.updated_at = rule, timezone.now()
    program.save(update_fields=["credit_rule", "updated_at"])
    audit_record(
        actor=actor,
        organization=program.organization,
        action="program.credit_rule_set",
        target=program,
        data={"from": before, "to": rule.name if rule else None},
    )
    return program


@transaction.atomic
def renewal_cycle_set(*, actor: User, rule: CreditRule, starts_on: date) -> RenewalCycle:
    """The educator's own start of their current renewal cycle under ``rule`` (for their own transcript).

    Saving it also makes ``rule`` the educator's chosen one (the last saved
    wins) when no program or organization decides their rule. Raises
    ValidationError for a date in the future or more than two of the rule's
    cycles back (that cannot be the start of a current cycle).
    """
    today = timezone.localdate()
    if starts_on > today:
        raise ValidationError({"starts_on": "The cycle's start cannot be in the future."}, code="future")
    if starts_on.year < today.year - 2 * rule.cycle_years:
        raise ValidationError(
            {
                "starts_on": f"That is more than two {rule.cycle_years}-year cycles ago; give your current cycle's start."
            },
            code="too_old",
        )
    # Saved anew so that the rule chosen last has the highest id (see credit_selectors.applicable_rule).
    RenewalCycle.objects.filter(educator=actor, rule=rule).delete()
    cycle = RenewalCycle(educator=actor, rule=rule, starts_on=starts_on)
    cycle.full_clean()
    cycle.save()
    audit_record(
        actor=actor,
        organization=None,
        action="renewal_cycle.set",
        target=cycle,
        data={"rule": str(rule.uuid), "starts_on": starts_on.isoformat()},
    )
    return cycle


@transaction.atomic
def renewal_cycle_clear(*, actor: User, rule: CreditRule) -> None:
    """Forget the educator's own start date under ``rule``: the default start applies again.

    For a rule the educator chose for themselves, this also un-chooses it.
    """
    deleted, _ = RenewalCycle.objects.filter(educator=actor, rule=rule).delete()
    if deleted:
        audit_record(actor=actor, organization=None, action="renewal_cycle.cleared", data={"rule": str(rule.uuid)})
