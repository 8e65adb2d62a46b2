"""My credentials, the public profile's settings and the public profile at /people/<slug>/."""

from __future__ import annotations

import re
import tempfile
from datetime import timedelta
from pathlib import Path

from django.core.exceptions import ValidationError
from django.http import Http404
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from evident.accounts.models import AuditEvent, User
from evident.accounts.tests.factories import member
from evident.catalog import services as catalog
from evident.catalog.models import MicroCredentialVersion
from evident.catalog.tests.factories import publish, quality_reviewer, sample_blueprint
from evident.credentials import services
from evident.credentials.models import Award, PublicProfile
from evident.credentials.profiles import profile_get_or_create, profile_update
from evident.earning import services as earning
from evident.earning.tests import samples
from evident.earning.tests.base import WORDS_350, EarningTestCase


def earned_award(version: MicroCredentialVersion, educator: User, workdir: Path) -> Award:
    """An award issued through the real services for an enrolment earned with every requirement met."""
    enrollment = earning.enrollment_start(actor=educator, version=version)
    draft = enrollment.submissions.get()
    for kind, path in (
        ("video", samples.make_video(workdir / "lesson.mp4", seconds=1.0, size=(160, 120))),
        ("document", samples.make_pdf(workdir / "plan.pdf")),
    ):
        earning.evidence_file_add(
            actor=educator,
            submission=draft,
            requirement_uuid=version.requirements.get(evidence_kind=kind).uuid,
            path=path,
            filename=path.name,
        )
    earning.evidence_save(
        actor=educator,
        submission=draft,
        requirement_uuid=version.requirements.get(evidence_kind="written").uuid,
        text=WORDS_350,
    )
    submission = earning.submission_submit(actor=educator, submission=draft, choices=earning.SubmitChoices(True))
    earning.submission_decide(
        submission=submission,
        outcomes=[
            earning.RequirementOutcome(requirement=e.requirement, passed=True, level_name="Meets")
            for e in submission.evidence.select_related("requirement")
        ],
    )
    enrollment.refresh_from_db()
    return services.award_issue_for_enrollment(enrollment)


class ProfileCase(EarningTestCase):
    """Elena has three credentials of three micro-credentials: public, private, and public but revoked."""

    public_award: Award
    private_award: Award
    revoked_award: Award

    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        workdir = Path(tempfile.mkdtemp(prefix="evident-profile-test-"))
        institute = cls.version.micro_credential.organization
        author = member(institute, "author")
        reviewer = quality_reviewer()
        versions = [cls.version]
        for title in ("Teaching Fluency", "Teaching Vocabulary"):
            versions.append(publish(author, institute, sample_blueprint(title), reviewer))
        cls.public_award, cls.private_award, cls.revoked_award = (
            earned_award(version, cls.educator, workdir) for version in versions
        )
        for award in (cls.public_award, cls.revoked_award):
            services.award_set_public(actor=cls.educator, award=award, public=True)
        services.award_revoke(actor=member(institute, "org_admin"), award=cls.revoked_award, reason="Issued in error.")

    def make_public(self, user: User | None = None, **changes: object) -> PublicProfile:
        user = user or self.educator
        profile = profile_get_or_create(educator=user)
        values: dict[str, object] = {
            "slug": profile.slug,
            "headline": profile.headline,
            "is_public": True,
            "allow_indexing": False,
            **changes,
        }
        return profile_update(actor=user, profile=profile, **values)  # type: ignore[arg-type]  # test shorthand


class ProfileServiceTests(ProfileCase):
    def test_it_suggests_an_address_from_the_name_and_keeps_the_profile_private(self):
        profile = profile_get_or_create(educator=self.educator)
        assert profile.slug == "elena-educator"
        assert profile.is_public is False and profile.allow_indexing is False
        assert profile_get_or_create(educator=self.educator).pk == profile.pk
        namesake = member(self.school, "educator", email="elena2@maple.example", full_name="Elena Educator")
        assert profile_get_or_create(educator=namesake).slug == "elena-educator-2"

    def test_it_never_suggests_an_address_from_the_email(self):
        nameless = member(self.school, "educator", email="secret.person@maple.example", full_name="")
        slug = profile_get_or_create(educator=nameless).slug
        assert "secret" not in slug and slug.startswith("educator")

    def test_a_name_that_is_a_reserved_word_is_not_suggested_as_is(self):
        admin = member(self.school, "educator", email="a@maple.example", full_name="Admin")
        assert profile_get_or_create(educator=admin).slug != "admin"

    def test_it_refuses_malformed_reserved_and_taken_addresses(self):
        profile = profile_get_or_create(educator=self.educator)
        other = profile_get_or_create(educator=self.other_educator)
        cases = {
            "ab": "invalid_slug",
            "-elena": "invalid_slug",
            "elena-": "invalid_slug",
            "el--ena": "invalid_slug",
            "élena": "invalid_slug",
            "elena/../admin": "invalid_slug",
            "x" * 51: "invalid_slug",
            "admin": "reserved_slug",
            "verify": "reserved_slug",
            other.slug: "slug_taken",
        }
        for slug, code in cases.items():
            with self.subTest(slug=slug), self.assertRaises(ValidationError) as raised:
                profile_update(
                    actor=self.educator, profile=profile, slug=slug, headline="", is_public=True, allow_indexing=False
                )
            assert raised.exception.error_dict["slug"][0].code == code
        profile.refresh_from_db()
        assert profile.slug == "elena-educator" and not profile.is_public

    def test_it_normalizes_the_address_and_the_headline(self):
        profile = self.make_public(slug="  Elena Reads ", headline="  Grade 3 teacher,\n Lincoln  Elementary ")
        assert profile.slug == "elena-reads"
        assert profile.headline == "Grade 3 teacher, Lincoln Elementary"

    def test_a_long_headline_is_refused(self):
        profile = profile_get_or_create(educator=self.educator)
        with self.assertRaises(ValidationError) as raised:
            profile_update(
                actor=self.educator,
                profile=profile,
                slug=profile.slug,
                headline="x" * 121,
                is_public=False,
                allow_indexing=False,
            )
        assert raised.exception.error_dict["headline"][0].code == "headline_too_long"

    def test_only_its_educator_may_change_a_profile(self):
        profile = profile_get_or_create(educator=self.educator)
        with self.assertRaises(Http404):
            profile_update(
                actor=self.other_educator,
                profile=profile,
                slug="taken-over",
                headline="",
                is_public=True,
                allow_indexing=True,
            )
        profile.refresh_from_db()
        assert (profile.slug, profile.is_public) == ("elena-educator", False)

    def test_a_change_is_audited_and_saving_nothing_new_writes_nothing(self):
        self.make_public()
        event = AuditEvent.objects.filter(action="profile.updated").get()
        assert event.actor == self.educator and event.data["changed"] == ["is_public"]
        self.make_public()
        assert AuditEvent.objects.filter(action="profile.updated").count() == 1


class MyCredentialsTests(ProfileCase):
    url = reverse("credentials:my-credentials")

    def test_it_needs_sign_in(self):
        response = Client().get(self.url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]

    def test_it_lists_every_award_of_the_educator_with_its_status(self):
        Award.objects.filter(pk=self.private_award.pk).update(valid_until=timezone.now() - timedelta(days=3))
        response = self.client_for(self.educator).get(self.url)
        self.assertContains(response, self.public_award.get_absolute_url())
        self.assertContains(response, self.private_award.get_absolute_url())
        self.assertContains(response, "Revoked on")
        self.assertContains(response, "Issued in error.")
        self.assertContains(response, "Expired on")
        self.assertContains(response, "Valid")
        self.assertContains(response, "Make it private", count=2)
        self.assertContains(response, "Make it public", count=1)
        self.assertContains(response, reverse("credentials:profile-settings"))
        self.assertContains(response, 'aria-current="page">My credentials<')

    def test_a_stack_credential_is_listed_beside_the_micro_credentials(self):
        institute = self.version.micro_credential.organization
        stack = catalog.stack_create(
            actor=member(institute, "author"),
            organization=institute,
            title="Early Literacy Basics",
            description="Phonics and fluency.",
            micro_credentials=[
                a.enrollment.micro_credential for a in (self.public_award, self.private_award) if a.enrollment
            ],
        )
        award = services.award_issue_for_stack(self.educator, stack)
        response = self.client_for(self.educator).get(self.url)
        self.assertContains(response, "Stack credential")
        self.assertContains(response, award.get_absolute_url())
        self.assertContains(response, reverse("credentials:award-badge-svg", kwargs={"uuid": award.uuid}))
        services.award_set_public(actor=self.educator, award=award, public=True)
        profile = self.make_public()
        self.assertContains(Client().get(profile.get_absolute_url()), "Early Literacy Basics")

    def test_another_educator_sees_only_their_own(self):
        response = self.client_for(self.other_educator).get(self.url)
        self.assertNotContains(response, str(self.public_award.uuid))
        self.assertContains(response, "No credentials yet")
        self.assertContains(response, reverse("catalog:catalog"))

    def test_the_query_count_does_not_grow_with_the_number_of_awards(self):
        client = self.client_for(self.educator)
        client.get(self.url)  # the profile is made on the first visit
        with self.assertNumQueries(5):
            client.get(self.url)
        Award.objects.filter(pk=self.private_award.pk).update(educator=self.other_educator)
        with self.assertNumQueries(5):
            client.get(self.url)

    def test_the_share_toggle_returns_to_the_page_it_came_from(self):
        share = reverse("credentials:award-share", kwargs={"uuid": self.private_award.uuid})
        back = f"{self.url}#award-{self.private_award.uuid}"
        response = self.client_for(self.educator).post(share, {"public": "true", "next": back})
        assert response.status_code == 302 and response["Location"] == back
        self.private_award.refresh_from_db()
        assert self.private_award.is_public

    def test_the_share_toggle_refuses_to_send_anyone_elsewhere(self):
        share = reverse("credentials:award-share", kwargs={"uuid": self.public_award.uuid})
        client = self.client_for(self.educator)
        for target in (
            "https://evil.example/",
            "//evil.example/",
            "/\\evil.example/",
            "http://testserver/credentials/",
            "javascript:alert(1)",
            "credentials/",
        ):
            with self.subTest(target=target):
                response = client.post(share, {"public": "false", "next": target})
                assert response["Location"] == self.public_award.get_absolute_url()

    def test_the_share_toggle_needs_a_csrf_token(self):
        share = reverse("credentials:award-share", kwargs={"uuid": self.private_award.uuid})
        response = self.client_for(self.educator, enforce_csrf=True).post(share, {"public": "true"})
        assert response.status_code == 403


class ProfileSettingsTests(ProfileCase):
    url = reverse("credentials:profile-settings")

    def test_it_needs_sign_in(self):
        assert Client().get(self.url).status_code == 302

    def test_it_shows_the_educators_own_profile_only(self):
        self.make_public(headline="Grade 3 teacher, Maple Street")
        response = self.client_for(self.other_educator).get(self.url)
        self.assertContains(response, 'value="omar-other"')
        self.assertNotContains(response, "Grade 3 teacher, Maple Street")
        self.assertNotContains(response, "elena-educator")

    def test_it_saves_the_address_headline_and_visibility(self):
        client = self.client_for(self.educator)
        response = client.post(self.url, {"slug": "Elena-Reads", "headline": "Grade 3 teacher", "is_public": "on"})
        assert response.status_code == 302
        profile = PublicProfile.objects.get(user=self.educator)
        assert (profile.slug, profile.headline, profile.is_public, profile.allow_indexing) == (
            "elena-reads",
            "Grade 3 teacher",
            True,
            False,
        )
        page = client.get(self.url)
        self.assertContains(page, "Your profile is public: anyone with its address can see it.")
        self.assertContains(page, "/people/elena-reads/")

    def test_a_bad_address_is_explained_and_nothing_is_saved(self):
        profile_get_or_create(educator=self.other_educator)
        client = self.client_for(self.educator)
        for slug, message in (
            ("admin", "is reserved"),
            ("omar-other", "Someone already uses this address"),
            ("a", "Use 3 to 50 lowercase letters"),
            ("", "This field is required"),
        ):
            with self.subTest(slug=slug):
                response = client.post(self.url, {"slug": slug, "is_public": "on"})
                assert response.status_code == 422
                self.assertContains(response, message, status_code=422)
        assert not PublicProfile.objects.get(user=self.educator).is_public

    def test_the_form_needs_a_csrf_token(self):
        response = self.client_for(self.educator, enforce_csrf=True).post(
            self.url, {"slug": "elena-reads", "is_public": "on"}
        )
        assert response.status_code == 403
        assert not PublicProfile.objects.filter(slug="elena-reads").exists()


class PublicProfileTests(ProfileCase):
    def url(self, slug: str) -> str:
        return reverse("credentials:public-profile", kwargs={"slug": slug})

    def test_a_private_profile_is_not_found_by_strangers_or_other_members_like_an_unknown_address(self):
        profile = profile_get_or_create(educator=self.educator)
        unknown = Client().get(self.url("nobody-here"))
        assert unknown.status_code == 404
        for client in (Client(), self.client_for(self.other_educator), self.client_for(self.outsider)):
            response = client.get(self.url(profile.slug))
            assert response.status_code == 404
            assert "Elena" not in response.content.decode()
        without_token = re.compile(rb'"X-CSRFToken": "[^"]*"')
        assert without_token.sub(b"", Client().get(self.url(profile.slug)).content) == without_token.sub(
            b"", unknown.content
        )

    def test_its_educator_sees_a_preview_of_the_private_profile(self):
        profile = profile_get_or_create(educator=self.educator)
        response = self.client_for(self.educator).get(self.url(profile.slug))
        self.assertContains(response, "Preview.")
        self.assertContains(response, self.public_award.title)

    def test_a_public_profile_lists_only_public_unrevoked_credentials(self):
        profile = self.make_public(headline="Grade 3 teacher, Maple Street")
        response = Client().get(self.url(profile.slug))
        self.assertContains(response, "<h1>Elena Educator</h1>", html=True)
        self.assertContains(response, "Grade 3 teacher, Maple Street")
        self.assertContains(response, self.public_award.get_absolute_url())
        self.assertNotContains(response, str(self.private_award.uuid))
        self.assertNotContains(response, str(self.revoked_award.uuid))
        self.assertContains(response, 'Credentials <span class="muted">(1)</span>')
        verify = f"{reverse('credentials:verify')}?url=http%3A//testserver{self.public_award.get_absolute_url()}"
        self.assertContains(response, f'href="{verify}"')
        self.assertContains(Client().get(verify), "verdict--valid")
        self.assertNotContains(response, "Preview.")

    def test_an_expired_credential_is_listed_marked_expired(self):
        Award.objects.filter(pk=self.public_award.pk).update(valid_until=timezone.now() - timedelta(days=1))
        profile = self.make_public()
        self.assertContains(Client().get(self.url(profile.slug)), "Expired on")

    def test_it_never_shows_the_email(self):
        profile = self.make_public()
        response = Client().get(self.url(profile.slug))
        body = response.content.decode()
        assert self.educator.email not in body and "elena@" not in body

    def test_search_engines_are_asked_not_to_list_it_unless_the_educator_allows(self):
        profile = self.make_public()
        self.assertContains(Client().get(self.url(profile.slug)), '<meta name="robots" content="noindex">')
        self.make_public(allow_indexing=True)
        self.assertNotContains(Client().get(self.url(profile.slug)), 'name="robots"')

    def test_the_address_is_case_insensitive_and_a_deactivated_educator_has_no_profile(self):
        profile = self.make_public()
        assert Client().get(self.url(profile.slug.upper())).status_code == 200
        User.objects.filter(pk=self.educator.pk).update(is_active=False)
        assert Client().get(self.url(profile.slug)).status_code == 404

    def test_the_query_count_does_not_grow_with_the_number_of_credentials(self):
        profile = self.make_public()
        with self.assertNumQueries(2):
            Client().get(self.url(profile.slug))
        Award.objects.filter(pk=self.private_award.pk).update(is_public=True)
        with self.assertNumQueries(2):
            Client().get(self.url(profile.slug))
