"""One file of an office's annual results report: ``(data, format, language)`` -> its bytes,
name and content type. The report page's downloads and ``cometa results report`` both call
:func:`report_file`, so a file is the same whichever way it is asked for.

``pdf`` and ``docx`` are the whole report (``document.build_report``); ``csv`` and ``xlsx``
the indicator values in long format (``values``). Names are ASCII, such as
``mex-2022-results-report.pdf`` (``-es``/``-ru`` before the extension). Whoever calls this
has read the data through the selectors (or acts as the system).
"""

from __future__ import annotations

import logging
import time
from typing import cast

from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from cometa.reports.renderers import CONTENT_TYPES, DocumentFormat
from cometa.reports.renderers import render as render_document
from cometa.reports.renderers.tabular import to_csv, to_xlsx
from cometa.reports.web import ReportFile
from cometa.results.report.data import ReportData
from cometa.results.report.document import build_report
from cometa.results.report.values import HEADERS, value_rows
from cometa.results.report.words import check_language

logger = logging.getLogger(__name__)

#: The report as a document, then the indicator values as a table.
FORMATS = ("pdf", "docx", "xlsx", "csv")


def report_file(data: ReportData, fmt: str, lang: str) -> ReportFile:
    """The report as ``fmt`` (one of :data:`FORMATS`) in ``lang``; ``ValueError`` for a
    format or a language there is no report in."""
    check_language(lang)
    if fmt in ("pdf", "docx"):
        started = time.perf_counter()
        made = render_document(build_report(data, lang=lang), cast(DocumentFormat, fmt))
        logger.info(
            "results report %s of %s %s (%s): %d bytes in %.2f s",
            fmt,
            data.office_code,
            data.year,
            lang,
            len(made),
            time.perf_counter() - started,
        )
        stem = "results-report"
    elif fmt in ("csv", "xlsx"):
        rows = value_rows(data, lang)
        if fmt == "csv":
            made = to_csv(HEADERS, rows)
        else:
            with translation.override(lang):
                sheet = _("Indicator values")
            made = to_xlsx([(sheet, HEADERS, rows)])
        stem = "indicator-values"
    else:
        raise ValueError(f"Reports come as {', '.join(FORMATS)}, not {fmt!r}")
    return ReportFile(made, file_name(data, stem, fmt, lang), CONTENT_TYPES[fmt])


def file_name(data: ReportData, stem: str, extension: str, lang: str) -> str:
    office = slugify(data.office_code)[:20].strip("-") or "office"
    parts = [office, str(data.year), stem, *([lang] if lang != "en" else [])]
    return "-".join(parts) + "." + extension
