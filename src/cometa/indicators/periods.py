"""Reporting periods and their arithmetic, without the database.

A period is a closed range of days ``start..end`` (both included). Its kind is read from its
shape, never stored: 1 January to 31 December of one year is the year, the first to the last
day of a calendar quarter or month is that quarter or month, anything else is custom. So
``2022-01-01/2022-12-31`` and ``2022`` are the same period, and the text form is canonical:

========  ==========================  =============================
kind      text                        example
========  ==========================  =============================
year      ``YYYY``                    ``2022``
quarter   ``YYYY-Qn``                 ``2022-Q3``
month     ``YYYY-MM``                 ``2022-07``
custom    ``YYYY-MM-DD/YYYY-MM-DD``   ``2022-01-15/2022-06-30``
========  ==========================  =============================

Periods sort by start, then by end (the shorter first). The next period of a year, quarter
or month is the following one of the same kind; the next of a custom period starts the day
after it ends and is as many days long (and the previous mirrors it).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from django.utils.translation import gettext as _

__all__ = [
    "Period",
    "PeriodError",
    "PeriodKind",
    "custom",
    "month",
    "next_period",
    "parse_period",
    "period_of",
    "previous_period",
    "quarter",
    "split",
    "year",
]


class PeriodError(ValueError):
    """A text or a range that is not a period; the message says which and why."""


class PeriodKind(StrEnum):
    YEAR = "year"
    QUARTER = "quarter"
    MONTH = "month"
    CUSTOM = "custom"


@dataclass(frozen=True, order=True)
class Period:
    start: date
    end: date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise PeriodError(
                _("A period cannot end (%(end)s) before it starts (%(start)s).")
                % {"end": self.end, "start": self.start}
            )

    @property
    def kind(self) -> PeriodKind:
        start, end = self.start, self.end
        if start.day != 1 or end != _month_end(end.year, end.month) or start.year != end.year:
            return PeriodKind.CUSTOM
        months = end.month - start.month + 1
        if months == 12:
            return PeriodKind.YEAR
        if months == 3 and start.month % 3 == 1:
            return PeriodKind.QUARTER
        if months == 1:
            return PeriodKind.MONTH
        return PeriodKind.CUSTOM

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def __str__(self) -> str:
        kind = self.kind
        if kind is PeriodKind.YEAR:
            return f"{self.start.year:04d}"
        if kind is PeriodKind.QUARTER:
            return f"{self.start.year:04d}-Q{(self.start.month - 1) // 3 + 1}"
        if kind is PeriodKind.MONTH:
            return f"{self.start.year:04d}-{self.start.month:02d}"
        return f"{self.start.isoformat()}/{self.end.isoformat()}"

    def contains(self, other: Period | date) -> bool:
        """Whether a day, or every day of another period, lies inside this period."""
        if isinstance(other, Period):
            return self.start <= other.start and other.end <= self.end
        return self.start <= other <= self.end

    def overlaps(self, other: Period) -> bool:
        """Whether the two periods share at least one day."""
        return self.start <= other.end and other.start <= self.end


# --- Making periods ----------------------------------------------------------------------


def _month_end(year_: int, month_: int) -> date:
    return date(year_, month_, calendar.monthrange(year_, month_)[1])


def year(value: int) -> Period:
    return Period(date(value, 1, 1), date(value, 12, 31))


def quarter(year_: int, number: int) -> Period:
    if not 1 <= number <= 4:
        raise PeriodError(_("A quarter is numbered 1 to 4, not %(n)s.") % {"n": number})
    first = 3 * number - 2
    return Period(date(year_, first, 1), _month_end(year_, first + 2))


def month(year_: int, number: int) -> Period:
    if not 1 <= number <= 12:
        raise PeriodError(_("A month is numbered 1 to 12, not %(n)s.") % {"n": number})
    return Period(date(year_, number, 1), _month_end(year_, number))


def custom(start: date, end: date) -> Period:
    """Any range of days; it is a year, quarter or month if it has that shape."""
    return Period(start, end)


def period_of(day: date, kind: PeriodKind | str) -> Period:
    """The year, quarter or month that contains ``day``."""
    kind = PeriodKind(kind)
    if kind is PeriodKind.YEAR:
        return year(day.year)
    if kind is PeriodKind.QUARTER:
        return quarter(day.year, (day.month - 1) // 3 + 1)
    if kind is PeriodKind.MONTH:
        return month(day.year, day.month)
    raise PeriodError(_("A day belongs to a year, a quarter or a month, not to a custom period."))


# --- Text --------------------------------------------------------------------------------

_YEAR = re.compile(r"(\d{4})")
_QUARTER = re.compile(r"(\d{4})-Q([1-4])")
_MONTH = re.compile(r"(\d{4})-(\d{2})")
_RANGE = re.compile(r"(\d{4}-\d{2}-\d{2})/(\d{4}-\d{2}-\d{2})")


def parse_period(text: str) -> Period:
    """Read a period written as ``2022``, ``2022-Q3``, ``2022-07`` or ``2022-01-15/2022-06-30``."""
    cleaned = text.strip()
    try:
        if found := _YEAR.fullmatch(cleaned):
            return year(int(found[1]))
        if found := _QUARTER.fullmatch(cleaned):
            return quarter(int(found[1]), int(found[2]))
        if found := _MONTH.fullmatch(cleaned):
            return month(int(found[1]), int(found[2]))
        if found := _RANGE.fullmatch(cleaned):
            return custom(date.fromisoformat(found[1]), date.fromisoformat(found[2]))
    except ValueError as exc:  # an impossible date, or end before start
        raise PeriodError(
            _("%(text)s is not a period: %(problem)s") % {"text": repr(text), "problem": exc}
        ) from exc
    raise PeriodError(
        _(
            "%(text)s is not a period: write a year (2022), a quarter (2022-Q3), a month "
            "(2022-07) or a range of days (2022-01-15/2022-06-30)."
        )
        % {"text": repr(text)}
    )


# --- Arithmetic --------------------------------------------------------------------------


def _shift(period: Period, steps: int) -> Period:
    kind = period.kind
    if kind is PeriodKind.YEAR:
        return year(period.start.year + steps)
    if kind in (PeriodKind.QUARTER, PeriodKind.MONTH):
        size = 3 if kind is PeriodKind.QUARTER else 1
        index = period.start.year * 12 + period.start.month - 1 + steps * size
        first_year, first_month = divmod(index, 12)
        made = quarter if kind is PeriodKind.QUARTER else month
        return made(first_year, first_month // size + 1)
    length = timedelta(days=period.days)
    return Period(period.start + steps * length, period.end + steps * length)


def next_period(period: Period) -> Period:
    """The period that follows: the next year, quarter or month, or the next equal run of days."""
    return _shift(period, 1)


def previous_period(period: Period) -> Period:
    """The period that comes before, the mirror of :func:`next_period`."""
    return _shift(period, -1)


def split(period: Period, kind: PeriodKind | str) -> list[Period]:
    """A year into its quarters or months, or a quarter into its months, in order."""
    kind = PeriodKind(kind)
    outer = period.kind
    allowed = {
        PeriodKind.YEAR: (PeriodKind.QUARTER, PeriodKind.MONTH),
        PeriodKind.QUARTER: (PeriodKind.MONTH,),
    }
    if kind not in allowed.get(outer, ()):
        raise PeriodError(
            _("%(period)s cannot be split into periods of the kind %(kind)s.")
            % {"period": period, "kind": kind}
        )
    parts = [period_of(period.start, kind)]
    while parts[-1].end < period.end:
        parts.append(next_period(parts[-1]))
    return parts
