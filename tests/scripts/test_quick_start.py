"""The README's quick-start scripts, run for real on a copy of the project whose virtual
environment is already installed (stub commands stand in for pip's work and the server):
what the shell does, step by step, is what a new user's machine does."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _stub(path: Path, body: str) -> None:
    path.write_text(f"#!/usr/bin/env bash\n{body}\n")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)


def _project(tmp_path: Path, *stamps: str) -> Path:
    """A copy of scripts/ and pyproject.toml, with a .venv whose python is the real one and
    whose `cometa` and `pip` only say how they were called."""
    project = tmp_path / "cometa"
    shutil.copytree(ROOT / "scripts", project / "scripts")
    shutil.copy(ROOT / "pyproject.toml", project / "pyproject.toml")
    bin_dir = project / ".venv" / "bin"
    bin_dir.mkdir(parents=True)
    log = project / "calls.log"
    _stub(bin_dir / "cometa", f'echo "cometa $*" >> {log}')
    _stub(
        bin_dir / "python",
        f'if [ "${{1:-}}" = "-m" ] && [ "${{2:-}}" = "pip" ]; then echo "pip ${{*:3}}" >> {log};'
        f' else exec python3 "$@"; fi',
    )
    past = time.time() - 60
    os.utime(project / "pyproject.toml", (past, past))
    for stamp in stamps:
        (project / ".venv" / stamp).touch()
    return project


def _run(project: Path, *command: str) -> tuple[int, list[str], str]:
    """Runs a script; the system tools that `setup --dev` looks for are stubs on the PATH,
    so that it never reaches for apt-get here."""
    tools = project / "system-tools"
    tools.mkdir(exist_ok=True)
    for tool in ("chromium", "pdftotext", "msgfmt", "pg_dump"):
        _stub(tools / tool, "exit 0")
    env = {key: value for key, value in os.environ.items() if key != "VIRTUAL_ENV"}
    env["PATH"] = f"{tools}{os.pathsep}{env.get('PATH', '')}"
    done = subprocess.run(
        ["bash", *command], cwd=project, capture_output=True, text=True, timeout=60, env=env
    )
    log = project / "calls.log"
    calls = log.read_text().splitlines() if log.exists() else []
    return done.returncode, calls, done.stderr


def test_the_demo_command_installs_if_needed_then_starts_the_demo(tmp_path: Path) -> None:
    project = _project(tmp_path)  # nothing installed yet
    code, calls, stderr = _run(project, "scripts/demo", "--port", "8080")
    assert code == 0, stderr
    assert calls == [
        "pip install -q --upgrade pip",
        "pip install -q -e .",
        "cometa demo --port 8080",
    ]
    assert (project / ".venv" / ".cometa-installed").exists()


def test_the_demo_command_skips_the_install_once_done(tmp_path: Path) -> None:
    project = _project(tmp_path, ".cometa-installed")
    code, calls, stderr = _run(project, "scripts/demo")
    assert code == 0, stderr
    assert calls == ["cometa demo"]


def test_setup_for_the_tests_keeps_its_own_stamp(tmp_path: Path) -> None:
    project = _project(tmp_path, ".cometa-installed")  # the demo's install is not enough
    code, calls, stderr = _run(project, "scripts/setup", "--dev")
    assert code == 0, stderr
    assert calls[-1] == "pip install -q -e .[dev]"
    assert (project / ".venv" / ".cometa-installed-dev").exists()
