"""Staff and their training against the baseline schema (overdue flagged), mentor load
against the network's limit with a warning, the schema and the limit."""

from __future__ import annotations

from datetime import date

import time_machine

from cometa.accounts.models import AuditEntry
from cometa.network.models import Staff, TrainingModule, TrainingRecord
from cometa.network.services import delivery, progress
from tests.conftest import make_person, signed_in


def _base(net) -> str:  # type: ignore[no-untyped-def]
    return f"/network/{net.network.pk}/"


def _schema(net):  # type: ignore[no-untyped-def]
    gender = delivery.training_module_create(
        actor=net.bea, network=net.network, code="gender", name="Gender perspective",
        refresher_months=12,
    )  # fmt: skip
    bias = delivery.training_module_create(
        actor=net.bea, network=net.network, code="bias", name="Unconscious bias",
        refresher_months=None,
    )  # fmt: skip
    return gender, bias


def test_partner_staff_see_their_own_people_the_backbone_everyone(net):
    mine = signed_in(net.vera).get(_base(net) + "staff/").content.decode()
    assert "CMX-24A mentor" in mine and "PMX-24A mentor" not in mine
    everyone = signed_in(net.bea).get(_base(net) + "staff/").content.decode()
    assert "CMX-24A mentor" in everyone and "PMX-24A mentor" in everyone
    other = _base(net) + f"staff/{net.mentor_b.pk}/"
    assert signed_in(net.pablo).get(other).status_code == 404
    assert signed_in(net.bea).get(other).status_code == 200
    outsider = make_person("nobody@example.org", "Nobody")
    assert signed_in(outsider).get(_base(net) + "staff/").status_code == 404


def test_an_editor_adds_staff_to_her_own_member(net):
    url = _base(net) + "staff/"
    body = {"member": net.cemex.pk, "name": "Lucía Psicóloga", "role": "psychologist"}
    assert signed_in(net.vera).post(url, body).status_code == 403
    assert signed_in(net.bea).post(url, body).status_code == 403  # the backbone has no staff here
    assert signed_in(net.sofia).post(url, {**body, "member": net.promexico.pk}).status_code == 400
    assert signed_in(net.sofia).post(url, body).status_code == 302
    assert Staff.objects.get(name="Lucía Psicóloga").member == net.cemex


@time_machine.travel("2025-06-01 10:00", tick=False)
def test_training_against_the_schema_flags_missing_and_overdue(net):
    gender, bias = _schema(net)
    mentor = net.mentor_a
    url = _base(net) + f"staff/{mentor.pk}/training/"
    assert (
        signed_in(net.vera)
        .post(url, {"module": gender.pk, "completed_on": "2024-01-10"})
        .status_code
        == 403
    )
    assert (
        signed_in(net.quim)
        .post(url, {"module": gender.pk, "completed_on": "2024-01-10"})
        .status_code
        == 404
    )
    future = signed_in(net.pablo).post(url, {"module": gender.pk, "completed_on": "2025-07-01"})
    assert future.status_code == 400
    assert (
        signed_in(net.pablo)
        .post(url, {"module": gender.pk, "completed_on": "2024-01-10"})
        .status_code
        == 302
    )
    assert TrainingRecord.objects.get().staff == mentor
    page = signed_in(net.vera).get(_base(net) + f"staff/{mentor.pk}/").content.decode()
    assert "Never taken" in page and "Overdue" in page  # bias never, gender due 2025-01-10
    listing = signed_in(net.vera).get(_base(net) + "staff/").content.decode()
    assert "2 modules behind" in listing
    signed_in(net.bea).post(url, {"module": gender.pk, "completed_on": "2025-05-20"})
    signed_in(net.bea).post(url, {"module": bias.pk, "completed_on": "2025-05-20"})
    page = signed_in(net.vera).get(_base(net) + f"staff/{mentor.pk}/").content.decode()
    assert "Never taken" not in page and "badge-missing" not in page


def test_the_backbone_sets_the_schema(net):
    url = _base(net) + "training/"
    body = {"code": "grad", "name": "Graduation model", "refresher_months": "24"}
    assert signed_in(net.pablo).post(url, body).status_code == 403
    assert signed_in(net.bea).post(url, {**body, "refresher_months": "0"}).status_code == 400
    assert signed_in(net.bea).post(url, body).status_code == 302
    assert TrainingModule.objects.get().refresher_months == 24
    assert "Graduation model" in signed_in(net.quim).get(url).content.decode()


def test_mentor_load_over_the_limit_warns_and_the_limit_is_configurable(net):
    for n in range(3):  # the fixture's limit is 2
        woman = net.register(net.cemex, name=f"Load {n}")
        progress.enrol(actor=net.pablo, participant=woman, cohort=net.cohort_a,
                       enrolled_on=date(2024, 2, 5), mentor=net.mentor_a)  # fmt: skip
    page = signed_in(net.vera).get(_base(net) + "staff/").content.decode()
    assert "1 mentor follows more women than the limit allows." in page
    assert "3 / 2" in page and "Over the limit" in page
    limit = _base(net) + "staff/mentor-limit/"
    assert signed_in(net.pablo).post(limit, {"mentor_limit": "5"}).status_code == 403
    assert signed_in(net.bea).post(limit, {"mentor_limit": "0"}).status_code == 400
    assert signed_in(net.bea).post(limit, {"mentor_limit": "5"}).status_code == 302
    net.network.refresh_from_db()
    assert net.network.mentor_limit == 5
    assert AuditEntry.objects.filter(action="network.mentor_limit").count() == 1
    page = signed_in(net.vera).get(_base(net) + "staff/").content.decode()
    assert "Over the limit" not in page and "3 / 5" in page
