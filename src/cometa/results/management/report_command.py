"""``cometa results report --office CODE --year Y --format pdf|docx|xlsx|csv --output FILE``:
the annual results report of an office, the same file the report page gives.

``--office`` is the office code of the plan (``MEX``) or the office's id; ``--lang``
chooses the language (en, es, ru). It acts as the system, as the other administration
commands do. Plugged into ``cometa results`` by ``commands/results.py`` through
:func:`add_report_parser` (one entry of its ``SUBCOMMANDS``), which sets the handler on
its parser, so other subcommands live in their own files.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from django.core.management.base import CommandError, OutputWrapper

from cometa.indicators.texts import LANGUAGES
from cometa.results.models import Plan
from cometa.results.report.files import FORMATS, report_file
from cometa.results.report.selectors import assemble


def add_report_parser(sub: argparse._SubParsersAction) -> None:
    report = sub.add_parser("report", help="write an office's annual results report")
    report.set_defaults(handler=do_report)
    report.add_argument("--office", required=True, help="office code of the plan (MEX) or id")
    report.add_argument("--year", required=True, type=int, help="the year reported on")
    report.add_argument("--format", required=True, choices=FORMATS)
    report.add_argument("--output", required=True, help="file to write")
    report.add_argument("--lang", default="en", choices=LANGUAGES)


def _plan(office: str, year: int) -> Plan:
    plans = Plan.objects.select_related("office").filter(start_year__lte=year, end_year__gte=year)
    found = list(
        plans.filter(office_id=int(office))
        if office.isdigit()
        else plans.filter(office_code=office)
    )
    if not found:
        raise CommandError(f"No plan of office {office} covers {year}.")
    if len(found) > 1:
        names = ", ".join(sorted(plan.office.name for plan in found))
        raise CommandError(f"Several offices use the code {office} ({names}): give the id.")
    return found[0]


def do_report(options: dict[str, Any], stdout: OutputWrapper) -> None:
    data = assemble(_plan(options["office"], options["year"]), options["year"])
    made = report_file(data, options["format"], options["lang"])
    path = Path(options["output"])
    try:
        path.write_bytes(made.data)
    except OSError as error:
        raise CommandError(f"{path}: cannot write it ({error.strerror}).") from None
    stdout.write(f"Wrote {path} ({len(made.data):,} bytes): {data.office}, {data.year}.")
