"""The global view of the scorecards: who sees it, its numbers on a small world, the
filters, the XLSX export, the charts under the CSP, and a query count that does not grow
with the number of teams."""

from __future__ import annotations

import io
import re
from collections import Counter

import pytest
from django.db import connection
from django.urls import reverse
from openpyxl import load_workbook

from cometa.accounts import services as accounts_services
from cometa.accounts.acting import SYSTEM
from cometa.accounts.models.organisations import OrganisationKind as Kind
from cometa.scorecards.assessments import services
from cometa.scorecards.frameworks.store import framework_of
from cometa.scorecards.models import (
    Assessment,
    AssessmentKind,
    AssessmentStatus,
    IndicatorAssessment,
)
from tests.conftest import signed_in

URL = "/scorecards/global/"
EXPORT = "/scorecards/global/export.xlsx"


def assess(organisation, swap, year, levels=None, *, default="meets", status="approved", kind=None):
    """An assessment whose indicators are rated ``levels[code]`` (else ``default``)."""
    assessment = services.assessment_create(
        actor=SYSTEM,
        new=services.NewAssessment(
            organisation=organisation,
            framework=swap,
            year=year,
            kind=kind or AssessmentKind.COMPREHENSIVE,
        ),
    )
    if kind != AssessmentKind.ANNUAL:
        for code in [i.code for i in framework_of(swap).indicators]:
            level = (levels or {}).get(code, default)
            IndicatorAssessment.objects.filter(assessment=assessment, code=code).update(
                computed_level=level, agreed_level=level, rating_year=year
            )
    Assessment.objects.filter(pk=assessment.pk).update(status=status)
    return assessment


@pytest.fixture
def armenia(world):
    return accounts_services.organisation_create(
        actor=SYSTEM, name="UNCT Armenia", kind=Kind.COUNTRY_TEAM, country="ARM", region="ECA"
    )


@pytest.fixture
def built(world, swap, armenia):
    """Six counted assessments, and three that must not count.

    Kazakhstan (ECA): 2021 all meets but 1.1 exceeds; 2022 1.1 approaches (a regression)
    and 2.1 rated only by the engine (exceeds); 2023 an annual assessment carrying 2022.
    Mexico (LAC): 2022 all missing (published); 2021 all exceeds but a draft.
    Armenia (ECA): 2020 all exceeds; no 2021; 2022 1.2 meets (a regression over a gap).
    """
    assess(world.unct, swap, 2021, {"1.1": "exceeds"})
    kaz_2022 = assess(world.unct, swap, 2022, {"1.1": "approaches"})
    IndicatorAssessment.objects.filter(assessment=kaz_2022, code="2.1").update(
        computed_level="exceeds", agreed_level=""
    )
    assess(world.unct, swap, 2023, kind=AssessmentKind.ANNUAL)
    assess(world.unct, swap, 2024, default="missing", status=AssessmentStatus.SUBMITTED)
    assess(world.other_unct, swap, 2022, default="missing", status=AssessmentStatus.PUBLISHED)
    assess(world.other_unct, swap, 2021, default="exceeds", status=AssessmentStatus.DRAFT)
    assess(armenia, swap, 2020, default="exceeds")
    assess(armenia, swap, 2022, {"1.2": "meets"}, default="exceeds")
    assess(armenia, swap, 2023, default="missing", status=AssessmentStatus.UNDER_REVIEW)
    return world


# --- who ----------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["sara", "bolat", "aisha", "oscar"])
@pytest.mark.parametrize("url", [URL, EXPORT])
def test_anyone_but_reviewers_and_administrators_is_told_there_is_no_page(built, name, url):
    assert signed_in(getattr(built, name)).get(url).status_code == 404


@pytest.mark.parametrize("url", [URL, EXPORT])
def test_signing_in_comes_first(world, url):
    response = signed_in(None).get(url)
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/accounts/sign-in/")


@pytest.mark.parametrize("name", ["rita", "ada"])
def test_reviewers_and_administrators_see_it(built, name):
    response = signed_in(getattr(built, name)).get(URL)
    assert response.status_code == 200
    assert response.context["summary"].team_years == 6


def test_the_routes_are_named():
    assert reverse("scorecards:global") == URL
    assert reverse("scorecards:global-export") == EXPORT


# --- the numbers ------------------------------------------------------------------------------


def test_the_numbers_of_a_small_world(built, armenia):
    response = signed_in(built.rita).get(URL)
    summary = response.context["summary"]
    assert summary.years == [2020, 2021, 2022, 2023]
    assert len(summary.teams) == 3
    assert summary.team_years == 6  # drafts, submitted and under review do not count
    by_year = {item.year: (item.teams, item.rated, item.meeting) for item in summary.by_year}
    assert by_year == {
        2020: (1, 15, 15),
        2021: (1, 15, 15),
        2022: (3, 45, 29),  # Kazakhstan 14, Mexico 0, Armenia 15
        2023: (1, 15, 14),  # carried from 2022
    }
    indicators = {item.key: item for item in summary.by_indicator}
    assert len(indicators) == 15
    assert indicators["1.1"].counts == {"exceeds": 3, "approaches": 2, "missing": 1}
    assert indicators["1.1"].meeting_share == pytest.approx(50.0)
    # 2.1 of 2022 counts with the computed rating; 2023 carried it as agreed
    assert indicators["2.1"].counts == {"meets": 1, "exceeds": 4, "missing": 1}
    dimensions = {item.key: item for item in summary.by_dimension}
    assert dimensions["1"].total == 18  # three indicators × six assessments
    assert dimensions["6"].counts == {"meets": 3, "exceeds": 2, "missing": 1}
    found = [
        (r.team, r.code, r.from_level, r.to_level, r.from_year, r.to_year)
        for r in summary.regressions
    ]
    assert found == [
        (built.unct.pk, "1.1", "exceeds", "approaches", 2021, 2022),
        (armenia.pk, "1.2", "exceeds", "meets", 2020, 2022),
    ]
    html = response.content.decode()
    assert "Only assessments that are approved or published count" in html
    assert re.search(
        r'<th scope="row">2022</th><td>3</td><td>45</td><td>0</td><td>29</td><td>64 %</td>', html
    )
    assert "UNCT Armenia" in html and "no assessment in between" in html
    assert "Exceeds minimum requirements → Approaches minimum requirements" in html


def test_filter_by_region(built):
    response = signed_in(built.rita).get(URL, {"region": "ECA"})
    summary = response.context["summary"]
    assert summary.team_years == 5
    assert built.other_unct.pk not in summary.teams
    by_year = {item.year: (item.teams, item.rated, item.meeting) for item in summary.by_year}
    assert by_year[2022] == (2, 30, 29)
    assert response.context["form"].fields["region"].choices == [
        ("", "All regions"),
        ("ECA", "ECA"),
        ("LAC", "LAC"),
    ]
    mexico = signed_in(built.rita).get(URL, {"region": "LAC"}).context["summary"]
    assert mexico.team_years == 1 and mexico.regressions == []


def test_filter_by_years_keeps_the_year_before_as_the_comparison(built):
    summary = (
        signed_in(built.rita).get(URL, {"year_from": 2022, "year_to": 2022}).context["summary"]
    )
    assert summary.years == [2022]
    assert summary.team_years == 3
    assert sorted((r.from_year, r.to_year) for r in summary.regressions) == [
        (2020, 2022),
        (2021, 2022),
    ]
    later = signed_in(built.rita).get(URL, {"year_from": 2023}).context["summary"]
    assert later.years == [2023] and later.regressions == []
    earlier = signed_in(built.rita).get(URL, {"year_to": 2021}).context["summary"]
    assert earlier.years == [2020, 2021] and earlier.regressions == []


@pytest.mark.parametrize(
    "query",
    [{"year_from": 2023, "year_to": 2021}, {"framework": "nope"}, {"year_from": "soon"}],
)
def test_wrong_filters_are_shown_on_the_form(built, query):
    response = signed_in(built.rita).get(URL, query)
    assert response.status_code == 400
    assert response.context["form"].errors
    export = signed_in(built.rita).get(EXPORT, query)
    assert export.status_code == 302 and export.headers["Location"].startswith(URL)


def test_another_framework(built):
    response = signed_in(built.rita).get(URL, {"framework": "collective-impact"})
    assert response.status_code == 200
    assert response.context["summary"].is_empty
    assert "No approved or published assessment matches" in response.content.decode()


def test_nothing_counted_yet(world, swap):
    response = signed_in(world.ada).get(URL)
    assert response.status_code == 200
    assert response.context["charts"] == {}


# --- the export --------------------------------------------------------------------------------


def test_the_export_reopens_with_the_page_numbers(built):
    response = signed_in(built.rita).get(EXPORT, {"region": "ECA"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert 'filename="cometa-global-unct-swap-ECA.xlsx"' in response["Content-Disposition"]
    book = load_workbook(io.BytesIO(response.content), read_only=True)
    assert book.sheetnames == [
        "About",
        "By year",
        "By dimension",
        "By indicator",
        "Trend by dimension",
        "Regressions",
    ]
    about = dict(book["About"].iter_rows(min_row=2, values_only=True))
    assert about["Region"] == "ECA" and about["Assessments"] == 5
    assert about["Counted"] == "Only approved or published assessments count."
    years = list(book["By year"].iter_rows(min_row=2, values_only=True))
    assert years[2] == (2022, 2, 30, 0, 29, 96.7)
    indicators = {
        row[0]: row for row in book["By indicator"].iter_rows(min_row=2, values_only=True)
    }
    header = next(book["By indicator"].iter_rows(max_row=1, values_only=True))
    row = dict(zip(header, indicators["1.1"], strict=True))
    assert row["Exceeds minimum requirements"] == 3
    assert row["Approaches minimum requirements"] == 2
    assert row["Approaches minimum requirements %"] == 40.0
    assert row["Total"] == 5
    regressions = list(book["Regressions"].iter_rows(min_row=2, values_only=True))
    assert regressions == [
        (
            "UNCT Kazakhstan",
            "KAZ",
            "ECA",
            "1.1",
            "Common Country Analysis",
            "Exceeds minimum requirements",
            "Approaches minimum requirements",
            2021,
            2022,
        ),
        (
            "UNCT Armenia",
            "ARM",
            "ECA",
            "1.2",
            row_title(book, "1.2"),
            "Exceeds minimum requirements",
            "Meets minimum requirements",
            2020,
            2022,
        ),
    ]


def row_title(book, code):
    for row in book["By indicator"].iter_rows(min_row=2, values_only=True):
        if row[0] == code:
            return row[1]
    raise KeyError(code)


# --- charts -----------------------------------------------------------------------------------


def test_the_charts_are_inline_svg_that_the_csp_allows(built):
    response = signed_in(built.rita).get(URL)
    html = response.content.decode()
    assert set(response.context["charts"]) == {"trend", "dimensions", "indicators"}
    assert html.count("<svg") == 3
    assert 'style="' not in html and "<style" not in html  # style-src 'self' would block them
    assert "style-src 'self'" in response.headers["Content-Security-Policy"]
    ids = Counter(re.findall(r'\bid="([^"]+)"', html))
    assert [name for name, count in ids.items() if count > 1] == []
    for reference in re.findall(r'href="#([^"]+)"|url\(#([^)]+)\)', html):
        assert (reference[0] or reference[1]) in ids
    assert 'role="img"' in html and "<title>Ratings by indicator</title>" in html


# --- efficiency ---------------------------------------------------------------------------------


def queries_for(person) -> int:
    """The queries of one page (counted by a wrapper: the client resets the query log)."""
    client = signed_in(person)
    client.get(URL)  # warm: the session, the framework's parsed text, the charts
    count = 0

    def counted(execute, sql, params, many, context):
        nonlocal count
        count += 1
        return execute(sql, params, many, context)

    with connection.execute_wrapper(counted):
        assert client.get(URL).status_code == 200
    return count


def test_the_number_of_queries_does_not_grow_with_teams_or_years(built, swap):
    before = queries_for(built.rita)
    for number in range(4):
        team = accounts_services.organisation_create(
            actor=SYSTEM, name=f"UNCT {number}", kind=Kind.COUNTRY_TEAM, region="AP"
        )
        for year in (2021, 2022):
            assess(team, swap, year, default="approaches" if year == 2022 else "meets")
    assert queries_for(built.rita) == before
    assert 5 <= before <= 20, before


def test_with_two_versions_of_the_framework_the_newer_assessment_of_a_year_counts(built, swap):
    from cometa.scorecards.frameworks.store import (
        framework_version_create,
        framework_version_publish,
    )

    source = swap.source.replace('version: "2018"', 'version: "2026"', 1)
    newer = framework_version_create(actor=SYSTEM, based_on=swap, version="2026", source=source)
    framework_version_publish(actor=SYSTEM, version=newer)
    assess(built.other_unct, newer, 2022, default="exceeds")  # Mexico 2022 again
    assess(built.other_unct, newer, 2023, default="exceeds")
    summary = signed_in(built.rita).get(URL, {"region": "LAC"}).context["summary"]
    assert summary.team_years == 2
    assert [(y.year, y.rated, y.meeting) for y in summary.by_year] == [
        (2022, 15, 15),
        (2023, 15, 15),
    ]
