"""What a coach sees: the drafts educators share with them, and comments on them."""

from __future__ import annotations

from uuid import UUID

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from evident.accounts.http import EvidentRequest
from evident.earning import services
from evident.earning.forms import CommentForm
from evident.earning.permissions import access_shared_enrollment
from evident.earning.selectors import general_comments, shared_enrollment_list, workspace


@require_GET
def shared_list(request: EvidentRequest) -> HttpResponse:
    return render(
        request,
        "earning/coaching_list.html",
        {"section": "coaching", "enrollments": shared_enrollment_list(request.user)},
    )


@require_GET
def shared_detail(request: EvidentRequest, uuid: UUID) -> HttpResponse:
    enrollment = access_shared_enrollment(request.user, uuid)
    work = workspace(enrollment)
    return render(
        request,
        "earning/coaching_detail.html",
        {
            "section": "coaching",
            "work": work,
            "enrollment": enrollment,
            "submission": work.submission,
            "general_comments": general_comments(work.submission),
            "form": CommentForm(),
        },
    )


@require_POST
def comment_add(request: EvidentRequest, uuid: UUID) -> HttpResponse:
    enrollment = access_shared_enrollment(request.user, uuid)
    work = workspace(enrollment)
    form = CommentForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Write a comment first.")
        return redirect("earning:coaching-detail", uuid=enrollment.uuid)
    requirement = None
    if form.cleaned_data["requirement"]:
        matches = [r.requirement for r in work.requirements if r.requirement.uuid == form.cleaned_data["requirement"]]
        if not matches:
            raise Http404("No such requirement.")
        requirement = matches[0]
    try:
        services.draft_comment_add(
            actor=request.user, submission=work.submission, body=form.cleaned_data["body"], requirement=requirement
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, "Your comment was added; the educator sees it beside their draft.")
    anchor = f"#requirement-{requirement.uuid}" if requirement else ""
    return redirect(reverse("earning:coaching-detail", kwargs={"uuid": enrollment.uuid}) + anchor)
