"""Project-wide middleware: one structured log line per request."""

from __future__ import annotations

import logging
import time
import uuid
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

logger = logging.getLogger("evident.requests")


class RequestLogMiddleware:
    """Log method, path, status, duration, user and organization of every request.

    The request id comes from the proxy's ``X-Request-ID`` when present, so a
    line here can be matched with the proxy's log; it is echoed back.
    Query strings are left out: they may carry tokens.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        started = time.perf_counter()
        request_id = request.headers.get("X-Request-ID", "")[:64] or uuid.uuid4().hex
        response = self.get_response(request)
        user = getattr(request, "user", None)
        organization = getattr(request, "organization", None)
        logger.info(
            "%s %s %s",
            request.method,
            request.path,
            response.status_code,
            extra={
                "request_id": request_id,
                "method": request.method,
                "path": request.path,
                "status": response.status_code,
                "duration_ms": round((time.perf_counter() - started) * 1000, 1),
                "user": str(user.uuid) if user is not None and user.is_authenticated else None,
                "organization": organization.slug if organization is not None else None,
            },
        )
        response.headers.setdefault("X-Request-ID", request_id)
        return response
