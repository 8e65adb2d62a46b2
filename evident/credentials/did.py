"""Issuer identities: ``did:web`` documents served by the platform.

``did:web:<host>:orgs:<slug>`` resolves to ``https://<host>/orgs/<slug>/did.json``;
a port in the host is percent-encoded (``127.0.0.1%3A8000``), as the did:web
method says. The document lists every key of the organization, retired ones
too, so that old credentials keep verifying after a rotation.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote, unquote, urlsplit

from django.conf import settings

from evident.accounts.models import Organization
from evident.credentials.models import IssuerKey

DID_CONTEXTS = ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1"]


def _host() -> str:
    return quote(urlsplit(settings.BASE_URL).netloc, safe="")


def issuer_did(organization: Organization) -> str:
    return f"did:web:{_host()}:orgs:{organization.slug}"


def slug_from_did(did: str) -> str | None:
    """The organization slug of one of this platform's issuer DIDs, or None."""
    prefix = f"did:web:{_host()}:orgs:"
    if not did.startswith(prefix):
        return None
    slug = unquote(did[len(prefix) :])
    return slug if slug and ":" not in slug and "/" not in slug else None


def verification_method_id(key: IssuerKey) -> str:
    return f"{issuer_did(key.organization)}#{key.fragment}"


def did_document(organization: Organization, keys: list[IssuerKey]) -> dict[str, Any]:
    did = issuer_did(organization)
    methods = [
        {
            "id": f"{did}#{key.fragment}",
            "type": "Multikey",
            "controller": did,
            "publicKeyMultibase": key.public_key_multibase,
        }
        for key in keys
    ]
    return {
        "@context": DID_CONTEXTS,
        "id": did,
        "verificationMethod": methods,
        "assertionMethod": [method["id"] for method in methods],
    }
