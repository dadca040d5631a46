"""The report page with its downloads, in the reader's language, and the view across
offices for headquarters."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from docx import Document as open_word

from tests.conftest import signed_in


def test_the_page_shows_the_report_and_links_every_download(mexico, reader) -> None:
    base = f"/results/report/{mexico.pk}/2022/"
    page = signed_in(reader).get(base)
    assert page.status_code == 200
    html = page.content.decode()
    assert "<h1>Annual results report: UN Women Mexico, 2022</h1>" in html
    assert "XM-DAC-41146-MEX_D_1.1" in html and "<svg" in html
    for name in ("report.pdf", "report.docx", "values.xlsx", "values.csv"):
        assert f'href="{base}{name}?lang=en"' in html


def test_the_page_and_its_files_follow_lang(mexico, reader) -> None:
    client = signed_in(reader)
    html = client.get(f"/results/report/{mexico.pk}/2022/?lang=ru").content.decode()
    assert '<article lang="ru"' in html and "Годовой отчёт о результатах" in html
    word = client.get(f"/results/report/{mexico.pk}/2022/report.docx?lang=es")
    assert word["Content-Disposition"] == 'attachment; filename="mex-2022-results-report-es.docx"'
    headings = [p.text for p in open_word(io.BytesIO(word.content)).paragraphs]
    assert "1. Resumen" in headings
    assert client.get(f"/results/report/{mexico.pk}/2022/?lang=fr").status_code == 200


def test_the_csv_download_is_the_long_table(mexico, reader) -> None:
    answer = signed_in(reader).get(f"/results/report/{mexico.pk}/2022/values.csv")
    assert answer["Content-Type"] == "text/csv; charset=utf-8"
    first = answer.content.decode("utf-8-sig").splitlines()[0]
    assert first.startswith("office,outcome_id,output_id,indicator_code,indicator_version")


def test_the_overview_counts_outcomes_by_region_with_a_chart_and_tables(mexico, reader) -> None:
    html = signed_in(reader).get("/results/overview/?year=2022").content.decode()
    assert "<svg" in html and 'id="regions-caption"' in html
    assert f'href="/results/report/{mexico.pk}/2022/"' in html
    assert "UN Women Kazakhstan" in html
    empty = signed_in(reader).get("/results/overview/?year=1995").content.decode()
    assert "No office you read has a plan covering 1995." in empty


def test_the_command_writes_the_same_report(mexico, tmp_path) -> None:
    target = tmp_path / "mexico.csv"
    call_command("results", "report", "--office", "MEX", "--year", "2022", "--format", "csv",
                 "--output", str(target))  # fmt: skip
    assert target.read_bytes().decode("utf-8-sig").startswith("office,outcome_id")
    pdf = tmp_path / "mexico.pdf"
    call_command("results", "report", "--office", str(mexico.pk), "--year", "2022",
                 "--format", "pdf", "--output", str(pdf), "--lang", "es")  # fmt: skip
    assert pdf.read_bytes().startswith(b"%PDF")


def test_the_command_names_what_it_cannot_find(mexico, tmp_path) -> None:
    with pytest.raises(CommandError, match="No plan of office XYZ covers 2022"):
        call_command("results", "report", "--office", "XYZ", "--year", "2022",
                     "--format", "pdf", "--output", str(tmp_path / "x.pdf"))  # fmt: skip
    with pytest.raises(CommandError, match="No plan of office MEX covers 2031"):
        call_command("results", "report", "--office", "MEX", "--year", "2031",
                     "--format", "pdf", "--output", str(tmp_path / "x.pdf"))  # fmt: skip
