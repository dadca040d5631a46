#!/usr/bin/env python3
"""Size limits of the house: no source file over 400 lines (migrations excepted) and no
function over 50 lines. Lists every breach as ``path:line: what`` and exits 1 if there is any.

Usage: ``python scripts/sizes.py [PATH ...]`` (default: ``src``). Each PATH is a folder,
searched for ``*.py`` files, or one file.
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterator
from pathlib import Path

MAX_FILE_LINES = 400
MAX_FUNCTION_LINES = 50


def python_files(paths: list[Path]) -> Iterator[Path]:
    """The Python files under ``paths``, migrations left out, in a stable order."""
    for path in paths:
        found = [path] if path.is_file() else sorted(path.rglob("*.py"))
        yield from (item for item in found if "migrations" not in item.parts)


def breaches(path: Path) -> list[str]:
    """What in the file at ``path`` is over the limits, one line each."""
    text = path.read_text(encoding="utf-8")
    found = []
    lines = len(text.splitlines())
    if lines > MAX_FILE_LINES:
        found.append(f"{path}:1: file has {lines} lines (at most {MAX_FILE_LINES})")
    try:
        tree = ast.parse(text, filename=str(path))
    except SyntaxError as error:
        return [*found, f"{path}:{error.lineno}: cannot be parsed ({error.msg})"]
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            start = min([node.lineno, *(item.lineno for item in node.decorator_list)])
            length = (node.end_lineno or node.lineno) - start + 1
            if length > MAX_FUNCTION_LINES:
                found.append(
                    f"{path}:{node.lineno}: function {node.name} has {length} lines"
                    f" (at most {MAX_FUNCTION_LINES})"
                )
    return found


def main(argv: list[str]) -> int:
    paths = [Path(arg) for arg in argv] or [Path("src")]
    missing = [str(path) for path in paths if not path.exists()]
    if missing:
        print(f"sizes: no such file or folder: {', '.join(missing)}", file=sys.stderr)
        return 2
    found = [line for path in python_files(paths) for line in breaches(path)]
    for line in found:
        print(line)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
