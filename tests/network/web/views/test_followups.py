"""The follow-up worklist: who is due, overdue or unreachable, and recording attempts and
answers through the progress services."""

from __future__ import annotations

import time_machine

from cometa.network.models import ContactAttempt, FollowUpTask
from tests.conftest import signed_in
from tests.network.story import NAME, OTHER_NAME, PHONE

DUE_DAY = "2024-12-02 10:00"  # her 3-month follow-up fell due on 30 November


def _worklist(net, person, standing=""):  # type: ignore[no-untyped-def]
    url = f"/network/{net.network.pk}/followups/"
    return signed_in(person).get(url + (f"?standing={standing}" if standing else ""))


@time_machine.travel(DUE_DAY, tick=False)
def test_field_staff_see_their_women_due_with_name_and_phone(net, story):
    page = _worklist(net, net.pablo, "due").content.decode()
    assert story.woman.code in page and NAME in page and PHONE in page
    assert story.other.code not in page and OTHER_NAME not in page
    assert story.woman.code not in _worklist(net, net.pablo, "unreachable").content.decode()


@time_machine.travel(DUE_DAY, tick=False)
def test_the_backbone_sees_codes_and_no_names(net, story):
    page = _worklist(net, net.bea).content.decode()
    assert story.woman.code in page and NAME not in page and PHONE not in page


@time_machine.travel(DUE_DAY, tick=False)
def test_three_failed_attempts_make_her_unreachable(net, story):
    url = f"/network/{net.network.pk}/followups/{story.task.pk}/attempt/"
    for hour in ("09", "11", "13"):
        body = {"attempted_at": f"2024-12-02T{hour}:00", "mode": "phone", "result": "no_answer"}
        assert signed_in(net.pablo).post(url, body).status_code == 302
    assert ContactAttempt.objects.filter(task=story.task).count() == 3
    assert story.woman.code in _worklist(net, net.pablo, "unreachable").content.decode()


@time_machine.travel(DUE_DAY, tick=False)
def test_her_answers_close_the_task(net, story):
    url = f"/network/{net.network.pk}/followups/{story.task.pk}/respond/"
    body = {"responded_on": "2024-12-02", "work_status": "employed", "has_business": "true"}
    assert signed_in(net.vera).post(url, body).status_code == 403
    assert signed_in(net.quim).post(url, body).status_code == 404
    assert signed_in(net.pablo).post(url, body).status_code == 302
    task = FollowUpTask.objects.get(pk=story.task.pk)
    assert (task.status, task.work_status, task.has_business) == ("completed", "employed", True)
    assert story.woman.code not in _worklist(net, net.pablo).content.decode()
