"""Ed25519 keys as Multikey strings, and ``did:key`` documents for them.

``publicKeyMultibase`` is ``z`` + base58btc(0xed 0x01 ‖ 32-byte key) and
``secretKeyMultibase`` is ``z`` + base58btc(0x80 0x26 ‖ 32-byte seed): the
multicodec prefixes ``ed25519-pub`` and ``ed25519-priv`` as varints.
"""

from __future__ import annotations

from typing import Any

import base58
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat, PublicFormat

from evident.credentials.proofs.contexts import DID_V1, MULTIKEY_V1

ED25519_PUBLIC_PREFIX = b"\xed\x01"
ED25519_SECRET_PREFIX = b"\x80\x26"
_BASE58BTC = "z"


class MultikeyError(ValueError):
    """A multibase or Multikey string that is not a well-formed Ed25519 key."""


def encode_multibase(data: bytes) -> str:
    """``z`` + base58btc(data)."""
    return _BASE58BTC + base58.b58encode(data, alphabet=base58.BITCOIN_ALPHABET).decode("ascii")


def decode_multibase(value: str) -> bytes:
    """The bytes of a base58btc multibase string; raises ``MultikeyError``."""
    if not isinstance(value, str) or not value.startswith(_BASE58BTC):
        raise MultikeyError("Only base58btc multibase values (starting with 'z') are supported.")
    try:
        return base58.b58decode(value[1:].encode("ascii"), alphabet=base58.BITCOIN_ALPHABET)
    except (ValueError, UnicodeEncodeError) as error:
        raise MultikeyError("The value is not valid base58btc.") from error


def public_key_bytes(key: Ed25519PublicKey) -> bytes:
    return key.public_bytes(Encoding.Raw, PublicFormat.Raw)


def encode_public_key(key: Ed25519PublicKey) -> str:
    """The ``publicKeyMultibase`` of an Ed25519 public key."""
    return encode_multibase(ED25519_PUBLIC_PREFIX + public_key_bytes(key))


def decode_public_key(value: str) -> Ed25519PublicKey:
    """The Ed25519 public key in a ``publicKeyMultibase``; raises ``MultikeyError``."""
    raw = decode_multibase(value)
    if not raw.startswith(ED25519_PUBLIC_PREFIX) or len(raw) != 34:
        raise MultikeyError("The Multikey is not an Ed25519 public key (expected 0xed01 and 32 bytes).")
    return Ed25519PublicKey.from_public_bytes(raw[2:])


def encode_secret_key(key: Ed25519PrivateKey) -> str:
    """The ``secretKeyMultibase`` of an Ed25519 private key (its 32-byte seed)."""
    seed = key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
    return encode_multibase(ED25519_SECRET_PREFIX + seed)


def decode_secret_key(value: str) -> Ed25519PrivateKey:
    """The Ed25519 private key in a ``secretKeyMultibase``; raises ``MultikeyError``."""
    raw = decode_multibase(value)
    if not raw.startswith(ED25519_SECRET_PREFIX) or len(raw) != 34:
        raise MultikeyError("The Multikey is not an Ed25519 secret key (expected 0x8026 and 32 bytes).")
    return Ed25519PrivateKey.from_private_bytes(raw[2:])


def did_key(key: Ed25519PublicKey) -> str:
    """The ``did:key`` of an Ed25519 public key."""
    return "did:key:" + encode_public_key(key)


def did_key_verification_method(key: Ed25519PublicKey) -> str:
    """The verification method id a proof made with ``key`` under its ``did:key`` names."""
    multikey = encode_public_key(key)
    return f"did:key:{multikey}#{multikey}"


def resolve_did_key(did: str) -> dict[str, Any]:
    """The DID document of an Ed25519 ``did:key`` (``did:key:z6Mk…``), with one Multikey method.

    A fragment, if any, is ignored. Raises ``MultikeyError`` for anything else.
    """
    identifier = did.split("#", 1)[0]
    if not identifier.startswith("did:key:"):
        raise MultikeyError(f"{did!r} is not a did:key.")
    multikey = identifier.removeprefix("did:key:")
    decode_public_key(multikey)
    method_id = f"{identifier}#{multikey}"
    return {
        "@context": [DID_V1, MULTIKEY_V1],
        "id": identifier,
        "verificationMethod": [
            {"id": method_id, "type": "Multikey", "controller": identifier, "publicKeyMultibase": multikey}
        ],
        "authentication": [method_id],
        "assertionMethod": [method_id],
        "capabilityDelegation": [method_id],
        "capabilityInvocation": [method_id],
    }
