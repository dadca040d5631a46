from __future__ import annotations

import pytest

from cometa.accounts.models import AuditEntry
from cometa.scorecards.importing import assessment_import
from cometa.scorecards.models import Assessment, IndicatorAssessment
from cometa.scorecards.report_import import ReportImportError

EXPECTED = {
    "1.1": "approaches",
    "1.2": "exceeds",
    "1.3": "meets",
    "2.1": "meets",
    "2.2": "exceeds",
    "2.3": "approaches",
    "3.1": "exceeds",
    "3.2": "meets",
    "4.1": "meets",
    "4.2": "meets",
    "4.3": "approaches",
    "5.1": "missing",
    "5.2": "approaches",
    "6.1": "approaches",
    "7.1": "approaches",
}


def test_importing_the_seed_gives_its_ratings_team_and_action_plan(world, swap, seed_text):
    result = assessment_import(
        actor=world.aisha, organisation=world.unct, text=seed_text, source_name="seed.txt"
    )
    assessment = result.assessment
    assert result.created and assessment.year == 2022 and assessment.kind == "annual"
    rows = IndicatorAssessment.objects.filter(assessment=assessment)
    assert {r.code: r.agreed_level for r in rows} == EXPECTED
    assert {r.code for r in rows if r.reassessed} == {"2.2", "3.2", "5.2", "6.1", "7.1"}
    assert assessment.team.count() == 8
    assert sorted(assessment.actions.values_list("indicator_code", flat=True)) == sorted(EXPECTED)
    assert assessment.evidence.filter(indicator_code="2.2").exists()


def test_reimporting_the_same_file_changes_nothing(world, swap, seed_text):
    assessment_import(actor=world.aisha, organisation=world.unct, text=seed_text, source_name="a")
    entries = AuditEntry.objects.count()
    again = assessment_import(
        actor=world.aisha, organisation=world.unct, text=seed_text, source_name="a"
    )
    assert not again.created
    assert Assessment.objects.count() == 1 and AuditEntry.objects.count() == entries


def test_a_broken_report_imports_nothing_and_names_the_lines(world, swap, seed_text):
    broken = seed_text.replace(
        "PI 2.2 Communication & Advocacy\tEXCEEDS", "PI 2.2 Communication & Advocacy\tSUPERB"
    )
    assert broken != seed_text
    with pytest.raises(ReportImportError) as caught:
        assessment_import(
            actor=world.aisha, organisation=world.unct, text=broken, source_name="b.txt"
        )
    assert "line" in str(caught.value) and "b.txt" in str(caught.value)
    assert not Assessment.objects.exists()


def test_outsiders_cannot_import_into_another_team(world, swap, seed_text):
    from cometa.core.errors import NotPermitted

    with pytest.raises(NotPermitted):
        assessment_import(
            actor=world.oscar, organisation=world.unct, text=seed_text, source_name="x"
        )
