"""A member's membership pages: onboarding by the backbone, leaving, the exit survey its
coordinator answers and the backbone reads; another partner is not let in."""

from __future__ import annotations

from datetime import date

from cometa.accounts import services as accounts
from cometa.accounts.acting import SYSTEM
from cometa.accounts.models import AuditEntry
from cometa.network.models import ExitSurvey, MemberPeriod
from cometa.network.services import network
from tests.conftest import make_person, signed_in

SURVEY = {
    "answered_on": "2024-09-02",
    "experience": "2",
    "felt_heard": "false",
    "told_why": "true",
    "what_worked": "survey-worked-marker",
    "what_to_change": "Meet every month, as agreed",
}


def _url(net, member, tail: str = "membership/") -> str:  # type: ignore[no-untyped-def]
    return f"/network/{net.network.pk}/members/{member.pk}/{tail}"


def test_the_backbone_records_orientation_and_the_data_sharing_agreement(net):
    body = {
        "orientation_on": "2024-02-10",
        "agreement_signed_on": "2024-02-12",
        "agreement_scope": "pseudonymised",
    }
    assert signed_in(net.pablo).post(_url(net, net.cemex, "onboard/"), body).status_code == 403
    response = signed_in(net.bea).post(_url(net, net.cemex, "onboard/"), body)
    assert response.status_code == 302, response.content[:400]
    period = MemberPeriod.objects.get(member=net.cemex)
    assert period.agreement_signed_on == date(2024, 2, 12)
    assert period.agreement_scope == "pseudonymised"
    assert AuditEntry.objects.filter(action="network.member.onboard").count() == 1
    page = signed_in(net.vera).get(_url(net, net.cemex)).content.decode()
    assert "Pseudonymised participant records" in page and 'name="agreement_scope"' not in page


def test_an_agreement_without_its_scope_is_refused_on_the_form(net):
    body = {"agreement_signed_on": "2024-02-12"}
    response = signed_in(net.bea).post(_url(net, net.cemex, "onboard/"), body)
    assert response.status_code == 400
    assert "both a date and a scope" in response.content.decode()
    assert MemberPeriod.objects.get(member=net.cemex).agreement_signed_on is None


def test_leaving_then_the_exit_survey_read_by_the_backbone_only(net):
    leave = {"ends_on": "2024-08-31", "reason": "Funding ended"}
    assert signed_in(net.pablo).post(_url(net, net.cemex, "leave/"), leave).status_code == 403
    assert signed_in(net.bea).post(_url(net, net.cemex, "leave/"), leave).status_code == 302
    form = signed_in(net.pablo).get(_url(net, net.cemex)).content.decode()
    assert 'name="experience"' in form  # its coordinator is asked
    assert signed_in(net.vera).post(_url(net, net.cemex, "exit-survey/"), SURVEY).status_code == 403
    answered = signed_in(net.pablo).post(_url(net, net.cemex, "exit-survey/"), SURVEY)
    assert answered.status_code == 302, answered.content[:400]
    survey = ExitSurvey.objects.get()
    assert survey.experience == 2 and survey.felt_heard is False and survey.told_why is True
    again = signed_in(net.pablo).post(_url(net, net.cemex, "exit-survey/"), SURVEY)
    assert again.status_code == 400 and ExitSurvey.objects.count() == 1
    surveys = f"/network/{net.network.pk}/exit-surveys/"
    assert "survey-worked-marker" in signed_in(net.bea).get(surveys).content.decode()
    assert "survey-worked-marker" in signed_in(net.bea).get(_url(net, net.cemex)).content.decode()
    assert "survey-worked-marker" not in signed_in(net.vera).get(surveys).content.decode()
    assert "survey-worked-marker" not in signed_in(net.quim).get(surveys).content.decode()


def test_another_partner_finds_no_membership(net):
    assert signed_in(net.quim).get(_url(net, net.cemex)).status_code == 404
    assert signed_in(net.quim).post(_url(net, net.cemex, "leave/"), {}).status_code == 404
    outsider = make_person("nobody@example.org", "Nobody")
    assert signed_in(outsider).get(_url(net, net.cemex)).status_code == 404
    assert signed_in(net.quim).get(_url(net, net.promexico)).status_code == 200
    member_page = signed_in(net.quim).get(f"/network/{net.network.pk}/members/{net.cemex.pk}/")
    assert _url(net, net.cemex) not in member_page.content.decode()  # no link to a 404


def test_the_survey_waits_for_the_membership_to_end(net):
    network.member_leave(actor=net.bea, member=net.cemex, ends_on=date(2024, 8, 31), reason="")
    network.member_join(
        actor=net.bea, network=net.network, organisation=net.cemex.organisation,
        starts_on=date(2025, 1, 1),
    )  # fmt: skip
    # the survey of the ended period is still owed, and the new period is open
    answered = signed_in(net.pablo).post(_url(net, net.cemex, "exit-survey/"), SURVEY)
    assert answered.status_code == 302
    assert ExitSurvey.objects.get().period.ends_on == date(2024, 8, 31)
    refused = signed_in(net.pablo).post(_url(net, net.promexico, "exit-survey/"), SURVEY)
    assert refused.status_code == 404  # Pablo is not ProMéxico's staff


def test_the_backbone_adds_a_member_then_onboards_it(net):
    funder = accounts.organisation_create(
        actor=SYSTEM, name="Fundación Jalisco", kind="funder", parent=net.backbone
    )
    url = f"/network/{net.network.pk}/members/new/"
    assert signed_in(net.pablo).get(url).status_code == 403
    form = signed_in(net.bea).get(url).content.decode()
    assert "Fundación Jalisco" in form and "CEMEX Centro" not in form  # a member already
    taken = {"organisation": net.cemex.organisation_id, "starts_on": "2024-05-01"}
    assert signed_in(net.bea).post(url, taken).status_code == 400
    response = signed_in(net.bea).post(url, {"organisation": funder.pk, "starts_on": "2024-05-01"})
    assert response.status_code == 302, response.content[:400]
    period = MemberPeriod.objects.get(member__organisation=funder)
    assert period.starts_on == date(2024, 5, 1) and period.orientation_on is None
    assert response["Location"] == _url(net, period.member)
