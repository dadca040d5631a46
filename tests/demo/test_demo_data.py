"""The demo built from its data files: the same demo as when it was written in Python, made
through the services only, and data files that are checked and shipped."""

from __future__ import annotations

import ast
import io
import tomllib
from collections import Counter
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import transaction
from django.db.models import Q, QuerySet

from cometa.accounts.models import AuditEntry, Membership, Organisation, Person
from cometa.demo import loading
from cometa.demo import network as network_demo
from cometa.demo import results as results_demo
from cometa.demo.build import build_demo
from cometa.demo.scorecards import demo_counts
from cometa.network.models import Member, Network
from cometa.scorecards.models import ActionPoint, Evidence, IndicatorAssessment, TeamMember

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "src" / "cometa" / "demo"
DATA = DEMO / "data"

# Counted on the demo as built by the Python module it replaced (scorecard_texts.py), before
# the move to data files: the move changes where the data lives, not the demo.
BEFORE = {
    "assessments": 36,
    "indicators": 530,
    "evidence": 221,
    "cycles": 9,
    "frameworks": 2,
    "teams": 9,
    "people": 15,
    "memberships": 14,
    "organisations": 18,
    "team members": 116,
    "actions": 106,
    "audit entries": 954,
    "reassessed": 264,
    "shared": 9,
    "good practices": 7,
}
LEVELS_BEFORE = {
    "missing": 49,
    "approaches": 212,
    "meets": 224,
    "exceeds": 25,
    "emerging": 11,
    "established": 9,
}


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        build_demo()
        yield
        transaction.set_rollback(True)


def _network_organisations() -> set[int]:
    """The generated network's backbone and partners (the network came later, with its
    own test: tests/demo/test_network_demo.py)."""
    net = Network.objects.get(name=network_demo.NAME)
    members = Member.objects.filter(network=net).values_list("organisation_id", flat=True)
    return {net.backbone_id, *members}


def _network_entries() -> QuerySet[AuditEntry]:
    return AuditEntry.objects.filter(
        Q(action__startswith="network.") | Q(organisation_id__in=_network_organisations())
    ).exclude(action__startswith="results.")


def _counts() -> dict[str, int]:
    evidence = Evidence.objects
    theirs = _network_organisations()
    return demo_counts() | {
        "people": Person.objects.count(),
        "memberships": Membership.objects.exclude(organisation_id__in=theirs).count(),
        "organisations": Organisation.objects.exclude(pk__in=theirs).count(),
        "team members": TeamMember.objects.count(),
        "actions": ActionPoint.objects.count(),
        # the results frameworks came later, with their own test (test_results.py)
        "audit entries": AuditEntry.objects.exclude(action__startswith="results.")
        .exclude(pk__in=_network_entries())
        .count(),
        "reassessed": IndicatorAssessment.objects.filter(reassessed=True).count(),
        "shared": evidence.filter(shared=True).count(),
        "good practices": evidence.filter(is_good_practice=True).count(),
    }


def test_the_demo_has_the_counts_it_had_before_the_data_files(demo):
    assert _counts() == BEFORE
    levels = Counter(row.level for row in IndicatorAssessment.objects.all())
    assert dict(levels) == LEVELS_BEFORE


def test_cometa_audit_verify_passes_after_the_demo(demo):
    out = io.StringIO()
    call_command("audit", "verify", stdout=out)
    results = AuditEntry.objects.filter(action__startswith="results.").count()
    results += _network_entries().count()
    assert f"Audit trail intact: {BEFORE['audit entries'] + results} entries" in out.getvalue()


def test_every_evidence_item_and_good_practice_has_its_audit_entry(demo):
    added = set(
        AuditEntry.objects.filter(action="assessment.evidence.add").values_list(
            "object_id", flat=True
        )
    )
    assert added == {str(pk) for pk in Evidence.objects.values_list("pk", flat=True)}
    marked = AuditEntry.objects.filter(action="assessment.evidence.good_practice")
    good = Evidence.objects.filter(is_good_practice=True).values_list("pk", flat=True)
    assert set(marked.values_list("object_id", flat=True)) == {str(pk) for pk in good}
    assert set(marked.values_list("actor_label", flat=True)) == {"system"}


def test_the_demo_code_writes_no_rows_or_audit_entries_itself():
    """Everything goes through the services: no model writes or audit calls in demo/."""
    for path in DEMO.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and node.attr in ("create", "bulk_create", "record"):
                raise AssertionError(f"{path.name}:{node.lineno}: .{node.attr} in the demo")
            if isinstance(node, ast.Name) and node.id == "AuditEntry":
                raise AssertionError(f"{path.name}:{node.lineno}: AuditEntry in the demo")


def test_every_data_file_is_read_and_fits_the_schema():
    data = loading.load()
    read = {"demo.yaml", "common.yaml"}
    for part in data.parts:
        for team in part.teams:
            read.add(team.source)
            read |= {year.source for year in team.years}
    loading.read(loading.ACCOUNTS, "accounts")
    read.add(loading.ACCOUNTS)
    for name in results_demo.FILES:
        loading.read(name, "results")
        read.add(name)
    on_disk = {str(path.relative_to(DATA)) for path in DATA.rglob("*.yaml")}
    assert on_disk == read  # no file left out of the index, none missing


def test_a_file_that_breaks_the_schema_is_named_with_its_line(tmp_path, monkeypatch):
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "schema.json").write_bytes((DATA / "schema.json").read_bytes())
    (folder / "bad.yaml").write_text(
        'finding_sentences:\n  - Checked.\naction_texts:\n  "1.1": 7\n', encoding="utf-8"
    )
    monkeypatch.setattr(loading, "resources", _Folder(tmp_path))
    with pytest.raises(loading.DemoDataError, match=r"^bad\.yaml:4: action_texts\.1\.1: 7 is"):
        loading.read("bad.yaml", "common")


class _Folder:
    """Stands in for importlib.resources: files of a package are those of a folder."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def files(self, package: str) -> Path:
        return self.root


def test_the_package_ships_every_data_file():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["*"]
    for path in DATA.rglob("*"):
        if path.is_file():
            assert any(path.match(pattern) for pattern in patterns), path.name
