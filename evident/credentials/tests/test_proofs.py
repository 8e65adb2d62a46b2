"""eddsa-rdfc-2022 proofs: 1EdTech's signed test vector, round trips, refusals, Multikey."""

from __future__ import annotations

import copy
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from evident.credentials.proofs import (
    DocumentTooLargeError,
    KeyResolutionError,
    ProofError,
    ResolvedKey,
    UndefinedTermError,
    UnknownContextError,
    add_proof,
    canonical,
    canonicalize,
    contexts,
    create_proof,
    decode_public_key,
    decode_secret_key,
    did_key,
    did_key_verification_method,
    encode_public_key,
    encode_secret_key,
    key_from_controller_document,
    resolve_did_key,
    verify_proof,
)
from evident.credentials.proofs.multikey import decode_multibase, encode_multibase

# 1EdTech's OB 3.0 test vectors, in the project's shared/ folder beside the repository.
VECTORS = Path(__file__).resolve().parents[4] / "shared" / "ob3" / "testvectors"


def _load(name: str) -> Any:
    return json.loads((VECTORS / name).read_text())


@pytest.fixture
def signed_vector() -> dict[str, Any]:
    document: dict[str, Any] = _load("1edtech-obv3p0-signed-credential.json")
    return document


@pytest.fixture
def controller() -> dict[str, Any]:
    document: dict[str, Any] = _load("1edtech-obv3p0-controller.json")
    return document


def _resolver(controller_document: dict[str, Any]):
    def resolve(method_id: str, purpose: str) -> ResolvedKey:
        return key_from_controller_document(controller_document, method_id, purpose)

    return resolve


def _credential(issuer: str) -> dict[str, Any]:
    return {
        "@context": [
            "https://www.w3.org/ns/credentials/v2",
            "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
        ],
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


class TestTestVector:
    def test_it_canonicalizes_the_document_byte_for_byte(self, signed_vector):
        unsecured = {key: value for key, value in signed_vector.items() if key != "proof"}
        expected = (VECTORS / "1edtech-obv3p0-document-canon.txt").read_bytes()
        assert canonicalize(unsecured).encode("utf-8") == expected

    def test_it_canonicalizes_the_proof_options_byte_for_byte(self, signed_vector):
        options = {key: value for key, value in signed_vector["proof"].items() if key != "proofValue"}
        options["@context"] = signed_vector["@context"]
        expected = (VECTORS / "1edtech-obv3p0-proof-canon.txt").read_bytes()
        assert canonicalize(options).encode("utf-8") == expected

    def test_it_verifies_the_signed_credential(self, signed_vector, controller):
        result = verify_proof(signed_vector, resolve_key=_resolver(controller))
        assert result.verified, result.reason
        assert result.controller == "https://example.edu/issuers/565049"

    @pytest.mark.parametrize(
        ("path", "value"),
        [
            (("name",), "Teamwork Badge (edited)"),
            (("validFrom",), "2011-01-01T00:00:00Z"),
            (("credentialSubject", "achievement", "criteria", "narrative"), "Anyone."),
            (("credentialSubject", "id"), "did:example:someone-else"),
            (("proof", "created"), "2010-01-01T19:23:25Z"),
        ],
    )
    def test_it_rejects_a_changed_signed_field(self, signed_vector, controller, path, value):
        target = signed_vector
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value
        result = verify_proof(signed_vector, resolve_key=_resolver(controller))
        assert not result.verified
        assert "signature does not match" in result.reason

    def test_it_knows_the_controller_key(self, controller):
        method = controller["verificationMethod"][0]
        key = decode_public_key(method["publicKeyMultibase"])
        assert encode_public_key(key) == "z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi"
        assert decode_multibase(method["publicKeyMultibase"])[:2] == b"\xed\x01"


class TestRoundTrip:
    @pytest.fixture
    def key(self) -> Ed25519PrivateKey:
        return Ed25519PrivateKey.generate()

    def _sign(self, key: Ed25519PrivateKey) -> dict[str, Any]:
        issuer = did_key(key.public_key())
        return add_proof(
            _credential(issuer),
            private_key=key,
            verification_method=did_key_verification_method(key.public_key()),
            created=datetime(2026, 11, 30, 9, 0, 5, 123, tzinfo=UTC),
        )

    def test_it_signs_and_verifies(self, key):
        signed = self._sign(key)
        assert signed["proof"]["created"] == "2026-11-30T09:00:05Z"
        assert signed["proof"]["cryptosuite"] == "eddsa-rdfc-2022"
        assert signed["proof"]["proofValue"].startswith("z")
        assert verify_proof(signed).verified

    def test_it_survives_a_json_round_trip(self, key):
        signed = json.loads(json.dumps(self._sign(key), indent=2))
        assert verify_proof(signed).verified

    def test_it_rejects_a_tampered_credential(self, key):
        signed = self._sign(key)
        signed["credentialSubject"]["achievement"]["name"] = "Advanced Phonics"
        result = verify_proof(signed)
        assert not result.verified
        assert "signature does not match" in result.reason

    def test_it_rejects_another_key(self, key):
        signed = self._sign(key)
        other = Ed25519PrivateKey.generate().public_key()
        method = did_key_verification_method(other)
        signed["proof"]["verificationMethod"] = method
        signed["issuer"]["id"] = did_key(other)
        result = verify_proof(signed)
        assert not result.verified
        assert "signature does not match" in result.reason

    def test_it_rejects_a_key_that_is_not_the_issuers(self, key):
        signed = self._sign(key)
        signed["issuer"]["id"] = "https://evident.example/organizations/teaching-forward"
        result = verify_proof(signed)
        assert not result.verified
        assert "not to the issuer" in result.reason

    def test_it_uses_the_callers_resolver_for_other_methods(self, key, controller):
        controller_document = copy.deepcopy(controller)
        controller_document["verificationMethod"][0]["publicKeyMultibase"] = encode_public_key(key.public_key())
        method = controller_document["verificationMethod"][0]["id"]
        document = _credential(controller_document["id"])
        signed = add_proof(document, private_key=key, verification_method=method)
        assert verify_proof(signed, resolve_key=_resolver(controller_document)).verified
        assert "no way to look up" in verify_proof(signed).reason

    def test_it_reports_a_resolver_refusal(self, key):
        signed = add_proof(
            _credential("https://evident.example/issuers/1"),
            private_key=key,
            verification_method="https://evident.example/issuers/1#key-1",
        )

        def refuse(method_id: str, purpose: str) -> ResolvedKey:
            raise KeyResolutionError(f"The key {method_id} has been retired.")

        result = verify_proof(signed, resolve_key=refuse)
        assert not result.verified
        assert "has been retired" in result.reason

    @pytest.mark.parametrize(
        ("field", "value", "reason"),
        [
            ("type", "Ed25519Signature2020", "proof type"),
            ("cryptosuite", "ecdsa-rdfc-2019", "cryptosuite"),
            ("proofPurpose", "authentication", "purpose"),
            ("proofValue", "not-multibase", "base58btc"),
            ("proofValue", "z3yMhPLw", "64 bytes"),
            ("created", "yesterday", "date and time"),
            ("expires", "2020-01-01T00:00:00Z", "expired"),
        ],
    )
    def test_it_explains_a_malformed_proof(self, key, field, value, reason):
        signed = self._sign(key)
        signed["proof"][field] = value
        result = verify_proof(signed)
        assert not result.verified
        assert reason in result.reason

    def test_it_explains_a_missing_proof(self):
        assert verify_proof(_credential("did:example:x")).reason == "The credential has no proof."

    def test_it_refuses_to_sign_twice(self, key):
        with pytest.raises(ProofError, match="already has a proof"):
            create_proof(self._sign(key), private_key=key, verification_method="did:example:x#1")


class TestRefusals:
    @pytest.fixture
    def key(self) -> Ed25519PrivateKey:
        return Ed25519PrivateKey.generate()

    def _create(self, document: dict[str, Any], key: Ed25519PrivateKey) -> dict[str, Any]:
        return create_proof(
            document, private_key=key, verification_method=did_key_verification_method(key.public_key())
        )

    def test_it_refuses_an_undefined_top_level_term(self, key):
        document = _credential("did:example:x")
        document["favouriteColour"] = "blue"
        with pytest.raises(UndefinedTermError, match="favouriteColour"):
            self._create(document, key)

    def test_it_refuses_an_undefined_nested_term(self, key):
        document = _credential("did:example:x")
        document["credentialSubject"]["achievement"]["difficulty"] = "hard"
        with pytest.raises(UndefinedTermError, match="difficulty"):
            self._create(document, key)

    def test_it_refuses_an_undefined_type(self, key):
        document = _credential("did:example:x")
        document["type"].append("MicroCredentialAward")
        with pytest.raises(UndefinedTermError, match="MicroCredentialAward"):
            self._create(document, key)

    def test_it_refuses_a_relative_identifier(self, key):
        document = _credential("did:example:x")
        document["credentialSubject"]["achievement"]["id"] = "achievements/8c0f3c5e"
        with pytest.raises(UndefinedTermError, match="absolute IRI"):
            self._create(document, key)

    def test_it_refuses_an_unknown_context(self, key):
        document = _credential("did:example:x")
        document["@context"].append("https://example.com/my-context.json")
        with pytest.raises(UnknownContextError, match="never fetched"):
            self._create(document, key)

    def test_the_loader_refuses_an_unknown_context(self):
        with pytest.raises(UnknownContextError):
            contexts.document_loader("https://www.w3.org/2018/credentials/v1")

    def test_it_refuses_to_verify_with_an_unknown_context(self, signed_vector, controller):
        signed_vector["@context"].append("https://example.com/my-context.json")
        result = verify_proof(signed_vector, resolve_key=_resolver(controller))
        assert not result.verified
        assert "https://example.com/my-context.json" in result.reason

    def test_it_refuses_oversize_input(self, signed_vector, controller):
        signed_vector["description"] = "x" * canonical.MAX_DOCUMENT_BYTES
        result = verify_proof(signed_vector, resolve_key=_resolver(controller))
        assert not result.verified
        assert "bytes" in result.reason
        with pytest.raises(DocumentTooLargeError):
            canonicalize(signed_vector)

    def test_it_refuses_too_many_blank_nodes(self, signed_vector, controller):
        signed_vector["credentialSubject"]["achievement"]["alignment"] = [
            {"type": ["Alignment"], "targetName": f"Standard {n}", "targetUrl": "https://example.com/s"}
            for n in range(canonical.MAX_BLANK_NODES + 1)
        ]
        result = verify_proof(signed_vector, resolve_key=_resolver(controller))
        assert not result.verified
        assert "unnamed nodes" in result.reason

    def test_it_requires_a_timezone(self, key):
        with pytest.raises(ProofError, match="timezone"):
            create_proof(
                _credential("did:example:x"),
                private_key=key,
                verification_method="did:example:x#1",
                created=datetime(2026, 1, 1),  # noqa: DTZ001 (the point of the test)
            )


class TestContexts:
    def test_every_pinned_context_loads_and_matches_its_hash(self):
        for url in contexts.CONTEXTS:
            assert "@context" in contexts.load_context(url)

    def test_it_refuses_a_changed_file(self, tmp_path, monkeypatch):
        pinned = contexts.CONTEXTS[contexts.DID_V1]
        target = tmp_path / pinned.package / pinned.path
        target.parent.mkdir(parents=True)
        target.write_text('{"@context": {"id": "@id"}}')
        monkeypatch.setenv("EVIDENT_NODE_MODULES", str(tmp_path))
        contexts.load_context.cache_clear()
        try:
            with pytest.raises(contexts.ContextFileError, match="not the pinned"):
                contexts.load_context(contexts.DID_V1)
        finally:
            monkeypatch.delenv("EVIDENT_NODE_MODULES")
            contexts.load_context.cache_clear()


class TestMultikey:
    def test_it_round_trips_public_and_secret_keys(self):
        key = Ed25519PrivateKey.generate()
        public = encode_public_key(key.public_key())
        secret = encode_secret_key(key)
        assert public.startswith("z6Mk")
        assert secret.startswith("z3u2")
        assert decode_multibase(secret)[:2] == b"\x80\x26"
        assert encode_public_key(decode_public_key(public)) == public
        assert encode_secret_key(decode_secret_key(secret)) == secret
        assert encode_public_key(decode_secret_key(secret).public_key()) == public

    def test_base58_keeps_leading_zero_bytes(self):
        for data in (b"", b"\x00", b"\x00\x00\x01", bytes(range(40))):
            assert decode_multibase(encode_multibase(data)) == data
        assert encode_multibase(b"\x00\x00\x01") == "z112"

    def test_it_refuses_a_secret_key_as_a_public_key(self):
        secret = encode_secret_key(Ed25519PrivateKey.generate())
        with pytest.raises(ValueError, match="public key"):
            decode_public_key(secret)

    def test_it_resolves_a_did_key(self):
        key = Ed25519PrivateKey.generate()
        did = did_key(key.public_key())
        document = resolve_did_key(did)
        method = document["verificationMethod"][0]
        assert document["id"] == did
        assert method["type"] == "Multikey"
        assert method["controller"] == did
        assert method["id"] == did_key_verification_method(key.public_key())
        assert document["assertionMethod"] == [method["id"]]
        resolved = key_from_controller_document(document, method["id"], "assertionMethod")
        assert encode_public_key(resolved.public_key) == encode_public_key(key.public_key())

    def test_the_did_document_is_valid_json_ld(self):
        # Everything in it is defined by the pinned DID and Multikey contexts.
        document = resolve_did_key(did_key(Ed25519PrivateKey.generate().public_key()))
        assert "https://w3id.org/security#publicKeyMultibase" in canonicalize(document)

    def test_a_method_not_listed_for_the_purpose_is_refused(self, controller):
        method_id = controller["verificationMethod"][0]["id"]
        with pytest.raises(KeyResolutionError, match="not authorized for authentication"):
            key_from_controller_document(controller, method_id, "authentication")
