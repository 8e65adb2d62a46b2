"""What an issuing organization's admins read about the credentials it issued.

An issuer admin sees the record of every award their organization signed
(title, educator, dates, status, the revocation reason) because the issuer
answers for what it signed and must be able to find and revoke it. They do
not see the educator's evidence, feedback, or a private credential page or
document: those stay the educator's to share.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone

from evident.accounts.models import Organization, User
from evident.accounts.permissions import Need, access_organization
from evident.credentials.models import Award, IssuerKey, StatusList


class AwardStatus(models.TextChoices):
    VALID = "valid", "Valid"
    EXPIRED = "expired", "Expired"
    REVOKED = "revoked", "Revoked"


def award_status(award: Award) -> AwardStatus:
    """Revoked wins over expired: a verifier reports a revoked credential as revoked whatever its dates."""
    if award.is_revoked:
        return AwardStatus.REVOKED
    if award.is_expired:
        return AwardStatus.EXPIRED
    return AwardStatus.VALID


def access_issuer(actor: User, organization_uuid: Any) -> Organization:
    """An issuing organization the actor administers.

    Raises Http404 when it does not exist or the actor is not a member,
    PermissionDenied when the actor is a member without the admin role or
    the organization does not issue credentials.
    """
    organization = access_organization(actor, organization_uuid, Need.MANAGE_ORGANIZATION)
    # services.require_issuer_admin's rule, without asking again for the roles access_organization just checked.
    if not organization.issues_credentials:
        raise PermissionDenied(f"{organization.name} does not issue credentials.")
    return organization


def access_issued_award(actor: User, organization_uuid: Any, award_uuid: Any) -> tuple[Organization, Award]:
    """An award the actor's issuing organization issued; Http404 for an award of any other organization."""
    organization = access_issuer(actor, organization_uuid)
    try:
        award = (
            Award.objects.select_related("educator", "revoked_by", "status_list", "organization")
            .defer("credential")
            .get(organization=organization, uuid=award_uuid)
        )
    except (Award.DoesNotExist, ValueError, TypeError, ValidationError):
        raise Http404("No such credential.") from None
    return organization, award


def issued_award_list(organization: Organization, *, query: str = "", status: str = "") -> QuerySet[Award]:
    """The organization's awards, newest first, matching ``query`` (educator name or email, or title) and ``status``.

    The signed document is deferred: a page of the list never needs it, and it
    is most of each row's size.
    """
    awards = (
        Award.objects.filter(organization=organization)
        .select_related("educator")
        .defer("credential")
        .order_by("-issued_at", "-pk")
    )
    query = query.strip()
    if query:
        awards = awards.filter(
            Q(educator__full_name__icontains=query) | Q(educator__email__icontains=query) | Q(title__icontains=query)
        )
    now = timezone.now()
    if status == AwardStatus.REVOKED:
        awards = awards.filter(revoked_at__isnull=False)
    elif status == AwardStatus.EXPIRED:
        awards = awards.filter(revoked_at__isnull=True, valid_until__lte=now)
    elif status == AwardStatus.VALID:
        awards = awards.filter(Q(valid_until__isnull=True) | Q(valid_until__gt=now), revoked_at__isnull=True)
    return awards


def issuer_key_list(organization: Organization) -> list[IssuerKey]:
    """Every key the organization has had, newest first; retired ones still verify what they signed.

    How many credentials each key signed is not counted: the key is named only
    inside each signed document, and reading every document of a large issuer
    on each page view is too slow (about two seconds for 30,000 on SQLite).
    """
    return list(IssuerKey.objects.filter(organization=organization).order_by("-created_at", "-pk"))


def issuer_status_list_list(organization: Organization) -> list[StatusList]:
    """The organization's revocation lists, oldest first: each is served, signed, at a stable address."""
    return list(StatusList.objects.filter(organization=organization).defer("credential").order_by("created_at", "pk"))
