"""factory_boy factories for people and organizations."""

from __future__ import annotations

import factory
from allauth.account.models import EmailAddress

from evident.accounts.models import Membership, Organization, User

TEST_PASSWORD = "correct horse battery staple"


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organization
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Test District {n}")
    slug = factory.Sequence(lambda n: f"test-district-{n}")
    kind = Organization.Kind.DISTRICT


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    full_name = factory.Sequence(lambda n: f"Person {n}")
    password = factory.PostGenerationMethodCall("set_password", TEST_PASSWORD)

    @factory.post_generation
    def verified(self, create: bool, extracted: object, **kwargs: object) -> None:
        if create:
            self.save()
            EmailAddress.objects.get_or_create(
                user=self, email=self.email, defaults={"verified": True, "primary": True}
            )


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    organization = factory.SubFactory(OrganizationFactory)
    role = "educator"


def member(organization: Organization, *roles: str, **user_fields: object) -> User:
    """A new user holding ``roles`` in ``organization``."""
    user = UserFactory(**user_fields)
    for role in roles:
        Membership.objects.create(user=user, organization=organization, role=role)
    return user
