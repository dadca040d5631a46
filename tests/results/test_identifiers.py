"""Result identifiers in the IATI convention (``XM-DAC-41146-MEX_D_1.1``): building,
parsing, and which output codes sit under which outcome."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cometa.results.identifiers import (
    IdentifierError,
    ResultCode,
    ResultId,
    ResultKind,
    build_identifier,
    is_under,
    parse_code,
    parse_identifier,
)

PROPERTY = settings(derandomize=True, max_examples=300, deadline=None, database=None)


@pytest.mark.parametrize(
    ("text", "publisher", "office", "kind", "number"),
    [
        ("XM-DAC-41146-MEX_D_1.1", "XM-DAC-41146", "MEX", ResultKind.DEVELOPMENT, (1, 1)),
        ("XM-DAC-41146-MEX_O_1", "XM-DAC-41146", "MEX", ResultKind.ORGANISATIONAL, (1,)),
        ("XM-DAC-41146-KAZ_D_6.1.2", "XM-DAC-41146", "KAZ", ResultKind.DEVELOPMENT, (6, 1, 2)),
        ("GB-GOV-1-ECARO_O_4", "GB-GOV-1", "ECARO", ResultKind.ORGANISATIONAL, (4,)),
    ],
)
def test_parse_reads_each_part(text, publisher, office, kind, number) -> None:
    parsed = parse_identifier(text)
    assert parsed == ResultId(publisher, office, ResultCode(kind, number))
    assert str(parsed) == text


@pytest.mark.parametrize(
    "text",
    [
        "",
        "XM-DAC-41146-MEX",  # no result code
        "XM-DAC-41146_D_1.1",  # no office
        "MEX_D_1.1",  # no publisher
        "XM-DAC-41146-MEX_X_1.1",  # neither development nor organisational
        "XM-DAC-41146-MEX_D_",  # no number
        "XM-DAC-41146-MEX_D_1..1",
        "XM-DAC-41146-MEX_D_1.1.",
        "XM-DAC-41146-MEX_D_01.1",  # leading zero: two spellings of one code
        "XM-DAC-41146-MEX_D_1.1.1.1.1",  # deeper than an activity
        "XM-DAC-41146-mex_D_1.1",  # office codes are upper case
        "XM-DAC-41146-MEX_D_1.1 ",
        "XM DAC-41146-MEX_D_1.1",
    ],
)
def test_parse_refuses_what_is_not_an_identifier(text: str) -> None:
    with pytest.raises(IdentifierError):
        parse_identifier(text)


def test_the_error_names_the_text() -> None:
    with pytest.raises(IdentifierError, match="XM-DAC-41146-MEX_X_1"):
        parse_identifier("XM-DAC-41146-MEX_X_1")


@pytest.mark.parametrize(
    ("code", "kind", "number"),
    [
        ("D_1.1", ResultKind.DEVELOPMENT, (1, 1)),
        ("O_3", ResultKind.ORGANISATIONAL, (3,)),
        ("D_2.2.10", ResultKind.DEVELOPMENT, (2, 2, 10)),
    ],
)
def test_parse_code(code: str, kind: ResultKind, number: tuple[int, ...]) -> None:
    assert parse_code(code) == ResultCode(kind, number)
    assert str(parse_code(code)) == code


@pytest.mark.parametrize(
    ("child", "parent", "under"),
    [
        ("D_1.1.1", "D_1.1", True),
        ("D_1.1.12", "D_1.1", True),
        ("D_1.12", "D_1.1", False),  # a sibling, not a child
        ("D_1.1", "D_1.1", False),  # itself
        ("O_1.1", "D_1", False),  # another kind
        ("D_1.1.1.1", "D_1.1", False),  # a grandchild
        ("O_2.1", "O_2", True),
    ],
)
def test_is_under(child: str, parent: str, under: bool) -> None:
    assert is_under(parse_code(child), parse_code(parent)) is under


publishers = st.lists(
    st.text("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", min_size=1, max_size=6), min_size=2, max_size=4
).map("-".join)
offices = st.text("ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=2, max_size=8)
numbers = st.lists(st.integers(1, 99), min_size=1, max_size=4).map(tuple)


@PROPERTY
@given(publishers, offices, st.sampled_from(ResultKind), numbers)
def test_build_then_parse_gives_the_parts_back(publisher, office, kind, number) -> None:
    built = build_identifier(publisher=publisher, office=office, code=ResultCode(kind, number))
    assert parse_identifier(built) == ResultId(publisher, office, ResultCode(kind, number))


@PROPERTY
@given(st.sampled_from(ResultKind), numbers, st.integers(1, 99))
def test_a_child_number_is_under_its_parent_only(kind, number, last) -> None:
    if len(number) == 4:
        number = number[:3]
    parent = ResultCode(kind, number)
    child = ResultCode(kind, (*number, last))
    assert is_under(child, parent)
    assert not is_under(parent, child)
    assert parse_code(str(child)) == child


def test_build_refuses_a_bad_office() -> None:
    with pytest.raises(IdentifierError):
        build_identifier(publisher="XM-DAC-41146", office="mex", code=parse_code("D_1"))
