"""The language of the core's sentences: French (the source) or English, from gettext catalogs.

Every sentence the core shows or prints is written here in French, marked ``N_(...)`` where it is
defined, and said through ``gettext``, ``ngettext`` or ``message`` in the language of the moment
(``set_language``). French is the source language: its words are the msgids themselves, so the
French interface never depends on a catalog. The other languages come from the compiled catalog
``resources/translations/<language>/LC_MESSAGES/monmaster.mo`` (sources: ``translations/*.po``;
commands: the README's "Translating").

A ``Message`` is a sentence that can be said again in another language: a ``str`` (so it is shown,
compared and printed as one) that remembers how it was made. The GUI keeps the Messages it shows and
calls ``again()`` when the candidate switches language, so nothing shown stays in the old language.

No Qt import here (the GUI's own strings use Qt's catalogs: ``gui/language.py``). A language switch
only swaps which catalog is read; a mail is written in an explicitly chosen language
(``translator``), never in whatever the interface happens to show on another thread.
"""

from __future__ import annotations

import gettext as _gettext
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path

from monmaster_desktop.assets import resource_root

DOMAIN = "monmaster"
SOURCE_LANGUAGE = "fr"
DEFAULT_LANGUAGE = "fr"
# Every language of the interface, the source first. Adding one: the README's "Translating".
LANGUAGES: tuple[str, ...] = ("fr", "en")
# How each language names itself (the language switch says it in its own language).
LANGUAGE_NAMES: dict[str, str] = {"fr": "Français", "en": "English"}


class CatalogMissing(RuntimeError):
    """A language's compiled catalog is not where the application looks for it (never built?)."""


def N_(msgid: str) -> str:
    """Mark ``msgid`` for extraction into the catalogs; it is translated where it is used."""
    return msgid


def N_plural(singular: str, plural: str) -> tuple[str, str]:
    """Mark a singular and its plural for extraction as one entry (``plural_message`` says them)."""
    return singular, plural


def catalog_dir() -> Path:
    """Where the compiled gettext catalogs are: ``resources/translations``."""
    return resource_root() / "translations"


@cache
def translator(language: str) -> _gettext.NullTranslations:
    """The catalog of ``language`` (French: the source itself). Raises ``CatalogMissing``/``ValueError``."""
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}; expected one of {', '.join(LANGUAGES)}")
    if language == SOURCE_LANGUAGE:
        return _gettext.NullTranslations()
    path = catalog_dir() / language / "LC_MESSAGES" / f"{DOMAIN}.mo"
    if not path.is_file():
        raise CatalogMissing(
            f"the {language} catalog of Mon Master Desktop is missing ({path}); "
            "build it with: python packaging/catalogs.py compile"
        )
    with path.open("rb") as file:
        return _gettext.GNUTranslations(file)


_current: list[str] = [DEFAULT_LANGUAGE]  # one slot, swapped whole: readers on other threads see either


def set_language(language: str) -> None:
    """Say the core's sentences in ``language`` from now on (its catalog is loaded, or this raises)."""
    translator(language)
    _current[0] = language


def current_language() -> str:
    return _current[0]


def gettext(msgid: str) -> str:
    """``msgid`` in the current language."""
    return translator(_current[0]).gettext(msgid)


def ngettext(singular: str, plural: str, count: int) -> str:
    """The singular or plural form for ``count``, by the current language's own rule."""
    if _current[0] == SOURCE_LANGUAGE:
        # The source needs no catalog, but French says "0 essai" and "1 essai": singular up to 1.
        return singular if count <= 1 else plural
    return translator(_current[0]).ngettext(singular, plural, count)


class Message(str):
    """A sentence in the current language that can be made again in another: ``again()``.

    It is a ``str`` made by calling ``make``; ``again()`` calls it once more, in the language of that
    moment. Equal to any string with the same text (so ``result.message == texts.SIGN_IN_FAILED``
    holds in French).
    """

    _make: Callable[[], str]

    def __new__(cls, make: Callable[[], str]) -> Message:
        self = super().__new__(cls, make())
        self._make = make
        return self

    def again(self) -> Message:
        return Message(self._make)

    def __reduce__(self) -> tuple[type[str], tuple[str]]:
        # Across processes (or into a pickle) only the words travel, as a plain string.
        return (str, (str(self),))


def again(text: str) -> str:
    """``text`` in the current language when it is a ``Message``; any other string as it is."""
    return text.again() if isinstance(text, Message) else text


def _format(template: str, params: dict[str, object]) -> str:
    if not params:
        return template
    return template.format(
        **{key: again(value) if isinstance(value, Message) else value for key, value in params.items()}
    )


def message(msgid: str, /, **params: object) -> Message:
    """``msgid`` translated, then formatted with ``params`` (Messages among them said again too)."""
    return Message(lambda: _format(gettext(msgid), params))


def plural_message(singular: str, plural: str, count: int, /, **params: object) -> Message:
    """``ngettext`` then ``message``'s formatting; ``count`` is a parameter too."""
    return Message(lambda: _format(ngettext(singular, plural, count), {"count": count, **params}))


def sentences(*parts: str) -> Message:
    """Texts said one after another (a refusal, then "Vos saisies sont conservées.")."""
    kept = tuple(part for part in parts if part)
    return Message(lambda: " ".join(again(part) for part in kept))


def listing(items: Iterable[str]) -> Message:
    """Items joined with ", " ("au moins 1 chiffre, au moins 1 caractère spécial")."""
    kept = tuple(items)
    return Message(lambda: ", ".join(again(item) for item in kept))
