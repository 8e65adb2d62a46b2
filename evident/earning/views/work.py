"""The educator's pages: my micro-credentials, starting one, the work page with
its evidence, submitting and withdrawing, sharing with a coach."""

from __future__ import annotations

import tempfile
from pathlib import Path
from uuid import UUID

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from evident.accounts.http import EvidentRequest
from evident.catalog.selectors import micro_credential_public
from evident.credentials.selectors import award_for_enrollment
from evident.earning import services
from evident.earning.forms import EvidenceTextForm, EvidenceUploadForm, ShareForm, StartForm, SubmitForm
from evident.earning.permissions import (
    access_draft,
    access_enrollment,
    access_own_evidence_file,
    access_submission,
    coach_candidates,
    educator_organizations,
)
from evident.earning.selectors import (
    enrollment_groups,
    evidence_views_by_others,
    general_comments,
    requirement_work,
    workspace,
)


@require_GET
def enrollment_list(request: EvidentRequest) -> HttpResponse:
    return render(
        request, "earning/enrollment_list.html", {"section": "earning", "groups": enrollment_groups(request.user)}
    )


@require_POST
def enrollment_start(request: EvidentRequest, uuid: UUID) -> HttpResponse:
    """Start the live version of a micro-credential (``uuid`` is the micro-credential's)."""
    version = micro_credential_public(uuid)
    form = StartForm(request.POST, organizations=list(educator_organizations(request.user)))
    if not form.is_valid():
        messages.error(request, "Choose the organization you are enrolling through.")
        return redirect(version.get_absolute_url())
    try:
        enrollment = services.enrollment_start(
            actor=request.user, version=version, organization=form.cleaned_data["organization"]
        )
    except ValidationError as exc:
        messages.info(request, " ".join(exc.messages))
        return redirect("earning:enrollment-list")
    messages.success(request, f"You started “{version.title}”. Your work saves as you go.")
    return redirect(enrollment.get_absolute_url())


@require_GET
def enrollment_detail(request: EvidentRequest, uuid: UUID) -> HttpResponse:
    enrollment = access_enrollment(request.user, uuid)
    work = workspace(enrollment)
    return render(
        request,
        "earning/enrollment_detail.html",
        {
            "section": "earning",
            "work": work,
            "enrollment": enrollment,
            "submission": work.submission,
            "general_comments": general_comments(work.submission),
            "coaches": list(coach_candidates(enrollment)),
            "upload_form": EvidenceUploadForm(),
            "views_by_others": evidence_views_by_others(enrollment),
            "award": award_for_enrollment(enrollment.pk),
        },
    )


def _requirement_fragment(
    request: EvidentRequest, submission_uuid: UUID, requirement_uuid: UUID, **extra: object
) -> HttpResponse:
    submission = access_draft(request.user, submission_uuid)
    item = requirement_work(submission, requirement_uuid)
    if item is None:
        raise Http404("No such requirement.")
    status = int(str(extra.pop("status", 200)))
    return render(
        request,
        "earning/requirement_work.html",
        {"item": item, "submission": submission, "upload_form": EvidenceUploadForm(), **extra},
        status=status,
    )


@require_POST
def evidence_save(request: EvidentRequest, uuid: UUID, requirement: UUID) -> HttpResponse:
    """Autosave of a written response or link: answers a short status line."""
    form = EvidenceTextForm(request.POST)
    if not form.is_valid():
        return HttpResponse(
            "Not saved: " + " ".join(str(e) for errors in form.errors.values() for e in errors), status=422
        )
    try:
        submission = access_draft(request.user, uuid)
        services.evidence_save(actor=request.user, submission=submission, requirement_uuid=requirement, **form.values())
    except ValidationError as exc:
        return HttpResponse("Not saved: " + " ".join(exc.messages), status=422)
    saved = f"Saved at {timezone.localtime():%-I:%M %p}."
    if request.htmx:
        return HttpResponse(saved)
    messages.success(request, saved)
    return redirect(submission.enrollment.get_absolute_url() + f"#requirement-{requirement}")


def _keep_locally(upload: UploadedFile) -> Path:
    """A local copy of an uploaded file, whatever upload handler received it."""
    handle, name = tempfile.mkstemp(prefix="evident-upload-")
    with open(handle, "wb") as target:
        for chunk in upload.chunks():
            target.write(chunk)
    return Path(name)


@require_http_methods(["GET", "POST"])
def evidence_files(request: EvidentRequest, uuid: UUID, requirement: UUID) -> HttpResponse:
    """The files of one requirement (GET, an htmx fragment) or a plain upload of one more (POST).

    Large videos go through the resumable tus endpoint from the page's
    script; this form is the path without JavaScript.
    """
    if request.method == "GET":
        return _requirement_fragment(request, uuid, requirement)
    submission = access_draft(request.user, uuid)
    form = EvidenceUploadForm(request.POST, request.FILES)
    error = ""
    if form.is_valid():
        upload: UploadedFile = form.cleaned_data["file"]
        path = _keep_locally(upload)
        try:
            services.evidence_file_add(
                actor=request.user,
                submission=submission,
                requirement_uuid=requirement,
                path=path,
                filename=upload.name or "upload",
            )
        except ValidationError as exc:
            error = " ".join(exc.messages)
        finally:
            path.unlink(missing_ok=True)
    else:
        error = "Choose a file to upload first."
    if request.htmx:
        return _requirement_fragment(request, uuid, requirement, upload_error=error, status=422 if error else 200)
    if error:
        messages.error(request, error)
    else:
        messages.success(request, "The file was added.")
    return redirect(submission.enrollment.get_absolute_url() + f"#requirement-{requirement}")


@require_POST
def evidence_file_remove(request: EvidentRequest, uuid: UUID) -> HttpResponse:
    file = access_own_evidence_file(request.user, uuid)
    submission, requirement = file.evidence.submission, file.evidence.requirement
    try:
        services.evidence_file_remove(actor=request.user, file=file)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    if request.htmx:
        return _requirement_fragment(request, submission.uuid, requirement.uuid)
    return redirect(submission.enrollment.get_absolute_url() + f"#requirement-{requirement.uuid}")


@require_http_methods(["GET", "POST"])
def submission_submit(request: EvidentRequest, uuid: UUID) -> HttpResponse:
    submission = access_submission(request.user, uuid)
    if not submission.is_draft:
        messages.info(request, "This submission has already been sent.")
        return redirect(submission.enrollment.get_absolute_url())
    form = SubmitForm(request.POST if request.method == "POST" else None)
    problems = services.submission_problems(submission)
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            services.submission_submit(
                actor=request.user,
                submission=submission,
                choices=services.SubmitChoices(
                    consent=form.cleaned_data["consent"], coaching_note=form.cleaned_data["coaching_note"]
                ),
            )
        except ValidationError as exc:
            problems = exc.messages
            status = 422
        else:
            messages.success(request, "Your evidence was submitted for review.")
            return redirect(submission.enrollment.get_absolute_url())
    work = workspace(submission.enrollment, submission)
    return render(
        request,
        "earning/submission_submit.html",
        {
            "section": "earning",
            "work": work,
            "submission": submission,
            "form": form,
            "problems": problems,
            "consent_statement": services.CONSENT_STATEMENT,
            "needs_coaching": services.needs_coaching(submission),
        },
        status=status,
    )


@require_POST
def submission_withdraw(request: EvidentRequest, uuid: UUID) -> HttpResponse:
    submission = access_submission(request.user, uuid)
    enrollment = submission.enrollment
    try:
        services.submission_withdraw(actor=request.user, submission=submission)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, "Your submission is back in your hands as a draft. Nothing in it was lost.")
    return redirect(enrollment.get_absolute_url())


@require_POST
def enrollment_withdraw(request: EvidentRequest, uuid: UUID) -> HttpResponse:
    enrollment = access_enrollment(request.user, uuid)
    try:
        services.enrollment_withdraw(actor=request.user, enrollment=enrollment)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect(enrollment.get_absolute_url())
    messages.success(request, f"You left “{enrollment.version.title}”.")
    return redirect("earning:enrollment-list")


@require_POST
def enrollment_share(request: EvidentRequest, uuid: UUID) -> HttpResponse:
    enrollment = access_enrollment(request.user, uuid)
    form = ShareForm(request.POST, coaches=list(coach_candidates(enrollment)))
    if not form.is_valid():
        messages.error(request, "Choose one of your organization's coaches.")
        return redirect(enrollment.get_absolute_url() + "#coaching")
    coach = form.cleaned_data["coach"]
    try:
        if form.cleaned_data["action"] == "share":
            services.coach_share(actor=request.user, enrollment=enrollment, coach=coach)
            messages.success(request, f"{coach.display_name} can now read your draft and comment on it.")
        else:
            services.coach_unshare(actor=request.user, enrollment=enrollment, coach=coach)
            messages.success(request, f"{coach.display_name} can no longer see your draft.")
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect(enrollment.get_absolute_url() + "#coaching")
