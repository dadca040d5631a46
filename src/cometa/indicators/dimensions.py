"""Disaggregation dimensions and their code lists, read from ``codelists/*.yaml``.

Each file describes one dimension: its code (the name used in disaggregation keys), its
name in the three languages, where its codes come from, whether it is *exhaustive* (its
codes part the whole: every person falls under exactly one, so the parts add up to the
total) and its codes with labels. A code list never holds a total code such as SDMX's
``_T``: the total is the value without the dimension.

This module reads and checks the files; ``store.codelists_sync`` copies them into the
database, where indicator definitions point at them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from cometa.indicators.texts import Text

DIMENSION_CODE = re.compile(r"[a-z][a-z0-9_]{0,39}")
VALUE_CODE = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.+-]{0,39}")
TOTAL_CODES = frozenset({"_T", "_Z"})


class CodelistError(ValueError):
    """A code list file that cannot be used; the message names the file and the problem."""


@dataclass(frozen=True)
class Code:
    code: str
    label: Text


@dataclass(frozen=True)
class Dimension:
    code: str
    name: Text
    source: str
    exhaustive: bool
    codes: tuple[Code, ...]
    note: Text | None = None

    @property
    def code_values(self) -> tuple[str, ...]:
        return tuple(item.code for item in self.codes)


class _TextFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    en: str = Field(min_length=1)
    es: str = Field(min_length=1)
    ru: str = Field(min_length=1)


class _CodeFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    code: str = Field(pattern=f"^{VALUE_CODE.pattern}$")
    label: _TextFile

    @field_validator("code")
    @classmethod
    def _not_total(cls, value: str) -> str:
        if value in TOTAL_CODES:
            raise ValueError(f"{value} is a total code: the total is the value without dimension")
        return value


class _DimensionFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    code: str = Field(pattern=f"^{DIMENSION_CODE.pattern}$")
    name: _TextFile
    source: str = Field(min_length=1)
    exhaustive: bool
    note: _TextFile | None = None
    codes: list[_CodeFile] = Field(min_length=1)

    @field_validator("codes")
    @classmethod
    def _unique(cls, codes: list[_CodeFile]) -> list[_CodeFile]:
        seen = [item.code for item in codes]
        twice = sorted({code for code in seen if seen.count(code) > 1})
        if twice:
            raise ValueError(f"codes listed twice: {', '.join(twice)}")
        return codes


def _text(data: _TextFile) -> Text:
    return Text(data.en, data.es, data.ru)


def parse_codelist(text: str, name: str) -> Dimension:
    """One code list from its YAML text; ``name`` (the file name) appears in errors."""
    try:
        data: Any = yaml.safe_load(text)
        parsed = _DimensionFile.model_validate(data)
    except yaml.YAMLError as exc:
        raise CodelistError(f"{name}: not YAML: {exc}") from exc
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in error['loc'])}: {error['msg']}" for error in exc.errors()
        )
        raise CodelistError(f"{name}: {problems}") from exc
    return Dimension(
        code=parsed.code,
        name=_text(parsed.name),
        source=parsed.source,
        exhaustive=parsed.exhaustive,
        note=_text(parsed.note) if parsed.note else None,
        codes=tuple(Code(item.code, _text(item.label)) for item in parsed.codes),
    )


def check_unique(dimensions: Iterable[Dimension]) -> dict[str, Dimension]:
    """The dimensions by code; two files for one dimension are an error."""
    found: dict[str, Dimension] = {}
    for dimension in dimensions:
        if dimension.code in found:
            raise CodelistError(f"dimension {dimension.code!r} is described twice")
        found[dimension.code] = dimension
    return found


@cache
def builtin_dimensions() -> Mapping[str, Dimension]:
    """The dimensions shipped in ``cometa/indicators/codelists/``, by code."""
    folder = resources.files("cometa.indicators") / "codelists"
    files = sorted(
        (item for item in folder.iterdir() if item.name.endswith(".yaml")), key=lambda f: f.name
    )
    return check_unique(parse_codelist(item.read_text("utf-8"), item.name) for item in files)
