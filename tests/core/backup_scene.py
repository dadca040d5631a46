"""Run inside a `cometa`-configured process (DJANGO_SETTINGS_MODULE=cometa.settings) by
the backup tests: ``build`` fills a data directory through the services, ``inspect``
prints what a restore must give back (as JSON on the last line of stdout)."""

from __future__ import annotations

import hashlib
import io
import json
import sys
from typing import Any

import django

from tests.pdf import make_pdf


def build() -> None:
    from cometa.accounts import services as accounts
    from cometa.accounts.acting import SYSTEM
    from cometa.accounts.models.organisations import OrganisationKind
    from cometa.accounts.roles import Role
    from cometa.scorecards.assessments import services
    from cometa.scorecards.frameworks.store import framework_sync_builtin, latest_published
    from cometa.scorecards.models import AssessmentKind
    from cometa.scorecards.records import evidence

    framework_sync_builtin()
    team = accounts.organisation_create(
        actor=SYSTEM, name="UNCT Kazakhstan", kind=OrganisationKind.COUNTRY_TEAM, country="KAZ"
    )
    aisha = accounts.person_create(
        actor=SYSTEM, email="aisha@example.org", full_name="Aisha", password="a long password 42"
    )
    accounts.membership_add(actor=SYSTEM, organisation=team, person=aisha, role=Role.COORDINATOR)
    assessment = services.assessment_create(
        actor=aisha,
        new=services.NewAssessment(
            organisation=team,
            framework=latest_published("unct-swap"),
            year=2022,
            kind=AssessmentKind.COMPREHENSIVE,
        ),
    )
    files = {
        "minutes.txt": b"Minutes of the gender theme group\n",
        "report.pdf": make_pdf("Annual report of the country team"),
        "removed.txt": b"A file removed but kept for the undo\n",
    }
    made = {
        name: evidence.evidence_upload(
            actor=aisha, assessment=assessment, file=io.BytesIO(data), filename=name, title=name
        )
        for name, data in files.items()
    }
    evidence.evidence_link(
        actor=aisha, assessment=assessment, url="https://example.org/plan", title="Plan"
    )
    evidence.evidence_delete(actor=aisha, evidence=made["removed.txt"])


def inspect() -> dict[str, object]:
    from django.apps import apps
    from django.core.files.storage import default_storage
    from django.core.serializers.json import DjangoJSONEncoder

    from cometa.accounts import audit
    from cometa.scorecards.models import Evidence, Removed
    from cometa.scorecards.records import evidence

    rows = {}
    for model in apps.get_models():
        if model._meta.label == "sessions.Session":
            continue  # sign-ins of this very inspection
        values = list(model._default_manager.order_by("pk").values_list())
        rows[model._meta.label] = hashlib.sha256(
            json.dumps(values, cls=DjangoJSONEncoder).encode()
        ).hexdigest()
    kept = [
        default_storage.exists(evidence.storage_name(str(row.data["stored_name"])))
        for row in Removed.objects.all()
        if row.data.get("stored_name")
    ]
    return {
        "rows": rows,
        "downloads": _downloads(list(Evidence.objects.exclude(stored_name=""))),
        "links": Evidence.objects.filter(stored_name="").count(),
        "removed_files_kept": kept,
        "audit_ok": audit.verify().ok,
    }


def _downloads(items: list[Any]) -> dict[str, bool]:
    """Each stored evidence file through the web download, compared with its digest."""
    from django.contrib.auth.signals import user_logged_in

    from tests.conftest import signed_in

    # the inspection leaves the rows as they were: no "last login" stamped
    assert user_logged_in.disconnect(dispatch_uid="update_last_login")
    answers = {}
    for item in items:
        client = signed_in(item.uploaded_by)
        response = client.get(f"/scorecards/evidence/{item.pk}/download/")
        body = response.getvalue() if response.status_code == 200 else b""
        answers[item.original_name] = hashlib.sha256(body).hexdigest() == item.sha256
    return answers


if __name__ == "__main__":
    django.setup()
    if sys.argv[1] == "build":
        build()
    else:
        print(json.dumps(inspect()))
