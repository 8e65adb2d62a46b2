"""Export and import of catalog versions as JSON.

Each entry holds the issuer, the version's identity and dates, the
achievement in the Open Badges 3.0 ``Achievement`` shape (criteria,
alignments, resultDescriptions with rubricCriterionLevels, creditsAvailable)
and, beside it, the full blueprint, which is what import reads back.
Exporting, importing into an empty database and exporting again gives the
same document.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from evident.accounts.audit import audit_record
from evident.accounts.models import Organization
from evident.catalog.blueprint import Blueprint
from evident.catalog.models import MicroCredential, MicroCredentialVersion
from evident.catalog.selectors import blueprint_of, version_full
from evident.catalog.services import _set_live, _write_blueprint

FORMAT = "evident-catalog/1"


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def _number(value: Decimal) -> float | int:
    return int(value) if value == value.to_integral_value() else float(value)


def achievement(version: MicroCredentialVersion) -> dict[str, Any]:
    """The version as an Open Badges 3.0 Achievement."""
    micro_credential = version.micro_credential
    base = settings.BASE_URL + reverse("catalog:micro-credential-detail", kwargs={"uuid": micro_credential.uuid})
    achievement_id = f"{base}#version-{version.number}"
    requirements = list(version.requirements.all())
    narrative = "\n\n".join(
        f"{i}. **{r.title}** ({r.get_evidence_kind_display()}): {r.instructions}" for i, r in enumerate(requirements, 1)
    )
    data: dict[str, Any] = {
        "id": achievement_id,
        "type": ["Achievement"],
        "achievementType": "MicroCredential",
        "name": version.title,
        "description": f"{version.summary}\n\n{version.competency}",
        "criteria": {"id": base, "narrative": narrative},
        "creator": {
            "id": settings.BASE_URL
            + reverse("catalog:issuer-detail", kwargs={"slug": micro_credential.organization.slug}),
            "type": ["Profile"],
            "name": micro_credential.organization.name,
        },
        "creditsAvailable": _number(version.pd_hours),
        "fieldOfStudy": version.subject,
        "version": str(version.number),
        "tag": list(version.grade_bands),
        "resultDescription": [
            {
                "id": f"{achievement_id}-requirement-{i}",
                "type": ["ResultDescription"],
                "name": r.title,
                "resultType": "RubricCriterionLevel",
                "allowedValue": [level.name for level in r.levels.all()],
                "requiredLevel": next(
                    (
                        f"{achievement_id}-requirement-{i}-level-{j}"
                        for j, lv in enumerate(r.levels.all(), 1)
                        if lv.score >= r.passing_score
                    ),
                    None,
                ),
                "rubricCriterionLevel": [
                    {
                        "id": f"{achievement_id}-requirement-{i}-level-{j}",
                        "type": ["RubricCriterionLevel"],
                        "name": level.name,
                        "description": level.descriptor,
                        "level": str(level.score),
                    }
                    for j, level in enumerate(r.levels.all(), 1)
                ],
            }
            for i, r in enumerate(requirements, 1)
        ],
    }
    alignments = [
        {
            "type": ["Alignment"],
            "targetName": a.name,
            "targetCode": a.code,
            "targetFramework": a.framework,
            **({"targetUrl": a.url} if a.url else {}),
        }
        for a in version.alignments.all()
    ]
    if alignments:
        data["alignment"] = alignments
    return data


def export_entry(version: MicroCredentialVersion) -> dict[str, Any]:
    version = version_full(version)
    organization = version.micro_credential.organization
    return {
        "format": FORMAT,
        "issuer": {"slug": organization.slug, "name": organization.name, "kind": organization.kind},
        "micro_credential": {
            "uuid": str(version.micro_credential.uuid),
            "slug": version.micro_credential.slug,
            "created_at": _iso(version.micro_credential.created_at),
        },
        "version": {
            "uuid": str(version.uuid),
            "number": version.number,
            "status": version.status,
            "created_at": _iso(version.created_at),
            "submitted_at": _iso(version.submitted_at),
            "published_at": _iso(version.published_at),
            "retired_at": _iso(version.retired_at),
            "is_live": version.micro_credential.live_version_id == version.pk,
        },
        "achievement": achievement(version),
        "blueprint": blueprint_of(version).to_dict(),
    }


def export_catalog(*, statuses: tuple[str, ...] = (MicroCredentialVersion.Status.PUBLISHED,)) -> list[dict[str, Any]]:
    """Every version with one of ``statuses``, oldest micro-credential first."""
    versions = (
        MicroCredentialVersion.objects.filter(status__in=statuses)
        .select_related("micro_credential__organization")
        .order_by("micro_credential__created_at", "micro_credential__uuid", "number")
    )
    return [export_entry(v) for v in versions]


def _parse(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


@transaction.atomic
def import_catalog(entries: list[dict[str, Any]]) -> int:
    """Create the versions in ``entries`` (skipping ones already present); returns how many were created.

    Issuers missing from this installation are created as issuing organizations.
    An operator's command, not a user action: there is no actor to check.
    """
    created = 0
    for entry in entries:
        if entry.get("format") != FORMAT:
            raise ValueError(f"Unknown catalog format {entry.get('format')!r}; expected {FORMAT!r}.")
        issuer = entry["issuer"]
        organization, _ = Organization.objects.get_or_create(
            slug=issuer["slug"],
            defaults={"name": issuer["name"], "kind": issuer["kind"], "issues_credentials": True},
        )
        mc_data, version_data = entry["micro_credential"], entry["version"]
        micro_credential, _ = MicroCredential.objects.get_or_create(
            uuid=mc_data["uuid"],
            defaults={
                "organization": organization,
                "slug": mc_data["slug"],
                "created_at": _parse(mc_data["created_at"]) or timezone.now(),
            },
        )
        if MicroCredentialVersion.objects.filter(uuid=version_data["uuid"]).exists():
            continue
        version = MicroCredentialVersion(
            uuid=version_data["uuid"],
            micro_credential=micro_credential,
            number=version_data["number"],
            status=version_data["status"],
            created_at=_parse(version_data["created_at"]) or timezone.now(),
            submitted_at=_parse(version_data["submitted_at"]),
            published_at=_parse(version_data["published_at"]),
            retired_at=_parse(version_data["retired_at"]),
        )
        _write_blueprint(version, Blueprint.from_dict(entry["blueprint"]))
        if version_data.get("is_live"):
            _set_live(micro_credential, version)
        audit_record(
            actor=None,
            organization=organization,
            action="version.imported",
            target=version,
            data={"title": version.title, "number": version.number},
        )
        created += 1
    return created
