"""Result identifiers in the IATI convention UN Women uses, without the database.

A result's identifier is its publisher's organisation identifier, the office, and the
result's code: ``XM-DAC-41146-MEX_D_1.1`` is UN Women (``XM-DAC-41146``), the Mexico
country office (``MEX``), development outcome 1.1. The code's letter is its kind:

- ``D`` a development result (the Strategic Note's outcomes aligned with the Cooperation
  Framework, and the outputs under them),
- ``O`` an organisational result (the office's own effectiveness and efficiency).

The number is one to four dot-separated positive integers without leading zeros, so
each code has one spelling. An output's number extends its outcome's by one part
(``D_1.1.2`` is under ``D_1.1``): :func:`is_under`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from django.utils.translation import gettext as _

__all__ = [
    "IdentifierError",
    "ResultCode",
    "ResultId",
    "ResultKind",
    "build_identifier",
    "is_under",
    "parse_code",
    "parse_identifier",
]

MAX_DEPTH = 4
PUBLISHER = re.compile(r"[A-Z0-9]+(?:-[A-Z0-9]+)+")
OFFICE = re.compile(r"[A-Z]{2,10}")  # letters: a number would be part of the publisher
CODE = re.compile(r"(?P<kind>[DO])_(?P<number>[1-9][0-9]*(?:\.[1-9][0-9]*){0,3})")


class IdentifierError(ValueError):
    """A text that is not a result identifier or code; the message says which and why."""


class ResultKind(StrEnum):
    DEVELOPMENT = "D"
    ORGANISATIONAL = "O"


@dataclass(frozen=True, order=True)
class ResultCode:
    """A result's code within its office: ``D_1.1``."""

    kind: ResultKind
    number: tuple[int, ...]

    def __str__(self) -> str:
        return f"{self.kind.value}_{'.'.join(str(part) for part in self.number)}"


@dataclass(frozen=True)
class ResultId:
    """A full identifier: publisher, office and code."""

    publisher: str
    office: str
    code: ResultCode

    def __str__(self) -> str:
        return f"{self.publisher}-{self.office}_{self.code}"


def parse_code(text: str) -> ResultCode:
    """``D_1.1`` read as its kind and number."""
    found = CODE.fullmatch(text)
    if found is None:
        raise IdentifierError(
            _("%(text)s is not a result code: write D_ or O_ and a number like 1.1.")
            % {"text": repr(text)}
        )
    number = tuple(int(part) for part in found["number"].split("."))
    return ResultCode(ResultKind(found["kind"]), number)


def parse_identifier(text: str) -> ResultId:
    """``XM-DAC-41146-MEX_D_1.1`` read as publisher, office and code."""
    prefix, sep, code = text.partition("_")
    publisher, dash, office = prefix.rpartition("-")
    if not (sep and dash and PUBLISHER.fullmatch(publisher) and OFFICE.fullmatch(office)):
        raise IdentifierError(
            _(
                "%(text)s is not a result identifier: write the publisher, the office and "
                "the code, like XM-DAC-41146-MEX_D_1.1."
            )
            % {"text": repr(text)}
        )
    try:
        return ResultId(publisher, office, parse_code(code))
    except IdentifierError as exc:
        raise IdentifierError(f"{text!r}: {exc}") from None


def build_identifier(*, publisher: str, office: str, code: ResultCode) -> str:
    """The identifier of ``code`` in ``office`` of ``publisher``; refuses parts that would
    not read back."""
    built = f"{publisher}-{office}_{code}"
    if parse_identifier(built) != ResultId(publisher, office, code):
        raise IdentifierError(_("%(text)s would not read back.") % {"text": repr(built)})
    return built


def is_under(child: ResultCode, parent: ResultCode) -> bool:
    """Whether ``child`` is directly under ``parent`` (an output of an outcome)."""
    return (
        child.kind == parent.kind
        and len(child.number) == len(parent.number) + 1
        and child.number[: len(parent.number)] == parent.number
    )
