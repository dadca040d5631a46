"""The annual results report of an office, as a plain ``cometa.reports`` Document: the
same document becomes the web page, the PDF and the Word file.

After the title data: the contents; a summary (each outcome's assessment, and how the
figures of the narratives compare with the stored indicator values); one section per
outcome in the plan's order, development outcomes first (``sections``); the joint
programmes; the budget with the share marked 2 or 3; a note on how figures are checked.
Headings and connecting text go through gettext in the report's language; statements,
narratives, indicator titles and code labels are the stored texts in that language where
written, else in English.
"""

from __future__ import annotations

from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from cometa.reports.document import (
    Block,
    BulletList,
    Document,
    Heading,
    PageBreak,
    Paragraph,
    Table,
)
from cometa.results.facts import FactStatus
from cometa.results.report.data import ReportData
from cometa.results.report.sections import fact_checks, outcome_section
from cometa.results.report.words import DASH, check_language, figure, progress_label
from cometa.results.scales import GenderMarker, on_track_share


def build_report(data: ReportData, *, lang: str = "en") -> Document:
    """The whole report in ``lang`` ("en", "es" or "ru")."""
    check_language(lang)
    with translation.override(lang):
        sections: list[tuple[str, list[Block]]] = [(_("Summary"), summary(data, lang))]
        sections += [
            (outcome.identifier, outcome_section(data, outcome, lang)) for outcome in data.outcomes
        ]
        sections += [
            (_("Joint programmes"), programmes(data)),
            (_("Budget and the gender equality marker"), budget(data)),
            (_("How the figures are checked"), method()),
        ]
        titles = [f"{number}. {title}" for number, (title, _blocks) in enumerate(sections, 1)]
        blocks: list[Block] = [Heading(_("Contents")), BulletList(titles), PageBreak()]
        for title, (_title, section) in zip(titles, sections, strict=True):
            blocks += [Heading(title), *section]
        return Document(
            title=report_title(data),
            subtitle=data.plan_title,
            metadata=_metadata(data),
            blocks=blocks,
            lang=lang,
        )


def report_title(data: ReportData) -> str:
    return _("Annual results report: %(office)s, %(year)s") % {
        "office": data.office,
        "year": data.year,
    }


def _metadata(data: ReportData) -> list[tuple[str, str]]:
    share = on_track_share(outcome.progress for outcome in data.outcomes)
    pairs = [
        (_("Office"), data.office),
        (_("Year reported on"), str(data.year)),
        (
            _("Plan"),
            _("%(title)s, %(start)s to %(end)s")
            % {"title": data.plan_title, "start": data.start_year, "end": data.end_year},
        ),
        (_("Cooperation Framework"), data.cooperation_framework or DASH),
        (
            _("Outcomes on track"),
            _("%(on_track)s of %(assessed)s assessed (%(outcomes)s outcomes)")
            % {
                "on_track": share.on_track,
                "assessed": share.assessed,
                "outcomes": len(data.outcomes),
            },
        ),
        (_("Date of this report"), formats.date_format(timezone.localdate(), "DATE_FORMAT")),
    ]
    return pairs


def summary(data: ReportData, lang: str) -> list[Block]:
    rows = [
        [outcome.identifier, outcome.statement.get(lang), progress_label(outcome.progress)]
        for outcome in data.outcomes
    ]
    checks = [check for outcome in data.outcomes for check in fact_checks(outcome)]
    linked = [check for check in checks if check.status is not FactStatus.NOT_LINKED]
    matching = sum(1 for check in linked if check.status is FactStatus.MATCHES)
    return [
        Paragraph(
            _(
                "This report sets out what %(office)s achieved in %(year)s towards each outcome "
                "of its plan: the office's assessment of progress, its account of the year, "
                "the figures it reports, and the indicators that measure the outcome."
            )
            % {"office": data.office, "year": data.year}
        ),
        Table(
            [_("Outcome"), _("Statement"), _("Progress")],
            rows,
            caption=_("Outcomes and their progress assessment, %(year)s") % {"year": data.year},
            column_widths=[1.4, 3.6, 1.0],
        ),
        Paragraph(
            _(
                "The narratives report %(figures)s figures; %(linked)s of them name the "
                "indicator value they support, and %(matching)s of those match the stored value."
            )
            % {"figures": len(checks), "linked": len(linked), "matching": matching}
        ),
    ]


def programmes(data: ReportData) -> list[Block]:
    if not data.programmes:
        return [Paragraph(_("The plan has no joint programme."))]
    return [
        Table(
            [_("Joint programme"), _("Participating entities"), _("Outcomes")],
            [
                [item.name, ", ".join(item.entities) or DASH, ", ".join(item.outcomes) or DASH]
                for item in data.programmes
            ],
            caption=_("Joint programmes of the plan"),
            column_widths=[2, 2, 1],
        )
    ]


def budget(data: ReportData) -> list[Block]:
    if not data.budget_lines:
        return [Paragraph(_("No budget is recorded for %(year)s.") % {"year": data.year})]
    lines = Table(
        [_("Output"), _("Activity"), _("Amount"), _("Currency"), _("Marker")],
        [
            [line.output, line.activity or DASH, figure(line.amount), line.currency,
             str(line.marker)]
            for line in data.budget_lines
        ],
        caption=_("Budget lines of %(year)s with their gender equality marker")
        % {"year": data.year},
        column_widths=[2.2, 2.0, 1.0, 0.7, 0.6],
    )  # fmt: skip
    totals = Table(
        [_("Currency"), _("Total"), _("Marked 2 or 3"), _("Share marked 2 or 3")],
        [
            [share.currency, figure(share.total), figure(share.marked),
             f"{figure(share.share * 100)} %" if share.share is not None else DASH]
            for share in data.budgets
        ],
        caption=_("Budget totals of %(year)s per currency") % {"year": data.year},
    )  # fmt: skip
    return [
        lines,
        BulletList([str(marker.label) for marker in GenderMarker]),
        totals,
        Paragraph(
            _("Amounts in different currencies are never added together: each has its total.")
        ),
    ]


def method() -> list[Block]:
    return [
        Paragraph(
            _(
                "A figure the narrative reports may name the indicator value it supports: the "
                "indicator, the kind of value (usually the actual), the period and the "
                "disaggregation. The report compares the figure with the value stored for "
                "that cell and says whether it matches; a figure that does not match is shown "
                "with the stored value and the difference. The sentence next to each figure "
                "is the first sentence of the narrative that shows it."
            )
        ),
        Paragraph(
            _(
                "The indicator values also come as a spreadsheet and as a long-format CSV "
                "file, one value per row with its codes and provenance."
            )
        ),
    ]
