"""Business operations on organisations, people and memberships.

Pages, the API and the command line all call these. Each checks permission,
validates, writes inside one transaction and appends the audit entry.
"""

from __future__ import annotations

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from cometa.accounts import acting, audit, tokens
from cometa.accounts.access import forget_memberships, may_administer
from cometa.accounts.acting import Actor, is_system
from cometa.accounts.models import Membership, Organisation, Person
from cometa.accounts.models.organisations import ALLOWED_PARENTS, OrganisationKind
from cometa.accounts.roles import Role
from cometa.core.errors import NotPermitted, ServiceError, ValidationFailed

ORGANISATION_FIELDS = ("name", "short_name", "kind", "parent", "country", "region", "is_active")
PERSON_FIELDS = ("email", "full_name", "language", "is_active", "is_platform_admin")


def _require_admin(actor: Actor) -> None:
    if not is_system(actor) and not actor.is_platform_admin:
        raise NotPermitted(_("Only platform administrators may do this."))


def _check_parent(kind: str, parent: Organisation | None) -> None:
    if kind not in OrganisationKind.values:
        raise ValidationFailed({"kind": [_("Unknown kind “%(kind)s”.") % {"kind": kind}]})
    if parent is None:
        return
    allowed = ALLOWED_PARENTS.get(kind, frozenset())
    if parent.kind not in allowed:
        message = _(
            "An organisation of the kind “%(kind)s” cannot be part of one of the kind “%(parent)s”."
        )
        labels = {"kind": OrganisationKind(kind).label, "parent": parent.get_kind_display()}
        raise ValidationFailed({"parent": [message % labels]})


def _clean_organisation(organisation: Organisation) -> None:
    name = organisation.name.strip()
    if not name:
        raise ValidationFailed({"name": [_("A name is required.")]})
    organisation.name = name
    country = organisation.country.strip().upper()
    if country and (len(country) != 3 or not country.isalpha()):
        raise ValidationFailed({"country": [_("Use a three-letter ISO 3166 code, such as KAZ.")]})
    organisation.country = country
    _check_parent(organisation.kind, organisation.parent)
    if Organisation.objects.filter(name__iexact=name).exclude(pk=organisation.pk).exists():
        raise ValidationFailed(
            {"name": [_("An organisation named “%(name)s” already exists.") % {"name": name}]}
        )


def organisation_create(
    *,
    actor: Actor,
    name: str,
    kind: str,
    parent: Organisation | None = None,
    short_name: str = "",
    country: str = "",
    region: str = "",
) -> Organisation:
    """Creates an organisation. Platform administrators create top-level ones; a
    coordinator may create organisations inside one they administer."""
    if parent is None:
        _require_admin(actor)
    elif not is_system(actor) and not may_administer(actor, parent):
        raise NotPermitted(_("You do not administer the organisation this one would belong to."))
    organisation = Organisation(
        name=name, kind=kind, parent=parent, short_name=short_name, country=country, region=region
    )
    _clean_organisation(organisation)
    with transaction.atomic():
        organisation.save()
        audit.record(
            actor=actor,
            action="organisation.create",
            target=organisation,
            changes=audit.changes_between({}, audit.snapshot(organisation, ORGANISATION_FIELDS)),
            organisation_id=organisation.pk,
        )
    forget_memberships()  # the tree changed: what people's memberships reach, too
    return organisation


def organisation_update(
    *, actor: Actor, organisation: Organisation, **fields: object
) -> Organisation:
    if not is_system(actor) and not may_administer(actor, organisation):
        raise NotPermitted(_("Only a coordinator of this organisation may change it."))
    unknown = set(fields) - set(ORGANISATION_FIELDS)
    if unknown:
        raise ValidationFailed({sorted(unknown)[0]: [_("This field cannot be changed.")]})
    with transaction.atomic():
        current = Organisation.objects.select_for_update().get(pk=organisation.pk)
        before = audit.snapshot(current, ORGANISATION_FIELDS)
        for field, value in fields.items():
            setattr(current, field, value)
        _clean_organisation(current)
        current.save()
        changes = audit.changes_between(before, audit.snapshot(current, ORGANISATION_FIELDS))
        if changes:
            audit.record(
                actor=actor,
                action="organisation.update",
                target=current,
                changes=changes,
                organisation_id=current.pk,
            )
    forget_memberships()
    return current


def person_create(
    *,
    actor: Actor,
    email: str,
    full_name: str,
    password: str | None = None,
    language: str = "en",
    is_platform_admin: bool = False,
) -> Person:
    _require_admin(actor)
    email = email.strip().lower()
    try:
        validate_email(email)
    except ValidationError:
        raise ValidationFailed(
            {"email": [_("“%(email)s” is not a valid e-mail address.") % {"email": email}]}
        ) from None
    if not full_name.strip():
        raise ValidationFailed({"full_name": [_("A full name is required.")]})
    if Person.objects.filter(email__iexact=email).exists():
        raise ValidationFailed({"email": [_("A person with this e-mail address already exists.")]})
    person = Person(email=email, full_name=full_name.strip(), language=language)
    person.is_platform_admin = is_platform_admin
    if password:
        _validate_password(password, person)
        person.set_password(password)
    else:
        person.set_unusable_password()
    with transaction.atomic():
        person.save()
        after = audit.snapshot(person, PERSON_FIELDS) | {"password": "set" if password else None}
        audit.record(
            actor=actor,
            action="person.create",
            target=person,
            changes=audit.changes_between({}, after),
        )
    return person


def _validate_password(password: str, person: Person) -> None:
    try:
        validate_password(password, person)
    except ValidationError as error:
        raise ValidationFailed({"password": list(error.messages)}) from None


def _field_name(name: str) -> str:
    """A field of a person as the pages name it (its verbose name), else its name."""
    try:
        field = Person._meta.get_field(name)
    except FieldDoesNotExist:
        return name
    return str(getattr(field, "verbose_name", name))


def person_update(*, actor: Actor, person: Person, **fields: object) -> Person:
    if not is_system(actor) and actor.pk != person.pk:
        _require_admin(actor)
    allowed = (
        set(PERSON_FIELDS)
        if is_system(actor) or actor.is_platform_admin
        else {"full_name", "language"}
    )
    forbidden = set(fields) - allowed
    if forbidden:
        raise NotPermitted(
            _("You may not change “%(field)s”.") % {"field": _field_name(sorted(forbidden)[0])}
        )
    with transaction.atomic():
        current = Person.objects.select_for_update().get(pk=person.pk)
        before = audit.snapshot(current, PERSON_FIELDS)
        for field, value in fields.items():
            setattr(current, field, value)
        if not current.full_name.strip():
            raise ValidationFailed({"full_name": [_("A full name is required.")]})
        current.save()
        changes = audit.changes_between(before, audit.snapshot(current, PERSON_FIELDS))
        if changes:
            audit.record(actor=actor, action="person.update", target=current, changes=changes)
    return current


def password_set(*, actor: Actor, person: Person, new_password: str) -> None:
    """Sets a password (own change, reset, or an administrator's). Audited without values."""
    if not is_system(actor) and actor.pk != person.pk:
        _require_admin(actor)
    _validate_password(new_password, person)
    with transaction.atomic():
        person.set_password(new_password)
        person.save(update_fields=["password"])
        audit.record(
            actor=actor,
            action="person.password",
            target=person,
            changes={"password": {"changed": True}},
        )
        # Whoever knew the old password may have made tokens with it.
        tokens.revoke_all(actor=actor, person=person, reason="password changed")


def membership_add(
    *, actor: Actor, organisation: Organisation, person: Person, role: str, title: str = ""
) -> Membership:
    if not is_system(actor) and not may_administer(actor, organisation):
        raise NotPermitted(_("Only a coordinator of this organisation may add members."))
    if role not in Role.values:
        raise ValidationFailed({"role": [_("Unknown role “%(role)s”.") % {"role": role}]})
    try:
        with transaction.atomic():
            membership = Membership.objects.create(
                organisation=organisation, person=person, role=role, title=title.strip()
            )
            audit.record(
                actor=actor,
                action="membership.add",
                target=membership,
                changes={"person": [None, person.pk], "role": [None, role]},
                organisation_id=organisation.pk,
            )
            forget_memberships(person, acting.person_or_none(actor))
    except IntegrityError:
        message = _("%(person)s is already a member of %(organisation)s.")
        raise ValidationFailed(
            {"person": [message % {"person": person, "organisation": organisation}]}
        ) from None
    return membership


def membership_change_role(*, actor: Actor, membership: Membership, role: str) -> Membership:
    if not is_system(actor) and not may_administer(actor, membership.organisation):
        raise NotPermitted(_("Only a coordinator of this organisation may change roles."))
    if role not in Role.values:
        raise ValidationFailed({"role": [_("Unknown role “%(role)s”.") % {"role": role}]})
    with transaction.atomic():
        current = Membership.objects.select_for_update().get(pk=membership.pk)
        if current.role == role:
            return current
        _keep_a_coordinator(current, leaving=current.role == Role.COORDINATOR)
        before = current.role
        current.role = role
        current.save(update_fields=["role"])
        audit.record(
            actor=actor,
            action="membership.role",
            target=current,
            changes={"role": [before, role]},
            organisation_id=current.organisation_id,
        )
    forget_memberships(membership.person, acting.person_or_none(actor))
    return current


def membership_remove(*, actor: Actor, membership: Membership) -> None:
    if not is_system(actor) and not may_administer(actor, membership.organisation):
        raise NotPermitted(_("Only a coordinator of this organisation may remove members."))
    with transaction.atomic():
        current = Membership.objects.select_for_update().get(pk=membership.pk)
        _keep_a_coordinator(current, leaving=current.role == Role.COORDINATOR)
        audit.record(
            actor=actor,
            action="membership.remove",
            target=current,
            changes={"person": [current.person_id, None], "role": [current.role, None]},
            organisation_id=current.organisation_id,
        )
        current.delete()
    forget_memberships(membership.person, acting.person_or_none(actor))


def _keep_a_coordinator(membership: Membership, *, leaving: bool) -> None:
    if not leaving:
        return
    others = Membership.objects.filter(
        organisation_id=membership.organisation_id, role=Role.COORDINATOR
    ).exclude(pk=membership.pk)
    if not others.exists():
        raise ServiceError(
            "last_coordinator",
            _("An organisation keeps at least one coordinator: name another one first."),
            field="role",
        )
