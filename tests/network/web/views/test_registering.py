"""Registering a woman with a partner and enrolling her in one of its cohorts."""

from __future__ import annotations

from cometa.network.models import Enrolment, Identity, Participant
from tests.conftest import signed_in

FORM = {
    "given_names": "Guadalupe",
    "family_names": "Hernández",
    "phone": "+52 33 5555 0000",
    "registered_on": "2024-02-05",
    "take_part": "on",
    "share_backbone": "on",
    "birth_year": "1990",
    "education": "upper_sec",
}


def test_an_editor_registers_her_with_identity_apart_and_her_consents(net):
    url = f"/network/{net.network.pk}/participants/new/"
    assert signed_in(net.pablo).get(url).status_code == 200
    response = signed_in(net.pablo).post(url, {**FORM, "member": net.cemex.pk})
    assert response.status_code == 302, response.content[:500]
    her = Participant.objects.get(member=net.cemex)
    assert Identity.objects.get(participant=her).family_names == "Hernández"
    assert her.birth_year == 1990
    assert sorted(her.consents.values_list("purpose", flat=True)) == ["share_backbone", "take_part"]


def test_registration_needs_consent_and_a_partner_the_person_edits(net):
    url = f"/network/{net.network.pk}/participants/new/"
    refused = signed_in(net.pablo).post(url, {**FORM, "member": net.promexico.pk})
    assert refused.status_code == 400
    no_consent = {k: v for k, v in FORM.items() if k != "take_part"}
    assert signed_in(net.pablo).post(url, {**no_consent, "member": net.cemex.pk}).status_code == 400
    assert signed_in(net.vera).get(url).status_code == 403  # a viewer
    assert signed_in(net.bea).get(url).status_code == 403  # the backbone
    assert not Participant.objects.exists()


def test_her_editor_enrols_her_in_a_cohort_of_her_partner(net):
    her = net.register(net.cemex)
    url = f"/network/{net.network.pk}/participants/{her.code}/enrol/"
    body = {"cohort": net.cohort_a.pk, "enrolled_on": "2024-02-05", "mentor": net.mentor_a.pk}
    assert signed_in(net.vera).post(url, body).status_code == 403
    assert signed_in(net.quim).post(url, body).status_code == 404
    assert signed_in(net.pablo).post(url, {**body, "cohort": net.cohort_b.pk}).status_code == 302
    assert not Enrolment.objects.exists()  # another partner's cohort is not offered
    assert signed_in(net.pablo).post(url, body).status_code == 302
    assert Enrolment.objects.get(participant=her).mentor == net.mentor_a
