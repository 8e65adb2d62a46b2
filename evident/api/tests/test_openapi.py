from __future__ import annotations

from django.test import SimpleTestCase, TestCase

from evident.api.openapi_snapshot import SNAPSHOT, current_schema, render


class OpenApiSnapshotTests(SimpleTestCase):
    def test_it_matches_the_committed_document(self):
        committed = SNAPSHOT.read_text(encoding="utf-8")
        assert render(current_schema()) == committed, (
            "The API changed but evident/api/openapi.json did not. Review the change, then run "
            "`.venv/bin/python manage.py api_schema --write` and commit the file."
        )

    def test_it_documents_the_errors_of_every_operation(self):
        for path, methods in current_schema()["paths"].items():
            for method, operation in methods.items():
                secured = bool(operation.get("security"))
                expected = (["401"] if secured else []) + (["404"] if "{" in path else []) + ["422"]
                for status in expected:
                    assert status in operation["responses"], f"{method.upper()} {path} does not document {status}"


class OpenApiServedTests(TestCase):
    def test_it_serves_the_document_and_the_docs_without_sign_in(self):
        response = self.client.get("/api/v1/openapi.json")
        assert response.status_code == 200
        assert response.json()["info"]["title"] == "Evident API"
        assert self.client.get("/api/v1/docs").status_code == 200
