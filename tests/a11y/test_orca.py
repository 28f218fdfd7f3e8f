"""What Orca 43, a real screen reader, says during the whole journey made with the keyboard only.

Orca runs headless (``orca_support.Orca``); keys are real key presses; each control is found by
pressing Tab until Orca says its name. The checks are on what Orca *says*: each page's step and
heading when it opens, each control's name and role, the checklist's verdict after a password is
typed (Orca 43 ignores announcements but speaks a change of the focused field's description), the
mail's arrival, the activation, the sign-in refusal — and never a character of the password.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from a11y_support import RETURN, SPACE, ScreenReader, number_from_french
from orca_support import Orca, orca_missing, spoken

pytestmark = pytest.mark.skipif(orca_missing() is not None, reason=orca_missing() or "")

EMAIL = "sacha.bernard@example.fr"
PASSWORD = "Kw7#Qk9$Xw!e"
WRONG_PASSWORD = "Zq8%Vj3&Yx"  # no three of its characters in a row in any French text
# How Orca names a password field's echo: a bullet per key (and "black circle" when it spells them).
BULLET_WORDS = ("●", "black circle")
# Orca's names for the symbols of PASSWORD, as its key echo would speak them.
SYMBOL_NAMES = ("number", "dollar", "exclaim", "exclamation", "percent", "ampersand", "and")


def fragments_of(password: str, utterances: list[str]) -> list[str]:
    """The utterances holding three consecutive characters of ``password``."""
    pieces = {password[start : start + 3] for start in range(len(password) - 2)}
    return [text for text in utterances if any(piece in text for piece in pieces)]


def echoed_characters(password: str, utterances: list[str]) -> list[str]:
    """What Orca said while ``password`` was typed that gives a character away: one alone, or its name."""
    leaks = []
    for text in utterances:
        stripped = text.strip()
        if (len(stripped) == 1 and stripped in password) or stripped.lower() in SYMBOL_NAMES:
            leaks.append(text)
    return leaks + fragments_of(password, utterances)


@pytest.fixture
def orca(screen_reader: ScreenReader, tmp_path: Path) -> Orca:
    screen_reader.start_app("--data-dir", str(tmp_path / "data"), "--captcha", "question")
    orca = Orca(screen_reader, tmp_path)
    screen_reader.run("activate")  # no window manager: give the window the focus, as one would
    return orca


def test_orca_speaks_the_whole_journey_made_with_the_keyboard(
    orca: Orca, screen_reader: ScreenReader
) -> None:
    welcome = spoken(orca.hear_until("Bienvenue sur Mon Master"))
    assert "Mon Master est la plateforme nationale de candidature" in welcome

    assert orca.tab_to("Candidater push button") == "Candidater push button."
    assert "Candidater label" in orca.press(SPACE, settle=1.0)

    orca.tab_to("Créer un compte push button")
    step_1 = orca.press(SPACE, settle=1.0)
    assert "Suis-je concerné par la plateforme ? label" in step_1
    assert "Étape 1 sur 2" in step_1

    # The four questions: each "Oui" is heard inside its question, then confirmed.
    first = orca.tab_to(r"Oui\. not selected radio button")
    assert first.startswith("Je souhaite candidater en première année")
    assert "Votre saisie est correcte" in orca.press(SPACE)
    for _ in range(3):
        orca.tab_to(r"Oui\. not selected radio button")
        assert "Votre saisie est correcte" in orca.press(SPACE)

    orca.tab_to("Créer mon compte push button")
    step_2 = orca.press(SPACE, settle=1.5)
    assert "Choisir mes identifiants label" in step_2
    assert "Étape 2 sur 2" in step_2

    email = orca.tab_to("Votre adresse électronique text")
    assert "Par exemple : nom@example.com" in email
    orca.type(EMAIL)

    password = orca.tab_to("Votre mot de passe password text")
    assert "Pour créer votre mot de passe, vous devez utiliser : au moins 8 caractères" in password
    typing = orca.type(PASSWORD)
    # The checklist's verdict, once typing pauses, through the field's description.
    verdict = typing + " " + spoken(orca.heard(settle=1.5))
    assert echoed_characters(PASSWORD, verdict.split(" ")) == []
    assert "Tous les critères sont respectés." in verdict
    assert verdict.count("●") == len(PASSWORD)  # the echo: one bullet per key, nothing else of it

    orca.tab_to("Confirmez votre mot de passe password text")
    confirming = orca.type(PASSWORD) + " " + spoken(orca.heard(settle=1.5))
    assert echoed_characters(PASSWORD, confirming.split(" ")) == []

    (question,) = screen_reader.find(role="label", name_re="^Question : ", state="showing")
    heard_question = orca.tab_to("Réponse à la question text")
    assert question["name"] in heard_question  # the captcha's question is spoken with its field
    orca.type(str(number_from_french(question["name"].split("le nombre", 1)[1])))

    assert "check box not checked" in orca.tab_to("J'accepte que les informations saisies")
    assert orca.press(SPACE) == "checked"

    orca.tab_to("Continuer push button")
    mail_sent = orca.press(SPACE, settle=2.5)
    assert "Activez votre compte label" in mail_sent
    assert f"Un courriel d'activation a été envoyé à l'adresse {EMAIL}." in mail_sent

    orca.tab_to("Ouvrir la boîte de réception push button")
    assert "Boîte de réception (simulée)" in orca.press(SPACE, settle=2.0)
    orca.tab_to("Activer mon compte push button")
    activated = orca.press(SPACE, settle=2.0)
    assert "Votre compte a bien été activé." in activated
    assert "Compte activé label" in activated

    orca.tab_to("Se connecter push button")
    assert "Se connecter label" in orca.press(SPACE, settle=1.5)
    orca.tab_to("Votre mot de passe password text")
    assert echoed_characters(WRONG_PASSWORD, orca.type(WRONG_PASSWORD).split(" ")) == []
    assert "Adresse électronique ou mot de passe incorrect." in orca.press(RETURN, settle=2.5)

    # From the first word to the last, nothing Orca said held three characters of either password.
    everything = orca.everything + orca.heard()
    assert fragments_of(PASSWORD, everything) == [] and fragments_of(WRONG_PASSWORD, everything) == []


def test_without_the_protection_orca_would_speak_the_password(
    screen_reader: ScreenReader, tmp_path: Path
) -> None:
    """The same test's check can fail: Qt's own password field makes Orca say every character."""
    screen_reader.start_app_with(
        "from monmaster_desktop.gui.accessibility import password_protection as protection\n"
        "protection.install_password_protection(protection.ProtectionMethod.NOT_NEEDED)  # Qt's own field",
        "--data-dir",
        str(tmp_path / "data"),
    )
    orca = Orca(screen_reader, tmp_path)
    screen_reader.run("activate")
    orca.hear_until("Bienvenue sur Mon Master")
    orca.tab_to("Candidater push button")
    orca.press(SPACE, settle=1.0)
    orca.tab_to(r"Vous avez déjà vos identifiants")
    orca.press(SPACE, settle=1.0)
    orca.tab_to("Votre mot de passe password text")
    orca.heard()
    typing = orca.type(PASSWORD)
    leaks = echoed_characters(PASSWORD, typing.split(" "))
    assert len(leaks) >= len(PASSWORD) - 2, typing  # about one utterance per character typed
