"""Fixture files and small builders shared by the IATI tests."""

from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"

HEADER = """<iati-identifier>XM-DAC-41146-MEX_D_1.1</iati-identifier>
<reporting-org ref="XM-DAC-41146" type="40"><narrative>UN Women</narrative></reporting-org>
<title><narrative>Outcome</narrative></title>
<description><narrative>Outcome 1.1</narrative></description>
<participating-org role="4"/>
<activity-status code="2"/>
<activity-date type="1" iso-date="2022-01-01"/>"""

PERIOD = """<period><period-start iso-date="2022-01-01"/><period-end iso-date="2022-12-31"/>
<target value="10"/><actual value="12"/></period>"""


def document(results: str = "", version: str = "2.03", header: str = HEADER) -> bytes:
    """An iati-activities file with one activity holding ``results``; line 1 is the root,
    line 2 the activity, the header takes lines 2 to 8."""
    return (
        f'<iati-activities version="{version}">\n<iati-activity xml:lang="en">{header}\n'
        f"{results}\n</iati-activity>\n</iati-activities>\n"
    ).encode()


def result(indicator: str = "", measure: str = "1", result_type: str = "2") -> str:
    body = indicator or PERIOD
    return (
        f'<result type="{result_type}"><title><narrative>R</narrative></title>'
        f'<indicator measure="{measure}"><title><narrative>I</narrative></title>{body}'
        "</indicator></result>"
    )


@pytest.fixture
def full_file() -> Path:
    return FIXTURES / "full.xml"


@pytest.fixture
def other_publisher_file() -> Path:
    return FIXTURES / "other_publisher.xml"
