"""Identifiers too large for the database (2^63 and more) in the API's filters and bodies:
400 naming the field, never a 500 (SQLite's driver raised OverflowError)."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError

from tests.conftest import signed_in
from tests.scorecards.test_api import API, call, error_of

TOO_LARGE = 2**63


@pytest.mark.parametrize(
    ("list_url", "field"),
    [
        (f"{API}/cycles/", "organisation"),
        (f"{API}/assessments/", "organisation"),
        ("/api/v1/memberships/", "organisation"),
    ],
)
@pytest.mark.parametrize("value", [TOO_LARGE, "9" * 30, 0, "x"])
def test_every_list_filter_that_takes_an_id_refuses_one_out_of_range(
    world, swap, list_url, field, value
):
    response = signed_in(world.ada).get(list_url, {field: value})
    assert field in error_of(response, 400, "invalid")["fields"]


@pytest.mark.parametrize(
    ("url", "body", "field"),
    [
        ("cycles/", {"name": "C", "start_year": 2021, "end_year": 2025}, "organisation"),
        ("assessments/", {"year": 2024, "kind": "annual", "framework": 1}, "organisation"),
        ("assessments/", {"year": 2024, "kind": "annual", "organisation": 1}, "framework"),
        (
            "assessments/",
            {"year": 2024, "kind": "annual", "organisation": 1, "framework": 1},
            "cycle",
        ),
    ],
)
def test_ids_in_a_body_out_of_range_are_refused_by_name(world, swap, url, body, field):
    response = call(world.ada, "POST", f"{API}/{url}", {**body, field: TOO_LARGE})
    assert field in error_of(response, 400, "invalid")["fields"]


def test_the_report_import_refuses_a_team_id_out_of_range(world, swap):
    upload = SimpleUploadedFile("report.txt", b"Annual report")
    response = signed_in(world.ada).post(
        f"{API}/imports/", {"organisation": TOO_LARGE, "file": upload}
    )
    assert "organisation" in error_of(response, 400, "invalid")["fields"]


def test_accounts_bodies_refuse_ids_out_of_range(world):
    made = call(
        world.ada,
        "POST",
        "/api/v1/organisations/",
        {
            "name": "N",
            "kind": "un_entity",
            "parent": TOO_LARGE,
        },
    )
    assert "parent" in error_of(made, 400, "invalid")["fields"]
    member = call(
        world.ada,
        "POST",
        "/api/v1/memberships/",
        {
            "organisation": TOO_LARGE,
            "email": "x@example.org",
            "role": "viewer",
        },
    )
    assert "organisation" in error_of(member, 400, "invalid")["fields"]


@pytest.mark.parametrize("command", ["rate", "report"])
def test_the_command_line_refuses_an_assessment_id_out_of_range(db, command, tmp_path):
    extra = ["--format", "csv", "--output", str(tmp_path / "r.csv")] if command == "report" else []
    with pytest.raises(CommandError, match="assessment"):
        call_command("scorecard", command, "--assessment", str(TOO_LARGE), *extra)


@pytest.mark.parametrize(
    ("url", "body"),
    [
        ("/scorecards/import/", {"organisation": TOO_LARGE}),
        (
            "/scorecards/new/",
            {"organisation": TOO_LARGE, "framework": TOO_LARGE, "cycle": TOO_LARGE},
        ),
    ],
)
def test_page_forms_refuse_ids_out_of_range_as_a_choice_not_offered(world, swap, url, body):
    response = signed_in(world.aisha).post(url, {"year": 2024, "kind": "annual", **body})
    assert response.status_code == 400
