"""The floor knows no module above it: it imports Django, cometa.core and itself only."""

from __future__ import annotations

import ast
from pathlib import Path

import cometa.indicators

PACKAGE = Path(cometa.indicators.__file__).parent
ALLOWED = ("cometa.core", "cometa.indicators")


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text("utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


def test_the_floor_imports_no_domain_module():
    offending = {
        f"{path.relative_to(PACKAGE)}: {name}"
        for path in PACKAGE.rglob("*.py")
        for name in imported_modules(path)
        if name.startswith("cometa") and not name.startswith(ALLOWED)
    }
    assert offending == set()


def test_the_check_would_see_a_forbidden_import(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text("from cometa.accounts.models import Person\nimport cometa.scorecards\n")
    assert imported_modules(bad) == {"cometa.accounts.models", "cometa.scorecards"}
