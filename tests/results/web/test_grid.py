"""The data-entry grid of an attached indicator: rows by disaggregation, validation as
people type and on submit, what is missing, saving all cells at once, and two people
entering the same cell at once."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from django.urls import reverse

from cometa.accounts.acting import SYSTEM
from cometa.accounts.models import AuditEntry
from cometa.indicators.models import IndicatorValue
from cometa.indicators.periods import year
from cometa.results.inputs import ValueInput
from cometa.results.services import values
from tests.conftest import signed_in

pytestmark = pytest.mark.django_db


def _url(offices, path="", period="2022"):
    return reverse(f"results:values{path}", args=[offices.enrolled.pk]) + f"?period={period}"


def _index(html: str, key: str) -> int:
    match = re.search(rf'name="row-(\d+)" value="{re.escape(key)}"', html)
    assert match, key
    return int(match[1])


def _stored(offices, kind="actual", key=""):
    row = offices.enrolled.values.filter(kind=kind, key=key, period_start=year(2022).start).first()
    return None if row is None else row.value


def test_rows_are_the_total_then_each_code_of_each_dimension(offices):
    html = signed_in(offices.elena).get(_url(offices)).content.decode()
    assert _index(html, "") == 0
    assert _index(html, "age=Y15T24") > 0
    assert _index(html, "indigenous=IND_SELF") > _index(html, "age=Y15T24")
    assert "age=Y15T24;indigenous" not in html  # one dimension at a time
    assert 'name="c-0-actual"' in html and 'name="c-0-baseline"' in html
    assert "What is missing" in html


def test_a_viewer_reads_the_grid_without_inputs(offices):
    response = signed_in(offices.vic).get(_url(offices))
    assert response.status_code == 200
    assert 'name="c-0-actual"' not in response.content.decode()
    assert signed_in(offices.vic).post(_url(offices), {"c-0-actual": "1"}).status_code == 403
    assert signed_in(offices.kai).get(_url(offices)).status_code == 404


def test_every_cell_is_saved_at_once_with_an_audit_entry_each(offices):
    client = signed_in(offices.elena)
    html = client.get(_url(offices)).content.decode()
    young, older = _index(html, "age=Y15T24"), _index(html, "age=Y25T34")
    sent = {
        "c-0-actual": "30",
        "c-0-actual-rev": "0",
        f"c-{young}-actual": "10",
        f"c-{young}-actual-rev": "0",
        f"c-{older}-actual": "20",
        f"c-{older}-actual-rev": "0",
        "c-0-target": "40",
        "c-0-target-rev": "0",
    }
    response = client.post(_url(offices), sent)
    assert response.status_code == 302
    assert _stored(offices) == Decimal(30)
    assert _stored(offices, key="age=Y15T24") == Decimal(10)
    assert _stored(offices, kind="target") == Decimal(40)
    assert AuditEntry.objects.filter(action="results.value.record").count() == 4
    # Sending the same values again changes nothing and writes no entry.
    again = {name: value for name, value in sent.items() if not name.endswith("-rev")}
    again |= {f"{name}-rev": "1" for name in again}
    assert client.post(_url(offices), again).status_code == 302
    assert AuditEntry.objects.filter(action="results.value.record").count() == 4


def test_a_bad_cell_is_named_and_nothing_is_saved(offices):
    client = signed_in(offices.elena)
    html = client.get(_url(offices)).content.decode()
    young = _index(html, "age=Y15T24")
    response = client.post(
        _url(offices),
        {"c-0-actual": "2,763", "c-0-actual-rev": "0", f"c-{young}-actual": "10"},
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "There is a problem" in page
    assert "Actual, Total: write 2,763 without a thousands separator" in page
    assert 'href="#id_c-0-actual"' in page  # the summary links to the cell
    assert 'value="2,763"' in page  # what was typed stays
    assert IndicatorValue.objects.count() == 0


def test_a_value_refused_by_the_service_is_named_and_nothing_is_saved(offices):
    client = signed_in(offices.elena)
    response = client.post(_url(offices, period="2030"), {"c-0-actual": "5", "c-0-target": "6"})
    assert response.status_code == 400
    assert "Actual, Total: Targets and actuals fall within the plan" in response.content.decode()
    assert IndicatorValue.objects.count() == 0
    assert not AuditEntry.objects.filter(action="results.value.record").exists()


def test_two_people_entering_the_same_cell_lose_nothing(offices):
    client = signed_in(offices.elena)
    client.get(_url(offices))  # Elena opens the empty grid (revision 0 everywhere) ...
    values.value_record(  # ... Vic's colleague saves the total first
        actor=SYSTEM,
        indicator=offices.enrolled,
        value=ValueInput("actual", year(2022), "", Decimal(2763)),
        expected_revision=0,
    )
    response = client.post(
        _url(offices),
        {"c-0-actual": "2700", "c-0-actual-rev": "0", "c-0-target": "3000", "c-0-target-rev": "0"},
    )
    assert response.status_code == 409
    page = response.content.decode()
    assert "Someone else changed some of these values" in page
    assert "Saved meanwhile by someone else: 2763" in page
    assert 'value="2700"' in page  # hers is kept on the page
    assert "reload the latest version" in page
    assert _stored(offices) == Decimal(2763)  # theirs is untouched
    assert _stored(offices, kind="target") is None  # and nothing of hers was saved


def test_the_check_as_one_types_answers_the_cell_message(offices):
    client = signed_in(offices.elena)
    bad = client.post(
        _url(offices, "-check"), {"cell": "c-0-actual", "c-0-actual": "lots", "label": "Total"}
    )
    assert bad.status_code == 200
    assert 'id="err-c-0-actual"' in bad.content.decode()
    assert "Actual, Total: lots is not a number" in bad.content.decode()
    good = client.post(_url(offices, "-check"), {"cell": "c-0-actual", "c-0-actual": "12"})
    assert "not a number" not in good.content.decode()
    # The grid's inputs ask for that check as they change.
    html = client.get(_url(offices)).content.decode()
    assert f'hx-post="{reverse("results:values-check", args=[offices.enrolled.pk])}"' in html


def test_what_is_missing_and_parts_that_do_not_add_up(offices):
    for key, value in (("", 30), ("age=Y15T24", 10), ("age=Y25T34", 15)):
        values.value_record(
            actor=SYSTEM,
            indicator=offices.enrolled,
            value=ValueInput("actual", year(2022), key, Decimal(value)),
            expected_revision=0,
        )
    client = signed_in(offices.elena)
    page = client.get(_url(offices)).content.decode()
    assert "Baseline: 14 empty cells" in page
    assert "add up to 25, the total is 30" in page
    response = client.post(
        _url(offices, "-reason"),
        {"kind": "actual", "key": "", "dimension": "age", "reason": "Five gave no age."},
    )
    assert response.status_code == 302
    assert "Five gave no age." in client.get(_url(offices)).content.decode()
    assert AuditEntry.objects.filter(action="results.value.total_reason").count() == 1


def test_a_grid_whose_rows_changed_since_it_was_opened_is_refused(offices):
    client = signed_in(offices.elena)
    response = client.post(_url(offices), {"row-1": "age=Y_GE65", "c-1-actual": "5"})
    assert response.status_code == 409
    assert "rows changed since you opened it." in response.content.decode()
    assert IndicatorValue.objects.count() == 0


def _form(html: str) -> dict[str, str]:
    """The grid's inputs as the browser would send them untouched."""
    fields = re.findall(
        r'<input type="(?:text|hidden)"[^>]*?name="([^"]+)"[^>]*?value="([^"]*)"', html
    )
    return {name: value for name, value in fields if name != "csrfmiddlewaretoken"}


def test_two_people_entering_different_cells_at_once_both_save(offices):
    elena, ada = signed_in(offices.elena), signed_in(offices.world.ada)
    mine = _form(elena.get(_url(offices)).content.decode())
    theirs = _form(ada.get(_url(offices)).content.decode())
    assert mine["c-0-actual"] == "" and mine["c-0-actual-was"] == ""
    young = _index(elena.get(_url(offices)).content.decode(), "age=Y15T24")
    assert ada.post(_url(offices), {**theirs, "c-0-actual": "30"}).status_code == 302
    # Elena's page still shows the total empty: she leaves it and types a part.
    response = elena.post(_url(offices), {**mine, f"c-{young}-actual": "10"})
    assert response.status_code == 302
    assert _stored(offices) == Decimal(30)
    assert _stored(offices, key="age=Y15T24") == Decimal(10)
