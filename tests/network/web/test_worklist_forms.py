"""The worklist renders each row's two forms once and copies them per task: every copy
carries its own task's ids, and posting one of them records for that task."""

from __future__ import annotations

import time_machine

from cometa.network.models import ContactAttempt
from tests.conftest import signed_in


@time_machine.travel("2024-12-02 10:00", tick=False)
def test_each_rows_forms_carry_its_tasks_ids(net, story):
    page = signed_in(net.pablo).get(f"/network/{net.network.pk}/followups/").content.decode()
    pk = story.task.pk
    assert f'id="a{pk}-mode"' in page and f'for="r{pk}-work_status"' in page
    assert "__task__" not in page
    response = signed_in(net.pablo).post(
        f"/network/{net.network.pk}/followups/{pk}/attempt/",
        {"attempted_at": "2024-12-02T10:00", "mode": "phone", "result": "no_answer"},
    )
    assert response.status_code == 302
    assert ContactAttempt.objects.filter(task_id=pk).count() == 1
