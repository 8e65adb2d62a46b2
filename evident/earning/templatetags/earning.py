from __future__ import annotations

from typing import Any

from django import template

from evident.catalog.models import MicroCredentialVersion
from evident.earning.links import evidence_link
from evident.earning.models import Enrollment, EvidenceFile
from evident.earning.permissions import educator_organizations
from evident.earning.selectors import NEXT_STEP, enrollment_for_version, enrollment_groups
from evident.lib.text import word_count

register = template.Library()


@register.simple_tag(takes_context=True)
def evidence_url(context: dict[str, Any], file: EvidenceFile, variant: str = "original") -> str:
    """An expiring link to an evidence file for the person viewing the page."""
    return evidence_link(file, context["request"].user, variant)


@register.filter
def words(text: str) -> int:
    return word_count(text)


@register.filter
def size_limit(megabytes: int) -> str:
    """A requirement's file-size limit as people say it: 2 GB, 50 MB."""
    if megabytes >= 1024 and megabytes % 1024 == 0:
        return f"{megabytes // 1024} GB"
    return f"{megabytes} MB"


@register.filter
def megabytes(size: int) -> str:
    mb = size / 1024 / 1024
    return f"{mb:,.1f} MB" if mb >= 0.1 else f"{max(size / 1024, 0.1):,.0f} KB"


@register.filter
def minutes_seconds(seconds: float | None) -> str:
    if seconds is None:
        return ""
    whole = round(seconds)
    return f"{whole // 60}:{whole % 60:02d}"


TONES = {"earned": "success", "needs_revision": "warning", "withdrawn": "muted", "working": "muted"}


@register.filter
def status_tone(status: str) -> str:
    """The badge colour of an enrolment's state."""
    return TONES.get(status, "info")


@register.filter
def next_step(enrollment: Enrollment) -> str:
    return NEXT_STEP[Enrollment.Status(enrollment.status)]


@register.inclusion_tag("earning/start_panel.html", takes_context=True)
def start_panel(context: dict[str, Any], version: MicroCredentialVersion) -> dict[str, Any]:
    """On a catalog page: start this micro-credential, or go back to the work on it."""
    request = context["request"]
    user = request.user
    enrollment = enrollment_for_version(user, version.micro_credential_id) if user.is_authenticated else None
    return {
        "request": request,
        "version": version,
        "enrollment": enrollment,
        "organizations": list(educator_organizations(user)) if user.is_authenticated else [],
        "csrf_token": context.get("csrf_token"),
    }


@register.inclusion_tag("earning/dashboard_card.html", takes_context=True)
def my_micro_credentials_card(context: dict[str, Any]) -> dict[str, Any]:
    """The dashboard's summary of the signed-in person's enrolments."""
    return {"groups": enrollment_groups(context["request"].user)}
