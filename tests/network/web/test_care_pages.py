"""The pages that follow a woman: mentoring contacts, graduation criterion by criterion,
consents by purpose, a transfer (consent or an audited override), psychosocial flags and
referrals (designated people only; 404 for everyone else, another partner included)."""

from __future__ import annotations

import pytest

from cometa.accounts.models import AuditEntry
from cometa.network.models import (
    Consent,
    Enrolment,
    GraduationAssessment,
    MentoringContact,
    Participant,
    PsychosocialFlag,
    Referral,
)
from tests.conftest import signed_in
from tests.network.story import NOTE, PROVIDER


def _her(net, code: str) -> str:  # type: ignore[no-untyped-def]
    return f"/network/{net.network.pk}/participants/{code}/"


def _enrolment(net, pk: int) -> str:  # type: ignore[no-untyped-def]
    return f"/network/{net.network.pk}/enrolments/{pk}/"


def test_an_editor_records_a_mentoring_contact(net, story):
    url = _enrolment(net, story.enrolment.pk) + "mentoring/"
    assert signed_in(net.sofia).get(url).status_code == 200
    body = {"mentor": net.mentor_a.pk, "contacted_on": "2024-04-02", "mode": "whatsapp",
            "minutes": "20", "next_step": "bring the CV"}  # fmt: skip
    response = signed_in(net.sofia).post(url, body)
    assert response.status_code == 302
    assert MentoringContact.objects.filter(enrolment=story.enrolment, mode="whatsapp").exists()


def test_a_contact_before_her_enrolment_is_refused_on_the_form(net, story):
    url = _enrolment(net, story.enrolment.pk) + "mentoring/"
    body = {"mentor": net.mentor_a.pk, "contacted_on": "2020-01-01", "mode": "phone"}
    response = signed_in(net.sofia).post(url, body)
    assert response.status_code == 400
    assert "There is a problem" in response.content.decode()


def test_mentoring_is_not_for_viewers_the_backbone_or_another_partner(net, story):
    url = _enrolment(net, story.enrolment.pk) + "mentoring/"
    assert signed_in(net.vera).get(url).status_code == 403
    assert signed_in(net.quim).get(url).status_code == 404
    other = _enrolment(net, story.other_enrolment.pk) + "mentoring/"
    assert signed_in(net.pablo).get(other).status_code == 404


def test_graduation_is_judged_criterion_by_criterion(net, story):
    from cometa.network.models import GraduationCriterion

    GraduationCriterion.objects.create(
        network=net.network, code="business_plan", name="Business plan", method="observation"
    )
    GraduationCriterion.objects.create(
        network=net.network, code="savings", name="Savings", method="self_report",
        essential=False,
    )  # fmt: skip
    url = _enrolment(net, story.enrolment.pk) + "graduation/"
    page = signed_in(net.pablo).get(url).content.decode()
    assert "Business plan" in page and "Savings" in page
    response = signed_in(net.pablo).post(
        url, {"assessed_on": "2024-09-02", "c_business_plan": "met", "c_savings": "n_a"}
    )
    assert response.status_code == 302
    assessment = GraduationAssessment.objects.get(enrolment=story.enrolment)
    assert assessment.passed
    signed_in(net.pablo).post(url, {"assessed_on": "2024-09-03", "c_savings": "met"})
    assert not GraduationAssessment.objects.filter(assessed_on="2024-09-03").get().passed
    page = signed_in(net.pablo).get(url).content.decode()
    assert "does not meet them yet" in page


def test_consent_to_share_is_withdrawn_by_purpose(net, story):
    url = _her(net, story.woman.code) + "consents/"
    assert signed_in(net.vera).get(url).status_code == 403
    assert signed_in(net.quim).get(url).status_code == 404
    share = Consent.objects.get(participant=story.woman, purpose="share_backbone")
    response = signed_in(net.sofia).post(
        url, {"action": "withdraw", "withdraw-consent": share.pk,
              "withdraw-withdrawn_on": "2024-10-01"},
    )  # fmt: skip
    assert response.status_code == 302
    share.refresh_from_db()
    assert share.withdrawn_on is not None
    assert Consent.objects.get(participant=story.woman, purpose="take_part").withdrawn_on is None
    assert signed_in(net.bea).get(_her(net, story.woman.code)).status_code == 404


def test_a_consent_given_twice_is_refused(net, story):
    url = _her(net, story.woman.code) + "consents/"
    body = {"action": "give", "give-purpose": "take_part", "give-given_on": "2024-10-01"}
    response = signed_in(net.sofia).post(url, body)
    assert response.status_code == 400
    assert "already given" in response.content.decode()


def test_a_transfer_without_consent_needs_a_reason_which_is_audited(net, story):
    url = _her(net, story.woman.code) + "transfer/"
    body = {"to_member": net.promexico.pk, "on": "2024-10-01"}
    response = signed_in(net.pablo).post(url, body)
    assert response.status_code == 400 and "reason for overriding" in response.content.decode()
    assert Participant.objects.get(pk=story.woman.pk).member == net.cemex
    body["override_reason"] = "She moved to Tonalá"
    assert signed_in(net.pablo).post(url, body).status_code == 302
    assert Participant.objects.get(pk=story.woman.pk).member == net.promexico
    entry = AuditEntry.objects.filter(action="network.participant.transfer").latest("pk")
    assert entry.changes["override_reason"] == "She moved to Tonalá"
    assert signed_in(net.pablo).get(_her(net, story.woman.code)).status_code == 404
    assert signed_in(net.quim).get(_her(net, story.woman.code)).status_code == 200


def test_a_transfer_with_her_consent_needs_no_reason(net, story):
    consents = _her(net, story.woman.code) + "consents/"
    signed_in(net.pablo).post(
        consents, {"action": "give", "give-purpose": "transfer", "give-given_on": "2024-09-30"}
    )
    url = _her(net, story.woman.code) + "transfer/"
    response = signed_in(net.pablo).post(url, {"to_member": net.promexico.pk, "on": "2024-10-01"})
    assert response.status_code == 302
    assert Enrolment.objects.get(pk=story.enrolment.pk).status in ("completed", "transferred")
    assert Participant.objects.get(pk=story.woman.pk).member == net.promexico


def test_an_editor_raises_a_flag_but_only_the_designated_read_it(net, story):
    url = _her(net, story.woman.code) + "flags/new/"
    assert signed_in(net.vera).get(url).status_code == 403
    assert signed_in(net.quim).get(url).status_code == 404
    body = {"trigger": "mentor_concern", "severity": "priority", "raised_on": "2024-04-01",
            "note": "worried-marker-3a"}  # fmt: skip
    assert signed_in(net.pablo).post(url, body).status_code == 302
    flag = PsychosocialFlag.objects.get(note="worried-marker-3a")
    page = f"/network/{net.network.pk}/flags/{flag.pk}/"
    for person in (net.pablo, net.vera, net.quim, net.bea):
        response = signed_in(person).get(page)
        assert response.status_code == 404 and b"worried-marker-3a" not in response.content
    assert b"worried-marker-3a" not in signed_in(net.pablo).get(_her(net, story.woman.code)).content
    shown = signed_in(net.sofia).get(page)
    assert shown.status_code == 200 and b"worried-marker-3a" in shown.content
    assert AuditEntry.objects.filter(action="network.psychosocial.read", actor=net.sofia).exists()


@pytest.mark.parametrize("who", ["pablo", "vera", "quim", "bea"])
def test_only_the_designated_refer_or_move_a_flag(net, story, who):
    flag = PsychosocialFlag.objects.get(note=NOTE)
    base = f"/network/{net.network.pk}/flags/{flag.pk}/"
    person = getattr(net, who)
    refer = {"refer-service": "health", "refer-referred_on": "2024-03-05"}
    assert signed_in(person).post(base + "refer/", refer).status_code == 404
    assert (
        signed_in(person)
        .post(base + "move/", {"move-status": "closed", "move-on": "2024-03-05"})
        .status_code
        == 404
    )
    assert Referral.objects.filter(flag=flag).count() == 1


def test_the_designated_refer_and_close_a_flag(net, story):
    flag = PsychosocialFlag.objects.get(note=NOTE)
    base = f"/network/{net.network.pk}/flags/{flag.pk}/"
    page = signed_in(net.sofia).get(base).content.decode()
    assert NOTE in page and PROVIDER in page
    refer = {"refer-service": "health", "refer-referred_on": "2024-03-05",
             "refer-provider": "Centro de Salud"}  # fmt: skip
    assert signed_in(net.sofia).post(base + "refer/", refer).status_code == 302
    assert Referral.objects.filter(flag=flag).count() == 2
    moved = signed_in(net.sofia).post(
        base + "move/", {"move-status": "closed", "move-on": "2024-04-01"}
    )
    assert moved.status_code == 302
    flag.refresh_from_db()
    assert flag.status == "closed"
    bad = signed_in(net.sofia).post(
        base + "move/", {"move-status": "open", "move-on": "2024-04-02"}
    )
    assert bad.status_code == 400
