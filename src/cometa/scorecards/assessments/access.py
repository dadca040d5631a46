"""Who may see and change assessments.

Members of a country team, of an organisation above it, or of a UN entity inside it
see its assessments (the inter-agency assessment team is made of entity staff); editors
and coordinators among them may change drafts; the team's coordinators submit.
Reviewers see every assessment once it has been submitted; platform administrators see
all. Anything else answers 404.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.http import Http404

from cometa.accounts import access as accounts_access
from cometa.accounts.models import Person
from cometa.accounts.models.organisations import OrganisationKind
from cometa.accounts.roles import Role
from cometa.scorecards.models import Assessment, AssessmentStatus

EDITING = (Role.EDITOR, Role.COORDINATOR)
REVIEWABLE = (
    AssessmentStatus.SUBMITTED,
    AssessmentStatus.UNDER_REVIEW,
    AssessmentStatus.RETURNED,
    AssessmentStatus.APPROVED,
    AssessmentStatus.PUBLISHED,
)


def is_reviewer(person: Person) -> bool:
    return accounts_access.is_reviewer(person)


def assessments_for(person: Person) -> QuerySet[Assessment]:
    if not person.is_authenticated or not person.is_active:
        return Assessment.objects.none()
    rows = Assessment.objects.select_related("organisation__parent", "framework", "cycle")
    if person.is_platform_admin:
        return rows
    condition = Q(organisation_id__in=team_ids(person))
    if is_reviewer(person):
        condition |= Q(status__in=REVIEWABLE)
    return rows.filter(condition)


def team_ids(person: Person) -> set[int]:
    """Organisations whose assessments the person takes part in: their own, those they
    contain, and the country team above a UN entity they belong to."""
    facts = accounts_access.membership_facts(person)
    parents = {fact.parent_id for fact in facts if fact.parent_id is not None}
    return accounts_access.member_organisations_and_below(person) | parents


def assessment_get(person: Person, pk: object) -> Assessment:
    try:
        return assessments_for(person).get(pk=int(str(pk)))
    except (Assessment.DoesNotExist, ValueError):
        raise Http404("No such assessment.") from None


def role_for(person: Person, assessment: Assessment) -> str | None:
    """The person's role in the team that owns the assessment (None if not a member)."""
    return accounts_access.role_in_or_above(person, assessment.organisation)


def may_edit(person: Person, assessment: Assessment) -> bool:
    if person.is_platform_admin or role_for(person, assessment) in EDITING:
        return True
    return any(  # an editor of a UN entity inside the team
        fact.parent_id == assessment.organisation_id and fact.role in EDITING
        for fact in accounts_access.membership_facts(person)
    )


def may_coordinate(person: Person, assessment: Assessment) -> bool:
    return person.is_platform_admin or role_for(person, assessment) == Role.COORDINATOR


def may_review(person: Person) -> bool:
    return person.is_platform_admin or is_reviewer(person)


def may_use_hub(person: Person) -> bool:
    """The knowledge hub is open to members of a country team (or of an organisation inside
    one), reviewers and platform administrators."""
    if not person.is_authenticated or not person.is_active:
        return False
    if person.is_platform_admin or accounts_access.is_reviewer(person):
        return True
    team = OrganisationKind.COUNTRY_TEAM
    return any(
        team in (fact.kind, fact.parent_kind) for fact in accounts_access.membership_facts(person)
    )
