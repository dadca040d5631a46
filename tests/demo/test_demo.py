"""The demo data: idempotent, faithful to the Kazakhstan report's ratings, in its own words."""

from __future__ import annotations

import re

import pytest
from django.db import transaction
from django.db.models import Count

from cometa.accounts import audit
from cometa.accounts.models import AuditEntry, Membership, Organisation, Person
from cometa.demo.build import STEPS, build_demo
from cometa.demo.scorecards import demo_counts
from cometa.scorecards.assessments.worklist import worklists
from cometa.scorecards.models import (
    ActionPoint,
    Assessment,
    AssessmentStatus,
    Evidence,
    TeamMember,
)
from tests.seeds import KAZAKHSTAN_2022_LEVELS as KAZ_2022
from tests.seeds import KAZAKHSTAN_2022_REASSESSED, SEED

pytestmark = pytest.mark.django_db


KAZ_REASSESSED = set(KAZAKHSTAN_2022_REASSESSED)
KAZ_TEAM = {
    "Gaukhar Nursha",
    "Azamat Zhamandinov",
    "Kamidola Aizhan",
    "Dinara Yerniyazova",
    "Dina Amrisheva",
    "Dinara Shamenova",
    "Abylaikhan Dauletalin",
    "Nina Henke",
}


# Names of programmes, bodies, campaigns and exhibitions: facts that the narrative may repeat.
PROPER_NAMES = (
    "Spotlight Initiative regional programme for Central Asia and Afghanistan",
    "Ministry of Labour and Social Protection of the Population",
    "Unite! Activism to end violence against women & girls",
    "KAZAKHSTAN WOMEN – Champions of a Prosperous and Sustainable World",
    "World Economic Forum's Global Gender Gap Index",
)


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo built once for the module, rolled back at its end (each test runs in a
    savepoint inside it)."""
    with django_db_blocker.unblock(), transaction.atomic():
        build_demo()
        yield
        transaction.set_rollback(True)


def _counts() -> dict[str, int]:
    return demo_counts() | {
        "people": Person.objects.count(),
        "memberships": Membership.objects.count(),
        "organisations": Organisation.objects.count(),
        "team members": TeamMember.objects.count(),
        "actions": ActionPoint.objects.count(),
        "audit entries": AuditEntry.objects.count(),
    }


def _kazakhstan_2022() -> Assessment:
    return Assessment.objects.get(
        organisation__name="UN Country Team Kazakhstan",
        framework__identifier="unct-swap",
        year=2022,
    )


def test_building_again_changes_nothing_and_the_audit_chain_holds(demo):
    first = _counts()
    steps: list[str] = []
    build_demo(progress=lambda done, note: steps.append(note))
    assert _counts() == first
    assert first["assessments"] >= 30 and first["evidence"] > 100
    assert len(steps) == STEPS  # people, frameworks, Kazakhstan, teams, network
    report = audit.verify()
    assert report.problem is None and report.checked == first["audit entries"]


def test_kazakhstan_2022_has_the_reports_ratings_team_and_workflow(demo):
    assessment = _kazakhstan_2022()
    rows = {row.code: row for row in assessment.indicators.all()}
    assert {code: row.level for code, row in rows.items()} == KAZ_2022
    assert {code for code, row in rows.items() if row.reassessed} == KAZ_REASSESSED
    for code in KAZ_REASSESSED:  # computed by the engine from the answers, not typed in
        assert rows[code].computed_level == KAZ_2022[code], code
        assert rows[code].rating_year == 2022 and rows[code].justification
    for code in KAZ_2022.keys() - KAZ_REASSESSED:  # carried, with the year they come from
        assert rows[code].computed_level == "" and rows[code].rating_year < 2022, code
    assert {member.name for member in assessment.team.all()} == KAZ_TEAM
    assert assessment.cycle is not None and assessment.cycle.name == "UNSDCF 2021–2025"
    assert assessment.status == AssessmentStatus.PUBLISHED
    assert assessment.submitted_by.email.startswith("aigerim@")
    assert assessment.approved_by.email.startswith("renata@")
    assert assessment.actions.count() >= 10 and assessment.evidence.count() >= 20
    earlier = Assessment.objects.filter(
        organisation=assessment.organisation, year__lt=2022
    ).values_list("year", flat=True)
    assert set(earlier) >= {2019, 2020, 2021}


def test_kazakhstan_2023_is_a_draft_waiting_for_its_editor(demo):
    draft = Assessment.objects.get(organisation__name="UN Country Team Kazakhstan", year=2023)
    assert draft.status == AssessmentStatus.DRAFT and draft.kind == "annual"
    rows = {row.code: row for row in draft.indicators.all()}
    assert {code for code, row in rows.items() if row.reassessed} == {"1.1", "4.3"}
    assert rows["1.1"].computed_level == "meets"  # up from approaches in 2022
    assert rows["4.3"].computed_level == "approaches"  # 58 % women: outside the band
    assert rows["5.2"].level == KAZ_2022["5.2"] and rows["5.2"].rating_year == 2022
    editor = Person.objects.get(email__startswith="daniyar@")
    (waiting,) = worklists(editor)
    assert waiting.label_key == "finish" and waiting.rows == [draft]


def test_the_ratings_table_matches_the_seed_report():
    if not SEED.exists():
        pytest.skip(f"the seed report is not at {SEED}")
    words = {"MISSING": "missing", "APPROACHING": "approaches", "MEETS": "meets"}
    words["EXCEEDS"] = "exceeds"
    table = re.findall(
        r"^PI (\d\.\d) [^\t]+\t(MISSING|APPROACHING|MEETS|EXCEEDS)\t(Yes|No)\s*$",
        SEED.read_text(encoding="utf-8"),
        flags=re.MULTILINE,
    )
    assert {code: words[level] for code, level, _ in table} == KAZ_2022
    assert {code for code, _, again in table if again == "Yes"} == KAZ_REASSESSED


def test_the_global_view_has_teams_with_years_trends_and_every_state(demo):
    teams = (
        Assessment.objects.filter(framework__identifier="unct-swap")
        .values("organisation")
        .annotate(years=Count("year", distinct=True))
        .filter(years__gte=3)
    )
    assert teams.count() >= 6
    regions = set(
        Organisation.objects.filter(pk__in=teams.values("organisation")).values_list(
            "region", flat=True
        )
    )
    assert len(regions) >= 5
    statuses = set(Assessment.objects.values_list("status", flat=True))
    assert {"published", "approved", "under_review", "returned"} <= statuses
    hub = Evidence.objects.filter(shared=True, is_good_practice=True)
    assert hub.count() >= 3 and not hub.exclude(url__startswith="https://").exists()
    assert not hub.exclude(stored_name="").exists()  # links, not files
    network = Assessment.objects.filter(organisation__name="Co-Meta Backbone, Jalisco")
    assert network.filter(framework__identifier="collective-impact").exists()


def _ngrams(text: str, n: int) -> set[tuple[str, ...]]:
    for name in PROPER_NAMES:
        text = re.sub(re.escape(name), " · ", text, flags=re.IGNORECASE)
    words = re.findall(r"[a-z0-9]+", text.lower())
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


def test_the_demo_narrative_is_not_copied_from_the_report(demo):
    if not SEED.exists():
        pytest.skip(f"the seed report is not at {SEED}")
    seed = _ngrams(SEED.read_text(encoding="utf-8"), 10)
    assessment = _kazakhstan_2022()
    texts = [assessment.process_text]
    for row in Assessment.objects.filter(organisation=assessment.organisation):
        for indicator in row.indicators.all():
            texts += [indicator.justification, *indicator.findings.values()]
        for action in row.actions.all():
            texts += [action.text, *action.progress.values()]
    copied = [text[:80] for text in texts if _ngrams(text, 10) & seed]
    assert not copied
