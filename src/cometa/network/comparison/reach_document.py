"""The reach and "leave no one behind" page as a document (the reports floor's
``Document``, shown by the page as blocks): each group's share among the women enrolled
against the network's reference share, its outcomes against the other women's, and the
groups the platform does not record, with why."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from django.utils import translation
from django.utils.translation import gettext as _

from cometa.network.comparison.charts import ReachLine, reach_chart
from cometa.network.comparison.document import day, indicator_title, number
from cometa.network.comparison.reach import GROUPS, Gap
from cometa.network.indicators.store import Cell
from cometa.reports.document import BulletList, Document, Figure, Heading, Paragraph, Table

__all__ = ["reach_document"]


def _share(cell: Cell) -> str:
    return _("not shown") if cell.hidden else f"{number(cell.rate)} (n={cell.n})"


def _reference(gap: Gap) -> str:
    ref = gap.reference
    if ref is None:
        return _("not set")
    year = f", {ref.year}" if ref.year else ""
    return f"{ref.share}% ({ref.source}{year})"


def _gap_words(gap: Gap) -> str:
    if gap.gap is None:
        return "—"
    points = _("%(points)s points") % {"points": f"{gap.gap:+}"}
    where = _("below the reference") if gap.behind else _("at or above the reference")
    return f"{points} ({where})"


def _shares(gaps: Sequence[Gap], png: bool) -> list[Figure | Table]:
    lines = [
        ReachLine(str(gap.group.title),
                  None if gap.share.rate is None else float(gap.share.rate),
                  None if gap.reference is None else float(gap.reference.share))
        for gap in gaps
    ]  # fmt: skip
    title = _("Share among the women enrolled against the reference share")
    chart = reach_chart(lines, title=title, share=_("share among the women enrolled"),
                        reference=_("reference share"), no_value=_("not shown"))  # fmt: skip
    alt = _(
        "For each group, a bar for its share among the women enrolled and a tick for "
        "the reference share the network set; the table below gives the same values."
    )
    rows = [[str(gap.group.title), _share(gap.share), _reference(gap), _gap_words(gap),
             str(gap.group.note or "")] for gap in gaps]  # fmt: skip
    headers = [_("Group"), _("Share among the women enrolled"), _("Reference share"),
               _("Gap"), _("How it is recorded")]  # fmt: skip
    return [
        Figure(chart.png if png else b"", chart.svg, alt, title),
        Table(headers, rows, caption=title),
    ]


def _outcomes(gaps: Sequence[Gap], lang: str) -> Table:
    rows = []
    for gap in gaps:
        for outcome in gap.outcomes:
            rows.append([
                str(gap.group.title), indicator_title(outcome.code, lang),
                _share(outcome.group), _share(outcome.rest),
                "—" if outcome.gap is None else f"{outcome.gap:+}",
            ])  # fmt: skip
    headers = [_("Group"), _("Indicator"), _("The group"), _("The other women"),
               _("Difference (points)")]  # fmt: skip
    return Table(headers, rows, caption=_("Outcomes of each group against the other women"))


def reach_document(
    gaps: Sequence[Gap], *, network: str, period: str, computed_at: datetime | None,
    lang: str, png: bool = False,
) -> Document:  # fmt: skip
    """The reach gaps of ``network`` in ``period`` as a document in ``lang``."""
    with translation.override(lang):
        missing = [f"{group.title}: {group.not_recorded}" for group in GROUPS
                   if not group.recorded]  # fmt: skip
        blocks = [
            Heading(_("How to read this page"), 2),
            Paragraph(_(
                "The evaluation of Co-Meta names groups of women the network does not reach. "
                "For each group the platform records, its share among the women enrolled in "
                "the period (of those whose answer is known) is set against the reference "
                "share the network chose (for instance from the census of the area served), "
                "and its outcomes against those of the other women whose answer is known. "
                "Values come from the stored run, through disclosure control: a value not "
                "shown is hidden there, never guessed."
            )),
            Heading(_("Share among the women enrolled"), 2),
            *_shares(list(gaps), png),
            Heading(_("Outcomes against the other women"), 2),
            _outcomes(gaps, lang),
            Heading(_("Groups the platform does not record"), 2),
            BulletList(missing),
        ]  # fmt: skip
        metadata = [(_("Period"), period or "—")]
        if computed_at is not None:
            metadata.append((_("Values computed on"), day(computed_at)))
        return Document(
            title=_("Reach and leave no one behind"), subtitle=network, metadata=metadata,
            blocks=blocks, lang=lang,  # type: ignore[arg-type]
        )  # fmt: skip
