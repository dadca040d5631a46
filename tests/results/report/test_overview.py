"""The view across offices without the database: outcomes per office and year, then per
region, outcomes without a narrative as not assessed."""

from __future__ import annotations

from decimal import Decimal

from cometa.results.report.overview import by_region, office_years, percent, share_by_year

PLANNED = [
    # office, name, region, parent's region, first year, last year, outcomes
    (1, "UN Women Mexico", "", "LAC", 2022, 2025, 4),
    (2, "UN Women Colombia", "LAC", None, 2020, 2023, 2),
    (3, "UN Women Kazakhstan", "ECA", None, 2021, 2022, 3),
    (4, "UN Women Nowhere", "", None, 2022, 2022, 1),
]
ASSESSED = [
    (1, 2022, "on_track", 2),
    (1, 2022, "off_track", 1),
    (2, 2022, "partly", 2),
    (3, 2022, "on_track", 3),
    (3, 2023, "on_track", 3),  # a year the plan does not cover: left out
]


def test_office_years_fill_in_the_outcomes_not_assessed() -> None:
    rows = office_years([2022, 2023], PLANNED, ASSESSED)
    found = {(row.office_id, row.year): row.counts for row in rows}
    assert found[(1, 2022)] == {"on_track": 2, "partly": 0, "off_track": 1, "not_assessed": 1}
    assert found[(1, 2023)]["not_assessed"] == 4
    assert (3, 2023) not in found
    assert [row.office for row in rows if row.year == 2022] == [
        "UN Women Colombia", "UN Women Kazakhstan", "UN Women Mexico", "UN Women Nowhere",
    ]  # fmt: skip
    mexico = next(row for row in rows if row.office_id == 1)
    assert mexico.region == "LAC"  # the region of the country team holding it


def test_regions_add_up_their_offices() -> None:
    regions = by_region(office_years([2022, 2023], PLANNED, ASSESSED))
    lac = next(row for row in regions if row.region == "LAC" and row.year == 2022)
    assert lac.offices == 2 and lac.outcomes == 6
    assert lac.counts == {"on_track": 2, "partly": 2, "off_track": 1, "not_assessed": 1}
    assert lac.on_track.share == Decimal("0.4")
    assert percent(lac.on_track) == "40 %"
    assert [(row.region, row.year) for row in regions] == [
        ("ECA", 2022), ("LAC", 2022), ("", 2022), ("LAC", 2023),
    ]  # fmt: skip


def test_share_by_year_has_a_dash_where_nothing_was_assessed() -> None:
    regions = by_region(office_years([2022, 2023], PLANNED, ASSESSED))
    table = dict(share_by_year(regions, [2022, 2023]))
    assert table["LAC"] == ["40 %", "—"]
    assert table["ECA"] == ["100 %", "—"]
    assert table[""] == ["—", "—"]
