"""Every change to credentials: issuer keys, issuing awards, revoking them, sharing them.

Issuing is idempotent (one award per enrolment, and one per educator and
stack, by unique constraints) and signs with the organization's active key;
revoking sets the award's bit in its status list and re-signs the list.
Revoking a micro-credential that a stack credential counted revokes the stack
credential too, when the educator no longer completes the stack without it.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.http import Http404
from django.urls import reverse
from django.utils import timezone

from evident.accounts.audit import audit_record
from evident.accounts.models import Organization, User
from evident.accounts.permissions import Need, require
from evident.catalog.exchange import achievement
from evident.catalog.models import Stack
from evident.credentials import keys, stacks
from evident.credentials.did import issuer_did, verification_method_id
from evident.credentials.models import Award, IssuerKey, StatusList
from evident.credentials.notifications import award_revoked_notify
from evident.credentials.proofs import create_proof
from evident.credentials.proofs.multikey import encode_public_key
from evident.credentials.status_list import bitstring_from_indices, encode_status_list
from evident.earning.models import Enrollment, Submission
from evident.lib.dates import add_months

CONTEXTS = ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"]


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


# Keys -----------------------------------------------------------------------------------------------------------


def _new_key(organization: Organization, number: int) -> IssuerKey:
    private = Ed25519PrivateKey.generate()
    return IssuerKey.objects.create(
        organization=organization,
        fragment=f"key-{number}",
        public_key_multibase=encode_public_key(private.public_key()),
        private_key_encrypted=keys.seal(private),
    )


@transaction.atomic
def issuer_key_active(organization: Organization) -> IssuerKey:
    """The key the organization signs with now; its first key is made on first use."""
    list(Organization.objects.select_for_update().filter(pk=organization.pk).values_list("pk", flat=True))
    key = IssuerKey.objects.filter(organization=organization, retired_at__isnull=True).first()
    return key or _new_key(organization, IssuerKey.objects.filter(organization=organization).count() + 1)


@transaction.atomic
def issuer_key_rotate(*, actor: User, organization: Organization) -> IssuerKey:
    """Retire the active key and start signing with a new one. Organization admins only.

    The retired key stays in the DID document, so what it signed still verifies.
    """
    require(actor, organization, Need.MANAGE_ORGANIZATION)
    if not organization.issues_credentials:
        raise ValidationError(f"{organization.name} does not issue credentials.", code="not_issuer")
    current = issuer_key_active(organization)
    current.retired_at = timezone.now()
    current.save(update_fields=["retired_at"])
    key = _new_key(organization, IssuerKey.objects.filter(organization=organization).count() + 1)
    audit_record(actor=actor, organization=organization, action="issuer_key.rotated", target=key)
    return key


def _sign(document: dict[str, Any], key: IssuerKey) -> dict[str, Any]:
    """The document with its proof, as a one-item list: OB 3.0's schema wants ``proof`` to be an array."""
    proof = create_proof(
        document, private_key=keys.unseal(key.private_key_encrypted), verification_method=verification_method_id(key)
    )
    return {**document, "proof": [proof]}


# Status lists ---------------------------------------------------------------------------------------------------


def _status_list_for(organization: Organization) -> StatusList:
    status_list = (
        StatusList.objects.filter(organization=organization, purpose="revocation").order_by("created_at").last()
    )
    if status_list is None or Award.objects.filter(status_list=status_list).count() >= status_list.size // 2:
        # Half full: start another, so indexes stay sparse and unguessable.
        status_list = StatusList.objects.create(organization=organization)
    return status_list


def _free_index(status_list: StatusList) -> int:
    """A random unused index: neighbouring awards must not reveal each other."""
    taken = set(Award.objects.filter(status_list=status_list).values_list("status_index", flat=True))
    while True:
        index = secrets.randbelow(status_list.size)
        if index not in taken:
            return index


def status_list_url(status_list: StatusList) -> str:
    return settings.BASE_URL + status_list.get_absolute_url()


def status_list_sign(status_list: StatusList) -> dict[str, Any]:
    """Sign the list as it stands (every revoked award's bit set) and keep the credential."""
    revoked = Award.objects.filter(status_list=status_list, revoked_at__isnull=False).values_list(
        "status_index", flat=True
    )
    bits = bitstring_from_indices(revoked, status_list.size)
    url = status_list_url(status_list)
    document = {
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "id": url,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": issuer_did(status_list.organization),
        "validFrom": _iso(timezone.now()),
        "credentialSubject": {
            "id": f"{url}#list",
            "type": "BitstringStatusList",
            "statusPurpose": status_list.purpose,
            "encodedList": encode_status_list(bits, status_list.size),
        },
    }
    status_list.credential = _sign(document, issuer_key_active(status_list.organization))
    status_list.updated_at = timezone.now()
    status_list.save(update_fields=["credential", "updated_at"])
    return status_list.credential


# Issuing --------------------------------------------------------------------------------------------------------


def valid_until_for(issued_at: datetime, validity_months: int | None) -> datetime | None:
    """When a credential issued at ``issued_at`` expires: ``validity_months`` calendar months on, or never.

    Months are counted on the platform's calendar (``TIME_ZONE``), so one issued
    on the evening of January 31 in New York expires on the last day of
    February there, not a day later. Whole seconds, as the signed document says.
    """
    if validity_months is None:
        return None
    return add_months(timezone.localtime(issued_at).replace(microsecond=0), validity_months)


def identity_hash(email: str, salt: str) -> str:
    """OB 3.0's hashed identifier: ``sha256$`` + hex SHA-256 of the address followed by the salt."""
    return "sha256$" + hashlib.sha256((email.strip().lower() + salt).encode()).hexdigest()


def _issuer_profile(organization: Organization) -> dict[str, Any]:
    return {
        "id": issuer_did(organization),
        "type": ["Profile"],
        "name": organization.name,
        "url": settings.BASE_URL + reverse("catalog:issuer-detail", kwargs={"slug": organization.slug}),
    }


def _identifier(educator: User) -> list[dict[str, Any]]:
    """The educator as a salted hash of their email: the credential names no one in the clear."""
    salt = secrets.token_hex(16)
    return [
        {
            "type": "IdentityObject",
            "identityHash": identity_hash(educator.email, salt),
            "identityType": "emailAddress",
            "hashed": True,
            "salt": salt,
        }
    ]


def _credential_status(award: Award) -> dict[str, Any]:
    url = status_list_url(award.status_list)
    return {
        "id": f"{url}#{award.status_index}",
        "type": "BitstringStatusListEntry",
        "statusPurpose": "revocation",
        "statusListIndex": str(award.status_index),
        "statusListCredential": url,
    }


def _new_award(organization: Organization, **fields: Any) -> Award:
    """An unsaved award with its place in the organization's status list."""
    status_list = _status_list_for(organization)
    return Award(
        organization=organization,
        credential={},
        status_list=status_list,
        status_index=_free_index(status_list),
        **fields,
    )


def _save_new(award: Award, document: dict[str, Any], existing: Callable[[], Award | None]) -> tuple[Award, bool]:
    """Sign ``document`` into ``award`` and save it; ``(award, True)``.

    When a unique constraint says another worker issued it meanwhile (the task
    ran twice), that award stands: ``(existing(), False)``, ``existing`` being
    a callable that looks it up.
    """
    award.credential = _sign(document, issuer_key_active(award.organization))
    try:
        with transaction.atomic():
            award.save()
    except IntegrityError:
        found = existing()
        if found is None:
            raise
        return found, False
    if award.status_list.credential is None:
        status_list_sign(award.status_list)
    return award, True


def _results(submission: Submission, achievement_data: dict[str, Any]) -> list[dict[str, Any]]:
    feedback = {f.requirement_id: f for f in submission.feedback.select_related("requirement")}
    results = []
    requirements = list(submission.enrollment.version.requirements.order_by("order"))
    for description, requirement in zip(achievement_data["resultDescription"], requirements, strict=True):
        row = feedback.get(requirement.pk)
        level = next((lv for lv in description["rubricCriterionLevel"] if row and lv["name"] == row.level_name), None)
        result: dict[str, Any] = {"type": ["Result"], "resultDescription": description["id"]}
        if level is not None:
            result["achievedLevel"] = level["id"]
        results.append(result)
    return results


@transaction.atomic
def award_issue_for_enrollment(enrollment: Enrollment) -> Award:
    """Issue the credential of an earned enrolment; the existing one when it was issued already.

    Raises ValidationError unless the enrolment is earned.
    """
    existing = Award.objects.filter(enrollment=enrollment).first()
    if existing is not None:
        return existing
    if enrollment.status != Enrollment.Status.EARNED:
        raise ValidationError("Only an earned micro-credential gets a credential.", code="not_earned")
    version = enrollment.version
    organization = version.micro_credential.organization
    submission = enrollment.submissions.filter(status=Submission.Status.PASSED).order_by("-number").first()
    if submission is None:
        raise ValidationError("The earned submission is missing.", code="no_submission")
    award = _new_award(
        organization,
        educator=enrollment.educator,
        enrollment=enrollment,
        version=version,
        title=version.title,
        issued_at=enrollment.earned_at or timezone.now(),
    )
    award.valid_until = valid_until_for(award.issued_at, version.validity_months)
    achievement_data = achievement(version)
    # OB 3.0 requires an alignment to link to its target; ones we know only by name stay in the catalog.
    alignments = [a for a in achievement_data.pop("alignment", []) if a.get("targetUrl")]
    if alignments:
        achievement_data["alignment"] = alignments
    document: dict[str, Any] = {
        "@context": CONTEXTS,
        "id": stacks.award_address(award),
        "type": ["VerifiableCredential", "AchievementCredential"],
        "issuer": _issuer_profile(organization),
        "validFrom": _iso(award.issued_at),
        **({"validUntil": _iso(award.valid_until)} if award.valid_until else {}),
        "name": version.title,
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "identifier": _identifier(enrollment.educator),
            "achievement": achievement_data,
            "result": _results(submission, achievement_data),
        },
        "credentialStatus": _credential_status(award),
    }
    award, created = _save_new(award, document, lambda: Award.objects.filter(enrollment=enrollment).first())
    if created:
        audit_record(
            actor=None,
            organization=organization,
            action="award.issued",
            target=award,
            data={"version": str(version.uuid)},
        )
    return award


@transaction.atomic
def award_issue_for_stack(educator: User, stack: Stack) -> Award:
    """Issue the educator's credential for a stack they completed; the existing one when they have it.

    Signed by the stack's organization; its evidence points at each counted
    micro-credential credential, and it expires with the first of them to
    expire. Raises ValidationError when the stack is not published, its
    organization does not issue credentials, or the educator has not
    completed it (see ``stacks.stack_counted_awards``).
    """
    existing = stacks.stack_award_standing(educator, stack)
    if existing is not None:
        return existing
    organization = stack.organization
    if not stack.is_published:
        raise ValidationError("Only a published stack gets a credential.", code="not_published")
    if not organization.issues_credentials:
        raise ValidationError(f"{organization.name} does not issue credentials.", code="not_issuer")
    # Locked: a component revoked meanwhile waits for this to commit, then finds the stack award to revoke.
    counted = stacks.stack_counted_awards(educator, stack, lock=True)
    if counted is None:
        raise ValidationError(f"{stack.completion_text} Not yet done.", code="not_complete")
    expiries = [a.valid_until for a in counted if a.valid_until is not None]
    award = _new_award(
        organization,
        educator=educator,
        kind=Award.Kind.STACK,
        stack=stack,
        title=stack.title,
        issued_at=timezone.now().replace(microsecond=0),
        valid_until=min(expiries) if expiries else None,
    )
    document: dict[str, Any] = {
        "@context": CONTEXTS,
        "id": stacks.award_address(award),
        "type": ["VerifiableCredential", "AchievementCredential"],
        "issuer": _issuer_profile(organization),
        "validFrom": _iso(award.issued_at),
        **({"validUntil": _iso(award.valid_until)} if award.valid_until else {}),
        "name": stack.title,
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "identifier": _identifier(educator),
            "achievement": stacks.stack_achievement(stack, counted),
        },
        "evidence": stacks.stack_evidence(counted),
        "credentialStatus": _credential_status(award),
    }
    award, created = _save_new(award, document, lambda: stacks.stack_award_standing(educator, stack))
    if created:
        audit_record(
            actor=None,
            organization=organization,
            action="award.issued",
            target=award,
            data={"stack": str(stack.uuid), "counted": [str(a.uuid) for a in counted]},
        )
    return award


def stack_awards_issue_after(award: Award) -> list[Award]:
    """Issue every stack credential that ``award`` (a micro-credential award) completes for its educator.

    Looks at published stacks containing the award's micro-credential whose
    organization issues credentials and the educator has no credential for
    yet; safe to run twice. Returns the stack awards issued now.
    """
    if award.kind != Award.Kind.MICRO_CREDENTIAL or award.version is None or award.is_revoked:
        return []
    issued = []
    for stack in stacks.stacks_containing(award.version.micro_credential_id):
        if not stack.organization.issues_credentials or stacks.stack_award_standing(award.educator, stack) is not None:
            continue
        if stacks.stack_counted_awards(award.educator, stack) is None:
            continue
        issued.append(award_issue_for_stack(award.educator, stack))
    return issued


# Revoking and sharing -------------------------------------------------------------------------------------------


@transaction.atomic
def award_revoke(*, actor: User, award: Award, reason: str) -> Award:
    """Revoke with a reason: the award's status bit is set and the list re-signed. Issuer admins only."""
    require(actor, award.organization, Need.MANAGE_ORGANIZATION)
    reason = reason.strip()
    if not reason:
        raise ValidationError("Say why the credential is revoked.", code="reason_required")
    changed = Award.objects.filter(pk=award.pk, revoked_at__isnull=True).update(
        revoked_at=timezone.now(), revoked_reason=reason[:300], revoked_by=actor
    )
    award.refresh_from_db()
    if changed:
        status_list_sign(award.status_list)
        audit_record(
            actor=actor, organization=award.organization, action="award.revoked", target=award, data={"reason": reason}
        )
        award_revoked_notify(award)
        _revoke_stacks_needing(award)
    return award


STACK_COMPONENT_REVOKED = "A credential it required was revoked."


def _revoke_stacks_needing(component: Award) -> None:
    """Revoke the stack credentials that counted ``component`` and are no longer earned without it.

    Part of the component's revocation (same transaction). The stack may
    belong to another organization than the component, so no one there acted:
    the audit entry is the system's and names the revoked component.
    """
    for stack_award in stacks.stack_awards_counting(component):
        if stack_award.stack is None or stacks.stack_counted_awards(stack_award.educator, stack_award.stack):
            continue  # still complete with the educator's other credentials
        changed = Award.objects.filter(pk=stack_award.pk, revoked_at__isnull=True).update(
            revoked_at=timezone.now(), revoked_reason=STACK_COMPONENT_REVOKED
        )
        if changed:
            status_list_sign(stack_award.status_list)
            audit_record(
                actor=None,
                organization=stack_award.organization,
                action="award.revoked",
                target=stack_award,
                data={"reason": STACK_COMPONENT_REVOKED, "component": str(component.uuid)},
            )
            award_revoked_notify(stack_award)


@transaction.atomic
def award_set_public(*, actor: User, award: Award, public: bool) -> Award:
    """The educator shows or hides their credential's page and document to people with the link."""
    if award.educator_id != actor.pk:
        raise Http404("No such credential.")
    if award.is_public != public:
        award.is_public = public
        award.save(update_fields=["is_public"])
        audit_record(actor=actor, organization=None, action="award.shared" if public else "award.hidden", target=award)
    return award


def require_issuer_admin(actor: User, organization: Organization) -> None:
    if not organization.issues_credentials:
        raise PermissionDenied(f"{organization.name} does not issue credentials.")
    require(actor, organization, Need.MANAGE_ORGANIZATION)
