"""The OB 3.0 JSON Schema the app ships, and the plain words it reports problems in."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from evident.credentials import schemas

SHARED = Path(__file__).resolve().parents[4] / "shared" / "ob3"
VECTOR = SHARED / "testvectors" / "1edtech-obv3p0-signed-credential.json"


def _vector() -> dict[str, Any]:
    vector: dict[str, Any] = json.loads(VECTOR.read_text())
    return vector


def _changed(document: dict[str, Any], path: tuple[str | int, ...], value: Any) -> dict[str, Any]:
    changed = copy.deepcopy(document)
    target: Any = changed
    for key in path[:-1]:
        target = target[key]
    if value is _DELETE:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return changed


_DELETE = object()


class TestTheCopy:
    def test_it_is_the_schema_in_shared(self):
        shipped = schemas.SCHEMA_FILE.read_bytes()
        assert shipped == (SHARED / "schemas" / "ob_v3p0_achievementcredential_schema.json").read_bytes()

    def test_its_compacted_form_is_the_one_in_shared(self):
        derived = json.loads(
            (SHARED / "schemas" / "ob_v3p0_achievementcredential_schema.jsonld-compacted.DERIVED.json").read_text()
        )
        ours = schemas.compacted_form(schemas.achievement_credential_schema())
        for schema in (derived, ours):
            schema.pop("$id")
            schema.pop("$comment", None)
        assert ours == derived

    def test_it_refuses_a_file_that_is_not_the_pinned_one(self, monkeypatch, tmp_path):
        other = tmp_path / "schema.json"
        other.write_text('{"type": "object"}')
        monkeypatch.setattr(schemas, "SCHEMA_FILE", other)
        schemas.achievement_credential_schema.cache_clear()
        try:
            with pytest.raises(schemas.SchemaFileError, match="not the pinned"):
                schemas.achievement_credential_schema()
        finally:
            schemas.achievement_credential_schema.cache_clear()

    def test_the_runtime_does_not_read_shared(self):
        assert "shared" not in schemas.SCHEMA_FILE.parts
        assert schemas.SCHEMA_FILE.is_relative_to(Path(schemas.__file__).parent)


class TestProblems:
    def test_1edtechs_vector_follows_the_format_in_its_compacted_form(self):
        # Its proof is a single object, which only the compacted form allows.
        assert schemas.schema_problem(_vector()) is None
        assert schemas.schema_problem(_changed(_vector(), ("proof",), [_vector()["proof"]])) is None

    @pytest.mark.parametrize(
        ("path", "value", "problem"),
        [
            (
                ("credentialSubject", "achievement", "criteria"),
                _DELETE,
                'credentialSubject → achievement is missing "criteria"',
            ),
            (("issuer",), _DELETE, 'the credential is missing "issuer"'),
            (("validFrom",), "last Tuesday", "validFrom should be a date and time (like 2026-01-31T09:00:00Z)"),
            (("validFrom",), "2026-02-30T09:00:00Z", "validFrom should be a date and time (like 2026-01-31T09:00:00Z)"),
            (("name",), 42, "name should be text"),
            (
                ("type",),
                ["VerifiableCredential"],
                'type should include one of "AchievementCredential", "OpenBadgeCredential"',
            ),
            (
                ("credentialSubject", "achievement", "type"),
                "Badge",
                'credentialSubject → achievement → type should be "Achievement"',
            ),
            (("@context",), ["https://www.w3.org/ns/credentials/v2"], "@context should have at least 2 entries"),
            (
                ("credentialSubject", "identifier"),
                [
                    {
                        "type": "IdentityObject",
                        "hashed": True,
                        "identityHash": "x",
                        "identityType": "emailAddress",
                        "x": 1,
                    }
                ],
                'credentialSubject → identifier → item 1 has a field the format does not allow: "x"',
            ),
            (
                ("credentialSubject", "result"),
                [{"type": ["Result"], "achievedLevel": 3}],
                "credentialSubject → result → item 1 → achievedLevel should be text",
            ),
        ],
    )
    def test_it_names_the_most_useful_problem_in_plain_words(self, path, value, problem):
        assert schemas.schema_problem(_changed(_vector(), path, value)) == problem

    def test_it_knows_an_open_badge_by_its_type(self):
        assert schemas.is_open_badge({"type": ["VerifiableCredential", "OpenBadgeCredential"]})
        assert schemas.is_open_badge({"type": "AchievementCredential"})
        assert not schemas.is_open_badge({"type": ["VerifiableCredential", "BitstringStatusListCredential"]})
        assert not schemas.is_open_badge({})
