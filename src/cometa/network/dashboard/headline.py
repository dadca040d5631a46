"""Which common indicators the dashboard leads with, in words people use, and the names of
the ways a table can be cut (by member, site or cohort; by one dimension).

The eight headline indicators answer the seed's question in order: how many women the
network reaches, whether they stay and attend, whether they finish and graduate, and six
months later whether they work, or are still where they were on arrival, with the
follow-up's response rate beside every outcome of the round (an outcome among few
respondents says little).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from cometa.indicators.dimensions import builtin_dimensions
from cometa.network.indicators.definitions import COMMON, by_code

__all__ = [
    "BY",
    "HEADLINE",
    "ROW",
    "Headline",
    "codes",
    "column_label",
    "dimension_name",
    "language",
    "response_code",
    "title_of",
]


@dataclass(frozen=True)
class Headline:
    code: str
    title: Promise
    about: Promise


HEADLINE: tuple[Headline, ...] = (
    Headline("CI-01", _("Women enrolled"),
             _("Enrolments in the period of women who agreed to be counted.")),
    Headline("CI-03", _("Attended at least 80 per cent of sessions"),
             _("Among women enrolled in the period with sessions marked.")),
    Headline("CI-04", _("Dropped out"),
             _("Among enrolments in cohorts that ended in the period, less transfers.")),
    Headline("CI-05", _("Completed the programme"),
             _("Among enrolments in cohorts that ended in the period, less transfers.")),
    Headline("CI-11", _("Graduated"),
             _("Among enrolments in cohorts that ended in the period, less transfers.")),
    Headline("CI-07-FU6", _("Working six months on"),
             _("In income-generating work at the six-month follow-up, among respondents.")),
    Headline("CI-21-FU6", _("Same situation as on arrival"),
             _("Did not work on arrival and, six months on, neither works, runs a business "
               "nor studies; among respondents.")),
    Headline("CI-12-FU6", _("Answered the six-month follow-up"),
             _("Follow-ups due in the period answered within their window.")),
)  # fmt: skip

#: the rows a drill-down table can have, with their names
BY: dict[str, Promise] = {
    "member": _("By member"),
    "site": _("By centre"),
    "cohort": _("By cohort"),
}
#: the heading of the rows' column in a drill-down table
ROW: dict[str, Promise] = {"member": _("Member"), "site": _("Centre"), "cohort": _("Cohort")}


def response_code(code: str) -> str | None:
    """The response rate (CI-12) of the follow-up round an outcome belongs to, None for an
    indicator that is not a follow-up outcome (or is the response rate itself)."""
    family = by_code()[code].family
    if not family.startswith("fu") or code.startswith("CI-12-"):
        return None
    return f"CI-12-{family.upper()}"


def title_of(code: str) -> str:
    """The headline's own words for a headline indicator, else the definition's title in
    the interface language (English where it has no translation)."""
    for headline in HEADLINE:
        if headline.code == code:
            return str(headline.title)
    return by_code()[code].definition.title.get(language())


def dimension_name(dimension: str) -> str:
    found = builtin_dimensions().get(dimension)
    return found.name.get(language()) if found else dimension


def column_label(dimension: str, code: str) -> str:
    """A column's code as words, from the floor's code list (the code if it has none)."""
    found = builtin_dimensions().get(dimension)
    for item in found.codes if found else ():
        if item.code == code:
            return item.label.get(language())
    return code


def language() -> str:
    return (get_language() or "en").split("-")[0]


def codes() -> list[str]:
    """Every common indicator's code, in the definitions' order."""
    return [common.code for common in COMMON]
