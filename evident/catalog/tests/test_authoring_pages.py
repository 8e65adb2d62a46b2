from __future__ import annotations

from django.test import Client, TestCase

from evident.accounts.middleware import ACTIVE_ORGANIZATION_SESSION_KEY
from evident.accounts.models import Organization, User
from evident.accounts.tests.factories import member
from evident.catalog import services
from evident.catalog.models import MicroCredentialVersion, Pathway, Stack
from evident.catalog.selectors import blueprint_of, live_versions
from evident.catalog.tests.factories import issuer, publish, quality_reviewer, sample_blueprint


def editor_post(blueprint, **extra) -> dict[str, object]:
    """The editor form as a browser would post it."""
    data = {
        "title": blueprint.title,
        "summary": blueprint.summary,
        "competency": blueprint.competency,
        "key_method": blueprint.key_method,
        "research": blueprint.research,
        "subject": blueprint.subject,
        "effort_hours": str(blueprint.effort_hours),
        "pd_hours": str(blueprint.pd_hours),
        "badge_color": blueprint.badge_color,
        "grade_bands": list(blueprint.grade_bands),
    }
    for r, req in enumerate(blueprint.requirements):
        p = f"requirement-{r}-"
        data |= {
            p + "title": req.title,
            p + "evidence_kind": req.evidence_kind,
            p + "instructions": req.instructions,
            p + "prompts": "\n".join(req.prompts),
            p + "file_types": ", ".join(req.file_types),
            p + "passing_score": str(req.passing_score),
            p + "max_video_minutes": str(req.max_video_minutes or ""),
            p + "max_file_mb": str(req.max_file_mb or ""),
            p + "min_words": str(req.min_words or ""),
            p + "max_words": str(req.max_words or ""),
        }
        for lv, level in enumerate(req.levels):
            data |= {
                f"{p}level-{lv}-name": level.name,
                f"{p}level-{lv}-descriptor": level.descriptor,
                f"{p}level-{lv}-score": str(level.score),
            }
    for i, a in enumerate(blueprint.alignments):
        data |= {
            f"alignment-{i}-framework": a.framework,
            f"alignment-{i}-code": a.code,
            f"alignment-{i}-name": a.name,
            f"alignment-{i}-url": a.url,
        }
    for i, c in enumerate(blueprint.citations):
        data |= {f"citation-{i}-text": c.text, f"citation-{i}-url": c.url}
    for i, r in enumerate(blueprint.resources):
        data |= {f"resource-{i}-title": r.title, f"resource-{i}-url": r.url, f"resource-{i}-description": r.description}
    return data | extra


class AuthoringPageTests(TestCase):
    institute: Organization
    author: User
    other_author: User
    educator: User

    @classmethod
    def setUpTestData(cls):
        cls.institute = issuer()
        cls.author = member(cls.institute, "author")
        cls.other_author = member(issuer("elsewhere", "Elsewhere"), "author")
        cls.educator = member(cls.institute, "educator")

    def client_for(self, user: User, organization: Organization | None = None) -> Client:
        client = Client()
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
        if organization is not None:
            session = client.session
            session[ACTIVE_ORGANIZATION_SESSION_KEY] = str(organization.uuid)
            session.save()
        return client

    def new_draft(self) -> MicroCredentialVersion:
        client = self.client_for(self.author)
        response = client.post("/catalog/authoring/new/", {"title": "Checking for Understanding"})
        assert response.status_code == 302
        return MicroCredentialVersion.objects.get(title="Checking for Understanding")

    def test_an_author_drafts_edits_and_submits(self):
        version = self.new_draft()
        client = self.client_for(self.author)
        url = f"/catalog/authoring/versions/{version.uuid}/edit/"
        assert client.get(url).status_code == 200
        blueprint = sample_blueprint("Checking for Understanding")
        response = client.post(url, editor_post(blueprint, action="save"))
        assert response.status_code == 200
        self.assertContains(response, "Draft saved")
        version.refresh_from_db()
        assert blueprint_of(version) == blueprint
        response = client.post(f"/catalog/authoring/versions/{version.uuid}/submit/")
        assert response.status_code == 302
        version.refresh_from_db()
        assert version.status == "in_review"

    def test_structural_edits_keep_everything_typed(self):
        version = self.new_draft()
        client = self.client_for(self.author)
        url = f"/catalog/authoring/versions/{version.uuid}/edit/"
        blueprint = sample_blueprint("Checking for Understanding")
        response = client.post(url, editor_post(blueprint, action="move-requirement-down:0"))
        version.refresh_from_db()
        saved = blueprint_of(version)
        assert [r.title for r in saved.requirements] == [
            blueprint.requirements[1].title,
            blueprint.requirements[0].title,
            blueprint.requirements[2].title,
        ]
        response = client.post(url, editor_post(saved, action="add-level:0"))
        self.assertContains(response, "Level added.")
        version.refresh_from_db()
        assert len(blueprint_of(version).requirements[0].levels) == 5
        client.post(url, editor_post(blueprint_of(version), action="remove-requirement:2"))
        version.refresh_from_db()
        assert len(blueprint_of(version).requirements) == 2
        assert blueprint_of(version).summary == blueprint.summary

    def test_a_bad_number_is_explained_and_nothing_typed_is_lost(self):
        version = self.new_draft()
        client = self.client_for(self.author)
        url = f"/catalog/authoring/versions/{version.uuid}/edit/"
        data = editor_post(sample_blueprint("Checking for Understanding"), action="add-requirement")
        data["requirement-0-passing_score"] = "three"
        data["summary"] = "My carefully typed summary"
        response = client.post(url, data)
        assert response.status_code == 422
        self.assertContains(response, "“three” is not a whole number.", status_code=422)
        self.assertContains(response, "My carefully typed summary", status_code=422)
        self.assertContains(response, "Requirement 4", status_code=422)

    def test_an_author_sets_how_long_the_credential_stays_valid(self):
        version = self.new_draft()
        client = self.client_for(self.author)
        url = f"/catalog/authoring/versions/{version.uuid}/edit/"
        page = client.get(url)
        self.assertContains(page, "Valid for (months)")
        self.assertContains(page, "Leave blank if it never expires.")
        blueprint = sample_blueprint("Checking for Understanding")
        for typed, message in (
            ("0", "Enter a number of months between 1 and 600, or leave it blank if it never expires."),
            ("601", "Enter a number of months between 1 and 600, or leave it blank if it never expires."),
            ("two years", "“two years” is not a whole number."),
            ("-3", "“-3” is not a whole number."),
        ):
            response = client.post(url, editor_post(blueprint, validity_months=typed, action="save"))
            self.assertContains(response, message, status_code=422)
            self.assertContains(
                response, 'aria-describedby="validity_months-help validity_months-error"', status_code=422
            )
        version.refresh_from_db()
        assert version.validity_months is None
        response = client.post(url, editor_post(blueprint, validity_months=" 24 ", action="save"))
        self.assertContains(response, "Draft saved")
        self.assertContains(response, 'name="validity_months" id="validity_months" value="24"')
        version.refresh_from_db()
        assert version.validity_months == 24
        assert blueprint_of(version).validity_months == 24
        preview = client.get(f"/catalog/authoring/versions/{version.uuid}/preview/")
        self.assertContains(preview, "Valid for 2 years after it is earned")
        client.post(url, editor_post(blueprint, validity_months="18", action="save"))
        preview = client.get(f"/catalog/authoring/versions/{version.uuid}/preview/")
        self.assertContains(preview, "Valid for 18 months after it is earned")
        client.post(url, editor_post(blueprint, validity_months="", action="save"))
        version.refresh_from_db()
        assert version.validity_months is None
        preview = client.get(f"/catalog/authoring/versions/{version.uuid}/preview/")
        self.assertContains(preview, "Does not expire")

    def test_submitting_an_incomplete_draft_lists_what_is_missing(self):
        version = self.new_draft()
        response = self.client_for(self.author).post(f"/catalog/authoring/versions/{version.uuid}/submit/")
        assert response.status_code == 422
        self.assertContains(response, "Before it can go to quality review", status_code=422)
        self.assertContains(response, "The summary is empty.", status_code=422)

    def test_other_organizations_and_other_roles_are_kept_out(self):
        version = self.new_draft()
        for path in ("edit/", "preview/"):
            url = f"/catalog/authoring/versions/{version.uuid}/{path}"
            assert self.client_for(self.other_author).get(url).status_code == 404
            assert self.client_for(self.educator).get(url).status_code == 403
        url = f"/catalog/authoring/versions/{version.uuid}/edit/"
        data = editor_post(sample_blueprint("Hijacked"), action="save")
        assert self.client_for(self.other_author).post(url, data).status_code == 404
        assert (
            self.client_for(self.other_author).post(f"/catalog/authoring/versions/{version.uuid}/submit/").status_code
            == 404
        )
        version.refresh_from_db()
        assert version.title == "Checking for Understanding"
        assert self.client_for(self.educator).get("/catalog/authoring/").status_code == 403
        assert Client().get("/catalog/authoring/").status_code == 302

    def test_a_published_version_cannot_be_edited_through_the_page(self):
        version = services.micro_credential_create(
            actor=self.author, organization=self.institute, blueprint=sample_blueprint()
        )
        services.version_submit(actor=self.author, version=version)
        url = f"/catalog/authoring/versions/{version.uuid}/edit/"
        response = self.client_for(self.author).post(url, editor_post(sample_blueprint("Changed"), action="save"))
        self.assertContains(response, "can no longer change")
        version.refresh_from_db()
        assert version.title == "Teaching Phonics"


class QualityReviewPageTests(TestCase):
    def test_a_reviewer_requests_changes_then_approves(self):
        institute = issuer()
        author = member(institute, "author")
        reviewer = quality_reviewer()
        version = services.micro_credential_create(actor=author, organization=institute, blueprint=sample_blueprint())
        services.version_submit(actor=author, version=version)
        client = Client()
        client.force_login(reviewer, backend="django.contrib.auth.backends.ModelBackend")
        self.assertContains(client.get("/catalog/quality-review/"), "Teaching Phonics")
        url = f"/catalog/quality-review/{version.uuid}/"
        response = client.post(url, {"verdict-research": "meets", "comment-rubric": "typed"})
        assert response.status_code == 422
        self.assertContains(response, "Give a verdict on every criterion", status_code=422)
        self.assertContains(response, "typed", status_code=422)
        data = {f"verdict-{c}": "meets" for c in ("research", "evidence", "rubric", "equity")}
        response = client.post(url, data | {"verdict-rubric": "not_yet", "comment-rubric": "Make levels observable."})
        assert response.status_code == 302
        version.refresh_from_db()
        assert version.status == "changes_requested"
        author_client = Client()
        author_client.force_login(author, backend="django.contrib.auth.backends.ModelBackend")
        self.assertContains(
            author_client.get(f"/catalog/authoring/versions/{version.uuid}/edit/"), "Make levels observable."
        )
        services.version_submit(actor=author, version=version)
        assert client.post(url, data).status_code == 302
        assert list(live_versions()) == [MicroCredentialVersion.objects.get(pk=version.pk)]

    def test_others_cannot_review(self):
        institute = issuer()
        author = member(institute, "author")
        version = services.micro_credential_create(actor=author, organization=institute, blueprint=sample_blueprint())
        services.version_submit(actor=author, version=version)
        client = Client()
        client.force_login(author, backend="django.contrib.auth.backends.ModelBackend")
        assert client.get("/catalog/quality-review/").status_code == 403
        assert client.get(f"/catalog/quality-review/{version.uuid}/").status_code == 404


class BadgeUploadTests(TestCase):
    def test_an_author_uploads_a_png_and_an_svg_or_a_liar_is_refused(self):
        from django.core.files.uploadedfile import SimpleUploadedFile

        institute = issuer()
        author = member(institute, "author")
        version = services.micro_credential_create(actor=author, organization=institute, blueprint=sample_blueprint())
        client = Client()
        client.force_login(author, backend="django.contrib.auth.backends.ModelBackend")
        url = f"/catalog/authoring/versions/{version.uuid}/badge/"
        svg = SimpleUploadedFile("badge.png", b"<svg onload='alert(1)'/>", content_type="image/png")
        response = client.post(url, {"badge_image": svg}, follow=True)
        self.assertContains(response, "Upload the badge as a PNG or JPEG image.")
        png = SimpleUploadedFile(
            "badge.bin", b"\x89PNG\r\n\x1a\n" + b"\0" * 64, content_type="application/octet-stream"
        )
        client.post(url, {"badge_image": png})
        version.refresh_from_db()
        assert version.badge_image.name.endswith(".png")
        image = client.get(f"/catalog/versions/{version.uuid}/badge")
        assert image["Content-Type"] == "image/png"
        assert Client().get(f"/catalog/versions/{version.uuid}/badge").status_code == 404, "drafts stay private"
        client.post(url, {"action": "remove"})
        version.refresh_from_db()
        assert not version.badge_image


class StackAuthoringTests(TestCase):
    def test_an_author_builds_a_stack_in_order_with_a_rule(self):
        institute = issuer()
        author = member(institute, "author")
        reviewer = quality_reviewer()
        first, second, third = (
            publish(author, institute, sample_blueprint(t), reviewer).micro_credential
            for t in ("A one", "B two", "C three")
        )
        client = Client()
        client.force_login(author, backend="django.contrib.auth.backends.ModelBackend")
        response = client.post(
            "/catalog/authoring/stacks/new/",
            {
                "title": "Foundations",
                "description": "The basics.",
                "badge_color": "#334455",
                "is_published": "on",
                "micro_credentials": [first.pk, second.pk, third.pk],
                "required_count": "2",
                f"position-{first.pk}": "3",
                f"position-{second.pk}": "1",
                f"position-{third.pk}": "2",
                "capstone": first.pk,
            },
        )
        assert response.status_code == 302, response.content
        stack = Stack.objects.get(title="Foundations")
        assert [i.micro_credential for i in stack.items.all()] == [second, third, first]
        assert stack.completion_text == "Earn any 2 of these micro-credentials, including the capstone."
        response = client.post(
            f"/catalog/authoring/stacks/{stack.uuid}/edit/",
            {
                "title": "Foundations",
                "description": "x",
                "badge_color": "#334455",
                "micro_credentials": [first.pk],
                "required_count": "3",
            },
        )
        assert response.status_code == 422
        self.assertContains(response, "between 1 and the number", status_code=422)

    def test_other_organizations_cannot_edit_a_stack(self):
        institute = issuer()
        author = member(institute, "author")
        reviewer = quality_reviewer()
        mc = publish(author, institute, sample_blueprint(), reviewer).micro_credential
        stack = services.stack_create(
            actor=author, organization=institute, title="S", description="d", micro_credentials=[mc]
        )
        outsider = member(issuer("other", "Other"), "author")
        client = Client()
        client.force_login(outsider, backend="django.contrib.auth.backends.ModelBackend")
        assert client.get(f"/catalog/authoring/stacks/{stack.uuid}/edit/").status_code == 404


class PathwayAuthoringTests(TestCase):
    def test_an_author_sequences_a_pathway_and_bad_prerequisites_are_refused(self):
        institute = issuer()
        author = member(institute, "author")
        reviewer = quality_reviewer()
        mc = publish(author, institute, sample_blueprint(), reviewer).micro_credential
        stack = services.stack_create(
            actor=author, organization=institute, title="Early Literacy", description="d", micro_credentials=[mc]
        )
        client = Client()
        client.force_login(author, backend="django.contrib.auth.backends.ModelBackend")
        assert client.get("/catalog/authoring/pathways/new/").status_code == 200
        data = {
            "title": "Literacy Lead",
            "role_name": "Literacy Lead Teacher",
            "description": "Toward leading.",
            "is_published": "on",
            "step_count": "3",
            "step-0-level": "foundational",
            "step-0-target": f"stack:{stack.uuid}",
            "step-1-level": "advanced",
            "step-1-target": f"mc:{mc.uuid}",
            "step-1-after": ["1"],
            "step-2-level": "foundational",
            "step-2-target": "",
        }
        assert client.post("/catalog/authoring/pathways/new/", data).status_code == 302
        pathway = Pathway.objects.get(title="Literacy Lead")
        steps = list(pathway.steps.all())
        assert [s.stack for s in steps] == [stack, None]
        assert list(steps[1].prerequisites.all()) == [steps[0]]
        bad = data | {"step-1-target": "mc:nonsense", "title": ""}
        response = client.post(f"/catalog/authoring/pathways/{pathway.uuid}/edit/", bad)
        assert response.status_code == 422
        self.assertContains(response, "Give the pathway a title.", status_code=422)
        self.assertContains(response, "Toward leading.", status_code=422)
