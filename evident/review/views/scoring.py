"""The reviewer's pages: the review home with the queues, the scoring page, finishing
and giving back an assignment. Everything shows the submission's code, never the educator."""

from __future__ import annotations

from uuid import UUID

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from evident.accounts.http import EvidentRequest
from evident.review import queue, scoring
from evident.review.forms_scoring import ClaimForm, NoteForm, ScoreForm
from evident.review.models import Assignment
from evident.review.permissions import access_assignment, access_pool, led_pools
from evident.review.selectors_scoring import lead_dashboard as lead_dashboard_for
from evident.review.selectors_scoring import review_home, scoring_sheet
from evident.review.statistics import threshold


@require_GET
def home(request: EvidentRequest) -> HttpResponse:
    # No queue_sync here: a GET writes nothing. The counts include what was sent since the last sync.
    home = review_home(request.user)
    return render(
        request,
        "review/home.html",
        {
            "section": "review",
            "home": home,
            "now": timezone.now(),
            "leads_a_pool": led_pools(request.user).exists(),
        },
    )


@require_POST
def claim(request: EvidentRequest, uuid: UUID) -> HttpResponse:
    pool = access_pool(request.user, uuid)
    form = ClaimForm(request.POST)
    role = form.cleaned_data["role"] if form.is_valid() else Assignment.Role.FIRST
    try:
        assignment = queue.assignment_claim(actor=request.user, pool=pool, role=role)
    except (PermissionDenied, ValidationError) as exc:
        messages.error(request, " ".join(getattr(exc, "messages", [str(exc)])))
        return redirect("review:home")
    if assignment is None:
        messages.info(
            request, f"Nothing is waiting for {Assignment.Role(role).label.lower()} in {pool.name} right now."
        )
        return redirect("review:home")
    return redirect("review:assignment-detail", uuid=assignment.uuid)


@require_GET
def assignment_detail(request: EvidentRequest, uuid: UUID) -> HttpResponse:
    assignment = access_assignment(request.user, uuid)
    return render(
        request,
        "review/assignment_detail.html",
        {"section": "review", "sheet": scoring_sheet(assignment), "assignment": assignment, "note_form": NoteForm()},
    )


@require_POST
def score_save(request: EvidentRequest, uuid: UUID, requirement: UUID) -> HttpResponse:
    """Autosave of one requirement's level and feedback: answers a short status line."""
    form = ScoreForm(request.POST)
    if not form.is_valid():
        return HttpResponse("Not saved: choose a level from the rubric.", status=422)
    try:
        assignment = access_assignment(request.user, uuid, active_only=True)
        scoring.score_save(
            actor=request.user,
            assignment=assignment,
            requirement_uuid=requirement,
            level_id=form.cleaned_data["level"],
            feedback=form.cleaned_data["feedback"] if "feedback" in request.POST else None,
        )
    except ValidationError as exc:
        return HttpResponse("Not saved: " + " ".join(exc.messages), status=422)
    saved = f"Saved at {timezone.localtime():%-I:%M %p}."
    if request.htmx:
        return HttpResponse(saved)
    messages.success(request, saved)
    return redirect(assignment_url(uuid) + f"#score-{requirement}")


def assignment_url(uuid: UUID) -> str:
    return reverse("review:assignment-detail", kwargs={"uuid": uuid})


@require_POST
def note_add(request: EvidentRequest, uuid: UUID) -> HttpResponse:
    assignment = access_assignment(request.user, uuid, active_only=True)
    form = NoteForm(request.POST)
    error = ""
    if form.is_valid():
        try:
            scoring.video_note_add(
                actor=request.user,
                assignment=assignment,
                file_uuid=form.cleaned_data["file"],
                seconds=form.cleaned_data["seconds"],
                text=form.cleaned_data["text"],
            )
        except ValidationError as exc:
            error = " ".join(exc.messages)
    else:
        error = "Write the note, then pin it."
    if request.htmx:
        sheet = scoring_sheet(assignment)
        video = next((v for v in sheet.videos if str(v.file.uuid) == request.POST.get("file")), None)
        return render(
            request,
            "review/assignment_detail.html#notes",
            {"video": video, "assignment": assignment, "note_error": error, "note_form": NoteForm()},
            status=422 if error else 200,
        )
    if error:
        messages.error(request, error)
    return redirect(assignment_url(uuid))


@require_POST
def complete(request: EvidentRequest, uuid: UUID) -> HttpResponse:
    assignment = access_assignment(request.user, uuid, active_only=True)
    try:
        decision = scoring.assignment_complete(actor=request.user, assignment=assignment)
    except ValidationError as exc:
        for problem in exc.messages:
            messages.error(request, problem)
        return redirect(assignment_url(uuid) + "#finish")
    if decision is not None:
        messages.success(
            request, f"Submission {assignment.submission.code} is decided: {decision.get_outcome_display().lower()}."
        )
    else:
        messages.success(
            request, f"Your scoring of {assignment.submission.code} is in. It goes on to a second reviewer or a lead."
        )
    return redirect("review:home")


@require_POST
def give_back(request: EvidentRequest, uuid: UUID) -> HttpResponse:
    assignment = access_assignment(request.user, uuid, active_only=True)
    queue.assignment_return(assignment=assignment, reason="Given back by the reviewer.", actor=request.user)
    messages.info(request, f"Submission {assignment.submission.code} is back in the queue for someone else.")
    return redirect("review:home")


@require_GET
def lead_dashboard(request: EvidentRequest) -> HttpResponse:
    boards = lead_dashboard_for(request.user)
    if not boards:
        raise PermissionDenied("The lead reviewer's dashboard is for lead reviewers.")
    return render(
        request,
        "review/lead_dashboard.html",
        {
            "section": "review",
            "boards": boards,
            "target_days": settings.REVIEW_DUE_BUSINESS_DAYS,
            "threshold": threshold(),
        },
    )
