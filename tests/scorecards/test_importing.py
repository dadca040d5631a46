from __future__ import annotations

from pathlib import Path

import pytest

from cometa.accounts.acting import SYSTEM
from cometa.accounts.models import AuditEntry
from cometa.core.errors import ServiceError
from cometa.scorecards.models import Assessment, IndicatorAssessment
from cometa.scorecards.report_import.importing import assessment_import, country_code
from cometa.scorecards.report_import.parser import ReportImportError
from tests.seeds import KAZAKHSTAN_2022_LEVELS as EXPECTED


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


VARIANT = Path(__file__).parent / "data" / "variant_ok.txt"  # Bosnia and Herzegovina, 2021


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Kazakhstan", "KAZ"),
        ("Bosnia and Herzegovina", "BIH"),
        ("the Republic of Kazakhstan", "KAZ"),
        ("Viet Nam", "VNM"),
        ("Kosovo", None),  # no ISO 3166 code: never taken for another country
        ("Nowhereland", None),
        ("", None),
    ],
)
def test_a_report_s_country_is_read_as_its_iso_code(name, code):
    assert country_code(name) == code


def test_a_report_about_another_country_is_refused_and_nothing_written(world, swap):
    entries = AuditEntry.objects.count()
    with pytest.raises(ServiceError) as caught:
        assessment_import(
            actor=world.aisha,
            organisation=world.unct,  # Kazakhstan
            text=VARIANT.read_text(encoding="utf-8"),
            source_name="bih.txt",
        )
    assert caught.value.code == "wrong_country" and caught.value.field == "organisation"
    assert "Bosnia and Herzegovina" in caught.value.message
    assert "UNCT Kazakhstan" in caught.value.message
    assert not Assessment.objects.exists() and AuditEntry.objects.count() == entries


def test_a_team_without_a_country_code_is_matched_by_its_name(world, swap):
    from cometa.accounts import services

    bosnia = services.organisation_create(
        actor=SYSTEM, name="UNCT Bosnia and Herzegovina", kind=world.unct.kind
    )
    text = VARIANT.read_text(encoding="utf-8")
    made = assessment_import(actor=SYSTEM, organisation=bosnia, text=text, source_name="bih.txt")
    assert made.created and made.assessment.year == 2021
    with pytest.raises(ServiceError, match="another country"):
        assessment_import(actor=SYSTEM, organisation=world.review, text=text, source_name="b")
