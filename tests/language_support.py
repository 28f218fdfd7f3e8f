"""Telling French from English in what the application shows: for the English interface's tests.

``french_in(text)`` says why a text shown while English is on is French, or None. It knows the
catalogs' French sources (every sentence the code and the forms write, split at their placeholders)
and French's marks: accented letters, guillemets, a space before ":" or ";", and common French words.
The platform's own names ("Mon Master", "Études en France"…) are French in both languages and are
taken out first, as are e-mail addresses (typed data).
"""

from __future__ import annotations

import re
import sys
import xml.etree.ElementTree as ElementTree
from functools import cache
from pathlib import Path

CHECKOUT = Path(__file__).resolve().parents[1]

# Names that stay French in the English interface (the platform's, the institutions', the sites').
KEPT_NAMES = (
    "Mon Master Desktop",
    "Mon Master",
    "Espace Campus France",
    "Études en France",
    "Campus France",
    "Commission Nationale de l'Informatique et des Libertés",
    "Commission nationale de l'informatique et des libertés",
    "monmaster.gouv.fr",
    "campusfrance.org",
    "cnil.fr",
    "CNIL",
    "Français",  # the language switch, named in the language it offers
)
# Words of French that English never writes (checked as whole words, lower case).
FRENCH_WORDS = frozenset(
    {
        "le",
        "la",
        "les",
        "des",
        "du",
        "au",
        "aux",
        "et",
        "ou",
        "est",
        "sont",
        "une",
        "qui",
        "que",
        "ne",
        "pas",
        "sur",
        "dans",
        "avec",
        "pour",
        "par",
        "vos",
        "votre",
        "vous",
        "mon",
        "ma",
        "mes",
        "ce",
        "cette",
        "ces",
        "il",
        "elle",
        "nous",
        "l",
        "d",
        "qu",
        "j",
        "mot",
        "passe",
        "compte",
        "courriel",
        "courriels",
        "adresse",
        "électronique",
        "étape",
        "créer",
        "connexion",
        "identifiants",
        "candidater",
        "oui",
        "non",
        "fermer",
        "afficher",
        "masquer",
        "continuer",
        "précédent",
        "suivant",
        "erreur",
        "erreurs",
        "critère",
        "critères",
        "saisie",
        "accueil",
        "boîte",
        "réception",
        "journal",
        "annonce",
        "polie",
        "bouton",
        "envoyé",
        "activé",
        "activer",
        "déconnecter",
        "connecter",
        "plateforme",
        "formation",
        "diplôme",
        "année",
        "première",
        "réponse",
        "nom",
        "entrée",
        "entrées",
    }
)

_PLACEHOLDER = re.compile(r"\{[^}]*\}|%n|\n")
_EMAIL = re.compile(r"\S+@\S+")
_TAGS = re.compile(r"<[^>]+>")
_WORDS = re.compile(r"[^\W\d_]+")
_ACCENTED = re.compile(r"[àâäçéèêëîïôöùûüÿœæÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸŒÆ]")
# A fragment of a French source this long is French wherever it appears.
MIN_FRAGMENT = 12


def _ts_sources() -> list[str]:
    found = []
    for path in (CHECKOUT / "translations").glob("*.ts"):
        for context in ElementTree.parse(path).getroot().iter("context"):
            for item in context.iter("message"):
                source = item.findtext("source") or ""
                if (item.findtext("translation") or "") != source:
                    found.append(source)
    return found


def _core_sources() -> list[str]:
    sys.path.insert(0, str(CHECKOUT / "packaging"))
    try:
        import catalogs
    finally:
        sys.path.pop(0)
    found = []
    for item in catalogs.read_po("en"):
        ids = item.id if isinstance(item.id, tuple) else (item.id,)
        strings = item.string if isinstance(item.string, tuple) else (item.string,)
        found += [source for source, said in zip(ids, strings, strict=False) if source and source != said]
    return found


@cache
def french_fragments() -> tuple[str, ...]:
    """Pieces of every French source the catalogs translate, long enough to be telling."""
    pieces: set[str] = set()
    for source in _ts_sources() + _core_sources():
        for piece in _PLACEHOLDER.split(source.replace("&", "")):
            piece = piece.strip(" .,:;")
            if len(piece) >= MIN_FRAGMENT:
                pieces.add(piece)
    return tuple(sorted(pieces, key=len, reverse=True))


def plain(text: str) -> str:
    """A text as read: rich-text tags out, mnemonic ampersands out, names and addresses out."""
    text = _TAGS.sub(" ", text).replace("&nbsp;", " ").replace("&", "")
    text = _EMAIL.sub(" ", text)
    for name in KEPT_NAMES:
        text = text.replace(name, " ")
    return text


def french_in(text: str) -> str | None:
    """Why ``text`` is French (the piece that gives it away), or None when it is not."""
    if not text or not text.strip():
        return None
    read = plain(text)
    for fragment in french_fragments():
        if fragment in read:
            return f"French sentence: {fragment!r}"
    if match := _ACCENTED.search(read):
        return f"accented letter {match.group()!r}"
    if "«" in read or "»" in read:
        return "French quotation marks"
    if re.search(r"\w\s[:;](\s|$)", read):
        return "a space before a colon"
    words = {word.lower() for word in _WORDS.findall(read)}
    if french := sorted(words & FRENCH_WORDS):
        return f"French words {french}"
    return None
