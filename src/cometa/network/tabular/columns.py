"""The columns of each kind of file: name, type, whether required, code list, help.

The header row uses the ``name`` (stable, the same in every language); the help text is
translated and shown on the template's instructions sheet. One list per kind, read by the
template, the reader, the validator and the export, so they cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from functools import cached_property
from typing import TYPE_CHECKING

from django.db import models
from django.utils.translation import gettext_lazy as _

from cometa.network.codes import (
    WG_DOMAINS,
    AttendanceStatus,
    Difficulty,
    DropReason,
    Education,
    EnrolmentStatus,
    FollowUpRound,
    IncomeBand,
    Migration,
    Sex,
    WorkStatus,
)

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


class Type(StrEnum):
    TEXT = "text"
    DATE = "date"  # YYYY-MM-DD (or DD/MM/YYYY); a date cell in a workbook
    INTEGER = "integer"
    YESNO = "yes/no"
    CODE = "code"  # one code of the column's list
    CODES = "codes"  # several codes of the list, separated by ";"


Choices = type[models.Choices]


@dataclass(frozen=True)
class Column:
    name: str
    type: Type
    help: StrOrPromise
    required: bool = False
    codes: Choices | None = None
    low: int | None = None  # for integers: the plausible range
    high: int | None = None
    spaced: bool = False  # several codes separated by spaces (XLSForm exports), not ";"

    def code_values(self) -> list[str]:
        return [str(value) for value in self.codes.values] if self.codes else []

    @cached_property
    def code_lookup(self) -> dict[str, str | int]:
        """Each code folded to lower case, to the value stored (an integer for integer
        codes). Built once: Django builds a list each time ``Choices.values`` is read."""
        integers = self.codes is not None and issubclass(self.codes, models.IntegerChoices)
        return {value.casefold(): int(value) if integers else value for value in self.code_values()}


@dataclass(frozen=True)
class Kind:
    name: str
    label: StrOrPromise
    columns: tuple[Column, ...]

    @property
    def names(self) -> list[str]:
        return [column.name for column in self.columns]

    def column(self, name: str) -> Column:
        return next(column for column in self.columns if column.name == name)


def _code(name: str, codes: Choices, help: StrOrPromise, **kw: bool) -> Column:
    return Column(name, Type.CODE, help, codes=codes, **kw)


_PARTICIPANT = Column(
    "participant",
    Type.TEXT,
    _("Her source id in your system, or her Cometa code."),
    required=True,
)
_COHORT = Column("cohort", Type.TEXT, _("The cohort's code."), required=True)
_WG_HELP = {
    "wg_see": _("Washington Group: difficulty seeing, even with glasses."),
    "wg_hear": _("Washington Group: difficulty hearing, even with a hearing aid."),
    "wg_walk": _("Washington Group: difficulty walking or climbing steps."),
    "wg_cognition": _("Washington Group: difficulty remembering or concentrating."),
    "wg_selfcare": _("Washington Group: difficulty with self-care."),
    "wg_communicate": _("Washington Group: difficulty communicating."),
}

PARTICIPANTS = Kind(
    "participants",
    _("Participants"),
    (
        Column("source_system", Type.TEXT, _("The system the row comes from (a short name).")),
        Column(
            "source_id",
            Type.TEXT,
            _("Her id in that system: importing the file again finds her by it."),
        ),
        Column("code", Type.TEXT, _("Her Cometa code; leave empty for a new participant.")),
        Column("registered_on", Type.DATE, _("The day she was registered."), required=True),
        Column("given_names", Type.TEXT, _("Her given names (required for a new participant).")),
        Column("family_names", Type.TEXT, _("Her family names.")),
        Column("phone", Type.TEXT, _("Her phone number.")),
        Column("address", Type.TEXT, _("Her address.")),
        Column(
            "consent_take_part",
            Type.DATE,
            _("The day she consented to taking part (required)."),
            required=True,
        ),
        Column(
            "consent_share_backbone",
            Type.DATE,
            _("The day she consented to sharing her pseudonymous record with the backbone."),
        ),
        Column("consent_count_reports", Type.DATE, _("The day she consented to being counted.")),
        Column("consent_transfer", Type.DATE, _("The day she consented to a transfer.")),
        Column("birth_year", Type.INTEGER, _("Her year of birth."), low=1900, high=2100),
        _code("sex", Sex, _("Sex.")),
        _code("education", Education, _("Her highest education.")),
        Column("literate", Type.YESNO, _("Reads and writes a simple message.")),
        *(_code(name, Difficulty, _WG_HELP[name]) for name in WG_DOMAINS),
        Column("indigenous_self", Type.YESNO, _("Considers herself indigenous.")),
        Column("indigenous_language", Type.YESNO, _("Speaks an indigenous language.")),
        _code("migration", Migration, _("Migration.")),
        Column("rural", Type.YESNO, _("Lives in a rural locality.")),
        Column("household_size", Type.INTEGER, _("People in the household."), low=0, high=40),
        Column("children_under_6", Type.INTEGER, _("Children under 6."), low=0, high=40),
        Column("head_of_household", Type.YESNO, _("Head of household.")),
        _code("income_band", IncomeBand, _("Household income against the poverty lines.")),
        _code("work_status", WorkStatus, _("Work status.")),
    ),
)

ENROLMENTS = Kind(
    "enrolments",
    _("Enrolments"),
    (
        _PARTICIPANT,
        _COHORT,
        Column("enrolled_on", Type.DATE, _("The day she was enrolled."), required=True),
        Column("mentor", Type.TEXT, _("Her mentor's name, as on your staff list.")),
        _code("status", EnrolmentStatus, _("Where she stands now (empty: enrolled).")),
        Column("status_on", Type.DATE, _("Since when (required when the status is given).")),
        Column(
            "exit_reasons",
            Type.CODES,
            _("Why she dropped out: codes separated by “;”, the main one first."),
            codes=DropReason,
        ),
    ),
)

ATTENDANCE = Kind(
    "attendance",
    _("Attendance"),
    (
        _PARTICIPANT,
        _COHORT,
        Column("held_on", Type.DATE, _("The day of the session."), required=True),
        _code("status", AttendanceStatus, _("Her attendance."), required=True),
    ),
)

FOLLOWUPS = Kind(
    "followups",
    _("Follow-ups"),
    (
        _PARTICIPANT,
        _COHORT,
        _code("round", FollowUpRound, _("The follow-up round."), required=True),
        Column("responded_on", Type.DATE, _("The day she answered (empty: not yet).")),
        _code("work_status", WorkStatus, _("Her work status at this round.")),
        _code("income_band", IncomeBand, _("Household income at this round.")),
        Column("has_business", Type.YESNO, _("Runs a business.")),
        Column("in_education", Type.YESNO, _("Has gone back to education.")),
    ),
)

KINDS: dict[str, Kind] = {
    kind.name: kind for kind in (PARTICIPANTS, ENROLMENTS, ATTENDANCE, FOLLOWUPS)
}
