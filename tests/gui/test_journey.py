"""The whole journey through the widgets a candidate touches: clicks and key presses only.

Eligibility → credentials → the mail in the simulated outbox → activation → sign-in → sign-out, and
the ways it can go wrong (a Non answer, field errors, duplicates, a wrong captcha, expired, reused and
superseded links, throttled sign-in). Each test asserts what the candidate sees.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

import pytest
from gui_support import EMAIL, main_window_shown
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QPushButton, QWizard
from support import GOOD_PASSWORD, FakeClock, registration

from monmaster_desktop.accounts.mail import token_from_activation_url
from monmaster_desktop.eligibility import QUESTION_KEYS, Answer
from monmaster_desktop.gui.context import GuiContext, PageId
from monmaster_desktop.gui.documents import DocumentDialog
from monmaster_desktop.gui.main_window import MainWindow
from monmaster_desktop.gui.testers.journey import Candidate
from monmaster_desktop.gui.widgets.field_message import FieldMessage
from monmaster_desktop.settings import CaptchaMode

Button = QWizard.WizardButton


@pytest.fixture
def candidate(window: MainWindow) -> Candidate:
    return Candidate.at(window)


@pytest.fixture
def window(qtbot, gui_context: GuiContext) -> Iterator[MainWindow]:
    with main_window_shown(qtbot, gui_context, CaptchaMode.OFF) as shown:
        yield shown


# --- the happy path -----------------------------------------------------------------------------------


def test_eligible_candidate_registers_activates_signs_in_and_out(
    qtbot, window: MainWindow, candidate: Candidate
) -> None:
    candidate.go_to_credentials()
    candidate.register(EMAIL, GOOD_PASSWORD)
    assert EMAIL in candidate.page(PageId.MAIL_SENT).child(QLabel, "mailSentLabel").text()
    assert window.context.service.find_account(EMAIL).status.value == "pending"

    candidate.open_outbox()
    candidate.follow_link()
    qtbot.waitUntil(lambda: candidate.current_page() is PageId.ACTIVATED)
    assert "Votre compte a bien été activé" in candidate.message(PageId.ACTIVATED, "activationMessage")
    assert not window.outbox_window().isVisible()

    sign_in = candidate.button(Button.NextButton)
    assert sign_in.text() == "Se connecter"
    candidate.click(sign_in)
    assert candidate.current_page() is PageId.SIGN_IN
    assert candidate.page(PageId.SIGN_IN).child(QLineEdit, "emailEdit").text() == EMAIL
    password = candidate.page(PageId.SIGN_IN).child(QLineEdit, "passwordEdit")
    password.setFocus()
    qtbot.keyClicks(password, GOOD_PASSWORD)
    qtbot.keyClick(password, Qt.Key.Key_Return)  # Enter triggers "Se connecter"
    qtbot.waitUntil(lambda: candidate.current_page() is PageId.SIGNED_IN, timeout=10000)
    assert (
        f"Adresse électronique : {EMAIL}"
        == candidate.page(PageId.SIGNED_IN).child(QLabel, "emailValueLabel").text()
    )

    sign_out = candidate.button(Button.FinishButton)
    assert sign_out.text() == "Se déconnecter"
    candidate.click(sign_out)
    assert candidate.current_page() is PageId.WELCOME
    assert candidate.page(PageId.SIGN_IN).child(QLineEdit, "passwordEdit").text() == ""


def test_candidate_with_an_account_goes_straight_to_sign_in(
    qtbot, window: MainWindow, candidate: Candidate
) -> None:
    candidate.click(candidate.button(Button.NextButton))
    candidate.click(candidate.page(PageId.CANDIDATER).child(QPushButton, "signInLinkButton"))
    assert candidate.current_page() is PageId.SIGN_IN
    candidate.click(candidate.button(Button.BackButton))
    assert candidate.current_page() is PageId.CANDIDATER


# --- step 1 -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("key", QUESTION_KEYS)
def test_a_non_answer_keeps_create_my_account_disabled(
    qtbot, window: MainWindow, candidate: Candidate, key: str
) -> None:
    candidate.go_to_eligibility()
    candidate.answer({key: Answer.NON})
    assert not candidate.button(Button.NextButton).isEnabled()
    page = window.wizard.pages[PageId.ELIGIBILITY]
    assert page.child(FieldMessage, f"feedback_{key}").isVisible()
    candidate.click(page.radio(key, Answer.OUI))  # the candidate changes their mind
    assert candidate.button(Button.NextButton).isEnabled()


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
    qtbot, window: MainWindow, candidate: Candidate, fields: dict, message_name: str, expected: str
) -> None:
    candidate.go_to_credentials()
    typed = {"email": EMAIL, "password": GOOD_PASSWORD, "confirmation": None, "consent": True} | fields
    candidate.fill_credentials(**typed)
    candidate.submit_credentials()

    assert candidate.current_page() is PageId.CREDENTIALS
    assert expected in candidate.message(PageId.CREDENTIALS, message_name)
    assert candidate.page(PageId.CREDENTIALS).child(QLineEdit, "emailEdit").text() == typed["email"]
    assert candidate.page(PageId.CREDENTIALS).child(QLineEdit, "passwordEdit").text() == typed["password"]
    confirmation = typed["confirmation"] if typed["confirmation"] is not None else typed["password"]
    assert candidate.page(PageId.CREDENTIALS).child(QLineEdit, "confirmationEdit").text() == confirmation
    assert window.context.service.list_accounts() == []


@pytest.mark.parametrize("activate_first", [False, True])
def test_duplicate_address_is_told_apart_active_or_pending(
    qtbot, window: MainWindow, candidate: Candidate, activate_first: bool
) -> None:
    service = window.context.service
    result = service.register(registration(EMAIL.upper()))
    if activate_first:
        link = service.outbox.get(result.mail_id).links[0].url
        service.activate(token_from_activation_url(link))
    candidate.go_to_credentials()
    candidate.fill_credentials(EMAIL, GOOD_PASSWORD)
    candidate.submit_credentials()
    expected = "Connectez-vous" if activate_first else "renvoyer le courriel d'activation"
    assert expected in candidate.message(PageId.CREDENTIALS, "emailMessage")


def test_wrong_captcha_answer_is_refused_and_nothing_is_registered(qtbot, gui_context: GuiContext) -> None:
    gui_context.settings = dataclasses.replace(gui_context.settings, captcha=CaptchaMode.QUESTION)
    main_window = MainWindow(gui_context)
    qtbot.addWidget(main_window)
    main_window.show()
    candidate = Candidate.at(main_window)
    candidate.go_to_credentials()
    candidate.fill_credentials(EMAIL, GOOD_PASSWORD, solve_captcha=False)
    captcha = main_window.wizard.pages[PageId.CREDENTIALS].captcha_widget
    wrong = "0" if captcha.captcha.question_answer != "0" else "1"
    captcha.answer_edit().setFocus()
    qtbot.keyClicks(captcha.answer_edit(), wrong)
    candidate.submit_credentials()
    assert main_window.wizard.current_page_id is PageId.CREDENTIALS
    assert "incorrecte" in " ".join(message.text() for message in captcha.findChildren(FieldMessage))
    assert gui_context.service.list_accounts() == []

    captcha.answer_edit().setText("")
    qtbot.keyClicks(captcha.answer_edit(), captcha.captcha.question_answer)
    candidate.submit_credentials()
    qtbot.waitUntil(lambda: main_window.wizard.current_page_id is PageId.MAIL_SENT, timeout=10000)


# --- links from the outbox ------------------------------------------------------------------------------


def test_resend_makes_the_old_link_stop_working(qtbot, window: MainWindow, candidate: Candidate) -> None:
    candidate.go_to_credentials()
    candidate.register(EMAIL, GOOD_PASSWORD)
    outbox = window.context.service.outbox
    first_mail = outbox.list()[0].id
    candidate.click(candidate.page(PageId.MAIL_SENT).child(QPushButton, "resendButton"))
    assert "Le lien précédent ne fonctionne plus" in candidate.message(PageId.MAIL_SENT, "resendMessage")
    assert len(outbox.list()) == 2

    window.open_outbox(first_mail)  # the candidate opens the older mail and follows its link
    (button,) = window.outbox_window().link_buttons()
    candidate.click(button)
    assert candidate.current_page() is PageId.MAIL_SENT
    assert "remplacé par un lien plus récent" in window.outbox_window().status_message.text()

    window.open_outbox(None)  # newest first
    (button,) = window.outbox_window().link_buttons()
    candidate.click(button)
    qtbot.waitUntil(lambda: candidate.current_page() is PageId.ACTIVATED)


def test_reused_link_says_the_account_is_already_active(
    qtbot, window: MainWindow, candidate: Candidate
) -> None:
    candidate.go_to_credentials()
    candidate.register(EMAIL, GOOD_PASSWORD)
    candidate.open_outbox()
    candidate.follow_link()
    qtbot.waitUntil(lambda: candidate.current_page() is PageId.ACTIVATED)
    window.open_outbox(None)
    (button,) = window.outbox_window().link_buttons()
    candidate.click(button)
    assert candidate.current_page() is PageId.ACTIVATED
    assert "déjà activé" in window.outbox_window().status_message.text()


def test_expired_link_is_refused_with_its_own_message(
    qtbot, window: MainWindow, candidate: Candidate, clock: FakeClock
) -> None:
    candidate.go_to_credentials()
    candidate.register(EMAIL, GOOD_PASSWORD)
    clock.advance(hours=73)
    candidate.open_outbox()
    candidate.follow_link()
    assert candidate.current_page() is PageId.MAIL_SENT
    assert "a expiré" in window.outbox_window().status_message.text()
    assert window.context.service.find_account(EMAIL).status.value == "pending"


# --- sign-in --------------------------------------------------------------------------------------------


def test_wrong_password_then_throttled_sign_in_shows_the_wait(
    qtbot, window: MainWindow, candidate: Candidate
) -> None:
    service = window.context.service
    result = service.register(registration(EMAIL))
    service.activate(token_from_activation_url(service.outbox.get(result.mail_id).links[0].url))
    candidate.click(candidate.button(Button.NextButton))
    candidate.click(candidate.page(PageId.CANDIDATER).child(QPushButton, "signInLinkButton"))

    candidate.sign_in(EMAIL, "Mauvais%pass1")
    assert (
        candidate.message(PageId.SIGN_IN, "signInMessage")
        == "Adresse électronique ou mot de passe incorrect."
    )
    assert candidate.page(PageId.SIGN_IN).child(QLineEdit, "emailEdit").text() == EMAIL
    for _ in range(4):
        candidate.sign_in(EMAIL, "Mauvais%pass1")
    assert "Réessayez dans 30 secondes" in candidate.message(PageId.SIGN_IN, "signInMessage")
    candidate.sign_in(EMAIL, GOOD_PASSWORD)
    assert candidate.current_page() is PageId.SIGN_IN
    assert "Trop de tentatives" in candidate.message(PageId.SIGN_IN, "signInMessage")


def test_pending_account_is_offered_a_new_activation_mail(
    qtbot, window: MainWindow, candidate: Candidate
) -> None:
    window.context.service.register(registration(EMAIL))
    candidate.click(candidate.button(Button.NextButton))
    candidate.click(candidate.page(PageId.CANDIDATER).child(QPushButton, "signInLinkButton"))
    candidate.sign_in(EMAIL, GOOD_PASSWORD)
    assert "pas encore activé" in candidate.message(PageId.SIGN_IN, "signInMessage")
    resend = candidate.page(PageId.SIGN_IN).child(QPushButton, "resendActivationButton")
    candidate.click(resend)
    assert "Un nouveau courriel d'activation a été envoyé" in candidate.message(
        PageId.SIGN_IN, "resendMessage"
    )
    assert len(window.context.service.outbox.list()) == 2


# --- reset between candidates ------------------------------------------------------------------------


def test_reset_leaves_nothing_of_the_previous_candidate(
    qtbot, window: MainWindow, candidate: Candidate
) -> None:
    candidate.go_to_credentials()
    candidate.fill_credentials("secret.candidate@example.fr", "Secret%Pass42")
    window.reset_for_next_candidate()

    assert candidate.current_page() is PageId.WELCOME
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


def test_reset_leaves_nothing_in_the_accessible_tree(qtbot, window: MainWindow, candidate: Candidate) -> None:
    candidate.go_to_credentials()
    candidate.register("secret.candidate@example.fr", GOOD_PASSWORD)
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


def test_unknown_and_foreign_links_get_their_own_messages(
    qtbot, window: MainWindow, candidate: Candidate
) -> None:
    candidate.go_to_credentials()
    candidate.register(EMAIL, GOOD_PASSWORD)
    window.follow_mail_link("monmaster://activer?jeton=jamais-envoye")
    assert "n'est pas valide" in window.outbox_window().status_message.text()
    window.follow_mail_link("https://example.fr/")
    assert "n'est pas un lien d'activation" in window.outbox_window().status_message.text()
    assert candidate.current_page() is PageId.MAIL_SENT


def test_back_to_home_closes_the_outbox(qtbot, window: MainWindow, candidate: Candidate) -> None:
    candidate.go_to_credentials()
    candidate.register(EMAIL, GOOD_PASSWORD)
    window.open_outbox(None)
    assert window.outbox_window().isVisible()
    home = candidate.button(QWizard.WizardButton.CustomButton1)
    assert home.text() == "Retour à l'accueil"
    candidate.click(home)
    assert candidate.current_page() is PageId.WELCOME
    assert not window.outbox_window().isVisible()


def test_reset_closes_open_documents(qtbot, window: MainWindow, candidate: Candidate) -> None:
    candidate.go_to_credentials()
    candidate.click(candidate.page(PageId.CREDENTIALS).child(QPushButton, "cguLinkButton"))
    assert [dialog for dialog in window.findChildren(DocumentDialog) if dialog.isVisible()]
    window.reset_for_next_candidate()  # what the kiosk calls between candidates
    assert not [dialog for dialog in window.findChildren(DocumentDialog) if dialog.isVisible()]
    assert candidate.current_page() is PageId.WELCOME


def test_a_screen_reader_hears_this_journey(
    qtbot, window: MainWindow, candidate: Candidate, announcements
) -> None:
    """The announcement stream of a scripted journey, sentence by sentence (what the testers' log shows)."""
    candidate.click(candidate.button(Button.NextButton))
    candidate.click(candidate.button(Button.NextButton))
    candidate.answer()
    candidate.settle()  # the eligibility page speaks once the answers stop changing
    candidate.click(candidate.button(Button.NextButton))
    candidate.fill_credentials(EMAIL, GOOD_PASSWORD)
    candidate.settle()  # the checklist speaks once typing pauses
    candidate.submit_credentials()
    qtbot.waitUntil(lambda: candidate.current_page() is PageId.MAIL_SENT, timeout=10000)
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
