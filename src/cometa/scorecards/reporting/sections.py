"""The first sections of an assessment report: background, framework, process, ratings.

Each function returns the blocks of one section (its heading is added by the caller) and
expects to run inside ``translation.override`` of the report's language.
"""

from __future__ import annotations

from collections import Counter

from django.utils.translation import gettext as _

from cometa.reports.charts import RATING_COLORS, Chart, ratings_by_dimension_chart
from cometa.reports.document import Block, BulletList, Figure, Heading, Paragraph, Table
from cometa.scorecards.frameworks.model import Dimension
from cometa.scorecards.frameworks.shown import plain
from cometa.scorecards.models import AssessmentKind, AssessmentStatus
from cometa.scorecards.reporting.data import NOT_RATED, ReportData, text_blocks

DASH = "—"
FINAL_STATUSES = (AssessmentStatus.APPROVED, AssessmentStatus.PUBLISHED)
#: Lowest to highest, for frameworks whose level keys are not the UNCT-SWAP ones.
SEQUENTIAL = ("#D55E00", "#E69F00", "#56B4E9", "#0072B2")


def yes_no(value: bool) -> str:
    return _("Yes") if value else _("No")


def counts(data: ReportData) -> dict[str, int]:
    """Indicators at each level ("not_rated" for those without a rating)."""
    found = Counter(row.level or NOT_RATED for row in data.rows)
    return {key: found[key] for key in (*data.framework.level_keys, NOT_RATED) if found[key]}


def background(data: ReportData) -> list[Block]:
    assessment, framework, lang = data.assessment, data.framework, data.lang
    names = {
        "framework": plain(framework.title, lang),
        "team": assessment.organisation.name,
        "year": assessment.year,
        "version": framework.version,
        "reassessed": len(data.reassessed),
        "total": len(data.rows),
    }
    blocks: list[Block] = [
        Paragraph(
            _(
                "%(framework)s is a self-assessment framework: a team rates its own joint work "
                "on each indicator against published criteria, backs each rating with evidence, "
                "and agrees on an action plan to do better."
            )
            % names
        )
    ]
    description = framework.description
    if description is not None and getattr(description, lang, None):
        blocks.append(Paragraph(plain(description, lang)))
    blocks.append(
        Paragraph(
            _(
                "This report sets out the assessment of %(team)s for %(year)s. It was made with "
                "version %(version)s of the framework and always shows the criteria of that "
                "version, so later changes to the framework do not change it."
            )
            % names
        )
    )
    blocks.append(Paragraph(_scope(assessment.kind) % names))
    if assessment.status not in FINAL_STATUSES:
        blocks.append(_not_final(assessment.status))
    return blocks


def _scope(kind: str) -> str:
    """What the kind of assessment covers, with the team's count of reassessed indicators."""
    if kind == AssessmentKind.ANNUAL:
        return _(
            "In an annual progress assessment the team reassesses a selection of indicators "
            "and reports on its action plan; every other indicator keeps its most recent "
            "rating. In %(year)s, %(team)s reassessed %(reassessed)s of %(total)s indicators."
        )
    return _(
        "In a comprehensive assessment the team reassesses every indicator, as it does "
        "once in each planning cycle, with annual progress assessments in the years "
        "between. In %(year)s, %(team)s reassessed %(reassessed)s of %(total)s indicators."
    )


def _not_final(status: str) -> Paragraph:
    """The warning of a report made before the assessment was approved."""
    label = str(AssessmentStatus(status).label)
    return Paragraph(
        _(
            "The assessment had not been approved when this report was made (its status "
            "was “%(status)s”): its ratings and texts may still change."
        )
        % {"status": label}
    )


def framework_section(data: ReportData) -> list[Block]:
    framework, lang = data.framework, data.lang
    names = {
        "dimensions": len(framework.dimensions),
        "indicators": len(framework.indicators),
        "levels": len(framework.levels),
        "framework": plain(framework.title, lang),
        "version": framework.version,
    }
    rows = [
        [
            f"{row.dimension.code}. {plain(row.dimension.title, lang)}",
            data.indicator_title(row.code),
            plain(row.indicator.statement, lang) if row.indicator.statement else DASH,
        ]
        for row in data.rows
    ]
    return [
        Paragraph(
            _(
                "The framework has %(dimensions)s dimensions and %(indicators)s indicators. "
                "Each indicator is rated at one of %(levels)s levels, from the lowest to the "
                "highest:"
            )
            % names
        ),
        BulletList([plain(level.label, lang) for level in framework.levels]),
        Paragraph(
            _(
                "An indicator is rated at the highest level whose criteria the team meets; when "
                "it meets the criteria of no level, it is rated at the lowest one. The criteria "
                "of each level are quoted with the findings below."
            )
        ),
        Table(
            [_("Dimension"), _("Indicator"), _("What it looks at")],
            rows,
            caption=_("Dimensions and indicators of %(framework)s, version %(version)s") % names,
            column_widths=[1.2, 1.6, 2.6],
        ),
    ]


def process_section(data: ReportData) -> list[Block]:
    assessment = data.assessment
    blocks: list[Block] = [Heading(_("The assessment team"), 2)]
    if data.team:
        entities = {member.entity.strip().casefold() for member in data.team if member.entity}
        blocks += [
            Paragraph(
                _(
                    "An assessment team drawn from the member organisations made the "
                    "assessment: it gathered the evidence, proposed the ratings and prepared the "
                    "update of the action plan. Members: %(members)s; organisations represented: "
                    "%(entities)s."
                )
                % {"members": len(data.team), "entities": len(entities)}
            ),
            Table(
                [_("Name"), _("Entity"), _("Title"), _("Coordinator")],
                [
                    [
                        member.name,
                        member.entity or DASH,
                        member.title or DASH,
                        yes_no(member.is_coordinator),
                    ]
                    for member in data.team
                ],
                caption=_("Members of the assessment team"),
                column_widths=[1.6, 1.1, 2.6, 0.9],
            ),
        ]
    else:
        blocks.append(Paragraph(_("No member of the assessment team has been recorded.")))
    blocks.append(Heading(_("How the assessment was made"), 2))
    blocks += _texts(assessment.process_text)
    blocks.append(Heading(_("Country context"), 2))
    blocks += _texts(assessment.context_text)
    return blocks


def _texts(text: str) -> list[Block]:
    parts = text_blocks(text)
    return [Paragraph(part) for part in parts] or [Paragraph(_("Not recorded."))]


def rating_rows(data: ReportData) -> list[list[str]]:
    """Dimension, indicator, rating, reassessed, year: one row per indicator."""
    year = data.assessment.year
    return [
        [
            plain(row.dimension.title, data.lang),
            data.indicator_title(row.code),
            data.level_label(row.level),
            yes_no(row.reassessed),
            str(row.rating_year(year) or DASH),
        ]
        for row in data.rows
    ]


def ratings_section(data: ReportData) -> list[Block]:
    year = data.assessment.year
    rows = rating_rows(data)
    blocks: list[Block] = [
        Paragraph(
            _(
                "Each indicator is listed with the rating that counts in %(year)s: the new "
                "rating where the team reassessed it this year, otherwise its most recent "
                "earlier rating."
            )
            % {"year": year}
        ),
        Table(
            [_("Dimension"), _("Indicator"), _("Rating"), _("Reassessed"), _("Year of the rating")],
            rows,
            caption=_("Ratings of the %(count)s indicators in %(year)s")
            % {"count": len(rows), "year": year},
            column_widths=[1.4, 2.3, 1.9, 0.9, 1.0],
        ),
    ]
    if any(row.level and row.rating_year(year) is None for row in data.rows):
        blocks.append(
            Paragraph(
                _(
                    "A dash as the year: the rating was carried over from an earlier report "
                    "that does not say in which year it was given."
                )
            )
        )
    blocks += [
        Paragraph(_("Number of indicators at each level:")),
        BulletList([f"{data.level_label(key)}: {n}" for key, n in counts(data).items()]),
    ]
    return blocks


def chart_of(data: ReportData) -> Chart:
    """Stacked bars: indicators at each level, one bar per dimension."""
    names = [plain(dimension.title, data.lang) for dimension in data.framework.dimensions]
    by_dimension: dict[str, dict[str, int]] = {name: {} for name in names}
    for row in data.rows:
        cell = by_dimension[plain(row.dimension.title, data.lang)]
        key = row.level or NOT_RATED
        cell[key] = cell.get(key, 0) + 1
    levels = [*data.framework.level_keys]
    if any(not row.level for row in data.rows):
        levels.append(NOT_RATED)
    return ratings_by_dimension_chart(
        names,
        levels,
        by_dimension,
        title=_("Ratings by dimension, %(year)s") % {"year": data.assessment.year},
        level_labels={key: data.level_label(key) for key in levels},
        colors=_colors(data),
        x_label=_("Number of indicators"),
    )


def _colors(data: ReportData) -> dict[str, str]:
    keys = data.framework.level_keys
    if all(key in RATING_COLORS for key in keys):
        colors = {key: RATING_COLORS[key] for key in keys}
    elif len(keys) == len(SEQUENTIAL):
        colors = dict(zip(keys, SEQUENTIAL, strict=True))
    else:
        colors = {}
    return colors | {NOT_RATED: RATING_COLORS["not_applicable"]}


def chart_section(data: ReportData, chart: Chart) -> list[Block]:
    names = {"team": data.assessment.organisation.name, "year": data.assessment.year}
    details = "; ".join(
        f"{plain(dimension.title, data.lang)}: {_summary(data, dimension)}"
        for dimension in data.framework.dimensions
    )
    return [
        Figure(
            png=chart.png,
            svg=chart.svg,
            alt=_("Ratings by dimension. %(details)s.") % {"details": details},
            caption=_("Indicators at each level, by dimension: %(team)s, %(year)s") % names,
        ),
        Paragraph(
            _(
                "Each bar shows, for one dimension, how many of its indicators are at each "
                "level; the number at the end of a bar is the number of indicators in the "
                "dimension."
            )
        ),
    ]


def _summary(data: ReportData, dimension: Dimension) -> str:
    """``"Meets minimum requirements 2, Exceeds minimum requirements 1"``, lowest first."""
    found = Counter(row.level or NOT_RATED for row in data.rows if row.dimension == dimension)
    keys = (*data.framework.level_keys, NOT_RATED)
    return ", ".join(f"{data.level_label(key)} {found[key]}" for key in keys if found[key])
