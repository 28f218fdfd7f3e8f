"""No password on the accessibility bus: what any program listening to AT-SPI receives while one is typed.

Measured before the fix (PySide6 6.11.3): typing "Abc12345" sent 8 ``object:text-changed:insert``
events whose text was "A", "b", "c", "1", … Every check here goes through the bus, as a screen
reader (or any other program of the desktop session) would see it.
"""

from __future__ import annotations

from a11y_support import (
    BACKSPACE,
    BULLETS,
    ScreenReader,
    of_type,
    password_leaks,
    step,
)

# Upper and lower case, digits and specials: the five criteria. None of its characters appears in the
# password fields' names or descriptions, so that any of them in what a field sends is a leak.
PASSWORD = "Kw7#Qk9$Xw"
PASSWORD_FIELD = "Votre mot de passe"
CONFIRMATION_FIELD = "Confirmez votre mot de passe"
FIELDS = (PASSWORD_FIELD, CONFIRMATION_FIELD)
STEP_1 = "Étape 1 sur 2 : Suis-je concerné par la plateforme ?"  # the pages' announcements
STEP_2 = "Étape 2 sur 2 : Choisir mes identifiants"


def go_to_credentials(reader: ScreenReader) -> None:
    reader.click_to_page("Candidater", role="push button", name="Candidater", state="showing")
    reader.click_to_page(STEP_1, role="push button", name="Créer un compte", state="showing")
    reader.run(
        *(step("click", role="radio button", name="Oui", state="showing", nth=index) for index in range(4)),
        step("wait", role="push button", name="Créer mon compte", state=("showing", "enabled")),
    )
    reader.click_to_page(STEP_2, role="push button", name="Créer mon compte", state="showing")


def assert_only_bullets(events: list[dict], count: int) -> None:
    assert len(events) == count, events
    for event in events:
        assert set(event["text"]) <= BULLETS, event
        assert event["detail2"] == len(event["text"]), event  # the length is there, the characters are not


def assert_no_password_leak(events: list[dict]) -> None:
    leaks = password_leaks(events, PASSWORD, FIELDS)
    assert leaks == [], "events giving the password away:\n" + "\n".join(map(repr, leaks))


def test_typing_a_password_sends_no_character_to_the_bus(screen_reader: ScreenReader, tmp_path) -> None:
    reader = screen_reader
    reader.start_app("--data-dir", str(tmp_path / "data"), "--captcha", "question")
    go_to_credentials(reader)
    reader.collect_events()

    # Typed key by key (real key presses through X), as a candidate does.
    reader.type(PASSWORD, role="password text", name=PASSWORD_FIELD, state="showing")
    typed = reader.collect_events()
    inserted = of_type(typed, "object:text-changed:insert", PASSWORD_FIELD)
    assert_only_bullets(inserted, len(PASSWORD))
    assert [event["detail1"] for event in inserted] == list(range(len(PASSWORD)))  # where, not what

    # Corrected with Backspace, then typed again.
    reader.key(BACKSPACE)
    reader.key(BACKSPACE)
    reader.type(PASSWORD[-2:], role="password text", name=PASSWORD_FIELD, state="showing")
    corrected = reader.collect_events()
    assert_only_bullets(of_type(corrected, "object:text-changed:delete", PASSWORD_FIELD), 2)
    assert_only_bullets(of_type(corrected, "object:text-changed:insert", PASSWORD_FIELD), 2)

    # The confirmation, typed; then replaced at once through the accessibility API (as a paste does).
    reader.type(PASSWORD, role="password text", name=CONFIRMATION_FIELD, state="showing")
    reader.one(step("set-text", "--text", PASSWORD[::-1], role="password text", name=CONFIRMATION_FIELD))
    reader.one(step("set-text", "--text", PASSWORD, role="password text", name=CONFIRMATION_FIELD))
    confirmation = reader.collect_events()
    assert_only_bullets(of_type(confirmation, "object:text-changed:insert", CONFIRMATION_FIELD), 12)
    assert_only_bullets(of_type(confirmation, "object:text-changed:delete", CONFIRMATION_FIELD), 2)

    # Shown ("Afficher"): the characters are on screen and the field reads them out on request (a blind
    # candidate presses "Afficher" to check them), but what the fields send stays bullets.
    reader.click(role="check box", name="Afficher", state="showing")
    shown = reader.describe(role="text", name=PASSWORD_FIELD, state="showing")
    assert shown["text"] == PASSWORD
    reader.one(step("focus", role="text", name=PASSWORD_FIELD, state="showing"))
    reader.key(BACKSPACE)
    reader.type(PASSWORD[-1], role="text", name=PASSWORD_FIELD, state="showing")
    while_shown = reader.collect_events()
    assert_only_bullets(of_type(while_shown, "object:text-changed:delete", PASSWORD_FIELD), 1)
    assert_only_bullets(of_type(while_shown, "object:text-changed:insert", PASSWORD_FIELD), 1)
    reader.click(role="check box", name="Masquer", state="showing")

    # What a screen reader reads from the hidden fields: name, description, bullets of the right length.
    for name in FIELDS:
        field = reader.one(step("describe", role="password text", name=name, state="showing"))
        assert field["name"] == name
        assert set(field["text"]) <= BULLETS and len(field["text"]) == len(PASSWORD)
        assert not set(PASSWORD) & set(field.get("description", ""))
        assert {"editable", "focusable", "enabled"} <= set(field["states"])

    # The checklist is still told: the candidate hears that the password is right, never what it is.
    reader.wait_event("object:announcement", "Tous les critères sont respectés")
    everything = reader.events + reader.collect_events()
    assert of_type(everything, "object:text-changed:insert", PASSWORD_FIELD)
    assert_no_password_leak(everything)


def test_fallback_without_the_update_handler_sends_no_text_event_at_all(
    screen_reader: ScreenReader, tmp_path
) -> None:
    """Where Qt's update handler cannot be reached, the fields lose their text interface instead."""
    reader = screen_reader
    reader.start_app_with(
        "from monmaster_desktop.gui.accessibility.password_protection import (\n"
        "    ProtectionMethod, install_password_protection)\n"
        "install_password_protection(ProtectionMethod.TEXTLESS_INTERFACE)",
        "--data-dir",
        str(tmp_path / "data"),
        "--captcha",
        "question",
    )
    go_to_credentials(reader)
    reader.type(PASSWORD, role="password text", name=PASSWORD_FIELD, state="showing")
    reader.type(PASSWORD, role="password text", name=CONFIRMATION_FIELD, state="showing")
    reader.wait_event("object:announcement", "Les mots de passe correspondent")

    for name in FIELDS:
        field = reader.one(step("describe", role="password text", name=name, state="showing"))
        assert "Text" not in field["interfaces"] and "text" not in field
        assert {"editable", "focusable", "enabled"} <= set(field["states"])
    everything = reader.events + reader.collect_events()
    assert of_type(everything, "object:text-changed", PASSWORD_FIELD) == []
    assert of_type(everything, "object:text-changed", CONFIRMATION_FIELD) == []
    assert_no_password_leak(everything)
