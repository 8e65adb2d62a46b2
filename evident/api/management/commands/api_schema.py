"""``manage.py api_schema [--write]``: print or refresh the committed OpenAPI document."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from evident.api.openapi_snapshot import SNAPSHOT, current_schema, render


class Command(BaseCommand):
    help = "Print the API's OpenAPI document, or write it to evident/api/openapi.json with --write."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--write", action="store_true", help="Refresh the committed snapshot.")

    def handle(self, *args: Any, **options: Any) -> None:
        text = render(current_schema())
        if options["write"]:
            SNAPSHOT.write_text(text, encoding="utf-8")
            self.stdout.write(self.style.SUCCESS(f"Wrote {SNAPSHOT}"))
        else:
            self.stdout.write(text, ending="")
