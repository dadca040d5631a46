"""The IATI 2.03 code lists that results and the held activity fields use, read from the
official files in ``data/codelists`` (each read once per process)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from lxml import etree

# Which list each checked attribute takes its codes from (IATI-Codelists mapping.xml, 2.03).
RESULT_TYPE = "ResultType"
INDICATOR_MEASURE = "IndicatorMeasure"
RESULT_VOCABULARY = "ResultVocabulary"
INDICATOR_VOCABULARY = "IndicatorVocabulary"
FILE_FORMAT = "FileFormat"
DOCUMENT_CATEGORY = "DocumentCategory"
LANGUAGE = "Language"
ORGANISATION_TYPE = "OrganisationType"
ORGANISATION_ROLE = "OrganisationRole"
ACTIVITY_STATUS = "ActivityStatus"
ACTIVITY_DATE_TYPE = "ActivityDateType"
DESCRIPTION_TYPE = "DescriptionType"

QUANTITATIVE = frozenset({"1", "2", "3", "4"})  # IndicatorMeasure codes with numeric values
QUALITATIVE = "5"


@dataclass(frozen=True)
class CodeList:
    name: str
    active: frozenset[str]
    withdrawn: frozenset[str]

    def knows(self, code: str) -> bool:
        return code in self.active or code in self.withdrawn


def _parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)


@cache
def codelist(name: str) -> CodeList:
    source = files("cometa.interchange.iati") / "data" / "codelists" / f"{name}.xml"
    root = etree.fromstring(source.read_bytes(), _parser())
    active: set[str] = set()
    withdrawn: set[str] = set()
    for item in root.iter("codelist-item"):
        code = (item.findtext("code") or "").strip()
        (withdrawn if item.get("status") == "withdrawn" else active).add(code)
    return CodeList(name, frozenset(active), frozenset(withdrawn))
