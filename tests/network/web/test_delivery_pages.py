"""Sites, programmes, cohorts and sessions: a partner's staff see and run their own
member's, the backbone sees every member's, another partner's are not found."""

from __future__ import annotations

from datetime import date

from cometa.network.models import Cohort, Programme, Session, Site
from cometa.network.services import delivery
from tests.conftest import make_person, signed_in

SITE = {"name": "Centro Tlaquepaque", "kind": "learning_centre", "state_code": "14",
        "municipality_code": "14098", "urbanisation": "R"}  # fmt: skip


def _base(net) -> str:  # type: ignore[no-untyped-def]
    return f"/network/{net.network.pk}/"


def test_partner_staff_see_their_own_sites_and_the_backbone_sees_all(net):
    mine = signed_in(net.vera).get(_base(net) + "sites/").content.decode()
    assert "Centro Comunitario CEMEX" in mine and "Centro ProMéxico Tonalá" not in mine
    everything = signed_in(net.bea).get(_base(net) + "sites/").content.decode()
    assert "Centro Comunitario CEMEX" in everything and "Centro ProMéxico Tonalá" in everything
    other = net.cohort_b.site
    assert signed_in(net.pablo).get(_base(net) + f"sites/{other.pk}/").status_code == 404
    assert signed_in(net.pablo).get(_base(net) + f"cohorts/{net.cohort_b.pk}/").status_code == 404
    assert signed_in(net.bea).get(_base(net) + f"cohorts/{net.cohort_b.pk}/").status_code == 200
    outsider = make_person("nobody@example.org", "Nobody")
    assert signed_in(outsider).get(_base(net) + "sites/").status_code == 404


def test_an_editor_adds_a_site_for_her_member_only(net):
    url = _base(net) + "sites/"
    assert signed_in(net.vera).post(url, {**SITE, "member": net.cemex.pk}).status_code == 403
    refused = signed_in(net.pablo).post(url, {**SITE, "member": net.promexico.pk})
    assert refused.status_code == 400  # not one of the choices
    wrong = signed_in(net.pablo).post(
        url, {**SITE, "member": net.cemex.pk, "municipality_code": "09001"}
    )
    assert wrong.status_code == 400 and "five-digit INEGI code" in wrong.content.decode()
    assert signed_in(net.pablo).post(url, {**SITE, "member": net.cemex.pk}).status_code == 302
    site = Site.objects.get(name="Centro Tlaquepaque")
    assert site.member == net.cemex and site.urbanisation == "R"


def test_the_backbone_defines_programmes_with_their_pathways(net):
    url = _base(net) + "programmes/"
    body = {"code": "emp", "name": "Empleo", "pathways": ["employment", "life_skills"]}
    assert signed_in(net.pablo).post(url, body).status_code == 403
    assert signed_in(net.bea).post(url, body).status_code == 302
    programme = Programme.objects.get(code="EMP")
    assert sorted(programme.pathways.values_list("kind", flat=True)) == [
        "employment",
        "life_skills",
    ]
    assert "Life skills" in signed_in(net.quim).get(url).content.decode()


def test_an_editor_opens_a_cohort_and_adds_its_sessions(net):
    site = net.cohort_a.site
    url = _base(net) + f"sites/{site.pk}/cohorts/"
    teacher = net.cohort_a.instructor
    pathway = net.cohort_a.pathway
    body = {"pathway": pathway.pk, "code": "cmx-24b", "starts_on": "2024-09-02",
            "ends_on": "2024-12-13", "capacity": "20", "instructor": teacher.pk}  # fmt: skip
    assert signed_in(net.vera).post(url, body).status_code == 403
    assert signed_in(net.quim).post(url, body).status_code == 404
    backwards = signed_in(net.pablo).post(url, {**body, "ends_on": "2024-08-01"})
    assert backwards.status_code == 400
    assert (
        signed_in(net.pablo).post(url, {**body, "instructor": net.mentor_a.pk}).status_code == 400
    )
    response = signed_in(net.pablo).post(url, body)
    assert response.status_code == 302, response.content[:400]
    cohort = Cohort.objects.get(code="CMX-24B")
    assert cohort.capacity == 20 and cohort.instructor == teacher
    sessions = _base(net) + f"cohorts/{cohort.pk}/sessions/"
    outside = signed_in(net.pablo).post(sessions, {"held_on": "2025-01-10"})
    assert outside.status_code == 400 and "outside the cohort" in outside.content.decode()
    added = signed_in(net.pablo).post(sessions, {"held_on": "2024-09-03", "topic": "Costs"})
    session = Session.objects.get(cohort=cohort)
    assert added["Location"].endswith(f"/sessions/{session.pk}/attendance/")
    assert session.instructor == teacher  # the cohort's, when none is named
    page = signed_in(net.bea).get(_base(net) + f"cohorts/{cohort.pk}/").content.decode()
    assert "Costs" in page and 'name="held_on"' not in page  # the backbone reads only


def test_another_partner_s_instructor_is_no_choice(net):
    other_teacher = delivery.staff_create(
        actor=net.quim, member=net.promexico, name="Other teacher", role="instructor"
    )
    url = _base(net) + f"cohorts/{net.cohort_a.pk}/sessions/"
    body = {"held_on": "2024-03-01", "instructor": other_teacher.pk}
    assert signed_in(net.pablo).post(url, body).status_code == 400
    assert not Session.objects.filter(held_on=date(2024, 3, 1)).exists()
