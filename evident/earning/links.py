"""Expiring links to evidence files.

A link names one file, one variant (original, web video, poster) and the one
person it was made for, and is signed with SECRET_KEY. The file view checks
the signature, the age and, independently, that the person may still see
the file: a link copied to someone else, or kept past its time, opens nothing.
"""

from __future__ import annotations

from django.conf import settings
from django.core import signing
from django.urls import reverse

from evident.accounts.models import User
from evident.earning.models import EvidenceFile

VARIANTS = ("original", "web", "poster")
_SALT = "evident.earning.evidence-link"


def evidence_link(file: EvidenceFile, viewer: User, variant: str = "original") -> str:
    if variant not in VARIANTS:
        raise ValueError(variant)
    token = signing.TimestampSigner(salt=_SALT).sign(f"{file.uuid}:{variant}:{viewer.uuid}")
    return reverse("earning:evidence-file", kwargs={"uuid": file.uuid, "variant": variant}) + f"?t={token}"


def link_is_valid(token: str, *, file: EvidenceFile, viewer: User, variant: str) -> bool:
    try:
        value = signing.TimestampSigner(salt=_SALT).unsign(token, max_age=settings.EARNING_EVIDENCE_LINK_SECONDS)
    except signing.BadSignature:
        return False
    return value == f"{file.uuid}:{variant}:{viewer.uuid}"
