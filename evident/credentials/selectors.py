"""Reads for credential pages and documents."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import Http404

from evident.accounts.models import Organization, User
from evident.credentials.did import did_document
from evident.credentials.models import Award, IssuerKey, StatusList


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
    return Award.objects.filter(educator=educator).select_related("organization", "version")


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
