"""Issuer keys at rest: Ed25519 private keys, encrypted before they reach the database.

The wrapper is chosen by ``CREDENTIALS_KEY_WRAPPER`` (dotted path to a class
with ``encrypt(bytes) -> str`` and ``decrypt(str) -> bytes``), so a
deployment can hand the work to a KMS. The default uses Fernet with
``CREDENTIALS_KEY_ENCRYPTION_KEY``, or a key derived from ``SECRET_KEY``.
"""

from __future__ import annotations

import base64
from functools import cache
from typing import Protocol

from cryptography.fernet import Fernet
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings
from django.utils.module_loading import import_string


class KeyWrapper(Protocol):
    def encrypt(self, secret: bytes) -> str: ...

    def decrypt(self, token: str) -> bytes: ...


class FernetWrapper:
    """Fernet (AES-128-CBC with HMAC-SHA256) under the configured key."""

    def __init__(self) -> None:
        configured = settings.CREDENTIALS_KEY_ENCRYPTION_KEY
        if configured:
            key = configured.encode()
        else:
            derived = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"evident issuer keys").derive(
                settings.SECRET_KEY.encode()
            )
            key = base64.urlsafe_b64encode(derived)
        self._fernet = Fernet(key)

    def encrypt(self, secret: bytes) -> str:
        return self._fernet.encrypt(secret).decode()

    def decrypt(self, token: str) -> bytes:
        return self._fernet.decrypt(token.encode())


@cache
def _wrapper(path: str) -> KeyWrapper:
    wrapper: KeyWrapper = import_string(path)()
    return wrapper


def wrapper() -> KeyWrapper:
    return _wrapper(settings.CREDENTIALS_KEY_WRAPPER)


def seal(key: Ed25519PrivateKey) -> str:
    raw = key.private_bytes(
        encoding=serialization.Encoding.Raw,
        format=serialization.PrivateFormat.Raw,
        encryption_algorithm=serialization.NoEncryption(),
    )
    return wrapper().encrypt(raw)


def unseal(token: str) -> Ed25519PrivateKey:
    return Ed25519PrivateKey.from_private_bytes(wrapper().decrypt(token))
