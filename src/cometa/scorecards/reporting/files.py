"""One report file of an assessment: ``(assessment, format, language)`` → the file's bytes,
its name and its content type. The report page's downloads and ``cometa scorecard report``
both call :func:`report_file`, so a file is the same whichever way it is asked for.

``pdf`` and ``docx`` are the whole report (``build_report``), ``csv`` and ``xlsx`` the
table of ratings (``ratings_table``). File names are ASCII, such as
``unct-kazakhstan-2022-scorecard.pdf`` (``-es``/``-ru`` before the extension). Whoever calls
this has checked that the reader may see the assessment.
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
from cometa.scorecards.models import Assessment
from cometa.scorecards.reporting.data import check_language
from cometa.scorecards.reporting.report import build_report, ratings_table

logger = logging.getLogger(__name__)

#: The report as a document, then the ratings as a table.
FORMATS = ("pdf", "docx", "xlsx", "csv")


def report_file(assessment: Assessment, fmt: str, lang: str) -> ReportFile:
    """The report of ``assessment`` as ``fmt`` (one of :data:`FORMATS`) in ``lang``;
    ``ValueError`` for a format or a language there is no report in."""
    check_language(lang)
    if fmt == "pdf" or fmt == "docx":
        started = time.perf_counter()
        data = render_document(build_report(assessment, lang=lang), cast(DocumentFormat, fmt))
        logger.info(
            "report %s of assessment %s (%s): %d bytes in %.2f s",
            fmt,
            assessment.pk,
            lang,
            len(data),
            time.perf_counter() - started,
        )
        stem = "scorecard"
    elif fmt == "csv" or fmt == "xlsx":
        headers, rows = ratings_table(assessment, lang=lang)
        if fmt == "csv":
            data = to_csv(headers, rows)
        else:
            with translation.override(lang):
                sheet = _("Ratings")
            data = to_xlsx([(sheet, headers, rows)])
        stem = "ratings"
    else:
        raise ValueError(f"Reports come as {', '.join(FORMATS)}, not {fmt!r}")
    return ReportFile(data, file_name(assessment, stem, fmt, lang), CONTENT_TYPES[fmt])


def file_name(assessment: Assessment, stem: str, extension: str, lang: str) -> str:
    """``unct-kazakhstan-2022-scorecard.pdf`` (``-es``/``-ru`` before the extension)."""
    team = slugify(assessment.organisation.name)[:60].strip("-") or f"assessment-{assessment.pk}"
    parts = [team, str(assessment.year), stem, *([lang] if lang != "en" else [])]
    return "-".join(parts) + "." + extension
