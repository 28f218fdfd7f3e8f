"""The password checklist, the strength meter and the e-mail check, as a user of the form sees them."""

from __future__ import annotations

import dataclasses
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from monmaster_desktop import validation
from monmaster_desktop.validation import (
    BLOCKING_MAIL_DOMAIN_WARNING,
    BLOCKING_MAIL_DOMAINS,
    EMAIL_ERROR_MESSAGES,
    MAX_EMAIL_LENGTH,
    MAX_PASSWORD_LENGTH,
    MIN_PASSWORD_LENGTH,
    PASSWORD_CRITERIA,
    PASSWORD_PROBLEM_MESSAGES,
    STRENGTH_LABELS,
    TOO_GUESSABLE_MESSAGE,
    check_email,
    check_password,
    estimate_strength,
    normalize_password,
    strength_context_for_email,
)

SPECIAL_LABEL = "au moins 1 caractère spécial"
# Every criterion met except "special": a mark appended to it decides the special criterion alone.
WITHOUT_SPECIAL = "Abcdefg1"

EXCLUDED_PUNCTUATION = [
    ",",  # U+002C comma
    ".",  # U+002E full stop
    ";",  # U+003B semicolon
    ":",  # U+003A colon
    "!",  # U+0021 exclamation mark
    "?",  # U+003F question mark
    "'",  # U+0027 apostrophe
    '"',  # U+0022 quotation mark
    "`",  # U+0060 grave accent
    "\u00b4",  # acute accent (NFKC: space + combining acute)
    "\u2018",
    "\u2019",
    "\u201a",
    "\u201c",
    "\u201d",
    "\u201e",
    "\u00ab",  # «
    "\u00bb",  # »
    "\u2026",  # ellipsis (NFKC: "...")
]
LISTED_SPECIALS = list("%&$#@*+-=_/\\()[]{}<>|~^€£§°")
SPACES = [" ", "\u00a0", "\u202f", "\u2007", "\u2009", "\u3000", "\u2028", "\u2029"]
FORBIDDEN = {
    "zero width space": "\u200b",
    "zero width joiner": "\u200d",
    "byte order mark": "\ufeff",
    "soft hyphen": "\u00ad",
    "right-to-left override": "\u202e",
    "null": "\x00",
    "bell": "\x07",
    "tab": "\t",
    "line feed": "\n",
    "delete": "\x7f",
    "next line (C1)": "\x85",
    "private use": "\ue000",
    "supplementary private use": "\U000f0000",
    "unassigned (noncharacter)": "\ufdd0",
    "unassigned (last code point)": "\U0010ffff",
    "lone high surrogate": "\ud800",
    "lone low surrogate": "\udfff",
}


def _criterion_labels() -> list[tuple[str, str]]:
    return [(key, label) for key, label in PASSWORD_CRITERIA]


# --- The checklist itself ---------------------------------------------------------------------------


def test_checklist_shows_the_platform_criteria_in_order():
    assert _criterion_labels() == [
        ("length", "au moins 8 caractères"),
        ("uppercase", "au moins 1 lettre en majuscule"),
        ("lowercase", "au moins 1 lettre en minuscule"),
        ("digit", "au moins 1 chiffre"),
        ("special", "au moins 1 caractère spécial"),
    ]


def test_each_checklist_line_indexes_as_key_and_label_and_tests_a_password():
    for criterion in PASSWORD_CRITERIA:
        assert criterion[0] == criterion.key
        assert criterion[1] == criterion.label
        assert len(criterion) == 2
        assert criterion.test("Abcdef1%") is True
        assert criterion.test("") is False


def test_checklist_result_lists_every_criterion_in_display_order():
    result = check_password("abc")
    assert list(result.criteria) == [criterion.key for criterion in PASSWORD_CRITERIA]


def test_password_meeting_every_criterion_is_valid():
    result = check_password("Abcdef1%")
    assert dict(result.criteria) == dict.fromkeys(result.criteria, True)
    assert result.problems == ()
    assert result.problem_messages == ()
    assert result.missing_labels == ()
    assert result.is_valid


def test_empty_password_misses_every_criterion_in_display_order():
    result = check_password("")
    assert not result.is_valid
    assert result.missing_labels == tuple(label for _, label in PASSWORD_CRITERIA)
    assert result.problems == ()


def test_checklist_result_cannot_be_changed():
    result = check_password("Abcdef1%")
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.problems = ("too_long",)  # type: ignore[misc]
    with pytest.raises(TypeError):
        result.criteria["length"] = False  # type: ignore[index]


def test_password_never_appears_in_the_result_repr():
    result = check_password("Sup3rSecret%")
    assert "Sup3rSecret%" not in repr(result)
    assert "Sup3rSecret%" not in str(result)


# --- Length -------------------------------------------------------------------------------------------


def test_seven_characters_are_too_short_and_eight_are_enough():
    assert check_password("Abcde1%").criteria["length"] is False
    assert check_password("Abcde1%").missing_labels == ("au moins 8 caractères",)
    assert check_password("Abcdef1%").criteria["length"] is True
    assert MIN_PASSWORD_LENGTH == 8


def test_128_characters_are_accepted_and_129_are_too_long_with_a_french_message():
    at_limit = "Ab1%" + "x" * (MAX_PASSWORD_LENGTH - 4)
    assert len(at_limit) == 128
    assert check_password(at_limit).is_valid
    too_long = check_password(at_limit + "y")
    assert too_long.problems == ("too_long",)
    assert too_long.problem_messages == ("Votre mot de passe ne doit pas dépasser 128 caractères.",)
    assert too_long.criteria["length"] is True  # the checklist line stays ticked; the problem says why
    assert not too_long.is_valid


def test_ligature_counts_as_two_characters_after_normalization():
    typed = "Abc1%\ufb01x"  # 7 code points typed, "fi" ligature
    assert len(typed) == 7
    result = check_password(typed)
    assert result.normalized == "Abc1%fix"
    assert result.criteria["length"] is True


def test_ligature_pushes_a_127_character_password_over_the_limit():
    typed = "Ab1%" + "x" * 123 + "\ufb03"  # "ffi": 128 typed, 130 after NFKC
    assert len(typed) == 128
    assert check_password(typed).problems == ("too_long",)


def test_combining_accent_composes_so_the_password_gets_shorter():
    typed = "E\u0301tude1%"  # 8 code points typed, "Étude1%" (7) after normalization
    assert len(typed) == 8
    result = check_password(typed)
    assert result.normalized == "Étude1%"
    assert result.criteria["length"] is False


def test_length_counts_spaces_and_nothing_is_trimmed():
    assert normalize_password("  Ab1%  ") == "  Ab1%  "
    result = check_password("  Ab1%  ")
    assert result.normalized == "  Ab1%  "
    assert result.criteria["length"] is True


# --- NFKC: what is checked is what is hashed --------------------------------------------------------------


def test_full_width_password_is_the_same_password_as_its_ascii_twin():
    full_width = check_password("Ｐａｓｓｗｏｒｄ１％")
    ascii_twin = check_password("Password1%")
    assert full_width.normalized == "Password1%"
    assert full_width == ascii_twin
    assert full_width.is_valid


def test_normalize_password_is_nfkc():
    for text in ["Ｐａｓｓｗｏｒｄ１％", "\ufb01", "E\u0301", "\u00b4", "\u2026", "\u00a0"]:
        assert normalize_password(text) == unicodedata.normalize("NFKC", text)


# --- Upper case, lower case, digits ---------------------------------------------------------------------


def test_accented_capital_counts_as_uppercase_and_accented_small_as_lowercase():
    only_accented_capital = check_password("É" + "bcdef1%")
    assert only_accented_capital.criteria["uppercase"] is True
    only_accented_small = check_password("ABCDEé1%")
    assert only_accented_small.criteria["lowercase"] is True


def test_e_plus_combining_acute_counts_as_uppercase_e_acute():
    result = check_password("e\u0301E\u0301cole1%")
    assert result.normalized == "éÉcole1%"
    assert result.criteria["uppercase"] is True
    assert result.criteria["lowercase"] is True


def test_titlecase_letter_counts_as_uppercase():
    assert unicodedata.category("\u01c5") == "Lt"
    uppercase = PASSWORD_CRITERIA[1]
    assert uppercase.key == "uppercase"
    assert uppercase.test("\u01c5") is True
    # U+1FBC (Greek capital alpha with prosgegrammeni) stays titlecase after NFKC.
    result = check_password("\u1fbcbcdef1%")
    assert unicodedata.category(result.normalized[0]) == "Lt"
    assert result.criteria["uppercase"] is True


def test_password_without_capital_misses_only_uppercase():
    assert check_password("abcdef1%").missing_labels == ("au moins 1 lettre en majuscule",)


def test_password_without_small_letter_misses_only_lowercase():
    assert check_password("ABCDEF1%").missing_labels == ("au moins 1 lettre en minuscule",)


def test_password_without_digit_misses_only_digit():
    assert check_password("Abcdefg%").missing_labels == ("au moins 1 chiffre",)


def test_arabic_indic_digit_counts_as_digit():
    result = check_password("Abcdefg\u0663%")
    assert result.normalized.endswith("\u0663%")
    assert result.criteria["digit"] is True


def test_full_width_digit_counts_as_digit():
    assert check_password("Abcdefg１%").criteria["digit"] is True


def test_superscript_two_becomes_a_digit_after_normalization():
    assert check_password("Abcdefg\u00b2%").criteria["digit"] is True


# --- Special characters -------------------------------------------------------------------------------


def test_checklist_marks_percent_as_special_but_not_comma():
    assert check_password(WITHOUT_SPECIAL + "%").criteria["special"] is True
    assert check_password(WITHOUT_SPECIAL + ",").criteria["special"] is False


@pytest.mark.parametrize("mark", EXCLUDED_PUNCTUATION, ids=lambda mark: f"U+{ord(mark):04X}")
def test_excluded_punctuation_does_not_count_as_special(mark: str):
    result = check_password(WITHOUT_SPECIAL + mark)
    assert result.criteria["special"] is False
    assert result.missing_labels == (SPECIAL_LABEL,)
    assert result.problems == ()


def test_acute_accent_stays_not_special_after_it_decomposes():
    result = check_password(WITHOUT_SPECIAL + "\u00b4")
    assert result.normalized == WITHOUT_SPECIAL + " \u0301"
    assert result.criteria["special"] is False


def test_ellipsis_stays_not_special_after_it_becomes_three_full_stops():
    result = check_password(WITHOUT_SPECIAL + "\u2026")
    assert result.normalized == WITHOUT_SPECIAL + "..."
    assert result.criteria["special"] is False


def test_full_width_comma_is_a_comma_after_normalization():
    assert check_password(WITHOUT_SPECIAL + "\uff0c").criteria["special"] is False


@pytest.mark.parametrize("mark", LISTED_SPECIALS)
def test_listed_character_counts_as_special(mark: str):
    result = check_password(WITHOUT_SPECIAL + mark)
    assert result.criteria["special"] is True
    assert result.is_valid


@pytest.mark.parametrize("space", SPACES, ids=lambda space: f"U+{ord(space):04X}")
def test_spaces_including_no_break_spaces_do_not_count_as_special(space: str):
    result = check_password(WITHOUT_SPECIAL + space)
    assert result.criteria["special"] is False
    assert result.problems == ()


@pytest.mark.parametrize("mark", ["\u0301", "\u20dd"], ids=["combining acute", "enclosing circle"])
def test_lone_combining_mark_does_not_count_as_special(mark: str):
    result = check_password(WITHOUT_SPECIAL + mark)
    assert unicodedata.category(result.normalized[-1])[0] == "M"
    assert result.criteria["special"] is False


@pytest.mark.parametrize(
    "character",
    ["\u16ee", "\u0f2a", "\u02bc", "\u4e2d", "\u05d0"],
    ids=["letter number", "other number", "modifier letter apostrophe", "CJK ideograph", "Hebrew letter"],
)
def test_other_letters_and_numbers_do_not_count_as_special(character: str):
    result = check_password(WITHOUT_SPECIAL + character)
    assert result.normalized.endswith(character)  # unchanged by NFKC
    assert result.criteria["special"] is False


def test_vulgar_fraction_becomes_digits_and_a_fraction_slash_that_counts_as_special():
    # The rule applies to the normalized password: "½" is "1⁄2" there, and U+2044 is a math symbol.
    result = check_password(WITHOUT_SPECIAL + "\u00bd")
    assert result.normalized == WITHOUT_SPECIAL + "1\u20442"
    assert result.criteria["special"] is True


# --- Forbidden characters -----------------------------------------------------------------------------


@pytest.mark.parametrize("character", list(FORBIDDEN.values()), ids=list(FORBIDDEN))
def test_invisible_control_private_or_unassigned_character_is_refused_with_a_french_message(character: str):
    result = check_password("Abcdef1%" + character)
    assert result.problems == ("forbidden_character",)
    assert result.problem_messages == (PASSWORD_PROBLEM_MESSAGES["forbidden_character"],)
    assert result.problem_messages[0].startswith("Votre mot de passe contient un caractère non autorisé")
    assert not result.is_valid
    assert all(result.criteria.values())  # the checklist is all ticked; the problem is what blocks


@pytest.mark.parametrize("character", list(FORBIDDEN.values()), ids=list(FORBIDDEN))
def test_forbidden_character_does_not_count_as_special(character: str):
    assert check_password(WITHOUT_SPECIAL + character).criteria["special"] is False


def test_lone_surrogate_is_refused_without_an_exception():
    result = check_password("\ud800")
    assert result.problems == ("forbidden_character",)
    assert not result.is_valid


def test_too_long_and_forbidden_are_both_reported_in_order():
    result = check_password("Ab1%" + "x" * 130 + "\u200b")
    assert result.problems == ("too_long", "forbidden_character")
    assert result.problem_messages == (
        PASSWORD_PROBLEM_MESSAGES["too_long"],
        PASSWORD_PROBLEM_MESSAGES["forbidden_character"],
    )


def test_problem_messages_are_the_french_sentences():
    assert PASSWORD_PROBLEM_MESSAGES == {
        "too_long": "Votre mot de passe ne doit pas dépasser 128 caractères.",
        "forbidden_character": (
            "Votre mot de passe contient un caractère non autorisé (caractère invisible, de contrôle ou non "
            "attribué). Retapez-le sans ce caractère."
        ),
    }


# --- Strength -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("password", ["Password1%", "P@ssw0rd", "Azerty123&", "Bonjour1$", "Qwerty123$"])
def test_common_password_that_ticks_the_checklist_is_still_too_guessable(password: str):
    assert check_password(password).is_valid
    strength = estimate_strength(password)
    assert strength.score < 2
    assert strength.too_guessable


def test_long_random_password_is_not_too_guessable():
    strength = estimate_strength("Xk9$mQ2#vL7@pR4")
    assert strength.score == 4
    assert not strength.too_guessable
    assert strength.label == "Très bon"


def test_password_built_from_the_email_local_part_becomes_too_guessable():
    context = strength_context_for_email("jeandupont75@example.com")
    assert not estimate_strength("Jeandupont75%").too_guessable
    with_context = estimate_strength("Jeandupont75%", context=context)
    assert with_context.score < estimate_strength("Jeandupont75%").score
    assert with_context.too_guessable


def test_first_and_last_name_from_the_email_lower_the_score():
    context = strength_context_for_email("camille.martin@univ-lyon.fr")
    assert estimate_strength("Camille.martin1%", context=context).too_guessable
    assert not estimate_strength("Camille.martin1%").too_guessable


def test_platform_name_lowers_the_score_even_without_an_email():
    context = strength_context_for_email(None)
    assert context == ("monmaster", "master")
    with_context = estimate_strength("MonMaster2025%", context=context)
    assert with_context.score < estimate_strength("MonMaster2025%").score


def test_empty_password_is_very_weak():
    strength = estimate_strength("")
    assert (strength.score, strength.too_guessable, strength.label) == (0, True, "Très faible")


def test_strength_labels_are_french_and_follow_the_score():
    assert STRENGTH_LABELS == ("Très faible", "Faible", "Moyen", "Bon", "Très bon")
    for password in ["", "a", "Password1!", "Motdepasse1%", "Xk9$mQ2#vL7@pR4"]:
        strength = estimate_strength(password)
        assert 0 <= strength.score <= 4
        assert strength.label == STRENGTH_LABELS[strength.score]
        assert strength.too_guessable == (strength.score < 2)


def test_full_width_password_has_the_strength_of_its_ascii_twin():
    assert estimate_strength("Ｐａｓｓｗｏｒｄ１！") == estimate_strength("Password1!")


@pytest.mark.parametrize(
    "password",
    ["Ab1%" * 32, "1" * 128, "a" * 128, "\ud800" * 128, "\u200b" * 200, "Xk9$mQ2#vL7@pR4" * 100],
    ids=["mixed-128", "digits-128", "letters-128", "surrogates-128", "zero-width-200", "random-1500"],
)
def test_long_passwords_get_a_strength_without_an_exception(password: str):
    strength = estimate_strength(password, context=strength_context_for_email("jean@example.com"))
    assert 0 <= strength.score <= 4


def test_too_guessable_message_is_french():
    assert TOO_GUESSABLE_MESSAGE.startswith("Ce mot de passe est trop facile à deviner")


def test_strength_result_cannot_be_changed():
    with pytest.raises(dataclasses.FrozenInstanceError):
        estimate_strength("abc").score = 4  # type: ignore[misc]


def test_strength_context_splits_the_email_into_words_to_avoid():
    assert strength_context_for_email("  Jean.Dupont-75+Pro@Etu.Univ-Paris.FR ") == (
        "jean.dupont-75+pro",
        "jean",
        "dupont",
        "pro",
        "etu",
        "univ-paris",
        "monmaster",
        "master",
    )


def test_strength_context_splits_on_digits_and_underscores_without_empty_words():
    assert strength_context_for_email("_ab12cd__@mail.example.com") == (
        "_ab12cd__",
        "ab",
        "cd",
        "mail",
        "example",
        "monmaster",
        "master",
    )


def test_strength_context_of_a_half_typed_address_uses_what_is_there():
    assert strength_context_for_email("jean") == ("jean", "monmaster", "master")
    assert strength_context_for_email("jean@") == ("jean", "monmaster", "master")
    assert strength_context_for_email("") == ("monmaster", "master")


# --- E-mail -------------------------------------------------------------------------------------------


def _address_of_length(length: int) -> str:
    domain = "b" * 63 + "." + "c" * 63 + ".fr"
    return "a" * (length - len(domain) - 1) + "@" + domain


def test_typical_address_is_valid_with_no_error_nor_warning():
    result = check_email("jean.dupont@example.com")
    assert result == validation.EmailCheck(
        is_valid=True, normalized="jean.dupont@example.com", error=None, warning=None
    )


def test_surrounding_spaces_are_ignored():
    for text in ["  jean@example.com  ", "\tjean@example.com\n", "\u00a0jean@example.com\u202f"]:
        result = check_email(text)
        assert result.is_valid
        assert result.normalized == "jean@example.com"


def test_domain_is_lower_cased_and_local_part_keeps_its_case():
    assert check_email("Jean.Dupont@Example.FR").normalized == "Jean.Dupont@example.fr"


def test_internationalized_address_is_accepted():
    result = check_email("jéan@exämple.fr")
    assert result.is_valid
    assert result.normalized == "jéan@exämple.fr"


def test_254_characters_are_accepted_and_255_refused_in_french():
    assert MAX_EMAIL_LENGTH == 254
    at_limit = _address_of_length(254)
    assert len(at_limit) == 254
    assert check_email(at_limit).is_valid
    too_long = check_email(_address_of_length(255))
    assert not too_long.is_valid
    assert too_long.error == "L'adresse électronique ne doit pas dépasser 254 caractères."


def test_address_of_254_characters_plus_surrounding_spaces_is_accepted():
    assert check_email("  " + _address_of_length(254) + "  ").is_valid


@pytest.mark.parametrize(
    ("text", "code", "message"),
    [
        ("", "empty", "Saisissez votre adresse électronique."),
        ("   ", "empty", "Saisissez votre adresse électronique."),
        (
            "jean.example.com",
            "missing_at",
            "L'adresse électronique doit contenir le signe @, par exemple : nom@example.com.",
        ),
        ("@example.com", "missing_local_part", None),
        ("jean@", "missing_domain", None),
        (
            "jean@example",
            "domain_without_dot",
            "Le nom de domaine (après le @) doit contenir un point, par exemple : example.com.",
        ),
        ("jean@localhost", "domain_without_dot", None),
        ("jean@@example.com", "several_at", None),
        ("jean@example.com@autre.fr", "several_at", None),
        ("jean\uff20example.com", "lookalike_at", None),
        ("jean\ufe6bexample.com", "lookalike_at", None),
        ("jean@example.123", "invalid_top_level_domain", None),
        ("jean@serveur.local", "reserved_domain", None),
        ("jean@example..com", "misplaced_dot", None),
        (".jean@example.com", "misplaced_dot", None),
        ("jean.@example.com", "misplaced_dot", None),
        ("jean@example.com.", "misplaced_dot", None),
        ("jean@-example.com", "misplaced_hyphen", None),
        ("jean@example-.com", "misplaced_hyphen", None),
        ('"jean dupont"@example.com', "quoted_local_part", None),
        ("jean@[192.0.2.1]", "domain_literal", None),
        ("jean@[IPv6:2001:db8::1]", "domain_literal", None),
        ("Jean Dupont <jean@example.com>", "display_name", None),
        ("jean@" + "a" * 64 + ".com", "domain_too_long", None),
        ("jean@ab--cd.com", "invalid_domain", None),
        ("jean@xn--abc.com", "invalid_domain", None),
    ],
)
def test_each_kind_of_email_mistake_gets_its_french_message(text: str, code: str, message: str | None):
    result = check_email(text)
    assert not result.is_valid
    assert result.normalized is None
    assert result.warning is None
    assert result.error_code == code
    assert result.error == (message or EMAIL_ERROR_MESSAGES[code])


def test_missing_parts_say_which_part_is_missing():
    assert "avant le @" in check_email("@example.com").error
    assert "après le @" in check_email("jean@").error


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("jean dupont@example.com", "L'adresse électronique contient un caractère non autorisé : espace."),
        ("jean,dupont@example.com", "L'adresse électronique contient un caractère non autorisé : « , »."),
        (
            "jean(x)@example.com",
            "L'adresse électronique contient des caractères non autorisés : « ( » et « ) ».",
        ),
        ("jean@exa_mple.com", "L'adresse électronique contient un caractère non autorisé : « _ »."),
        (
            "jean\u200b@example.com",
            "L'adresse électronique contient un caractère non autorisé : caractère invisible (U+200B).",
        ),
        (
            "jean\x00@example.com",
            "L'adresse électronique contient un caractère non autorisé : caractère de contrôle (U+0000).",
        ),
        (
            "jean@exa\ue000mple.com",
            "L'adresse électronique contient un caractère non autorisé : caractère non affichable (U+E000).",
        ),
        (
            "jean\u00a0dupont@example.com",
            "L'adresse électronique contient un caractère non autorisé : espace insécable.",
        ),
        ("jean\\@example.com", "L'adresse électronique contient un caractère non autorisé : « \\ »."),
    ],
)
def test_forbidden_characters_in_an_email_are_named_in_french(text: str, error: str):
    result = check_email(text)
    assert not result.is_valid
    assert result.error == error


@pytest.mark.parametrize(
    "text", ["jean@icloud.com", "jean@ICLOUD.COM", "Jean@Me.com", "jean@mac.com", "  jean@iCloud.com  "]
)
def test_icloud_me_and_mac_addresses_stay_valid_with_a_warning(text: str):
    result = check_email(text)
    assert result.is_valid
    assert result.error is None
    assert result.warning == BLOCKING_MAIL_DOMAIN_WARNING
    assert "iCloud" in result.warning
    assert result.normalized.split("@")[1] in BLOCKING_MAIL_DOMAINS


@pytest.mark.parametrize(
    "text", ["jean@gmail.com", "jean@notme.com", "jean@me.com.fr", "icloud.com@example.fr"]
)
def test_other_domains_get_no_warning(text: str):
    result = check_email(text)
    assert result.is_valid
    assert result.warning is None


def test_email_result_cannot_be_changed():
    with pytest.raises(dataclasses.FrozenInstanceError):
        check_email("jean@example.com").is_valid = False  # type: ignore[misc]


def test_unknown_english_error_falls_back_to_a_french_sentence():
    # Whatever email-validator says in a future version, the user reads French.
    result = validation._french_email_error("Some brand new English explanation.", "x@y")
    assert result.error == EMAIL_ERROR_MESSAGES["invalid"]
    assert result.error.startswith("L'adresse électronique n'est pas valide")


NAMED_CHARACTER_PREFIXES = (
    "L'adresse électronique contient un caractère non autorisé : ",
    "L'adresse électronique contient des caractères non autorisés : ",
)


def _is_one_of_our_french_messages(message: str) -> bool:
    return message in EMAIL_ERROR_MESSAGES.values() or message.startswith(NAMED_CHARACTER_PREFIXES)


# --- Properties: nothing raises, results are consistent -------------------------------------------------

every_code_point = st.text(alphabet=st.characters(exclude_categories=()))  # surrogates included


def _assert_consistent(password: str) -> None:
    result = check_password(password)
    assert result.normalized == unicodedata.normalize("NFKC", password)
    assert list(result.criteria) == [criterion.key for criterion in PASSWORD_CRITERIA]
    for criterion in PASSWORD_CRITERIA:
        assert result.criteria[criterion.key] == criterion.test(result.normalized)
    assert result.is_valid == (all(result.criteria.values()) and not result.problems)
    assert ("too_long" in result.problems) == (len(result.normalized) > MAX_PASSWORD_LENGTH)
    has_forbidden = any(unicodedata.category(c) in ("Cc", "Cf", "Cs", "Co", "Cn") for c in result.normalized)
    assert ("forbidden_character" in result.problems) == has_forbidden
    assert result.problems == tuple(p for p in PASSWORD_PROBLEM_MESSAGES if p in result.problems)
    assert len(result.problem_messages) == len(result.problems)
    assert result.missing_labels == tuple(c.label for c in PASSWORD_CRITERIA if not result.criteria[c.key])
    assert check_password(result.normalized) == result  # checking the hashed form changes nothing


@settings(max_examples=300)
@given(st.text())
def test_any_text_gets_a_consistent_checklist(password: str):
    _assert_consistent(password)


@settings(max_examples=300)
@given(every_code_point)
def test_any_code_points_including_surrogates_get_a_consistent_checklist(password: str):
    _assert_consistent(password)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(), every_code_point), st.lists(st.text(max_size=20), max_size=4))
def test_any_text_gets_a_strength_without_an_exception(password: str, context: list[str]):
    strength = estimate_strength(password, context=tuple(context))
    assert 0 <= strength.score <= 4
    assert strength.label == STRENGTH_LABELS[strength.score]


@settings(max_examples=300)
@given(st.one_of(st.text(), every_code_point, st.emails().map(lambda email: f" {email} ")))
def test_any_text_gets_an_email_verdict_in_french_without_an_exception(text: str):
    result = check_email(text)
    if result.is_valid:
        assert result.error is None
        assert result.normalized is not None
    else:
        assert result.normalized is None
        assert result.warning is None
        assert _is_one_of_our_french_messages(result.error)
    assert isinstance(strength_context_for_email(text), tuple)


@settings(max_examples=300)
@given(every_code_point)
def test_email_context_words_are_lower_case_and_never_empty(text: str):
    words = strength_context_for_email(text)
    # The platform's words are always there (once: an address may already contain them).
    assert {"monmaster", "master"} <= set(words)
    assert all(words)
    assert all(word == word.lower() for word in words)
    assert len(set(words)) == len(words)
