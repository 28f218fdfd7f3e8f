"""Étape 2 sur 2, "Choisir mes identifiants": what the candidate sees, types and hears."""

from __future__ import annotations

import dataclasses
import random
from collections.abc import Iterator

import pytest
from gui_support import AnnouncementLog
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QWidget, QWizard, QWizardPage
from support import ALL_OUI, GOOD_PASSWORD, registration

from monmaster_desktop import texts, validation
from monmaster_desktop.accounts.mail import token_from_activation_url
from monmaster_desktop.accounts.service import AccountStatus
from monmaster_desktop.gui.context import GuiContext, PageId
from monmaster_desktop.gui.pages.credentials_page import BUSY_ANNOUNCEMENT, CredentialsPage
from monmaster_desktop.gui.testers.journey import Candidate
from monmaster_desktop.gui.widgets import checklist as checklist_module
from monmaster_desktop.gui.widgets.caps_lock import CAPS_LOCK_WARNING
from monmaster_desktop.settings import CaptchaMode

CONSENT_SENTENCE = (
    "J'accepte que les informations saisies dans le formulaire soient utilisées pour créer mes identifiants "
    "et déclare accepter les conditions générales d'utilisation de ce service."
)
EMAIL = "camille.martin@example.fr"
Commit = QWizard.WizardButton.CommitButton


class Form:
    """The page inside a bare two-page wizard (this page, then a stand-in for "Courriel envoyé"),
    driven by the journey driver."""

    def __init__(self, qtbot, context: GuiContext) -> None:
        self.qtbot = qtbot
        self.context = context
        self.page = CredentialsPage(context)
        self.wizard = QWizard()
        self.wizard.setPage(PageId.CREDENTIALS, self.page)
        self.wizard.setPage(PageId.MAIL_SENT, QWizardPage())
        self.wizard.resize(1366, 768)
        qtbot.addWidget(self.wizard)
        self.wizard.show()
        qtbot.waitExposed(self.wizard)
        self.wizard.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is self.wizard)
        self.candidate = Candidate(self.wizard, context.runner)

    def widget(self, kind: type, name: str):
        return self.page.child(kind, name)

    def type_into(self, name: str, text: str) -> None:
        self.candidate.type_into(self.widget(QLineEdit, name), text)

    def fill(
        self,
        email: str = EMAIL,
        password: str = GOOD_PASSWORD,
        confirmation: str | None = None,
        consent: bool = True,
    ) -> None:
        self.type_into("emailEdit", email)
        self.type_into("passwordEdit", password)
        self.type_into("confirmationEdit", password if confirmation is None else confirmation)
        if consent:
            self.candidate.click(self.page.consent_label)  # the sentence, as a candidate clicks it

    def click_continue(self) -> None:
        self.candidate.press(Commit, "Continuer")

    def message(self, name: str) -> str:
        label = self.widget(QLabel, name)
        return label.text() if label.isVisible() else ""

    def on_mail_sent_page(self) -> bool:
        return self.wizard.currentId() == PageId.MAIL_SENT

    def wait_until_idle(self) -> None:
        self.candidate.wait_until(lambda: not self.page.is_busy(), "the end of the registration")

    def typed(self) -> tuple[str, str, str, bool]:
        return (
            self.page.email_edit.text(),
            self.page.password_edit.text(),
            self.page.confirmation_edit.text(),
            self.page.consent_checkbox.isChecked(),
        )


@pytest.fixture
def context(gui_context: GuiContext) -> GuiContext:
    gui_context.settings = dataclasses.replace(gui_context.settings, captcha=CaptchaMode.OFF)
    gui_context.session.eligibility_answers = dict(ALL_OUI)
    return gui_context


@pytest.fixture
def form(qtbot, context: GuiContext) -> Iterator[Form]:
    form = Form(qtbot, context)
    yield form
    context.runner.wait_for_done()


def activate(context: GuiContext, mail_id: int) -> None:
    stored = context.service.outbox.get(mail_id)
    assert stored is not None
    (link,) = [link for link in stored.links if link.text == "Activer mon compte"]
    token = token_from_activation_url(link.url)
    assert token is not None
    context.service.activate(token)


# --- what the candidate sees first ------------------------------------------------------------------


def test_page_shows_the_seed_texts(form: Form) -> None:
    shown = {label.text() for label in form.page.form.findChildren(QLabel) if label.isVisible()}
    for text in (
        "Étape 2 sur 2",
        "Choisir mes identifiants",
        "Se créer un compte en choisissant un identifiant",
        "Sauf mention contraire, tous les champs sont obligatoires.",
        "Votre adresse électronique",
        "Par exemple : nom@example.com",
        "Pour créer votre mot de passe, vous devez utiliser :",
        "Votre mot de passe",
        "Confirmez votre mot de passe",
        CONSENT_SENTENCE,
    ):
        assert text in shown
    assert form.wizard.button(Commit).text() == "Continuer"
    assert form.page.cnil_link.text() == (
        "Lire les recommandations de la Commission Nationale de l'Informatique et des Libertés ↗."
    )
    assert form.page.cgu_link.text() == (
        "Pour connaître et exercer vos droits relatifs à l'utilisation des données collectées par ce "
        "formulaire, veuillez consulter nos conditions générales d'utilisation ↗."
    )
    assert form.page.sign_in_link.text() == "Vous avez déjà vos identifiants ? →"


def assert_no_message_shown(form: Form) -> None:
    for name in (
        "emailMessage",
        "capsLockMessage",
        "passwordMessage",
        "confirmationMessage",
        "consentMessage",
    ):
        assert form.message(name) == ""
    assert not form.widget(QWidget, "formErrorSummary").isVisible()
    assert not form.widget(QWidget, "busyIndicator").isVisible()


def test_nothing_is_shown_as_wrong_before_the_candidate_does_anything(form: Form) -> None:
    assert_no_message_shown(form)
    assert set(form.page.checklist.row_states().values()) == {"neutral"}
    # "Continuer" is enabled from the start: pressing it early says what is missing.
    assert form.wizard.button(Commit).isEnabled()


def test_accessible_names_of_every_field_equal_their_labels(form: Form) -> None:
    for label_name, field_name in (
        ("emailLabel", "emailEdit"),
        ("passwordLabel", "passwordEdit"),
        ("confirmationLabel", "confirmationEdit"),
        ("consentLabel", "consentCheckBox"),
    ):
        label = form.widget(QLabel, label_name)
        field = form.widget(QWidget, field_name)
        assert field.accessibleName() == label.text()
        assert label.buddy() is field
    for button in (
        form.page.show_password_button,
        form.page.cnil_link,
        form.page.cgu_link,
        form.page.sign_in_link,
    ):
        assert button.accessibleName() == button.text()
    assert form.page.consent_checkbox.accessibleName() == CONSENT_SENTENCE


def test_email_hint_is_the_fields_accessible_description(form: Form) -> None:
    assert form.page.email_edit.accessibleDescription() == "Par exemple : nom@example.com"


def test_password_description_gives_the_rule_before_typing(form: Form) -> None:
    description = form.page.password_edit.accessibleDescription()
    assert description.startswith("Pour créer votre mot de passe, vous devez utiliser :")
    for criterion in validation.PASSWORD_CRITERIA:
        assert criterion.label in description


def test_tab_goes_through_the_form_in_reading_order(qtbot, form: Form) -> None:
    form.page.email_edit.setFocus()
    expected = [
        "passwordEdit",
        "showPasswordButton",
        "cnilLinkButton",
        "confirmationEdit",
        "consentCheckBox",
        "cguLinkButton",
        "signInLinkButton",
    ]
    reached = []
    for _ in expected:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        reached.append(QApplication.focusWidget().objectName())
    assert reached == expected


# --- live help while typing ---------------------------------------------------------------------------


def test_checklist_follows_every_keystroke(form: Form) -> None:
    form.type_into("passwordEdit", "abc")
    assert form.page.checklist.row_states()["lowercase"] == "valid"
    form.type_into("passwordEdit", "1")
    assert form.page.checklist.row_states()["digit"] == "valid"


def test_password_description_says_what_is_missing_once_typing_pauses(qtbot, form: Form) -> None:
    form.type_into("passwordEdit", "abc")
    qtbot.waitUntil(lambda: "Il manque" in form.page.password_edit.accessibleDescription())
    description = form.page.password_edit.accessibleDescription()
    assert "Il manque : au moins 8 caractères, au moins 1 lettre en majuscule" in description
    assert "abc" not in description


def test_icloud_warning_appears_while_typing_the_address(form: Form) -> None:
    form.type_into("emailEdit", "camille@icloud.com")

    assert form.message("emailMessage") == validation.BLOCKING_MAIL_DOMAIN_WARNING
    assert form.page.email_message.kind() == "warning"
    assert validation.BLOCKING_MAIL_DOMAIN_WARNING in form.page.email_edit.accessibleDescription()

    form.type_into("emailEdit", "x")  # icloud.comx: another domain, the remark goes
    assert form.message("emailMessage") == ""


def test_address_is_judged_only_when_the_candidate_leaves_the_field(qtbot, form: Form) -> None:
    form.type_into("emailEdit", "camille")
    assert form.message("emailMessage") == ""  # no shouting at the first characters

    qtbot.keyClick(form.page.email_edit, Qt.Key.Key_Tab)

    assert form.message("emailMessage") == validation.check_email("camille").error
    assert form.page.email_message.kind() == "error"
    assert form.page.email_edit.property("invalid") is True

    form.type_into("emailEdit", "@example.fr")  # fixed: the error goes as soon as it is right
    assert form.message("emailMessage") == ""
    assert form.page.email_edit.property("invalid") is False


def test_mismatch_message_appears_live_and_goes_when_they_match(form: Form) -> None:
    form.type_into("passwordEdit", GOOD_PASSWORD)
    assert form.message("confirmationMessage") == ""

    form.type_into("confirmationEdit", GOOD_PASSWORD[:4])
    assert form.message("confirmationMessage") == "Les mots de passe ne correspondent pas."

    form.type_into("confirmationEdit", GOOD_PASSWORD[4:])
    assert form.message("confirmationMessage") == ""


def test_afficher_shows_and_hides_both_passwords(qtbot, form: Form) -> None:
    form.type_into("passwordEdit", "abc")
    button = form.page.show_password_button

    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert form.page.password_edit.echoMode() == QLineEdit.EchoMode.Normal
    assert form.page.confirmation_edit.echoMode() == QLineEdit.EchoMode.Normal
    assert button.text() == "Masquer"
    assert button.accessibleName() == "Masquer"
    assert QApplication.focusWidget() is form.page.password_edit  # the caret stays where it was

    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert form.page.password_edit.echoMode() == QLineEdit.EchoMode.Password
    assert button.text() == "Afficher"
    assert button.accessibleName() == "Afficher"


def test_caps_lock_warning_follows_the_focus_across_both_password_fields(
    qtbot, form: Form, announcements
) -> None:
    form.page.password_edit.setFocus()
    qtbot.keyClick(form.page.password_edit, Qt.Key.Key_CapsLock)

    assert form.message("capsLockMessage") == CAPS_LOCK_WARNING
    assert form.page.caps_lock_message.kind() == "warning"
    assert CAPS_LOCK_WARNING in announcements.texts
    assert CAPS_LOCK_WARNING in form.page.password_edit.accessibleDescription()

    qtbot.keyClick(form.page.password_edit, Qt.Key.Key_Tab)  # to "Afficher": out of the password fields
    assert form.message("capsLockMessage") == ""

    form.page.confirmation_edit.setFocus()  # back in a password field, Caps Lock still on
    assert form.message("capsLockMessage") == CAPS_LOCK_WARNING

    qtbot.keyClick(form.page.confirmation_edit, Qt.Key.Key_CapsLock)
    assert form.message("capsLockMessage") == ""


# --- announcements ---------------------------------------------------------------------------------------


def accessible_text(widget: QWidget, kind: QAccessible.Text) -> str:
    """What an assistive technology reads of ``widget`` (its QAccessible interface, as a bridge does)."""
    interface = QAccessible.queryAccessibleInterface(widget)
    assert interface is not None and interface.isValid()
    return interface.text(kind)


def test_what_the_accessibility_layer_reads_of_the_password_changes_only_when_typing_pauses(
    qtbot, context: GuiContext, announcements: AnnouncementLog
) -> None:
    """Per key, the rows change on screen only: their names would tell the bus each character's kind."""
    context.announce_delay_ms = 60_000  # no pause until the test makes one
    form = Form(qtbot, context)
    page, checklist = form.page, form.page.checklist
    lines = checklist.findChildren(QLabel)  # the five criteria, the problems line, the strength line
    rows = [row for row in lines if row.objectName().startswith("criterion_")]

    def names() -> list[str]:
        return [accessible_text(line, QAccessible.Text.Name) for line in lines]

    def description() -> str:
        return accessible_text(page.password_edit, QAccessible.Text.Description)

    names_before, description_before = names(), description()
    page.password_edit.setFocus()
    typed = ""
    for character in "aB1%":
        qtbot.keyClick(page.password_edit, character)
        typed += character
        # Everything a sighted candidate sees for this key, the strength line included, is on screen …
        expected = validation.estimate_strength(typed, validation.strength_context_for_email(""))
        qtbot.waitUntil(lambda expected=expected: checklist.strength() == expected)
        assert [row.text() for row in rows] != [row.accessibleName() for row in rows]
        # … and nothing of it has reached the accessibility layer.
        assert names() == names_before
        assert description() == description_before
        assert announcements.entries == []

    page.live_announcer.set_delay(10)  # the candidate pauses
    qtbot.waitUntil(lambda: len(announcements.entries) == 1)

    assert names()[: len(rows)] == [row.text() for row in rows]
    assert accessible_text(rows[0], QAccessible.Text.Name) == "au moins 8 caractères : en erreur"
    assert description().startswith("Il manque : au moins 8 caractères.")
    assert checklist.strength_text() in description()
    assert announcements.texts[0].startswith("Critères validés : au moins 1 lettre en majuscule")


def test_checklist_announcements_are_coalesced_and_never_say_the_password(
    qtbot, form: Form, announcements: AnnouncementLog
) -> None:
    password = "abcdefgh1%"
    form.type_into("passwordEdit", password)
    assert announcements.entries == []  # nothing per keystroke

    qtbot.waitUntil(lambda: len(announcements.entries) == 1)
    assert not form.page.settling()  # and nothing more waits to be said after the pause
    assert announcements.entries == [
        (
            "Critères validés : au moins 8 caractères, au moins 1 lettre en minuscule, au moins 1 chiffre, "
            "au moins 1 caractère spécial. Critère en erreur : au moins 1 lettre en majuscule.",
            False,
        )
    ]

    form.type_into("passwordEdit", "A")
    qtbot.waitUntil(lambda: len(announcements.entries) == 2)
    text, assertive = announcements.entries[1]
    assert text.startswith(
        "Critère validé : au moins 1 lettre en majuscule. Tous les critères sont respectés."
    )
    assert not assertive
    for spoken in announcements.texts:
        assert password not in spoken and "abcdefgh" not in spoken


def test_confirmation_announces_the_mismatch_then_the_match(
    qtbot, form: Form, announcements: AnnouncementLog
) -> None:
    form.page.password_edit.setText(GOOD_PASSWORD)
    qtbot.waitUntil(lambda: len(announcements.entries) == 1)

    form.type_into("confirmationEdit", GOOD_PASSWORD[:3])
    qtbot.waitUntil(lambda: len(announcements.entries) == 2)
    assert announcements.texts[1] == "Les mots de passe ne correspondent pas."

    form.type_into("confirmationEdit", GOOD_PASSWORD[3:])
    qtbot.waitUntil(lambda: len(announcements.entries) == 3)
    assert announcements.texts[2] == "Les mots de passe correspondent."


def test_icloud_remark_is_announced_once_typing_pauses(
    qtbot, form: Form, announcements: AnnouncementLog
) -> None:
    form.type_into("emailEdit", "camille@icloud.com")
    qtbot.waitUntil(lambda: len(announcements.entries) == 1)
    assert announcements.entries == [(validation.BLOCKING_MAIL_DOMAIN_WARNING, False)]


def test_wrong_address_is_announced_as_an_error_after_leaving_the_field(
    qtbot, form: Form, announcements: AnnouncementLog
) -> None:
    form.type_into("emailEdit", "camille")
    qtbot.keyClick(form.page.email_edit, Qt.Key.Key_Tab)

    qtbot.waitUntil(lambda: len(announcements.entries) == 1)
    assert announcements.entries == [(validation.check_email("camille").error, True)]


# --- submitting -------------------------------------------------------------------------------------------


def test_valid_form_creates_the_account_in_the_background_and_moves_on(
    qtbot, form: Form, context: GuiContext, announcements: AnnouncementLog
) -> None:
    form.fill()
    form.click_continue()

    # Busy at once: the indicator shows and "Continuer" waits for the result.
    assert form.widget(QWidget, "busyIndicator").isVisible()
    assert not form.wizard.button(Commit).isEnabled()
    assert form.page.email_edit.isReadOnly()
    assert BUSY_ANNOUNCEMENT in announcements.texts

    qtbot.waitUntil(form.on_mail_sent_page)
    account = context.service.find_account(EMAIL)
    assert account is not None and account.status is AccountStatus.PENDING
    assert context.session.registered_email == EMAIL
    assert context.session.activation_mail_id is not None
    assert context.service.outbox.get(context.session.activation_mail_id) is not None


def test_enter_in_a_field_presses_continuer(qtbot, form: Form, context: GuiContext) -> None:
    form.fill()
    form.page.confirmation_edit.setFocus()
    qtbot.keyClick(form.page.confirmation_edit, Qt.Key.Key_Return)

    qtbot.waitUntil(form.on_mail_sent_page)
    assert context.service.find_account(EMAIL) is not None


REFUSALS = [
    pytest.param({"email": "camille.martin"}, "emailEdit", "emailMessage", id="invalid-address"),
    pytest.param({"password": "abcdefgh"}, "passwordEdit", "passwordMessage", id="criteria-not-met"),
    pytest.param({"password": "Password1%"}, "passwordEdit", "passwordMessage", id="too-guessable"),
    pytest.param(
        {"confirmation": GOOD_PASSWORD + "x"}, "confirmationEdit", "confirmationMessage", id="mismatch"
    ),
    pytest.param({"consent": False}, "consentCheckBox", "consentMessage", id="consent-missing"),
]


@pytest.mark.parametrize(("changes", "field_name", "message_name"), REFUSALS)
def test_each_refusal_shows_under_its_field_and_keeps_everything_typed(
    qtbot, form: Form, context: GuiContext, announcements: AnnouncementLog, changes, field_name, message_name
) -> None:
    form.fill(**changes)
    typed = form.typed()

    form.click_continue()
    form.wait_until_idle()

    field = form.widget(QWidget, field_name)
    message = form.message(message_name)
    assert message
    assert form.widget(QWidget, message_name).kind() == "error"
    assert message in field.accessibleDescription()
    assert field.property("invalid") is True
    assert QApplication.focusWidget() is field
    assert form.typed() == typed  # passwords included
    assert not form.on_mail_sent_page()
    assert context.service.list_accounts() == []
    summary = form.widget(QWidget, "formErrorSummary")
    assert summary.isVisible()
    assert message in form.widget(QLabel, "formErrorList").text()
    assert form.message("formErrorTitle") == "Le formulaire contient 1 erreur."
    assert announcements.entries[-1] == (f"Le formulaire contient 1 erreur. {message}", True)
    assert form.wizard.button(Commit).isEnabled()


def test_too_guessable_password_is_refused_with_the_validation_message(form: Form) -> None:
    form.fill(password="Password1%")
    form.click_continue()
    form.wait_until_idle()
    assert form.message("passwordMessage") == validation.TOO_GUESSABLE_MESSAGE


@pytest.mark.parametrize(
    ("activated", "expected"),
    [(False, texts.ACCOUNT_ALREADY_PENDING), (True, texts.ACCOUNT_ALREADY_ACTIVE)],
    ids=["pending", "active"],
)
def test_address_already_registered_is_refused_under_the_address(
    form: Form, context: GuiContext, activated: bool, expected: str
) -> None:
    first = context.service.register(registration(EMAIL))
    assert first.mail_id is not None
    if activated:
        activate(context, first.mail_id)
    form.fill()
    typed = form.typed()

    form.click_continue()
    form.wait_until_idle()

    assert form.message("emailMessage") == expected
    assert QApplication.focusWidget() is form.page.email_edit
    assert form.typed() == typed
    assert len(context.service.list_accounts()) == 1


def test_several_errors_are_listed_and_focus_goes_to_the_first(
    form: Form, announcements: AnnouncementLog
) -> None:
    form.fill(email="camille.martin", confirmation="autre", consent=False)

    form.click_continue()
    form.wait_until_idle()

    assert form.message("formErrorTitle") == "Le formulaire contient 3 erreurs."
    listed = form.widget(QLabel, "formErrorList").text().splitlines()
    assert listed == [
        f"• Votre adresse électronique : {validation.check_email('camille.martin').error}",
        "• Confirmez votre mot de passe : Les mots de passe ne correspondent pas.",
        f"• Conditions générales d'utilisation : {texts.CONSENT_MISSING}",
    ]
    assert QApplication.focusWidget() is form.page.email_edit
    text, assertive = announcements.entries[-1]
    assert assertive
    assert text == f"Le formulaire contient 3 erreurs. {validation.check_email('camille.martin').error}"


def test_fixing_the_errors_then_continuing_creates_the_account(
    qtbot, form: Form, context: GuiContext
) -> None:
    form.fill(consent=False)
    form.click_continue()
    form.wait_until_idle()
    assert form.message("consentMessage") == texts.CONSENT_MISSING

    qtbot.mouseClick(form.page.consent_checkbox, Qt.MouseButton.LeftButton)
    assert form.message("consentMessage") == ""
    form.click_continue()

    qtbot.waitUntil(form.on_mail_sent_page)
    assert context.service.find_account(EMAIL) is not None


def test_unexpected_failure_says_so_and_keeps_everything_typed(
    monkeypatch, form: Form, context: GuiContext
) -> None:
    def broken_register(request):
        raise RuntimeError("disk full")

    monkeypatch.setattr(context.service, "register", broken_register)
    form.fill()
    typed = form.typed()

    form.click_continue()
    form.wait_until_idle()

    assert form.message("formErrorTitle") == texts.UNEXPECTED_ERROR
    assert form.typed() == typed
    assert not form.on_mail_sent_page()


def test_captcha_must_be_answered_before_the_account_is_created(qtbot, context: GuiContext) -> None:
    context.settings = dataclasses.replace(context.settings, captcha=CaptchaMode.QUESTION)
    form = Form(qtbot, context)
    captcha = form.page.captcha_widget
    assert captcha is not None
    captcha.set_mode(CaptchaMode.QUESTION, random.Random(7))
    form.fill()

    form.click_continue()  # no answer yet

    assert context.service.list_accounts() == []
    assert form.widget(QWidget, "formErrorSummary").isVisible()
    assert "Captcha : " in form.widget(QLabel, "formErrorList").text()
    assert QApplication.focusWidget() is captcha.answer_edit()

    qtbot.keyClicks(captcha.answer_edit(), captcha.captcha.question_answer)
    form.click_continue()
    qtbot.waitUntil(form.on_mail_sent_page)
    assert context.service.find_account(EMAIL) is not None
    context.runner.wait_for_done()


def test_sign_in_link_asks_the_wizard_to_go_to_sign_in(qtbot, form: Form) -> None:
    requests: list[str] = []
    form.page.sign_in_requested.connect(lambda: requests.append("sign in"))

    qtbot.mouseClick(form.page.sign_in_link, Qt.MouseButton.LeftButton)

    assert requests == ["sign in"]
    assert form.wizard.currentId() == PageId.CREDENTIALS


def test_cgu_and_cnil_links_open_their_summaries(qtbot, form: Form, context: GuiContext) -> None:
    opened: list[str] = []
    form.page.document_requested.connect(opened.append)

    qtbot.mouseClick(form.page.cnil_link, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(form.page.cgu_link, Qt.MouseButton.LeftButton)

    assert opened == ["cnil", "cgu"]


# --- back to empty -----------------------------------------------------------------------------------------


def test_clear_empties_everything_including_the_undo_history(qtbot, form: Form) -> None:
    form.fill(email="camille.martin", confirmation="autre")
    qtbot.mouseClick(form.page.show_password_button, Qt.MouseButton.LeftButton)
    form.click_continue()
    form.wait_until_idle()

    form.page.clear()

    assert form.typed() == ("", "", "", False)
    for field in (form.page.email_edit, form.page.password_edit, form.page.confirmation_edit):
        field.setFocus()
        qtbot.keyClick(field, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        assert field.text() == ""  # Ctrl+Z brings nothing of the previous candidate back
    assert form.page.password_edit.echoMode() == QLineEdit.EchoMode.Password
    assert form.page.confirmation_edit.echoMode() == QLineEdit.EchoMode.Password
    assert form.page.show_password_button.text() == "Afficher"
    assert not form.page.show_password_button.isChecked()
    assert set(form.page.checklist.row_states().values()) == {"neutral"}
    assert_no_message_shown(form)
    assert form.page.email_edit.property("invalid") is False
    assert form.page.email_edit.accessibleDescription() == "Par exemple : nom@example.com"


def test_registration_finishing_after_clear_is_ignored(qtbot, form: Form, context: GuiContext) -> None:
    form.fill()
    form.click_continue()
    form.page.clear()  # the kiosk reset the page while the account was being created

    context.runner.wait_for_done()
    qtbot.waitUntil(lambda: not context.runner.busy)
    assert not form.on_mail_sent_page()
    assert form.typed() == ("", "", "", False)
    assert context.session.registered_email is None


def test_checklist_module_is_the_one_the_page_uses(form: Form) -> None:
    assert isinstance(form.page.checklist, checklist_module.PasswordChecklist)
