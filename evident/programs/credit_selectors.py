"""Reads for credit rules: which rules an organization may use, and which one applies to an educator.

The rule that applies to an educator is, in this order:

1. their program's rule, if they are on a cohort (not removed) of a program
   with a rule: the place added most recently wins when there are several;
2. else their organization's chosen rule (``OrganizationCreditRule``),
   looking up the tree from each organization they are an educator in
   (school, then district, then state): the nearest setting wins, ties by
   the organization's name;
3. else the jurisdiction rule they chose themselves on their transcript
   (their ``RenewalCycle`` saved last, whose rule is a seeded one);
4. else none: the transcript asks them to choose their state.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Q, QuerySet
from django.http import Http404

from evident.accounts.models import Organization, Role, User
from evident.programs import credit
from evident.programs.models import (
    PROGRAM_ORGANIZATION_KINDS,
    CohortMember,
    CreditRule,
    OrganizationCreditRule,
    RenewalCycle,
)


@dataclass(frozen=True)
class AppliedRule:
    rule: CreditRule
    # "program", "organization" or "chosen" (picked by the educator for their own transcript).
    source: str
    # The program's title or the organization's name the rule comes through; "" when chosen.
    via: str


def seeded_rules() -> QuerySet[CreditRule]:
    """The rules every install ships with (their public sources cited), by jurisdiction."""
    return CreditRule.objects.filter(organization__isnull=True).prefetch_related("counted_issuers")


def organization_rules(organization: Organization) -> QuerySet[CreditRule]:
    """An organization's own rules and overrides."""
    return (
        CreditRule.objects.filter(organization=organization)
        .select_related("overrides")
        .prefetch_related("counted_issuers")
    )


def usable_rules(organization: Organization) -> QuerySet[CreditRule]:
    """The rules an organization may choose or put on a program: the seeded ones and its own."""
    return CreditRule.objects.filter(Q(organization__isnull=True) | Q(organization=organization))


def organization_rule_setting(organization: Organization) -> OrganizationCreditRule | None:
    return OrganizationCreditRule.objects.select_related("rule").filter(organization=organization).first()


def credit_rule_get(organization: Organization, uuid: Any) -> CreditRule:
    """A seeded rule or one of the organization's own. Raises Http404 otherwise (another organization's rule too)."""
    try:
        return usable_rules(organization).select_related("overrides").get(uuid=uuid)
    except (CreditRule.DoesNotExist, ValueError, TypeError, ValidationError):
        raise Http404("No such credit rule.") from None


def seeded_rule_get(uuid: Any) -> CreditRule:
    """A seeded rule (what an educator may choose for their own transcript). Raises Http404 otherwise."""
    try:
        return seeded_rules().get(uuid=uuid)
    except (CreditRule.DoesNotExist, ValueError, TypeError, ValidationError):
        raise Http404("No such credit rule.") from None


def _ancestors(organization: Organization) -> list[Organization]:
    chain: list[Organization] = []
    node: Organization | None = organization
    while node is not None and len(chain) < 6:
        chain.append(node)
        node = node.parent
    return chain


def organization_rule_for(organization: Organization) -> tuple[CreditRule, Organization] | None:
    """The rule an organization's educators count under: its own setting, else its district's, else its state's."""
    chain = _ancestors(organization)
    settings = {
        s.organization_id: s
        for s in OrganizationCreditRule.objects.select_related("rule").filter(organization__in=chain)
    }
    for node in chain:
        if node.pk in settings:
            return settings[node.pk].rule, node
    return None


def applicable_rule(educator: User, *, program_first: int | None = None) -> AppliedRule | None:
    """The rule an educator's transcript counts under (see the module docstring), or None.

    ``program_first`` is a program id whose rule wins if the educator is on it
    and it has one (a cohort's export counts under its own program's rule).
    """
    places = (
        CohortMember.objects.filter(educator=educator, removed_at__isnull=True, program__credit_rule__isnull=False)
        .select_related("program__credit_rule")
        .order_by("-added_at", "-pk")
    )
    chosen_place = None
    for place in places:
        if program_first is not None and place.program_id == program_first:
            chosen_place = place
            break
        chosen_place = chosen_place or place
    if chosen_place is not None and chosen_place.program.credit_rule is not None:
        return AppliedRule(chosen_place.program.credit_rule, "program", chosen_place.program.title)

    best: tuple[int, str, CreditRule, Organization] | None = None
    organizations = Organization.objects.filter(
        memberships__user=educator, memberships__role=Role.EDUCATOR, kind__in=PROGRAM_ORGANIZATION_KINDS
    ).distinct()
    for organization in organizations:
        for distance, node in enumerate(_ancestors(organization)):
            setting = OrganizationCreditRule.objects.select_related("rule").filter(organization=node).first()
            if setting is not None:
                candidate = (distance, node.name, setting.rule, node)
                if best is None or candidate[:2] < best[:2]:
                    best = candidate
                break
    if best is not None:
        return AppliedRule(best[2], "organization", best[3].name)

    cycle = (
        RenewalCycle.objects.filter(educator=educator, rule__organization__isnull=True)
        .select_related("rule")
        .order_by("-pk")
        .first()
    )
    if cycle is not None:
        return AppliedRule(cycle.rule, "chosen", "")
    return None


@dataclass(frozen=True)
class CycleChoice:
    cycle: credit.Cycle
    # True when the educator gave the start date; False when it is counted from their first credential.
    set_by_educator: bool
    anchor: date


def renewal_cycle_for(educator: User, rule: CreditRule, *, first_earned_on: date | None, today: date) -> CycleChoice:
    """The educator's current cycle under ``rule``: from the start date they gave, else the default.

    The default counts whole cycles from January 1 of the year of their first
    credential and takes the one containing today. A start date they gave
    begins a cycle; if it is over, the following cycles continue from it.
    """
    saved = RenewalCycle.objects.filter(educator=educator, rule=rule).first()
    if saved is not None:
        anchor, set_by_educator = saved.starts_on, True
    else:
        anchor, set_by_educator = credit.default_cycle_anchor(first_earned_on, today), False
    return CycleChoice(credit.cycle_containing(anchor, rule.cycle_years, today), set_by_educator, anchor)


def rule_spec(rule: CreditRule) -> credit.Rule:
    """The pure-function view of a rule (``counted_issuers`` by organization id)."""
    issuers = sorted(rule.counted_issuers.all(), key=lambda o: o.name)
    return credit.Rule(
        unit_label=rule.unit_label,
        basis=credit.Basis(rule.basis),
        amount=rule.amount,
        cycle_years=rule.cycle_years,
        cap_per_cycle=rule.cap_per_cycle,
        renewal_requirement=rule.renewal_requirement,
        counted_issuers=frozenset(str(o.pk) for o in issuers),
        counted_issuer_names=tuple(o.name for o in issuers),
    )
