"""The offline captcha's rules: what it shows, how French numbers are spelt, which answers it accepts."""

from __future__ import annotations

import random

import pytest

from monmaster_desktop.captcha import (
    CODE_ALPHABET,
    Captcha,
    CaptchaOutcome,
    number_in_french_words,
)
from monmaster_desktop.settings import CaptchaMode

# Every number the question can ask, in the traditional spelling (hyphens below one hundred).
FRENCH_NUMBERS = {
    11: "onze", 12: "douze", 13: "treize", 14: "quatorze", 15: "quinze", 16: "seize",
    17: "dix-sept", 18: "dix-huit", 19: "dix-neuf",
    20: "vingt", 21: "vingt et un", 22: "vingt-deux", 23: "vingt-trois", 24: "vingt-quatre",
    25: "vingt-cinq", 26: "vingt-six", 27: "vingt-sept", 28: "vingt-huit", 29: "vingt-neuf",
    30: "trente", 31: "trente et un", 32: "trente-deux", 33: "trente-trois", 34: "trente-quatre",
    35: "trente-cinq", 36: "trente-six", 37: "trente-sept", 38: "trente-huit", 39: "trente-neuf",
    40: "quarante", 41: "quarante et un", 42: "quarante-deux", 43: "quarante-trois",
    44: "quarante-quatre", 45: "quarante-cinq", 46: "quarante-six", 47: "quarante-sept",
    48: "quarante-huit", 49: "quarante-neuf",
    50: "cinquante", 51: "cinquante et un", 52: "cinquante-deux", 53: "cinquante-trois",
    54: "cinquante-quatre", 55: "cinquante-cinq", 56: "cinquante-six", 57: "cinquante-sept",
    58: "cinquante-huit", 59: "cinquante-neuf",
    60: "soixante", 61: "soixante et un", 62: "soixante-deux", 63: "soixante-trois",
    64: "soixante-quatre", 65: "soixante-cinq", 66: "soixante-six", 67: "soixante-sept",
    68: "soixante-huit", 69: "soixante-neuf",
    70: "soixante-dix", 71: "soixante et onze", 72: "soixante-douze", 73: "soixante-treize",
    74: "soixante-quatorze", 75: "soixante-quinze", 76: "soixante-seize", 77: "soixante-dix-sept",
    78: "soixante-dix-huit", 79: "soixante-dix-neuf",
    80: "quatre-vingts", 81: "quatre-vingt-un", 82: "quatre-vingt-deux", 83: "quatre-vingt-trois",
    84: "quatre-vingt-quatre", 85: "quatre-vingt-cinq", 86: "quatre-vingt-six", 87: "quatre-vingt-sept",
    88: "quatre-vingt-huit", 89: "quatre-vingt-neuf",
    90: "quatre-vingt-dix", 91: "quatre-vingt-onze", 92: "quatre-vingt-douze", 93: "quatre-vingt-treize",
    94: "quatre-vingt-quatorze", 95: "quatre-vingt-quinze", 96: "quatre-vingt-seize",
    97: "quatre-vingt-dix-sept", 98: "quatre-vingt-dix-huit", 99: "quatre-vingt-dix-neuf",
}  # fmt: skip


def seeded(mode: CaptchaMode = CaptchaMode.IMAGE, seed: int = 7) -> Captcha:
    return Captcha(mode, random.Random(seed))


def wrong_answer(captcha: Captcha) -> str:
    # Three digits: never the two-digit answer, never the code (which has no 0).
    return captcha.question_answer + "0"


# --- what the candidate is shown --------------------------------------------------------------------
@pytest.mark.parametrize("seed", range(50))
def test_code_has_five_or_six_unambiguous_characters(seed: int) -> None:
    code = seeded(seed=seed).code
    assert len(code) in (5, 6)
    assert set(code) <= set(CODE_ALPHABET)


def test_alphabet_leaves_out_look_alike_characters_and_vowels() -> None:
    for ambiguous in "0OoDQ1lIiL2Zz5Ss6G8BUVYAEaeu":
        assert ambiguous not in CODE_ALPHABET


def test_codes_use_both_lengths_over_many_challenges() -> None:
    captcha = seeded()
    lengths = set()
    for _ in range(100):
        captcha.renew()
        lengths.add(len(captcha.code))
    assert lengths == {5, 6}


@pytest.mark.parametrize(("number", "words"), sorted(FRENCH_NUMBERS.items()))
def test_number_is_spelt_in_french(number: int, words: str) -> None:
    assert number_in_french_words(number) == words


@pytest.mark.parametrize(
    ("number", "words"),
    [
        (11, "onze"),
        (16, "seize"),
        (17, "dix-sept"),
        (21, "vingt et un"),
        (22, "vingt-deux"),
        (71, "soixante et onze"),
        (77, "soixante-dix-sept"),
        (80, "quatre-vingts"),
        (81, "quatre-vingt-un"),
        (91, "quatre-vingt-onze"),
        (99, "quatre-vingt-dix-neuf"),
    ],
)
def test_tricky_french_numbers(number: int, words: str) -> None:
    assert number_in_french_words(number) == words


def test_only_eighty_takes_the_plural_s_of_vingts() -> None:
    assert [n for n in range(1, 100) if number_in_french_words(n).endswith("vingts")] == [80]


def test_et_appears_only_for_twenty_one_to_seventy_one() -> None:
    with_et = [n for n in range(1, 100) if " et " in number_in_french_words(n)]
    assert with_et == [21, 31, 41, 51, 61, 71]
    assert all(" " not in number_in_french_words(n).replace(" et ", "") for n in range(1, 100))


def test_numbers_outside_one_to_ninety_nine_are_refused() -> None:
    for number in (0, 100, -3):
        with pytest.raises(ValueError):
            number_in_french_words(number)


@pytest.mark.parametrize("seed", range(30))
def test_question_asks_for_a_number_in_words_and_expects_its_digits(seed: int) -> None:
    captcha = seeded(seed=seed)
    number = int(captcha.question_answer)
    assert 11 <= number <= 99
    assert captcha.question == f"Écrivez en chiffres le nombre {FRENCH_NUMBERS[number]}"


def test_same_seed_gives_the_same_challenges() -> None:
    first, second = seeded(seed=42), seeded(seed=42)
    for _ in range(5):
        assert (first.code, first.question) == (second.code, second.question)
        first.renew()
        second.renew()


@pytest.mark.parametrize("seed", range(20))
def test_new_challenge_never_repeats_the_previous_code_or_question(seed: int) -> None:
    captcha = seeded(seed=seed)
    for _ in range(50):
        code, answer = captcha.code, captcha.question_answer
        captcha.renew()
        assert captcha.code != code
        assert captcha.question_answer != answer


def test_unseeded_challenges_differ_from_one_captcha_to_the_next() -> None:
    codes = {Captcha(CaptchaMode.IMAGE).code for _ in range(20)}
    assert len(codes) > 1


# --- which answers are accepted -----------------------------------------------------------------
def test_image_code_is_accepted_in_any_case_and_with_spaces() -> None:
    for typed in (lambda c: c, str.lower, lambda c: " ".join(c.lower()), lambda c: f"  {c}\t"):
        captcha = seeded()
        verdict = captcha.verify(typed(captcha.code))
        assert verdict.outcome is CaptchaOutcome.SOLVED
        assert verdict.ok
        assert verdict.message is None


def test_question_answer_is_accepted_in_image_mode() -> None:
    captcha = seeded()
    assert captcha.verify(f" {captcha.question_answer} ").outcome is CaptchaOutcome.SOLVED


def test_full_width_digits_are_accepted() -> None:
    captcha = seeded(CaptchaMode.QUESTION)
    full_width = "".join(chr(ord(digit) - ord("0") + ord("０")) for digit in captcha.question_answer)
    assert captcha.verify(full_width).outcome is CaptchaOutcome.SOLVED


def test_question_mode_refuses_the_image_code() -> None:
    captcha = seeded(CaptchaMode.QUESTION)
    assert captcha.verify(captcha.code).outcome is CaptchaOutcome.WRONG
    assert captcha.verify(captcha.question_answer).outcome is CaptchaOutcome.SOLVED


def test_number_written_in_words_is_not_accepted() -> None:
    captcha = seeded()
    words = captcha.question.removeprefix("Écrivez en chiffres le nombre ")
    assert captcha.verify(words).outcome is CaptchaOutcome.WRONG


def test_empty_answer_asks_for_one_and_costs_no_attempt() -> None:
    captcha = seeded()
    for blank in ("", "   ", "\u3000"):
        verdict = captcha.verify(blank)
        assert verdict.outcome is CaptchaOutcome.EMPTY
        assert verdict.message == "Saisissez la réponse au captcha."
    assert captcha.attempts_left == Captcha.MAX_ATTEMPTS


def test_wrong_answers_count_down_with_correct_plural() -> None:
    captcha = seeded()
    first = captcha.verify(wrong_answer(captcha))
    assert first.outcome is CaptchaOutcome.WRONG
    assert not first.ok
    assert first.message == "La réponse au captcha est incorrecte. Il vous reste 2 essais."
    second = captcha.verify(wrong_answer(captcha))
    assert second.message == "La réponse au captcha est incorrecte. Il vous reste 1 essai."
    assert captcha.attempts_left == 1


def test_third_wrong_answer_renews_the_challenge() -> None:
    captcha = seeded()
    old_code, old_question = captcha.code, captcha.question
    captcha.verify(wrong_answer(captcha))
    captcha.verify(wrong_answer(captcha))
    verdict = captcha.verify(wrong_answer(captcha))
    assert verdict.outcome is CaptchaOutcome.RENEWED
    assert verdict.message == "La réponse au captcha est incorrecte. Un nouveau captcha a été généré."
    assert captcha.code != old_code
    assert captcha.question != old_question
    assert captcha.attempts_left == Captcha.MAX_ATTEMPTS
    # The old code is worth nothing now.
    assert captcha.verify(old_code).outcome is CaptchaOutcome.WRONG


def test_empty_answers_between_wrong_ones_do_not_hasten_the_renewal() -> None:
    captcha = seeded()
    captcha.verify(wrong_answer(captcha))
    captcha.verify("")
    captcha.verify(wrong_answer(captcha))
    captcha.verify(" ")
    assert captcha.attempts_left == 1


def test_solved_captcha_stays_solved_until_renewed() -> None:
    captcha = seeded()
    assert captcha.verify(captcha.code).outcome is CaptchaOutcome.SOLVED
    # The registration was refused for another reason: the same answer passes again.
    assert captcha.verify(captcha.code).outcome is CaptchaOutcome.SOLVED
    assert captcha.solved
    captcha.renew()
    assert not captcha.solved
    assert captcha.verify("").outcome is CaptchaOutcome.EMPTY


def test_off_mode_accepts_anything_even_nothing() -> None:
    captcha = seeded(CaptchaMode.OFF)
    assert captcha.solved
    for typed in ("", "n'importe quoi", "0"):
        assert captcha.verify(typed).outcome is CaptchaOutcome.SOLVED
