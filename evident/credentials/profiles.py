"""Every change to an educator's public profile: creating it with a suggested address, and updating it.

The profile belongs to its educator alone: no organization role reaches it,
so the services check that the actor is the educator and answer Http404
otherwise, as ``award_set_public`` does for awards.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.http import Http404
from django.utils import timezone
from django.utils.text import slugify

from evident.accounts.audit import audit_record
from evident.accounts.models import User
from evident.credentials.models import RESERVED_PROFILE_SLUGS, PublicProfile, validate_profile_slug

HEADLINE_MAX = PublicProfile._meta.get_field("headline").max_length or 120


def profile_slug_normalize(value: str) -> str:
    """What people type into an address field, as an address: trimmed, lowercase, spaces as hyphens."""
    return "-".join(value.strip().lower().split())


def profile_slug_taken(slug: str, *, exclude_user: User | None = None) -> bool:
    found = PublicProfile.objects.filter(slug=slug)
    if exclude_user is not None:
        found = found.exclude(user=exclude_user)
    return found.exists()


def profile_slug_suggest(user: User) -> str:
    """A free address made from the educator's name (never from their email), numbered when taken."""
    base = slugify(user.full_name)[:44].strip("-")
    if len(base) < 3 or base in RESERVED_PROFILE_SLUGS:
        base = f"educator-{base}".strip("-") if base else "educator"
    candidate, number = base, 1
    while profile_slug_taken(candidate) or candidate in RESERVED_PROFILE_SLUGS:
        number += 1
        candidate = f"{base}-{number}"
    return candidate


def profile_get_or_create(*, educator: User) -> PublicProfile:
    """The educator's profile; made private, with a suggested address, on first use.

    Safe when two requests make it at once: the one-per-educator constraint
    keeps the first, and a clash on the suggested address is retried.
    """
    existing = PublicProfile.objects.filter(user=educator).first()
    if existing is not None:
        return existing
    for _attempt in range(5):
        try:
            with transaction.atomic():
                profile = PublicProfile(user=educator, slug=profile_slug_suggest(educator))
                profile.full_clean()
                profile.save()
                audit_record(actor=educator, organization=None, action="profile.created", target=profile)
                return profile
        except (IntegrityError, ValidationError):
            existing = PublicProfile.objects.filter(user=educator).first()
            if existing is not None:
                return existing
    raise ValidationError("Could not find a free address for your profile; try again.", code="slug_busy")


def profile_check_update(*, actor: User, profile: PublicProfile, slug: str, headline: str) -> tuple[str, str]:
    """Validate new values for the educator's own profile: the normalized address and headline.

    Raises Http404 when the profile is not the actor's, ValidationError
    (by field) for a malformed, reserved or taken address or a long headline.
    """
    if profile.user_id != actor.pk:
        raise Http404("No such profile.")
    slug = profile_slug_normalize(slug)
    headline = " ".join(headline.split())
    errors: dict[str, list[ValidationError]] = {}
    try:
        validate_profile_slug(slug)
    except ValidationError as error:
        errors["slug"] = [error]
    else:
        if profile_slug_taken(slug, exclude_user=actor):
            errors["slug"] = [ValidationError("Someone already uses this address. Choose another.", code="slug_taken")]
    if len(headline) > HEADLINE_MAX:
        errors["headline"] = [
            ValidationError(f"Keep the headline to {HEADLINE_MAX} characters or fewer.", code="headline_too_long")
        ]
    if errors:
        raise ValidationError(errors)
    return slug, headline


@transaction.atomic
def profile_update(
    *, actor: User, profile: PublicProfile, slug: str, headline: str, is_public: bool, allow_indexing: bool
) -> PublicProfile:
    """Change the educator's address, headline and visibility; an audit record names what changed.

    Raises as ``profile_check_update``. Nothing is written when nothing changed.
    """
    slug, headline = profile_check_update(actor=actor, profile=profile, slug=slug, headline=headline)
    profile = PublicProfile.objects.select_for_update().get(pk=profile.pk)
    wanted = {"slug": slug, "headline": headline, "is_public": is_public, "allow_indexing": allow_indexing}
    changed = [name for name, value in wanted.items() if getattr(profile, name) != value]
    if not changed:
        return profile
    for name in changed:
        setattr(profile, name, wanted[name])
    profile.updated_at = timezone.now()
    profile.full_clean()
    try:
        with transaction.atomic():
            profile.save(update_fields=[*changed, "updated_at"])
    except IntegrityError:
        # Taken between the check and the save by someone else.
        raise ValidationError(
            {"slug": ValidationError("Someone already uses this address. Choose another.", code="slug_taken")}
        ) from None
    data: dict[str, object] = {"changed": changed}
    if "slug" in changed:
        data["slug"] = slug
    if "is_public" in changed:
        data["is_public"] = is_public
    audit_record(actor=actor, organization=None, action="profile.updated", target=profile, data=data)
    return profile
