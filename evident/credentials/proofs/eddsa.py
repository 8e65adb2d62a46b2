"""``eddsa-rdfc-2022`` Data Integrity proofs (W3C Data Integrity EdDSA Cryptosuites v1.0).

Signing input: SHA-256(canonical proof options) ‖ SHA-256(canonical document
without its proof), where both are RDFC-1.0 canonical N-Quads and the proof
options are the proof without ``proofValue``, carrying the document's
``@context``. The signature is Ed25519 over those 64 bytes; ``proofValue`` is
``z`` + base58btc(signature).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from evident.credentials.proofs.canonical import CanonicalizationError, canonicalize, check_size
from evident.credentials.proofs.contexts import UnknownContextError
from evident.credentials.proofs.multikey import (
    MultikeyError,
    decode_multibase,
    decode_public_key,
    encode_multibase,
    resolve_did_key,
)

PROOF_TYPE = "DataIntegrityProof"
CRYPTOSUITE = "eddsa-rdfc-2022"

# XML Schema dateTime, which is what `created` and `expires` are typed as.
_DATETIME = re.compile(r"^-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$")


class ProofError(ValueError):
    """A proof cannot be created; the message says why."""


class KeyResolutionError(Exception):
    """A verification method cannot be turned into a key for the given proof purpose."""


@dataclass(frozen=True)
class ResolvedKey:
    public_key: Ed25519PublicKey
    controller: str  # the DID or URL that controls the key; must be the credential's issuer


# (verification method id, proof purpose) -> key. Raise KeyResolutionError
# with a plain-language message when the method is unknown or not allowed for
# the purpose.
KeyResolver = Callable[[str, str], ResolvedKey]


@dataclass(frozen=True)
class VerificationResult:
    verified: bool
    reason: str = ""  # why verification failed, in plain language; empty when verified
    verification_method: str = ""
    controller: str = ""

    def __bool__(self) -> bool:
        return self.verified


def key_from_controller_document(controller_document: Mapping[str, Any], method_id: str, purpose: str) -> ResolvedKey:
    """The Multikey ``method_id`` from a DID or controller document, if listed under ``purpose``.

    Raises ``KeyResolutionError``. Used for our own ``did:web`` documents and for did:key.
    """
    methods = controller_document.get("verificationMethod", [])
    method = next((m for m in methods if isinstance(m, Mapping) and m.get("id") == method_id), None)
    if method is None:
        raise KeyResolutionError(f"The key {method_id} is not listed in its controller's document.")
    allowed = controller_document.get(purpose, [])
    allowed_ids = {entry if isinstance(entry, str) else entry.get("id") for entry in allowed}
    if method_id not in allowed_ids:
        raise KeyResolutionError(f"The key {method_id} is not authorized for {purpose}.")
    if method.get("type") != "Multikey":
        raise KeyResolutionError(f"The key {method_id} is of type {method.get('type')!r}, not Multikey.")
    controller = method.get("controller")
    if not isinstance(controller, str) or controller != controller_document.get("id"):
        raise KeyResolutionError(f"The key {method_id} does not name its controller document as controller.")
    try:
        public_key = decode_public_key(method.get("publicKeyMultibase", ""))
    except MultikeyError as error:
        raise KeyResolutionError(f"The key {method_id} is unusable: {error}") from error
    return ResolvedKey(public_key=public_key, controller=controller)


def resolve_did_key_method(method_id: str, purpose: str) -> ResolvedKey:
    """The built-in resolver for ``did:key:z6Mk…#z6Mk…`` verification methods."""
    try:
        document = resolve_did_key(method_id)
    except MultikeyError as error:
        raise KeyResolutionError(str(error)) from error
    return key_from_controller_document(document, method_id, purpose)


def _format_datetime(moment: datetime) -> str:
    if moment.tzinfo is None:
        raise ProofError("The proof's creation time must be timezone-aware.")
    return moment.astimezone(UTC).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


def _hash_data(proof_options: Mapping[str, Any], unsecured_document: Mapping[str, Any]) -> bytes:
    proof_hash = hashlib.sha256(canonicalize(proof_options).encode("utf-8")).digest()
    document_hash = hashlib.sha256(canonicalize(unsecured_document).encode("utf-8")).digest()
    return proof_hash + document_hash


def create_proof(
    document: Mapping[str, Any],
    *,
    private_key: Ed25519PrivateKey,
    verification_method: str,
    proof_purpose: str = "assertionMethod",
    created: datetime | None = None,
) -> dict[str, Any]:
    """The ``eddsa-rdfc-2022`` proof for ``document`` (which must not carry a proof yet).

    Raises ``ProofError`` when the document already has a proof or has no
    ``@context``; ``UnknownContextError``, ``UndefinedTermError`` or
    ``DocumentTooLargeError`` (all ``ValueError``) when it cannot be canonicalized.
    """
    if "proof" in document:
        raise ProofError("The document already has a proof; proof sets and chains are not supported.")
    if "@context" not in document:
        raise ProofError("The document has no @context.")
    options: dict[str, Any] = {
        "type": PROOF_TYPE,
        "cryptosuite": CRYPTOSUITE,
        "created": _format_datetime(created or datetime.now(UTC)),
        "verificationMethod": verification_method,
        "proofPurpose": proof_purpose,
    }
    signature = private_key.sign(_hash_data({**options, "@context": document["@context"]}, document))
    return {**options, "proofValue": encode_multibase(signature)}


def add_proof(document: Mapping[str, Any], **kwargs: Any) -> dict[str, Any]:
    """A copy of ``document`` with the proof ``create_proof(document, **kwargs)`` added."""
    return {**document, "proof": create_proof(document, **kwargs)}


def _issuer_id(document: Mapping[str, Any]) -> str | None:
    issuer = document.get("issuer")
    if isinstance(issuer, Mapping):
        issuer = issuer.get("id")
    return issuer if isinstance(issuer, str) else None


def _fail(reason: str, proof: Mapping[str, Any] | None = None) -> VerificationResult:
    method = proof.get("verificationMethod", "") if proof else ""
    return VerificationResult(False, reason, method if isinstance(method, str) else "")


def verify_proof(
    document: Mapping[str, Any],
    *,
    resolve_key: KeyResolver | None = None,
    expected_proof_purpose: str = "assertionMethod",
    now: datetime | None = None,
) -> VerificationResult:
    """Check the ``eddsa-rdfc-2022`` proof on ``document``, which may come from anyone.

    ``did:key`` methods are resolved by the built-in resolver, anything else by
    ``resolve_key``. The key's controller must be the document's issuer when the
    document names one. Never raises for a bad document: the result carries the reason.
    """
    if not isinstance(document, Mapping):
        return _fail("The credential is not a JSON object.")
    try:
        check_size(document)
    except CanonicalizationError as error:
        return _fail(str(error))

    proof = document.get("proof")
    if isinstance(proof, list):
        if len(proof) != 1:
            return _fail("The credential carries several proofs; only a single proof is supported.")
        proof = proof[0]
    if not isinstance(proof, Mapping):
        return _fail("The credential has no proof.")
    if proof.get("type") != PROOF_TYPE:
        return _fail(f"The proof type is {proof.get('type')!r}, not {PROOF_TYPE}.", proof)
    if proof.get("cryptosuite") != CRYPTOSUITE:
        return _fail(f"The proof's cryptosuite is {proof.get('cryptosuite')!r}, not {CRYPTOSUITE}.", proof)
    if proof.get("proofPurpose") != expected_proof_purpose:
        return _fail(f"The proof's purpose is {proof.get('proofPurpose')!r}, not {expected_proof_purpose}.", proof)
    method_id = proof.get("verificationMethod")
    if not isinstance(method_id, str) or not method_id:
        return _fail("The proof does not say which key made it (verificationMethod).", proof)
    for field in ("created", "expires"):
        value = proof.get(field)
        if value is not None and (not isinstance(value, str) or not _DATETIME.match(value)):
            return _fail(f"The proof's {field} value {value!r} is not a date and time.", proof)
    expires = proof.get("expires")
    if isinstance(expires, str):
        try:
            expiry = datetime.fromisoformat(expires)
        except ValueError:
            return _fail(f"The proof's expires value {expires!r} is not a date and time.", proof)
        if expiry.tzinfo is None:
            expiry = expiry.replace(tzinfo=UTC)
        if expiry < (now or datetime.now(UTC)):
            return _fail(f"The proof expired on {expires}.", proof)
    try:
        signature = decode_multibase(proof.get("proofValue", ""))
    except MultikeyError:
        return _fail("The proof's signature (proofValue) is missing or not base58btc.", proof)
    if len(signature) != 64:
        return _fail("The proof's signature is not 64 bytes long, so it is not an Ed25519 signature.", proof)

    context = document.get("@context")
    if context is None:
        return _fail("The credential has no @context.", proof)
    proof_context = proof.get("@context")
    if proof_context is not None:
        # The proof's own @context must be a prefix of the document's (Data Integrity, "Verify Proof").
        document_list = context if isinstance(context, list) else [context]
        proof_list = proof_context if isinstance(proof_context, list) else [proof_context]
        if document_list[: len(proof_list)] != proof_list:
            return _fail("The proof's @context does not match the credential's @context.", proof)

    unsecured = {key: value for key, value in document.items() if key != "proof"}
    options = {key: value for key, value in proof.items() if key != "proofValue"}
    options["@context"] = context
    try:
        hash_data = _hash_data(options, unsecured)
    except UnknownContextError as error:
        return _fail(f"The credential uses a context this verifier does not have: {error.url}.", proof)
    except CanonicalizationError as error:
        return _fail(str(error), proof)

    try:
        if method_id.startswith("did:key:"):
            key = resolve_did_key_method(method_id, expected_proof_purpose)
        elif resolve_key is not None:
            key = resolve_key(method_id, expected_proof_purpose)
        else:
            return _fail(f"There is no way to look up the key {method_id}.", proof)
    except KeyResolutionError as error:
        return _fail(f"The key that made the proof could not be used: {error}", proof)

    issuer = _issuer_id(document)
    if issuer is not None and key.controller != issuer:
        return VerificationResult(
            False,
            f"The proof was made with a key belonging to {key.controller}, not to the issuer {issuer}.",
            method_id,
            key.controller,
        )
    try:
        key.public_key.verify(signature, hash_data)
    except InvalidSignature:
        return VerificationResult(
            False,
            "The signature does not match: the credential was changed after it was signed, or signed with another key.",
            method_id,
            key.controller,
        )
    return VerificationResult(True, "", method_id, key.controller)
