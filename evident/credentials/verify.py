"""Checking a credential as a stranger would: proof, issuer key, OB 3.0 format, status and dates.

The platform's own ``did:web`` issuers are resolved from its database (never
over the network), ``did:key`` by the proofs package, and any other issuer
only from controller documents the caller hands over (``controllers``): the
public verifier hands over none, so it says plainly that it cannot check a
key of an issuer outside this platform. Status lists of this platform are
read from the database too. Every reason is written for someone who has
never heard of a proof or a DID; the technical cause goes in ``detail``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from django.conf import settings
from django.http import Http404

from evident.credentials.did import slug_from_did
from evident.credentials.proofs import KeyResolutionError, ResolvedKey, key_from_controller_document, verify_proof
from evident.credentials.schemas import is_open_badge, schema_problem
from evident.credentials.selectors import issuer_did_document, status_list_get
from evident.credentials.status_list import decode_status_list, get_status

CANNOT_CHECK_ELSEWHERE = (
    "This credential says it was issued by {issuer}, which is not an issuer on this platform. This verifier "
    "checks only credentials from this platform's issuers, so it cannot tell whether this one is genuine: ask "
    "its issuer how to check it."
)
CHANGED = (
    "The signature does not match the credential: it has been changed since its issuer signed it, or it was "
    "signed by someone else. Do not rely on what it says."
)

SOMEONE_ELSE = "The credential was signed by someone other than the issuer it names. Do not rely on what it says."


@dataclass(frozen=True)
class Check:
    state: str  # "valid", "revoked", "expired", "not_yet_valid", "invalid"
    reason: str = ""  # plain words; empty when valid
    detail: str = ""  # the technical cause, for logs and machines

    @property
    def ok(self) -> bool:
        return self.state == "valid"


class _Unknown(KeyResolutionError):
    """The key's controller is neither this platform's issuer nor one of the given controllers."""

    def __init__(self, controller: str, message: str) -> None:
        self.controller = controller
        super().__init__(message)


class _UnknownPlatformIssuer(_Unknown):
    """A did:web of this platform whose organization does not exist or does not issue."""


def resolve_platform_key(method_id: str, purpose: str) -> ResolvedKey:
    """A key of one of this platform's issuers, from its DID document; raises ``KeyResolutionError``."""
    did = method_id.split("#", 1)[0]
    slug = slug_from_did(did)
    if slug is None:
        raise _Unknown(did, f"The key {method_id} is not one of this platform's issuers, so it cannot be checked here.")
    try:
        document = issuer_did_document(slug)
    except Http404:
        raise _UnknownPlatformIssuer(did, f"No issuer is known as {did}.") from None
    return key_from_controller_document(document, method_id, purpose)


class _Resolver:
    """The given controller documents first, then this platform's issuers; remembers why a key was refused."""

    def __init__(self, controllers: Mapping[str, Mapping[str, Any]]) -> None:
        self.controllers = controllers
        self.failure: KeyResolutionError | None = None

    def __call__(self, method_id: str, purpose: str) -> ResolvedKey:
        try:
            controller = self.controllers.get(method_id.split("#", 1)[0])
            if controller is not None:
                return key_from_controller_document(controller, method_id, purpose)
            return resolve_platform_key(method_id, purpose)
        except KeyResolutionError as error:
            self.failure = error
            raise


def _issuer_id(document: Mapping[str, Any]) -> str:
    issuer = document.get("issuer")
    if isinstance(issuer, Mapping):
        issuer = issuer.get("id")
    return issuer if isinstance(issuer, str) else ""


def _issuer_named(document: Mapping[str, Any], identifier: str) -> str:
    """The issuer as the credential names it: "Example Corp (https://…)", or just its identifier."""
    issuer = document.get("issuer")
    name = issuer.get("name") if isinstance(issuer, Mapping) else None
    return f"{name} ({identifier})" if isinstance(name, str) and name.strip() else identifier


# The proofs package's reasons, by how they start, in words for the person checking.
_PLAIN_PROOF_REASONS: list[tuple[str, str]] = [
    ("The credential is not a JSON object", "This is not a credential: a credential is a JSON object."),
    (
        "The credential has no proof",
        "The credential is not signed, so nobody can tell who issued it or whether it was changed.",
    ),
    (
        "The credential carries several proofs",
        "The credential carries several signatures; this verifier checks credentials with exactly one.",
    ),
    (
        "The document is not valid JSON-LD",
        "The credential is not in a form that can be checked: its fields do not fit its vocabulary.",
    ),
    ("The document is ", "The credential is too large or too complicated to check."),
    (
        "The credential has no @context",
        "The credential does not say which vocabulary it uses, so it cannot be checked.",
    ),
    ("The document has more than", "The credential is too large or too complicated to check."),
    (
        "The proof type is",
        "The credential is signed in a way this verifier cannot check.",
    ),
    (
        "The proof's cryptosuite is",
        "The credential is signed in a way this verifier cannot check.",
    ),
    ("The proof's purpose is", "The credential's signature was not made for issuing a credential."),
    ("The proof expired", "The credential's signature has expired."),
    (
        "The credential uses a context",
        "The credential uses a vocabulary this verifier does not know, so it cannot be checked.",
    ),
    (
        "The document uses terms",
        "The credential contains fields its vocabulary does not define, which the "
        "signature would not cover. Do not rely on what it says.",
    ),
    (
        "The proof was made with a key belonging to",
        SOMEONE_ELSE,
    ),
    ("The signature does not match", CHANGED),
    (
        "The key that made the proof could not be used",
        "The credential was signed with a key its issuer does not list as its own, so it cannot be trusted.",
    ),
]


def _plain_proof_failure(reason: str) -> str:
    for start, plain in _PLAIN_PROOF_REASONS:
        if reason.startswith(start):
            return plain
    # The rest: a proof with a missing or malformed part, or a document the canonicalizer refuses.
    return (
        "The credential's signature cannot be checked: it is damaged, incomplete or in a form this verifier "
        "does not read."
    )


def _parse_time(value: Any) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _revocation(document: Mapping[str, Any]) -> tuple[bool | None, str]:
    """(revoked?, why unknown): True or False from this platform's status list; None with a reason otherwise.

    (None, "") when the credential has no revocation status at all.
    """
    status = document.get("credentialStatus")
    if status is None:
        return None, ""
    if not isinstance(status, Mapping) or status.get("statusPurpose") != "revocation":
        return None, f"unsupported credentialStatus {status!r:.200}"
    url = str(status.get("statusListCredential", ""))
    prefix = settings.BASE_URL + "/credentials/status/"
    if not url.startswith(prefix):
        return None, f"status list {url} is not on this platform"
    try:
        status_list = status_list_get(url[len(prefix) :])
        index = int(status["statusListIndex"])
    except (Http404, KeyError, TypeError, ValueError):
        return None, f"no status list {url} with index {status.get('statusListIndex')!r}"
    credential = status_list.credential or {}
    if credential.get("issuer") != _issuer_id(document):
        return None, f"status list {url} belongs to {credential.get('issuer')}, not the credential's issuer"
    encoded = credential.get("credentialSubject", {}).get("encodedList")
    if not encoded:
        return False, ""
    try:
        return get_status(decode_status_list(encoded), index), ""
    except (IndexError, ValueError) as error:
        return None, f"status index {index} cannot be read from {url}: {error}"


def _day(moment: datetime) -> str:
    return f"{moment:%B} {moment.day}, {moment.year}"


def check_credential(
    document: dict[str, Any],
    *,
    now: datetime | None = None,
    controllers: Mapping[str, Mapping[str, Any]] | None = None,
) -> Check:
    """valid / revoked / expired / not_yet_valid / invalid, with the reason in plain words.

    In order: the signature and the issuer's key, the OB 3.0 format (for
    AchievementCredential and OpenBadgeCredential only), revocation, then the
    validity dates against ``now`` (default: the current time). ``controllers``
    maps a controller document's id (a DID or URL) to the document, for keys of
    issuers outside this platform; nothing is ever fetched. Never raises for a
    bad document.
    """
    moment = now or datetime.now(UTC)
    resolver = _Resolver(controllers or {})
    result = verify_proof(document, resolve_key=resolver, now=moment)
    if not result.verified:
        failure = resolver.failure
        if isinstance(failure, _UnknownPlatformIssuer):
            reason = f"This platform has no issuer called {failure.controller}, so the signature cannot be checked."
        elif isinstance(failure, _Unknown):
            issuer = _issuer_id(document)
            if issuer and issuer != failure.controller:
                reason = SOMEONE_ELSE
            else:
                reason = CANNOT_CHECK_ELSEWHERE.format(issuer=_issuer_named(document, failure.controller))
        else:
            reason = _plain_proof_failure(result.reason)
        return Check("invalid", reason, result.reason)

    if is_open_badge(document):
        problem = schema_problem(document)
        if problem is not None:
            return Check("invalid", f"It does not follow the Open Badges 3.0 format: {problem}.", problem)

    dates: dict[str, datetime | None] = {}
    for field in ("validFrom", "validUntil"):
        dates[field] = _parse_time(document.get(field))
        if field in document and dates[field] is None:
            return Check(
                "invalid",
                f"The credential's {'start' if field == 'validFrom' else 'end'} date cannot be read, so it cannot "
                "be relied on.",
                f"{field} {document.get(field)!r} is not a date and time",
            )

    revoked, unknown = _revocation(document)
    if revoked:
        return Check("revoked", "The issuer has revoked this credential.")
    if unknown:
        return Check(
            "invalid",
            "The issuer's list of revoked credentials cannot be read here, so there is no telling whether this "
            "credential has been revoked.",
            unknown,
        )
    valid_from, valid_until = dates["validFrom"], dates["validUntil"]
    if valid_until is not None and valid_until <= moment:
        return Check("expired", f"The credential expired on {_day(valid_until)}.")
    if valid_from is not None and valid_from > moment:
        return Check("not_yet_valid", f"The credential is only valid from {_day(valid_from)}.")
    return Check("valid")
