"""The translation catalogs: complete, used, compiled, faithful to the French and to the platform's names.

Both catalogs of English (the core's gettext one, the GUI's Qt one) are compared with the strings the
code and the forms hold now: a string left untranslated, a translation no longer used, or a compiled
catalog older than its source fails. French is the source language: its words are the code's.
"""

from __future__ import annotations

import re
import sys
from email import policy
from email.parser import BytesParser
from pathlib import Path

import pytest

from monmaster_desktop import captcha, i18n, texts, validation
from monmaster_desktop.accounts.mail import build_activation_mail
from monmaster_desktop.accounts.store import utc_now
from monmaster_desktop.cli import main

CHECKOUT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(CHECKOUT / "packaging"))
import catalogs  # noqa: E402 (build-time module, beside the application)

PLACEHOLDER = re.compile(r"\{[^}]*\}")
NAMES = ("Mon Master", "Études en France", "Campus France")


def test_the_core_catalog_translates_every_string_of_the_code_and_nothing_else() -> None:
    assert catalogs.po_problems("en") == []


def test_the_gui_catalog_translates_every_string_of_the_code_and_the_forms_and_nothing_else() -> None:
    assert catalogs.ts_problems("en") == []


def test_the_compiled_catalogs_are_those_of_the_sources() -> None:
    assert catalogs.stale_compiled() == []


def _pairs() -> list[tuple[str, str]]:
    found = []
    for item in catalogs.read_po("en"):
        if item.id:
            ids = item.id if isinstance(item.id, tuple) else (item.id,)
            strings = item.string if isinstance(item.string, tuple) else (item.string,)
            found += list(zip(ids, strings, strict=False))
    found += [
        (source, translation.text or "")
        for _, source, translation in catalogs.ts_messages(catalogs.ts_path("en"))
    ]
    return found


def test_every_translation_keeps_the_placeholders_and_the_platforms_names() -> None:
    for source, translation in _pairs():
        assert sorted(PLACEHOLDER.findall(source)) == sorted(PLACEHOLDER.findall(translation)), source
        for name in NAMES:
            assert source.count(name) <= translation.count(name), (name, source, translation)
        assert source.count("&") == translation.count("&"), source  # one keyboard mnemonic each


def test_french_is_the_source_and_needs_no_catalog() -> None:
    assert i18n.current_language() == "fr"
    assert i18n.gettext(texts.SIGN_IN_FAILED) == "Adresse électronique ou mot de passe incorrect."
    assert str(texts.format_wait(3700)) == "1 heure et 2 minutes"


def test_english_says_the_five_criteria_in_the_platforms_order() -> None:
    i18n.set_language("en")
    assert [str(i18n.message(criterion.label)) for criterion in validation.PASSWORD_CRITERIA] == [
        "at least 8 characters",
        "at least 1 upper-case letter",
        "at least 1 lower-case letter",
        "at least 1 digit",
        "at least 1 special character",
    ]
    assert str(texts.format_wait(3700)) == "1 hour and 2 minutes"
    assert str(texts.format_wait(1)) == "1 second"


def test_the_numbers_the_platform_writes_match_its_limits() -> None:
    assert str(validation.MIN_PASSWORD_LENGTH) in validation.PASSWORD_CRITERIA[0].label
    assert str(validation.MAX_PASSWORD_LENGTH) in validation.PASSWORD_PROBLEM_MESSAGES["too_long"]
    assert str(validation.MAX_EMAIL_LENGTH) in validation.EMAIL_ERROR_MESSAGES["too_long"]


def test_a_message_is_said_again_in_the_new_language() -> None:
    refusal = validation.check_email("jean(x)@example.com").error
    assert refusal == "L'adresse électronique contient des caractères non autorisés : « ( » et « ) »."
    i18n.set_language("en")
    assert i18n.again(refusal) == 'The email address contains characters that are not allowed: "(" and ")".'


@pytest.mark.parametrize(
    ("number", "words"),
    [(11, "eleven"), (20, "twenty"), (42, "forty-two"), (71, "seventy-one"), (99, "ninety-nine")],
)
def test_the_captcha_question_is_spelt_in_english_too(number: int, words: str) -> None:
    assert captcha.number_in_english_words(number) == words
    i18n.set_language("en")
    assert captcha.question_for(number) == f"Write in digits the number {words}"


def test_the_activation_mail_is_in_the_candidates_language_and_says_which() -> None:
    for language, subject, greeting in (
        ("fr", "Activez votre compte Mon Master", "Bonjour,"),
        ("en", "Activate your Mon Master account", "Hello,"),
    ):
        raw = bytes(build_activation_mail("zoé@exemple.fr", "jeton", utc_now(), 72, language))
        mail = BytesParser(policy=policy.default).parsebytes(raw)
        assert (mail["Subject"], mail["Content-Language"]) == (subject, language)
        assert mail.get_body(preferencelist=("plain",)).get_content().startswith(greeting)
        assert f'<html lang="{language}">' in mail.get_body(preferencelist=("html",)).get_content()


def test_the_command_line_speaks_the_language_of_lang(tmp_path: Path, capsys) -> None:
    assert main(["--lang", "en", "--data-dir", str(tmp_path), "accounts", "list"]) == 0
    assert capsys.readouterr().out == "No account.\n"
    assert main(["--data-dir", str(tmp_path), "outbox", "list"]) == 0
    assert capsys.readouterr().out == "Aucun courriel.\n"
    with pytest.raises(SystemExit):
        main(["--lang", "en", "--help"])
    assert "language of the interface and the messages" in capsys.readouterr().out


def test_every_document_exists_in_every_language() -> None:
    folders = {path.name for path in (CHECKOUT / "resources" / "texts").iterdir() if path.is_dir()}
    assert folders == set(i18n.LANGUAGES)
    names = {
        language: sorted(p.name for p in (CHECKOUT / "resources" / "texts" / language).glob("*.md"))
        for language in i18n.LANGUAGES
    }
    assert names["en"] == names["fr"] and names["fr"]
