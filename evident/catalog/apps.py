from __future__ import annotations

from typing import Any

from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _search_index(sender: AppConfig, using: str = "default", **kwargs: Any) -> None:
    from evident.catalog.search import ensure_search_index  # noqa: PLC0415  # models are not ready at import

    ensure_search_index(using)


class CatalogConfig(AppConfig):
    name = "evident.catalog"
    label = "catalog"
    verbose_name = "Catalog"

    def ready(self) -> None:
        post_migrate.connect(_search_index, sender=self, dispatch_uid="catalog-search-index")
