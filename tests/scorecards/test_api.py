"""The scorecards REST API: every endpoint, its error format and codes, and its scoping."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.utils import timezone

from cometa.accounts import tokens
from cometa.accounts.models import AuditEntry
from cometa.scorecards.assessments import services
from cometa.scorecards.assessments.workflow import transition
from cometa.scorecards.frameworks.store import latest_published
from cometa.scorecards.models import (
    Assessment,
    AssessmentKind,
    Evidence,
    FrameworkVersion,
    IndicatorAssessment,
)
from cometa.scorecards.records import evidence, removal
from tests.conftest import https_client, signed_in
from tests.pdf import PDF

API = "/api/v1/scorecards"
REASSESSED = {"2.2", "3.2", "5.2", "6.1", "7.1"}


def call(person, method, url, body=None):
    client = signed_in(person)
    data = json.dumps(body) if body is not None else ""
    return client.generic(method, url, data, content_type="application/json")


def error_of(response, status, code):
    assert response.status_code == status, response.content[:500]
    body = response.json()
    assert set(body) == {"error"} and body["error"]["code"] == code, body
    assert body["error"]["message"]
    return body["error"]


def a_url(assessment, tail=""):
    return f"{API}/assessments/{assessment.pk}/{tail}"


def upload(person, assessment, name, content, **fields):
    return signed_in(person).post(
        a_url(assessment, "evidence/"),
        {"file": SimpleUploadedFile(name, content), **fields},
    )


# --- Frameworks -----------------------------------------------------------------------------


def test_frameworks_lists_the_published_versions(world, swap):
    page = call(world.sara, "GET", f"{API}/frameworks/").json()
    assert page["count"] == 2 and {row["identifier"] for row in page["results"]} == {
        "unct-swap",
        "collective-impact",
    }
    only = call(world.sara, "GET", f"{API}/frameworks/?identifier=unct-swap").json()
    assert [row["version"] for row in only["results"]] == ["2018"]
    assert only["results"][0]["is_published"] is True


def test_a_framework_has_its_structure_in_three_languages(world, swap):
    body = call(world.sara, "GET", f"{API}/frameworks/{swap.pk}/").json()
    structure = body["structure"]
    assert [level["key"] for level in structure["levels"]] == [
        "missing",
        "approaches",
        "meets",
        "exceeds",
    ]
    assert len(structure["dimensions"]) == 7 and len(structure["indicators"]) == 15
    first = structure["indicators"][0]
    assert first["code"] == "1.1" and set(first["title"]) == {"en", "es", "ru", "official"}
    assert first["title"]["es"] == "Análisis común de país"
    lowest, approaches = first["levels"][0], first["levels"][1]
    assert lowest["criteria"] == [] and lowest["rule"] is None
    criterion = approaches["criteria"][0]
    assert criterion["id"] == "approaches.a"
    assert criterion["text"]["es"].startswith("El análisis del país")
    assert criterion["text"]["official"] == []  # the shipped translations are ours
    assert criterion["provenance"]["status"] == "sourced"
    assert approaches["rule"] == {"all_of": ["approaches.a", "approaches.b"]}
    numeric = next(item for item in structure["indicators"] if item["inputs"])
    assert {"key", "label", "kind", "min", "max"} <= set(numeric["inputs"][0])
    assert any("band" in str(level["rule"]) for level in numeric["levels"])


def test_draft_framework_versions_are_for_administrators_only(world, swap):
    draft = FrameworkVersion.objects.create(
        identifier="unct-swap", version="draft", title="Draft", source=swap.source, sha256="x"
    )
    error_of(call(world.aisha, "GET", f"{API}/frameworks/{draft.pk}/"), 404, "not_found")
    assert call(world.ada, "GET", f"{API}/frameworks/{draft.pk}/").status_code == 200


def test_rating_answers_stores_nothing(world, assessment, swap):
    entries = AuditEntry.objects.count()
    response = call(
        world.sara,
        "POST",
        f"{API}/frameworks/{swap.pk}/rate/",
        {
            "indicator": "3.2",
            "answers": {"meets.a": "met", "meets.b": "met", "meets.c": "not_met"},
        },
    )
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["indicator"] == "3.2" and body["level"] == "meets"
    assert body["trace"]["decided_by"] == "meets" and body["trace"]["next_level"] == "exceeds"
    assert set(body["trace"]) == {
        "decided_by",
        "counted",
        "unknown",
        "unknown_inputs",
        "next_level",
        "missing_for_next",
    }
    assert AuditEntry.objects.count() == entries
    assert not IndicatorAssessment.objects.exclude(computed_level="").exists()


def test_a_band_input_is_rated(world, swap):
    key = _input_key(world, swap)
    response = call(
        world.sara,
        "POST",
        f"{API}/frameworks/{swap.pk}/rate/",
        {"indicator": "1.3", "inputs": {key: 40}},
    )
    assert response.json()["level"] == "meets"
    # what is missing says the bound in words, with the unit, the input by its key
    assert response.json()["trace"]["missing_for_next"] == [f"“{key}” must be more than 50\u00a0%"]


def _input_key(world, swap):
    structure = call(world.sara, "GET", f"{API}/frameworks/{swap.pk}/").json()["structure"]
    indicator = next(item for item in structure["indicators"] if item["code"] == "1.3")
    return indicator["inputs"][0]["key"]


@pytest.mark.parametrize(
    ("body", "field", "words"),
    [
        ({"indicator": "9.9"}, "indicator", "“9.9” is not an indicator"),
        ({"indicator": "3.2", "answers": {"meets.z": "met"}}, "answers.meets.z", "meets.z"),
        ({"indicator": "3.2", "answers": {"meets.a": "maybe"}}, "answers.meets.a", "“maybe”"),
        ({"indicator": "3.2", "inputs": {"budget": 3}}, "inputs.budget", "no input “budget”"),
        ({"indicator": "3.2", "inputs": {"budget": "lots"}}, "inputs.budget", "number"),
        ({"answers": {}}, "indicator", "required"),
    ],
)
def test_rating_errors_name_the_criterion_or_input(world, swap, body, field, words):
    response = call(world.sara, "POST", f"{API}/frameworks/{swap.pk}/rate/", body)
    error = error_of(response, 400, "invalid")
    assert field in error["fields"] and words in error["fields"][field][0], error


def test_an_input_outside_its_range_is_named(world, swap):
    key = _input_key(world, swap)
    response = call(
        world.sara,
        "POST",
        f"{API}/frameworks/{swap.pk}/rate/",
        {"indicator": "1.3", "inputs": {key: 140}},
    )
    error = error_of(response, 400, "invalid")
    assert "outside 0–100" in error["fields"][f"inputs.{key}"][0]


def test_anonymous_requests_are_refused_in_the_common_format(world, swap):
    response = https_client().get(f"{API}/frameworks/")
    error_of(response, 401, "not_authenticated")


def test_a_personal_token_reaches_the_scorecards(world, assessment):
    issued = tokens.token_create(actor=world.sara, name="script")
    response = https_client().get(
        f"{API}/assessments/", headers={"Authorization": f"Bearer {issued.secret}"}
    )
    assert response.status_code == 200 and response.json()["count"] == 1


# --- Cycles ---------------------------------------------------------------------------------


def test_coordinators_add_cycles_and_everyone_in_the_team_lists_them(world):
    body = {"organisation": world.unct.pk, "name": "UNSDCF 2021-2025"}
    response = call(
        world.aisha, "POST", f"{API}/cycles/", body | {"start_year": 2021, "end_year": 2025}
    )
    assert response.status_code == 201, response.content
    assert response.json()["name"] == "UNSDCF 2021-2025"
    listed = call(world.bolat, "GET", f"{API}/cycles/?organisation={world.unct.pk}").json()
    assert [row["name"] for row in listed["results"]] == ["UNSDCF 2021-2025"]
    assert call(world.oscar, "GET", f"{API}/cycles/").json()["count"] == 0
    again = call(
        world.aisha, "POST", f"{API}/cycles/", body | {"start_year": 2021, "end_year": 2025}
    )
    assert "name" in error_of(again, 400, "invalid")["fields"]


def test_cycle_refusals(world):
    body = {"organisation": world.unct.pk, "name": "C", "start_year": 2025, "end_year": 2021}
    assert (
        "end_year"
        in error_of(call(world.aisha, "POST", f"{API}/cycles/", body), 400, "invalid")["fields"]
    )
    body["end_year"] = 2026
    error_of(call(world.sara, "POST", f"{API}/cycles/", body), 403, "forbidden")
    error_of(call(world.oscar, "POST", f"{API}/cycles/", body), 404, "not_found")
    bad = call(world.aisha, "GET", f"{API}/cycles/?organisation=abc")
    assert "organisation" in error_of(bad, 400, "invalid")["fields"]


# --- Assessments ----------------------------------------------------------------------------


@pytest.fixture
def several(world, swap, assessment):
    annual = services.assessment_create(
        actor=world.aisha,
        new=services.NewAssessment(
            organisation=world.unct, framework=swap, year=2023, kind=AssessmentKind.ANNUAL
        ),
    )
    mexico = services.assessment_create(
        actor=world.oscar,
        new=services.NewAssessment(
            organisation=world.other_unct,
            framework=swap,
            year=2022,
            kind=AssessmentKind.COMPREHENSIVE,
        ),
    )
    return assessment, annual, mexico


def _ids(response):
    assert response.status_code == 200, response.content
    return {row["id"] for row in response.json()["results"]}


def test_the_assessment_list_is_scoped_and_filtered(world, several):
    kz2022, kz2023, mexico = several
    assert _ids(call(world.sara, "GET", f"{API}/assessments/")) == {kz2022.pk, kz2023.pk}
    assert _ids(call(world.bolat, "GET", f"{API}/assessments/")) == {kz2022.pk, kz2023.pk}
    assert _ids(call(world.oscar, "GET", f"{API}/assessments/")) == {mexico.pk}
    assert _ids(call(world.rita, "GET", f"{API}/assessments/")) == set()
    assert len(_ids(call(world.ada, "GET", f"{API}/assessments/"))) == 3
    filters = {
        "year=2023": {kz2023.pk},
        "status=draft": {kz2022.pk, kz2023.pk},
        "status=submitted": set(),
        "framework=unct-swap": {kz2022.pk, kz2023.pk},
        "framework=collective-impact": set(),
        f"organisation={world.unct.pk}": {kz2022.pk, kz2023.pk},
        f"organisation={world.other_unct.pk}": set(),
        "kind=annual": {kz2023.pk},
    }
    for params, expected in filters.items():
        assert _ids(call(world.sara, "GET", f"{API}/assessments/?{params}")) == expected, params
    page = call(world.sara, "GET", f"{API}/assessments/?page_size=1").json()
    assert page["count"] == 2 and len(page["results"]) == 1 and page["next"]


@pytest.mark.parametrize("params", ["year=soon", "status=lost", "kind=weekly", "year=1999"])
def test_bad_filters_are_refused(world, several, params):
    error = error_of(call(world.sara, "GET", f"{API}/assessments/?{params}"), 400, "invalid")
    assert params.split("=")[0] in error["fields"]


def test_an_entity_editor_starts_an_assessment_of_the_team(world, swap):
    body = {
        "organisation": world.unct.pk,
        "framework": swap.pk,
        "year": 2024,
        "kind": "comprehensive",
    }
    response = call(world.bolat, "POST", f"{API}/assessments/", body)
    assert response.status_code == 201, response.content
    created = response.json()
    assert created["status"] == "draft" and created["organisation_name"] == "UNCT Kazakhstan"
    assert len(created["indicators"]) == 15 and created["may_edit"] is True
    again = call(world.bolat, "POST", f"{API}/assessments/", body)
    assert "year" in error_of(again, 400, "invalid")["fields"]
    error_of(call(world.sara, "POST", f"{API}/assessments/", body), 403, "forbidden")
    error_of(call(world.oscar, "POST", f"{API}/assessments/", body), 404, "not_found")
    missing = call(world.bolat, "POST", f"{API}/assessments/", {"year": 2024})
    assert {"organisation", "framework", "kind"} <= set(error_of(missing, 400, "invalid")["fields"])


def test_an_assessment_shows_every_indicator_and_what_the_person_may_do(world, assessment):
    mine = call(world.aisha, "GET", a_url(assessment)).json()
    assert [row["code"] for row in mine["indicators"]][:3] == ["1.1", "1.2", "1.3"]
    assert len(mine["indicators"]) == 15
    row = mine["indicators"][0]
    assert row["title"]["en"] == "Common Country Analysis" and row["dimension"] == "1"
    assert row["version"] == 1 and row["reassessed"] is True
    assert mine["may_edit"] is True and mine["allowed_steps"] == ["submit"]
    viewer = call(world.sara, "GET", a_url(assessment)).json()
    assert viewer["may_edit"] is False and viewer["allowed_steps"] == []


@pytest.mark.parametrize(
    "tail",
    ["", "indicators/1.1/", "team/", "actions/", "evidence/", "comments/", "quality/"],
)
def test_outsiders_get_404_for_everything_of_another_team(world, assessment, tail):
    error_of(call(world.oscar, "GET", a_url(assessment, tail)), 404, "not_found")
    error_of(call(world.rita, "GET", a_url(assessment, tail)), 404, "not_found")


def test_the_texts_are_changed_and_kept_when_left_out(world, assessment):
    body = {"process_text": "  Workshops.  ", "text_version": 1}
    response = call(world.bolat, "PATCH", a_url(assessment), body)
    assert response.status_code == 200, response.content
    call(world.bolat, "PATCH", a_url(assessment), {"context_text": "A context.", "text_version": 2})
    assessment.refresh_from_db()
    assert (assessment.process_text, assessment.context_text) == ("Workshops.", "A context.")
    refused = call(world.sara, "PATCH", a_url(assessment), {"process_text": "x", "text_version": 3})
    error_of(refused, 403, "forbidden")


# --- Indicators -----------------------------------------------------------------------------


def test_an_indicator_is_read_and_saved_with_its_rating(world, assessment):
    url = a_url(assessment, "indicators/3.2/")
    assert call(world.sara, "GET", url).json()["code"] == "3.2"
    error_of(call(world.sara, "GET", a_url(assessment, "indicators/9.9/")), 404, "not_found")
    response = call(
        world.bolat,
        "PATCH",
        url,
        {
            "version": 1,
            "answers": {"meets.a": "met", "meets.b": "met", "meets.c": "not_met"},
            "findings": {"meets.a": "Joint initiatives with CSOs."},
        },
    )
    assert response.status_code == 200, response.content
    saved = response.json()
    assert saved["computed_level"] == saved["agreed_level"] == saved["level"] == "meets"
    assert saved["version"] == 2 and saved["updated_by"] == "Bolat"
    assert saved["trace"]["decided_by"] == "meets"
    later = call(world.bolat, "PATCH", url, {"version": 2, "justification": "As found."}).json()
    assert later["findings"] == {"meets.a": "Joint initiatives with CSOs."}
    assert later["agreed_level"] == "meets" and later["justification"] == "As found."


def test_a_stale_version_is_a_conflict_and_saves_nothing(world, assessment):
    url = a_url(assessment, "indicators/4.1/")
    assert (
        call(world.aisha, "PATCH", url, {"version": 1, "justification": "First."}).status_code
        == 200
    )
    stale = call(world.bolat, "PATCH", url, {"version": 1, "justification": "Second."})
    error = error_of(stale, 409, "edit_conflict")
    assert "Reload" in error["message"]
    row = IndicatorAssessment.objects.get(assessment=assessment, code="4.1")
    assert (row.version, row.justification) == (2, "First.")


def test_indicator_refusals_name_the_field(world, assessment):
    url = a_url(assessment, "indicators/2.1/")
    assert "version" in error_of(call(world.bolat, "PATCH", url, {}), 400, "invalid")["fields"]
    differs = call(world.bolat, "PATCH", url, {"version": 1, "agreed_level": "exceeds"})
    assert "difference_reason" in error_of(differs, 400, "invalid")["fields"]
    answer = call(world.bolat, "PATCH", url, {"version": 1, "answers": {"meets.a": "perhaps"}})
    assert "perhaps" in error_of(answer, 400, "invalid")["message"]
    error_of(call(world.sara, "PATCH", url, {"version": 1}), 403, "forbidden")
    transition(actor=world.aisha, assessment=assessment, step_name="submit")
    error_of(call(world.bolat, "PATCH", url, {"version": 1}), 409, "not_editable")


# --- Team -----------------------------------------------------------------------------------


def test_the_team_is_listed_added_to_and_removed_from(world, assessment):
    url = a_url(assessment, "team/")
    response = call(world.bolat, "POST", url, {"name": "Dana", "entity": "UNFPA", "title": "GFP"})
    assert response.status_code == 201, response.content
    member = response.json()
    assert member["name"] == "Dana" and member["position"] == 0
    assert [row["name"] for row in call(world.sara, "GET", url).json()["results"]] == ["Dana"]
    assert (
        "entity"
        in error_of(call(world.bolat, "POST", url, {"name": "X"}), 400, "invalid")["fields"]
    )
    blank = call(world.bolat, "POST", url, {"name": "X", "entity": " "})
    assert "entity" in error_of(blank, 400, "invalid")["fields"]
    error_of(call(world.sara, "POST", url, {"name": "X", "entity": "Y"}), 403, "forbidden")
    error_of(call(world.sara, "DELETE", f"{url}{member['id']}/"), 403, "forbidden")
    assert call(world.aisha, "DELETE", f"{url}{member['id']}/").status_code == 204
    error_of(call(world.aisha, "DELETE", f"{url}{member['id']}/"), 404, "not_found")


# --- Action points --------------------------------------------------------------------------


def test_action_points_are_created_filtered_changed_and_deleted(world, assessment):
    url = a_url(assessment, "actions/")
    made = call(
        world.bolat,
        "POST",
        url,
        {"indicator_code": "2.2", "text": "Train staff.", "due_date": "2030-06-30"},
    )
    assert made.status_code == 201, made.content
    action = made.json()
    assert action["status"] == "planned" and action["due_date"] == "2030-06-30"
    call(world.bolat, "POST", url, {"indicator_code": "1.1", "text": "Another."})
    assert [
        row["text"] for row in call(world.sara, "GET", f"{url}?indicator=2.2").json()["results"]
    ] == ["Train staff."]
    changed = call(
        world.bolat,
        "PATCH",
        f"{url}{action['id']}/",
        {"status": "in_progress", "progress": {"2023": "Two sessions held."}, "version": 1},
    )
    assert changed.status_code == 200, changed.content
    assert changed.json()["text"] == "Train staff." and changed.json()["status"] == "in_progress"
    assert changed.json()["progress"] == {"2023": "Two sessions held."}
    unknown = call(world.bolat, "POST", url, {"indicator_code": "9.9", "text": "X"})
    assert "indicator_code" in error_of(unknown, 400, "invalid")["fields"]
    bad = call(world.bolat, "PATCH", f"{url}{action['id']}/", {"status": "someday", "version": 2})
    assert "status" in error_of(bad, 400, "invalid")["fields"]
    error_of(call(world.sara, "DELETE", f"{url}{action['id']}/"), 403, "forbidden")
    assert call(world.bolat, "DELETE", f"{url}{action['id']}/").status_code == 204
    assert call(world.sara, "GET", url).json()["count"] == 1


# --- Evidence -------------------------------------------------------------------------------


def test_a_file_is_uploaded_listed_downloaded_and_deleted(world, assessment):
    response = upload(world.bolat, assessment, "report.pdf", PDF, indicator_code="2.2")
    assert response.status_code == 201, response.content
    item = response.json()
    assert item["has_file"] and item["content_type"] == "application/pdf"
    assert item["indicator_code"] == "2.2" and item["title"] == "report.pdf"
    assert item["size"] == len(PDF) and "stored_name" not in item
    listed = call(world.sara, "GET", a_url(assessment, "evidence/?indicator=2.2")).json()
    assert [row["id"] for row in listed["results"]] == [item["id"]]
    download = signed_in(world.sara).get(a_url(assessment, f"evidence/{item['id']}/download/"))
    assert download.status_code == 200
    assert download.headers["Content-Disposition"].startswith("attachment")
    assert 'filename="report.pdf"' in download.headers["Content-Disposition"]
    assert download.headers["Content-Type"] == "application/pdf"
    assert b"".join(download.streaming_content) == PDF
    path = evidence.storage_name(Evidence.objects.get().stored_name)
    assert default_storage.exists(path)
    error_of(
        call(world.sara, "DELETE", a_url(assessment, f"evidence/{item['id']}/")), 403, "forbidden"
    )
    assert (
        call(world.bolat, "DELETE", a_url(assessment, f"evidence/{item['id']}/")).status_code == 204
    )
    assert not Evidence.objects.exists()
    assert default_storage.exists(path)  # kept while the removal can be undone (removal.py)
    removal.removed_purge(now=timezone.now() + timedelta(days=removal.UNDO_DAYS + 1))
    assert not default_storage.exists(path)


@override_settings(UPLOAD_MAX_BYTES=1024)
def test_an_upload_over_the_limit_is_refused(world, assessment):
    response = upload(world.bolat, assessment, "big.pdf", PDF + b"0" * 2048)
    error = error_of(response, 400, "invalid")
    assert "larger than the limit" in error["fields"]["file"][0]
    assert not Evidence.objects.exists()


def test_an_upload_is_checked_by_its_content_not_its_name(world, assessment):
    response = upload(world.bolat, assessment, "report.pdf", b"MZ\x90\x00\x03\x00binary")
    error = error_of(response, 400, "invalid")
    assert "checked by its content" in error["fields"]["file"][0]
    assert not Evidence.objects.exists()


def test_upload_refusals(world, assessment):
    error_of(upload(world.sara, assessment, "a.pdf", PDF), 403, "forbidden")
    error_of(upload(world.oscar, assessment, "a.pdf", PDF), 404, "not_found")
    as_json = call(world.bolat, "POST", a_url(assessment, "evidence/"), {"title": "x"})
    error_of(as_json, 415, "unsupported_media_type")
    nothing = signed_in(world.bolat).post(a_url(assessment, "evidence/"), {"title": "x"})
    assert "file" in error_of(nothing, 400, "invalid")["fields"]
    category = upload(world.bolat, assessment, "a.pdf", PDF, category="gossip")
    assert "category" in error_of(category, 400, "invalid")["fields"]


def test_a_link_is_evidence_without_a_file(world, assessment):
    url = a_url(assessment, "evidence/link/")
    made = call(
        world.bolat,
        "POST",
        url,
        {"url": "https://example.org/cf-review", "title": "CF review", "category": "cf_monitoring"},
    )
    assert made.status_code == 201, made.content
    link = made.json()
    assert link["has_file"] is False and link["category"] == "cf_monitoring"
    no_file = signed_in(world.sara).get(a_url(assessment, f"evidence/{link['id']}/download/"))
    error_of(no_file, 404, "no_file")
    ftp = call(world.bolat, "POST", url, {"url": "ftp://example.org/x", "title": "X"})
    assert "url" in error_of(ftp, 400, "invalid")["fields"]
    error_of(call(world.sara, "POST", url, {"url": "https://example.org"}), 403, "forbidden")


# --- Comments -------------------------------------------------------------------------------


def test_reviewers_and_the_team_comment(world, assessment):
    url = a_url(assessment, "comments/")
    made = call(world.bolat, "POST", url, {"text": "Draft ready.", "indicator_code": "2.2"})
    assert made.status_code == 201, made.content
    assert made.json()["author"] == "Bolat" and made.json()["indicator_code"] == "2.2"
    error_of(call(world.sara, "POST", url, {"text": "Me too."}), 403, "forbidden")
    error_of(call(world.rita, "POST", url, {"text": "Too early."}), 404, "not_found")
    transition(actor=world.aisha, assessment=assessment, step_name="submit")
    assert call(world.rita, "POST", url, {"text": "Add evidence."}).status_code == 201
    texts = [row["text"] for row in call(world.sara, "GET", url).json()["results"]]
    assert texts == ["Draft ready.", "Add evidence."]
    assert "text" in error_of(call(world.rita, "POST", url, {"text": ""}), 400, "invalid")["fields"]


# --- Workflow and quality -------------------------------------------------------------------


def test_the_workflow_moves_by_steps_with_stable_error_codes(world, assessment):
    url = a_url(assessment, "transition/")
    error_of(call(world.bolat, "POST", url, {"step": "submit"}), 403, "forbidden")
    submitted = call(world.aisha, "POST", url, {"step": "submit"})
    assert submitted.status_code == 200, submitted.content
    assert submitted.json()["status"] == "submitted" and submitted.json()["allowed_steps"] == []
    error_of(call(world.aisha, "POST", url, {"step": "submit"}), 409, "wrong_state")
    assert (
        call(world.rita, "POST", url, {"step": "start_review"}).json()["status"] == "under_review"
    )
    returned = call(world.rita, "POST", url, {"step": "return"})
    assert error_of(returned, 400, "comment_required")["fields"] == {
        "comment": ["Say what needs to change."]
    }
    back = call(world.rita, "POST", url, {"step": "return", "comment": "Add evidence."})
    assert back.json()["status"] == "returned"
    unknown = call(world.rita, "POST", url, {"step": "celebrate"})
    assert "step" in error_of(unknown, 400, "invalid")["fields"]


def test_quality_findings_have_stable_codes(world, swap, assessment):
    body = call(world.sara, "GET", a_url(assessment, "quality/")).json()
    assert body["blocking"] == 0 and body["count"] == len(body["findings"]) == 15
    assert {finding["code"] for finding in body["findings"]} == {"QA004"}
    assert body["findings"][0] == {
        "code": "QA004",
        "severity": "warning",
        "indicator": "1.1",
        "message": "PI 1.1 is reassessed but has no evidence attached.",
        "params": {},
    }
    annual = services.assessment_create(
        actor=world.aisha,
        new=services.NewAssessment(
            organisation=world.unct, framework=swap, year=2023, kind=AssessmentKind.ANNUAL
        ),
    )
    blocked = call(world.sara, "GET", a_url(annual, "quality/")).json()
    assert blocked["blocking"] == 1 and blocked["findings"][0]["code"] == "QA001"
    assert blocked["findings"][0]["params"] == {"count": 0}
    error_of(
        call(world.aisha, "POST", a_url(annual, "transition/"), {"step": "submit"}), 400, "QA001"
    )


# --- Import ---------------------------------------------------------------------------------


def _import(person, organisation, text, name="seed.txt"):
    content = text.encode() if isinstance(text, str) else text
    return signed_in(person).post(
        f"{API}/imports/",
        {"organisation": organisation.pk, "file": SimpleUploadedFile(name, content)},
    )


def test_importing_the_seed_creates_then_leaves_it_unchanged(world, swap, seed_text):
    first = _import(world.aisha, world.unct, seed_text)
    assert first.status_code == 201, first.content
    body = first.json()
    assert body["created"] is True and body["ratings"] == 15
    assert set(body["reassessed"]) == REASSESSED
    assert body["assessment"]["year"] == 2022 and body["assessment"]["imported"] is True
    entries = AuditEntry.objects.count()
    again = _import(world.bolat, world.unct, seed_text)
    assert again.status_code == 200 and again.json()["created"] is False
    assert again.json()["assessment"]["id"] == body["assessment"]["id"]
    assert Assessment.objects.count() == 1 and AuditEntry.objects.count() == entries
    detail = call(world.sara, "GET", a_url(Assessment.objects.get())).json()
    assert {row["code"] for row in detail["indicators"] if row["reassessed"]} == REASSESSED


def test_a_broken_report_names_every_problem_and_its_line(world, swap, seed_text):
    broken = seed_text.replace(
        "PI 2.2 Communication & Advocacy\tEXCEEDS", "PI 2.2 Communication & Advocacy\tSUPERB"
    )
    assert broken != seed_text
    error = error_of(_import(world.aisha, world.unct, broken, "broken.txt"), 400, "import_failed")
    assert "broken.txt" in error["message"]
    assert error["problems"] and all(p["line"] > 0 and p["message"] for p in error["problems"])
    assert error["fields"]["file"] == [
        f"line {p['line']}: {p['message']}" for p in error["problems"]
    ]
    assert any(
        "SUPERB" in p["message"] or "superb" in p["message"].lower() for p in error["problems"]
    )
    assert not Assessment.objects.exists()


def test_import_refusals(world, swap, seed_text):
    error_of(_import(world.sara, world.unct, seed_text), 403, "forbidden")
    error_of(_import(world.rita, world.unct, seed_text), 403, "forbidden")
    error_of(_import(world.oscar, world.unct, seed_text), 404, "not_found")
    latin = _import(world.aisha, world.unct, "Año 2022".encode("latin-1"))
    assert "UTF-8" in error_of(latin, 400, "invalid")["fields"]["file"][0]
    as_json = call(world.aisha, "POST", f"{API}/imports/", {"organisation": world.unct.pk})
    error_of(as_json, 415, "unsupported_media_type")
    no_file = signed_in(world.aisha).post(f"{API}/imports/", {"organisation": world.unct.pk})
    assert "file" in error_of(no_file, 400, "invalid")["fields"]
    with override_settings(UPLOAD_MAX_BYTES=1024):
        error_of(_import(world.aisha, world.unct, seed_text), 400, "too_large")
    assert not Assessment.objects.exists()


def test_importing_a_year_made_another_way_is_refused(world, swap, seed_text):
    services.assessment_create(
        actor=world.aisha,
        new=services.NewAssessment(
            organisation=world.unct,
            framework=latest_published("unct-swap"),
            year=2022,
            kind=AssessmentKind.COMPREHENSIVE,
        ),
    )
    error_of(_import(world.aisha, world.unct, seed_text), 400, "exists")
