"""Every change in earning: enrolling, drafting evidence, uploads, sharing with
a coach, submitting and withdrawing, and what a review decision does to an
enrolment. Each checks permission, writes in one transaction, adds to the
educator's timeline and appends an audit event.

One module per concept; everything is importable from here.
"""

from __future__ import annotations

from evident.earning.services.common import (
    CONSENT_STATEMENT,
    FILE_KINDS,
    MAX_FILES_PER_REQUIREMENT,
    MAX_OPEN_UPLOADS,
    MAX_TEXT_CHARACTERS,
)
from evident.earning.services.enrolment import (
    coach_share,
    coach_unshare,
    draft_comment_add,
    enrollment_start,
    enrollment_withdraw,
    retention_policy_set,
)
from evident.earning.services.evidence import (
    evidence_file_add,
    evidence_file_remove,
    evidence_save,
    evidence_view_record,
    upload_create,
    upload_finish,
)
from evident.earning.services.submitting import (
    RequirementOutcome,
    SubmitChoices,
    attempts_before_coaching,
    needs_coaching,
    submission_decide,
    submission_problems,
    submission_start_review,
    submission_submit,
    submission_withdraw,
)

__all__ = [
    "CONSENT_STATEMENT",
    "FILE_KINDS",
    "MAX_FILES_PER_REQUIREMENT",
    "MAX_OPEN_UPLOADS",
    "MAX_TEXT_CHARACTERS",
    "RequirementOutcome",
    "SubmitChoices",
    "attempts_before_coaching",
    "coach_share",
    "coach_unshare",
    "draft_comment_add",
    "enrollment_start",
    "enrollment_withdraw",
    "evidence_file_add",
    "evidence_file_remove",
    "evidence_save",
    "evidence_view_record",
    "needs_coaching",
    "retention_policy_set",
    "submission_decide",
    "submission_problems",
    "submission_start_review",
    "submission_submit",
    "submission_withdraw",
    "upload_create",
    "upload_finish",
]
