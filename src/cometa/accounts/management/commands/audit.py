from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from cometa.accounts import audit
from cometa.core.progress import Progress


class Command(BaseCommand):
    help = (
        "Work with the audit trail: `cometa audit verify` checks its hash chain; `cometa "
        "audit head` prints the last entry's number and hash, to keep outside the database "
        "and give back to `verify --anchor`."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        check = sub.add_parser(
            "verify", help="check that no entry was altered, deleted, inserted or moved"
        )
        check.add_argument(
            "--anchor",
            action="append",
            default=[],
            metavar="SEQ:HASH",
            help="a head printed earlier by `cometa audit head` (repeat for several)",
        )
        sub.add_parser("head", help="print SEQ:HASH of the last entry, to keep elsewhere")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "head":
            seq, digest = audit.head()
            self.stdout.write(f"{seq}:{digest}")
            return
        try:
            anchors = dict(audit.parse_anchor(text) for text in options["anchor"])
        except ValueError as error:
            raise CommandError(str(error)) from error
        progress = Progress("Audit entries checked")
        report = audit.verify(progress=progress.update, anchors=anchors)
        if not report.ok:
            raise CommandError(f"the audit trail was tampered with at {report.problem}")
        kept = f", {len(anchors)} anchor(s) match" if anchors else ""
        self.stdout.write(
            f"Audit trail intact: {report.checked} entries, head {report.head_hash}{kept}"
        )
