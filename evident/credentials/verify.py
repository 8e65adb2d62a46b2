"""Checking a credential as a stranger would: proof, issuer key, status and dates.

The platform's own ``did:web`` issuers are resolved from its database (never
over the network), ``did:key`` by the proofs package. Status lists of this
platform are read from the database too.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from django.conf import settings

from evident.credentials.did import slug_from_did
from evident.credentials.proofs import KeyResolutionError, ResolvedKey, key_from_controller_document, verify_proof
from evident.credentials.selectors import issuer_did_document, status_list_get
from evident.credentials.status_list import decode_status_list, get_status


def resolve_platform_key(method_id: str, purpose: str) -> ResolvedKey:
    """A key of one of this platform's issuers, from its DID document."""
    did = method_id.split("#", 1)[0]
    slug = slug_from_did(did)
    if slug is None:
        raise KeyResolutionError(
            f"The key {method_id} is not one of this platform's issuers, so it cannot be checked here."
        )
    try:
        document = issuer_did_document(slug)
    except Exception:
        raise KeyResolutionError(f"No issuer is known as {did}.") from None
    return key_from_controller_document(document, method_id, purpose)


@dataclass(frozen=True)
class Check:
    state: str  # "valid", "revoked", "expired", "not_yet_valid", "invalid"
    reason: str = ""

    @property
    def ok(self) -> bool:
        return self.state == "valid"


def _parse_time(value: Any) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None


def _revoked(document: dict[str, Any]) -> bool | None:
    """True or False from this platform's status list; None when the credential has no status we can read."""
    status = document.get("credentialStatus")
    if not isinstance(status, dict) or status.get("statusPurpose") != "revocation":
        return None
    url = str(status.get("statusListCredential", ""))
    prefix = settings.BASE_URL + "/credentials/status/"
    if not url.startswith(prefix):
        return None
    try:
        status_list = status_list_get(url[len(prefix) :])
        index = int(status["statusListIndex"])
    except Exception:
        return None
    credential = status_list.credential or {}
    encoded = credential.get("credentialSubject", {}).get("encodedList")
    if not encoded:
        return False
    return get_status(decode_status_list(encoded), index)


def check_credential(document: dict[str, Any], *, now: datetime | None = None) -> Check:
    """valid / revoked / expired / invalid, with the reason in plain words."""
    result = verify_proof(document, resolve_key=resolve_platform_key)
    if not result.verified:
        return Check("invalid", result.reason)
    moment = now or datetime.now(UTC)
    valid_from, valid_until = _parse_time(document.get("validFrom")), _parse_time(document.get("validUntil"))
    if _revoked(document):
        return Check("revoked", "The issuer has revoked this credential.")
    if valid_until is not None and valid_until <= moment:
        return Check("expired", f"The credential expired on {valid_until:%B %-d, %Y}.")
    if valid_from is not None and valid_from > moment:
        return Check("not_yet_valid", f"The credential is only valid from {valid_from:%B %-d, %Y}.")
    return Check("valid")
