"""Signing and verifying Open Badges 3.0 credentials with ``eddsa-rdfc-2022`` Data Integrity proofs.

Django-free: contexts come from pinned local copies (``contexts``), documents
are canonicalized with PyLD + pyoxigraph (``canonical``), keys are Ed25519
Multikeys (``multikey``) and proofs follow the W3C EdDSA cryptosuite (``eddsa``).
"""

from __future__ import annotations

from evident.credentials.proofs.canonical import (
    CanonicalizationError,
    DocumentTooLargeError,
    UndefinedTermError,
    canonicalize,
)
from evident.credentials.proofs.contexts import ContextFileError, UnknownContextError
from evident.credentials.proofs.eddsa import (
    KeyResolutionError,
    KeyResolver,
    ProofError,
    ResolvedKey,
    VerificationResult,
    add_proof,
    create_proof,
    key_from_controller_document,
    verify_proof,
)
from evident.credentials.proofs.multikey import (
    MultikeyError,
    decode_public_key,
    decode_secret_key,
    did_key,
    did_key_verification_method,
    encode_public_key,
    encode_secret_key,
    resolve_did_key,
)

__all__ = [
    "CanonicalizationError",
    "ContextFileError",
    "DocumentTooLargeError",
    "KeyResolutionError",
    "KeyResolver",
    "MultikeyError",
    "ProofError",
    "ResolvedKey",
    "UndefinedTermError",
    "UnknownContextError",
    "VerificationResult",
    "add_proof",
    "canonicalize",
    "create_proof",
    "decode_public_key",
    "decode_secret_key",
    "did_key",
    "did_key_verification_method",
    "encode_public_key",
    "encode_secret_key",
    "key_from_controller_document",
    "resolve_did_key",
    "verify_proof",
]
