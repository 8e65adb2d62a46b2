"""An issuing organization's admins: the issued credentials, revoking one, the signing keys."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

from django.core import mail
from django.core.mail import EmailMultiAlternatives
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from evident.accounts.models import AuditEvent, Organization, User
from evident.accounts.tests.factories import member
from evident.catalog.tests.factories import issuer
from evident.credentials.models import Award, IssuerKey, StatusList
from evident.credentials.status_list import decode_status_list, get_status
from evident.credentials.tests.test_awards import AwardCase
from evident.credentials.verify import check_credential


def make_award(organization: Organization, educator: User, title: str = "Teaching Phonics", **fields: Any) -> Award:
    """An award row for list and permission tests; its document is not signed (those tests never verify it)."""
    status_list = StatusList.objects.filter(organization=organization).first() or StatusList.objects.create(
        organization=organization
    )
    return Award.objects.create(
        organization=organization,
        educator=educator,
        title=title,
        credential={"id": "unsigned"},
        status_list=status_list,
        status_index=Award.objects.filter(status_list=status_list).count(),
        **fields,
    )


class ManageCase(AwardCase):
    institute: Organization
    academy: Organization
    issuer_admin: User
    program_admin: User
    issuer_educator: User
    academy_admin: User
    district_admin: User

    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        cls.institute = cls.version.micro_credential.organization
        cls.academy = issuer("academy", "Academy of Teaching")
        cls.issuer_admin = member(cls.institute, "org_admin", email="ines@institute.example", full_name="Ines Issuer")
        cls.program_admin = member(cls.institute, "program_admin", email="pat@institute.example")
        cls.issuer_educator = member(cls.institute, "educator", email="ed@institute.example")
        cls.academy_admin = member(cls.academy, "org_admin", email="abe@academy.example")
        cls.district_admin = member(cls.district, "org_admin", email="dana@riverbend.example")

    def list_url(self, organization: Organization | None = None) -> str:
        return reverse("credentials:issued-list", kwargs={"organization_uuid": (organization or self.institute).uuid})

    def keys_url(self, organization: Organization | None = None) -> str:
        return reverse("credentials:issuer-keys", kwargs={"organization_uuid": (organization or self.institute).uuid})

    def revoke_url(self, award: Award, organization: Organization | None = None) -> str:
        return reverse(
            "credentials:award-revoke",
            kwargs={"organization_uuid": (organization or award.organization).uuid, "uuid": award.uuid},
        )

    def admin(self) -> Client:
        return self.client_for(self.issuer_admin)


class AccessTests(ManageCase):
    def test_it_lets_the_issuers_admins_in_and_keeps_everyone_else_out(self):
        award = make_award(self.institute, self.educator)
        for url in (self.list_url(), self.revoke_url(award), self.keys_url()):
            with self.subTest(url=url):
                assert self.admin().get(url).status_code == 200
                # Members of the issuer without the admin role: 403, as on the accounts pages.
                assert self.client_for(self.program_admin).get(url).status_code == 403
                assert self.client_for(self.issuer_educator).get(url).status_code == 403
                # Not members at all, even admins elsewhere and the educator who holds the award: 404.
                assert self.client_for(self.academy_admin).get(url).status_code == 404
                assert self.client_for(self.educator).get(url).status_code == 404
                anonymous = Client().get(url)
                assert anonymous.status_code == 302 and "/accounts/login/" in anonymous["Location"]

    def test_it_refuses_every_post_to_those_not_allowed(self):
        award = make_award(self.institute, self.educator)
        for user, status in ((self.program_admin, 403), (self.academy_admin, 404), (self.educator, 404)):
            with self.subTest(user=user.email):
                client = self.client_for(user)
                assert client.post(self.revoke_url(award), {"reason": "Mine now."}).status_code == status
                assert client.post(self.keys_url(), {"confirm": "on"}).status_code == status
        award.refresh_from_db()
        assert not award.is_revoked
        assert not IssuerKey.objects.filter(organization=self.institute).exists()

    def test_an_admin_of_an_organization_that_issues_nothing_gets_403(self):
        for url in (self.list_url(self.district), self.keys_url(self.district)):
            response = self.client_for(self.district_admin).get(url)
            self.assertContains(response, "does not issue credentials", status_code=403)

    def test_an_admin_of_one_issuer_cannot_revoke_anothers_award_by_address(self):
        theirs = make_award(self.academy, self.educator, "Academy Award")
        client = self.client_for(self.issuer_admin)
        # Under their own organization's address the award is not found...
        assert client.get(self.revoke_url(theirs, self.institute)).status_code == 404
        assert client.post(self.revoke_url(theirs, self.institute), {"reason": "No."}).status_code == 404
        # ...and under the other organization's address they are not a member.
        assert client.post(self.revoke_url(theirs), {"reason": "No."}).status_code == 404
        theirs.refresh_from_db()
        assert not theirs.is_revoked
        assert "Academy Award" not in client.get(self.list_url()).content.decode()

    def test_a_bad_award_address_is_404(self):
        url = self.list_url() + "not-a-uuid/revoke/"
        assert self.admin().get(url).status_code == 404

    def test_the_forms_need_the_csrf_token(self):
        award = make_award(self.institute, self.educator)
        client = self.client_for(self.issuer_admin, enforce_csrf=True)
        assert client.post(self.revoke_url(award), {"reason": "Issued in error."}).status_code == 403
        assert client.post(self.keys_url(), {"confirm": "on"}).status_code == 403
        award.refresh_from_db()
        assert not award.is_revoked

    def test_the_organization_page_links_to_them_for_the_issuers_admins_only(self):
        page = reverse("accounts:organization-detail", kwargs={"organization_uuid": self.institute.uuid})
        response = self.admin().get(page)
        self.assertContains(response, self.list_url())
        self.assertContains(response, self.keys_url())
        self.assertNotContains(self.client_for(self.program_admin).get(page), self.list_url())
        district_page = reverse("accounts:organization-detail", kwargs={"organization_uuid": self.district.uuid})
        self.assertNotContains(self.client_for(self.district_admin).get(district_page), "Issued credentials")


class IssuedListTests(ManageCase):
    def test_it_lists_what_the_organization_issued_with_status_and_kind(self):
        make_award(self.institute, self.educator, "Teaching Phonics")
        make_award(self.institute, self.other_educator, "Read Alouds", valid_until=timezone.now() - timedelta(days=1))
        make_award(self.institute, self.coach, "Early Literacy", kind=Award.Kind.STACK, revoked_at=timezone.now())
        make_award(self.academy, self.educator, "Academy Award")
        response = self.admin().get(self.list_url())
        self.assertContains(response, "3 credentials")
        self.assertContains(response, "Elena Educator")
        self.assertContains(response, "elena@maple.example")
        self.assertContains(response, '<span class="badge badge--success">Valid</span>', html=True)
        self.assertContains(response, '<span class="badge badge--warning">Expired</span>', html=True)
        self.assertContains(response, '<span class="badge badge--danger">Revoked</span>', html=True)
        self.assertContains(response, "Stack")
        self.assertContains(response, "Micro-credential")
        self.assertNotContains(response, "Academy Award")

    def test_it_searches_by_educator_name_email_or_title(self):
        make_award(self.institute, self.educator, "Teaching Phonics")
        make_award(self.institute, self.other_educator, "Read Alouds")
        for query, expected, absent in (
            ("elena", "Teaching Phonics", "Read Alouds"),
            ("OMAR@maple", "Read Alouds", "Teaching Phonics"),
            ("alouds", "Read Alouds", "Teaching Phonics"),
        ):
            with self.subTest(query=query):
                response = self.admin().get(self.list_url(), {"q": query})
                self.assertContains(response, expected)
                self.assertNotContains(response, absent)
                self.assertContains(response, "1 credential match")
        self.assertContains(self.admin().get(self.list_url(), {"q": "nobody"}), "Nothing matches")

    def test_it_filters_by_status(self):
        make_award(self.institute, self.educator, "Valid One")
        make_award(self.institute, self.educator, "Lapsed One", valid_until=timezone.now() - timedelta(days=1))
        make_award(self.institute, self.educator, "Future One", valid_until=timezone.now() + timedelta(days=30))
        make_award(
            self.institute,
            self.educator,
            "Withdrawn One",
            revoked_at=timezone.now(),
            valid_until=timezone.now() - timedelta(days=1),
        )
        for status, expected in (
            ("valid", {"Valid One", "Future One"}),
            ("expired", {"Lapsed One"}),
            ("revoked", {"Withdrawn One"}),
            ("", {"Valid One", "Future One", "Lapsed One", "Withdrawn One"}),
            ("nonsense", {"Valid One", "Future One", "Lapsed One", "Withdrawn One"}),
        ):
            with self.subTest(status=status):
                content = self.admin().get(self.list_url(), {"status": status}).content.decode()
                shown = {t for t in ("Valid One", "Lapsed One", "Future One", "Withdrawn One") if t in content}
                assert shown == expected

    def test_rows_link_to_revoke_and_to_the_credential_page_only_when_it_is_public(self):
        private = make_award(self.institute, self.educator, "Private One")
        public = make_award(self.institute, self.other_educator, "Public One", is_public=True)
        response = self.admin().get(self.list_url())
        self.assertContains(response, self.revoke_url(private))
        self.assertContains(response, self.revoke_url(public))
        self.assertContains(response, f'href="{public.get_absolute_url()}"')
        self.assertNotContains(response, f'href="{private.get_absolute_url()}"')
        # The admin is no exception to the educator's privacy.
        assert self.admin().get(private.get_absolute_url()).status_code == 404

    def test_it_pages_with_the_search_kept_and_a_fixed_number_of_queries(self):
        Award.objects.bulk_create(
            Award(
                organization=self.institute,
                educator=self.educator if i % 2 else self.other_educator,
                title=f"Credential {i:03}",
                credential={"id": "unsigned"},
                status_list=StatusList.objects.get_or_create(organization=self.institute)[0],
                status_index=i,
                issued_at=timezone.now() - timedelta(minutes=i),
            )
            for i in range(120)
        )
        client = self.admin()
        client.get(self.list_url())  # the session and the like, read once
        with self.assertNumQueries(7):
            first = client.get(self.list_url(), {"q": "credential"})
        with self.assertNumQueries(7):
            client.get(self.list_url(), {"q": "credential", "page": "3"})
        self.assertContains(first, "120 credentials match")
        self.assertContains(first, "Page 1 of 3")
        self.assertContains(first, "?q=credential&amp;page=2")
        self.assertContains(first, "Credential 000")
        self.assertNotContains(first, "Credential 050")

    def test_an_htmx_search_gets_only_the_results(self):
        make_award(self.institute, self.educator, "Teaching Phonics")
        response = self.admin().get(self.list_url(), {"q": "phonics"}, headers={"HX-Request": "true"})
        content = response.content.decode()
        assert response.status_code == 200
        assert '<section id="results"' in content and "<html" not in content
        assert "Teaching Phonics" in content


class RevokePageTests(ManageCase):
    def test_it_shows_the_award_and_the_warning(self):
        award = make_award(self.institute, self.educator, "Teaching Phonics")
        response = self.admin().get(self.revoke_url(award))
        self.assertContains(response, "Teaching Phonics")
        self.assertContains(response, "Elena Educator")
        self.assertContains(response, "Revoking cannot be undone.")
        self.assertContains(response, "sees “revoked”")
        self.assertContains(response, 'name="reason"')
        self.assertContains(response, 'maxlength="300"')

    def test_a_reason_is_required(self):
        award = make_award(self.institute, self.educator)
        for data in ({}, {"reason": ""}, {"reason": "   \n "}):
            response = self.admin().post(self.revoke_url(award), data)
            self.assertContains(response, "Say why the credential is revoked", status_code=422)
        response = self.admin().post(self.revoke_url(award), {"reason": "x" * 301})
        self.assertContains(response, "Keep the reason to 300 characters (it has 301)", status_code=422)
        award.refresh_from_db()
        assert not award.is_revoked

    def test_revoking_goes_back_to_the_list_with_a_message_and_records_who_and_why(self):
        award = make_award(self.institute, self.educator, "Teaching Phonics")
        client = self.admin()
        response = client.post(self.revoke_url(award), {"reason": "  Evidence was not the educator's own.  "})
        assert response.status_code == 302 and response["Location"] == self.list_url()
        award.refresh_from_db()
        assert award.is_revoked and award.revoked_by == self.issuer_admin
        assert award.revoked_reason == "Evidence was not the educator's own."
        page = client.get(self.list_url())
        self.assertContains(page, "is revoked. Anyone who checks it now sees")
        assert AuditEvent.objects.filter(action="award.revoked", target_id=str(award.uuid)).count() == 1

    def test_revoking_twice_is_harmless(self):
        award = make_award(self.institute, self.educator)
        client = self.admin()
        with self.captureOnCommitCallbacks(execute=True):
            client.post(self.revoke_url(award), {"reason": "Issued in error."})
        first = Award.objects.get(pk=award.pk)
        with self.captureOnCommitCallbacks(execute=True):
            again = client.post(self.revoke_url(award), {"reason": "Something else."})
        assert again.status_code == 302 and again["Location"] == self.revoke_url(award)
        award.refresh_from_db()
        assert (award.revoked_at, award.revoked_reason) == (first.revoked_at, "Issued in error.")
        assert AuditEvent.objects.filter(action="award.revoked", target_id=str(award.uuid)).count() == 1
        assert len(mail.outbox) == 1
        self.assertContains(client.get(self.revoke_url(award)), "was already revoked")

    def test_an_already_revoked_award_says_when_and_why_and_has_no_form(self):
        award = make_award(self.institute, self.educator)
        award.revoked_at, award.revoked_reason, award.revoked_by = timezone.now(), "Issued in error.", self.issuer_admin
        award.save(update_fields=["revoked_at", "revoked_reason", "revoked_by"])
        response = self.admin().get(self.revoke_url(award))
        self.assertContains(response, "Revoked credential")
        self.assertContains(response, "Issued in error.")
        self.assertContains(response, "by Ines Issuer")
        self.assertNotContains(response, 'name="reason"')

    def test_the_educator_is_told_by_email_with_a_link_and_not_the_reason(self):
        award = make_award(self.institute, self.educator, "Teaching Phonics")
        with self.captureOnCommitCallbacks(execute=True):
            self.admin().post(self.revoke_url(award), {"reason": "The video showed Jamie Doe without consent."})
        assert len(mail.outbox) == 1
        message = mail.outbox[0]
        assert message.to == ["elena@maple.example"]
        assert message.subject == "Your credential “Teaching Phonics” was revoked"
        assert "Institute of Practice has revoked your credential" in message.body
        assert "http://testserver" + award.get_absolute_url() in message.body
        assert isinstance(message, EmailMultiAlternatives)
        html = message.alternatives[0][0]
        assert "Jamie Doe" not in message.body and "Jamie Doe" not in str(html)


class RevokeVerifiesTests(ManageCase):
    def test_the_served_status_list_flips_the_bit_and_the_check_says_revoked(self):
        award = self.earn()
        status_url = award.credential["credentialStatus"]["statusListCredential"].removeprefix("http://testserver")
        index = int(award.credential["credentialStatus"]["statusListIndex"])

        def bit() -> bool:
            served = json.loads(Client().get(status_url).content)
            assert check_credential(served).state == "valid"  # the list itself is signed by the issuer
            return get_status(decode_status_list(served["credentialSubject"]["encodedList"]), index)

        assert bit() is False
        assert check_credential(award.credential).state == "valid"
        response = self.admin().post(self.revoke_url(award), {"reason": "Issued in error."})
        assert response.status_code == 302
        assert bit() is True
        # The credential document has not changed: a verifier learns of the revocation from the list.
        assert Award.objects.get(pk=award.pk).credential == award.credential
        assert check_credential(award.credential).state == "revoked"


class KeysTests(ManageCase):
    def test_it_shows_the_did_its_document_and_every_key(self):
        award = self.earn()
        services_key = IssuerKey.objects.get(organization=self.institute)
        response = self.admin().get(self.keys_url())
        self.assertContains(response, "did:web:testserver:orgs:institute")
        self.assertContains(response, "http://testserver/orgs/institute/did.json")
        self.assertContains(response, services_key.public_key_multibase)
        self.assertContains(response, "key-1")
        self.assertContains(response, "Active")
        self.assertContains(response, "http://testserver" + award.status_list.get_absolute_url())

    def test_rotating_keeps_the_old_key_so_old_credentials_verify_and_new_ones_use_the_new_key(self):
        old = self.earn()
        client = self.admin()
        response = client.post(self.keys_url(), {"confirm": "on"})
        assert response.status_code == 302 and response["Location"] == self.keys_url()
        self.assertContains(client.get(self.keys_url()), "New credentials are now signed with key-2")
        keys = list(IssuerKey.objects.filter(organization=self.institute).order_by("created_at"))
        assert [k.fragment for k in keys] == ["key-1", "key-2"]
        assert keys[0].retired_at is not None and keys[1].retired_at is None
        document = json.loads(
            Client().get(reverse("credentials:did-document", kwargs={"slug": self.institute.slug})).content
        )
        assert [m["publicKeyMultibase"] for m in document["verificationMethod"]] == [
            k.public_key_multibase for k in keys
        ]
        assert check_credential(old.credential).state == "valid"
        new = self.earn(self.other_educator)
        assert old.credential["proof"][0]["verificationMethod"].endswith("#key-1")
        assert new.credential["proof"][0]["verificationMethod"].endswith("#key-2")
        assert check_credential(new.credential).state == "valid"
        assert AuditEvent.objects.filter(action="issuer_key.rotated", organization=self.institute).count() == 1

    def test_rotating_needs_the_confirmation(self):
        self.earn()
        response = self.admin().post(self.keys_url(), {})
        self.assertContains(response, "Tick the box to confirm the rotation.", status_code=422)
        assert IssuerKey.objects.filter(organization=self.institute).count() == 1

    def test_with_no_key_yet_there_is_nothing_to_rotate(self):
        response = self.admin().get(self.keys_url())
        self.assertContains(response, "No key yet")
        self.assertNotContains(response, "Rotate the signing key</button>")
        response = self.admin().post(self.keys_url(), {"confirm": "on"})
        self.assertContains(response, "There is no key to rotate yet", status_code=422)
        assert not IssuerKey.objects.filter(organization=self.institute).exists()
