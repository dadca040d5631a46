"""Every results page opens on the demo's offices (UN Women Mexico's eleven outcomes with
their facts, values and budgets, and Kazakhstan), so the pages hold real shapes of data."""

from __future__ import annotations

import pytest
from django.urls import reverse

from cometa.demo.accounts import build_accounts
from cometa.demo.results import build_results
from cometa.results.models import Outcome, Plan, ResultIndicator
from tests.conftest import make_person, signed_in

pytestmark = pytest.mark.django_db


def test_every_demo_page_opens(django_assert_max_num_queries):
    build_accounts()
    build_results(lambda note: None)
    client = signed_in(make_person("reader@example.org", "Reader", admin=True))
    urls = [reverse("results:plans"), reverse("results:knowledge"), reverse("results:budgets")]
    urls += [reverse("results:plan", args=[plan.pk]) for plan in Plan.objects.all()]
    urls += [
        reverse("results:outcome", args=[outcome.pk]) + "?year=2022"
        for outcome in Outcome.objects.all()
    ]
    urls += [
        reverse("results:values", args=[attached.pk]) + "?period=2022"
        for attached in ResultIndicator.objects.all()
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
    mexico = Plan.objects.get(office_code="MEX")
    page = client.get(reverse("results:plan", args=[mexico.pk])).content.decode()
    assert "XM-DAC-41146-MEX_D_1.1" in page and "Spotlight Initiative" in page
    with django_assert_max_num_queries(20):  # the plan page does not read per outcome
        client.get(reverse("results:plan", args=[mexico.pk]))
