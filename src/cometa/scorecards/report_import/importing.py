"""Import an existing annual progress report (text form) into an assessment.

All or nothing: a report that cannot be read raises with every problem and its line,
and writes nothing. Importing the same file again changes nothing.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

import pycountry
from django.db import transaction
from django.utils.translation import gettext as _

from cometa.accounts import audit
from cometa.accounts.acting import Actor, is_system
from cometa.accounts.models import Organisation
from cometa.core.errors import NotPermitted, ServiceError
from cometa.scorecards.assessments import access
from cometa.scorecards.assessments.services import latest_ratings
from cometa.scorecards.frameworks.store import latest_published
from cometa.scorecards.models import (
    ActionPoint,
    Assessment,
    AssessmentKind,
    Evidence,
    EvidenceCategory,
    FrameworkVersion,
    IndicatorAssessment,
    TeamMember,
)
from cometa.scorecards.report_import.parser import ImportedRating, ImportedReport, parse_report

# The report's supporting-evidence headings, by the words they contain.
CATEGORY_WORDS = [
    ("joint program", EvidenceCategory.JOINT_PROGRAMMES),
    ("communication/advocacy", EvidenceCategory.COMMUNICATION),
    ("cooperation framework", EvidenceCategory.CF_MONITORING),
    ("government", EvidenceCategory.GOVERNMENT),
    ("cso", EvidenceCategory.CSO),
    ("rc communication", EvidenceCategory.RC_COMMUNICATIONS),
    ("capacity", EvidenceCategory.CAPACITY),
    ("financ", EvidenceCategory.FINANCE),
]


@dataclass(frozen=True)
class ImportResult:
    assessment: Assessment
    created: bool
    report: ImportedReport


def category_of(heading: str) -> str:
    words = heading.strip().lower()
    if not words:
        return EvidenceCategory.VERIFICATION
    for fragment, category in CATEGORY_WORDS:
        if fragment in words:
            return category
    return EvidenceCategory.OTHER


def assessment_import(
    *, actor: Actor, organisation: Organisation, text: str, source_name: str
) -> ImportResult:
    report = parse_report(text, source_name=source_name)  # raises ReportImportError
    digest = hashlib.sha256(text.encode()).hexdigest()
    framework = latest_published(report.framework)
    probe = Assessment(organisation=organisation, framework=framework, year=report.year)
    if not is_system(actor) and not access.may_edit(actor, probe):
        raise NotPermitted("Only editors and coordinators of this country team may import.")
    _check_country(organisation, report.country)
    existing = Assessment.objects.filter(
        organisation=organisation, framework__identifier=report.framework, year=report.year
    ).first()
    if existing is not None:
        if existing.import_sha256 == digest:
            return ImportResult(existing, False, report)
        raise ServiceError(
            "exists",
            f"{organisation} already has an assessment for {report.year}; "
            "it was not made from this file, so nothing was imported.",
        )
    with transaction.atomic():
        assessment = _write(organisation, framework, report, digest)
        audit.record(
            actor=actor,
            action="assessment.import",
            target=assessment,
            changes={"source": [None, source_name], "sha256": [None, digest]},
            organisation_id=organisation.pk,
        )
    return ImportResult(assessment, True, report)


def country_code(name: str) -> str | None:
    """The ISO 3166 alpha-3 code of a country as a report names it, or None."""
    name = name.strip()
    if not name:
        return None
    try:
        return str(pycountry.countries.lookup(name).alpha_3)
    except LookupError:
        pass
    # "the Republic of Kazakhstan": the one country whose name the text holds as words
    # (no fuzzy search: it matches regions and would take Kosovo for Serbia).
    words = _words(name)
    found = {
        country.alpha_3
        for country in pycountry.countries
        for known in (country.name, getattr(country, "common_name", ""))
        if known and _words(known) in words
    }
    return str(found.pop()) if len(found) == 1 else None


def _words(text: str) -> str:
    return " " + " ".join(re.findall(r"\w+", text.casefold())) + " "


def _check_country(organisation: Organisation, country: str) -> None:
    """A report about one country must not land in another country's team. When the team
    has no country code, or the report's country is no known name, the team's name decides."""
    code = country_code(country) if country else None
    if organisation.country and code:
        same = code == organisation.country.upper()
    else:
        same = not country or _words(country) in _words(organisation.name)
    if not same:
        raise ServiceError(
            "wrong_country",
            _(
                "This report is about %(country)s, but %(team)s is the team of another "
                "country. Nothing was imported."
            )
            % {"country": country, "team": organisation},
            field="organisation",
        )


def _write(
    organisation: Organisation, framework: FrameworkVersion, report: ImportedReport, digest: str
) -> Assessment:
    all_reassessed = all(r.reassessed for r in report.ratings)
    assessment = Assessment.objects.create(
        organisation=organisation,
        framework=framework,
        year=report.year,
        kind=AssessmentKind.COMPREHENSIVE if all_reassessed else AssessmentKind.ANNUAL,
        process_text=report.process_text,
        context_text=report.context_text,
        import_sha256=digest,
    )
    _write_ratings(assessment, report)
    _write_records(assessment, report)
    return assessment


def _write_ratings(assessment: Assessment, report: ImportedReport) -> None:
    """A row per rated indicator: a rating not reassessed keeps the year of the same earlier
    rating; the report's findings become the justification."""
    earlier = latest_ratings(assessment.organisation, report.framework, report.year)
    findings = {f.code: f for f in report.findings}
    IndicatorAssessment.objects.bulk_create(
        IndicatorAssessment(
            assessment=assessment,
            code=rating.code,
            reassessed=rating.reassessed,
            agreed_level=rating.level,
            rating_year=report.year if rating.reassessed else _earlier_year(earlier, rating),
            justification=findings[rating.code].text if rating.code in findings else "",
            trace={"imported": True, "criteria_text": findings[rating.code].criteria}
            if rating.code in findings
            else {"imported": True},
        )
        for rating in report.ratings
    )


def _write_records(assessment: Assessment, report: ImportedReport) -> None:
    """The report's team members, evidence and action points, in the report's order."""
    TeamMember.objects.bulk_create(
        TeamMember(
            assessment=assessment,
            name=m.name,
            entity=m.entity,
            title=m.title,
            is_coordinator=m.coordinator,
            position=n,
        )
        for n, m in enumerate(report.members)
    )
    Evidence.objects.bulk_create(
        Evidence(
            assessment=assessment,
            indicator_code=e.code or "",
            title=e.text[:300],
            category=category_of(e.category),
        )
        for e in report.evidence
    )
    ActionPoint.objects.bulk_create(
        ActionPoint(
            assessment=assessment,
            indicator_code=a.code,
            text=a.action or "—",
            responsible=a.responsible,
            progress={str(k): v for k, v in a.by_year.items()},
            position=n,
        )
        for n, a in enumerate(report.actions)
    )


def _earlier_year(earlier: dict[str, tuple[str, int]], rating: ImportedRating) -> int | None:
    level, year = earlier.get(rating.code, ("", 0))
    return year if level == rating.level and year else None
