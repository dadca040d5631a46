"""The comparison of a centre and the reach gaps as report documents (the reports floor's
``Document``): the page shows the document's blocks, and the comparison's PDF and Word
files render the same document, so the three say the same thing. Plain data in; words
in the reader's language (``translation.override``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from cometa.network.comparison.charts import PeerLine, peers_chart
from cometa.network.comparison.distribution import Distribution, Standing
from cometa.network.comparison.peers import Comparison, Row
from cometa.network.indicators.definitions import by_code
from cometa.network.indicators.store import Cell
from cometa.reports.document import (
    BulletList,
    Document,
    Figure,
    Heading,
    Paragraph,
    Table,
)

__all__ = ["About", "comparison_document", "indicator_title", "number", "standing_words"]


@dataclass(frozen=True)
class About:
    """What the document is about: names and the run its values come from."""

    network: str
    site: str
    period: str
    computed_at: datetime
    centres: int


def indicator_title(code: str, lang: str) -> str:
    found = by_code().get(code)
    return f"{found.definition.title.get(lang)} ({code})" if found else code


def number(value: Decimal | int | None, suffix: str = "%") -> str:
    return "—" if value is None else f"{value}{suffix}"


def day(value: datetime) -> str:
    return str(formats.date_format(timezone.localtime(value), "SHORT_DATE_FORMAT"))


def standing_words(found: Standing) -> str:
    return {
        Standing.TOP: _("in the best quarter"),
        Standing.UPPER: _("better than the median"),
        Standing.LOWER: _("at or below the median"),
        Standing.BOTTOM: _("in the last quarter"),
        Standing.UNKNOWN: _("not compared"),
    }[found]


def _cell(cell: Cell) -> str:
    if cell.hidden:
        return _("not shown")
    return f"{number(cell.value)} (n={cell.n})"


def _peers(row: Row) -> str:
    peers = row.compared_with
    who = _("similar peers") if row.against_similar else _("all peers")
    return _("%(who)s: %(shown)s shown, %(hidden)s not shown") % {
        "who": who, "shown": len(peers.shown), "hidden": peers.not_shown,
    }  # fmt: skip


def _spread(peers: Distribution) -> tuple[str, str, str]:
    if not peers.enough:
        return _("too few peers shown"), "—", "—"
    return (
        f"{number(peers.minimum)} – {number(peers.maximum)}",
        f"{number(peers.lower_quartile)} – {number(peers.upper_quartile)}",
        number(peers.median),
    )


def _explained(comparison: Comparison, about: About) -> list[Paragraph]:
    third = comparison.context.third
    profile = (
        _("This centre is in the %(third)s third of the centres by the share of women of "
          "priority groups (its score %(score)s, the network's %(network)s).") % {
            "third": [_("first"), _("second"), _("third")][third],
            "score": number(comparison.context.score),
            "network": number(comparison.context.network_score)}
        if third is not None else
        _("Too few shares of priority groups are shown for this centre to place it among "
          "centres of a similar profile: it is compared with all peers.")
    )  # fmt: skip
    return [
        Paragraph(_(
            "The centre is compared with the other centres of the network (its peers), "
            "never named: only their lowest and highest values, the middle half and the "
            "median are given, and only when at least five peers have a value that "
            "disclosure control lets through. Peers whose value is hidden are counted as "
            "not shown."
        )),
        Paragraph(_(
            "So that centres serving harder-to-reach women are not penalised, each centre "
            "has a profile score: the mean of its shares of women of the priority groups "
            "(poor, with a disability, indigenous, migrant, rural, little schooling). The "
            "centres are cut into thirds by that score, and a centre is compared with the "
            "peers of its own third (similar peers) when at least five of them show a "
            "value; otherwise with all peers. For drop-out and for women in the same "
            "situation as on arrival, lower is better."
        )),
        Paragraph(profile),
        Paragraph(_("Successes to share are the indicators where the centre is in the best "
                    "quarter of the peers it is compared with: practices worth telling the "
                    "other centres about at the partner meetings.")),
    ]  # fmt: skip


def _context(comparison: Comparison, lang: str) -> list[Heading | Paragraph | Table]:
    found = comparison.context
    rows = [[indicator_title(line.code, lang), _cell(line.site), _cell(line.network)]
            for line in (*found.profile, *found.response)]  # fmt: skip
    return [
        Heading(_("Context"), 2),
        Paragraph(_("Women enrolled in the period: %(n)s.") % {"n": number(found.enrolled.n, "")}),
        Table([_("Indicator"), _("This centre"), _("Network")], rows,
              caption=_("Who arrived and who answered the follow-ups")),
    ]  # fmt: skip


def _successes(comparison: Comparison, lang: str) -> list[Heading | Paragraph | BulletList]:
    items = [
        _("%(indicator)s: %(value)s, median of the peers %(median)s") % {
            "indicator": indicator_title(row.code, lang), "value": _cell(row.cell),
            "median": number(row.compared_with.median)}
        for row in comparison.successes
    ]  # fmt: skip
    if not items:
        return [Heading(_("Successes to share"), 2),
                Paragraph(_("None in this period: no indicator in the best quarter."))]  # fmt: skip
    return [Heading(_("Successes to share"), 2), BulletList(items)]


def _named(row: Row, lang: str) -> str:
    found = indicator_title(row.code, lang)
    if not row.lower_is_better:
        return found
    return _("%(indicator)s, lower is better") % {"indicator": found}


def _rows(comparison: Comparison, lang: str) -> list[list[str]]:
    return [
        [_named(row, lang), _cell(row.cell), _peers(row),
         *_spread(row.compared_with), standing_words(row.standing)]
        for row in comparison.rows
    ]  # fmt: skip


def _chart(comparison: Comparison, lang: str, site: str, png: bool) -> Figure:
    lines = []
    for row in comparison.rows:
        peers = row.compared_with
        quartiles = None
        if peers.enough:
            parts = (peers.minimum, peers.lower_quartile, peers.median, peers.upper_quartile,
                     peers.maximum)  # fmt: skip
            quartiles = tuple(float(p or 0) for p in parts)
        centre = row.cell.rate
        lines.append(PeerLine(_named(row, lang),
                              None if centre is None else float(centre), quartiles))  # type: ignore[arg-type]  # fmt: skip
    title = _("%(site)s against its peers") % {"site": site}
    chart = peers_chart(lines, title=title, centre=site, peers=_("peers: middle half"),
                        no_value=_("not shown"))  # fmt: skip
    alt = _("%(site)s (dot) against the range, middle half and median of its peers, per "
            "indicator; the table below gives the same values.") % {"site": site}  # fmt: skip
    return Figure(chart.png if png else b"", chart.svg, alt, title)


def comparison_document(
    comparison: Comparison, about: About, lang: str, *, png: bool = True
) -> Document:
    """The comparison of one centre as a document in ``lang`` (its chart painted as PNG
    only if ``png``: the page needs the SVG alone)."""
    with translation.override(lang):
        headers = [_("Indicator"), _("This centre"), _("Compared with"), _("Lowest – highest"),
                   _("Middle half"), _("Median"), _("Standing")]  # fmt: skip
        blocks = [
            Heading(_("How to read this comparison"), 2),
            *_explained(comparison, about),
            *_successes(comparison, lang),
            *_context(comparison, lang),
            Heading(_("Against the peers"), 2),
            _chart(comparison, lang, about.site, png),
            Table(headers, _rows(comparison, lang), caption=_("Every indicator compared")),
        ]
        return Document(
            title=_("%(site)s against its peers") % {"site": about.site},
            subtitle=about.network,
            metadata=[
                (_("Period"), about.period),
                (_("Values computed on"), day(about.computed_at)),
                (_("Centres with values"), str(about.centres)),
                (_("Similar peers"), str(comparison.similar_peers)),
            ],
            blocks=blocks,  # type: ignore[arg-type]
            lang=lang,
        )
