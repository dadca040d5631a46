"""The import contract of docs/architecture.md holds, and an import that points up breaks
it with the line that made it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LINT = Path(sys.executable).with_name("lint-imports")

pytestmark = pytest.mark.skipif(not LINT.exists(), reason="import-linter is not installed")


def _lint(source: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(source)}
    return subprocess.run(
        [str(LINT), "--no-cache", "--config", str(ROOT / "pyproject.toml")],
        env=env,
        cwd=source,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


@pytest.fixture(scope="module")
def copy_of_src(tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("layers") / "src"
    shutil.copytree(
        ROOT / "src", target, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info")
    )
    return target


def test_the_contract_is_kept(copy_of_src):
    result = _lint(copy_of_src)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


@pytest.mark.parametrize(
    ("module", "line", "message"),
    [
        (
            "core/uphill.py",
            "from cometa.scorecards import access",
            "cometa.core is not allowed to import cometa.scorecards",
        ),
        (
            "accounts/uphill.py",
            "import cometa.demo",
            "cometa.accounts is not allowed to import cometa.demo",
        ),
        (
            "scorecards/across.py",
            "import cometa.network",
            "cometa.scorecards is not allowed to import cometa.network",
        ),
    ],
)
def test_an_import_that_points_up_fails_with_its_line(copy_of_src, module, line, message):
    bad = copy_of_src / "cometa" / module
    bad.write_text(f'"""A wrong import."""\n\n{line}\n')
    try:
        result = _lint(copy_of_src)
    finally:
        bad.unlink()
    assert result.returncode != 0
    dotted = "cometa." + module.removesuffix(".py").replace("/", ".")
    assert message in result.stdout
    assert f"{dotted} -> " in result.stdout and "(l.3)" in result.stdout
