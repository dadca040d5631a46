"""The assessment pages, through real requests: list, start, the assessment page and its
records, the workflow, the indicator page with its rating and edit conflicts, evidence
files, and report import."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from cometa.core import storage
from cometa.scorecards.assessments import services
from cometa.scorecards.assessments.workflow import transition
from cometa.scorecards.models import (
    ActionPoint,
    Assessment,
    AssessmentKind,
    Evidence,
    IndicatorAssessment,
    ReviewComment,
    TeamMember,
)
from cometa.scorecards.records import evidence, removal
from tests.conftest import signed_in
from tests.pdf import PDF


def _url(name, *args):
    return reverse(f"scorecards:{name}", args=args)


def _text(response) -> str:
    return response.content.decode()


def _row(assessment, code) -> IndicatorAssessment:
    return IndicatorAssessment.objects.get(assessment=assessment, code=code)


def _annual(world, swap, year=2023) -> Assessment:
    return services.assessment_create(
        actor=world.aisha,
        new=services.NewAssessment(
            organisation=world.unct, framework=swap, year=year, kind=AssessmentKind.ANNUAL
        ),
    )


def _section(client, assessment, name) -> str:
    """The assessment page's section ``name``, as text."""
    return _text(client.get(_url("assessment", assessment.pk) + f"?section={name}"))


def _stored_files() -> set[str]:
    return {name.removeprefix("evidence/") for name in storage.names()}


# --- the list and starting an assessment ------------------------------------------------------


def test_the_list_shows_the_assessments_a_person_may_see(world, assessment):
    page = _text(signed_in(world.sara).get(_url("assessments")))
    assert "UNCT Kazakhstan 2022" in page
    assert "UNCT Kazakhstan" not in _text(signed_in(world.oscar).get(_url("assessments")))


def test_the_list_is_searched_by_team_and_country_and_filtered(world, swap, assessment):
    services.assessment_create(
        actor=world.oscar,
        new=services.NewAssessment(
            organisation=world.other_unct, framework=swap, year=2021, kind="annual"
        ),
    )
    client = signed_in(world.ada)
    assert "UNCT Mexico 2021" not in _text(client.get(_url("assessments"), {"q": "KAZ"}))
    found = _text(client.get(_url("assessments"), {"q": "mexico"}))
    assert "UNCT Mexico 2021" in found and "UNCT Kazakhstan 2022" not in found
    by_year = _text(client.get(_url("assessments"), {"year": 2022}))
    assert "UNCT Kazakhstan 2022" in by_year and "UNCT Mexico 2021" not in by_year
    assert "No assessment matches" in _text(
        client.get(_url("assessments"), {"status": "published"})
    )


def test_the_search_answers_htmx_with_the_rows_only(world, assessment):
    response = signed_in(world.aisha).get(
        _url("assessments"), {"q": "Kaz"}, headers={"HX-Request": "true"}
    )
    assert response.status_code == 200
    assert "<html" not in _text(response) and "UNCT Kazakhstan 2022" in _text(response)


def test_a_coordinator_starts_an_assessment_from_the_list(world, swap):
    client = signed_in(world.aisha)
    assert "Start an assessment" in _text(client.get(_url("assessments")))
    response = client.post(
        _url("assessment-create"),
        {"organisation": world.unct.pk, "framework": swap.pk, "year": 2024, "kind": "annual"},
    )
    created = Assessment.objects.get(organisation=world.unct, year=2024)
    assert response.status_code == 302 and response["Location"] == _url("assessment", created.pk)
    assert created.indicators.count() == 15


def test_a_second_assessment_for_the_same_year_is_refused_on_the_form(world, swap, assessment):
    response = signed_in(world.aisha).post(
        _url("assessment-create"),
        {"organisation": world.unct.pk, "framework": swap.pk, "year": 2022, "kind": "annual"},
    )
    assert response.status_code == 400
    assert 'id="id_start_year_error"' in _text(response)
    assert "already has an assessment for 2022" in _text(response)


def test_a_viewer_is_not_offered_the_start_form_and_may_not_start(world, swap):
    client = signed_in(world.sara)
    assert "Start an assessment" not in _text(client.get(_url("assessments")))
    response = client.post(
        _url("assessment-create"),
        {"organisation": world.unct.pk, "framework": swap.pk, "year": 2024, "kind": "annual"},
    )
    assert response.status_code == 403
    assert not Assessment.objects.exists()


# --- the assessment page ----------------------------------------------------------------------


def test_the_assessment_page_shows_the_header_and_every_indicator_by_dimension(world, assessment):
    page = _text(signed_in(world.bolat).get(_url("assessment", assessment.pk)))
    assert "Comprehensive assessment" in page and "UNCT-SWAP Gender Equality Scorecard" in page
    assert "Dimension 1: Planning" in page and "Dimension 7: Results" in page
    links = re.findall(rf'href="/scorecards/{assessment.pk}/indicators/([\d.]+)/"', page)
    assert len(set(links)) == 15
    assert '<th scope="rowgroup"' in page and '<th scope="col">' in page


def test_a_carried_rating_shows_the_year_it_comes_from(world, swap):
    earlier = services.assessment_create(
        actor=world.aisha,
        new=services.NewAssessment(
            organisation=world.unct, framework=swap, year=2021, kind="comprehensive"
        ),
    )
    row = _row(earlier, "1.1")
    services.indicator_update(
        actor=world.aisha,
        indicator=row,
        expected_version=row.version,
        values=services.IndicatorValues(
            reassessed=True, answers={"approaches.a": "met", "approaches.b": "met"}
        ),
    )
    annual = _annual(world, swap, 2022)
    page = _text(signed_in(world.aisha).get(_url("assessment", annual.pk)))
    assert "Approaches minimum requirements" in page and "from 2021" in page


def test_the_review_section_lists_qa001_as_must_be_fixed(world, swap):
    annual = _annual(world, swap)
    page = _section(signed_in(world.aisha), annual, "review")
    assert "QA001" in page and "Must be fixed" in page


def test_submitting_with_blocking_findings_is_refused_and_says_why(world, swap):
    annual = _annual(world, swap)
    response = signed_in(world.aisha).post(_url("assessment-step", annual.pk), {"step": "submit"})
    assert response.status_code == 400
    assert "Fix these before submitting" in _text(response)
    annual.refresh_from_db()
    assert annual.status == "draft"


@pytest.mark.parametrize(
    ("who", "status", "expected"),
    [
        ("aisha", "draft", {"submit"}),
        ("bolat", "draft", set()),
        ("sara", "draft", set()),
        ("rita", "submitted", {"start_review", "return"}),
        ("aisha", "submitted", set()),
        ("rita", "approved", {"unapprove", "publish"}),
    ],
)
def test_workflow_buttons_appear_only_for_allowed_steps(world, assessment, who, status, expected):
    Assessment.objects.filter(pk=assessment.pk).update(status=status)
    client = signed_in(getattr(world, who))
    page = _section(client, assessment, "review")
    shown = set(re.findall(r'name="step" value="(\w+)"', page))
    assert shown == expected


def test_the_review_path_through_the_pages(world, assessment):
    aisha, rita = signed_in(world.aisha), signed_in(world.rita)
    submitted = aisha.post(
        _url("assessment-step", assessment.pk), {"step": "submit", "confirmed": "yes"}
    )
    assert submitted.status_code == 302
    assert (
        rita.post(_url("assessment-step", assessment.pk), {"step": "start_review"}).status_code
        == 302
    )
    refused = rita.post(_url("assessment-step", assessment.pk), {"step": "return", "comment": ""})
    assert refused.status_code == 400
    assert 'id="id_return_comment_error"' in _text(refused)
    returned = rita.post(
        _url("assessment-step", assessment.pk), {"step": "return", "comment": "Add evidence, 2.2"}
    )
    assert returned.status_code == 302
    assessment.refresh_from_db()
    assert assessment.status == "returned"
    assert "Add evidence, 2.2" in _section(aisha, assessment, "comments")


def test_a_step_not_open_to_the_person_is_forbidden(world, assessment):
    response = signed_in(world.bolat).post(
        _url("assessment-step", assessment.pk), {"step": "submit"}
    )
    assert response.status_code == 403


def test_a_viewer_sees_no_edit_forms(world, assessment):
    client = signed_in(world.sara)
    for url in (_url("assessment", assessment.pk), _url("indicator", assessment.pk, "1.1")):
        page = _text(client.get(url))
        actions = re.findall(r'<form method="post" action="([^"]+)"', page)
        assert not [action for action in actions if action.startswith("/scorecards/")], url
        assert 'name="version"' not in page


def test_an_outsider_gets_404_everywhere(world, assessment):
    item = evidence.evidence_upload(
        actor=world.aisha,
        assessment=assessment,
        file=__import__("io").BytesIO(PDF),
        filename="a.pdf",
        title="A",
    )
    client = signed_in(world.oscar)
    for url in (
        _url("assessment", assessment.pk),
        _url("indicator", assessment.pk, "1.1"),
        _url("indicator-preview", assessment.pk, "1.1"),
        _url("evidence-download", item.pk),
    ):
        assert client.get(url).status_code == 404, url
    assert (
        client.post(_url("team-add", assessment.pk), {"name": "X", "entity": "Y"}).status_code
        == 404
    )


def test_a_draft_is_not_shown_to_a_reviewer_until_submitted(world, assessment):
    assert signed_in(world.rita).get(_url("assessment", assessment.pk)).status_code == 404


# --- team, process, comments, action plan -------------------------------------------------------


def test_the_team_is_added_to_and_removed_from(world, assessment):
    client = signed_in(world.bolat)
    response = client.post(
        _url("team-add", assessment.pk),
        {"name": "Gaukhar Nursha", "entity": "UNDP", "title": "Gender Specialist"},
    )
    assert response.status_code == 302 and response["Location"].endswith("?section=team#team")
    member = TeamMember.objects.get()
    assert "Gaukhar Nursha" in _text(client.get(response["Location"]))
    assert client.post(_url("team-remove", member.pk)).status_code == 302
    assert not TeamMember.objects.exists()


def test_a_member_needs_a_name_and_entity(world, assessment):
    response = signed_in(world.bolat).post(_url("team-add", assessment.pk), {"name": "Only"})
    assert response.status_code == 400 and 'id="id_member_entity_error"' in _text(response)


def test_a_viewer_may_not_change_the_team(world, assessment):
    response = signed_in(world.sara).post(
        _url("team-add", assessment.pk), {"name": "X", "entity": "UNDP"}
    )
    assert response.status_code == 403 and not TeamMember.objects.exists()


def test_the_process_and_context_are_saved(world, assessment):
    response = signed_in(world.aisha).post(
        _url("assessment-text", assessment.pk),
        {"process_text": "The IAT met on 4 November.", "context_text": "NA", "text_version": 1},
    )
    assert response.status_code == 302
    assessment.refresh_from_db()
    assert assessment.process_text == "The IAT met on 4 November."


def test_nothing_changes_once_submitted(world, assessment):
    transition(actor=world.aisha, assessment=assessment, step_name="submit")
    client = signed_in(world.aisha)
    page = _text(client.get(_url("assessment", assessment.pk)))
    assert _url("team-add", assessment.pk) not in page
    response = client.post(
        _url("assessment-text", assessment.pk), {"process_text": "Late", "text_version": 1}
    )
    assert response.status_code == 400 and "cannot be changed until it is returned" in _text(
        response
    )


def test_comments_are_general_or_per_indicator(world, assessment):
    transition(actor=world.aisha, assessment=assessment, step_name="submit")
    rita = signed_in(world.rita)
    assert (
        rita.post(_url("comment-add", assessment.pk), {"text": "Overall fine."}).status_code == 302
    )
    back = rita.post(
        _url("comment-add", assessment.pk),
        {"text": "More evidence.", "indicator_code": "2.2", "back": "indicator"},
    )
    assert back["Location"] == _url("indicator", assessment.pk, "2.2")
    assert set(ReviewComment.objects.values_list("indicator_code", flat=True)) == {"", "2.2"}
    assert "More evidence." in _text(rita.get(_url("indicator", assessment.pk, "2.2")))
    assert "More evidence." not in _text(rita.get(_url("indicator", assessment.pk, "2.1")))


def test_a_viewer_may_not_comment(world, assessment):
    response = signed_in(world.sara).post(_url("comment-add", assessment.pk), {"text": "Hi"})
    assert response.status_code == 403


def test_the_action_plan_is_grouped_by_primary_indicator_and_edited(world, assessment):
    client = signed_in(world.bolat)
    for code, text in (("2.2", "Joint campaign"), ("1.1", "Gender analysis in all sectors")):
        response = client.post(
            _url("action-add", assessment.pk),
            {
                "indicator_code": code,
                "text": text,
                "status": "planned",
                "due_date": "2023-06-30",
                "progress-2022": "Started",
            },
        )
        assert response.status_code == 302
    page = _section(client, assessment, "actions")
    assert page.index("PI 1.1 Common Country Analysis</h3>") < page.index("Joint campaign")
    action = ActionPoint.objects.get(indicator_code="2.2")
    assert action.progress == {"2022": "Started"}
    edit = client.get(_url("action-edit", action.pk))
    assert edit.status_code == 200 and "Joint campaign" in _text(edit)
    saved = client.post(
        _url("action-edit", action.pk),
        {
            "indicator_code": "2.2",
            "text": "Joint campaign",
            "status": "done",
            "progress-2022": "",
            "version": 1,
        },
    )
    assert saved.status_code == 302
    action.refresh_from_db()
    assert action.status == "done" and action.progress == {}
    assert client.post(_url("action-delete", action.pk)).status_code == 302
    assert not ActionPoint.objects.filter(pk=action.pk).exists()


def test_an_action_needs_a_known_indicator(world, assessment):
    response = signed_in(world.bolat).post(
        _url("action-add", assessment.pk),
        {"indicator_code": "9.9", "text": "X", "status": "planned"},
    )
    assert response.status_code == 400 and 'id="id_action_indicator_code_error"' in _text(response)


# --- evidence ---------------------------------------------------------------------------------


def _upload(client, assessment, name, data, **fields):
    from django.core.files.uploadedfile import SimpleUploadedFile

    body = {"file": SimpleUploadedFile(name, data), "title": "", "category": "other", **fields}
    return client.post(_url("evidence-upload", assessment.pk), body)


def test_an_uploaded_file_is_downloaded_as_an_attachment_of_its_real_type(world, assessment):
    client = signed_in(world.bolat)
    response = _upload(client, assessment, "minutes.pdf", PDF, indicator_code="2.2")
    assert response.status_code == 302
    item = Evidence.objects.get()
    assert (item.title, item.content_type, item.indicator_code) == (
        "minutes.pdf",
        "application/pdf",
        "2.2",
    )
    download = signed_in(world.sara).get(_url("evidence-download", item.pk))
    assert download.status_code == 200
    assert download["Content-Type"] == "application/pdf"
    assert download["Content-Disposition"].startswith("attachment;")
    assert download["X-Content-Type-Options"] == "nosniff"
    assert b"".join(download.streaming_content) == PDF


def test_an_upload_over_the_limit_is_refused_and_leaves_no_file(world, assessment):
    before = _stored_files()
    with override_settings(UPLOAD_MAX_BYTES=1024):
        response = _upload(signed_in(world.bolat), assessment, "big.pdf", PDF + b"0" * 2048)
    assert response.status_code == 400
    assert "larger than the limit" in _text(response)
    assert 'id="id_upload_file_error"' in _text(response)
    assert _stored_files() == before and not Evidence.objects.exists()


def test_a_forbidden_file_renamed_pdf_is_refused_by_its_content(world, assessment):
    before = _stored_files()
    program = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" * 8
    response = _upload(signed_in(world.bolat), assessment, "report.pdf", program)
    assert response.status_code == 400 and "checked by its content" in _text(response)
    assert _stored_files() == before and not Evidence.objects.exists()


def test_a_link_is_added_and_evidence_removed_with_its_file(world, assessment):
    client = signed_in(world.bolat)
    response = client.post(
        _url("evidence-link", assessment.pk),
        {"url": "https://hlpf.un.org/countries/kazakhstan", "title": "VNR", "category": "other"},
    )
    assert response.status_code == 302
    assert 'href="https://hlpf.un.org/countries/kazakhstan"' in _section(
        client, assessment, "evidence"
    )
    bad = client.post(
        _url("evidence-link", assessment.pk),
        {"url": "javascript:alert(1)", "title": "X", "category": "other"},
    )
    assert bad.status_code == 400 and 'id="id_link_url_error"' in _text(bad)
    _upload(client, assessment, "a.pdf", PDF)
    item = Evidence.objects.exclude(stored_name="").get()
    assert item.stored_name in _stored_files()
    assert client.post(_url("evidence-delete", item.pk)).status_code == 302
    assert not Evidence.objects.filter(pk=item.pk).exists()
    assert item.stored_name in _stored_files()  # until the removal can no longer be undone
    removal.removed_purge(now=timezone.now() + timedelta(days=removal.UNDO_DAYS + 1))
    assert item.stored_name not in _stored_files()


def test_a_viewer_may_not_upload(world, assessment):
    response = _upload(signed_in(world.sara), assessment, "a.pdf", PDF)
    assert response.status_code == 403 and not Evidence.objects.exists()


# --- the indicator page -----------------------------------------------------------------------


def test_the_indicator_page_shows_each_criterion_with_a_radio_group(world, assessment):
    page = _text(signed_in(world.bolat).get(_url("indicator", assessment.pk, "1.1")))
    assert page.count("<fieldset") == 5 and page.count("<legend>") == 5
    assert 'name="answer-approaches.a" value="met"' in page
    assert 'name="finding-meets.b"' in page
    assert '<input type="hidden" name="version" value="1"' in page
    assert "sex-disaggregated or gender-sensitive data" in page


def test_the_indicator_page_speaks_the_chosen_language(world, assessment):
    page = _text(
        signed_in(world.bolat).get(
            _url("indicator", assessment.pk, "1.1"), headers={"Accept-Language": "es"}
        )
    )
    assert "Análisis común de país" in page and "Cumple los requisitos mínimos" in page


def test_numeric_inputs_show_and_check_their_range(world, assessment):
    client = signed_in(world.bolat)
    page = _text(client.get(_url("indicator", assessment.pk, "1.3")))
    assert 'name="input-pct_indicators"' in page and re.search(r'max="100(\.0)?"', page)
    response = client.post(
        _url("indicator", assessment.pk, "1.3"),
        {"version": 1, "reassessed": "on", "input-pct_indicators": "140"},
    )
    assert response.status_code == 400
    assert 'id="id_input-pct_indicators_error"' in _text(response)


def test_saving_computes_the_rating_and_shows_its_trace(world, assessment):
    client = signed_in(world.bolat)
    response = client.post(
        _url("indicator", assessment.pk, "1.1"),
        {
            "version": 1,
            "reassessed": "on",
            "answer-approaches.a": "met",
            "answer-approaches.b": "met",
            "answer-meets.a": "not_met",
            "finding-approaches.a": "Gender analysis in 8 of 17 sectors.",
        },
    )
    assert response.status_code == 302
    row = _row(assessment, "1.1")
    assert row.computed_level == row.agreed_level == "approaches" and row.version == 2
    assert row.findings == {"approaches.a": "Gender analysis in 8 of 17 sectors."}
    page = _text(client.get(_url("indicator", assessment.pk, "1.1")))
    assert "Approaches minimum requirements" in page
    assert "Criteria that counted:" in page and "Missing for" in page
    assert '<input type="hidden" name="version" value="2"' in page


def test_a_different_agreed_rating_asks_for_a_reason_on_its_field(world, assessment):
    response = signed_in(world.bolat).post(
        _url("indicator", assessment.pk, "2.1"),
        {"version": 1, "reassessed": "on", "agreed_level": "exceeds"},
    )
    assert response.status_code == 400
    assert 'id="id_difference_reason_error"' in _text(response)
    assert _row(assessment, "2.1").version == 1


def test_a_concurrent_edit_answers_409_and_keeps_both_the_stored_and_the_typed(world, assessment):
    aisha, bolat = signed_in(world.aisha), signed_in(world.bolat)
    url = _url("indicator", assessment.pk, "3.2")
    assert 'name="version" value="1"' in _text(aisha.get(url))
    first = bolat.post(url, {"version": 1, "reassessed": "on", "answer-meets.a": "met"})
    assert first.status_code == 302
    late = aisha.post(
        url,
        {
            "version": 1,
            "reassessed": "on",
            "answer-meets.a": "not_met",
            "finding-meets.a": "Typed by Aisha, not saved",
        },
    )
    assert late.status_code == 409
    page = _text(late)
    assert "Reload the latest version".lower() in page.lower()
    assert "Typed by Aisha, not saved" in page
    row = _row(assessment, "3.2")
    assert row.answers["meets.a"] == "met" and row.version == 2 and not row.findings


def test_a_viewer_may_not_save_an_indicator(world, assessment):
    response = signed_in(world.sara).post(
        _url("indicator", assessment.pk, "1.1"), {"version": 1, "reassessed": "on"}
    )
    assert response.status_code == 403


def test_the_preview_computes_without_saving_even_for_a_viewer(world, assessment):
    client = signed_in(world.sara)
    body = {"answer-approaches.a": "met", "answer-approaches.b": "met"}
    full = client.post(_url("indicator-preview", assessment.pk, "1.1"), body)
    assert full.status_code == 200 and "Rating preview (not saved)" in _text(full)
    partial = client.post(
        _url("indicator-preview", assessment.pk, "1.1"), body, headers={"HX-Request": "true"}
    )
    assert partial.status_code == 200 and "<html" not in _text(partial)
    assert "Approaches minimum requirements" in _text(partial)
    row = _row(assessment, "1.1")
    assert row.version == 1 and row.computed_level == "" and not row.answers


def test_the_preview_names_inputs_out_of_range(world, assessment):
    response = signed_in(world.bolat).post(
        _url("indicator-preview", assessment.pk, "1.3"),
        {"input-pct_indicators": "300"},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200 and "Share of Cooperation Framework" in _text(response)


def test_an_unknown_indicator_is_404(world, assessment):
    assert signed_in(world.aisha).get(_url("indicator", assessment.pk, "9.9")).status_code == 404


# --- import -----------------------------------------------------------------------------------


def _import(client, organisation, name, data):
    from django.core.files.uploadedfile import SimpleUploadedFile

    body = {"organisation": organisation.pk, "file": SimpleUploadedFile(name, data)}
    return client.post(_url("assessment-import"), body)


def test_importing_the_seed_through_the_page_gives_15_indicators(world, swap, seed_text):
    client = signed_in(world.aisha)
    response = _import(client, world.unct, "kazakhstan-2022.txt", seed_text.encode())
    imported = Assessment.objects.get()
    assert response.status_code == 302 and response["Location"] == _url("assessment", imported.pk)
    assert imported.indicators.count() == 15 and imported.year == 2022
    page = _text(client.get(response["Location"]))
    assert "15 indicators" in page and "Gaukhar Nursha" in _section(client, imported, "team")
    again = _import(client, world.unct, "kazakhstan-2022.txt", seed_text.encode())
    assert again.status_code == 302 and Assessment.objects.count() == 1
    assert "no change" in _text(client.get(again["Location"]))


def test_a_broken_report_shows_its_lines_and_creates_nothing(world, swap, seed_text):
    broken = seed_text.replace(
        "PI 2.2 Communication & Advocacy\tEXCEEDS", "PI 2.2 Communication & Advocacy\tSUPERB"
    )
    response = _import(signed_in(world.aisha), world.unct, "broken.txt", broken.encode())
    assert response.status_code == 400
    assert re.search(r"Line \d+</?", _text(response)) or re.search(r"Line \d+:", _text(response))
    assert "Nothing was kept" in _text(response)
    assert not Assessment.objects.exists()


def test_a_file_that_is_not_utf8_text_is_refused(world, swap):
    response = _import(signed_in(world.aisha), world.unct, "r.txt", "Informe año".encode("cp1252"))
    assert response.status_code == 400 and "not UTF-8" in _text(response)


def test_a_viewer_may_not_import(world, swap, seed_text):
    client = signed_in(world.sara)
    assert "may import reports only" in _text(client.get(_url("assessment-import")))
    response = _import(client, world.unct, "k.txt", seed_text.encode())
    assert response.status_code == 403 and not Assessment.objects.exists()
