"""Who may see and change programs, rosters, transcripts and figures.

An organization's program admins manage its own programs. Seeing reaches down
the tree: a state's admins see its districts' programs and figures, a
district's see its schools', never sideways or up. A coach sees the cohorts
they coach; an educator sees the programs they are on.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import Http404

from evident.accounts.models import Membership, Organization, User
from evident.accounts.permissions import ORGANIZATION_POLICY, Need, can
from evident.programs.models import PROGRAM_ORGANIZATION_KINDS, Cohort, Program, RosterImport


def descendant_ids(organization: Organization) -> set[int]:
    """The organization and everything below it (the tree is at most three deep)."""
    ids = {organization.pk}
    frontier = {organization.pk}
    for _ in range(5):
        frontier = set(Organization.objects.filter(parent_id__in=frontier).values_list("pk", flat=True)) - ids
        if not frontier:
            break
        ids |= frontier
    return ids


def organizations_with(actor: User, need: Need) -> list[Organization]:
    """The program-running organizations where the actor holds a role granting ``need``."""
    if not actor.is_authenticated or not actor.is_active:
        return []
    roles = ORGANIZATION_POLICY.get(need, frozenset())
    return list(
        Organization.objects.filter(
            kind__in=PROGRAM_ORGANIZATION_KINDS, memberships__user=actor, memberships__role__in=roles
        ).distinct()
    )


def visible_organization_ids(actor: User, need: Need = Need.VIEW_PROGRAMS) -> set[int]:
    """Every organization whose programs the actor may see: theirs and those below them."""
    ids: set[int] = set()
    for organization in organizations_with(actor, need):
        ids |= descendant_ids(organization)
    return ids


def may_view_organization(actor: User, organization: Organization) -> bool:
    return organization.pk in visible_organization_ids(actor)


def access_program_organization(actor: User, organization_uuid: Any, need: Need) -> Organization:
    """A district, state or school the actor may ``need`` in (VIEW reaches down the tree; MANAGE does not)."""
    try:
        organization = Organization.objects.get(uuid=organization_uuid, kind__in=PROGRAM_ORGANIZATION_KINDS)
    except (Organization.DoesNotExist, ValueError, TypeError, ValidationError):
        raise Http404("No such organization.") from None
    if need == Need.VIEW_PROGRAMS and may_view_organization(actor, organization):
        return organization
    if can(actor, organization, need):
        return organization
    if Membership.objects.filter(user=actor, organization=organization).exists():
        raise PermissionDenied(f"You need a program admin role in {organization.name}.")
    raise Http404("No such organization.")


def access_program(actor: User, program_uuid: Any, need: Need = Need.VIEW_PROGRAMS) -> Program:
    """A program the actor may see (its organization's admins, admins above it) or manage (its own admins only).

    Raises Http404 for a program the actor has no business knowing of.
    """
    try:
        program = Program.objects.select_related("organization", "credit_rule").get(uuid=program_uuid)
    except (Program.DoesNotExist, ValueError, TypeError, ValidationError):
        raise Http404("No such program.") from None
    if need == Need.MANAGE_PROGRAMS:
        if can(actor, program.organization, Need.MANAGE_PROGRAMS):
            return program
        if may_view_organization(actor, program.organization):
            raise PermissionDenied("Only the program's own organization can change it.")
        raise Http404("No such program.")
    if may_view_organization(actor, program.organization):
        return program
    raise Http404("No such program.")


def access_cohort(actor: User, cohort_uuid: Any, need: Need = Need.VIEW_PROGRAMS) -> Cohort:
    """A cohort of a program the actor may ``need``; a coach of the cohort may view it."""
    try:
        cohort = Cohort.objects.select_related("program__organization").get(uuid=cohort_uuid)
    except (Cohort.DoesNotExist, ValueError, TypeError, ValidationError):
        raise Http404("No such cohort.") from None
    if need == Need.VIEW_PROGRAMS and cohort.coaches.filter(pk=actor.pk).exists():
        return cohort
    access_program(actor, cohort.program.uuid, need)
    return cohort


def access_roster_import(actor: User, roster_uuid: Any, need: Need = Need.VIEW_PROGRAMS) -> RosterImport:
    """A roster import of a program the actor may ``need`` (as :func:`access_program`); Http404 otherwise."""
    try:
        roster_import = (
            RosterImport.objects.select_related("program__organization", "uploaded_by").filter(uuid=roster_uuid).first()
        )
    except (ValueError, TypeError, ValidationError):
        roster_import = None
    if roster_import is None:
        raise Http404("No such roster.")
    access_program(actor, roster_import.program.uuid, need)
    return roster_import


def coached_cohorts_q(actor: User) -> Q:
    return Q(coaches=actor)
