"""Digital Bazaar's libraries (interop/verify.mjs) verify what evident.credentials.proofs signs.

Each class sends all its credentials to one Node process (a class-scoped
fixture), so the whole file costs a few Node start-ups.
"""

from __future__ import annotations

import copy
import json
import shutil
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from evident.credentials import interop
from evident.credentials.interop import InteropError, verify_with_digital_bazaar
from evident.credentials.proofs import (
    add_proof,
    did_key,
    did_key_verification_method,
    encode_public_key,
    key_from_controller_document,
    verify_proof,
)
from evident.credentials.proofs.contexts import CREDENTIALS_V2, DID_V1, MULTIKEY_V1, OB_3_0_3
from evident.credentials.status_list import bitstring_from_indices, encode_status_list

VECTORS = Path(__file__).resolve().parents[4] / "shared" / "ob3" / "testvectors"

ISSUER = "did:web:example.org"
METHOD = f"{ISSUER}#key-1"
STATUS_LIST_URL = "https://example.org/credentials/status/revocation/1"
STATUS_INDEX = 94_567
SIGNED_AT = datetime(2026, 12, 1, 9, 30, tzinfo=UTC)

# (path into the signed credential, new value): each is covered by the signature.
TAMPERINGS: list[tuple[tuple[str, ...], Any]] = [
    (("name",), "Phonics Foundations (edited)"),
    (("validFrom",), "2020-01-01T00:00:00Z"),
    (("issuer", "name"), "Someone Else"),
    (("credentialSubject", "id"), "did:example:someone-else"),
    (("credentialSubject", "achievement", "criteria", "narrative"), "Anyone."),
    (("credentialStatus", "statusListIndex"), "1"),
    (("proof", "created"), "2026-12-02T09:30:00Z"),
]


def _did_document(private_key: Ed25519PrivateKey) -> dict[str, Any]:
    return {
        "@context": [DID_V1, MULTIKEY_V1],
        "id": ISSUER,
        "verificationMethod": [
            {
                "id": METHOD,
                "type": "Multikey",
                "controller": ISSUER,
                "publicKeyMultibase": encode_public_key(private_key.public_key()),
            }
        ],
        "assertionMethod": [METHOD],
    }


def _credential(issuer: str, *, status: bool = True) -> dict[str, Any]:
    credential: dict[str, Any] = {
        "@context": [CREDENTIALS_V2, OB_3_0_3],
        "id": "urn:uuid:2f1e7c1a-9d3b-4c55-9a0e-7b6b0c1d2e3f",
        "type": ["VerifiableCredential", "AchievementCredential"],
        "name": "Phonics Foundations",
        "issuer": {"id": issuer, "type": ["Profile"], "name": "Teaching Forward"},
        "validFrom": "2026-11-30T09:00:00Z",
        "credentialSubject": {
            "id": "did:example:educator-42",
            "type": ["AchievementSubject"],
            "achievement": {
                "id": "https://evident.example/micro-credentials/8c0f3c5e",
                "type": ["Achievement"],
                "name": "Phonics Foundations",
                "description": "Plans and teaches systematic phonics lessons.",
                "criteria": {"narrative": "Submitted two lesson videos, scored at level 3 or above."},
            },
        },
    }
    if status:
        credential["credentialStatus"] = {
            "id": f"{STATUS_LIST_URL}#{STATUS_INDEX}",
            "type": "BitstringStatusListEntry",
            "statusPurpose": "revocation",
            "statusListIndex": str(STATUS_INDEX),
            "statusListCredential": STATUS_LIST_URL,
        }
    return credential


def _status_list_credential(revoked: list[int]) -> dict[str, Any]:
    return {
        "@context": [CREDENTIALS_V2],
        "id": STATUS_LIST_URL,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": ISSUER,
        "validFrom": "2026-11-01T00:00:00Z",
        "credentialSubject": {
            "id": f"{STATUS_LIST_URL}#list",
            "type": "BitstringStatusList",
            "statusPurpose": "revocation",
            "encodedList": encode_status_list(bitstring_from_indices(revoked)),
        },
    }


def _sign(document: dict[str, Any], key: Ed25519PrivateKey, method: str = METHOD) -> dict[str, Any]:
    return add_proof(document, private_key=key, verification_method=method, created=SIGNED_AT)


def _changed(document: dict[str, Any], path: tuple[str, ...], value: Any) -> dict[str, Any]:
    changed = copy.deepcopy(document)
    target = changed
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return changed


def _our_verifier_agrees(credential: dict[str, Any], did_document: dict[str, Any]) -> bool:
    return verify_proof(
        credential, resolve_key=lambda method, purpose: key_from_controller_document(did_document, method, purpose)
    ).verified


@pytest.fixture(scope="class")
def key() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.generate()


@pytest.fixture(scope="class")
def did_document(key: Ed25519PrivateKey) -> dict[str, Any]:
    return _did_document(key)


class TestTestVector:
    @pytest.fixture(scope="class")
    @classmethod
    def results(cls) -> list[dict[str, Any]]:
        signed = json.loads((VECTORS / "1edtech-obv3p0-signed-credential.json").read_text())
        controller = json.loads((VECTORS / "1edtech-obv3p0-controller.json").read_text())
        documents = {controller["id"]: controller}
        return verify_with_digital_bazaar(
            [
                {"credential": signed, "documents": documents},
                {"credential": _changed(signed, ("name",), "Teamwork Badge (edited)"), "documents": documents},
                {"credential": signed, "documents": {}},
            ]
        )

    def test_it_verifies_1edtechs_signed_credential(self, results):
        assert results[0] == {"verified": True, "revoked": None, "validity": None, "errors": []}

    def test_it_rejects_the_vector_once_changed(self, results):
        assert results[1]["verified"] is False
        assert "Invalid signature." in results[1]["errors"]

    def test_it_loads_nothing_it_was_not_given(self, results):
        # The issuer's controller document is an https URL: without it the
        # static loader fails rather than fetching it.
        assert results[2]["verified"] is False
        assert any("no document for https://example.edu/issuers/565049" in error for error in results[2]["errors"])


class TestOurCredentials:
    @pytest.fixture(scope="class")
    @classmethod
    def batch(cls, key, did_document) -> dict[str, Any]:
        documents = {ISSUER: did_document, STATUS_LIST_URL: _sign(_status_list_credential([]), key)}
        signed = _sign(_credential(ISSUER), key)
        key_issued = _sign(
            _credential(did_key(key.public_key()), status=False), key, did_key_verification_method(key.public_key())
        )
        other_key = Ed25519PrivateKey.generate()
        cases: dict[str, dict[str, Any]] = {
            "did:web": {"credential": signed, "documents": documents},
            "did:key": {"credential": key_issued, "documents": {}},
            "other key": {"credential": _sign(_credential(ISSUER), other_key), "documents": documents},
            "other issuer": {
                "credential": _sign(_credential("did:web:example.net"), key),
                "documents": documents,
            },
        }
        for path, value in TAMPERINGS:
            cases[".".join(path)] = {"credential": _changed(signed, path, value), "documents": documents}
        results = verify_with_digital_bazaar(list(cases.values()))
        return {"cases": cases, "results": dict(zip(cases, results, strict=True))}

    def test_it_verifies_a_credential_from_our_did_web_issuer(self, batch):
        assert batch["results"]["did:web"] == {"verified": True, "revoked": False, "validity": None, "errors": []}

    def test_it_verifies_a_credential_from_a_did_key_issuer(self, batch):
        assert batch["results"]["did:key"] == {"verified": True, "revoked": None, "validity": None, "errors": []}

    @pytest.mark.parametrize("path", [".".join(path) for path, _ in TAMPERINGS])
    def test_it_rejects_a_changed_signed_field(self, batch, did_document, path):
        result = batch["results"][path]
        assert result["verified"] is False
        assert "Invalid signature." in result["errors"]
        assert not _our_verifier_agrees(batch["cases"][path]["credential"], did_document)

    def test_it_rejects_a_signature_by_a_key_the_issuer_does_not_list(self, batch):
        assert batch["results"]["other key"]["verified"] is False
        assert "Invalid signature." in batch["results"]["other key"]["errors"]

    def test_it_rejects_a_key_that_does_not_belong_to_the_issuer(self, batch, did_document):
        # Signed by did:web:example.org's key, claiming did:web:example.net as issuer.
        assert batch["results"]["other issuer"]["verified"] is False
        assert (
            "Credential issuer must match the verification method controller."
            in batch["results"]["other issuer"]["errors"]
        )
        assert not _our_verifier_agrees(batch["cases"]["other issuer"]["credential"], did_document)


class TestRevocation:
    @pytest.fixture(scope="class")
    @classmethod
    def batch(cls, key, did_document) -> dict[str, dict[str, Any]]:
        credential = _sign(_credential(ISSUER), key)
        revoked_list = _sign(_status_list_credential([3, STATUS_INDEX, 131_071]), key)
        neighbours_list = _sign(_status_list_credential([STATUS_INDEX - 1, STATUS_INDEX + 1]), key)
        forged_list = _changed(
            _sign(_status_list_credential([]), key),
            ("credentialSubject", "encodedList"),
            encode_status_list(bitstring_from_indices([STATUS_INDEX])),
        )
        cases = {
            "revoked": revoked_list,
            "neighbours revoked": neighbours_list,
            "forged list": forged_list,
            "list by another key": _sign(_status_list_credential([]), Ed25519PrivateKey.generate()),
        }
        items = [
            {"credential": credential, "documents": {ISSUER: did_document, STATUS_LIST_URL: status_list}}
            for status_list in cases.values()
        ]
        items.append({"credential": credential, "documents": {ISSUER: did_document}})
        results = verify_with_digital_bazaar(items)
        return dict(zip([*cases, "no list"], results, strict=True))

    def test_it_reports_revoked_when_the_bit_is_set(self, batch):
        assert batch["revoked"] == {"verified": True, "revoked": True, "validity": None, "errors": []}

    def test_it_reports_not_revoked_when_only_the_neighbouring_bits_are_set(self, batch):
        # Catches a bit-order mismatch between our encoder and Digital Bazaar's decoder.
        assert batch["neighbours revoked"] == {"verified": True, "revoked": False, "validity": None, "errors": []}

    def test_it_rejects_a_status_list_changed_after_signing(self, batch):
        assert batch["forged list"]["verified"] is False
        assert batch["forged list"]["revoked"] is None
        assert any('BitstringStatusListCredential" not verified' in error for error in batch["forged list"]["errors"])

    def test_it_rejects_a_status_list_signed_by_someone_else(self, batch):
        assert batch["list by another key"]["verified"] is False
        assert batch["list by another key"]["revoked"] is None
        assert any(
            'BitstringStatusListCredential" not verified' in error for error in batch["list by another key"]["errors"]
        )

    def test_it_cannot_say_when_the_status_list_is_missing(self, batch):
        assert batch["no list"]["verified"] is False
        assert batch["no list"]["revoked"] is None
        assert any(STATUS_LIST_URL in error for error in batch["no list"]["errors"])


class TestValidityDates:
    @pytest.fixture(scope="class")
    @classmethod
    def batch(cls, key, did_document) -> dict[str, dict[str, Any]]:
        documents: dict[str, Any] = {ISSUER: did_document}
        expired = _sign({**_credential(ISSUER, status=False), "validUntil": "2026-11-30T18:00:00Z"}, key)
        future = _sign({**_credential(ISSUER, status=False), "validFrom": "2999-01-01T00:00:00Z"}, key)
        cases: dict[str, dict[str, Any]] = {
            "expired": {"credential": expired, "documents": documents},
            "expired, checked while in date": {
                "credential": expired,
                "documents": documents,
                "now": "2026-11-30T12:00:00Z",
            },
            "expired and changed": {"credential": _changed(expired, ("name",), "Edited"), "documents": documents},
            "not yet valid": {"credential": future, "documents": documents},
            "not yet valid, checked later": {
                "credential": future,
                "documents": documents,
                "now": "2999-06-01T00:00:00Z",
            },
        }
        return dict(zip(cases, verify_with_digital_bazaar(list(cases.values())), strict=True))

    def test_it_reports_a_credential_past_its_valid_until_as_expired(self, batch):
        assert batch["expired"]["verified"] is False
        assert batch["expired"]["validity"] == "expired"
        assert interop.verdict(batch["expired"]) == "expired"

    def test_it_checks_the_dates_against_the_given_moment(self, batch):
        assert batch["expired, checked while in date"] == {
            "verified": True,
            "revoked": None,
            "validity": None,
            "errors": [],
        }
        assert batch["not yet valid, checked later"]["verified"] is True

    def test_it_reports_the_dates_before_it_looks_at_the_proof(self, batch):
        # @digitalbazaar/vc refuses the dates first: a changed expired credential still reads "expired".
        assert batch["expired and changed"]["validity"] == "expired"
        assert "Invalid signature." not in batch["expired and changed"]["errors"]

    def test_it_reports_a_credential_before_its_valid_from_as_not_yet_valid(self, batch):
        assert batch["not yet valid"]["validity"] == "not_yet_valid"
        assert interop.verdict(batch["not yet valid"]) == "not_yet_valid"


class TestVerdict:
    @pytest.mark.parametrize(
        ("result", "expected"),
        [
            ({"verified": True, "revoked": None, "validity": None}, "valid"),
            ({"verified": True, "revoked": False, "validity": None}, "valid"),
            ({"verified": True, "revoked": True, "validity": None}, "revoked"),
            ({"verified": False, "revoked": None, "validity": "expired"}, "expired"),
            ({"verified": False, "revoked": None, "validity": "not_yet_valid"}, "not_yet_valid"),
            ({"verified": False, "revoked": None, "validity": None}, "invalid"),
        ],
    )
    def test_it_maps_a_result_to_the_platforms_words(self, result, expected):
        assert interop.verdict(result) == expected


class TestRunning:
    def test_it_refuses_a_now_that_is_not_a_date(self):
        with pytest.raises(InteropError, match='"now" must be a date-time'):
            verify_with_digital_bazaar([{"credential": {}, "documents": {}, "now": "yesterday"}])

    def test_it_says_when_the_packages_are_not_installed(self, monkeypatch, tmp_path):
        monkeypatch.setattr(interop, "INTEROP_DIR", tmp_path)
        with pytest.raises(InteropError, match="npm ci"):
            verify_with_digital_bazaar([])

    def test_it_says_when_node_is_missing(self, monkeypatch):
        monkeypatch.setattr(shutil, "which", lambda name: None)
        with pytest.raises(InteropError, match="Node.js"):
            verify_with_digital_bazaar([])
