"""The committed OpenAPI document, so API changes show up in review."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from evident.api.api import api

SNAPSHOT = Path(__file__).with_name("openapi.json")


def current_schema() -> dict[str, Any]:
    schema: dict[str, Any] = api.get_openapi_schema(path_prefix="/api/v1/")
    normalized: dict[str, Any] = json.loads(json.dumps(schema, sort_keys=True, default=str))
    return normalized


def render(schema: dict[str, Any]) -> str:
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
