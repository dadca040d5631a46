"""The knowledge products register: search, pages of results, and registering one."""

from __future__ import annotations

import pytest
from django.urls import reverse

from cometa.accounts.acting import SYSTEM
from cometa.results.inputs import KnowledgeContent
from cometa.results.models import KnowledgeProduct
from cometa.results.services import registers
from tests.conftest import signed_in

pytestmark = pytest.mark.django_db


def test_products_are_found_by_title_or_partner_and_paginated(offices):
    for number in range(30):
        registers.knowledge_product_save(
            actor=SYSTEM, office=offices.mexico,
            content=KnowledgeContent(f"Study {number:02}", "study", 2022, partners=["COLMEX"]),
        )  # fmt: skip
    registers.knowledge_product_save(
        actor=SYSTEM, office=offices.mexico,
        content=KnowledgeContent("Care systems guide", "methodology", 2021, partners=["INMUJERES"]),
    )  # fmt: skip
    client = signed_in(offices.vic)
    url = reverse("results:knowledge")
    first = client.get(url).content.decode()
    assert "31 products" in first and "Page 1 of 2" in first
    found = client.get(url, {"q": "inmujeres"}).content.decode()
    assert "Care systems guide" in found and "Study 01" not in found
    by_type = client.get(url, {"kind": "methodology"}).content.decode()
    assert "1 product" in by_type
    partial = client.get(url, {"q": "care"}, HTTP_HX_REQUEST="true").content.decode()
    assert "<h1>" not in partial and "Care systems guide" in partial
    assert "Register a knowledge product" not in first  # a viewer gets no form


def test_an_editor_registers_a_product_and_sees_field_errors(offices):
    client = signed_in(offices.elena)
    url = reverse("results:knowledge")
    sent = {
        "office": offices.mexico.pk,
        "title": "Gender statistics atlas",
        "kind": "data",
        "year": 2022,
    }
    bad = client.post(url, {**sent, "url": "ftp://example.org/atlas"})
    assert bad.status_code == 400
    assert "Link: Give a web address starting with https://." in bad.content.decode()
    assert client.post(url, {**sent, "partners": "INEGI\nINMUJERES"}).status_code == 302
    product = KnowledgeProduct.objects.get()
    assert product.partner_list == ["INEGI", "INMUJERES"]
    other = {**sent, "office": offices.kazakhstan.pk}
    assert client.post(url, other).status_code == 404  # an office she does not read


def test_the_audit_trail_links_results_rows_to_their_pages(offices):
    from cometa.core.registry import registry

    outcome_page = reverse("results:outcome", args=[offices.outcome.pk])
    link = registry.object_link
    assert link(offices.vic, "results.outcome", str(offices.outcome.pk)) == outcome_page
    assert link(offices.vic, "results.output", str(offices.output.pk)) == outcome_page
    assert link(offices.vic, "results.plan", str(offices.plan.pk)) == reverse(
        "results:plan", args=[offices.plan.pk]
    )
    assert link(offices.vic, "results.resultindicator", str(offices.enrolled.pk)) == reverse(
        "results:values", args=[offices.enrolled.pk]
    )
    assert link(offices.kai, "results.outcome", str(offices.outcome.pk)) is None  # not his
    assert link(offices.vic, "results.partner", "999999") is None  # gone
