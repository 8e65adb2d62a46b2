"""Secret tokens shown once and stored as hashes.

Tokens carry 256 bits of randomness, so a fast hash (SHA-256) is enough to
make a stolen database useless: no slow password hash is needed.
"""

from __future__ import annotations

import hashlib
import secrets


def new_secret(nbytes: int = 32) -> str:
    return secrets.token_urlsafe(nbytes)


def digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def make_api_token(kind_prefix: str) -> tuple[str, str, str]:
    """Return ``(token, visible_prefix, digest)``.

    The token reads ``<kind_prefix>_<visible_prefix>_<secret>``; the visible
    prefix lets people tell their tokens apart without revealing them.
    """
    visible = secrets.token_hex(4)
    token = f"{kind_prefix}_{visible}_{new_secret()}"
    return token, visible, digest(token)


def split_api_token(token: str) -> tuple[str, str] | None:
    """Return ``(kind_prefix, visible_prefix)`` or None when malformed."""
    parts = token.split("_", 2)
    if len(parts) != 3 or not all(parts):
        return None
    return parts[0], parts[1]
