"""Reads for credential pages and documents."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import Http404

from evident.accounts.models import Organization, User
from evident.credentials.did import did_document
from evident.credentials.models import Award, IssuerKey, PublicProfile, StatusList


def issuer_did_document(slug: str) -> dict[str, Any]:
    """The DID document of an issuing organization, every key listed (retired ones too). Http404 otherwise."""
    organization = Organization.objects.filter(slug=slug, issues_credentials=True).first()
    if organization is None:
        raise Http404("No such issuer.")
    return did_document(
        organization, list(IssuerKey.objects.filter(organization=organization).select_related("organization"))
    )


def status_list_get(uuid: Any) -> StatusList:
    try:
        return StatusList.objects.select_related("organization").get(uuid=uuid)
    except (StatusList.DoesNotExist, ValueError, ValidationError):
        raise Http404("No such status list.") from None


def award_list(educator: User) -> QuerySet[Award]:
    """Every award of the educator, newest first: micro-credentials and stacks, revoked and expired ones too.

    For lists: the signed document is left out (fetch the award itself for it).
    """
    return (
        Award.objects.filter(educator=educator).select_related("organization", "version", "stack").defer("credential")
    )


def public_profile_get(slug: str, *, viewer: User | Any = None) -> PublicProfile:
    """The profile at ``/people/<slug>/``: for anyone when public, for its educator always (a preview).

    Raises Http404 for an unknown address and for a private profile alike, so
    nobody can tell which addresses exist.
    """
    profile = PublicProfile.objects.select_related("user").filter(slug=slug.lower(), user__is_active=True).first()
    is_owner = profile is not None and bool(getattr(viewer, "is_authenticated", False)) and profile.user_id == viewer.pk
    if profile is None or not (profile.is_public or is_owner):
        raise Http404("No such profile.")
    return profile


def public_award_list(educator: User) -> list[Award]:
    """The awards a public profile lists: those the educator made public, never revoked ones.

    Expired awards stay listed, marked as expired: the educator did earn them,
    anyone checking the credential sees the same date, and hiding them would
    leave the educator's history looking shorter than it is. Current ones come
    first, each group newest first.
    """
    awards = list(
        Award.objects.filter(educator=educator, is_public=True, revoked_at__isnull=True)
        .select_related("organization", "version", "stack")
        .defer("credential")
    )
    return sorted(awards, key=lambda award: award.is_expired)  # stable: keeps newest first within each group


def award_for_enrollment(enrollment_id: int) -> Award | None:
    return Award.objects.filter(enrollment_id=enrollment_id).first()


def award_by_url(url: str) -> Award | None:
    """A public award named by its page or JSON address on this platform."""
    prefix = settings.BASE_URL + "/credentials/"
    tail = url[len(prefix) :].split("/")[0].removesuffix(".json") if url.startswith(prefix) else ""
    try:
        return Award.objects.filter(uuid=tail, is_public=True).first()
    except (ValueError, ValidationError):
        return None
