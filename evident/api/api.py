"""The REST API at /api/v1/ (django-ninja), with its OpenAPI document."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest
from ninja import NinjaAPI
from ninja.throttling import AuthRateThrottle

from evident.api.auth import SAFE_METHODS, BrowserSessionAuth, TokenAuth
from evident.api.errors import install_error_handlers
from evident.api.routers import catalog, earning, me, members, programs, review, tokens


class WriteRateThrottle(AuthRateThrottle):
    """Throttle changes per caller; reads are not throttled."""

    scope = "write"

    def allow_request(self, request: HttpRequest) -> bool:
        if request.method in SAFE_METHODS:
            return True
        return super().allow_request(request)


write_throttle = WriteRateThrottle(settings.API_WRITE_RATE)

api = NinjaAPI(
    title="Evident API",
    version="1",
    description=(
        "The REST API of Evident, the open-source platform for educator micro-credentials. "
        "Authenticate with a personal access token or an organization API key as "
        "`Authorization: Bearer <token>`. Every error has the shape "
        '`{"message": "…", "extra": {…}}`. Objects of organizations you do not belong to answer 404.'
    ),
    urls_namespace="api",
    auth=[TokenAuth(), BrowserSessionAuth(csrf=True)],
    throttle=[write_throttle],
    openapi_extra={"info": {"license": {"name": "AGPL-3.0-or-later"}}},
)
install_error_handlers(api)
api.add_router("", me.router)
api.add_router("", members.router)
api.add_router("", tokens.router)
api.add_router("", catalog.router)
api.add_router("", earning.router)
api.add_router("", review.router)
api.add_router("", programs.router)
