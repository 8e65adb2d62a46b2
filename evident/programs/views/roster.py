"""Roster import: upload, preview line by line, apply all or nothing."""

from __future__ import annotations

from uuid import UUID

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from evident.accounts.http import EvidentRequest
from evident.accounts.permissions import Need
from evident.programs import roster
from evident.programs.forms import RosterUploadForm
from evident.programs.models import RosterImport
from evident.programs.permissions import access_program
from evident.programs.selectors import may_manage

LINES_PER_PAGE = 100
SHOWN = {"all", *roster.ACTION_LABELS}


def access_roster_import(request: EvidentRequest, uuid: UUID, need: Need) -> RosterImport:
    """A roster import of a program the user may ``need``; 404 otherwise."""
    roster_import = (
        RosterImport.objects.select_related("program__organization", "uploaded_by").filter(uuid=uuid).first()
    )
    if roster_import is None:
        raise Http404("No such roster.")
    access_program(request.user, roster_import.program.uuid, need)
    return roster_import


@require_http_methods(["GET", "POST"])
def roster_upload(request: EvidentRequest, uuid: UUID) -> HttpResponse:
    program = access_program(request.user, uuid, Need.MANAGE_PROGRAMS)
    form = RosterUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            roster_import = roster.roster_upload(actor=request.user, program=program, upload=form.cleaned_data["file"])
        except ValidationError as exc:
            form.add_error("file", exc)
        else:
            return redirect("programs:roster-preview", uuid=roster_import.uuid)
    return render(
        request,
        "programs/roster_upload.html",
        {
            "section": "programs",
            "program": program,
            "form": form,
            "cohorts": list(program.cohorts.all()),
            "max_rows": roster.ROSTER_MAX_ROWS,
        },
        status=422 if form.errors else 200,
    )


@require_http_methods(["GET", "POST"])
def roster_preview(request: EvidentRequest, uuid: UUID) -> HttpResponse:
    """The line-by-line preview; POST applies it (all or nothing), or shows the new preview if the data changed."""
    roster_import = access_roster_import(request, uuid, Need.VIEW_PROGRAMS)
    program = roster_import.program
    status = 200
    if request.method == "POST":
        access_program(request.user, program.uuid, Need.MANAGE_PROGRAMS)
        try:
            result = roster.roster_apply(actor=request.user, roster_import=roster_import)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
            status = 422
        else:
            if result.applied:
                r = result.roster_import
                messages.success(
                    request,
                    f"The roster was applied: {r.created_count} new, {r.updated_count} changed, "
                    f"{r.unchanged_count} unchanged. New members without an account are being invited by email.",
                )
                return redirect(program.get_absolute_url())
            messages.warning(
                request,
                "The program's roster changed since this preview, so nothing was applied. "
                "Here is the preview again, against the roster as it is now: read it and apply again.",
            )
            status = 409
        roster_import.refresh_from_db()
    show = request.GET.get("show", "all")
    if show not in SHOWN:
        show = "all"
    lines = roster_import.report if show == "all" else [x for x in roster_import.report if x["action"] == show]
    page = Paginator(lines, LINES_PER_PAGE).get_page(request.GET.get("page"))
    rejected = [x for x in roster_import.report if x["action"] == roster.Action.REJECT][:50]
    for line in [*page.object_list, *rejected]:
        if line["errors"]:
            line["problem"] = roster.errors_text(line["errors"])
    return render(
        request,
        "programs/roster_preview.html",
        {
            "section": "programs",
            "program": program,
            "roster_import": roster_import,
            "can_manage": may_manage(request.user, program),
            "page": page,
            "show": show,
            "filters": [("all", "All lines", roster_import.row_count)]
            + [
                (action, label, sum(1 for x in roster_import.report if x["action"] == action))
                for action, label in roster.ACTION_LABELS.items()
            ],
            "rejected": rejected,
            "labels": roster.ACTION_LABELS,
        },
        status=status,
    )


@require_GET
def roster_rejected_csv(request: EvidentRequest, uuid: UUID) -> HttpResponse:
    """The rejected lines as uploaded, with what is wrong with each, to fix and upload again."""
    roster_import = access_roster_import(request, uuid, Need.MANAGE_PROGRAMS)
    response = HttpResponse("\ufeff" + roster.rejected_lines_csv(roster_import), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="rejected-lines-{roster_import.uuid}.csv"'
    return response
