"""Kobo and ODK exports come back in through the form: every row checked, every error
reported, nothing written if any row fails, a dry run says the same, a re-import changes
nothing, accents survive every encoding."""

from __future__ import annotations

import io

import pytest
from openpyxl import Workbook

from cometa.accounts.audit import AuditEntry
from cometa.network.models import Answer, SurveyResponse
from cometa.network.services.importing import network_import
from cometa.network.services.surveys import mapping_save

pytestmark = pytest.mark.django_db

KOBO_HEADER = (
    "start;end;participant;collected_on;outcomes/work_status;outcomes/income_band;"
    "experience/helped_by;experience/confident_plan;experience/would_recommend;"
    "_id;_uuid;_submission_time;_index"
)


def _kobo(*rows: str) -> str:
    return "\n".join([KOBO_HEADER, *rows]) + "\n"


def _row(code: str, uuid: str, helped: str = "mentor peers", work: str = "employed") -> str:
    return (
        f"2025-03-01T10:00;2025-03-01T10:20;{code};2025-03-01;{work};below_lpi;"
        f"{helped};4;yes;17;{uuid};2025-03-01T10:21;1"
    )


def _import(
    net, forms, text, *, code="cometa-endline", dry_run=False, member=None, encoding="utf-8"
):  # type: ignore[no-untyped-def]
    return network_import(
        actor=net.pablo,
        member=member or net.cemex,
        kind="responses",
        content=text.encode(encoding) if isinstance(text, str) else text,
        dry_run=dry_run,
        instrument=forms[code],
    )


def test_a_kobo_export_comes_in_with_group_paths_and_spaced_codes(net, forms):
    ana, eva = net.register(net.cemex), net.register(net.cemex)
    report = _import(net, forms, _kobo(_row(ana.code, "a-1"), _row(eva.code, "e-1", "childcare")))
    assert report.errors == [] and report.counts.created == 2
    response = SurveyResponse.objects.get(participant=ana)
    assert (response.source_system, response.source_id) == ("kobo", "a-1")
    helped = Answer.objects.filter(response=response, question__name="helped_by")
    assert sorted(helped.values_list("code", flat=True)) == ["mentor", "peers"]
    work = Answer.objects.get(response=response, question__name="work_status")
    assert (work.code, work.question.field) == ("employed", "outcome.work_status")
    assert Answer.objects.get(response=response, question__name="would_recommend").code == "yes"
    assert AuditEntry.objects.filter(action="network.import").count() == 1


def test_every_error_is_reported_and_nothing_is_written(net, forms):
    ana = net.register(net.cemex)
    other = net.register(net.promexico)
    text = _kobo(
        _row(ana.code, "a-1", helped="mentor nobody"),
        _row(other.code, "o-1"),
        _row(ana.code, "a-2", work="astronaut"),
    )
    report = _import(net, forms, text)
    found = [(e.row, e.column, e.value) for e in report.errors]
    assert found == [
        (2, "helped_by", "mentor nobody"),
        (3, "participant", other.code),  # another partner's woman is simply not found
        (4, "work_status", "astronaut"),
    ]
    assert not SurveyResponse.objects.exists()
    assert all(e.message for e in report.errors)


def test_a_dry_run_gives_the_same_report_and_writes_nothing(net, forms):
    ana = net.register(net.cemex)
    text = _kobo(_row(ana.code, "a-1"), _row("NOPE123", "x-1"))
    dry = _import(net, forms, text, dry_run=True)
    real = _import(net, forms, text)
    assert dry.errors == real.errors and len(dry.errors) == 1
    good = _import(net, forms, _kobo(_row(ana.code, "a-1")), dry_run=True)
    assert good.errors == [] and good.counts.created == 1
    assert not SurveyResponse.objects.exists()


def test_importing_the_same_file_again_changes_nothing(net, forms):
    ana = net.register(net.cemex)
    text = _kobo(_row(ana.code, "a-1"))
    assert _import(net, forms, text).counts.created == 1
    again = _import(net, forms, text)
    assert again.errors == [] and (again.counts.created, again.counts.unchanged) == (0, 1)
    assert SurveyResponse.objects.count() == 1 and Answer.objects.count() == 6
    changed = _import(net, forms, _kobo(_row(ana.code, "a-1", work="unemployed")))
    assert [e.column for e in changed.errors] == ["participant"]
    assert Answer.objects.get(question__name="work_status").code == "employed"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252"])
def test_accented_text_survives_each_encoding(net, forms, encoding):
    ana = net.register(net.cemex)
    header = "participant,collected_on,outcomes/work_status,closing/wants_contact,_uuid\n"
    text = header + f"{ana.code},2025-03-01,employed,sí,u-1\n"
    code = "cometa-followup"
    report = _import(net, forms, text, code=code, encoding=encoding)
    # the follow-up form is answered in three rounds: the round column is required
    assert [(e.column, e.row) for e in report.errors] == [("round", 1)]
    text = (
        header.replace("participant", "round,participant")
        + f"fu3,{ana.code},2025-03-01,employed,sí,u-1\n"
    )
    report = _import(net, forms, text, code=code, encoding=encoding)
    assert report.errors == [] and report.counts.created == 1
    exit_text = (
        "participant,collected_on,could_improve,_uuid\n"
        + f"{ana.code},2025-03-01,Más horarios en la mañana,u-2\n"
    )
    report = _import(net, forms, exit_text, code="cometa-exit", encoding=encoding)
    assert report.errors == []
    assert Answer.objects.get(question__name="could_improve").text == "Más horarios en la mañana"


def test_an_odk_workbook_with_dashes_and_a_saved_mapping(net, forms):
    ana = net.register(net.cemex)
    book = Workbook()
    sheet = book.active
    sheet.append(
        [
            "SubmissionDate",
            "participant",
            "collected_on",
            "Trabajo",
            "outcomes-has_business",
            "meta-instanceID",
            "KEY",
        ]
    )
    sheet.append(
        ["2025-03-02", ana.code, "2025-03-01", "self_employed", "yes", "uuid:abc", "uuid:abc"]
    )
    content = io.BytesIO()
    book.save(content)
    report = _import(net, forms, content.getvalue(), code="cometa-exit")
    assert [(e.column, e.message != "") for e in report.errors] == [
        ("Trabajo", True),
        ("outcomes-has_business", True),
    ]
    mapping_save(
        actor=net.pablo,
        member=net.cemex,
        instrument=forms["cometa-exit"],
        columns={"Trabajo": "work_status", "outcomes-has_business": ""},
    )
    report = _import(net, forms, content.getvalue(), code="cometa-exit")
    assert report.errors == [] and report.encoding == "xlsx"
    response = SurveyResponse.objects.get()
    assert (response.source_system, response.source_id) == ("odk", "abc")
    assert Answer.objects.get(response=response).code == "self_employed"
