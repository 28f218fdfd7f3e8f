"""The translation catalogs: extract the strings, compile the catalogs, check they are complete.

    python packaging/catalogs.py update    # new strings into translations/, unused ones out
    python packaging/catalogs.py compile   # translations/ -> resources/translations/ (.mo, .qm)
    python packaging/catalogs.py check     # untranslated, unused or stale entries; exit 1 if any

Two catalogs per language other than French, the source language (README, "Translating"):

- the core's sentences (``monmaster_desktop/`` outside ``gui/``: texts, validation, eligibility,
  captcha, the mail, the command line), marked ``N_()``, ``N_plural()`` or ``gettext()``: extracted
  with Babel into ``translations/<lang>.po`` (gettext), compiled to
  ``resources/translations/<lang>/LC_MESSAGES/monmaster.mo``;
- the GUI's strings (``monmaster_desktop/gui/`` marked ``QT_TRANSLATE_NOOP`` or
  ``QCoreApplication.translate``, and every ``<string>`` of ``ui/*.ui`` not marked ``notr``):
  extracted with Qt's ``pyside6-lupdate`` into ``translations/monmaster_<lang>.ts``, compiled with
  ``pyside6-lrelease`` to ``resources/translations/monmaster_<lang>.qm``.

Build-time and development only: the application reads the compiled files and never imports this.
Needs Babel (the ``catalogs`` extra) and PySide6's tools (next to the Python running this).
"""

from __future__ import annotations

import argparse
import io
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "monmaster_desktop"
SOURCES = ROOT / "translations"
COMPILED = ROOT / "resources" / "translations"
DOMAIN = "monmaster"
SOURCE_LANGUAGE = "fr"
LANGUAGES = ("en",)  # translated languages; French is the source (monmaster_desktop.i18n.LANGUAGES)
QT_CATALOG = "monmaster"

# The core's translation functions, with the positions of their translatable arguments (Babel's form).
GETTEXT_KEYWORDS: dict[str, object] = {
    "N_": None,
    "N_plural": (1, 2),
    "gettext": None,
    "ngettext": (1, 2),
}
TRANSLATOR_COMMENT_TAG = "Translators:"
COPYRIGHT_HOLDER = "Mon Master Desktop"


class CatalogError(Exception):
    """A tool is missing or failed; the message says what to do."""


# --- where the strings are --------------------------------------------------------------------------


def core_sources() -> list[Path]:
    """The Python files of the core (no Qt): everything of the package outside gui/."""
    return sorted(path for path in PACKAGE.rglob("*.py") if "gui" not in path.relative_to(PACKAGE).parts)


def gui_sources() -> list[Path]:
    """The GUI's Python files and the Designer forms."""
    return sorted((PACKAGE / "gui").rglob("*.py")) + sorted((ROOT / "ui").glob("*.ui"))


def po_path(language: str) -> Path:
    return SOURCES / f"{language}.po"


def ts_path(language: str) -> Path:
    return SOURCES / f"{QT_CATALOG}_{language}.ts"


def mo_path(language: str, root: Path = COMPILED) -> Path:
    return root / language / "LC_MESSAGES" / f"{DOMAIN}.mo"


def qm_path(language: str, root: Path = COMPILED) -> Path:
    return root / f"{QT_CATALOG}_{language}.qm"


def qt_tool(name: str) -> Path:
    """``pyside6-lupdate`` or ``pyside6-lrelease`` beside this Python (the venv's), else on PATH."""
    for folder in (Path(sys.executable).parent, *map(Path, _path_entries())):
        for candidate in (folder / f"pyside6-{name}", folder / f"pyside6-{name}.exe"):
            if candidate.is_file():
                return candidate
    raise CatalogError(f"pyside6-{name} not found: install PySide6-Essentials in this Python's environment")


def _path_entries() -> list[str]:
    found = shutil.which("pyside6-lupdate")
    return [str(Path(found).parent)] if found else []


def _run(command: list[str | Path]) -> str:
    result = subprocess.run([str(part) for part in command], capture_output=True, text=True)
    if result.returncode != 0:
        raise CatalogError(f"{Path(command[0]).name} failed:\n{result.stdout}{result.stderr}")
    return result.stdout + result.stderr


# --- the core's gettext catalog ---------------------------------------------------------------------


def core_template():  # -> babel.messages.Catalog
    """Every core string as it is in the code now (the .pot, in memory)."""
    from babel.messages.catalog import Catalog
    from babel.messages.extract import extract_from_file

    template = Catalog(project=COPYRIGHT_HOLDER, copyright_holder=COPYRIGHT_HOLDER, fuzzy=False)
    for path in core_sources():
        for line, msgid, comments, context in extract_from_file(
            "python",
            str(path),
            keywords=GETTEXT_KEYWORDS,
            comment_tags=(TRANSLATOR_COMMENT_TAG,),
            strip_comment_tags=True,
        ):
            location = (path.relative_to(ROOT).as_posix(), line)
            template.add(msgid, locations=[location], auto_comments=comments, context=context)
    return template


def read_po(language: str):  # -> babel.messages.Catalog
    from babel.messages.pofile import read_po as babel_read_po

    with po_path(language).open("rb") as file:
        return babel_read_po(file, locale=language, domain=DOMAIN)


def _write_po(catalog, path: Path) -> None:
    from babel.messages.pofile import write_po

    buffer = io.BytesIO()
    # No source locations: they change with every edit of the code and would bury the real changes.
    write_po(buffer, catalog, width=110, no_location=True, omit_header=False, ignore_obsolete=True)
    path.write_bytes(buffer.getvalue())


def update_po(language: str) -> None:
    from babel.messages.catalog import Catalog

    template = core_template()
    path = po_path(language)
    if path.exists():
        catalog = read_po(language)
        template.creation_date = catalog.creation_date  # the header changes only when the strings do
    else:
        catalog = Catalog(locale=language, domain=DOMAIN, project=COPYRIGHT_HOLDER, fuzzy=False)
    # No fuzzy matching: a changed French sentence must be translated again, not guessed.
    catalog.update(template, no_fuzzy_matching=True, update_header_comment=False)
    catalog.obsolete.clear()  # unused strings leave the catalog (git keeps their history)
    SOURCES.mkdir(exist_ok=True)
    _write_po(catalog, path)


def compile_mo(language: str, root: Path = COMPILED) -> Path:
    from babel.messages.mofile import write_mo

    catalog = read_po(language)
    target = mo_path(language, root)
    target.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    target.write_bytes(buffer.getvalue())
    return target


def po_problems(language: str) -> list[str]:
    """Untranslated, fuzzy, missing or unused entries of the core catalog of ``language``."""
    if not po_path(language).exists():
        return [f"{po_path(language).name}: missing (python packaging/catalogs.py update)"]
    catalog = read_po(language)
    template = core_template()
    name = po_path(language).name
    problems: list[str] = []
    wanted = {
        (item.id if isinstance(item.id, str) else item.id[0], item.context) for item in template if item.id
    }
    present: set[tuple[str, str | None]] = set()
    for item in catalog:
        if not item.id:
            continue
        key = (item.id if isinstance(item.id, str) else item.id[0], item.context)
        present.add(key)
        strings = item.string if isinstance(item.string, tuple) else (item.string,)
        if key not in wanted:
            problems.append(f"{name}: unused: {key[0]!r}")
        elif not all(strings):
            problems.append(f"{name}: untranslated: {key[0]!r}")
        elif item.fuzzy:
            problems.append(f"{name}: fuzzy (to check): {key[0]!r}")
        elif isinstance(item.id, tuple) != isinstance(item.string, tuple):
            problems.append(f"{name}: singular/plural mismatch: {key[0]!r}")
    problems += [f"{name}: missing: {key[0]!r}" for key in sorted(wanted - present, key=str)]
    return problems


# --- the GUI's Qt catalog ---------------------------------------------------------------------------


def _lupdate(ts_file: Path, language: str) -> str:
    return _run(
        [
            qt_tool("lupdate"),
            *[path.relative_to(ROOT) for path in gui_sources()],
            "-ts",
            ts_file,
            "-source-language",
            SOURCE_LANGUAGE,
            "-target-language",
            language,
            "-locations",
            "none",  # as for the .po: no line numbers to churn
            "-no-obsolete",  # unused strings leave the catalog
            "-no-ui-lines",
        ]
    )


def update_ts(language: str) -> str:
    SOURCES.mkdir(exist_ok=True)
    return _lupdate(ts_path(language), language)


def compile_qm(language: str, root: Path = COMPILED) -> Path:
    target = qm_path(language, root)
    target.parent.mkdir(parents=True, exist_ok=True)
    # -nounfinished: an untranslated string falls back to the French source rather than to nothing.
    _run([qt_tool("lrelease"), "-nounfinished", "-removeidentical", ts_path(language), "-qm", target])
    return target


def ts_messages(path: Path) -> Iterator[tuple[str, str, ElementTree.Element]]:
    """(context, source, translation element) of every message of a .ts file."""
    tree = ElementTree.parse(path)
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for item in context.iter("message"):
            translation = item.find("translation")
            assert translation is not None
            yield name, item.findtext("source") or "", translation


def ts_problems(language: str) -> list[str]:
    """Untranslated, unused or missing entries of the GUI catalog of ``language``."""
    path = ts_path(language)
    if not path.exists():
        return [f"{path.name}: missing (python packaging/catalogs.py update)"]
    problems: list[str] = []
    with tempfile.TemporaryDirectory() as scratch:
        fresh = Path(scratch) / path.name
        shutil.copy2(path, fresh)
        _lupdate(fresh, language)  # what update would make of it: new strings in, unused ones out
        if fresh.read_bytes() != path.read_bytes():
            committed = {(context, source) for context, source, _ in ts_messages(path)}
            current = {(context, source) for context, source, _ in ts_messages(fresh)}
            problems += [
                f"{path.name}: unused: {context}: {source!r}"
                for context, source in sorted(committed - current)
            ]
            problems += [
                f"{path.name}: missing: {context}: {source!r}"
                for context, source in sorted(current - committed)
            ]
            if not problems:
                problems.append(
                    f"{path.name}: not as lupdate writes it (python packaging/catalogs.py update)"
                )
    for context, source, translation in ts_messages(path):
        kind = translation.get("type")
        if kind in ("unfinished", "vanished", "obsolete") or not (translation.text or "").strip():
            problems.append(f"{path.name}: untranslated ({kind or 'empty'}): {context}: {source!r}")
    return problems


# --- the commands -----------------------------------------------------------------------------------


def update() -> None:
    for language in LANGUAGES:
        update_po(language)
        print(update_ts(language).strip())


def compile_all(root: Path = COMPILED) -> list[Path]:
    written: list[Path] = []
    for language in LANGUAGES:
        written.append(compile_mo(language, root))
        written.append(compile_qm(language, root))
    return written


def stale_compiled() -> list[str]:
    """Compiled catalogs that differ from what their sources compile to now."""
    stale: list[str] = []
    with tempfile.TemporaryDirectory() as scratch:
        for fresh in compile_all(Path(scratch)):
            built = COMPILED / fresh.relative_to(scratch)
            if not built.is_file() or built.read_bytes() != fresh.read_bytes():
                stale.append(
                    f"{built.relative_to(ROOT)}: not compiled from its source "
                    "(python packaging/catalogs.py compile)"
                )
    return stale


def problems() -> list[str]:
    found: list[str] = []
    for language in LANGUAGES:
        found += po_problems(language) + ts_problems(language)
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("command", choices=("update", "compile", "check"))
    arguments = parser.parse_args(argv)
    try:
        if arguments.command == "update":
            update()
        elif arguments.command == "compile":
            for path in compile_all():
                print(path.relative_to(ROOT))
        else:
            found = problems() + stale_compiled()
            for line in found:
                print(line)
            print(f"{len(found)} problem(s) in the catalogs" if found else "catalogs complete")
            return 1 if found else 0
    except CatalogError as error:
        print(f"catalogs: {error}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
