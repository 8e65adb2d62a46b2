#!/usr/bin/env python
"""Signing and verifying throughput: our Python signer against the Node reference.

Both sides sign and verify the same credential (1EdTech's OB 3.0 test
credential, re-signed with a fresh did:key) N times, one process each, in the
same run, so the ratio compares one core with one core. The Node reference is
Digital Bazaar's libraries in interop/ (``node interop/verify.mjs --bench``).
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey  # noqa: E402

from evident.credentials.proofs import add_proof, did_key_verification_method, verify_proof  # noqa: E402

VECTOR = ROOT.parent / "shared" / "ob3" / "testvectors" / "1edtech-obv3p0-signed-credential.json"
COUNT = 500


def python_rates(credential: dict[str, object], count: int) -> tuple[float, float]:
    key = Ed25519PrivateKey.generate()
    method = did_key_verification_method(key.public_key())
    unsigned = {**credential, "issuer": {**credential["issuer"], "id": method.split("#")[0]}}  # type: ignore[dict-item]
    add_proof(unsigned, private_key=key, verification_method=method)  # warm the context cache, as a server would be
    start = time.perf_counter()
    signed = [add_proof(unsigned, private_key=key, verification_method=method) for _ in range(count)]
    sign_seconds = time.perf_counter() - start
    start = time.perf_counter()
    for document in signed:
        if not verify_proof(document).verified:
            raise SystemExit("a credential we signed did not verify")
    verify_seconds = time.perf_counter() - start
    return count / sign_seconds, count / verify_seconds


def node_rates(credential: dict[str, object], count: int) -> tuple[float, float]:
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as handle:
        json.dump(credential, handle)
    output = subprocess.run(  # noqa: S603 - our own script, fixed arguments
        ["node", str(ROOT / "interop" / "verify.mjs"), "--bench", str(count), handle.name],  # noqa: S607
        capture_output=True,
        text=True,
        check=True,
        timeout=600,
    )
    rates = json.loads(output.stdout)
    return float(rates["sign_ops_per_sec"]), float(rates["verify_ops_per_sec"])


def main() -> None:
    credential = json.loads(VECTOR.read_text())
    credential.pop("proof", None)
    ours = python_rates(credential, COUNT)
    theirs = node_rates(credential, COUNT)
    print(f"{COUNT} credentials, one process each (1EdTech's OB 3.0 test credential, eddsa-rdfc-2022)")
    print(f"{'':10}{'Evident (Python)':>20}{'Node reference':>18}{'ratio':>9}")
    for label, mine, reference in (("sign", ours[0], theirs[0]), ("verify", ours[1], theirs[1])):
        print(f"{label:10}{mine:>15.1f} op/s{reference:>13.1f} op/s{mine / reference:>9.2f}")


if __name__ == "__main__":
    main()
