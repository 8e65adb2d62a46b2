"""The platform's verifier (``check_credential``) and Digital Bazaar's (``interop/verify.mjs``) reach the same verdict.

Credentials are issued through the real services (an earned enrolment, a
revocation by an issuer admin, the organization's own key), then each case is
checked by both verifiers and both verdicts are put in the same words: valid,
invalid, revoked, expired. All of a class's cases go to one Node process.

Known, intended differences are not cases here: only ours checks the OB 3.0
JSON Schema (``test_verifier.py`` shows that reason), and for a credential
that is both expired and revoked ours says revoked while Digital Bazaar,
which checks dates before it reads the status list, says expired.
"""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, ClassVar

from evident.accounts.tests.factories import member
from evident.credentials import services
from evident.credentials.interop import verdict, verify_with_digital_bazaar
from evident.credentials.models import Award
from evident.credentials.selectors import issuer_did_document
from evident.credentials.tests.test_awards import AwardCase
from evident.credentials.verify import check_credential

VECTORS = Path(__file__).resolve().parents[4] / "shared" / "ob3" / "testvectors"

# (path into the signed credential, change): every one is covered by the signature.
TAMPERINGS: dict[str, tuple[tuple[str | int, ...], Any]] = {
    "name": (("name",), "Teaching Phonics (edited)"),
    "validFrom": (("validFrom",), "2001-01-01T00:00:00Z"),
    "issuer name": (("issuer", "name"), "Someone Else"),
    "achievement name": (("credentialSubject", "achievement", "name"), "Something Else"),
    "criteria": (("credentialSubject", "achievement", "criteria", "narrative"), "Anyone who asks."),
    "identity hash": (("credentialSubject", "identifier", 0, "identityHash"), "sha256$" + "0" * 64),
    "achieved level": (
        ("credentialSubject", "result", 0, "achievedLevel"),
        "urn:uuid:00000000-0000-0000-0000-000000000000",
    ),
    "status index": (("credentialStatus", "statusListIndex"), "1"),
    "proof created": (("proof", 0, "created"), "2001-01-01T00:00:00Z"),
}

# A time inside the expired credential's validity period, for checking its proof.
EXPIRED_FROM, EXPIRED_UNTIL, WHILE_IN_DATE = "2024-01-01T00:00:00Z", "2025-01-01T00:00:00Z", "2024-06-01T00:00:00Z"


@dataclass
class Case:
    credential: dict[str, Any]
    documents: dict[str, Any] = field(default_factory=dict)  # for Digital Bazaar's static loader
    controllers: dict[str, Any] = field(default_factory=dict)  # for ours: issuers outside this platform
    now: str | None = None

    def ours(self) -> str:
        moment = datetime.fromisoformat(self.now.replace("Z", "+00:00")) if self.now else None
        return check_credential(self.credential, now=moment, controllers=self.controllers).state

    def item(self) -> dict[str, Any]:
        item: dict[str, Any] = {"credential": self.credential, "documents": self.documents}
        if self.now:
            item["now"] = self.now
        return item


def changed(document: dict[str, Any], path: tuple[str | int, ...], value: Any) -> dict[str, Any]:
    result = copy.deepcopy(document)
    target: Any = result
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return result


def platform_documents(*awards: Award) -> dict[str, Any]:
    """The issuers' DID documents and status lists as published now: what a stranger would download."""
    documents: dict[str, Any] = {}
    for award in awards:
        award.status_list.refresh_from_db()
        status_list = award.status_list.credential
        assert status_list is not None
        documents[status_list["id"]] = status_list
        did = issuer_did_document(award.organization.slug)
        documents[did["id"]] = did
    return documents


def signed_by_the_organization(award: Award, **fields: Any) -> dict[str, Any]:
    """The award's credential with ``fields`` changed, re-signed with its organization's key as issuing signs."""
    unsigned = {name: value for name, value in award.credential.items() if name != "proof"}
    unsigned.update(fields)
    return services._sign(unsigned, services.issuer_key_active(award.organization))


class VerifierAgreementCase(AwardCase):
    """Builds every case once per class and verifies them all with Digital Bazaar in one process."""

    cases: ClassVar[dict[str, Case]]
    digital_bazaar: ClassVar[dict[str, dict[str, Any]]]

    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        helper = cls(methodName="setUp")  # the earning helpers are instance methods
        helper.setUp()
        cls.cases = cls.build_cases(helper)
        results = verify_with_digital_bazaar([case.item() for case in cls.cases.values()])
        cls.digital_bazaar = dict(zip(cls.cases, results, strict=True))

    @classmethod
    def build_cases(cls, helper: AwardCase) -> dict[str, Case]:
        raise NotImplementedError

    def assert_agree(self, name: str, expected: str) -> None:
        case, result = self.cases[name], self.digital_bazaar[name]
        ours = case.ours()
        assert (ours, verdict(result)) == (expected, expected), f"{name}: ours {ours}, Digital Bazaar {result}"


class PlatformCredentialAgreementTests(VerifierAgreementCase):
    @classmethod
    def build_cases(cls, helper: AwardCase) -> dict[str, Case]:
        valid = helper.earn()
        revoked = helper.earn(helper.other_educator)
        services.award_revoke(actor=member(revoked.organization, "org_admin"), award=revoked, reason="Issued in error.")
        revoked.refresh_from_db()
        expired = signed_by_the_organization(valid, validFrom=EXPIRED_FROM, validUntil=EXPIRED_UNTIL)
        documents = platform_documents(valid, revoked)
        cases = {
            "valid": Case(valid.credential, documents),
            "revoked": Case(revoked.credential, documents),
            "revoked, then changed": Case(changed(revoked.credential, ("name",), "Edited"), documents),
            "expired": Case(expired, documents),
            "expired, checked while in date": Case(expired, documents, now=WHILE_IN_DATE),
            "added field": Case({**valid.credential, "description": "Added after signing."}, documents),
            "removed results": Case(
                {
                    **valid.credential,
                    "credentialSubject": {
                        k: v for k, v in valid.credential["credentialSubject"].items() if k != "result"
                    },
                },
                documents,
            ),
            "without the issuer's documents": Case(valid.credential, {}),
        }
        for name, (path, value) in TAMPERINGS.items():
            cases[f"changed {name}"] = Case(changed(valid.credential, path, value), documents)
        return cases

    def test_it_agrees_on_a_valid_credential(self):
        self.assert_agree("valid", "valid")
        assert self.digital_bazaar["valid"]["revoked"] is False

    def test_it_agrees_on_every_tampered_signed_field(self):
        for name in [*(f"changed {name}" for name in TAMPERINGS), "added field", "removed results"]:
            with self.subTest(name):
                self.assert_agree(name, "invalid")
                assert "Invalid signature." in self.digital_bazaar[name]["errors"]

    def test_it_agrees_on_a_revoked_credential(self):
        self.assert_agree("revoked", "revoked")
        self.assert_agree("revoked, then changed", "invalid")

    def test_it_agrees_on_an_expired_credential(self):
        self.assert_agree("expired", "expired")
        assert self.cases["expired"].credential["validUntil"] == EXPIRED_UNTIL
        # Digital Bazaar checks dates before the proof: in its validity period the same credential verifies.
        self.assert_agree("expired, checked while in date", "valid")

    def test_digital_bazaar_needs_the_issuers_documents_and_ours_reads_its_own(self):
        # Ours resolves the platform's did:web from its database; the static loader knows only what it is given.
        assert verdict(self.digital_bazaar["without the issuer's documents"]) == "invalid"
        assert self.cases["without the issuer's documents"].ours() == "valid"


class TestVectorAgreementTests(VerifierAgreementCase):
    """1EdTech's signed OB 3.0 credential, whose issuer is not on this platform."""

    @classmethod
    def build_cases(cls, helper: AwardCase) -> dict[str, Case]:
        signed = json.loads((VECTORS / "1edtech-obv3p0-signed-credential.json").read_text())
        controller = json.loads((VECTORS / "1edtech-obv3p0-controller.json").read_text())
        given = {controller["id"]: controller}
        cases = {
            "as given": Case(signed, given, given),
            "not given the controller": Case(signed),
            "changed subject": Case(changed(signed, ("credentialSubject", "id"), "did:example:someone"), given, given),
        }
        for name, (path, value) in {
            "name": (("name",), "Teamwork Badge (edited)"),
            "validFrom": (("validFrom",), "2009-01-01T00:00:00Z"),
            "criteria": (("credentialSubject", "achievement", "criteria", "narrative"), "Anyone."),
            "proof created": (("proof", "created"), "2010-01-02T19:23:24Z"),
        }.items():
            cases[f"changed {name}"] = Case(changed(signed, path, value), given, given)
        return cases

    def test_it_agrees_the_vector_is_valid(self):
        self.assert_agree("as given", "valid")

    def test_it_agrees_the_vector_is_not_valid_once_changed(self):
        for name in [name for name in self.cases if name.startswith("changed")]:
            with self.subTest(name):
                self.assert_agree(name, "invalid")

    def test_neither_checks_an_issuer_it_was_not_given(self):
        self.assert_agree("not given the controller", "invalid")
        check = check_credential(self.cases["not given the controller"].credential, now=datetime.now(UTC))
        assert "(https://example.edu/issuers/565049), which is not an issuer on this platform" in check.reason
