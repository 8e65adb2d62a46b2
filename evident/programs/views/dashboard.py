"""Dashboards for program admins: an organization's (a state's rolls up its districts) and a program's.

Every chart stands beside the table of its numbers (the table is what a
screen reader reads), and ``?csv=<figure>`` downloads any table.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from itertools import chain
from uuid import UUID

from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.utils.text import slugify
from django.views.decorators.http import require_GET

from evident.accounts.http import EvidentRequest
from evident.accounts.permissions import Need
from evident.programs.analytics.cache import snapshot
from evident.programs.analytics.figures import Dashboard, Scope, Table, scope_for_organization, scope_for_program
from evident.programs.models import Program
from evident.programs.permissions import access_program, access_program_organization
from evident.programs.selectors import organization_programs


class _Echo:
    """A file-like object whose write returns the line: csv.writer into a streaming response."""

    def write(self, value: str) -> str:
        return value


def _csv_stream(scope: Scope, key: str, columns: list[str], rows: Iterator[list[object]]) -> StreamingHttpResponse:
    writer = csv.writer(_Echo())
    lines = chain(["\ufeff" + writer.writerow(columns)], (writer.writerow(row) for row in rows))
    response = StreamingHttpResponse(lines, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{slugify(scope.title)}-{key}.csv"'
    return response


def _csv(scope: Scope, table: Table) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{slugify(scope.title)}-{table.key}.csv"'
    response.write("\ufeff")  # Excel reads UTF-8 only with a byte-order mark
    writer = csv.writer(response)
    writer.writerow(table.columns)
    writer.writerows(table.rows)
    return response


def _chart_data(table: Table) -> dict[str, object]:
    """What the chart script draws: the first column as labels, the numeric columns as series."""
    series = []
    for index, name in enumerate(table.columns[1:], start=1):
        if table.charted is not None and name not in table.charted:
            continue
        values = [row[index] for row in table.rows]
        if all(isinstance(v, int | float) or hasattr(v, "as_tuple") for v in values):
            series.append({"name": name, "values": [float(v) for v in values]})
    return {"type": table.chart, "labels": [str(row[0]) for row in table.rows], "series": series}


def _render(request: EvidentRequest, scope: Scope, programs: list[Program]) -> HttpResponseBase:
    wanted = request.GET.get("csv")
    if wanted == "at-risk":
        # The page shows the nearest few; the download has everyone, streamed as it is read.
        return _csv_stream(scope, wanted, Dashboard.AT_RISK_COLUMNS, Dashboard(scope).at_risk_rows())
    found = snapshot(scope)
    if wanted:
        table = found.table(wanted)
        if table is None:
            raise Http404("No such figure.")
        return _csv(scope, table)
    tables = found.tables
    return render(
        request,
        "programs/dashboard.html",
        {
            "section": "program-dashboard",
            "scope": scope,
            "snapshot": found,
            "figures": [(t, _chart_data(t) if t.chart else None) for t in tables],
            "programs": programs,
        },
    )


@require_GET
def organization_dashboard(request: EvidentRequest, organization_uuid: UUID) -> HttpResponseBase:
    organization = access_program_organization(request.user, organization_uuid, Need.VIEW_PROGRAMS)
    programs = list(organization_programs(organization))
    return _render(request, scope_for_organization(organization), programs)


@require_GET
def program_dashboard(request: EvidentRequest, uuid: UUID) -> HttpResponseBase:
    program = access_program(request.user, uuid)
    return _render(request, scope_for_program(program), [])
