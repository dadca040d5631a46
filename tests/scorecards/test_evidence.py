"""Evidence services: a document known by its name only."""

from __future__ import annotations

import pytest

from cometa.accounts.models import AuditEntry
from cometa.core.errors import NotPermitted, ValidationFailed
from cometa.scorecards.records import evidence


def test_a_named_document_is_recorded_with_its_audit_entry(world, assessment):
    item = evidence.evidence_document(
        actor=world.bolat,
        assessment=assessment,
        title="  Minutes of the Gender Theme Group  ",
        indicator_code="5.1",
        category="other",
    )
    assert (item.title, item.url, item.stored_name) == ("Minutes of the Gender Theme Group", "", "")
    entry = AuditEntry.objects.get(action="assessment.evidence.add", object_id=str(item.pk))
    assert entry.actor_id == world.bolat.pk
    assert entry.changes["title"] == [None, "Minutes of the Gender Theme Group"]


def test_a_named_document_needs_a_title_a_known_indicator_and_an_editor(world, assessment):
    with pytest.raises(ValidationFailed):
        evidence.evidence_document(actor=world.bolat, assessment=assessment, title="  ")
    with pytest.raises(ValidationFailed):
        evidence.evidence_document(
            actor=world.bolat, assessment=assessment, title="Memo", indicator_code="9.9"
        )
    with pytest.raises(NotPermitted):
        evidence.evidence_document(actor=world.sara, assessment=assessment, title="Memo")
    assert not assessment.evidence.exists()


# --- uploads: kept and sent back under the extension of what they are --------------------


def _upload(world, assessment, name, data):
    import io

    return evidence.evidence_upload(
        actor=world.bolat, assessment=assessment, file=io.BytesIO(data), filename=name, title=""
    )


@pytest.mark.parametrize(
    ("name", "data", "kept"),
    [
        ("evil.html", b"<html><script>alert(1)</script></html>", "evil.txt"),
        (
            "logo.svg",
            b'<svg xmlns="http://www.w3.org/2000/svg"><script>x()</script></svg>',
            "logo.txt",
        ),
        ("report.pdf", b"<!doctype html><p>Not a PDF</p>", "report.txt"),
    ],
)
def test_a_text_file_is_kept_and_downloaded_as_text(world, assessment, name, data, kept):
    from tests.conftest import signed_in

    item = _upload(world, assessment, name, data)
    assert (item.original_name, item.content_type) == (kept, "text/plain")
    assert item.stored_name.endswith(".txt")
    for url in (
        f"/scorecards/evidence/{item.pk}/download/",
        f"/api/v1/scorecards/assessments/{assessment.pk}/evidence/{item.pk}/download/",
    ):
        response = signed_in(world.bolat).get(url)
        assert response.status_code == 200
        assert response["Content-Type"].startswith("text/plain")
        assert f'filename="{kept}"' in response["Content-Disposition"]
        assert "attachment" in response["Content-Disposition"]


def test_html_after_a_pdf_header_is_refused(world, assessment):
    with pytest.raises(ValidationFailed) as refused:
        _upload(world, assessment, "x.pdf", b"%PDF-1.4\n<html><script>alert(1)</script></html>")
    assert "file" in refused.value.errors
    assert not assessment.evidence.exists()


def test_a_zip_bomb_dressed_as_word_is_refused(world, assessment):
    import io
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<document/>")
        archive.writestr("word/zeros.bin", b"\x00" * (40 * 1024 * 1024))
    with pytest.raises(ValidationFailed) as refused:
        _upload(world, assessment, "bomb.docx", out.getvalue())
    assert "expand" in refused.value.errors["file"][0]
    assert not assessment.evidence.exists()
