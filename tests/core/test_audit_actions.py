"""Every audit action code the code base writes has words in the registry (the audit trail
shows them instead of the code), in every language."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from django.utils import translation

import cometa
from cometa.core.registry import registry
from cometa.scorecards.assessments.workflow import STEPS
from cometa.scorecards.models import RemovedKind

SRC = Path(cometa.__file__).parent

# The codes written through an f-string, and every value each can take.
TEMPLATES = {
    "assessment.{step_name}": [f"assessment.{name}" for name in STEPS],
    "assessment.{current.kind}.restore": [f"assessment.{kind}.restore" for kind in RemovedKind],
    # network.services.common.record and results.services.common.record prefix the codes
    # their callers pass: the callers are read below
    "network.{action}": [],
    "results.{action}": [],
}
#: Packages whose own ``record`` helper prefixes the action code.
PREFIXED = ("network", "results")


def _template(node: ast.JoinedStr) -> str:
    return "".join(
        part.value if isinstance(part, ast.Constant) else "{" + ast.unparse(part.value) + "}"
        for part in node.values
        if isinstance(part, ast.Constant | ast.FormattedValue)
    )


def written_codes() -> set[str]:
    """Every action code passed to audit.record, to the network's record helper and to the
    network's read log, found by reading the source."""
    codes: set[str] = set()
    for path in SRC.rglob("*.py"):
        if "migrations" in path.parts:
            continue
        package = path.relative_to(SRC).parts[0]
        in_network = package == "network"
        prefixed = package in PREFIXED
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name == "_audit_read" and isinstance(node.args[1], ast.Constant):
                codes.add(node.args[1].value)
            if name != "record":
                continue
            via_audit = isinstance(func, ast.Attribute) and ast.unparse(func.value) == "audit"
            for keyword in node.keywords:
                if keyword.arg != "action":
                    continue
                value = keyword.value
                prefix = f"{package}." if prefixed and not via_audit else ""
                branches = [value.body, value.orelse] if isinstance(value, ast.IfExp) else []
                if branches and all(isinstance(b, ast.Constant) for b in branches):
                    codes.update(prefix + b.value for b in branches)  # type: ignore[attr-defined]
                elif isinstance(value, ast.Constant):
                    codes.add(prefix + value.value)
                elif isinstance(value, ast.JoinedStr):
                    template = _template(value)
                    assert template in TEMPLATES, f"{path}: expand {template!r} in TEMPLATES"
                    codes.update(TEMPLATES[template])
                elif not (path.name == "selectors.py" and in_network):
                    raise AssertionError(f"{path}: an action code the test cannot read")
    return codes


CODES = sorted(written_codes())


def test_the_source_is_read():
    assert {"assessment.start_review", "framework.wording", "network.member.join"} <= set(CODES)
    assert {"token.create", "network.identity.read", "assessment.evidence.restore"} <= set(CODES)


@pytest.mark.parametrize("code", CODES)
def test_every_action_code_has_words(code):
    assert registry.audit_action(code) is not None, f"no words for {code}: add them to its module"


@pytest.mark.parametrize("language", ["es", "ru"])
def test_the_words_are_translated(language):
    untranslated = []
    for code in CODES:
        label = registry.audit_action(code)
        with translation.override("en"):
            english = str(label)
        with translation.override(language):
            if str(label) == english:
                untranslated.append(code)
    assert untranslated == []
