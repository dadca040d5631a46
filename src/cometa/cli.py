"""The ``cometa`` command: Django's command line with Cometa's settings.

Configuration and database errors end the command with one clear line and a
non-zero exit code instead of a traceback.
"""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> None:
    argv = list(sys.argv if argv is None else argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cometa.settings")
    if len(argv) > 1 and argv[1] == "demo":
        os.environ["COMETA_DEMO"] = "1"
        os.environ.setdefault("COMETA_DATA_DIR", os.path.join(os.getcwd(), "data", "demo"))
    from django.core.exceptions import ImproperlyConfigured
    from django.db.utils import OperationalError

    try:
        from django.core.management import execute_from_command_line

        execute_from_command_line(argv)
    except ImproperlyConfigured as error:
        print(f"cometa: configuration error: {error}", file=sys.stderr)
        raise SystemExit(2) from None
    except OperationalError as error:
        reason = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        print(f"cometa: cannot use the database (DATABASE_URL): {reason}", file=sys.stderr)
        raise SystemExit(3) from None


if __name__ == "__main__":
    main()
