"""requirements/constraints.txt (written by scripts/lock) against pyproject.toml: every
package that pyproject.toml asks for is pinned, at a version its bounds allow, and every
bound has an upper end. A dependency added without rerunning scripts/lock fails here, not
later in a CI run that installed whatever was newest that day."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parents[2]
CONSTRAINTS = ROOT / "requirements" / "constraints.txt"


def declared(pyproject: Path = ROOT / "pyproject.toml") -> list[Requirement]:
    project = tomllib.loads(pyproject.read_text())["project"]
    lines = list(project["dependencies"])
    for extra in project.get("optional-dependencies", {}).values():
        lines.extend(extra)
    return [Requirement(line) for line in lines]


def pinned(constraints: Path = CONSTRAINTS) -> dict[str, list[Version]]:
    """Name -> pinned versions (a universal lock may pin one package twice, per Python)."""
    pins: dict[str, list[Version]] = {}
    for number, line in enumerate(constraints.read_text().splitlines(), start=1):
        text = line.split("#", 1)[0].strip()
        if not text:
            continue
        requirement = Requirement(text)
        specifiers = list(requirement.specifier)
        assert len(specifiers) == 1 and specifiers[0].operator == "==", (
            f"{constraints.name}:{number}: {text!r} is not an exact pin"
        )
        name = canonicalize_name(requirement.name)
        pins.setdefault(name, []).append(Version(specifiers[0].version))
    return pins


def test_every_declared_package_is_pinned_within_its_bounds() -> None:
    pins = pinned()
    problems = []
    for requirement in declared():
        versions = pins.get(canonicalize_name(requirement.name))
        if not versions:
            problems.append(f"{requirement.name} has no pin")
        elif not any(requirement.specifier.contains(v, prereleases=True) for v in versions):
            shown = ", ".join(map(str, versions))
            problems.append(f"{requirement.name}: pinned {shown}, outside {requirement.specifier}")
    assert not problems, "run `bash scripts/lock` and commit the result: " + "; ".join(problems)


def test_every_declared_package_has_an_upper_bound() -> None:
    unbounded = [
        str(requirement)
        for requirement in declared()
        if not any(s.operator in {"<", "<=", "==", "~="} for s in requirement.specifier)
    ]
    assert not unbounded, f"pyproject.toml: no upper bound on {unbounded}"


def test_a_dependency_added_without_a_new_lock_is_caught(tmp_path: Path) -> None:
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text(
        '[project]\nname = "x"\ndependencies = ["django>=5.2,<5.3", "not-yet-locked>=1,<2"]\n'
    )
    names = {canonicalize_name(r.name) for r in declared(pyproject)}
    assert names.difference(pinned()) == {"not-yet-locked"}


def test_a_loose_line_in_the_constraints_is_refused(tmp_path: Path) -> None:
    constraints = tmp_path / "constraints.txt"
    constraints.write_text("django==5.2.1\n    # via cometa\nruff>=0.6\n")
    with pytest.raises(AssertionError, match=r"constraints.txt:3: 'ruff>=0.6' is not an exact pin"):
        pinned(constraints)
