"""Roster imports: upload a CSV, read its preview line by line, apply it all or nothing."""

# No "from __future__ import annotations" here: django-ninja reads the endpoint
# signatures at import time, and the pagination wrapper would resolve string
# annotations in its own module, not this one.

from uuid import UUID

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from ninja import File, Query, Router, Status
from ninja.files import UploadedFile

from evident.accounts.permissions import Need
from evident.api.errors import ERRORS, WRITE_ERRORS, ErrorOut
from evident.api.routers.me import actor
from evident.api.routers.programs.convert import line_out, roster_out
from evident.api.routers.programs.schemas import RosterChangedExtra, RosterChangedOut, RosterLinesQuery, RosterOut
from evident.programs import roster
from evident.programs.permissions import access_program, access_roster_import

REJECTED_SHOWN = 1000

router = Router()


@router.post(
    "/programs/{uuid}/rosters",
    response={201: RosterOut, **WRITE_ERRORS},
    summary="Upload a roster CSV (multipart field `file`): the preview, line by line; nothing changes yet",
    description=(
        "Columns: name, email, school, cohort, coach (the coach's email, optional). UTF-8 (with or without a "
        "byte-order mark) or Windows-1252, comma or semicolon separated. Answers the preview: what applying "
        "would create, update or leave unchanged, and why each rejected line is rejected. A file that cannot "
        "be read at all answers 422."
    ),
)
def roster_create(request: HttpRequest, uuid: UUID, file: File[UploadedFile]) -> Status[RosterOut]:
    user = actor(request)
    program = access_program(user, uuid, Need.MANAGE_PROGRAMS)
    roster_import = roster.roster_upload(actor=user, program=program, upload=file)
    return Status(201, roster_out(roster_import))


@router.get(
    "/rosters/{uuid}",
    response={200: RosterOut, **ERRORS},
    summary="A roster's preview (or what was applied), a page of lines at a time",
)
def roster_get(
    request: HttpRequest,
    uuid: UUID,
    filters: Query[RosterLinesQuery],
) -> RosterOut:
    return roster_out(access_roster_import(actor(request), uuid), show=filters.show, page=filters.page)


@router.post(
    "/rosters/{uuid}/apply",
    response={200: RosterOut, 409: RosterChangedOut, **WRITE_ERRORS},
    summary="Apply a previewed roster, every line or none",
    description=(
        "422 while any line is rejected (`extra.rejected` gives each line's reasons) or when it was applied "
        "already; 409 when the program's roster changed since the preview: nothing is applied and "
        "`extra.roster` is the new preview, to read and apply again. Applying the same file again changes nothing."
    ),
)
def roster_apply(request: HttpRequest, uuid: UUID) -> Status[RosterOut] | Status[RosterChangedOut] | Status[ErrorOut]:
    user = actor(request)
    roster_import = access_roster_import(user, uuid, Need.MANAGE_PROGRAMS)
    try:
        result = roster.roster_apply(actor=user, roster_import=roster_import)
    except ValidationError as exc:
        if exc.code != "rejected_lines":
            raise
        rejected = [line_out(x) for x in roster_import.report if x["action"] == roster.Action.REJECT]
        body = ErrorOut(
            message=" ".join(exc.messages),
            extra={
                "rejected_count": len(rejected),
                "rejected": [line.model_dump() for line in rejected[:REJECTED_SHOWN]],
            },
        )
        return Status(422, body)
    if not result.applied:
        return Status(
            409,
            RosterChangedOut(
                message="The program's roster changed since this preview, so nothing was applied. "
                "Read the new preview and apply again.",
                extra=RosterChangedExtra(roster=roster_out(result.roster_import)),
            ),
        )
    return Status(200, roster_out(result.roster_import))
