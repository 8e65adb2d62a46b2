"""Verify credentials with Digital Bazaar's JavaScript libraries, an implementation we did not write.

The test suite uses this to check that what ``evident.credentials.proofs``
signs is what other verifiers accept. ``interop/verify.mjs`` runs
``@digitalbazaar/vc`` with the ``eddsa-rdfc-2022`` cryptosuite and Bitstring
Status List checks over a static document loader: the same pinned contexts as
``proofs/contexts.py`` (from ``interop/node_modules``) plus the documents each
item supplies; nothing is fetched. ``make setup`` installs it with ``npm ci``.

Django-free.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

INTEROP_DIR = Path(__file__).resolve().parents[2] / "interop"
DEFAULT_TIMEOUT = 60.0  # seconds for a whole batch; Node verifies ~300 small credentials a second


class InteropError(RuntimeError):
    """The independent verifier cannot be run, or it failed without producing results."""


def _command() -> list[str]:
    node = shutil.which("node")
    if node is None:
        raise InteropError("Node.js is not installed (no `node` on PATH); the independent verifier needs Node 18+.")
    if not (INTEROP_DIR / "node_modules" / ".package-lock.json").is_file():
        raise InteropError(
            f"{INTEROP_DIR / 'node_modules'} is missing: run `make setup` (or `cd interop && npm ci`) first."
        )
    return [node, str(INTEROP_DIR / "verify.mjs")]


def verify_with_digital_bazaar(
    items: list[dict[str, Any]], *, timeout: float = DEFAULT_TIMEOUT
) -> list[dict[str, Any]]:
    """Verify each ``{"credential": ..., "documents": {url: json}, "now": iso}`` in one Node process.

    ``documents`` holds everything the credential refers to that is not a
    JSON-LD context: the issuer's DID or controller document, status list
    credentials. ``now`` (optional, an ISO date-time string) is the moment the
    validity dates are checked against, default the current time. Returns, in
    order, ``{"verified": bool, "revoked": bool | None, "validity": "expired" |
    "not_yet_valid" | None, "errors": [str]}``; ``revoked`` is None without a
    ``credentialStatus`` or when the status could not be checked, and a
    revoked credential may still be ``verified`` (its proof is good);
    ``validity`` says why the library refused the dates, None when it did not.
    Raises ``InteropError`` when Node or ``interop/node_modules`` is missing,
    the run fails or exceeds ``timeout``.
    """
    command = _command()
    try:
        completed = subprocess.run(  # noqa: S603 (fixed command, input on stdin)
            command,
            input=json.dumps(items),
            capture_output=True,
            text=True,
            timeout=timeout,
            cwd=INTEROP_DIR,
            check=False,
        )
    except subprocess.TimeoutExpired as error:
        raise InteropError(f"The independent verifier took more than {timeout:g} s for {len(items)} items.") from error
    if completed.returncode != 0:
        raise InteropError(
            f"The independent verifier failed (exit {completed.returncode}): {completed.stderr.strip()[-2000:]}"
        )
    try:
        results = json.loads(completed.stdout)
    except json.JSONDecodeError as error:
        raise InteropError(
            f"The independent verifier printed something that is not JSON: {completed.stdout[:200]!r}"
        ) from error
    if not isinstance(results, list) or len(results) != len(items):
        raise InteropError(f"The independent verifier returned {results!r:.200} for {len(items)} items.")
    return results


def verdict(result: dict[str, Any]) -> str:
    """One result of ``verify_with_digital_bazaar`` as valid / revoked / expired / not_yet_valid / invalid.

    The same words as ``evident.credentials.verify.Check.state``, so the two
    verifiers can be compared. Digital Bazaar checks the dates before the
    proof and the status only after a good proof, so ``revoked`` implies a
    good proof and an in-date credential, and ``expired`` says nothing about
    the proof.
    """
    if result.get("revoked") is True:
        return "revoked"
    if result.get("validity") in {"expired", "not_yet_valid"}:
        return str(result["validity"])
    return "valid" if result.get("verified") is True else "invalid"
