"""The whole journey through the accessibility API only, as a screen reader user makes it.

Eligibility, credentials (captcha in question mode, read and answered through AT-SPI), the activation
mail in the simulated outbox, activation, sign-in: every control is found by its role and accessible
name, every action goes through AT-SPI (actions, focus, key presses), and what the application tells
(states, announcements) is read from the bus. No character of the password is ever sent.
"""

from __future__ import annotations

from a11y_support import (
    BULLETS,
    ScreenReader,
    number_from_english,
    number_from_french,
    password_leaks,
    step,
)

EMAIL = "camille.martin@example.fr"
PASSWORD = "Kw7#Qk9$Xw"  # none of its characters is in a password field's name or description
PASSWORD_FIELDS = ("Votre mot de passe", "Confirmez votre mot de passe")
STEP_1 = "Étape 1 sur 2 : Suis-je concerné par la plateforme ?"  # the pages' announcements
STEP_2 = "Étape 2 sur 2 : Choisir mes identifiants"
ASSERTIVE = 2  # object:announcement's detail1: 1 polite, 2 assertive
OUTBOX = "Boîte de réception (simulée) — Mon Master Desktop"
# The four questions of step 1: the groups their "Oui"/"Non" sit in are named after them.
QUESTION_GROUPS = {
    "Je souhaite candidater en première année d'une ou plusieurs formations conduisant à l'obtention "
    "du diplôme national de master.": 1,
    "Je certifie avoir lu la charte des droits et devoirs du candidat et je m'engage à la respecter, "
    "notamment en ne créant qu'un seul compte sur la plateforme de candidature Mon Master.": 1,
    "Je suis dans l'un des cas suivants :": 2,  # residence and degree: the seed words both alike
}


def states(node: dict) -> set[str]:
    return set(node["states"])


def test_screen_reader_completes_the_journey(screen_reader: ScreenReader, tmp_path) -> None:
    reader = screen_reader
    reader.start_app("--data-dir", str(tmp_path / "data"), "--captcha", "question")

    # --- Accueil, Candidater: each page announces itself (and is only read once it has) ---
    reader.click_to_page("Candidater", role="push button", name="Candidater", state="showing")
    reader.click_to_page(STEP_1, role="push button", name="Créer un compte", state="showing")

    # --- Étape 1: four questions, each Oui/Non inside a group named after the question ---
    create = reader.describe(role="push button", name="Créer mon compte")
    assert "enabled" not in states(create) and create["actions"] == []  # not before the four answers
    for group, count in QUESTION_GROUPS.items():
        radios = reader.find(role="radio button", within=group, state="showing")
        assert [radio["name"] for radio in radios] == ["Oui", "Non"] * count
    reader.run(
        *(step("click", role="radio button", name="Oui", state="showing", nth=index) for index in range(4))
    )
    reader.wait(role="push button", name="Créer mon compte", state=("showing", "enabled"))
    answers = reader.find(role="radio button", state="showing")
    assert [("checked" in states(radio)) for radio in answers] == [True, False] * 4
    create = reader.describe(role="push button", name="Créer mon compte")
    assert "enabled" in states(create) and "Press" in create["actions"]
    reader.wait_event("object:announcement", "Je suis éligible")
    reader.click_to_page(STEP_2, role="push button", name="Créer mon compte", state="showing")

    # --- Étape 2: the credentials ---
    email = reader.describe(role="text", name="Votre adresse électronique", state="showing")
    assert email["description"] == "Par exemple : nom@example.com"
    assert {"editable", "focusable", "enabled"} <= states(email)
    password = reader.describe(role="password text", name="Votre mot de passe", state="showing")
    assert password["description"].startswith("Pour créer votre mot de passe, vous devez utiliser :")
    reader.type(EMAIL, role="text", name="Votre adresse électronique", state="showing")
    reader.type(PASSWORD, role="password text", name="Votre mot de passe", state="showing")
    reader.type(PASSWORD, role="password text", name="Confirmez votre mot de passe", state="showing")
    reader.wait_event("object:announcement", "Tous les critères sont respectés")
    reader.wait_event("object:announcement", "Les mots de passe correspondent")
    password = reader.describe(role="password text", name="Votre mot de passe", state="showing")
    assert password["description"].startswith("Tous les critères sont respectés.")
    assert set(password["text"]) <= BULLETS and len(password["text"]) == len(PASSWORD)

    # The captcha, question mode: the question is text on screen, read like any label.
    (question,) = reader.find(role="label", name_re="^Question : ", state="showing")
    answer = number_from_french(question["name"].split("le nombre", 1)[1])
    assert 11 <= answer <= 99
    answer_field = reader.describe(role="text", name="Réponse à la question", state="showing")
    assert question["name"] in answer_field["description"]  # told again where the answer is typed
    reader.type(str(answer), role="text", name="Réponse à la question", state="showing")

    consent = reader.describe(role="check box", name_re="^J'accepte que les informations", state="showing")
    assert "checked" not in states(consent)
    # "Continuer" too early: the refusal is told at once (assertive), and stays in the box's description.
    reader.click(role="push button", name="Continuer", state="showing")
    refusal = reader.wait_event("object:announcement", "Le formulaire contient 1 erreur.")
    assert refusal["detail1"] == ASSERTIVE
    consent = reader.describe(role="check box", name_re="^J'accepte que les informations", state="showing")
    assert "focused" in states(consent) and consent.get("description")
    reader.click(role="check box", name_re="^J'accepte que les informations", state="showing")
    consent = reader.describe(role="check box", name_re="^J'accepte que les informations", state="showing")
    assert "checked" in states(consent)
    reader.click_to_page("Activez votre compte", role="push button", name="Continuer", state="showing")

    # --- Courriel envoyé, then the simulated outbox ---
    reader.wait_event("object:announcement", "Création de votre compte en cours.")
    reader.wait_event("object:announcement", "Nouveau courriel dans la boîte de réception")
    sent = reader.find(role="label", name_re="^Un courriel d'activation a été envoyé", state="showing")
    assert [label["name"] for label in sent] == [
        f"Un courriel d'activation a été envoyé à l'adresse {EMAIL}."
    ]
    reader.click_then_wait(
        "window:activate", OUTBOX, role="push button", name="Ouvrir la boîte de réception", state="showing"
    )
    reader.wait(role="push button", name="Activer mon compte", within=OUTBOX, state="showing")
    (mail,) = reader.find(role="table cell", name_re=f"^{EMAIL}", within=OUTBOX)
    assert "focusable" in states(mail)
    reader.click_to_page("Compte activé", role="push button", name="Activer mon compte", within=OUTBOX)

    # --- Compte activé, Se connecter ---
    reader.wait_event("object:announcement", "Votre compte a bien été activé.")
    assert reader.find(role="label", name="Compte activé", state="showing")
    reader.click_to_page("Se connecter", role="push button", name="Se connecter", state="showing")
    prefilled = reader.describe(role="text", name="Votre adresse électronique", state="showing")
    assert prefilled["text"] == EMAIL
    reader.type(PASSWORD, role="password text", name="Votre mot de passe", state="showing")
    reader.click_to_page("Mon compte", role="push button", name="Se connecter", state="showing")

    # --- Signed in: the page shows the address ---
    reader.wait_event("object:announcement", "Connexion en cours.")
    assert reader.find(role="push button", name="Se déconnecter", state="showing")
    shown = [label["name"] for label in reader.find(role="label", state="showing")]
    assert f"Adresse électronique : {EMAIL}" in shown

    # Through all of it, the bus never carried the password, nor any of its characters from its fields.
    everything = reader.events + reader.collect_events()
    assert [event for event in everything if event["type"] == "object:announcement"]
    leaks = password_leaks(everything, PASSWORD, PASSWORD_FIELDS)
    assert leaks == [], "events giving the password away:\n" + "\n".join(map(repr, leaks))


# None of its characters is in the English names and descriptions of the password fields.
ENGLISH_PASSWORD = "Qz7#Xk9$Jq"
ENGLISH_PASSWORD_FIELDS = ("Your password", "Confirm your password")
ENGLISH_OUTBOX = "Inbox (simulated) — Mon Master Desktop"


def test_screen_reader_switches_to_english_on_accueil_and_completes_the_journey(
    screen_reader: ScreenReader, tmp_path
) -> None:
    reader = screen_reader
    reader.start_app("--data-dir", str(tmp_path / "data"), "--captcha", "question")

    # --- Accueil: the switch is named in English, with English as its language (a screen reader
    # picks its voice from it); everything else, in French until the switch, in English after it ---
    switch = reader.describe(role="push button", name="English", state="showing")
    assert switch.get("locale", "").startswith("en"), switch
    reader.click(role="push button", name="English", state="showing")
    reader.wait_event("object:announcement", "Interface in English.")
    assert reader.find(role="push button", name="Français", state="showing")
    heading = reader.describe(role="label", name="Welcome to Mon Master", state="showing")
    # libatspi keeps an object's locale once read: this is the first reading of the heading's.
    assert heading.get("locale", "").startswith("en"), heading

    reader.click_to_page("Apply", role="push button", name="Apply", state="showing")
    reader.click_to_page(
        "Step 1 of 2: Is the platform for me?", role="push button", name="Create an account", state="showing"
    )

    # --- Step 1 ---
    radios = reader.find(role="radio button", within="I am in one of the following cases:", state="showing")
    assert [radio["name"] for radio in radios] == ["Yes", "No"] * 2
    reader.run(
        *(step("click", role="radio button", name="Yes", state="showing", nth=index) for index in range(4))
    )
    reader.wait_event("object:announcement", "I am eligible")
    reader.click_to_page(
        "Step 2 of 2: Choose my credentials", role="push button", name="Create my account", state="showing"
    )

    # --- Step 2 ---
    email = reader.describe(role="text", name="Your email address", state="showing")
    assert email["description"] == "For example: name@example.com"
    reader.type(EMAIL, role="text", name="Your email address", state="showing")
    reader.type(ENGLISH_PASSWORD, role="password text", name="Your password", state="showing")
    reader.type(ENGLISH_PASSWORD, role="password text", name="Confirm your password", state="showing")
    reader.wait_event("object:announcement", "Every criterion is met")
    password = reader.describe(role="password text", name="Your password", state="showing")
    assert password["description"].startswith("Every criterion is met.")
    rows = [row["name"] for row in reader.find(role="label", name_re=": met$", state="showing")]
    assert rows == [
        "at least 8 characters: met",
        "at least 1 upper-case letter: met",
        "at least 1 lower-case letter: met",
        "at least 1 digit: met",
        "at least 1 special character: met",
    ]
    (question,) = reader.find(role="label", name_re="^Question: ", state="showing")
    answer = number_from_english(question["name"].split("the number", 1)[1])
    reader.type(str(answer), role="text", name="Answer to the question", state="showing")
    reader.click(role="check box", name_re="^I agree that the information", state="showing")
    reader.click_to_page("Activate your account", role="push button", name="Continue", state="showing")

    # --- The mail, in English, in the simulated inbox ---
    reader.wait_event("object:announcement", "New email in the inbox: Activate your Mon Master account.")
    reader.click_then_wait(
        "window:activate", ENGLISH_OUTBOX, role="push button", name="Open the inbox", state="showing"
    )
    reader.wait(role="push button", name="Activate my account", within=ENGLISH_OUTBOX, state="showing")
    reader.click_to_page(
        "Account activated", role="push button", name="Activate my account", within=ENGLISH_OUTBOX
    )
    reader.click_to_page("Sign in", role="push button", name="Sign in", state="showing")
    reader.type(ENGLISH_PASSWORD, role="password text", name="Your password", state="showing")
    reader.click_to_page("My account", role="push button", name="Sign in", state="showing")
    reader.wait_event("object:announcement", "Signing in.")
    shown = [label["name"] for label in reader.find(role="label", state="showing")]
    assert f"Email address: {EMAIL}" in shown

    everything = reader.events + reader.collect_events()
    leaks = password_leaks(everything, ENGLISH_PASSWORD, ENGLISH_PASSWORD_FIELDS)
    assert leaks == [], "events giving the password away:\n" + "\n".join(map(repr, leaks))
