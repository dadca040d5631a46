"""The README's quick-start scripts, run for real on a copy of the project whose commands
are stubs: pip, apt-get, `id`, the system's python and `cometa` only note how they were
called (the system python runs the real one for anything else). What the shell does, step
by step, is what a new user's machine does."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CONSTRAINTS = "requirements/constraints.txt"
VENV_PACKAGE = f"python{sys.version_info.major}.{sys.version_info.minor}-venv"


def _stub(path: Path, body: str) -> None:
    path.write_text(f"#!/usr/bin/env bash\n{body}\n")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)


def _venv_python(venv: Path, log: Path) -> None:
    """A virtual environment whose python notes pip's calls and says it has pip."""
    bin_dir = venv / "bin"
    bin_dir.mkdir(parents=True, exist_ok=True)
    _stub(bin_dir / "cometa", f'echo "cometa $*" >> {log}')
    _stub(
        bin_dir / "python",
        f'if [ "${{1:-}}" = "-m" ] && [ "${{2:-}}" = "pip" ]; then echo "pip ${{*:3}}" >> {log};'
        f' elif [ "${{1:-}}" = "-c" ] && [ "${{2:-}}" = "import pip" ]; then exit 0;'
        f' else exec {sys.executable} "$@"; fi',
    )


def _project(tmp_path: Path, *stamps: str, venv: bool = True) -> Path:
    """A copy of scripts/, pyproject.toml and the constraints, older than a minute, with
    (unless venv=False) a .venv already made."""
    project = tmp_path / "cometa"
    shutil.copytree(ROOT / "scripts", project / "scripts")
    shutil.copy(ROOT / "pyproject.toml", project / "pyproject.toml")
    (project / "requirements").mkdir()
    shutil.copy(ROOT / CONSTRAINTS, project / CONSTRAINTS)
    past = time.time() - 60
    for name in ("pyproject.toml", CONSTRAINTS):
        os.utime(project / name, (past, past))
    if venv:
        _venv_python(project / ".venv", project / "calls.log")
    for stamp in stamps:
        (project / ".venv" / stamp).touch()
    return project


#: What the scripts need from the system besides the stubs, for a PATH without the tests' tools.
BASICS = ("bash", "dirname", "rm", "touch", "mkdir", "cp")


def _system(project: Path, *, uid: int, venv_module: bool, tools: bool) -> str:
    """Stub system commands, returned as a PATH: `id -u` answers uid; apt-get notes its
    calls, and once it has installed python3.X-venv the system python can import ensurepip;
    `python3 -m venv` notes its call and makes the .venv. With tools=False the PATH has
    only these stubs and BASICS, so chromium, pdftotext, msgfmt and pg_dump are missing."""
    bin_dir = project / "system"
    bin_dir.mkdir()
    log, marker = project / "calls.log", project / "venv-module-installed"
    if venv_module:
        marker.touch()
    template = project / "venv-template"
    _venv_python(template, log)
    _stub(bin_dir / "id", f'if [ "$1" = "-u" ]; then echo {uid}; else exit 2; fi')
    _stub(
        bin_dir / "apt-get",
        f'echo "apt-get $*" >> {log}; case " $* " in *" {VENV_PACKAGE} "*) touch {marker};; esac',
    )
    _stub(
        bin_dir / "python3",
        f'if [ "${{1:-}}" = "-m" ] && [ "${{2:-}}" = "venv" ]; then echo "venv ${{*:3}}" >> {log};'
        f" mkdir -p .venv && cp -r {template}/bin .venv/;"
        f' elif [ "${{1:-}}" = "-c" ] && [ "${{2:-}}" = "import ensurepip, venv" ];'
        f" then [ -f {marker} ];"
        f' else exec {sys.executable} "$@"; fi',
    )
    if tools:
        for tool in ("chromium", "pdftotext", "msgfmt", "pg_dump"):
            _stub(bin_dir / tool, "exit 0")
        return f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}"
    for basic in BASICS:
        found = shutil.which(basic)
        assert found, f"{basic} is needed to run the scripts"
        (bin_dir / basic).symlink_to(found)
    return str(bin_dir)


@dataclass
class Run:
    code: int
    calls: list[str]
    stdout: str
    stderr: str


def _run(
    project: Path, *command: str, uid: int = 0, venv_module: bool = True, tools: bool = True
) -> Run:
    env = {key: value for key, value in os.environ.items() if key != "VIRTUAL_ENV"}
    env["PATH"] = _system(project, uid=uid, venv_module=venv_module, tools=tools)
    done = subprocess.run(
        ["bash", *command], cwd=project, capture_output=True, text=True, timeout=60, env=env
    )
    log = project / "calls.log"
    calls = log.read_text().splitlines() if log.exists() else []
    return Run(done.returncode, calls, done.stdout, done.stderr)


def test_the_demo_command_installs_if_needed_then_starts_the_demo(tmp_path: Path) -> None:
    project = _project(tmp_path)  # nothing installed yet
    run = _run(project, "scripts/demo", "--port", "8080")
    assert run.code == 0, run.stderr
    assert run.calls == [
        "pip install -q --upgrade pip",
        f"pip install -q -c {CONSTRAINTS} -e .",
        "cometa demo --port 8080",
    ]
    assert (project / ".venv" / ".cometa-installed").exists()


def test_each_stage_of_the_install_says_what_it_does(tmp_path: Path) -> None:
    project = _project(tmp_path, venv=False)
    run = _run(project, "scripts/setup")
    assert run.code == 0, run.stderr
    stages = run.stdout.splitlines()
    assert [line.split(" (")[0] for line in stages] == [
        "setup: making the virtual environment in .venv",
        "setup: upgrading pip",
        f"setup: installing Cometa at the versions in {CONSTRAINTS}",
        "setup: installed into .venv",
    ]


def test_the_demo_command_skips_the_install_once_done(tmp_path: Path) -> None:
    project = _project(tmp_path, ".cometa-installed")
    run = _run(project, "scripts/demo")
    assert run.code == 0, run.stderr
    assert run.calls == ["cometa demo"]
    assert run.stdout == ""


def test_new_constraints_install_again(tmp_path: Path) -> None:
    project = _project(tmp_path, ".cometa-installed")
    installed = time.time() - 30  # installed half a minute ago, then
    os.utime(project / ".venv" / ".cometa-installed", (installed, installed))
    (project / CONSTRAINTS).touch()  # a `git pull` brought a new lock
    run = _run(project, "scripts/setup")
    assert run.code == 0, run.stderr
    assert run.calls[-1] == f"pip install -q -c {CONSTRAINTS} -e ."


def test_setup_for_the_tests_keeps_its_own_stamp(tmp_path: Path) -> None:
    project = _project(tmp_path, ".cometa-installed")  # the demo's install is not enough
    run = _run(project, "scripts/setup", "--dev")
    assert run.code == 0, run.stderr
    assert run.calls[-1] == f"pip install -q -c {CONSTRAINTS} -e .[dev]"
    assert (project / ".venv" / ".cometa-installed-dev").exists()


def test_as_root_a_bare_system_gets_the_venv_module_from_apt_first(tmp_path: Path) -> None:
    project = _project(tmp_path, venv=False)
    run = _run(project, "scripts/demo", uid=0, venv_module=False)
    assert run.code == 0, run.stderr
    assert run.calls == [
        "apt-get update -qq",
        f"apt-get install -y -qq --no-install-recommends {VENV_PACKAGE}",
        "venv .venv",
        "pip install -q --upgrade pip",
        f"pip install -q -c {CONSTRAINTS} -e .",
        "cometa demo",
    ]
    assert f"installing system packages with apt-get: {VENV_PACKAGE}" in run.stdout


def test_without_root_it_names_the_package_to_install_and_stops(tmp_path: Path) -> None:
    project = _project(tmp_path, venv=False)
    run = _run(project, "scripts/demo", uid=1000, venv_module=False)
    assert run.code == 1
    assert f"apt-get install {VENV_PACKAGE}" in run.stderr
    assert run.calls == []  # no apt-get, no venv, no pip, no demo
    assert not (project / ".venv").exists()


def test_a_venv_left_without_pip_is_made_again(tmp_path: Path) -> None:
    project = _project(tmp_path, venv=False)
    (project / ".venv" / "bin").mkdir(parents=True)
    _stub(project / ".venv" / "bin" / "python", "exit 1")  # what a failed ensurepip leaves
    run = _run(project, "scripts/setup")
    assert run.code == 0, run.stderr
    assert run.calls[0] == "venv .venv"
    assert run.calls[-1] == f"pip install -q -c {CONSTRAINTS} -e ."


def test_as_root_the_dev_setup_installs_the_tests_tools_with_the_venv_module(
    tmp_path: Path,
) -> None:
    project = _project(tmp_path, venv=False)
    run = _run(project, "scripts/setup", "--dev", uid=0, venv_module=False, tools=False)
    assert run.code == 0, run.stderr
    assert run.calls[:3] == [
        "apt-get update -qq",
        "apt-get install -y -qq --no-install-recommends "
        f"{VENV_PACKAGE} chromium poppler-utils gettext postgresql-client",
        "venv .venv",
    ]


def test_without_root_missing_test_tools_are_a_warning_not_a_stop(tmp_path: Path) -> None:
    project = _project(tmp_path)
    run = _run(project, "scripts/setup", "--dev", uid=1000, tools=False)
    assert run.code == 0, run.stderr
    assert "missing system packages (chromium poppler-utils gettext postgresql-client)" in (
        run.stderr
    )
    assert run.calls[-1] == f"pip install -q -c {CONSTRAINTS} -e .[dev]"


def test_a_missing_constraints_file_says_how_to_make_it(tmp_path: Path) -> None:
    project = _project(tmp_path)
    (project / CONSTRAINTS).unlink()
    run = _run(project, "scripts/setup")
    assert run.code == 1
    assert "run: bash scripts/lock" in run.stderr
    assert run.calls == []
