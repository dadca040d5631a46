"""Chapter 5: the process narrative, the assessment team members, the country context."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from cometa.scorecards.report_import.model import ImportedMember
from cometa.scorecards.report_import.text import (
    Document,
    Line,
    is_list_item,
    joined,
    none_if_na,
    paragraphs,
    strip_list_mark,
)

_DESCRIBE_RE = re.compile(r"^(?:\d+\.\s*)?describe the process\b", re.IGNORECASE)
_LIST_TEAM_RE = re.compile(r"^(?:\d+\.\s*)?list the coordinator", re.IGNORECASE)
_CONTEXT_RE = re.compile(r"\badditional comments\b|\bcountry context in the field\b", re.I)
_MEMBERS_RE = re.compile(
    r"^(?:members of the (?:iat|inter-?agency assessment team)|iat members|"
    r"inter-?agency assessment team members)\s*:?$",
    re.IGNORECASE,
)
_COORDINATOR_RE = re.compile(
    r"\s*(?:\((?:[^()]*\s)?co-?ordinator\)|[-–—:]\s*(?:iat\s+)?co-?ordinator\.?$)", re.IGNORECASE
)
_NAME_SPLIT_RE = re.compile(r",|\s[–—-]\s")

#: Canonical name → pattern of the ways reports write it (acronyms are case-sensitive).
_ENTITIES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern))
    for name, pattern in (
        ("UN Women", r"\bUN[\s-]?Women\b|\bUNWOMEN\b|(?i:\bUnited Nations Entity for Gender\b)"),
        ("UNDP", r"\bUNDP\b|(?i:\bUnited Nations Development Programme\b)"),
        ("UNICEF", r"\bUNICEF\b|(?i:\bUnited Nations Children'?s Fund\b)"),
        ("UNFPA", r"\bUNFPA\b|(?i:\bUnited Nations Population Fund\b)"),
        ("UNAIDS", r"\bUNAIDS\b"),
        ("UNODC", r"\bUNODC\b|(?i:\bUnited Nations Office on Drugs and Crime\b)"),
        ("FAO", r"\bFAO\b|(?i:\bFood and Agriculture Organi[sz]ation\b)"),
        ("RCO", r"\b(?:UN\s*)?RCO\b|(?i:\bResident Coordinator'?s? Office\b)"),
        ("UNESCO", r"\bUNESCO\b"),
        ("OHCHR", r"\bOHCHR\b"),
        ("UNHCR", r"\bUNHCR\b"),
        ("IOM", r"\bIOM\b"),
        ("ILO", r"\bILO\b"),
        ("WHO", r"\bWHO\b|(?i:\bWorld Health Organi[sz]ation\b)"),
        ("WFP", r"\bWFP\b|(?i:\bWorld Food Programme\b)"),
        ("UNEP", r"\bUNEP\b"),
        ("UNECE", r"\bUNECE\b"),
        ("UNIDO", r"\bUNIDO\b"),
        ("UNOPS", r"\bUNOPS\b"),
        ("UN-Habitat", r"\bUN[\s-]?Habitat\b"),
        ("ESCAP", r"\bESCAP\b"),
        ("UNV", r"\bUNV\b"),
        ("IFAD", r"\bIFAD\b"),
        ("World Bank", r"\bWorld Bank\b"),
    )
)


@dataclass
class _State:
    mode: str = "process"
    process: list[str] = field(default_factory=list)
    context: list[str] = field(default_factory=list)
    members: list[ImportedMember] = field(default_factory=list)


def parse_team(doc: Document, country: str) -> tuple[list[ImportedMember], str, str]:
    """Members, process narrative and context text of the "process in <country>" chapter."""
    state = _State()
    for paragraph in paragraphs(doc.body("process")):
        _feed(state, paragraph, country)
    return state.members, "\n\n".join(state.process), none_if_na("\n\n".join(state.context))


def _feed(state: _State, paragraph: Sequence[Line], country: str) -> None:
    text = joined(paragraph)
    if _DESCRIBE_RE.match(text):
        state.mode = "process"
    elif _LIST_TEAM_RE.match(text):
        state.mode = "team"
    elif _CONTEXT_RE.search(text) and len(text) < 200:
        state.mode = "context"
    elif _MEMBERS_RE.match(text):
        state.mode = "members"
    elif state.mode == "members":
        _feed_members(state, paragraph, country)
    elif state.mode == "process":
        state.process.append(text)
    elif state.mode == "context":
        state.context.append(text)


def _feed_members(state: _State, paragraph: Sequence[Line], country: str) -> None:
    for line in paragraph:
        if not (is_list_item(line.raw) or "," in line.text):
            state.mode = "team"
            return
        member = parse_member(strip_list_mark(line.text), line.number, country)
        if member is not None:
            state.members.append(member)


def parse_member(text: str, line: int, country: str = "") -> ImportedMember | None:
    """ "Name, Title, Entity" in the orders reports use ("Name, Entity Title", …)."""
    coordinator = bool(_COORDINATOR_RE.search(text))
    text = _COORDINATOR_RE.sub("", text).strip().rstrip(".").strip()
    if not text:
        return None
    parts = _NAME_SPLIT_RE.split(text, maxsplit=1)
    name = parts[0].strip()
    rest = parts[1].strip() if len(parts) > 1 else ""
    entity, title = _entity_and_title(rest, country)
    return ImportedMember(name=name, entity=entity, title=title, line=line, coordinator=coordinator)


def _entity_and_title(rest: str, country: str) -> tuple[str, str]:
    parts = [part.strip() for part in rest.split(",") if part.strip()]
    for position, part in enumerate(parts):
        found = _find_entity(part)
        if found is None:
            continue
        name, start, end = found
        inside = part[:start].strip(" -–—") or _strip_location(part[end:], country)
        title = ", ".join([*parts[:position], *([inside] if inside else [])])
        return name, title or ", ".join(parts[position + 1 :])
    if len(parts) >= 2:
        return ", ".join(parts[1:]), parts[0]
    return "", rest


def _find_entity(text: str) -> tuple[str, int, int] | None:
    best: tuple[str, int, int] | None = None
    for name, pattern in _ENTITIES:
        match = pattern.search(text)
        if match and (best is None or (match.start(), -match.end()) < (best[1], -best[2])):
            best = (name, match.start(), match.end())
    return best


def _strip_location(text: str, country: str) -> str:
    text = text.strip(" -–—")
    if country:
        location = re.compile(
            rf"^(?:(?:in|at)\s+)?(?:the\s+)?(?:Republic\s+of\s+)?{re.escape(country)}\b",
            re.IGNORECASE,
        )
        text = location.sub("", text, count=1)
    return text.strip(" -–—")
