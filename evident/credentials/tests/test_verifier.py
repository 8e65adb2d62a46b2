"""The public verifier page and its JSON endpoint."""

from __future__ import annotations

import copy
import json

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from evident.accounts.tests.factories import member
from evident.credentials import services
from evident.credentials.tests.test_awards import AwardCase


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
