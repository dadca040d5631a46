from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from cometa.accounts.roles import Role


class OrganisationKind(models.TextChoices):
    COUNTRY_TEAM = "country_team", _("UN country team")
    UN_ENTITY = "un_entity", _("UN entity")
    UN_WOMEN_OFFICE = "un_women_office", _("UN Women office")
    BACKBONE = "backbone", _("Backbone organisation")
    PARTNER = "partner", _("Implementing partner")
    FUNDER = "funder", _("Funder")
    GOVERNMENT = "government", _("Government body")
    ACADEMIC = "academic", _("Academic institution")
    CIVIL_SOCIETY = "civil_society", _("Civil-society organisation")


# Which kinds may hold which: a country team holds entities, a network (backbone) holds members.
ALLOWED_PARENTS: dict[str, frozenset[str]] = {
    OrganisationKind.UN_ENTITY: frozenset({OrganisationKind.COUNTRY_TEAM}),
    OrganisationKind.UN_WOMEN_OFFICE: frozenset({OrganisationKind.COUNTRY_TEAM}),
    OrganisationKind.PARTNER: frozenset({OrganisationKind.BACKBONE}),
    OrganisationKind.FUNDER: frozenset({OrganisationKind.BACKBONE}),
    OrganisationKind.GOVERNMENT: frozenset({OrganisationKind.BACKBONE}),
    OrganisationKind.ACADEMIC: frozenset({OrganisationKind.BACKBONE}),
    OrganisationKind.CIVIL_SOCIETY: frozenset({OrganisationKind.BACKBONE}),
}


class Organisation(models.Model):
    name = models.CharField(_("name"), max_length=200)
    short_name = models.CharField(_("short name"), max_length=40, blank=True)
    kind = models.CharField(_("kind"), max_length=32, choices=OrganisationKind.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("part of"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    country = models.CharField(_("country (ISO 3166 alpha-3)"), max_length=3, blank=True)
    region = models.CharField(_("region"), max_length=80, blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["name"], name="organisation_name_unique"),
            models.CheckConstraint(
                condition=~models.Q(parent=models.F("pk")), name="organisation_not_own_parent"
            ),
        ]

    def __str__(self) -> str:
        return self.name


class Membership(models.Model):
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    title = models.CharField(_("title"), max_length=120, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["organisation__name", "person__email"]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "organisation"], name="membership_once_per_organisation"
            ),
            models.CheckConstraint(
                condition=models.Q(role__in=[r.value for r in Role]), name="membership_role_known"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} @ {self.organisation} ({self.role})"
