from __future__ import annotations

from typing import Any

from django.apps import AppConfig
from django.db import connections
from django.db.models.signals import post_migrate


def _framework_components(sender: AppConfig, using: str = "default", **kwargs: Any) -> None:
    # Models are not ready when this module is imported.
    from evident.programs.frameworks_seed import framework_components_seed  # noqa: PLC0415
    from evident.programs.models import FrameworkComponent  # noqa: PLC0415

    # Skip when the programs tables are not there (migrated back to zero).
    if FrameworkComponent._meta.db_table in connections[using].introspection.table_names():
        framework_components_seed(using)


def _credit_rules(sender: AppConfig, using: str = "default", **kwargs: Any) -> None:
    # After every migrate and after the flush ending a TransactionTestCase, so seeded rules always exist.
    from evident.programs.credit_seed import credit_rules_seed  # noqa: PLC0415
    from evident.programs.models import CreditRule  # noqa: PLC0415

    if CreditRule._meta.db_table in connections[using].introspection.table_names():
        credit_rules_seed(using=using)


class ProgramsConfig(AppConfig):
    name = "evident.programs"
    label = "programs"
    verbose_name = "Programs"

    def ready(self) -> None:
        post_migrate.connect(_framework_components, sender=self, dispatch_uid="programs-framework-components")
        post_migrate.connect(_credit_rules, sender=self, dispatch_uid="programs-credit-rules")
