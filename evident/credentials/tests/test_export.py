"""``export_credentials`` writes everything a stranger needs to verify offline, and only that is needed.

Every exported credential is verified by Digital Bazaar's libraries over a
document loader that holds nothing but the exported ``issuers/*.did.json``
and ``status-lists/*.json`` (and the pinned contexts), validated against
1EdTech's OB 3.0 JSON Schema in ``../shared``, and fails once any value in
it is changed.
"""

from __future__ import annotations

import copy
import json
import re
import shutil
import tempfile
from collections.abc import Iterator
from io import StringIO
from pathlib import Path
from typing import Any, ClassVar

from django.core.management import call_command
from jsonschema import Draft201909Validator, FormatChecker

from evident.accounts.tests.factories import member
from evident.credentials import services
from evident.credentials.interop import verdict, verify_with_digital_bazaar
from evident.credentials.tests.test_awards import AwardCase
from evident.credentials.verify import check_credential

SCHEMA = (
    Path(__file__).resolve().parents[4] / "shared" / "ob3" / "schemas" / "ob_v3p0_achievementcredential_schema.json"
)
_DATE_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")

Path_ = tuple[str | int, ...]


def leaves(value: Any, path: Path_ = ()) -> Iterator[tuple[Path_, Any]]:
    """Every scalar in a JSON document with its path."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from leaves(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from leaves(item, (*path, index))
    else:
        yield path, value


def altered(value: Any) -> Any:
    """A different value of the same kind: dates stay dates, numbers numbers, addresses addresses."""
    if isinstance(value, bool):
        return not value
    if isinstance(value, int | float):
        return value + 1
    text = str(value)
    if _DATE_TIME.match(text):
        return str(int(text[:4]) - 1) + text[4:]
    if text.isdigit():
        return str(int(text) + 1)
    if text.startswith(("http", "urn:", "did:")):
        return text + "x"
    return text + " (changed)"


def changed_at(document: dict[str, Any], path: Path_) -> dict[str, Any]:
    result = copy.deepcopy(document)
    target: Any = result
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = altered(target[path[-1]])
    return result


# Changed in every file; every other kind of value is changed in one of the files.
KEY_VALUES: list[Path_] = [
    ("name",),
    ("credentialSubject", "identifier", 0, "identityHash"),
    ("credentialSubject", "achievement", "id"),
    ("credentialStatus", "statusListIndex"),
    ("proof", 0, "created"),
]


def changes(credentials: dict[str, Any]) -> list[tuple[str, Path_]]:
    """Which value to change in which file: the key values in each, and each kind of value once.

    Values of one kind (the same path but for list positions: every result, every rubric level) are
    signed alike, so one of each kind, taken from the files in turn, covers the whole document
    without verifying hundreds of copies. ``proofValue`` is the signature itself.
    """
    chosen = [(name, path) for name in credentials for path in KEY_VALUES]
    found: dict[tuple[str, ...], dict[str, Path_]] = {}  # kind → file → its first value of that kind
    for name, credential in credentials.items():
        for path, _ in leaves(credential):
            if path[-1] != "proofValue":
                kind = tuple("[]" if isinstance(part, int) else part for part in path)
                found.setdefault(kind, {}).setdefault(name, path)
    names = list(credentials)
    for number, in_files in enumerate(found.values()):
        name = names[number % len(names)]
        name = name if name in in_files else next(iter(in_files))
        chosen.append((name, in_files[name]))
    return chosen


def read_all(folder: Path, pattern: str) -> dict[str, Any]:
    return {path.name: json.loads(path.read_text()) for path in sorted(folder.glob(pattern))}


class ExportRoundTripTests(AwardCase):
    out: ClassVar[Path]
    revoked_id: ClassVar[str]
    credentials: ClassVar[dict[str, Any]]
    results: ClassVar[dict[str, dict[str, Any]]]
    tampered: ClassVar[list[tuple[str, Path_, dict[str, Any]]]]
    tampered_results: ClassVar[list[dict[str, Any]]]

    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        helper = cls(methodName="setUp")  # the earning helpers are instance methods
        helper.setUp()
        third = member(cls.school, "educator", email="tess@maple.example", full_name="Tess Third")
        awards = [helper.earn(), helper.earn(cls.other_educator), helper.earn(third)]
        services.award_revoke(actor=member(awards[1].organization, "org_admin"), award=awards[1], reason="In error.")
        cls.revoked_id = awards[1].credential["id"]

        cls.out = Path(tempfile.mkdtemp(prefix="evident-export-test-"))
        call_command("export_credentials", "--out", str(cls.out), stdout=StringIO())
        cls.credentials = read_all(cls.out / "credentials", "*.json")
        # Only what the export wrote: a stranger has nothing else.
        documents = {
            document["id"]: document
            for document in [
                *read_all(cls.out / "issuers", "*.did.json").values(),
                *read_all(cls.out / "status-lists", "*.json").values(),
            ]
        }
        items = [{"credential": credential, "documents": documents} for credential in cls.credentials.values()]
        cls.tampered = [
            (name, path, changed_at(cls.credentials[name], path)) for name, path in changes(cls.credentials)
        ]
        results = verify_with_digital_bazaar(
            items + [{"credential": document, "documents": documents} for _, _, document in cls.tampered],
            timeout=180,
        )
        cls.results = dict(zip(cls.credentials, results[: len(items)], strict=True))
        cls.tampered_results = results[len(items) :]

    @classmethod
    def tearDownClass(cls) -> None:
        shutil.rmtree(cls.out, ignore_errors=True)
        super().tearDownClass()

    def test_it_exports_every_credential_its_issuer_and_its_status_list(self):
        assert len(self.credentials) == 3
        issuers = read_all(self.out / "issuers", "*.did.json").values()
        status_lists = read_all(self.out / "status-lists", "*.json").values()
        assert {d["id"] for d in issuers} == {c["issuer"]["id"] for c in self.credentials.values()}
        assert {d["id"] for d in status_lists} == {
            c["credentialStatus"]["statusListCredential"] for c in self.credentials.values()
        }

    def test_digital_bazaar_verifies_each_from_the_export_alone(self):
        for name, credential in self.credentials.items():
            with self.subTest(name):
                result = self.results[name]
                expected = "revoked" if credential["id"] == self.revoked_id else "valid"
                assert verdict(result) == expected, result
                assert result["errors"] == []
                assert check_credential(credential).state == expected

    def test_the_revoked_one_reports_revoked(self):
        [revoked] = [name for name, credential in self.credentials.items() if credential["id"] == self.revoked_id]
        assert self.results[revoked] == {"verified": True, "revoked": True, "validity": None, "errors": []}

    def test_each_follows_1edtechs_open_badges_schema(self):
        schema = json.loads(SCHEMA.read_text())
        validator = Draft201909Validator(schema, format_checker=FormatChecker())
        for name, credential in self.credentials.items():
            with self.subTest(name):
                errors = [
                    f"{list(error.absolute_path)}: {error.message[:160]}" for error in validator.iter_errors(credential)
                ]
                assert errors == []

    def test_changing_any_signed_value_makes_it_fail(self):
        assert len(self.tampered) > 50  # each kind of value once, the proof's options too
        accepted = [
            (name, path, result)
            for (name, path, _), result in zip(self.tampered, self.tampered_results, strict=True)
            if result["verified"] or result["revoked"] is not None
        ]
        assert accepted == []

    def test_ours_rejects_the_same_changes(self):
        # A sample across the document (ours costs a canonicalization per check): every seventh change.
        for name, path, document in self.tampered[::7]:
            with self.subTest(f"{name} {path}"):
                assert check_credential(document).state == "invalid"
