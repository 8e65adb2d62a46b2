"""Roster import: a CSV of educators, previewed line by line, then applied all at once or not at all.

``roster_plan`` reads a file and says, for every line, what applying it would
do (create, update with what changes, unchanged) or why it is rejected, in
plain words. It reads everything it compares against in a handful of queries
up front, so a 50,000-line roster costs the same few queries as a short one.

``roster_upload`` stores the file and its preview; ``roster_apply`` re-reads the
stored file against the data as it is now and applies it in one transaction
only if the preview still holds (otherwise the new preview is saved and
shown instead). Applying twice, or applying the same file again, changes
nothing. While any line is rejected nothing is applied: the admin downloads
the rejected lines, fixes them and uploads the file again.
"""

from __future__ import annotations

import csv
import difflib
import hashlib
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone

from evident.accounts.audit import audit_record
from evident.accounts.models import Organization, User
from evident.accounts.permissions import Need, require
from evident.programs.models import Cohort, CohortMember, Program, RosterImport
from evident.programs.selectors import chunks, coach_candidates, program_schools
from evident.programs.services import deadlines_sync, invitations_create

ROSTER_MAX_BYTES = 20 * 1024 * 1024
ROSTER_MAX_ROWS = 100_000
COLUMNS = ("name", "email", "school", "cohort", "coach")
REQUIRED_COLUMNS = ("name", "email", "school", "cohort")
# Headings people write for the same column.
ALIASES = {
    "full name": "name",
    "educator": "name",
    "educator name": "name",
    "email address": "email",
    "e-mail": "email",
    "school name": "school",
    "cohort name": "cohort",
    "coach email": "coach",
}


class Action:
    CREATE = "create"
    UPDATE = "update"
    UNCHANGED = "unchanged"
    REJECT = "reject"


ACTION_LABELS = {
    Action.CREATE: "New",
    Action.UPDATE: "Changes",
    Action.UNCHANGED: "Unchanged",
    Action.REJECT: "Rejected",
}


@dataclass
class Plan:
    """What applying a roster would do. ``report`` is what the admin reads (and what is stored)."""

    report: list[dict[str, Any]] = field(default_factory=list)
    creates: list[CohortMember] = field(default_factory=list)
    updates: list[CohortMember] = field(default_factory=list)

    def count(self, action: str) -> int:
        return sum(1 for line in self.report if line["action"] == action)


# --- Reading the file --------------------------------------------------------------------


def decode(data: bytes) -> str:
    """The text of a CSV file: UTF-8 with or without a byte-order mark, or Excel's Windows encoding."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        # Excel's plain "CSV (Comma delimited)" on Windows writes Windows-1252.
        return data.decode("cp1252")
    except UnicodeDecodeError:
        raise ValidationError(
            "This file is not readable text. Save it from your spreadsheet as “CSV UTF-8” and upload it again.",
            code="encoding",
        ) from None


def _heading(value: str) -> str:
    text = " ".join(value.replace("_", " ").split()).casefold()
    return ALIASES.get(text, text)


def read_rows(text: str) -> tuple[list[str], dict[str, int], Iterator[tuple[int, list[str]]]]:
    """The header's cells, which column holds each field, and the lines after it as (line number, cells).

    Raises ValidationError for an empty file or a header without the required columns.
    """
    first_line = text.split("\n", 1)[0]
    # Excel writes semicolons where the decimal separator is a comma.
    delimiter = max([",", ";", "\t"], key=first_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader)
    except StopIteration:
        raise ValidationError("The file is empty. The first line must name the columns.", code="empty") from None
    positions: dict[str, int] = {}
    for index, cell in enumerate(header):
        name = _heading(cell)
        if name in COLUMNS:
            if name in positions:
                raise ValidationError(f"The header names the column “{name}” twice.", code="duplicate_column")
            positions[name] = index
    missing = [c for c in REQUIRED_COLUMNS if c not in positions]
    if missing:
        found = ", ".join(f"“{c.strip()}”" for c in header if c.strip()) or "nothing"
        raise ValidationError(
            f"The first line must name the columns name, email, school and cohort (coach is optional). "
            f"Missing: {', '.join(missing)}. The first line has {found}.",
            code="missing_columns",
        )

    def lines() -> Iterator[tuple[int, list[str]]]:
        previous = reader.line_num
        for cells in reader:
            start, previous = previous + 1, reader.line_num
            yield start, cells

    return header, positions, lines()


# --- Matching names ---------------------------------------------------------------------


def _words(value: str) -> list[str]:
    return re.findall(r"\w+", value.casefold())


def closest(value: str, names: list[str]) -> str | None:
    """The name someone most likely meant: one whose words the value's words begin, else the most similar."""
    wanted = _words(value)
    if wanted:
        for name in names:
            words = _words(name)
            if all(any(word.startswith(w) for word in words) for w in wanted):
                return name
    folded = {name.casefold(): name for name in names}
    match = difflib.get_close_matches(value.casefold(), list(folded), n=1, cutoff=0.6)
    return folded[match[0]] if match else None


# --- The plan ------------------------------------------------------------------------------


@dataclass
class _Member:
    """What a roster line is compared with: one existing member, as read from the database."""

    pk: int
    full_name: str
    cohort_id: int
    school_id: int | None
    coach_id: int | None
    educator_id: int | None
    removed_at: datetime | None
    invited_at: datetime | None


@dataclass
class _Lookups:
    program: Program
    cohorts: dict[str, Cohort]
    schools: dict[str, Organization]
    school_names: list[str]
    coaches: dict[str, User]
    members: dict[str, _Member]
    accounts: dict[str, int]
    cohorts_by_id: dict[int, Cohort]
    schools_by_id: dict[int, Organization]
    people: dict[int, User]


def _lookups(program: Program, emails: list[str]) -> _Lookups:
    cohorts = {c.name.casefold(): c for c in Cohort.objects.filter(program=program)}
    schools: dict[str, Organization] = {}
    for school in program_schools(program):
        schools[school.name.casefold()] = school
        schools[school.slug.casefold()] = school
    # Plain tuples, not model instances: a big program has tens of thousands of members.
    members = {
        row[0].lower(): _Member(*row[1:])
        for row in CohortMember.objects.filter(program=program).values_list(
            "email", "pk", "full_name", "cohort_id", "school_id", "coach_id", "educator_id", "removed_at", "invited_at"
        )
    }
    coach_ids = {m.coach_id for m in members.values() if m.coach_id is not None}
    people = {
        pk: User(pk=pk, full_name=full_name, email=email)
        for pk, full_name, email in User.objects.filter(pk__in=coach_ids).values_list("pk", "full_name", "email")
    }
    accounts: dict[str, int] = {}
    for part in chunks(sorted(set(emails))):
        accounts.update(
            User.objects.filter(email__in=part, is_active=True, kind=User.Kind.PERSON).values_list("email", "pk")
        )
    return _Lookups(
        program=program,
        cohorts=cohorts,
        schools=schools,
        school_names=sorted({s.name for s in schools.values()}),
        coaches={c.email.lower(): c for c in coach_candidates(program)},
        members=members,
        accounts={email.lower(): pk for email, pk in accounts.items()},
        cohorts_by_id={c.pk: c for c in cohorts.values()},
        schools_by_id={s.pk: s for s in schools.values()},
        people=people,
    )


def _cell(cells: list[str], positions: dict[str, int], name: str) -> str:
    index = positions.get(name)
    if index is None or index >= len(cells):
        return ""
    return " ".join(cells[index].split())


def roster_plan(program: Program, data: bytes) -> Plan:
    """Read a roster file and say what applying it would do, line by line.

    Raises ValidationError when the file as a whole cannot be read (too large,
    not text, no header, missing columns, too many lines).
    """
    if len(data) > ROSTER_MAX_BYTES:
        raise ValidationError(
            f"The file is larger than {ROSTER_MAX_BYTES // (1024 * 1024)} MB. Split it into smaller files.",
            code="too_large",
        )
    header, positions, lines = read_rows(decode(data))
    rows = [(number, cells) for number, cells in lines if "".join(cells).strip()]
    if not rows:
        raise ValidationError("The file has a header but no educators under it.", code="no_rows")
    if len(rows) > ROSTER_MAX_ROWS:
        raise ValidationError(
            f"The file has {len(rows):,} lines; a roster may have at most {ROSTER_MAX_ROWS:,}. Split it.",
            code="too_many_rows",
        )
    emails = [_cell(cells, positions, "email").lower() for _, cells in rows]
    known = _lookups(program, emails)
    organization = program.organization
    school_level = organization.kind == Organization.Kind.SCHOOL
    plan = Plan()
    seen: dict[str, int] = {}
    suggestions: dict[tuple[str, str], str | None] = {}

    def suggest(kind: str, value: str, names: list[str]) -> str | None:
        key = (kind, value.casefold())
        if key not in suggestions:
            suggestions[key] = closest(value, names)
        return suggestions[key]

    cohort_names = sorted(c.name for c in known.cohorts.values())
    for (number, cells), email in zip(rows, emails, strict=True):
        errors: list[str] = []
        name = _cell(cells, positions, "name")
        school_value = _cell(cells, positions, "school")
        cohort_value = _cell(cells, positions, "cohort")
        coach_value = _cell(cells, positions, "coach").lower()
        if any(c.strip() for c in cells[len(header) :]):
            errors.append(f"it has {len(cells)} values but the header names {len(header)} columns")
        if not name:
            errors.append("the name is missing")
        elif len(name) > 150:
            errors.append("the name is longer than 150 characters")
        if not email:
            errors.append("the email is missing")
        else:
            try:
                validate_email(email)
            except ValidationError:
                errors.append(f"the email ‘{email}’ is not a valid address")
            else:
                if email in seen:
                    errors.append(f"the same email as line {seen[email]}")
                else:
                    seen[email] = number
        school: Organization | None = None
        if school_value:
            school = known.schools.get(school_value.casefold())
            if school is None:
                if school_level:
                    message = f"the school must be {organization.name} (or left blank), not ‘{school_value}’"
                else:
                    message = f"no school called ‘{school_value}’ in {organization.name}"
                    guess = suggest("school", school_value, known.school_names)
                    if guess:
                        message += f" — did you mean {guess}?"
                errors.append(message)
        elif school_level:
            school = organization
        else:
            errors.append("the school is missing")
        cohort: Cohort | None = None
        if not cohort_value:
            errors.append("the cohort is missing")
        else:
            cohort = known.cohorts.get(cohort_value.casefold())
            if cohort is None:
                message = f"no cohort called ‘{cohort_value}’ in this program"
                guess = suggest("cohort", cohort_value, cohort_names)
                if guess:
                    message += f" — did you mean {guess}?"
                elif cohort_names:
                    message += f" (its cohorts: {', '.join(cohort_names)})"
                else:
                    message += " (add a cohort to the program first)"
                errors.append(message)
        coach: User | None = None
        if coach_value:
            coach = known.coaches.get(coach_value)
            if coach is None:
                try:
                    validate_email(coach_value)
                except ValidationError:
                    errors.append(f"the coach ‘{coach_value}’ is not a valid email address")
                else:
                    errors.append(f"‘{coach_value}’ is not a coach in {organization.name} or its schools")
        entry: dict[str, Any] = {"line": number, "email": email, "name": name, "changes": [], "errors": errors}
        if errors:
            entry["action"] = Action.REJECT
            plan.report.append(entry)
            continue
        assert cohort is not None  # noqa: S101  # no error means a cohort was found
        entry["cohort"] = cohort.name
        account = known.accounts.get(email)
        existing = known.members.get(email)
        if existing is None:
            entry["action"] = Action.CREATE
            entry["note"] = "has an account: linked now" if account else "no account yet: invited by email"
            plan.creates.append(
                CohortMember(
                    program=program,
                    cohort=cohort,
                    email=email,
                    full_name=name,
                    educator_id=account,
                    school=school,
                    coach=coach,
                )
            )
        else:
            changes, row = _changes(
                known, existing, name=name, cohort=cohort, school=school, coach=coach, account=account
            )
            entry["changes"] = changes
            entry["action"] = Action.UPDATE if changes else Action.UNCHANGED
            if changes:
                plan.updates.append(row)
        plan.report.append(entry)
    return plan


def _changes(
    known: _Lookups,
    member: _Member,
    *,
    name: str,
    cohort: Cohort,
    school: Organization | None,
    coach: User | None,
    account: int | None,
) -> tuple[list[str], CohortMember]:
    """What applying the line changes on an existing member, in plain words, and the row to write."""
    found: list[str] = []
    row = CohortMember(
        pk=member.pk,
        full_name=member.full_name,
        cohort_id=member.cohort_id,
        school_id=member.school_id,
        coach_id=member.coach_id,
        educator_id=member.educator_id,
        removed_at=member.removed_at,
        invited_at=member.invited_at,
    )
    if member.removed_at is not None:
        found.append("back on the roster (was removed)")
        row.removed_at = None
    if member.full_name != name:
        found.append(f"name: {member.full_name} → {name}")
        row.full_name = name
    if member.cohort_id != cohort.pk:
        before = known.cohorts_by_id[member.cohort_id].name
        found.append(f"cohort: {before} → {cohort.name}")
        row.cohort_id = cohort.pk
    if school is not None and member.school_id != school.pk:
        old = known.schools_by_id.get(member.school_id) if member.school_id else None
        found.append(f"school: {old.name if old else 'none'} → {school.name}")
        row.school_id = school.pk
    # A blank coach cell leaves the coach assigned on the cohort page as it is.
    if coach is not None and member.coach_id != coach.pk:
        previous = known.people.get(member.coach_id) if member.coach_id else None
        found.append(f"coach: {previous.display_name if previous else 'none'} → {coach.display_name}")
        row.coach_id = coach.pk
    if member.educator_id is None and account is not None:
        found.append("linked to their account")
        row.educator_id = account
    return found, row


# --- Upload and apply ---------------------------------------------------------------------


def _counts(roster_import: RosterImport, plan: Plan) -> None:
    roster_import.report = plan.report
    roster_import.row_count = len(plan.report)
    roster_import.created_count = plan.count(Action.CREATE)
    roster_import.updated_count = plan.count(Action.UPDATE)
    roster_import.unchanged_count = plan.count(Action.UNCHANGED)
    roster_import.rejected_count = plan.count(Action.REJECT)


COUNT_FIELDS = ["report", "row_count", "created_count", "updated_count", "unchanged_count", "rejected_count"]


@transaction.atomic
def roster_upload(*, actor: User, program: Program, upload: UploadedFile) -> RosterImport:
    """Store an uploaded roster and its line-by-line preview. Nothing on the roster changes yet.

    Raises PermissionDenied unless the actor manages the program, and
    ValidationError when the file as a whole cannot be read.
    """
    require(actor, program.organization, Need.MANAGE_PROGRAMS)
    if upload.size is not None and upload.size > ROSTER_MAX_BYTES:
        raise ValidationError(
            f"The file is larger than {ROSTER_MAX_BYTES // (1024 * 1024)} MB. Split it into smaller files.",
            code="too_large",
        )
    data = upload.read()
    plan = roster_plan(program, data)
    roster_import = RosterImport(
        program=program,
        uploaded_by=actor,
        original_name=(upload.name or "roster.csv")[-255:],
        sha256=hashlib.sha256(data).hexdigest(),
    )
    _counts(roster_import, plan)
    roster_import.file.save(f"{program.uuid}/{roster_import.uuid}.csv", ContentFile(data), save=False)
    roster_import.save()
    audit_record(
        actor=actor,
        organization=program.organization,
        action="roster.previewed",
        target=roster_import,
        data={
            "program": str(program.uuid),
            "file": roster_import.original_name,
            "lines": roster_import.row_count,
            "rejected": roster_import.rejected_count,
        },
    )
    return roster_import


def stored_data(roster_import: RosterImport) -> bytes:
    with roster_import.file.open("rb") as handle:
        data: bytes = handle.read()
    return data


@dataclass
class ApplyResult:
    roster_import: RosterImport
    applied: bool  # False: the data changed since the preview, which was computed again


def roster_apply(*, actor: User, roster_import: RosterImport) -> ApplyResult:
    """Apply a previewed roster: every line or none.

    The stored file is read again against the data as it is now, inside the
    transaction (the program row is locked, so two imports of one program
    take turns). If the result differs from the preview the admin read, the
    new preview is stored and nothing is applied. Raises ValidationError when
    lines are rejected or the import was applied already, PermissionDenied
    unless the actor manages the program.
    """
    program = roster_import.program
    require(actor, program.organization, Need.MANAGE_PROGRAMS)
    with transaction.atomic():
        Program.objects.select_for_update().filter(pk=program.pk).first()
        roster_import = (
            RosterImport.objects.select_for_update().select_related("program__organization").get(pk=roster_import.pk)
        )
        if roster_import.status != RosterImport.Status.PREVIEWED:
            raise ValidationError(
                f"This file was {roster_import.get_status_display().lower()} already. Upload it again to re-run it.",
                code="not_previewed",
            )
        plan = roster_plan(program, stored_data(roster_import))
        if plan.report != roster_import.report:
            _counts(roster_import, plan)
            roster_import.save(update_fields=COUNT_FIELDS)
            return ApplyResult(roster_import=roster_import, applied=False)
        if plan.count(Action.REJECT):
            raise ValidationError(
                "Some lines are rejected. Fix them in the file and upload it again: nothing is applied until "
                "every line can be.",
                code="rejected_lines",
            )
        do_roster_apply(actor=actor, program=program, plan=plan)
        roster_import.status = RosterImport.Status.APPLIED
        roster_import.applied_at = timezone.now()
        roster_import.save(update_fields=["status", "applied_at"])
        audit_record(
            actor=actor,
            organization=program.organization,
            action="roster.applied",
            target=roster_import,
            data={
                "program": str(program.uuid),
                "created": roster_import.created_count,
                "updated": roster_import.updated_count,
                "unchanged": roster_import.unchanged_count,
            },
        )
    return ApplyResult(roster_import=roster_import, applied=True)


def do_roster_apply(*, actor: User, program: Program, plan: Plan) -> None:
    """Write a plan with no rejected lines. Preconditions: inside a transaction holding the program's
    lock, the plan computed in it, the actor allowed to manage the program."""
    now = timezone.now()
    for place in plan.creates:
        place.added_at = now
    # Invitations first: they set invited_at on the members, which are then written once.
    uninvited = [p for p in [*plan.creates, *plan.updates] if p.educator_id is None and p.invited_at is None]
    invitations_create(actor=actor, program=program, members=uninvited)
    CohortMember.objects.bulk_create(plan.creates, batch_size=1000)
    CohortMember.objects.bulk_update(
        plan.updates,
        ["full_name", "cohort", "school", "coach", "educator", "removed_at", "invited_at"],
        batch_size=1000,
    )
    deadlines_sync(p.educator_id for p in [*plan.creates, *plan.updates] if p.educator_id is not None)


def errors_text(errors: list[str]) -> str:
    """A rejected line's reasons as one sentence."""
    text = "; ".join(errors)
    return text if text.endswith("?") else f"{text}."


def rejected_lines_csv(roster_import: RosterImport) -> str:
    """The rejected lines of a roster exactly as uploaded, with a last column saying what is wrong."""
    problems = {line["line"]: errors_text(line["errors"]) for line in roster_import.report if line["errors"]}
    header, _, lines = read_rows(decode(stored_data(roster_import)))
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([*header, "problems"])
    for number, cells in lines:
        if number in problems:
            writer.writerow([*cells, f"line {number}: {problems[number]}"])
    return out.getvalue()
