"""The code lists are read from the official files."""

from __future__ import annotations

from cometa.interchange.iati import codes


def test_the_result_code_lists_hold_the_standard_codes():
    assert codes.codelist(codes.RESULT_TYPE).active == {"1", "2", "3", "9"}
    assert codes.codelist(codes.INDICATOR_MEASURE).active == {"1", "2", "3", "4", "5"}
    assert codes.codelist(codes.RESULT_VOCABULARY).active == {"99"}
    assert {"9", "99"} <= codes.codelist(codes.INDICATOR_VOCABULARY).active


def test_withdrawn_codes_are_known_but_not_active():
    formats = codes.codelist(codes.FILE_FORMAT)
    assert "application/font-sfnt" in formats.withdrawn
    assert formats.knows("application/font-sfnt") and formats.knows("application/pdf")
    assert not formats.knows("application/x-unknown")
