"""The offline captcha of step 2: a code of distorted characters and a question in words.

The image (drawn by the GUI) shows ``Captcha.code``; ``Captcha.question`` is its non-visual
alternative, which a screen-reader user can solve ("Écrivez en chiffres le nombre quarante-deux"),
spelt in the current language (each language has its speller: ``NUMBER_SPELLERS``) and said again in
another after a switch (a ``Message``). ``Captcha.verify`` is the only judge: the GUI shows its
verdict's message as it is.

No Qt import here, and no network: the captcha must work on an offline kiosk. A solved challenge stays
solved until ``renew()``, so a registration refused for another reason (mismatched passwords, missing
consent…) never makes the candidate solve it again while the page keeps their answer.
"""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass
from enum import Enum

from monmaster_desktop import i18n
from monmaster_desktop.i18n import N_, Message
from monmaster_desktop.settings import CaptchaMode

# Upper-case only (the answer is case-insensitive, and c/C, k/K, p/P, w/W, x/X look alike once
# distorted). Left out: characters that a distortion makes ambiguous (0/O/D/Q, 1/I/L, 2/Z, 5/S,
# 6/G, 8/B, U/V/Y) and every vowel, so that a code can never spell a word, rude or not.
CODE_ALPHABET = "CFHJKMNPRTWX3479"
CODE_LENGTHS = (5, 6)
QUESTION_NUMBERS = range(11, 100)

# --- Texts (project-written) ----------------------------------------------------------------------
QUESTION_TEMPLATE = N_("Écrivez en chiffres le nombre {words}")
ANSWER_MISSING = N_("Saisissez la réponse au captcha.")
ANSWER_WRONG_ATTEMPTS_LEFT = N_("La réponse au captcha est incorrecte. Il vous reste {attempts} essais.")
ANSWER_WRONG_LAST_ATTEMPT = N_("La réponse au captcha est incorrecte. Il vous reste 1 essai.")
ANSWER_WRONG_RENEWED = N_("La réponse au captcha est incorrecte. Un nouveau captcha a été généré.")

_UNITS = ("", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf")
_TEENS = ("dix", "onze", "douze", "treize", "quatorze", "quinze", "seize", "dix-sept", "dix-huit", "dix-neuf")
_TENS = {2: "vingt", 3: "trente", 4: "quarante", 5: "cinquante", 6: "soixante"}


def number_in_french_words(number: int) -> str:
    """``number`` (1 to 99) in French words, traditional spelling: hyphens below one hundred,
    "et" before "un" and "onze" from 21 to 71, "quatre-vingts" but "quatre-vingt-un"."""
    if not 1 <= number <= 99:
        raise ValueError(f"only numbers from 1 to 99 are spelt here, not {number}")
    tens, units = divmod(number, 10)
    if tens == 0:
        return _UNITS[units]
    if tens == 1:
        return _TEENS[units]
    if tens in (7, 9):  # 70-79 = soixante + 10-19 ; 90-99 = quatre-vingt + 10-19
        base = "soixante" if tens == 7 else "quatre-vingt"
        if number == 71:
            return "soixante et onze"
        return f"{base}-{_TEENS[units]}"
    if tens == 8:
        return "quatre-vingts" if units == 0 else f"quatre-vingt-{_UNITS[units]}"
    if units == 0:
        return _TENS[tens]
    if units == 1:
        return f"{_TENS[tens]} et un"
    return f"{_TENS[tens]}-{_UNITS[units]}"


_EN_UNITS = ("", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_EN_TEENS = (
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
)
_EN_TENS = {
    2: "twenty",
    3: "thirty",
    4: "forty",
    5: "fifty",
    6: "sixty",
    7: "seventy",
    8: "eighty",
    9: "ninety",
}


def number_in_english_words(number: int) -> str:
    """``number`` (1 to 99) in English words, hyphenated below one hundred: "forty-two"."""
    if not 1 <= number <= 99:
        raise ValueError(f"only numbers from 1 to 99 are spelt here, not {number}")
    tens, units = divmod(number, 10)
    if tens == 0:
        return _EN_UNITS[units]
    if tens == 1:
        return _EN_TEENS[units]
    return _EN_TENS[tens] if units == 0 else f"{_EN_TENS[tens]}-{_EN_UNITS[units]}"


# Each language of the interface spells the question's number its own way (a new language needs one:
# README, "Translating"); without a speller the question would give its answer away in digits.
NUMBER_SPELLERS = {"fr": number_in_french_words, "en": number_in_english_words}


def question_for(number: int) -> Message:
    """The question whose answer is ``number``, in the current language (and again after a switch)."""
    return Message(
        lambda: i18n.gettext(QUESTION_TEMPLATE).format(words=NUMBER_SPELLERS[i18n.current_language()](number))
    )


class CaptchaOutcome(Enum):
    SOLVED = "solved"
    WRONG = "wrong"
    RENEWED = "renewed"  # the last allowed wrong answer: a new challenge replaced the old one
    EMPTY = "empty"  # nothing typed: does not use up an attempt


@dataclass(frozen=True)
class CaptchaVerdict:
    outcome: CaptchaOutcome
    message: str | None  # for the candidate, in the current language; None when solved

    @property
    def ok(self) -> bool:
        """The candidate may go on (named like ``RegistrationResult.ok``)."""
        return self.outcome is CaptchaOutcome.SOLVED


def _normalized(answer: str) -> str:
    # NFKC turns full-width digits and letters (typed with an Asian input method) into ASCII ones.
    return unicodedata.normalize("NFKC", answer).strip()


class Captcha:
    """One challenge (a code and a question) and the attempts left to answer it."""

    MAX_ATTEMPTS = 3

    def __init__(self, mode: CaptchaMode, rng: random.Random | None = None) -> None:
        self.mode = mode
        # SystemRandom draws from os.urandom (as ``secrets`` does); tests pass a seeded Random.
        self._rng = rng if rng is not None else random.SystemRandom()
        self.code = ""
        self.question: str = ""
        self.question_answer = ""
        self.attempts_left = self.MAX_ATTEMPTS
        self._solved = False
        self.renew()

    @property
    def solved(self) -> bool:
        return self.mode is CaptchaMode.OFF or self._solved

    def renew(self) -> None:
        """A new code and a new question (both different from the previous ones), all attempts back."""
        previous_code, previous_answer = self.code, self.question_answer
        while self.code == previous_code:
            length = self._rng.choice(CODE_LENGTHS)
            self.code = "".join(self._rng.choice(CODE_ALPHABET) for _ in range(length))
        while self.question_answer == previous_answer:
            number = self._rng.choice(QUESTION_NUMBERS)
            self.question_answer = str(number)
            self.question = question_for(number)
        self.attempts_left = self.MAX_ATTEMPTS
        self._solved = False

    def accepts(self, answer: str) -> bool:
        """Whether ``answer`` solves the challenge, without using up an attempt."""
        typed = _normalized(answer)
        if typed == self.question_answer:
            return True
        if self.mode is CaptchaMode.IMAGE:
            return "".join(typed.split()).upper() == self.code
        return False

    def verify(self, answer: str) -> CaptchaVerdict:
        if self.solved:
            # Solved once for this challenge: the candidate is not asked again until renew().
            return CaptchaVerdict(CaptchaOutcome.SOLVED, None)
        if not _normalized(answer):
            return CaptchaVerdict(CaptchaOutcome.EMPTY, i18n.message(ANSWER_MISSING))
        if self.accepts(answer):
            self._solved = True
            return CaptchaVerdict(CaptchaOutcome.SOLVED, None)
        self.attempts_left -= 1
        if self.attempts_left <= 0:
            self.renew()
            return CaptchaVerdict(CaptchaOutcome.RENEWED, i18n.message(ANSWER_WRONG_RENEWED))
        if self.attempts_left == 1:
            return CaptchaVerdict(CaptchaOutcome.WRONG, i18n.message(ANSWER_WRONG_LAST_ATTEMPT))
        return CaptchaVerdict(
            CaptchaOutcome.WRONG, i18n.message(ANSWER_WRONG_ATTEMPTS_LEFT, attempts=self.attempts_left)
        )
