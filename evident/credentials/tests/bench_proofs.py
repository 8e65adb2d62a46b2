"""Per-credential sign and verify times: ``python -m evident.credentials.tests.bench_proofs``.

Not a test (no timed assertions); numbers for docs/decisions/0006-credential-proofs.md.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from evident.credentials.proofs import add_proof, did_key_verification_method, verify_proof
from evident.credentials.tests.test_proofs import _credential


def _per_call_ms(action: Callable[[], object], rounds: int = 5, calls: int = 200) -> float:
    samples = []
    for _ in range(rounds):
        start = time.perf_counter()
        for _ in range(calls):
            action()
        samples.append((time.perf_counter() - start) / calls * 1000)
    return statistics.median(samples)


def main() -> None:
    key = Ed25519PrivateKey.generate()
    method = did_key_verification_method(key.public_key())
    document = _credential(method.split("#", 1)[0])
    start = time.perf_counter()
    signed = add_proof(document, private_key=key, verification_method=method)
    first = (time.perf_counter() - start) * 1000
    assert verify_proof(signed).verified  # noqa: S101 (a broken benchmark should stop)
    sign = _per_call_ms(lambda: add_proof(document, private_key=key, verification_method=method))
    verify = _per_call_ms(lambda: verify_proof(signed))
    sys.stdout.write(f"first signature (cold contexts): {first:.1f} ms\n")
    sys.stdout.write(f"sign:   {sign:.2f} ms per credential\nverify: {verify:.2f} ms per credential\n")


if __name__ == "__main__":
    main()
