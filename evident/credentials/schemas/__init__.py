"""1EdTech's Open Badges 3.0 AchievementCredential JSON Schema, shipped with the app, and checking against it.

The schema file beside this module is a pinned copy (README.md in this folder
says where it comes from); it is read once, checked against the SHA-256 below
and compiled into validators once per process. Nothing is fetched.

OB 3.0 publishes the schema for the plain JSON form, where ``type``,
``proof``, ``credentialSchema`` and ``termsOfUse`` are always arrays. Its
serialization section also allows the compacted JSON-LD form, where a single
value may stand without its array (1EdTech's own test vector signs a single
``proof`` object); 1EdTech's validator only warns when the plain schema fails
but the compacted form passes. We do the same: a credential follows the
format when either form accepts it, and a problem is reported from the
compacted form, whose failures are failures in both.

Django-free.
"""

from __future__ import annotations

import copy
import hashlib
import json
import re
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any, cast

from jsonschema import Draft201909Validator, FormatChecker
from jsonschema.exceptions import ValidationError, best_match
from jsonschema.protocols import Validator

SCHEMA_FILE = Path(__file__).resolve().with_name("ob_v3p0_achievementcredential_schema.json")
SCHEMA_SHA256 = "d930114ec7d99dcd4022c6b12f7e0a9a831eb2e8214c75a88f6c58697f0d6b1d"

# A credential is checked against this schema when its type names one of these.
OPEN_BADGE_TYPES = frozenset({"AchievementCredential", "OpenBadgeCredential"})

# OB 3.0 "Serialization", compacted document form: the classes whose ``type``
# may be a single string, and the credential properties that may be a single object.
COMPACTED_TYPE_CLASSES = (
    "Achievement",
    "AchievementSubject",
    "Address",
    "Alignment",
    "EndorsementCredential",
    "EndorsementSubject",
    "Evidence",
    "Profile",
    "Related",
    "Result",
    "ResultDescription",
    "RubricCriterionLevel",
)
COMPACTED_SINGLE_PROPERTIES = ("credentialSchema", "proof", "termsOfUse")

# RFC 3339 date-time, as JSON Schema's "date-time" format means it.
_DATE_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$")


class SchemaFileError(RuntimeError):
    """The shipped schema file is missing or is not the pinned one."""


@cache
def achievement_credential_schema() -> dict[str, Any]:
    """The pinned plain-JSON schema. Cached and shared: callers must not mutate it."""
    try:
        raw = SCHEMA_FILE.read_bytes()
    except FileNotFoundError as error:
        raise SchemaFileError(f"The Open Badges 3.0 schema should be at {SCHEMA_FILE}.") from error
    digest = hashlib.sha256(raw).hexdigest()
    if digest != SCHEMA_SHA256:
        # A different file would silently change what the verifier accepts.
        raise SchemaFileError(f"{SCHEMA_FILE} has SHA-256 {digest}, not the pinned {SCHEMA_SHA256}.")
    schema: dict[str, Any] = json.loads(raw)
    return schema


def _single_or_array(array_schema: dict[str, Any]) -> dict[str, Any]:
    if "contains" in array_schema:
        # A type array that must hold one of some names: alone, the string must be one of them.
        single: dict[str, Any] = {"type": "string", "enum": list(array_schema["contains"]["enum"])}
    else:
        single = array_schema.get("items", {})
    return {"oneOf": [single, array_schema]}


def compacted_form(schema: Mapping[str, Any]) -> dict[str, Any]:
    """``schema`` widened to accept OB 3.0's compacted document form (single values without their array)."""
    compacted = copy.deepcopy(dict(schema))
    compacted["$id"] = str(schema.get("$id", "")) + "#compacted-form"
    compacted.pop("$comment", None)
    definitions = compacted["$defs"]
    for name in COMPACTED_TYPE_CLASSES:
        properties = definitions[name]["properties"]
        type_schema = properties["type"]
        if "allOf" in type_schema:
            # EndorsementCredential: VerifiableCredential and EndorsementCredential; alone, only the latter.
            properties["type"] = {"oneOf": [{"type": "string", "enum": ["EndorsementCredential"]}, type_schema]}
        else:
            properties["type"] = _single_or_array(type_schema)
    compacted["properties"]["type"] = {
        "oneOf": [{"type": "string", "enum": sorted(OPEN_BADGE_TYPES)}, compacted["properties"]["type"]]
    }
    for holder in (compacted["properties"], definitions["EndorsementCredential"]["properties"]):
        for name in COMPACTED_SINGLE_PROPERTIES:
            holder[name] = _single_or_array(holder[name])
    return compacted


def _format_checker() -> FormatChecker:
    # jsonschema checks "date-time" only when an optional package is installed; check it ourselves.
    checker = FormatChecker(formats=())

    @checker.checks("date-time", raises=ValueError)
    def is_date_time(value: object) -> bool:
        if not isinstance(value, str):
            return True
        if not _DATE_TIME.match(value):
            return False
        datetime.fromisoformat(value.upper().replace("Z", "+00:00"))
        return True

    @checker.checks("date", raises=ValueError)
    def is_date(value: object) -> bool:
        if not isinstance(value, str):
            return True
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            return False
        date.fromisoformat(value)
        return True

    return checker


@cache
def _validators() -> tuple[Validator, Validator]:
    schema = achievement_credential_schema()
    Draft201909Validator.check_schema(schema)
    checker = _format_checker()
    return (
        Draft201909Validator(schema, format_checker=checker),
        Draft201909Validator(compacted_form(schema), format_checker=checker),
    )


def is_open_badge(document: Mapping[str, Any]) -> bool:
    """Whether the document says it is an OB 3.0 credential (its type names AchievementCredential or OpenBadgeCredential)."""
    types = document.get("type")
    names = types if isinstance(types, list) else [types]
    return any(isinstance(name, str) and name in OPEN_BADGE_TYPES for name in names)


def schema_problem(document: Mapping[str, Any]) -> str | None:
    """None when ``document`` follows the OB 3.0 schema (plain or compacted form); else its most useful problem.

    The problem is one phrase in plain words naming where it is, e.g.
    ``credentialSubject → achievement is missing "criteria"``.
    """
    plain, compacted = _validators()
    if plain.is_valid(document):
        return None
    error = best_match(compacted.iter_errors(document))
    return None if error is None else describe(error)


# Describing an error -------------------------------------------------------------------------------------------

_TYPE_WORDS = {
    "string": "text",
    "number": "a number",
    "integer": "a whole number",
    "boolean": "true or false",
    "array": "a list",
    "object": "a group of fields",
    "null": "empty",
}
_FORMAT_WORDS = {
    "date-time": "a date and time (like 2026-01-31T09:00:00Z)",
    "date": "a date (like 2026-01-31)",
}


def _where(path: Iterable[str | int]) -> str:
    parts = [f"item {part + 1}" if isinstance(part, int) else part for part in path]
    return " → ".join(parts) if parts else "the credential"


def _quoted(values: Iterable[object]) -> str:
    return ", ".join(json.dumps(value, ensure_ascii=False) for value in values)


def _one_of(values: list[object]) -> str:
    if len(values) == 1:
        return _quoted(values)
    return f"one of {_quoted(values)}"


def describe(error: ValidationError) -> str:
    """One schema error as a plain phrase: where it is, then what is wrong there."""
    where = _where(error.absolute_path)
    # Errors from a validator are always set; Unset only marks errors built by hand.
    kind, expected, instance = str(error.validator), cast(Any, error.validator_value), error.instance
    if kind == "required" and isinstance(instance, Mapping):
        missing = [name for name in expected if name not in instance]
        return f"{where} is missing {_quoted(missing[:1])}"
    if kind == "type":
        names = expected if isinstance(expected, list) else [expected]
        return f"{where} should be {' or '.join(_TYPE_WORDS.get(str(name), str(name)) for name in names)}"
    if kind == "enum":
        return f"{where} should be {_one_of(list(expected))}"
    if kind == "const":
        return f"{where} should be {_quoted([expected])}"
    if kind == "contains" and isinstance(expected, Mapping) and "enum" in expected:
        return f"{where} should include {_one_of(list(expected['enum']))}"
    if kind == "minItems":
        return f"{where} should have at least {expected} {'entry' if expected == 1 else 'entries'}"
    if kind == "format":
        return f"{where} should be {_FORMAT_WORDS.get(str(expected), str(expected))}"
    if kind == "pattern":
        return f"{where} is not in the expected form"
    if kind == "additionalProperties" and isinstance(instance, Mapping):
        allowed = error.schema.get("properties", {}) if isinstance(error.schema, Mapping) else {}
        extra = sorted(name for name in instance if name not in allowed)
        return f"{where} has a field the format does not allow: {_quoted(extra[:1])}"
    if kind in {"additionalItems", "items", "maxItems"}:
        return f"{where} has more entries than the format allows"
    if kind in {"oneOf", "anyOf"}:
        return f"{where} is not in any of the forms the format allows"
    return f"{where} is not in the expected form"
