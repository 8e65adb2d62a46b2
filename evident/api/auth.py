"""Who is calling the API: a bearer token, or the browser's session.

Personal access tokens act as their owner; organization API keys act as
their bot user (see docs/decisions/0001). Read-only tokens may only read.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja.errors import HttpError
from ninja.security import HttpBearer, SessionAuth

from evident.accounts.models import User
from evident.accounts.selectors import api_token_for_secret
from evident.accounts.services import api_token_record_use

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


class ReadOnlyToken(HttpError):
    def __init__(self) -> None:
        super().__init__(status_code=403, message="This token is read-only: it cannot make changes.")


class TokenAuth(HttpBearer):
    openapi_description = (
        "A personal access token (`evp_…`) or an organization API key (`evo_…`), "
        "sent as `Authorization: Bearer <token>`."
    )

    def authenticate(self, request: HttpRequest, token: str) -> User | None:
        api_token = api_token_for_secret(token.strip())
        if api_token is None:
            return None
        if api_token.read_only and request.method not in SAFE_METHODS:
            raise ReadOnlyToken()
        api_token_record_use(api_token)
        request.api_token = api_token  # type: ignore[attr-defined]  # read by endpoints that care
        request.user = api_token.user
        return api_token.user


class BrowserSessionAuth(SessionAuth):
    """The signed-in browser (for the interactive docs); CSRF-checked on writes."""

    openapi_description = "The Evident session cookie of a signed-in browser. Writes need the CSRF token."

    def authenticate(self, request: HttpRequest, key: str | None) -> Any:
        user = super().authenticate(request, key)
        if user is not None and not user.is_active:
            return None
        return user
