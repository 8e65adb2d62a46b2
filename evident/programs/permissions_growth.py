"""Who may see and change growth plans and their goals.

A growth plan is private to two people: the educator it belongs to and the
supervisor they chose (an admin or coach of their school, or of the district
or state above it). Both may add and edit goals; the audit log records which
of them changed what. Anyone else, the organization's other admins included,
gets 404.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import Http404

from evident.accounts.models import Organization, Role, User
from evident.programs.models import PROGRAM_ORGANIZATION_KINDS, GrowthGoal, GrowthPlan

SUPERVISOR_ROLES = frozenset({Role.ORG_ADMIN, Role.PROGRAM_ADMIN, Role.COACH})


def _active(actor: User) -> bool:
    return bool(actor.is_authenticated and actor.is_active)


def may_edit_plan(actor: User, plan: GrowthPlan) -> bool:
    return _active(actor) and actor.pk in {plan.educator_id, plan.supervisor_id}


def access_plan(actor: User, plan_uuid: Any) -> GrowthPlan:
    """A plan the actor keeps: their own, or one they supervise. Http404 otherwise."""
    if not _active(actor):
        raise Http404("No such plan.")
    try:
        plan = GrowthPlan.objects.select_related("educator", "supervisor", "organization").get(uuid=plan_uuid)
    except (GrowthPlan.DoesNotExist, ValueError, TypeError, ValidationError):
        raise Http404("No such plan.") from None
    if not may_edit_plan(actor, plan):
        raise Http404("No such plan.")
    return plan


def access_goal(actor: User, goal_uuid: Any) -> GrowthGoal:
    """A goal of a plan the actor keeps (see :func:`access_plan`). Http404 otherwise."""
    if not _active(actor):
        raise Http404("No such goal.")
    try:
        goal = GrowthGoal.objects.select_related("plan__educator", "plan__supervisor", "plan__organization").get(
            uuid=goal_uuid
        )
    except (GrowthGoal.DoesNotExist, ValueError, TypeError, ValidationError):
        raise Http404("No such goal.") from None
    if not may_edit_plan(actor, goal.plan):
        raise Http404("No such goal.")
    return goal


def plan_organizations(actor: User) -> QuerySet[Organization]:
    """The schools, districts and states the actor belongs to: where they may keep a growth plan."""
    if not _active(actor):
        return Organization.objects.none()
    return (
        Organization.objects.filter(kind__in=PROGRAM_ORGANIZATION_KINDS, memberships__user=actor)
        .distinct()
        .order_by("name")
    )


def supervisor_candidates(organization: Organization) -> QuerySet[User]:
    """Who may supervise a plan kept in ``organization``: its admins and coaches, and those of the organizations above it."""
    tree = [organization.pk, *(o.pk for o in organization.ancestors())]
    return (
        User.objects.filter(
            is_active=True,
            kind=User.Kind.PERSON,
            memberships__organization_id__in=tree,
            memberships__role__in=SUPERVISOR_ROLES,
        )
        .distinct()
        .order_by("full_name", "email")
    )
