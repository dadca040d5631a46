"""The demo's UN Women Mexico (2022) and Kazakhstan plans, built once per test through the
demo loader, and a reviewer who reads every office."""

from __future__ import annotations

import pytest

from cometa.accounts.models import Organisation, Person
from cometa.demo.accounts import build_accounts
from cometa.demo.results import build_results
from cometa.results.report import selectors
from cometa.results.report.data import ReportData
from tests.conftest import make_person


@pytest.fixture
def mexico(db) -> Organisation:
    build_accounts()
    build_results(lambda note: None)
    return Organisation.objects.get(name="UN Women Mexico")


@pytest.fixture
def reader(db) -> Person:
    return make_person("reader@example.org", "Reader", admin=True)


@pytest.fixture
def report(mexico, reader) -> ReportData:
    return selectors.report_data(reader, mexico.pk, 2022)
