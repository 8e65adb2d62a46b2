"""The public verifier page and its JSON endpoint."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils.html import escape

from evident.accounts.tests.factories import member
from evident.credentials import services
from evident.credentials.did import issuer_did
from evident.credentials.proofs import create_proof
from evident.credentials.tests.test_awards import AwardCase
from evident.credentials.tests.test_verifier_agreement import signed_by_the_organization
from evident.credentials.verify import check_credential

VECTORS = Path(__file__).resolve().parents[4] / "shared" / "ob3" / "testvectors"

# Words a person checking a credential should never have to read.
JARGON = (
    "proof",
    "verificationMethod",
    "controller",
    "JSON-LD",
    "canonical",
    "multibase",
    "cryptosuite",
    "RDF",
    "did:key",
    "context",
)


class VerifierTests(AwardCase):
    def verify(self, **data):
        return Client(enforce_csrf_checks=False).post(reverse("credentials:verify"), data)

    def test_a_stranger_verifies_a_pasted_credential(self):
        award = self.earn()
        response = self.verify(credential=json.dumps(award.credential))
        self.assertContains(response, '<h2 id="verdict-title">Valid</h2>', html=False)
        self.assertContains(response, "Teaching Phonics")

    def test_an_uploaded_file_and_a_public_address_verify(self):
        award = self.earn()
        upload = SimpleUploadedFile("credential.json", json.dumps(award.credential).encode(), "application/json")
        self.assertContains(self.verify(file=upload), "Valid</h2>")
        url = "http://testserver" + award.get_absolute_url()
        self.assertContains(self.verify(url=url), "No public credential is at that address", status_code=422)
        services.award_set_public(actor=self.educator, award=award, public=True)
        self.assertContains(self.verify(url=url), "Valid</h2>")

    def test_tampered_revoked_and_rubbish_each_say_why(self):
        award = self.earn()
        tampered = copy.deepcopy(award.credential)
        tampered["validFrom"] = "2001-01-01T00:00:00Z"
        self.assertContains(self.verify(credential=json.dumps(tampered)), "Not valid</h2>")
        services.award_revoke(actor=member(award.organization, "org_admin"), award=award, reason="Issued in error.")
        self.assertContains(self.verify(credential=json.dumps(award.credential)), "Revoked</h2>")
        self.assertContains(self.verify(credential="{not json"), "it is not valid JSON", status_code=422)
        self.assertContains(self.verify(), "Paste a credential", status_code=422)

    def test_the_json_endpoint(self):
        award = self.earn()
        response = Client().post(
            reverse("credentials:verify-api"), json.dumps(award.credential), content_type="application/json"
        )
        assert response.json()["state"] == "valid"
        assert (
            Client().post(reverse("credentials:verify-api"), "[]", content_type="application/json").status_code == 400
        )

    def test_a_baked_png_and_svg_from_the_credential_page_verify(self):
        award = self.earn()
        owner = self.client_for(self.educator)
        for name in ("award-badge-png", "award-badge-svg"):
            response = owner.get(reverse(f"credentials:{name}", kwargs={"uuid": award.uuid}))
            assert response.status_code == 200
            extension = "png" if name.endswith("png") else "svg"
            upload = SimpleUploadedFile(f"badge.{extension}", response.content)
            self.assertContains(self.verify(file=upload), "Valid</h2>")
        plain = SimpleUploadedFile("badge.svg", b"<svg xmlns='http://www.w3.org/2000/svg'></svg>")
        self.assertContains(self.verify(file=plain), "carries no credential", status_code=422)
        assert self.client.get(reverse("credentials:award-badge-png", kwargs={"uuid": award.uuid})).status_code == 404


class ReasonTests(AwardCase):
    """Each way a credential can fail, as the public page says it: plain words, the technical cause kept aside."""

    def verify(self, document: dict[str, Any]):
        return Client().post(reverse("credentials:verify"), {"credential": json.dumps(document)})

    def assert_says(self, document: dict[str, Any], label: str, reason: str) -> None:
        response = self.verify(document)
        self.assertContains(response, f'<h2 id="verdict-title">{label}</h2>', html=False)
        self.assertContains(response, escape(reason))
        check = check_credential(document)
        assert check.reason == reason
        assert not [word for word in JARGON if word.lower() in check.reason.lower()], check.reason

    def test_a_signed_credential_that_does_not_follow_the_open_badges_format(self):
        award = self.earn()
        achievement = {k: v for k, v in award.credential["credentialSubject"]["achievement"].items() if k != "criteria"}
        document = signed_by_the_organization(
            award, credentialSubject={**award.credential["credentialSubject"], "achievement": achievement}
        )
        self.assert_says(
            document,
            "Not valid",
            'It does not follow the Open Badges 3.0 format: credentialSubject → achievement is missing "criteria".',
        )
        assert check_credential(document).detail == 'credentialSubject → achievement is missing "criteria"'

    def test_a_status_list_credential_is_not_held_to_the_open_badges_format(self):
        award = self.earn()
        award.status_list.refresh_from_db()
        assert award.status_list.credential is not None
        assert check_credential(award.status_list.credential).state == "valid"

    def test_a_changed_credential(self):
        award = self.earn()
        document = copy.deepcopy(award.credential)
        document["credentialSubject"]["achievement"]["name"] = "Something Else"
        self.assert_says(
            document,
            "Not valid",
            "The signature does not match the credential: it has been changed since its issuer signed it, or it "
            "was signed by someone else. Do not rely on what it says.",
        )
        assert "changed after it was signed" in check_credential(document).detail

    def test_an_unsigned_credential(self):
        document = {k: v for k, v in self.earn().credential.items() if k != "proof"}
        self.assert_says(
            document,
            "Not valid",
            "The credential is not signed, so nobody can tell who issued it or whether it was changed.",
        )

    def test_an_expired_credential(self):
        document = signed_by_the_organization(
            self.earn(), validFrom="2024-01-01T00:00:00Z", validUntil="2025-01-01T00:00:00Z"
        )
        self.assert_says(document, "Expired", "The credential expired on January 1, 2025.")

    def test_a_credential_whose_dates_cannot_be_read(self):
        document = signed_by_the_organization(self.earn(), validUntil="next summer")
        # The Open Badges format already says the date must be a date and time.
        self.assert_says(
            document,
            "Not valid",
            "It does not follow the Open Badges 3.0 format: validUntil should be a date and time "
            "(like 2026-01-31T09:00:00Z).",
        )

    def test_a_plain_credential_whose_dates_cannot_be_read(self):
        award = self.earn()
        award.status_list.refresh_from_db()
        assert award.status_list.credential is not None
        unsigned = {k: v for k, v in award.status_list.credential.items() if k != "proof"}
        document = services._sign(
            {**unsigned, "validUntil": "next summer"}, services.issuer_key_active(award.organization)
        )
        self.assert_says(document, "Not valid", "The credential's end date cannot be read, so it cannot be relied on.")

    def test_a_credential_from_an_issuer_outside_this_platform(self):
        vector = json.loads((VECTORS / "1edtech-obv3p0-signed-credential.json").read_text())
        self.assert_says(
            vector,
            "Not valid",
            "This credential says it was issued by Example Corp (https://example.edu/issuers/565049), which is "
            "not an issuer on this platform. This verifier checks only credentials from this platform's issuers, "
            "so it cannot tell whether this one is genuine: ask its issuer how to check it.",
        )
        controller = json.loads((VECTORS / "1edtech-obv3p0-controller.json").read_text())
        assert check_credential(vector, controllers={controller["id"]: controller}).state == "valid"

    def test_a_credential_naming_an_issuer_this_platform_does_not_have(self):
        award = self.earn()
        nobody = issuer_did(award.organization).rsplit(":", 1)[0] + ":nobody"
        unsigned = {k: v for k, v in award.credential.items() if k != "proof"}
        unsigned["issuer"] = {**unsigned["issuer"], "id": nobody}
        document = {
            **unsigned,
            "proof": [
                create_proof(unsigned, private_key=Ed25519PrivateKey.generate(), verification_method=f"{nobody}#key-1")
            ],
        }
        self.assert_says(
            document, "Not valid", f"This platform has no issuer called {nobody}, so the signature cannot be checked."
        )

    def test_a_credential_signed_by_another_issuer_than_it_names(self):
        award = self.earn()
        nobody = issuer_did(award.organization).rsplit(":", 1)[0] + ":nobody"
        document = signed_by_the_organization(award, issuer={**award.credential["issuer"], "id": nobody})
        self.assert_says(
            document,
            "Not valid",
            "The credential was signed by someone other than the issuer it names. Do not rely on what it says.",
        )

    def test_a_credential_whose_revocation_list_cannot_be_read(self):
        award = self.earn()
        status = award.credential["credentialStatus"]
        elsewhere = status["statusListCredential"].rsplit("/", 1)[0] + "/00000000-0000-4000-8000-000000000000"
        document = signed_by_the_organization(
            award, credentialStatus={**status, "statusListCredential": elsewhere, "id": f"{elsewhere}#1"}
        )
        self.assert_says(
            document,
            "Not valid",
            "The issuer's list of revoked credentials cannot be read here, so there is no telling whether this "
            "credential has been revoked.",
        )

    def test_the_json_endpoint_gives_the_same_reason(self):
        vector = json.loads((VECTORS / "1edtech-obv3p0-signed-credential.json").read_text())
        response = Client().post(reverse("credentials:verify-api"), json.dumps(vector), content_type="application/json")
        body = response.json()
        assert (body["state"], body["verified"]) == ("invalid", False)
        assert body["reason"] == check_credential(vector).reason


def _vector_with(change: Any) -> dict[str, Any]:
    document: dict[str, Any] = json.loads((VECTORS / "1edtech-obv3p0-signed-credential.json").read_text())
    change(document)
    return document


def _controllers() -> dict[str, Any]:
    controller = json.loads((VECTORS / "1edtech-obv3p0-controller.json").read_text())
    return {controller["id"]: controller}


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (
            lambda d: d.update(proof=[d["proof"], d["proof"]]),
            "The credential carries several signatures; this verifier checks credentials with exactly one.",
        ),
        (
            lambda d: d["proof"].update(type="Ed25519Signature2020"),
            "The credential is signed in a way this verifier cannot check.",
        ),
        (
            lambda d: d["proof"].update(cryptosuite="ecdsa-rdfc-2019"),
            "The credential is signed in a way this verifier cannot check.",
        ),
        (
            lambda d: d["proof"].update(proofPurpose="authentication"),
            "The credential's signature was not made for issuing a credential.",
        ),
        (
            lambda d: d["@context"].append("https://example.org/my-context.json"),
            "The credential uses a vocabulary this verifier does not know, so it cannot be checked.",
        ),
        (
            lambda d: d["proof"].update(verificationMethod="https://example.edu/issuers/565049#key-2"),
            "The credential was signed with a key its issuer does not list as its own, so it cannot be trusted.",
        ),
        (
            lambda d: d["proof"].update(proofValue="z123"),
            "The credential's signature cannot be checked: it is damaged, incomplete or in a form this verifier "
            "does not read.",
        ),
    ],
)
def test_every_failure_of_the_signature_is_told_in_plain_words(change, reason):
    check = check_credential(_vector_with(change), controllers=_controllers())
    assert (check.state, check.reason) == ("invalid", reason), check.detail
    assert check.detail and check.detail != check.reason
