"""The Spanish and Russian catalogues: fully translated, complete, compiled, and in use.

When one of these fails, run ``scripts/messages``, translate the new entries in
src/cometa/locale/{es,ru}/LC_MESSAGES/django.po, and run it again (docs/translating.md).
"""

from __future__ import annotations

import gettext
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.utils import translation

import cometa
from cometa.accounts.roles import Role

PACKAGE = Path(cometa.__file__).resolve().parent
LOCALE = PACKAGE / "locale"
NPLURALS = {"es": 2, "ru": 3}
LANGUAGES = sorted(NPLURALS)
FIX = "run scripts/messages, translate, run it again (docs/translating.md)"

# --- a small .po reader ------------------------------------------------------------

_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\", "a": "\a", "b": "\b"}
_LINE = re.compile(r'^(msgctxt|msgid_plural|msgid|msgstr)(?:\[(\d+)\])?\s+(".*")$')
_PLACEHOLDER = re.compile(r"%(?:\(\w+\))?[-#0 +]*\d*(?:\.\d+)?[diouxXeEfFgGcrsa]")


@dataclass
class Entry:
    msgctxt: str | None = None
    msgid: str | None = None
    msgid_plural: str | None = None
    msgstr: dict[int, str] = field(default_factory=dict)  # 0 only, unless plural
    flags: set[str] = field(default_factory=set)
    line: int = 0

    @property
    def key(self) -> tuple[str | None, str | None, str | None]:
        return (self.msgctxt, self.msgid, self.msgid_plural)


def _unquote(text: str) -> str:
    return re.sub(r"\\(.)", lambda m: _ESCAPES[m.group(1)], text[1:-1])


def read_po(path: Path) -> list[Entry]:
    """Entries of a .po/.pot file, the header (msgid "") included, obsolete ones left out."""
    entries: list[Entry] = []
    entry, target = Entry(), ("", 0)

    def flush() -> None:
        nonlocal entry
        if entry.msgid is not None:
            entries.append(entry)
        entry = Entry()

    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        starts_entry = line.startswith("#") or line.startswith(("msgctxt ", "msgid "))
        if not line or (starts_entry and entry.msgstr):
            flush()
        if not line or line.startswith("#~"):
            continue
        if line.startswith("#,"):
            entry.flags.update(flag.strip() for flag in line[2:].split(","))
        elif line.startswith("#"):
            continue
        elif match := _LINE.match(line):
            keyword, index, text = match.groups()
            entry.line = entry.line or number
            target = (keyword, int(index or 0))
            if keyword == "msgstr":
                entry.msgstr[target[1]] = _unquote(text)
            else:
                setattr(entry, keyword, _unquote(text))
        elif line.startswith('"') and target[0]:
            keyword, index = target
            if keyword == "msgstr":
                entry.msgstr[index] += _unquote(line)
            else:
                setattr(entry, keyword, getattr(entry, keyword) + _unquote(line))
        else:
            raise ValueError(f"{path}:{number}: cannot read {raw!r}")
    flush()
    return entries


def po_path(lang: str) -> Path:
    return LOCALE / lang / "LC_MESSAGES" / "django.po"


def messages(lang: str) -> list[Entry]:
    return [entry for entry in read_po(po_path(lang)) if entry.msgid]


def header(lang: str) -> Entry:
    return next(entry for entry in read_po(po_path(lang)) if entry.msgid == "")


def catalog_of_po(entries: list[Entry]) -> dict[Any, str]:
    """What gettext.GNUTranslations should read back from the compiled file."""
    catalog: dict[Any, str] = {}
    for entry in entries:
        msgid = entry.msgid or ""
        key = msgid if entry.msgctxt is None else f"{entry.msgctxt}\x04{msgid}"
        if not msgid:  # msgfmt leaves POT-Creation-Date out of the compiled header
            catalog[key] = re.sub(r"(?m)^POT-Creation-Date:.*\n", "", entry.msgstr[0])
        elif entry.msgid_plural is None:
            catalog[key] = entry.msgstr[0]
        else:
            catalog.update({(key, i): text for i, text in entry.msgstr.items()})
    return catalog


def catalog_of_mo(path: Path) -> dict[Any, str]:
    with path.open("rb") as file:
        return dict(gettext.GNUTranslations(file)._catalog)  # type: ignore[attr-defined]


def placeholders(text: str) -> list[str]:
    return sorted(_PLACEHOLDER.findall(text.replace("%%", "")))


# --- (a) every entry translated ----------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_header_names_language_and_plural_forms(lang: str) -> None:
    head = header(lang)
    assert "fuzzy" not in head.flags
    assert f"Language: {lang}\n" in head.msgstr[0]
    assert "charset=UTF-8" in head.msgstr[0]
    assert f"Plural-Forms: nplurals={NPLURALS[lang]};" in head.msgstr[0]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_message_is_translated_and_not_fuzzy(lang: str) -> None:
    entries = messages(lang)
    assert entries, f"{po_path(lang)} holds no messages"
    problems = []
    for entry in entries:
        where = f"line {entry.line}: {entry.msgid!r}"
        forms = 1 if entry.msgid_plural is None else NPLURALS[lang]
        if "fuzzy" in entry.flags:
            problems.append(f"{where} is fuzzy")
        if sorted(entry.msgstr) != list(range(forms)):
            problems.append(f"{where} has forms {sorted(entry.msgstr)}, expected {forms}")
        if any(not text.strip() for text in entry.msgstr.values()):
            problems.append(f"{where} has an empty translation")
        if "python-format" in entry.flags:
            if entry.msgid_plural is None:
                if placeholders(entry.msgstr.get(0, "")) != placeholders(entry.msgid or ""):
                    problems.append(f"{where} changes the placeholders")
            else:
                allowed = set(placeholders(entry.msgid or "") + placeholders(entry.msgid_plural))
                if any(not set(placeholders(text)) <= allowed for text in entry.msgstr.values()):
                    problems.append(f"{where} uses a placeholder the source does not have")
    assert not problems, f"{po_path(lang)}: {FIX}\n" + "\n".join(problems)


# --- (b) every message in the code is in the catalogues ----------------------------


def test_catalogues_hold_exactly_the_extracted_messages(
    tmp_path: Path, settings: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    if shutil.which("xgettext") is None:
        pytest.skip("xgettext (gettext) is not installed")
    copy = tmp_path / "cometa"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__", "*.pyc", "locale"))
    (copy / "locale").mkdir()
    settings.LOCALE_PATHS = [copy / "locale"]
    monkeypatch.chdir(copy)
    call_command(
        "makemessages",
        locale=LANGUAGES,
        no_obsolete=True,
        no_location=True,
        ignore_patterns=[".venv/*", "tests/*"],
        keep_pot=True,
        verbosity=0,
        stdout=StringIO(),
    )
    extracted = {entry.key for entry in read_po(copy / "locale" / "django.pot") if entry.msgid}
    assert extracted, "makemessages extracted nothing"
    for lang in LANGUAGES:
        committed = {entry.key for entry in messages(lang)}
        missing = sorted(extracted - committed, key=str)
        stale = sorted(committed - extracted, key=str)
        assert not missing, f"{lang}: not in the catalogue ({FIX}): {missing}"
        assert not stale, f"{lang}: no longer in the code ({FIX}): {stale}"


# --- (c) the compiled files match the .po ------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_compiled_catalogue_matches_po(lang: str) -> None:
    compiled = catalog_of_mo(po_path(lang).with_suffix(".mo"))
    assert compiled == catalog_of_po(read_po(po_path(lang))), f"django.mo is stale: {FIX}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_compiled_catalogue_is_what_msgfmt_makes(lang: str, tmp_path: Path) -> None:
    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:
        pytest.skip("msgfmt (gettext) is not installed")
    fresh = tmp_path / "django.mo"
    subprocess.run(
        [msgfmt, "--check-format", "-o", str(fresh), str(po_path(lang))],
        check=True,
        capture_output=True,
    )
    committed = catalog_of_mo(po_path(lang).with_suffix(".mo"))
    assert committed == catalog_of_mo(fresh), f"django.mo is stale: {FIX}"


# --- (d) Django uses them ----------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "sign_in", "sign_out", "coordinator"),
    [
        ("es", "Iniciar sesión", "Cerrar sesión", "Coordinador/a"),
        ("ru", "Войти", "Выйти", "Координатор"),
    ],
)
def test_django_serves_the_translations(
    lang: str, sign_in: str, sign_out: str, coordinator: str
) -> None:
    with translation.override(lang):
        assert translation.gettext("Sign in") == sign_in
        assert translation.gettext("Sign out") == sign_out
        assert str(Role.COORDINATOR.label) == coordinator
    with translation.override("en"):
        assert translation.gettext("Sign in") == "Sign in"
