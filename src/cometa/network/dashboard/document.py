"""The dashboard as a ``cometa.reports`` Document, for its PDF and Word files: the same
stored values as the page (hidden ones as "hidden", never a number), when and by whom
they were computed, each headline's trend as a chart and as a table, and how to read the
hidden entries. Headings and words go through gettext in the file's language.
"""

from __future__ import annotations

from django.utils import formats, translation
from django.utils.translation import gettext as _

from cometa.network.dashboard.content import Figure, cell_text, trend_alt
from cometa.network.dashboard.reading import Dashboard
from cometa.network.models import IndicatorRun
from cometa.reports.document import Block, Document, Heading, Paragraph, Table
from cometa.reports.document import Figure as ChartFigure

__all__ = ["dashboard_document", "hidden_note", "run_facts"]


def run_facts(run: IndicatorRun) -> list[tuple[str, str]]:
    """When and how the values were computed, for the page and the files alike."""
    who = run.computed_by.full_name if run.computed_by else _("the system (scheduled)")
    facts = [
        (_("Period"), run.period),
        (_("Computed"), formats.date_format(run.computed_at, "SHORT_DATETIME_FORMAT")),
        (_("Computed by"), who),
        (_("Enrolments counted"), f"{run.facts:,}"),
        (_("Smallest group shown"), _("%(k)s women (%(strict)s for sensitive indicators)")
         % {"k": run.k, "strict": run.k_strict}),
    ]  # fmt: skip
    if run.job_id:
        facts.insert(3, (_("Background job"), f"#{run.job_id}"))
    if run.frozen:
        facts.append((_("Snapshot"), run.label or run.period))
    return facts


def hidden_note(k: int) -> str:
    return _(
        "“hidden” marks a value that disclosure control keeps back: a group of fewer than "
        "%(k)s women, or a value that would let such a group be worked out from the "
        "totals. Hidden values are never stored, so no file or page can show them."
    ) % {"k": k}


def _headline(dashboard: Dashboard) -> Table:
    rows = [
        [f"{figure.title} ({figure.code})", cell_text(figure.cell, figure.is_rate),
         cell_text(figure.response, True) if figure.response_code else "—"]
        for figure in dashboard.figures
    ]  # fmt: skip
    caption = _("Headline indicators of the network, %(period)s") % {"period": dashboard.run.period}
    return Table(
        [_("Indicator"), _("Value"), _("Response rate of the round")], rows, caption=caption,
        column_widths=[2.4, 1.6, 1.6],
    )  # fmt: skip


def _own(dashboard: Dashboard) -> list[Block]:
    rows = [
        [row.label, figure.title, cell_text(row.cell, figure.is_rate),
         cell_text(row.response, True) if figure.response_code else "—"]
        for figure in dashboard.figures for row in figure.own
    ]  # fmt: skip
    if not rows:
        return []
    return [
        Heading(_("Your organisation's own indicators")),
        Table([_("Member"), _("Indicator"), _("Value"), _("Response rate of the round")], rows,
              caption=_("Your own members' values (other partners' rows are not shown)")),
    ]  # fmt: skip


def _trend(figure: Figure) -> list[Block]:
    blocks: list[Block] = [Heading(figure.title, 2), Paragraph(figure.about)]
    if figure.chart is not None:
        alt = trend_alt(figure)
        blocks.append(ChartFigure(figure.chart.png, figure.chart.svg, alt, figure.title))
    rows = [[point.period, cell_text(point.cell, figure.is_rate),
             formats.date_format(point.computed_at, "SHORT_DATE_FORMAT")]
            for point in figure.trend]  # fmt: skip
    if rows:
        caption = _("%(title)s by period") % {"title": figure.title}
        blocks.append(Table([_("Period"), _("Value"), _("Computed")], rows, caption=caption))
    else:
        blocks.append(Paragraph(_("No period has been computed yet.")))
    return blocks


def dashboard_document(dashboard: Dashboard, network_name: str, *, lang: str = "en") -> Document:
    """The dashboard in ``lang`` ("en", "es" or "ru")."""
    run = dashboard.run
    with translation.override(lang):
        blocks: list[Block] = [Heading(_("Headline indicators")), _headline(dashboard)]
        if dashboard.partner:
            blocks.append(Paragraph(_("You see the network's totals and your own members' rows; "
                                      "other partners' rows are not shown to you.")))  # fmt: skip
        blocks += _own(dashboard)
        blocks.append(Heading(_("Trends")))
        for figure in dashboard.figures:
            blocks += _trend(figure)
        blocks += [Heading(_("How to read these figures")), Paragraph(hidden_note(run.k))]
        return Document(
            title=_("Common indicators: %(network)s") % {"network": network_name},
            subtitle=_("Period %(period)s") % {"period": run.period},
            metadata=run_facts(run), blocks=blocks, lang=lang,
        )  # fmt: skip
