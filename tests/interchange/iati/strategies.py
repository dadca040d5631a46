"""Hypothesis strategies for valid activities: every part of a result, with the values,
codes and dates the standard allows, so that an export of them must pass its checks."""

from __future__ import annotations

import datetime

from hypothesis import strategies as st

from cometa.interchange.iati.model import (
    Activity,
    ActivityDate,
    Baseline,
    Code,
    Description,
    Dimension,
    DocumentLink,
    Indicator,
    Location,
    Narrative,
    Organisation,
    Period,
    Reference,
    Result,
    Text,
    Value,
)

LANGS = st.sampled_from([None, "en", "es", "fr", "ru"])
WORDS = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=20
)
NUMBERS = st.from_regex(r"\A-?[0-9]{1,7}(\.[0-9]{1,3})?\Z")
DATES = st.dates(datetime.date(1990, 1, 1), datetime.date(2060, 12, 31))
SMALL = {"max_size": 3}


def tuples(strategy, min_size=0, max_size=3):
    return st.lists(strategy, min_size=min_size, max_size=max_size).map(tuple)


TEXTS = st.builds(Text, tuples(st.builds(Narrative, WORDS, LANGS), min_size=1))
OPTIONAL_TEXT = st.none() | TEXTS
LINKS = tuples(
    st.builds(
        DocumentLink,
        url=st.sampled_from(["https://example.org/a.pdf", "https://example.org/b"]),
        format=st.sampled_from(["application/pdf", "text/html"]),
        title=TEXTS,
        categories=tuples(st.builds(Code, st.sampled_from(["A01", "A04", "A07"])), 1),
        description=OPTIONAL_TEXT,
        languages=tuples(st.builds(Code, st.sampled_from(["en", "es", "ru"]))),
        document_date=st.none() | DATES,
    ),
    max_size=2,
)
WHERE = {
    "locations": tuples(st.builds(Location, st.none() | WORDS), max_size=2),
    "dimensions": tuples(st.builds(Dimension, st.none() | WORDS, st.none() | WORDS)),
}


def values(measure: str):
    return NUMBERS if measure != "5" else st.none()


@st.composite
def periods(draw, measure: str) -> Period:
    start, end = sorted([draw(DATES), draw(DATES)])
    cell = st.builds(
        Value, value=values(measure), comment=OPTIONAL_TEXT, document_links=LINKS, **WHERE
    )
    return Period(start, end, draw(tuples(cell, max_size=4)), draw(tuples(cell, max_size=4)))


@st.composite
def indicators(draw, with_references: bool) -> Indicator:
    measure = draw(st.sampled_from(["1", "2", "3", "4", "5"]))
    baseline = st.builds(
        Baseline,
        year=st.integers(1990, 2060),
        iso_date=st.none() | DATES,
        value=values(measure),
        document_links=LINKS,
        comment=OPTIONAL_TEXT,
        **WHERE,
    )
    references = st.builds(
        Reference, st.sampled_from(["9", "99"]), WORDS, st.none() | st.just("https://x.org/i")
    )
    return Indicator(
        measure=measure,
        title=draw(TEXTS),
        ascending=draw(st.none() | st.booleans()),
        aggregation_status=draw(st.none() | st.booleans()),
        description=draw(OPTIONAL_TEXT),
        document_links=draw(LINKS),
        references=draw(tuples(references)) if with_references else (),
        baselines=draw(tuples(baseline)),
        periods=draw(tuples(periods(measure))),
    )


@st.composite
def results(draw) -> Result:
    at_result_level = draw(st.booleans())  # rule 8.11.1: references at one level only
    references = st.builds(Reference, st.just("99"), WORDS, st.none() | st.just("https://x.org"))
    return Result(
        type=draw(st.sampled_from(["1", "2", "3", "9"])),
        title=draw(TEXTS),
        indicators=draw(tuples(indicators(not at_result_level), min_size=1, max_size=2)),
        aggregation_status=draw(st.none() | st.booleans()),
        description=draw(OPTIONAL_TEXT),
        document_links=draw(LINKS),
        references=draw(tuples(references)) if at_result_level else (),
    )


activities = st.builds(
    Activity,
    identifier=st.from_regex(r"\AXM-DAC-41146-[A-Z]{3}_D_[0-9]\.[0-9]\Z"),
    reporting_org=st.builds(
        Organisation,
        ref=st.just("XM-DAC-41146"),
        type=st.just("40"),
        name=tuples(st.builds(Narrative, WORDS, LANGS), min_size=1),
    ),
    title=TEXTS,
    descriptions=tuples(st.builds(Description, TEXTS, st.none() | st.just("1")), min_size=1),
    participating_orgs=tuples(st.builds(Organisation, role=st.sampled_from(["1", "4"])), 1),
    status=st.sampled_from(["1", "2", "3"]),
    dates=tuples(st.builds(ActivityDate, st.sampled_from(["1", "2"]), DATES), min_size=1),
    results=tuples(results(), max_size=3),
    lang=st.just("en"),
)
