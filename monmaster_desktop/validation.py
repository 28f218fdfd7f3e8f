"""The Mon Master password and e-mail rules, checked offline, with every user-facing message translatable.

This module is pure Python and must never import Qt: the command line, the account service
and the GUI all call it. It must never log, print or put into an exception or a ``repr`` a password,
normalized or not. Nothing here raises for any input string.

Passwords are normalized with Unicode NFKC before they are checked, and that same normalized form is
what gets hashed and verified later (``PasswordCheck.normalized``), so a password typed in full-width
characters and its ASCII twin are the same password. A password is never stripped or trimmed.

Modelled on Django's ``password_validation``: one small criterion object per rule (key, French label,
test); ``check_password`` folds them, and the live checklist widget iterates the same
``PASSWORD_CRITERIA`` tuple, so each label is written once. Labels and messages are written in French,
the source language (gettext msgids, marked ``N_``); results carry them as ``i18n.Message``s in the
current language, which the GUI says again after a language switch.

email-validator and zxcvbn compile about a hundred regular expressions when imported (~170 ms):
they are imported by the first ``check_email`` and ``estimate_strength``, never at start, so the
command line and the first window do not pay for them; the GUI calls ``import_checkers`` in the
background once its window is painted.
"""

from __future__ import annotations

import logging
import re
import threading
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from types import MappingProxyType
from typing import NamedTuple

from monmaster_desktop.i18n import N_, Message, N_plural, listing, message, plural_message

__all__ = [
    "BLOCKING_MAIL_DOMAINS",
    "BLOCKING_MAIL_DOMAIN_WARNING",
    "EMAIL_ERROR_MESSAGES",
    "EXCLUDED_PUNCTUATION",
    "MAX_EMAIL_LENGTH",
    "MAX_PASSWORD_FIELD_LENGTH",
    "MAX_PASSWORD_LENGTH",
    "MIN_PASSWORD_LENGTH",
    "PASSWORD_CRITERIA",
    "PASSWORD_PROBLEM_MESSAGES",
    "STRENGTH_LABELS",
    "STRENGTH_MAX_INPUT_LENGTH",
    "TOO_GUESSABLE_MESSAGE",
    "TOO_GUESSABLE_SCORE_BELOW",
    "EmailCheck",
    "PasswordCheck",
    "PasswordCriterion",
    "Strength",
    "check_email",
    "check_password",
    "estimate_strength",
    "import_checkers",
    "normalize_password",
    "strength_context_for_email",
]

MIN_PASSWORD_LENGTH = 8
MAX_PASSWORD_LENGTH = 128
MAX_EMAIL_LENGTH = 254
# What a password field accepts (a 1 MB paste is cut there): well above MAX_PASSWORD_LENGTH, so a
# password that is too long is still seen, and refused with its message, never silently shortened to
# one that passes. Eight times the limit also covers NFKC shrinking decomposed accents.
MAX_PASSWORD_FIELD_LENGTH = 8 * MAX_PASSWORD_LENGTH

log = logging.getLogger(__name__)

# ---------------------------------------------------------------------------------------------------
# Passwords
# ---------------------------------------------------------------------------------------------------

# The punctuation the platform refuses as "special" ("virgule, point, guillemet, etc."). U+00B4 and
# U+2026 never survive NFKC (they become space + U+0301 and "..."), but they stay listed so that a
# criterion tested on a non-normalized string still refuses them.
EXCLUDED_PUNCTUATION: frozenset[str] = frozenset(
    ",.;:!?'\"`"  # comma, full stop, semicolon, colon, exclamation and question marks, apostrophe, ", `
    "\u00b4"  # acute accent
    "\u2018\u2019\u201a"  # single quotation marks
    "\u201c\u201d\u201e"  # double quotation marks
    "\u00ab\u00bb"  # guillemets
    "\u2026"  # horizontal ellipsis
)

# Control, format (zero-width, BOM, bidi controls), surrogate, private-use and unassigned code points.
_FORBIDDEN_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn"})

# A character's kind; the four that satisfy a criterion share their criterion's key.
_UPPERCASE = "uppercase"
_LOWERCASE = "lowercase"
_DIGIT = "digit"
_SPECIAL = "special"
_FORBIDDEN = "forbidden"
_NEUTRAL = "neutral"  # other letters, combining marks, other numbers, spaces, excluded punctuation


@lru_cache(maxsize=4096)
def _character_kind(character: str) -> str:
    # Cached per character: a password has few distinct characters and they recur from one keystroke
    # to the next, so the live checklist mostly hits the cache.
    category = unicodedata.category(character)
    if category in _FORBIDDEN_CATEGORIES:
        return _FORBIDDEN
    if category in ("Lu", "Lt"):
        return _UPPERCASE
    if category == "Ll":
        return _LOWERCASE
    if category == "Nd":
        return _DIGIT
    # Letters (Lm, Lo), combining marks (M*), other numbers (Nl, No) and white space (Z*, which covers
    # the no-break spaces U+00A0 and U+202F; tab and line feed are Cc, refused above) are not special;
    # neither is the excluded punctuation.
    if category[0] in "LMNZ" or character in EXCLUDED_PUNCTUATION:
        return _NEUTRAL
    # Everything else (P*, S*) is special. Categories alone would not do: Unicode files % and & under
    # punctuation (Po), like the comma the platform excludes.
    return _SPECIAL


def _character_kinds(normalized_password: str) -> frozenset[str]:
    return frozenset(map(_character_kind, normalized_password))


class PasswordCriterion(NamedTuple):
    """One line of the checklist: unpacks and indexes as ``(key, label)``; ``test`` says whether it is met.

    ``test`` expects the NFKC-normalized password (see ``normalize_password``).
    """

    key: str
    label: str

    def test(self, normalized_password: str) -> bool:
        return self.is_met(normalized_password, _character_kinds(normalized_password))

    def is_met(self, normalized_password: str, character_kinds: frozenset[str]) -> bool:
        """The test, given the kinds of characters already computed (``check_password`` does it once)."""
        # A criterion about one kind of character shares that kind's name as its key.
        return self.key in character_kinds


class _MinimumLength(PasswordCriterion):
    __slots__ = ()

    def is_met(self, normalized_password: str, character_kinds: frozenset[str]) -> bool:
        # Code points of the normalized string: what the user sees as characters, in practice.
        return len(normalized_password) >= MIN_PASSWORD_LENGTH


# Display order is the platform's.
PASSWORD_CRITERIA: tuple[PasswordCriterion, ...] = (
    _MinimumLength("length", N_("au moins 8 caractères")),  # MIN_PASSWORD_LENGTH (a test checks)
    PasswordCriterion(_UPPERCASE, N_("au moins 1 lettre en majuscule")),
    PasswordCriterion(_LOWERCASE, N_("au moins 1 lettre en minuscule")),
    PasswordCriterion(_DIGIT, N_("au moins 1 chiffre")),
    PasswordCriterion(_SPECIAL, N_("au moins 1 caractère spécial")),
)

PASSWORD_PROBLEM_MESSAGES: dict[str, str] = {
    "too_long": N_("Votre mot de passe ne doit pas dépasser 128 caractères."),  # MAX_PASSWORD_LENGTH
    "forbidden_character": N_(
        "Votre mot de passe contient un caractère non autorisé (caractère invisible, de contrôle ou non "
        "attribué). Retapez-le sans ce caractère."
    ),
}


def normalize_password(password: str) -> str:
    """The form of a password that is checked, hashed and verified: Unicode NFKC, never stripped."""
    return unicodedata.normalize("NFKC", password)


@dataclass(frozen=True)
class PasswordCheck:
    """The result of ``check_password``; its ``repr`` never shows the password."""

    criteria: Mapping[str, bool]  # criterion key -> met, in PASSWORD_CRITERIA order (read-only)
    problems: tuple[str, ...]  # codes among PASSWORD_PROBLEM_MESSAGES, in that order
    normalized: str = field(repr=False)  # what gets hashed: keep it out of logs and tracebacks

    @property
    def is_valid(self) -> bool:
        return all(self.criteria.values()) and not self.problems

    @property
    def problem_messages(self) -> tuple[Message, ...]:
        """The problems' messages, in the current language."""
        return tuple(message(PASSWORD_PROBLEM_MESSAGES[problem]) for problem in self.problems)

    @property
    def missing_labels(self) -> tuple[Message, ...]:
        """Labels of the unmet criteria, in display order and the current language (for "Il manque : …")."""
        return tuple(
            message(criterion.label) for criterion in PASSWORD_CRITERIA if not self.criteria[criterion.key]
        )


def check_password(password: str) -> PasswordCheck:
    """Check a password (as typed) against the platform's rule; see ``PasswordCheck``."""
    normalized = normalize_password(password)
    kinds = _character_kinds(normalized)  # one pass over the string for every criterion
    criteria = {criterion.key: criterion.is_met(normalized, kinds) for criterion in PASSWORD_CRITERIA}
    problems: list[str] = []
    if len(normalized) > MAX_PASSWORD_LENGTH:
        problems.append("too_long")
    if _FORBIDDEN in kinds:
        problems.append("forbidden_character")
    return PasswordCheck(criteria=MappingProxyType(criteria), problems=tuple(problems), normalized=normalized)


# ---------------------------------------------------------------------------------------------------
# Password strength (zxcvbn)
# ---------------------------------------------------------------------------------------------------

STRENGTH_LABELS: tuple[str, ...] = (N_("Très faible"), N_("Faible"), N_("Moyen"), N_("Bon"), N_("Très bon"))
TOO_GUESSABLE_SCORE_BELOW = 2
TOO_GUESSABLE_MESSAGE = N_(
    "Ce mot de passe est trop facile à deviner (mot courant, suite de caractères ou partie de votre "
    "adresse électronique). Choisissez-en un moins prévisible."
)
# zxcvbn 4.5 refuses longer input (ValueError) and its matching grows about quadratically with the
# length: 72 code points (its own default limit) cost at most ~45 ms on the slowest inputs measured,
# 128 cost up to ~200 ms, too slow for feedback at every keystroke. A longer password is scored on its
# first 72 code points, which can only under-estimate it.
STRENGTH_MAX_INPUT_LENGTH = 72
# Words every Mon Master password should avoid, whoever the user is.
_PLATFORM_WORDS = ("monmaster", "master")
# zxcvbn keeps the user inputs in a module-level dictionary while it scores: one call at a time.
_zxcvbn_lock = threading.Lock()


@dataclass(frozen=True)
class Strength:
    score: int  # zxcvbn score, 0 (guessable in a few tries) .. 4 (very unguessable)
    too_guessable: bool  # score below TOO_GUESSABLE_SCORE_BELOW: the password is refused
    label: str  # STRENGTH_LABELS[score], in the current language (a Message)


def strength_for_score(score: int) -> Strength:
    """The ``Strength`` of a zxcvbn score (0..4), its label in the current language."""
    too_guessable = score < TOO_GUESSABLE_SCORE_BELOW
    return Strength(score=score, too_guessable=too_guessable, label=message(STRENGTH_LABELS[score]))


def estimate_strength(password: str, context: Iterable[str] = ()) -> Strength:
    """Estimate how guessable a password is with zxcvbn, ``context`` words counting as known to an attacker.

    The password is NFKC-normalized first (the form that gets hashed); see ``strength_context_for_email``
    for the usual context.
    """
    # zxcvbn's date matcher raises on digits followed by a line feed (its regular expressions end in
    # "$", which also matches before a final "\n"): a line feed is scored as the space it looks like.
    # A password with one is refused anyway (a control character).
    normalized = normalize_password(password)[:STRENGTH_MAX_INPUT_LENGTH].replace("\n", " ")
    if not normalized:
        return strength_for_score(0)  # zxcvbn 4.5 raises IndexError on an empty string
    user_inputs = [word for word in (normalize_password(str(item)).lower() for item in context) if word]
    from zxcvbn import zxcvbn

    try:
        with _zxcvbn_lock:
            result = zxcvbn(normalized, user_inputs=user_inputs, max_length=STRENGTH_MAX_INPUT_LENGTH)
    except Exception as error:  # a zxcvbn bug must not break typing or registering
        # Logged by type only (the message could quote the password); scored as the weakest, so a
        # password zxcvbn cannot judge is refused as too guessable rather than let through.
        log.error("zxcvbn failed on a password: %s", type(error).__name__)
        return strength_for_score(0)
    return strength_for_score(min(max(int(result["score"]), 0), len(STRENGTH_LABELS) - 1))


_LOCAL_PART_SEPARATORS = re.compile(r"[._\-+0-9]+")


def strength_context_for_email(email: str | None) -> tuple[str, ...]:
    """Words from an e-mail address that a password should not be built from, plus the platform's name.

    The local part, its pieces split on ``. _ - +`` and digits, and the domain labels except the
    top-level one; lower-cased, NFKC-normalized, without empty items or duplicates.
    """
    words: list[str] = []
    text = normalize_password(email or "").strip().lower()
    if text:
        local_part, at_sign, domain = text.rpartition("@")
        if not at_sign:  # no @ yet (the user is still typing): it is all local part
            local_part, domain = text, ""
        words.append(local_part)
        words.extend(_LOCAL_PART_SEPARATORS.split(local_part))
        words.extend(domain.split(".")[:-1])
    words.extend(_PLATFORM_WORDS)
    return tuple(dict.fromkeys(word for word in words if word))


# ---------------------------------------------------------------------------------------------------
# E-mail addresses
# ---------------------------------------------------------------------------------------------------

# Mail services known to block the platform's mails ("certaines messageries électroniques telles que
# icloud bloquent la réception des courriels envoyés par la plateforme"). Exact domains only.
BLOCKING_MAIL_DOMAINS = frozenset({"icloud.com", "me.com", "mac.com"})
BLOCKING_MAIL_DOMAIN_WARNING = N_(
    "Attention : certaines messageries électroniques telles que iCloud bloquent la réception des "
    "courriels envoyés par la plateforme. Préférez une autre adresse si vous le pouvez."
)

# The messages name their example address and limits literally (254 is MAX_EMAIL_LENGTH: a test checks).
EMAIL_ERROR_MESSAGES: dict[str, str] = {
    "empty": N_("Saisissez votre adresse électronique."),
    "too_long": N_("L'adresse électronique ne doit pas dépasser 254 caractères."),
    "missing_at": N_("L'adresse électronique doit contenir le signe @, par exemple : nom@example.com."),
    "lookalike_at": N_(
        "L'adresse électronique contient un signe qui ressemble à @ sans en être un (@ pleine chasse ou "
        "petit @) : remplacez-le par le signe @ ordinaire."
    ),
    "several_at": N_("L'adresse électronique ne doit contenir qu'un seul signe @."),
    "missing_local_part": N_(
        "Il manque la partie avant le @ (votre identifiant), par exemple : nom@example.com."
    ),
    "missing_domain": N_("Il manque le nom de domaine après le @, par exemple : nom@example.com."),
    "domain_without_dot": N_(
        "Le nom de domaine (après le @) doit contenir un point, par exemple : example.com."
    ),
    "invalid_top_level_domain": N_(
        "Le nom de domaine (après le @) doit se terminer par une extension valide, par exemple : .fr ou .com."
    ),
    "reserved_domain": N_(
        "Ce nom de domaine est réservé et ne peut pas recevoir de courriels : indiquez une adresse réelle."
    ),
    "misplaced_dot": N_(
        "Un point est mal placé : l'adresse électronique ne peut ni commencer ni finir par un point, ni en "
        "contenir deux de suite, ni en avoir un juste avant ou juste après le @."
    ),
    "misplaced_hyphen": N_(
        "Un tiret est mal placé dans le nom de domaine (après le @) : il ne peut se trouver ni juste "
        "après le @, ni à côté d'un point, ni à la fin."
    ),
    "forbidden_character": N_("L'adresse électronique contient un caractère non autorisé."),
    # Filled in with the characters, described in words (see _describe_character); the plural form is
    # FORBIDDEN_CHARACTERS_NAMED's.
    "forbidden_characters_named": N_(
        "L'adresse électronique contient un caractère non autorisé : {characters}."
    ),
    "quoted_local_part": N_("Les guillemets ne sont pas acceptés dans l'adresse électronique."),
    "domain_literal": N_(
        "Indiquez un nom de domaine après le @ (par exemple : example.com), pas une adresse IP entre "
        "crochets."
    ),
    "display_name": N_(
        "Saisissez uniquement l'adresse électronique, sans nom ni chevrons < >, par exemple : "
        "nom@example.com."
    ),
    "domain_too_long": N_(
        "Le nom de domaine (après le @) est trop long : 253 caractères au plus, et 63 au plus entre deux "
        "points."
    ),
    "invalid_domain": N_(
        "Le nom de domaine (après le @) n'est pas valide. Vérifiez-le, par exemple : example.com."
    ),
    "invalid": N_("L'adresse électronique n'est pas valide. Vérifiez-la, par exemple : nom@example.com."),
}
FORBIDDEN_CHARACTERS_NAMED = N_plural(
    "L'adresse électronique contient un caractère non autorisé : {characters}.",
    "L'adresse électronique contient des caractères non autorisés : {characters}.",
)
# The last two of a list of characters: "« ( » et « ) »".
LAST_TWO = N_("{first} et {last}")

# email-validator 2.x explains errors in English only. Its messages are matched here, most specific
# first, to choose a French one; an unknown message falls back to "invalid", never shown in English.
_EMAIL_ERROR_PATTERNS: tuple[tuple[str, str], ...] = (
    ('"full-width" at-sign', "lookalike_at"),
    ("small commercial at", "lookalike_at"),
    ("must have an @-sign", "missing_at"),
    ("something before the @-sign", "missing_local_part"),
    ("something after the @-sign", "missing_domain"),
    ("it should have a period", "domain_without_dot"),
    ("top-level domain", "invalid_top_level_domain"),
    ("special-use or reserved", "reserved_domain"),
    ("display name", "display_name"),
    ("angle bracket", "display_name"),
    ("anything after the email address", "display_name"),
    ("quot", "quoted_local_part"),  # "Quoting the part …", "… in quotes …"
    ("bracket", "domain_literal"),
    ("periods cannot be separated by so many", "domain_too_long"),
    ("too long after the @-sign", "domain_too_long"),
    ("too long", "too_long"),
    ("two dashes", "invalid_domain"),  # before "period": "…two dashes … after a period"
    ("hyphen", "misplaced_hyphen"),
    ("period", "misplaced_dot"),
    ("invalid character", "forbidden_character"),
    ("unsafe character", "forbidden_character"),
    ("idna", "invalid_domain"),
    ("after the @-sign is invalid", "invalid_domain"),
)
# "…invalid characters before the @-sign: ',', SPACE, U+0000." -> the list after the colon.
_CHARACTER_LIST = re.compile(r"characters?(?: [^:()]*)?: (?P<list>.+)\.$")
_CODE_POINT = re.compile(r"U\+(?P<hex>[0-9A-F]{4,8})")

_CHARACTER_NAMES = {
    " ": N_("espace"),
    "\u00a0": N_("espace insécable"),
    "\u202f": N_("espace fine insécable"),
    "\t": N_("tabulation"),
}
_SPECIAL_SPACE = N_("espace spéciale ({code_point})")
_CONTROL_CHARACTER = N_("caractère de contrôle ({code_point})")
_INVISIBLE_CHARACTER = N_("caractère invisible ({code_point})")
_UNPRINTABLE_CHARACTER = N_("caractère non affichable ({code_point})")
_LONE_ACCENT = N_("accent isolé ({code_point})")
_QUOTED_CHARACTER = N_("« {character} »")


@dataclass(frozen=True)
class EmailCheck:
    is_valid: bool
    normalized: str | None  # the address to store and compare (domain lower-cased), None when invalid
    error: str | None  # in the current language (a Message), None when valid
    warning: str | None  # likewise; may be set on a valid address (a mail service that blocks our mails)
    error_code: str | None = None  # key of EMAIL_ERROR_MESSAGES, for tests and callers that branch on it


def _describe_character(character: str) -> Message:
    if character in _CHARACTER_NAMES:
        return message(_CHARACTER_NAMES[character])
    category = unicodedata.category(character)
    code_point = f"U+{ord(character):04X}"
    if category[0] == "Z":
        return message(_SPECIAL_SPACE, code_point=code_point)
    if category == "Cc":
        return message(_CONTROL_CHARACTER, code_point=code_point)
    if category == "Cf":
        return message(_INVISIBLE_CHARACTER, code_point=code_point)
    if category[0] == "C":  # surrogate, private use, unassigned
        return message(_UNPRINTABLE_CHARACTER, code_point=code_point)
    if category[0] == "M":
        return message(_LONE_ACCENT, code_point=code_point)
    return message(_QUOTED_CHARACTER, character=character)


def _characters_in(message: str) -> list[str]:
    """The characters email-validator lists in an error message (as repr, Unicode name or U+XXXX)."""
    match = _CHARACTER_LIST.search(message)
    if match is None:
        return []
    characters: list[str] = []
    for item in match["list"].split(", "):  # a listed comma shows as "','", so this split is safe
        if len(item) == 3 and item[0] == item[2] and item[0] in "'\"":  # repr() of one character, or "\"
            characters.append(item[1])
        elif code_point := _CODE_POINT.fullmatch(item):
            characters.append(chr(int(code_point["hex"], 16)))
        else:
            try:
                characters.append(unicodedata.lookup(item))
            except KeyError:
                return []  # a format this module does not know: say nothing rather than guess
    return characters


def _email_error(code: str, error: str | None = None) -> EmailCheck:
    return EmailCheck(
        is_valid=False,
        normalized=None,
        error=error or message(EMAIL_ERROR_MESSAGES[code]),
        warning=None,
        error_code=code,
    )


def _french_email_error(english: str, address: str) -> EmailCheck:
    lowered = english.lower()
    code = next((code for pattern, code in _EMAIL_ERROR_PATTERNS if pattern in lowered), "invalid")
    if code != "forbidden_character":
        return _email_error(code)
    characters = _characters_in(english)
    if "@" in characters or address.count("@") > 1:
        return _email_error("several_at")
    if not characters:
        return _email_error(code)
    described = [_describe_character(character) for character in dict.fromkeys(characters)]
    if len(described) == 1:
        listed: str = described[0]
    else:
        listed = message(LAST_TWO, first=listing(described[:-1]), last=described[-1])
    named = plural_message(*FORBIDDEN_CHARACTERS_NAMED, len(described), characters=listed)
    return _email_error("forbidden_characters_named", named)


def check_email(text: str) -> EmailCheck:
    """Check the syntax of an e-mail address offline (no DNS); every message is in the current language.

    Surrounding white space is stripped. Internationalized addresses (accented letters before or after
    the @, SMTPUTF8) are accepted, as email-validator does by default; quoted local parts
    (``"jean dupont"@…``), domain literals (``…@[192.0.2.1]``) and display names (``Jean <…>``) are
    refused. At most 254 characters. The address stays valid with a warning when its domain is one of
    ``BLOCKING_MAIL_DOMAINS`` (case-insensitive).
    """
    address = text.strip()
    if not address:
        return _email_error("empty")
    if len(address) > MAX_EMAIL_LENGTH:  # checked first: also bounds the work done below
        return _email_error("too_long")
    from email_validator import EmailNotValidError, validate_email

    try:
        validated = validate_email(
            address,
            check_deliverability=False,
            allow_smtputf8=True,
            allow_quoted_local=False,
            allow_domain_literal=False,
            allow_display_name=False,
        )
    except (EmailNotValidError, ValueError) as error:  # idna's errors are ValueErrors too
        return _french_email_error(str(error), address)
    domain = validated.domain.lower()
    warning = None
    if validated.ascii_domain.lower() in BLOCKING_MAIL_DOMAINS:
        warning = message(BLOCKING_MAIL_DOMAIN_WARNING)
    # The local part keeps its case: the account store compares addresses case-insensitively.
    normalized = f"{validated.local_part}@{domain}"
    return EmailCheck(is_valid=True, normalized=normalized, error=None, warning=warning)


def import_checkers() -> None:
    """Import what ``check_email`` and ``estimate_strength`` need, ahead of their first call.

    Safe from any thread (Python's import lock makes a concurrent first call wait for the import).
    """
    import email_validator  # noqa: F401
    import zxcvbn  # noqa: F401
