"""One error shape for every API failure: ``{"message": ..., "extra": {...}}``."""

from __future__ import annotations

import logging
from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI, Schema
from ninja.errors import AuthenticationError, HttpError, Throttled
from ninja.errors import ValidationError as NinjaValidationError

logger = logging.getLogger(__name__)


class ErrorOut(Schema):
    message: str
    extra: dict[str, Any] = {}


# What every operation may answer besides success, and writes in addition.
ERRORS: dict[int, type[Schema]] = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut}
WRITE_ERRORS: dict[int, type[Schema]] = {**ERRORS, 429: ErrorOut}


def error(api: NinjaAPI, request: HttpRequest, status: int, message: str, **extra: Any) -> HttpResponse:
    return api.create_response(request, {"message": message, "extra": extra}, status=status)


def _field_errors(exc: DjangoValidationError) -> dict[str, list[str]]:
    if hasattr(exc, "error_dict"):
        return {field: [str(m) for e in errors for m in e.messages] for field, errors in exc.error_dict.items()}
    return {"__all__": [str(m) for m in exc.messages]}


def install_error_handlers(api: NinjaAPI) -> None:
    @api.exception_handler(NinjaValidationError)
    def invalid_input(request: HttpRequest, exc: NinjaValidationError) -> HttpResponse:
        errors = [
            {"location": [str(part) for part in e.get("loc", [])], "message": str(e.get("msg", ""))} for e in exc.errors
        ]
        return error(api, request, 422, "The request is not valid.", errors=errors)

    @api.exception_handler(DjangoValidationError)
    def invalid_change(request: HttpRequest, exc: DjangoValidationError) -> HttpResponse:
        fields = _field_errors(exc)
        first = next(iter(fields.values()))[0] if fields else "The change is not valid."
        return error(api, request, 422, first, errors=fields)

    @api.exception_handler(AuthenticationError)
    def unauthenticated(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
        response = error(
            api, request, 401, "Authentication required: send a valid token as 'Authorization: Bearer <token>'."
        )
        response["WWW-Authenticate"] = 'Bearer realm="evident"'
        return response

    @api.exception_handler(PermissionDenied)
    def forbidden(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
        return error(api, request, 403, str(exc) or "You do not have permission to do that.")

    @api.exception_handler(Http404)
    def not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
        return error(api, request, 404, str(exc) or "Not found.")

    @api.exception_handler(Throttled)
    def throttled(request: HttpRequest, exc: Throttled) -> HttpResponse:
        response = error(api, request, 429, "Too many changes in a short time. Wait and retry.", retry_after=exc.wait)
        if exc.wait:
            response["Retry-After"] = str(int(exc.wait))
        return response

    @api.exception_handler(HttpError)
    def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
        return error(api, request, exc.status_code, str(exc))

    @api.exception_handler(Exception)
    def unexpected(request: HttpRequest, exc: Exception) -> HttpResponse:
        logger.exception("API error on %s %s", request.method, request.path)
        return error(api, request, 500, "Something went wrong on our side. It has been logged; please retry later.")
