"""An API test client that checks every response against the OpenAPI document.

Each call must answer with a status the document lists for that operation,
and its JSON body must validate against the documented schema.
"""

from __future__ import annotations

import json
import re
from functools import cache
from typing import Any

from django.test import Client
from jsonschema import Draft202012Validator

from evident.api.openapi_snapshot import current_schema


@cache
def _document() -> dict[str, Any]:
    return current_schema()


@cache
def _operations() -> list[tuple[re.Pattern[str], str, dict[str, Any]]]:
    found = []
    for template, methods in _document()["paths"].items():
        pattern = re.compile("^" + re.sub(r"\{[^}]+\}", "[^/]+", template) + "$")
        for method, operation in methods.items():
            found.append((pattern, method.upper(), operation))
    return found


def check_against_openapi(method: str, path: str, status: int, body: Any) -> None:
    bare_path = path.split("?", 1)[0]
    operation = next((op for pattern, m, op in _operations() if m == method and pattern.match(bare_path)), None)
    if operation is None:
        raise AssertionError(f"{method} {path} is not in the OpenAPI document")
    responses = operation.get("responses", {})
    documented = responses.get(str(status))
    if documented is None:
        raise AssertionError(f"{method} {path} answered {status}, which is not documented ({sorted(responses)})")
    schema = documented.get("content", {}).get("application/json", {}).get("schema")
    if schema is None:
        return
    validator = Draft202012Validator({**schema, "components": _document()["components"]})
    errors = sorted(validator.iter_errors(body), key=lambda e: list(e.path))
    if errors:
        raise AssertionError(f"{method} {path} {status} does not match its schema: {errors[0].message}")


class ApiClient:
    """Calls the API with a bearer token and checks each answer against the document."""

    def __init__(self, token: str | None = None, *, client: Client | None = None) -> None:
        self.client = client or Client()
        self.headers = {"Authorization": f"Bearer {token}"} if token else {}

    def call(self, method: str, path: str, data: Any = None, **headers: str) -> tuple[int, Any]:
        url = "/api/v1" + path
        kwargs: dict[str, Any] = {"headers": {**self.headers, **headers}}
        if data is not None:
            kwargs.update(data=json.dumps(data), content_type="application/json")
        response = getattr(self.client, method.lower())(url, **kwargs)
        body = response.json() if response.content and response["Content-Type"].startswith("application/json") else None
        check_against_openapi(method.upper(), url, response.status_code, body)
        return response.status_code, body

    def get(self, path: str, **headers: str) -> tuple[int, Any]:
        return self.call("GET", path, **headers)

    def post(self, path: str, data: Any = None, **headers: str) -> tuple[int, Any]:
        return self.call("POST", path, data if data is not None else {}, **headers)

    def put(self, path: str, data: Any, **headers: str) -> tuple[int, Any]:
        return self.call("PUT", path, data, **headers)

    def delete(self, path: str, **headers: str) -> tuple[int, Any]:
        return self.call("DELETE", path, **headers)
