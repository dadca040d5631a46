"""Evidence files: checked by content, not by name (``filetypes``: a PDF must parse, an
office file must not be a zip bomb), kept in the file storage (``cometa.core.storage``: a
local folder outside the web root, or object storage) under random names with the
extension of what they are, and handed back only as attachments, under the name they were
sent with but that extension, after their digest is checked."""

from __future__ import annotations

import hashlib
import io
import uuid
from pathlib import Path
from typing import IO, Any, BinaryIO

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from cometa.accounts import audit
from cometa.accounts.acting import Actor, person_or_none
from cometa.core import storage
from cometa.core.errors import ValidationFailed
from cometa.scorecards.assessments.guards import require_edit, require_indicator
from cometa.scorecards.models import Assessment, Evidence, EvidenceCategory, RemovedKind
from cometa.scorecards.records import filetypes, removal
from cometa.scorecards.records.files import storage_name


def _require_adding(actor: Actor, assessment: Assessment, indicator_code: str) -> None:
    """What every way of adding evidence checks first: the actor may edit the assessment,
    and the indicator it is filed under (if any) belongs to its framework."""
    require_edit(actor, assessment)
    if indicator_code:
        require_indicator(assessment, indicator_code)


def evidence_upload(
    *,
    actor: Actor,
    assessment: Assessment,
    file: BinaryIO,
    filename: str,
    title: str,
    indicator_code: str = "",
    category: str = EvidenceCategory.OTHER,
    shared: bool = False,
) -> Evidence:
    _require_adding(actor, assessment, indicator_code)
    data = file.read(settings.UPLOAD_MAX_BYTES + 1)
    if len(data) > settings.UPLOAD_MAX_BYTES:
        limit = settings.UPLOAD_MAX_BYTES // (1024 * 1024)
        message = _("%(file)s is larger than the limit of %(limit)s MB.")
        raise ValidationFailed({"file": [message % {"file": filename, "limit": limit}]})
    if not data:
        raise ValidationFailed({"file": [_("%(file)s is empty.") % {"file": filename}]})
    try:
        kind = filetypes.detect(data)
    except filetypes.Refused as refused:
        message = _("%(file)s: %(reason)s") % {"file": Path(filename).name, "reason": refused}
        raise ValidationFailed({"file": [message]}) from None
    stored_name = uuid.uuid4().hex + kind.extension  # what it is, whatever it was called
    name = storage.save(storage_name(stored_name), io.BytesIO(data))
    try:
        with transaction.atomic():
            evidence = _create(
                actor,
                assessment,
                title or filename,
                indicator_code,
                category,
                shared,
                stored_name=stored_name,
                original_name=filetypes.safe_name(filename, kind.content_type),
                content_type=kind.content_type,
                size=len(data),
                sha256=hashlib.sha256(data).hexdigest(),
            )
    except BaseException:
        storage.delete(name)  # nothing half-written
        raise
    return evidence


def evidence_link(
    *,
    actor: Actor,
    assessment: Assessment,
    url: str,
    title: str,
    indicator_code: str = "",
    category: str = EvidenceCategory.OTHER,
    shared: bool = False,
) -> Evidence:
    _require_adding(actor, assessment, indicator_code)
    if not url.startswith(("https://", "http://")):
        raise ValidationFailed({"url": [_("A link starts with https:// or http://.")]})
    with transaction.atomic():
        return _create(actor, assessment, title or url, indicator_code, category, shared, url=url)


def evidence_document(
    *,
    actor: Actor,
    assessment: Assessment,
    title: str,
    indicator_code: str = "",
    category: str = EvidenceCategory.OTHER,
    shared: bool = False,
) -> Evidence:
    """A document known by its name only (as imported reports list them): no file, no link."""
    _require_adding(actor, assessment, indicator_code)
    if not title.strip():
        raise ValidationFailed({"title": [_("A document named only needs its title.")]})
    with transaction.atomic():
        return _create(actor, assessment, title, indicator_code, category, shared)


def _create(
    actor: Actor,
    assessment: Assessment,
    title: str,
    indicator_code: str,
    category: str,
    shared: bool,
    **fields: Any,
) -> Evidence:
    if category not in EvidenceCategory.values:
        raise ValidationFailed(
            {"category": [_("Unknown category “%(category)s”.") % {"category": category}]}
        )
    evidence = Evidence.objects.create(
        assessment=assessment,
        title=title.strip()[:300],
        indicator_code=indicator_code,
        category=category,
        shared=shared,
        uploaded_by=person_or_none(actor),
        **fields,
    )
    audit.record(
        actor=actor,
        action="assessment.evidence.add",
        target=evidence,
        changes={
            "title": [None, evidence.title],
            "indicator": [None, indicator_code],
            "sha256": [None, evidence.sha256],
        },
        organisation_id=assessment.organisation_id,
    )
    return evidence


def evidence_delete(*, actor: Actor, evidence: Evidence) -> None:
    require_edit(actor, evidence.assessment)
    with transaction.atomic():
        audit.record(
            actor=actor,
            action="assessment.evidence.delete",
            target=evidence,
            changes={"title": [evidence.title, None]},
            organisation_id=evidence.assessment.organisation_id,
        )
        removal.kept_copy(
            actor=actor, row=evidence, kind=RemovedKind.EVIDENCE, label=evidence.title
        )
        evidence.delete()  # the file stays until the removal expires
    removal.removed_purge()


def evidence_open(evidence: Evidence) -> IO[bytes]:
    """The evidence's stored file, checked against the digest taken at upload. Raises
    ``storage.StoredFileMissing`` (also for a link) or ``storage.StoredFileAltered``."""
    if not evidence.stored_name:
        raise storage.StoredFileMissing(f"evidence {evidence.pk} is a link")
    return storage.open_checked(storage_name(evidence.stored_name), evidence.sha256)
