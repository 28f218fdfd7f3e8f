"""The kiosk as a screen-reader user meets it, through the accessibility bus only (docs/kiosk.md).

One kiosk, started for the first time: the operator's PIN is chosen in its dialog through AT-SPI. A
candidate fills step 2 and stops; "Êtes-vous toujours là ?" comes, is heard at once (assertive, and
in the focused "Continuer"'s description) and is answered by an AT-SPI action, then by a key: the
page and what was typed stay. The third time nobody answers: the session ends, a new one is
announced, and nothing of the candidate is left anywhere in the accessible tree. Then the operator's
keys open the PIN prompt, and the console.

Time runs faster in the application (``idle.SECOND_MS``): its idle time of 60 "seconds" and its
warning of 30 take a few seconds each.
"""

from __future__ import annotations

import json
from pathlib import Path

from a11y_support import CONTROL, SHIFT, ScreenReader, step

EMAIL = "dominique.kiosque@example.fr"
PASSWORD = "Qv5#Lm8$Tz"
PIN = "86420975"
WARNING = "Êtes-vous toujours là ?"
ASSERTIVE = 2
ALT = 1 << 3  # X's Mod1 mask
SHIFT_KEY = 0xFFE1
O_KEY = 0x6F
FAST_TIME = "from monmaster_desktop.gui.kiosk import idle; idle.SECOND_MS = 100"


def wait_for_warning(reader: ScreenReader) -> dict:
    return reader.one(step("wait", "--timeout", "20", role="dialog", name=WARNING, state="showing"))["node"]


def wait_until_answered(reader: ScreenReader) -> None:
    reader.one(step("wait", "--gone", "--timeout", "10", role="dialog", name=WARNING, state="showing"))


def every_text(node: dict) -> list[str]:
    """Every name, description and text of the tree under ``node`` (hidden parts included)."""
    found = [str(node.get(key) or "") for key in ("name", "description", "text")]
    for child in node.get("children", ()):
        found += every_text(child)
    return found


def test_a_screen_reader_user_at_the_kiosk(screen_reader: ScreenReader, tmp_path: Path) -> None:
    reader = screen_reader
    reader.start_app_with(
        FAST_TIME,
        "--data-dir",
        str(tmp_path / "data"),
        "--kiosk",
        "--idle-timeout",
        "60",
        "--captcha",
        "question",
    )

    # --- The first start: the operator chooses the PIN, in a dialog a screen reader reads ---
    reader.wait(role="dialog", name="Code opérateur de la borne", state="showing")
    reader.type(PIN, role="password text", name="Nouveau code opérateur", state="showing")
    reader.type(PIN, role="password text", name="Confirmez le code opérateur", state="showing")
    reader.click(role="push button", name="Enregistrer", state="showing")
    reader.wait(role="push button", name="Candidater", state="showing")
    reader.run("activate")

    # --- A candidate fills step 2, then stops ---
    reader.click(role="push button", name="Candidater", state="showing")
    reader.click(role="push button", name="Créer un compte", state="showing")
    reader.run(
        *(step("click", role="radio button", name="Oui", state="showing", nth=index) for index in range(4))
    )
    reader.click(role="push button", name="Créer mon compte", state="showing")
    reader.type(EMAIL, role="text", name="Votre adresse électronique", state="showing")
    reader.type(PASSWORD, role="password text", name="Votre mot de passe", state="showing")

    # --- The warning: heard at once, answered by an assistive technology's action ---
    mark = reader.request("mark")["mark"]
    dialog = wait_for_warning(reader)
    assert dialog["role"] == "dialog"
    said = reader.request("wait_event", type="object:announcement", data=WARNING, timeout=10, start=mark)
    assert said["event"]["detail1"] == ASSERTIVE
    button = reader.describe(role="push button", name="Continuer", within=WARNING, state="showing")
    assert button["description"].startswith("La session se terminera dans")
    assert "Press" in button["actions"]
    reader.click(role="push button", name="Continuer", within=WARNING, state="showing")
    wait_until_answered(reader)
    kept = reader.describe(role="text", name="Votre adresse électronique", state="showing")
    assert kept["text"] == EMAIL
    password = reader.describe(role="password text", name="Votre mot de passe", state="showing")
    assert len(password["text"]) == len(PASSWORD)

    # --- Again: answered by a key this time ---
    wait_for_warning(reader)
    reader.key(SHIFT_KEY)
    wait_until_answered(reader)
    assert reader.describe(role="text", name="Votre adresse électronique", state="showing")["text"] == EMAIL

    # --- Nobody answers: the session ends, a new one is said ---
    mark = reader.request("mark")["mark"]
    wait_for_warning(reader)
    reader.request("wait_event", type="object:announcement", data="Nouvelle session", timeout=20, start=mark)
    reader.wait(role="label", name="Bienvenue sur Mon Master", state="showing")
    tree = reader.one(step("dump", "--text-limit", "100000"))
    texts = every_text(tree)
    local_part = EMAIL.split("@")[0]
    traces = [text for text in texts if local_part in text or PASSWORD[2:6] in text]
    assert traces == [], json.dumps(traces, ensure_ascii=False)

    # --- The operator's keys, the PIN prompt, the console ---
    reader.key(O_KEY, CONTROL, ALT, SHIFT)
    reader.wait(role="dialog", name="Accès opérateur", state="showing")
    field = reader.describe(role="password text", name="Code opérateur", state="showing")
    assert field["description"] == "De 6 à 12 chiffres."
    reader.type("111111", role="password text", name="Code opérateur", state="showing")
    reader.click(role="push button", name="Valider", state="showing")
    reader.wait_event("object:announcement", "Code opérateur incorrect.")
    refused = reader.describe(role="password text", name="Code opérateur", state="showing")
    assert refused["description"].startswith("Code opérateur incorrect.")  # what Orca reads
    reader.type(PIN, role="password text", name="Code opérateur", state="showing")
    reader.click(role="push button", name="Valider", state="showing")
    reader.wait(role="dialog", name="Console de l'opérateur", state="showing")
    assert reader.find(role="push button", name="Quitter la borne", state="showing")
    named = reader.find(name="Comptes créés par heure aujourd'hui", state="showing")
    (chart,) = [node for node in named if node["role"] != "label"]  # the chart, beside its heading
    assert chart["description"] == "Aucun compte créé aujourd'hui.", chart
    assert reader.app_exit_code() is None
