"""The whole journey through the widgets a candidate touches: clicks and key presses only.

Eligibility → credentials → the mail in the simulated outbox → activation → sign-in → sign-out, and
the ways it can go wrong (a Non answer, field errors, duplicates, a wrong captcha, expired, reused and
superseded links, throttled sign-in). Each test asserts what the candidate sees.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

import pytest
from gui_support import (
    EMAIL,
    answer_all,
    click,
    current,
    fill_credentials,
    go_to_credentials,
    go_to_eligibility,
    message_text,
    open_outbox_and_follow,
    page_widget,
    register_through_the_wizard,
    submit_credentials,
    wizard_button,
)
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QPushButton, QWizard
from support import GOOD_PASSWORD, FakeClock, registration

from monmaster_desktop.accounts.mail import token_from_activation_url
from monmaster_desktop.eligibility import QUESTION_KEYS, Answer
from monmaster_desktop.gui.context import GuiContext, PageId
from monmaster_desktop.gui.documents import DocumentDialog
from monmaster_desktop.gui.main_window import MainWindow
from monmaster_desktop.gui.widgets.field_message import FieldMessage
from monmaster_desktop.settings import CaptchaMode

Button = QWizard.WizardButton


@pytest.fixture
def window(qtbot, gui_context: GuiContext) -> Iterator[MainWindow]:
    gui_context.settings = dataclasses.replace(gui_context.settings, captcha=CaptchaMode.OFF)
    main_window = MainWindow(gui_context)
    qtbot.addWidget(main_window)
    main_window.show()
    qtbot.waitExposed(main_window)
    yield main_window
    gui_context.runner.wait_for_done()
    main_window.reset_for_next_candidate()


# --- the happy path -----------------------------------------------------------------------------------


def test_eligible_candidate_registers_activates_signs_in_and_out(qtbot, window: MainWindow) -> None:
    register_through_the_wizard(qtbot, window)
    assert EMAIL in page_widget(window, PageId.MAIL_SENT, QLabel, "mailSentLabel").text()
    assert window.context.service.find_account(EMAIL).status.value == "pending"

    open_outbox_and_follow(qtbot, window)
    qtbot.waitUntil(lambda: current(window) is PageId.ACTIVATED)
    assert "Votre compte a bien été activé" in message_text(window, PageId.ACTIVATED, "activationMessage")
    assert not window.outbox_window().isVisible()

    sign_in = wizard_button(window, Button.NextButton)
    assert sign_in.text() == "Se connecter"
    click(qtbot, sign_in)
    assert current(window) is PageId.SIGN_IN
    assert page_widget(window, PageId.SIGN_IN, QLineEdit, "emailEdit").text() == EMAIL
    password = page_widget(window, PageId.SIGN_IN, QLineEdit, "passwordEdit")
    password.setFocus()
    qtbot.keyClicks(password, GOOD_PASSWORD)
    qtbot.keyClick(password, Qt.Key.Key_Return)  # Enter triggers "Se connecter"
    qtbot.waitUntil(lambda: current(window) is PageId.SIGNED_IN, timeout=10000)
    assert (
        f"Adresse électronique : {EMAIL}"
        == page_widget(window, PageId.SIGNED_IN, QLabel, "emailValueLabel").text()
    )

    sign_out = wizard_button(window, Button.FinishButton)
    assert sign_out.text() == "Se déconnecter"
    click(qtbot, sign_out)
    assert current(window) is PageId.WELCOME
    assert page_widget(window, PageId.SIGN_IN, QLineEdit, "passwordEdit").text() == ""


def test_candidate_with_an_account_goes_straight_to_sign_in(qtbot, window: MainWindow) -> None:
    click(qtbot, wizard_button(window, Button.NextButton))
    click(qtbot, page_widget(window, PageId.CANDIDATER, QPushButton, "signInLinkButton"))
    assert current(window) is PageId.SIGN_IN
    click(qtbot, wizard_button(window, Button.BackButton))
    assert current(window) is PageId.CANDIDATER


# --- step 1 -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("key", QUESTION_KEYS)
def test_a_non_answer_keeps_create_my_account_disabled(qtbot, window: MainWindow, key: str) -> None:
    go_to_eligibility(qtbot, window)
    answer_all(qtbot, window, {key: Answer.NON})
    assert not wizard_button(window, Button.NextButton).isEnabled()
    page = window.wizard.pages[PageId.ELIGIBILITY]
    assert page.child(FieldMessage, f"feedback_{key}").isVisible()
    click(qtbot, page.radio(key, Answer.OUI))  # the candidate changes their mind
    assert wizard_button(window, Button.NextButton).isEnabled()


# --- step 2: refusals keep what was typed -----------------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "message_name", "expected"),
    [
        ({"email": "camille.example.fr"}, "emailMessage", "@"),
        ({"password": "motdepasse", "confirmation": "motdepasse"}, "passwordMessage", "Il manque"),
        ({"confirmation": GOOD_PASSWORD + "x"}, "confirmationMessage", "ne correspondent pas"),
        ({"consent": False}, "consentMessage", "cocher la case"),
        (
            {"password": "Password1%", "confirmation": "Password1%"},
            "passwordMessage",
            "trop facile à deviner",
        ),
    ],
)
def test_each_field_error_shows_under_its_field_and_keeps_everything_typed(
    qtbot, window: MainWindow, fields: dict, message_name: str, expected: str
) -> None:
    go_to_credentials(qtbot, window)
    typed = {"email": EMAIL, "password": GOOD_PASSWORD, "confirmation": None, "consent": True} | fields
    fill_credentials(qtbot, window, **typed)
    submit_credentials(qtbot, window)

    assert current(window) is PageId.CREDENTIALS
    assert expected in message_text(window, PageId.CREDENTIALS, message_name)
    assert page_widget(window, PageId.CREDENTIALS, QLineEdit, "emailEdit").text() == typed["email"]
    assert page_widget(window, PageId.CREDENTIALS, QLineEdit, "passwordEdit").text() == typed["password"]
    confirmation = typed["confirmation"] if typed["confirmation"] is not None else typed["password"]
    assert page_widget(window, PageId.CREDENTIALS, QLineEdit, "confirmationEdit").text() == confirmation
    assert window.context.service.list_accounts() == []


@pytest.mark.parametrize("activate_first", [False, True])
def test_duplicate_address_is_told_apart_active_or_pending(
    qtbot, window: MainWindow, activate_first: bool
) -> None:
    service = window.context.service
    result = service.register(registration(EMAIL.upper()))
    if activate_first:
        link = service.outbox.get(result.mail_id).links[0].url
        service.activate(token_from_activation_url(link))
    go_to_credentials(qtbot, window)
    fill_credentials(qtbot, window)
    submit_credentials(qtbot, window)
    expected = "Connectez-vous" if activate_first else "renvoyer le courriel d'activation"
    assert expected in message_text(window, PageId.CREDENTIALS, "emailMessage")


def test_wrong_captcha_answer_is_refused_and_nothing_is_registered(qtbot, gui_context: GuiContext) -> None:
    gui_context.settings = dataclasses.replace(gui_context.settings, captcha=CaptchaMode.QUESTION)
    main_window = MainWindow(gui_context)
    qtbot.addWidget(main_window)
    main_window.show()
    go_to_credentials(qtbot, main_window)
    fill_credentials(qtbot, main_window)
    captcha = main_window.wizard.pages[PageId.CREDENTIALS].captcha_widget
    wrong = "0" if captcha.captcha.question_answer != "0" else "1"
    captcha.answer_edit().setFocus()
    qtbot.keyClicks(captcha.answer_edit(), wrong)
    submit_credentials(qtbot, main_window)
    assert main_window.wizard.current_page_id is PageId.CREDENTIALS
    assert "incorrecte" in " ".join(message.text() for message in captcha.findChildren(FieldMessage))
    assert gui_context.service.list_accounts() == []

    captcha.answer_edit().setText("")
    qtbot.keyClicks(captcha.answer_edit(), captcha.captcha.question_answer)
    submit_credentials(qtbot, main_window)
    qtbot.waitUntil(lambda: main_window.wizard.current_page_id is PageId.MAIL_SENT, timeout=10000)


# --- links from the outbox ------------------------------------------------------------------------------


def test_resend_makes_the_old_link_stop_working(qtbot, window: MainWindow) -> None:
    register_through_the_wizard(qtbot, window)
    outbox = window.context.service.outbox
    first_mail = outbox.list()[0].id
    click(qtbot, page_widget(window, PageId.MAIL_SENT, QPushButton, "resendButton"))
    assert "Le lien précédent ne fonctionne plus" in message_text(window, PageId.MAIL_SENT, "resendMessage")
    assert len(outbox.list()) == 2

    window.open_outbox(first_mail)  # the candidate opens the older mail and follows its link
    (button,) = window.outbox_window().link_buttons()
    click(qtbot, button)
    assert current(window) is PageId.MAIL_SENT
    assert "remplacé par un lien plus récent" in window.outbox_window().status_message.text()

    window.open_outbox(None)  # newest first
    (button,) = window.outbox_window().link_buttons()
    click(qtbot, button)
    qtbot.waitUntil(lambda: current(window) is PageId.ACTIVATED)


def test_reused_link_says_the_account_is_already_active(qtbot, window: MainWindow) -> None:
    register_through_the_wizard(qtbot, window)
    open_outbox_and_follow(qtbot, window)
    qtbot.waitUntil(lambda: current(window) is PageId.ACTIVATED)
    window.open_outbox(None)
    (button,) = window.outbox_window().link_buttons()
    click(qtbot, button)
    assert current(window) is PageId.ACTIVATED
    assert "déjà activé" in window.outbox_window().status_message.text()


def test_expired_link_is_refused_with_its_own_message(qtbot, window: MainWindow, clock: FakeClock) -> None:
    register_through_the_wizard(qtbot, window)
    clock.advance(hours=73)
    open_outbox_and_follow(qtbot, window)
    assert current(window) is PageId.MAIL_SENT
    assert "a expiré" in window.outbox_window().status_message.text()
    assert window.context.service.find_account(EMAIL).status.value == "pending"


# --- sign-in --------------------------------------------------------------------------------------------


def sign_in_with(qtbot, window: MainWindow, email: str, password: str) -> None:
    email_edit = page_widget(window, PageId.SIGN_IN, QLineEdit, "emailEdit")
    password_edit = page_widget(window, PageId.SIGN_IN, QLineEdit, "passwordEdit")
    email_edit.setText("")
    password_edit.setText("")
    email_edit.setFocus()
    qtbot.keyClicks(email_edit, email)
    password_edit.setFocus()
    qtbot.keyClicks(password_edit, password)
    click(qtbot, wizard_button(window, Button.NextButton))
    qtbot.waitUntil(lambda: not window.context.runner.busy, timeout=10000)
    qtbot.waitUntil(
        lambda: wizard_button(window, Button.NextButton).isEnabled() or current(window) is not PageId.SIGN_IN
    )


def test_wrong_password_then_throttled_sign_in_shows_the_wait(qtbot, window: MainWindow) -> None:
    service = window.context.service
    result = service.register(registration(EMAIL))
    service.activate(token_from_activation_url(service.outbox.get(result.mail_id).links[0].url))
    click(qtbot, wizard_button(window, Button.NextButton))
    click(qtbot, page_widget(window, PageId.CANDIDATER, QPushButton, "signInLinkButton"))

    sign_in_with(qtbot, window, EMAIL, "Mauvais%pass1")
    assert (
        message_text(window, PageId.SIGN_IN, "signInMessage")
        == "Adresse électronique ou mot de passe incorrect."
    )
    assert page_widget(window, PageId.SIGN_IN, QLineEdit, "emailEdit").text() == EMAIL
    for _ in range(4):
        sign_in_with(qtbot, window, EMAIL, "Mauvais%pass1")
    assert "Réessayez dans 30 secondes" in message_text(window, PageId.SIGN_IN, "signInMessage")
    sign_in_with(qtbot, window, EMAIL, GOOD_PASSWORD)
    assert current(window) is PageId.SIGN_IN
    assert "Trop de tentatives" in message_text(window, PageId.SIGN_IN, "signInMessage")


def test_pending_account_is_offered_a_new_activation_mail(qtbot, window: MainWindow) -> None:
    window.context.service.register(registration(EMAIL))
    click(qtbot, wizard_button(window, Button.NextButton))
    click(qtbot, page_widget(window, PageId.CANDIDATER, QPushButton, "signInLinkButton"))
    sign_in_with(qtbot, window, EMAIL, GOOD_PASSWORD)
    assert "pas encore activé" in message_text(window, PageId.SIGN_IN, "signInMessage")
    resend = page_widget(window, PageId.SIGN_IN, QPushButton, "resendActivationButton")
    click(qtbot, resend)
    assert "Un nouveau courriel d'activation a été envoyé" in message_text(
        window, PageId.SIGN_IN, "resendMessage"
    )
    assert len(window.context.service.outbox.list()) == 2


# --- reset between candidates ------------------------------------------------------------------------


def test_reset_leaves_nothing_of_the_previous_candidate(qtbot, window: MainWindow) -> None:
    go_to_credentials(qtbot, window)
    fill_credentials(qtbot, window, email="secret.candidate@example.fr", password="Secret%Pass42")
    window.reset_for_next_candidate()

    assert current(window) is PageId.WELCOME
    for edit in window.findChildren(QLineEdit):
        assert edit.text() == "", edit.objectName()
        edit.undo()
        assert edit.text() == "", f"undo restored text in {edit.objectName()}"
    for box in window.findChildren(QCheckBox):
        assert not box.isChecked()
    eligibility_page = window.wizard.pages[PageId.ELIGIBILITY]
    assert all(
        eligibility_page.radio(key, answer).isChecked() is False for key in QUESTION_KEYS for answer in Answer
    )
    visible_texts = " ".join(label.text() for label in window.findChildren(QLabel))
    assert "secret.candidate" not in visible_texts


def accessible_texts(root) -> list[str]:
    """Every name, description and value a screen reader can read under ``root``."""
    found: list[str] = []
    pending = [QAccessible.queryAccessibleInterface(root)]
    while pending:
        interface = pending.pop()
        if interface is None or not interface.isValid():
            continue
        for kind in (QAccessible.Text.Name, QAccessible.Text.Description, QAccessible.Text.Value):
            found.append(interface.text(kind))
        pending.extend(interface.child(index) for index in range(interface.childCount()))
    return found


def test_reset_leaves_nothing_in_the_accessible_tree(qtbot, window: MainWindow) -> None:
    register_through_the_wizard(qtbot, window, email="secret.candidate@example.fr")
    window.open_outbox(None)
    assert any("secret.candidate" in text for text in accessible_texts(window.outbox_window()))
    window.reset_for_next_candidate()
    assert not window.outbox_window().isVisible()
    for root in (window, window.outbox_window()):
        assert not [text for text in accessible_texts(root) if "secret.candidate" in text]


def test_outbox_opens_from_the_menu_and_its_shortcut(qtbot, window: MainWindow) -> None:
    assert window.outbox_action.text().replace("&", "") == "Boîte de réception (simulée)"
    assert window.outbox_action.shortcut().toString() == "Ctrl+Shift+B"
    window.outbox_action.trigger()
    qtbot.waitUntil(window.outbox_window().isVisible)


def test_unknown_and_foreign_links_get_their_own_messages(qtbot, window: MainWindow) -> None:
    register_through_the_wizard(qtbot, window)
    window.follow_mail_link("monmaster://activer?jeton=jamais-envoye")
    assert "n'est pas valide" in window.outbox_window().status_message.text()
    window.follow_mail_link("https://example.fr/")
    assert "n'est pas un lien d'activation" in window.outbox_window().status_message.text()
    assert current(window) is PageId.MAIL_SENT


def test_back_to_home_closes_the_outbox(qtbot, window: MainWindow) -> None:
    register_through_the_wizard(qtbot, window)
    window.open_outbox(None)
    assert window.outbox_window().isVisible()
    home = wizard_button(window, QWizard.WizardButton.CustomButton1)
    assert home.text() == "Retour à l'accueil"
    click(qtbot, home)
    assert current(window) is PageId.WELCOME
    assert not window.outbox_window().isVisible()


def test_reset_closes_open_documents(qtbot, window: MainWindow) -> None:
    go_to_credentials(qtbot, window)
    click(qtbot, page_widget(window, PageId.CREDENTIALS, QPushButton, "cguLinkButton"))
    assert [dialog for dialog in window.findChildren(DocumentDialog) if dialog.isVisible()]
    window.reset_for_next_candidate()  # what the kiosk calls between candidates
    assert not [dialog for dialog in window.findChildren(DocumentDialog) if dialog.isVisible()]
    assert current(window) is PageId.WELCOME


def test_a_screen_reader_hears_this_journey(qtbot, window: MainWindow, announcements) -> None:
    """The announcement stream of a scripted journey, sentence by sentence (what the testers' log shows)."""
    click(qtbot, wizard_button(window, Button.NextButton))
    click(qtbot, wizard_button(window, Button.NextButton))
    answer_all(qtbot, window)
    qtbot.wait(900)  # the eligibility page speaks once the answers stop changing
    click(qtbot, wizard_button(window, Button.NextButton))
    fill_credentials(qtbot, window)
    qtbot.wait(900)  # the checklist speaks once typing pauses
    submit_credentials(qtbot, window)
    qtbot.waitUntil(lambda: current(window) is PageId.MAIL_SENT, timeout=10000)
    qtbot.waitUntil(lambda: len(announcements.entries) >= 8)
    assert announcements.entries == [
        ("Candidater", False),
        ("Étape 1 sur 2 : Suis-je concerné par la plateforme ?", False),
        ("Votre saisie est correcte. Je suis éligible. Le bouton Créer mon compte est disponible.", False),
        ("Étape 2 sur 2 : Choisir mes identifiants", False),
        (
            "Critères validés : au moins 8 caractères, au moins 1 lettre en majuscule, au moins 1 lettre en "
            "minuscule, au moins 1 chiffre, au moins 1 caractère spécial. Tous les critères sont respectés. "
            "Les mots de passe correspondent.",
            False,
        ),
        ("Création de votre compte en cours.", False),
        ("Activez votre compte", False),
        ("Nouveau courriel dans la boîte de réception : Activez votre compte Mon Master.", False),
    ]
    assert not any(GOOD_PASSWORD in text for text, _ in announcements.entries)
