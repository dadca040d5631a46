"""scripts/sizes.py: files over 400 lines and functions over 50 lines are reported."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "sizes.py"


def _run(*paths: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT), *map(str, paths)],
        capture_output=True,
        text=True,
        check=False,
    )


def _function(name: str, body_lines: int) -> str:
    return f"def {name}():\n" + "    x = 1\n" * body_lines


def test_a_tree_within_the_limits_passes(tmp_path: Path) -> None:
    (tmp_path / "small.py").write_text(_function("fine", 49) + "\n" * 300)
    result = _run(tmp_path)
    assert result.returncode == 0, result.stdout
    assert result.stdout == ""


def test_a_long_function_is_named_with_its_line(tmp_path: Path) -> None:
    (tmp_path / "mod.py").write_text("import os\n\n\n" + _function("too_long", 50))
    result = _run(tmp_path)
    assert result.returncode == 1
    assert f"{tmp_path / 'mod.py'}:4: function too_long has 51 lines" in result.stdout


def test_a_long_file_is_reported_but_not_a_migration(tmp_path: Path) -> None:
    (tmp_path / "big.py").write_text("x = 1\n" * 401)
    (tmp_path / "migrations").mkdir()
    (tmp_path / "migrations" / "0001_initial.py").write_text("x = 1\n" * 2000)
    result = _run(tmp_path)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"{tmp_path / 'big.py'}:1: file has 401 lines (at most 400)"
    ]


def test_methods_and_async_functions_count_too(tmp_path: Path) -> None:
    body = "    x = 1\n" * 51
    (tmp_path / "cls.py").write_text(
        "class A:\n    def method(self):\n"
        + "    "
        + body.replace("\n    ", "\n        ")
        + "\nasync def job():\n"
        + body
    )
    result = _run(tmp_path / "cls.py")
    assert "function method has" in result.stdout
    assert "function job has" in result.stdout


def test_a_missing_path_is_an_error(tmp_path: Path) -> None:
    result = _run(tmp_path / "nowhere")
    assert result.returncode == 2
    assert "no such file or folder" in result.stderr


def test_no_scorecards_file_is_over_the_limit() -> None:
    # Functions over 50 lines remain in scorecards (see the split's report); files do not.
    result = _run(ROOT / "src" / "cometa" / "scorecards")
    assert [line for line in result.stdout.splitlines() if ": file has " in line] == []
