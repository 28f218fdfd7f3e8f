"""The whole journey, by keyboard and AT-SPI actions, while testers' tools read the accessible tree nonstop.

``run_stress_journey`` starts the application on the bus, starts two tree walkers as processes of their
own (``tools/tree_walker.py``: a plain one re-reading every node's name, role, states and children as
fast as it can, and a thorough one asking everything, careless questions included), then drives every
page: step 1 with a "Non" then four "Oui", step 2 submitted empty (errors), then filled by key presses
(a weak password, Backspace, the real one, a wrong confirmation, "Afficher" twice), the captcha, the
consent, the simulated outbox, the activation, a refused sign-in, the sign-in, "Se déconnecter",
"Retour à l'accueil", the themes and text sizes, and an "Aller à" scenario window. It never waits for
the walkers: pages change while they read. At the end it says whether the application survived.

Used by ``test_stress.py`` (a few runs in CI) and ``benchmarks/bench_a11y_stress.py`` (a hundred).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from a11y_support import (
    BACKSPACE,
    CONTROL,
    SPACE,
    TAB,
    ScreenReader,
    number_from_french,
    step,
)

EMAIL = "dominique.leroy@example.fr"
PASSWORD = "Kw7#Qk9$Xw!e"
STEP_1 = "Étape 1 sur 2 : Suis-je concerné par la plateforme ?"
STEP_2 = "Étape 2 sur 2 : Choisir mes identifiants"
OUTBOX = "Boîte de réception (simulée) — Mon Master Desktop"
SCENARIO_WINDOW = (
    "Mon Master Desktop — scénario : Étape 1 — éligible (données de démonstration) — Mon Master Desktop"
)
SCENARIO = "Étape 1 — éligible"  # an "Aller à" item quick to reach
THEMES = ("Sombre", "Contraste élevé", "Clair")
W_KEY = 0x77  # Ctrl+W closes a testers' scenario window
EQUAL_KEY, MINUS_KEY, ZERO_KEY = 0x3D, 0x2D, 0x30  # Ctrl = / Ctrl − / Ctrl 0: text size


@dataclass
class StressReport:
    """What one run found: the application's exit code (None: still running) and the walkers' work."""

    exit_code: int | None
    walkers: list[dict[str, Any]] = field(default_factory=list)
    failure: str | None = None

    @property
    def crashed(self) -> bool:
        return self.exit_code is not None

    @property
    def questions(self) -> int:
        return sum(int(report.get("questions", 0)) for report in self.walkers)


def run_stress_journey(reader: ScreenReader, data_dir: Path) -> StressReport:
    """Drive the journey under the walkers; a crash ends it early with the exit code in the report."""
    reader.start_app("--data-dir", str(data_dir), "--captcha", "question")
    # Where the menu items are, found once before the walkers start: a closed menu's items are not
    # showing, and finding them by reading the whole tree each time is slow under the walkers.
    menu_items = {name: reader.find(role="menu item", name=name)[0]["path"] for name in (*THEMES, SCENARIO)}
    reader.start_walkers("plain", "thorough")
    failure = None
    try:
        _journey(reader, menu_items)
    except AssertionError as error:  # a probe step that failed: the report says whether Qt crashed
        failure = str(error)
    walkers = reader.stop_walkers()
    return StressReport(exit_code=reader.app_exit_code(), walkers=walkers, failure=failure)


def _journey(reader: ScreenReader, menu_items: dict[str, str]) -> None:
    # Accueil: Tab to "Candidater", Space presses it (keyboard only).
    reader.press_until_focused(TAB, role="push button", name="Candidater")
    reader.key(SPACE)
    reader.wait(role="push button", name="Créer un compte", state="showing")
    reader.click_to_page(STEP_1, role="push button", name="Créer un compte", state="showing")

    # Étape 1: a "Non" first (the explanation appears), then "Oui" everywhere.
    reader.click(role="radio button", name="Non", state="showing", nth=3)
    reader.wait_event("object:announcement", "Étude")  # the Non's explanation names Études en France
    reader.run(
        *(step("click", role="radio button", name="Oui", state="showing", nth=index) for index in range(4)),
        step("wait", role="push button", name="Créer mon compte", state=("showing", "enabled")),
    )
    reader.click_to_page(STEP_2, role="push button", name="Créer mon compte", state="showing")

    # Étape 2: "Continuer" on the empty form (the captcha is asked first), then the fields by key
    # presses, submitted with mistakes (a wrong confirmation, no consent), then corrected.
    reader.click(role="push button", name="Continuer", state="showing")
    reader.wait_event("object:announcement", "Saisissez la réponse au captcha.")
    (question,) = reader.find(role="label", name_re="^Question : ", state="showing")
    answer = number_from_french(question["name"].split("le nombre", 1)[1])
    reader.type(str(answer), role="text", name="Réponse à la question", state="showing")
    reader.type(EMAIL, role="text", name="Votre adresse électronique", state="showing")
    reader.type("abc", role="password text", name="Votre mot de passe", state="showing")
    for _ in range(3):
        reader.key(BACKSPACE)
    reader.type(PASSWORD, role="password text", name="Votre mot de passe", state="showing")
    confirmation = {"role": "password text", "name": "Confirmez votre mot de passe", "state": "showing"}
    reader.type(PASSWORD[:-1] + "x", **confirmation)
    reader.click(role="push button", name="Continuer", state="showing")
    reader.wait_event("object:announcement", "Le formulaire contient 2 erreurs.")
    reader.run(step("focus", **confirmation))
    reader.key(BACKSPACE)
    reader.type(PASSWORD[-1], **confirmation)
    for _ in range(2):
        reader.click(role="check box", name_re="^(Afficher|Masquer)$", state="showing")
    reader.click(role="check box", name_re="^J'accepte que les informations", state="showing")
    reader.click_to_page("Activez votre compte", role="push button", name="Continuer", state="showing")

    # The simulated outbox, the activation.
    reader.click(role="push button", name="Ouvrir la boîte de réception", state="showing")
    reader.wait(role="push button", name="Activer mon compte", within=OUTBOX, state="showing")
    reader.click_to_page("Compte activé", role="push button", name="Activer mon compte", within=OUTBOX)

    # Se connecter: refused once, then signed in, then signed out (back to Accueil).
    reader.click_to_page("Se connecter", role="push button", name="Se connecter", state="showing")
    password = {"role": "password text", "name": "Votre mot de passe", "state": "showing"}
    reader.type("Mauvais#Mot2passe", **password)
    reader.click(role="push button", name="Se connecter", state="showing")
    reader.wait_event("object:announcement", "Adresse électronique ou mot de passe incorrect.")
    reader.run(step("set-text", "--text", "", **password))
    reader.type(PASSWORD, **password)
    reader.click_to_page("Mon compte", role="push button", name="Se connecter", state="showing")
    reader.click(role="push button", name="Se déconnecter", state="showing")
    reader.wait(role="push button", name="Candidater", state="showing")

    # "Vous avez déjà vos identifiants ? →", then "Retour à l'accueil".
    reader.click_to_page("Candidater", role="push button", name="Candidater", state="showing")
    reader.click_to_page(
        "Se connecter", role="push button", name="Vous avez déjà vos identifiants ? →", state="showing"
    )
    reader.click(role="push button", name="Retour à l'accueil", state="showing")
    reader.wait(role="push button", name="Candidater", state="showing")

    # Themes from the menu (AT-SPI), text sizes from the keyboard: Ctrl = twice, Ctrl −, Ctrl 0.
    for theme in THEMES:
        reader.click(path=menu_items[theme])
    for key in (EQUAL_KEY, EQUAL_KEY, MINUS_KEY, ZERO_KEY):
        reader.key(key, CONTROL)

    # An "Aller à" scenario: a second window in another state, read like the first, then closed.
    reader.click(path=menu_items[SCENARIO])
    reader.wait(role="push button", name="Créer mon compte", within=SCENARIO_WINDOW)
    reader.run("activate")
    reader.key(W_KEY, CONTROL)
    reader.wait(role="push button", name="Candidater", state="showing")
