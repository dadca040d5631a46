"""The annual report of UN Women Mexico for 2022 as a Document: the seed's shape (outcome
by outcome, identifier, statement, assessment, narrative, figures with their check,
indicators with their disaggregations, partners), the budget, and the reader's language."""

from __future__ import annotations

from decimal import Decimal

from django.utils import translation
from django.utils.translation import gettext

from cometa.indicators.models import IndicatorValue
from cometa.reports.document import BulletList, Document, Figure, Heading, Paragraph, Table
from cometa.results.report import selectors
from cometa.results.report.document import build_report
from tests.demo.test_results import SEED_OUTCOMES


def _text(document: Document) -> str:
    parts = [document.title, *[f"{label}: {value}" for label, value in document.metadata]]
    for block in document.blocks:
        if isinstance(block, Heading | Paragraph):
            parts.append(block.text)
        elif isinstance(block, BulletList):
            parts += block.items
        elif isinstance(block, Table):
            parts += [cell for row in [block.headers, *block.rows] for cell in row]
    return "\n".join(parts)


def _tables(document: Document, header: str) -> list[Table]:
    return [b for b in document.blocks if isinstance(b, Table) and b.headers[0] == header]


def _facts(document: Document) -> dict[str, dict[str, str]]:
    """The figures tables' rows by figure, each cell by its column's header."""
    return {
        row[0]: dict(zip(table.headers, row, strict=True))
        for table in _tables(document, "Figure")
        for row in table.rows
    }


def test_outcome_by_outcome_in_the_seed_s_order_with_identifiers(report) -> None:
    document = build_report(report)
    top = [heading.text for heading in document.headings() if heading.level == 1]
    expected = [f"XM-DAC-41146-MEX_{code}" for code in SEED_OUTCOMES]
    assert [title.split(". ", 1)[1] for title in top[2:-3]] == expected
    assert document.title == "Annual results report: UN Women Mexico, 2022"
    text = _text(document)
    assert "By 2025, the Mexican State plans with territorial, population and gender" in text
    assert "Progress assessment for 2022: Partly on track." in text  # D_3.1
    assert "Spotlight Initiative" in text and "INMUJERES" in text


def test_indicators_show_baseline_target_actual_and_disaggregations(report) -> None:
    table = next(t for t in _tables(build_report(report), "Indicator") if "D_1.1" in t.caption)
    assert table.headers[3:] == ["Baseline", "Target 2022", "Actual 2022"]
    by_key = {row[2]: row for row in table.rows}
    assert by_key["Total"][3:] == ["0 (2021)", "150", "195"]
    assert by_key["Sex: Female"][5] == "188" and by_key["Sex: Male"][5] == "7"


def test_a_chart_of_targets_and_actuals_comes_with_its_table(report) -> None:
    blocks = build_report(report).blocks
    figures = [index for index, block in enumerate(blocks) if isinstance(block, Figure)]
    assert figures
    for index in figures:
        figure, table = blocks[index], blocks[index + 1]
        assert isinstance(figure, Figure) and figure.svg.startswith("<svg")
        assert isinstance(table, Table) and table.headers == ["Year", "Target", "Actual"]
        assert "target" in figure.alt


def test_matching_figures_say_so(report) -> None:
    document = build_report(report)
    enrolled = _facts(document)["2,763 persons"]
    assert enrolled["Indicator"] == "MEX-SCE-ENROLLED, Total, 2022"
    assert enrolled["Check"] == "Matches the stored value."
    assert "7 of those match the stored value" in _text(document)


def test_a_figure_that_does_not_match_is_shown_as_such(mexico, reader) -> None:
    stored = IndicatorValue.objects.get(kind="actual", key="sex=F", value=188)
    IndicatorValue.objects.filter(pk=stored.pk).update(value=Decimal(180))
    document = build_report(selectors.report_data(reader, mexico.pk, 2022))
    women = _facts(document)["188 persons"]
    assert women["Check"] == "Does not match: the stored value is 180 (difference +8)."
    assert "6 of those match the stored value" in _text(document)


def test_the_figure_sits_next_to_its_sentence(mexico, reader) -> None:
    from cometa.results.models import Narrative

    narrative = Narrative.objects.get(outcome__code="D_2.2", outcome__plan__office=mexico)
    narrative.text = {"en": "Second Chance grew. In 2022, 2,763 women enrolled in its centres."}
    narrative.save()
    document = build_report(selectors.report_data(reader, mexico.pk, 2022))
    facts = _facts(document)
    sentence = "Where the narrative says it"
    assert facts["2,763 persons"][sentence] == "In 2022, 2,763 women enrolled in its centres."
    assert facts["15 centres"][sentence] == "Not in the narrative's text."
    other = _facts(build_report(selectors.report_data(reader, mexico.pk, 2022)))["195 persons"]
    assert sentence not in other  # no figure of D_1.1 is in its text: no such column


def test_budget_totals_with_the_share_marked_2_or_3(report) -> None:
    totals = _tables(build_report(report), "Currency")[0]
    assert totals.headers == ["Currency", "Total", "Marked 2 or 3", "Share marked 2 or 3"]
    (usd,) = totals.rows
    share = report.budgets[0]
    assert usd[0] == "USD" and usd[3].endswith(" %")
    assert share.share is not None and 0 < share.share <= 1


def test_the_report_is_written_in_the_reader_s_language(report) -> None:
    for lang in ("es", "ru"):
        document = build_report(report, lang=lang)
        with translation.override(lang):
            summary, outcome = gettext("Summary"), gettext("Outcome")
        assert summary != "Summary" and outcome != "Outcome"
        assert document.lang == lang
        assert document.headings()[1].text == f"1. {summary}"
        assert _tables(document, outcome)  # headers translated too
        assert "XM-DAC-41146-MEX_D_1.1" in _text(document)


def test_numbers_follow_the_reader_s_language(report) -> None:
    spanish = _text(build_report(report, lang="es"))
    assert "2\xa0763" in spanish  # Django's Spanish groups digits with a no-break space
    assert "2,763" not in spanish
