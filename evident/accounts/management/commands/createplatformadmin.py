"""``manage.py createplatformadmin``: the first operator of a new installation."""

from __future__ import annotations

import getpass
import os
from typing import Any

from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email

from evident.accounts import audit
from evident.accounts.models import User
from evident.accounts.services import platform_admin_create


class Command(BaseCommand):
    help = (
        "Create the first platform admin (operator and admin of the platform organization, with Django admin "
        "access). The password is asked for, or read from EVIDENT_ADMIN_PASSWORD for unattended set-up."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--email", required=True)
        parser.add_argument("--name", default="", help="Full name (defaults to the email's local part).")
        parser.add_argument("--no-input", action="store_true", help="Read the password from EVIDENT_ADMIN_PASSWORD.")

    def handle(self, *args: Any, **options: Any) -> None:
        email: str = options["email"].strip().lower()
        try:
            validate_email(email)
        except ValidationError:
            raise CommandError(f"{email!r} is not a valid email address.") from None
        name = options["name"].strip() or email.split("@", 1)[0]
        if options["no_input"]:
            password = os.environ.get("EVIDENT_ADMIN_PASSWORD", "")
            if not password:
                raise CommandError("Set EVIDENT_ADMIN_PASSWORD when using --no-input.")
        else:
            password = getpass.getpass("Password: ")
            if password != getpass.getpass("Password (again): "):
                raise CommandError("The two passwords differ.")
        try:
            password_validation.validate_password(password, User(email=email, full_name=name))
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from None
        with audit.origin(audit.Origin(kind="command")):
            user = platform_admin_create(email=email, full_name=name, password=password)
        self.stdout.write(self.style.SUCCESS(f"{user.email} is a platform admin. Sign in at /accounts/login/."))
