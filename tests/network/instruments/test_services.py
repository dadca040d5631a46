"""Publishing instruments, rounds, mappings and recording answers: permission, checks by
type and code list, isolation between partners, audit, erasure."""

from __future__ import annotations

from datetime import date

import pytest

from cometa.accounts.acting import SYSTEM
from cometa.accounts.audit import AuditEntry
from cometa.core.errors import Conflict, NotPermitted, ValidationFailed
from cometa.network.models import Answer, Instrument, Question, Round, SurveyResponse
from cometa.network.services import erasure, participants
from cometa.network.services.surveys import (
    instrument_publish,
    instrument_xlsform,
    mapping_save,
    response_record,
    round_dates,
)
from cometa.network.survey.definition import shipped_get
from cometa.network.survey.xlsform import xform

pytestmark = pytest.mark.django_db
DAY = date(2025, 3, 1)


def _followup_round(forms, code="fu6") -> Round:  # type: ignore[no-untyped-def]
    return Round.objects.get(instrument=forms["cometa-followup"], round=code)


def test_publishing_again_changes_nothing_and_a_change_needs_a_new_version(net, forms):
    data = shipped_get("cometa-exit").model_dump(mode="json")  # type: ignore[union-attr]
    same, created = instrument_publish(actor=net.bea, network=net.network, definition=data)
    assert not created and same == forms["cometa-exit"]
    changed = {**data, "title": {**data["title"], "en": "Exit survey, revised"}}
    with pytest.raises(Conflict):
        instrument_publish(actor=net.bea, network=net.network, definition=changed)
    second, created = instrument_publish(
        actor=net.bea, network=net.network, definition={**changed, "version": 2}
    )
    assert created and second.version == 2
    assert Instrument.objects.filter(code="cometa-exit").count() == 2
    assert Question.objects.filter(instrument=second).count() == 3
    assert AuditEntry.objects.filter(action="network.instrument.publish").count() == 5


def test_only_the_backbone_publishes_and_a_wrong_definition_names_its_problems(net, forms):
    data = shipped_get("cometa-exit").model_dump(mode="json")  # type: ignore[union-attr]
    with pytest.raises(NotPermitted):
        instrument_publish(actor=net.pablo, network=net.network, definition=data)
    data["questions"][0]["field"] = "profile.education"
    with pytest.raises(ValidationFailed) as refused:
        instrument_publish(actor=net.bea, network=net.network, definition=data)
    assert "reasons" in refused.value.errors["definition"][0]


def test_answers_are_checked_by_type_and_code_list(net, forms):
    ana = net.register(net.cemex)
    with pytest.raises(ValidationFailed) as refused:
        response_record(
            actor=net.sofia,
            round=_followup_round(forms),
            participant=ana,
            collected_on=DAY,
            answers={"income_band": "rich", "months_in_work": "13", "colour": "red"},
        )
    assert set(refused.value.errors) == {"income_band", "months_in_work", "colour", "work_status"}
    response = response_record(
        actor=net.sofia,
        round=_followup_round(forms),
        participant=ana,
        collected_on=DAY,
        answers={"work_status": "self_employed", "has_business": "sí", "months_in_work": 7},
    )
    stored = {a.question.name: (a.code, a.number) for a in Answer.objects.filter(response=response)}
    assert stored == {
        "work_status": ("self_employed", None),
        "has_business": ("yes", None),
        "months_in_work": ("", 7),
    }
    assert AuditEntry.objects.filter(action="network.survey.respond").count() == 1
    with pytest.raises(Conflict):
        response_record(
            actor=net.sofia,
            round=_followup_round(forms),
            participant=ana,
            collected_on=DAY,
            answers={"work_status": "employed"},
        )


def test_another_partner_records_nothing_for_her(net, forms):
    ana = net.register(net.cemex)
    for actor in (net.quim, net.vera, net.bea):
        with pytest.raises(NotPermitted):
            response_record(
                actor=actor,
                round=_followup_round(forms),
                participant=ana,
                collected_on=DAY,
                answers={"work_status": "employed"},
            )
    assert not SurveyResponse.objects.exists()


def test_no_answers_without_consent_or_outside_the_round(net, forms):
    ana = net.register(net.cemex)
    consent = ana.consents.get(purpose="take_part")
    participants.consent_withdraw(actor=net.pablo, consent=consent, withdrawn_on=DAY)
    with pytest.raises(ValidationFailed, match="consent"):
        response_record(
            actor=net.pablo, round=_followup_round(forms), participant=ana, collected_on=DAY,
            answers={"work_status": "employed"},
        )  # fmt: skip
    eva = net.register(net.cemex)
    round = round_dates(
        actor=net.bea, round=_followup_round(forms), opens_on=date(2025, 4, 1), closes_on=None
    )
    with pytest.raises(ValidationFailed) as refused:
        response_record(
            actor=net.pablo, round=round, participant=eva, collected_on=DAY,
            answers={"work_status": "employed"},
        )  # fmt: skip
    assert list(refused.value.errors) == ["collected_on"]
    with pytest.raises(NotPermitted):
        round_dates(actor=net.pablo, round=round, opens_on=None, closes_on=None)


def test_a_mapping_points_only_at_the_forms_fields(net, forms):
    with pytest.raises(ValidationFailed):
        mapping_save(
            actor=net.pablo, member=net.cemex, instrument=forms["cometa-exit"],
            columns={"Trabajo": "salary"},
        )  # fmt: skip
    with pytest.raises(NotPermitted):
        mapping_save(
            actor=net.quim, member=net.cemex, instrument=forms["cometa-exit"],
            columns={"Trabajo": "work_status"},
        )  # fmt: skip
    saved = mapping_save(
        actor=net.pablo, member=net.cemex, instrument=forms["cometa-exit"],
        columns={"Trabajo": "work_status", "ID": "source_id"},
    )  # fmt: skip
    assert saved.columns["ID"] == "source_id"


def test_erasure_removes_her_answers_and_the_submission_id(net, forms):
    ana = net.register(net.cemex)
    response_record(
        actor=net.pablo, round=Round.objects.get(instrument=forms["cometa-exit"]),
        participant=ana, collected_on=DAY, answers={"could_improve": "MARKER-ÑANDÚ"},
        source_system="kobo", source_id="uuid-marker",
    )  # fmt: skip
    erasure.participant_erase(actor=net.pablo, participant=ana, reason="her_request")
    assert not Answer.objects.exists()
    response = SurveyResponse.objects.get()
    assert (response.source_system, response.source_id) == ("", "")


def test_the_xlsform_is_handed_to_people_of_the_network_only(net, forms, world):
    content = instrument_xlsform(actor=net.vera, instrument=forms["cometa-endline"])
    assert content.startswith(b"PK")
    again = instrument_xlsform(actor=SYSTEM, instrument=forms["cometa-endline"])
    assert xform(again) == xform(content)  # the same form (the workbook's dates may differ)
    with pytest.raises(NotPermitted):
        instrument_xlsform(actor=world.oscar, instrument=forms["cometa-endline"])
