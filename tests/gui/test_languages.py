"""The English interface: the switch on Accueil, every state of every page, the journey, and going back.

With English on, no visible text, accessible name, description, menu or announcement stays French
(``tests/language_support.py`` says what French looks like), on every page in each of its states (the
testers' scenarios reach them all), in the outbox, the dialogs and the testers' tools. Switching keeps
what was typed and the page; switching back gives the French of before, word for word.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from gui_support import EMAIL, AnnouncementLog, main_window_shown
from kiosk_support import Kiosk, open_test_kiosk
from language_support import french_in
from PySide6.QtCore import QLocale, Qt, QTimer
from PySide6.QtGui import QAccessible, QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QGroupBox,
    QLabel,
    QMenu,
    QMessageBox,
    QTableView,
    QTextBrowser,
    QWidget,
    QWizard,
)
from support import GOOD_PASSWORD, registration

from monmaster_desktop import i18n
from monmaster_desktop.accounts.operator import ExportFormat
from monmaster_desktop.accounts.service import AccountService
from monmaster_desktop.eligibility import QUESTION_KEYS, Answer
from monmaster_desktop.gui.accessibility.recorder import AccessibilityLog
from monmaster_desktop.gui.context import GuiContext, PageId
from monmaster_desktop.gui.documents import DOCUMENT_TITLES, show_document
from monmaster_desktop.gui.kiosk import idle
from monmaster_desktop.gui.language import current_language, language_switch, switch_language, translated
from monmaster_desktop.gui.main_window import MainWindow
from monmaster_desktop.gui.operator import texts as operator_texts
from monmaster_desktop.gui.operator.access import OperatorAccess
from monmaster_desktop.gui.operator.console import OperatorConsole, PurgeDialog
from monmaster_desktop.gui.operator.pin_dialogs import NewPinDialog, PinPromptDialog
from monmaster_desktop.gui.testers.journey import Candidate
from monmaster_desktop.gui.testers.log_window import AccessibilityLogWindow
from monmaster_desktop.gui.testers.menu import install_accessibility_menu
from monmaster_desktop.gui.testers.scenarios import SCENARIOS, ScenarioRun
from monmaster_desktop.settings import CaptchaMode, HashingParameters, Settings

Button = QWizard.WizardButton
OPERATOR_MODIFIERS = (
    Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier
)


@pytest.fixture
def english(qapp) -> Iterator[None]:
    """English on for the test; French (the default) again after it, whatever happened."""
    switch_language("en")
    yield
    language_switch().default_language = i18n.DEFAULT_LANGUAGE
    switch_language("fr")


@pytest.fixture
def french_after(qapp) -> Iterator[None]:
    yield
    language_switch().default_language = i18n.DEFAULT_LANGUAGE
    switch_language("fr")


@pytest.fixture
def window(qtbot, gui_context: GuiContext) -> Iterator[MainWindow]:
    with main_window_shown(qtbot, gui_context, CaptchaMode.QUESTION) as shown:
        yield shown


# --- what is shown ------------------------------------------------------------------------------------


def _menu_texts(menu: QMenu) -> list[str]:
    texts = [menu.title()]
    for action in menu.actions():
        texts.append(action.text())
        if action.menu() is not None:
            texts += _menu_texts(action.menu())
    return texts


def shown_texts(window: QWidget) -> list[tuple[str, str]]:
    """(where, text) for every text a person or a screen reader meets in ``window`` as it is now."""
    found: list[tuple[str, str]] = [("window title", window.windowTitle())]
    if hasattr(window, "menuBar"):
        for action in window.menuBar().actions():
            if action.menu() is not None:
                found += [("menu", text) for text in _menu_texts(action.menu())]
    for widget in [window, *window.findChildren(QWidget)]:
        if not widget.isVisible():
            continue
        where = f"{type(widget).__name__} {widget.objectName()!r}"
        if isinstance(widget, (QLabel, QAbstractButton)):
            found.append((where, widget.text()))
        elif isinstance(widget, QGroupBox):
            found.append((where, widget.title()))
        elif isinstance(widget, QTextBrowser):
            found.append((where, widget.toPlainText()))
        found += [(f"{where} tooltip", widget.toolTip())]
        interface = QAccessible.queryAccessibleInterface(widget)
        if interface is not None and interface.isValid():
            found.append((f"{where} name", interface.text(QAccessible.Text.Name)))
            found.append((f"{where} description", interface.text(QAccessible.Text.Description)))
        if isinstance(widget, QTableView) and widget.model() is not None:
            model = widget.model()
            for column in range(model.columnCount()):
                found.append(
                    (f"{where} header", str(model.headerData(column, Qt.Orientation.Horizontal) or ""))
                )
                for row in range(model.rowCount()):
                    for role in (
                        Qt.ItemDataRole.DisplayRole,
                        Qt.ItemDataRole.AccessibleTextRole,
                        Qt.ItemDataRole.AccessibleDescriptionRole,
                        Qt.ItemDataRole.ToolTipRole,
                    ):
                        found.append((f"{where} cell", str(model.index(row, column).data(role) or "")))
    return found


def french_shown(window: QWidget) -> list[str]:
    return [f"{where}: {text!r} ({why})" for where, text in shown_texts(window) if (why := french_in(text))]


# --- every page, every state ---------------------------------------------------------------------------


def test_every_state_of_every_page_and_the_outbox_is_english_when_english_is_on(qapp, english) -> None:
    problems: list[str] = []
    run: ScenarioRun | None = None
    said: list[str] = []
    try:
        for scenario in SCENARIOS:
            if run is None or not run.can_reach(scenario):
                if run is not None:
                    run.close()
                run = ScenarioRun(
                    hashing=HashingParameters.fast_for_tests(),
                    captcha=CaptchaMode.IMAGE,
                    window_size=(1366, 768),
                )
                run.announcer.announced.connect(lambda text, _assertive: said.append(text))
            run.reach(scenario)
            run.settle()
            shown = run.window.outbox_window() if scenario.shows_outbox else run.window
            problems += [f"{scenario.key}: {problem}" for problem in french_shown(shown)]
    finally:
        if run is not None:
            run.close()
    problems += [f"announcement: {text!r} ({why})" for text in said if (why := french_in(text))]
    assert said, "the journey announced nothing"
    assert problems == []


def test_the_documents_the_about_box_and_the_testers_tools_are_english(
    qtbot, qapp, english, window: MainWindow
) -> None:
    problems: list[str] = []
    for key in DOCUMENT_TITLES:
        dialog = show_document(window, key)
        qtbot.waitExposed(dialog)
        problems += [f"document {key}: {problem}" for problem in french_shown(dialog)]
        dialog.close()

    seen: list[str] = []

    def read_and_close() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.extend([box.windowTitle(), box.text(), *(button.text() for button in box.buttons())])
            box.accept()
        else:
            QTimer.singleShot(20, read_and_close)

    QTimer.singleShot(20, read_and_close)
    window.show_about()
    problems += [f"about: {text!r} ({why})" for text in seen if (why := french_in(text))]

    log = AccessibilityLog()
    log.watch_announcer(window.context.announcer)
    install_accessibility_menu(window, window.context, log)
    window.context.announcer.announce(window, "Step 1 of 2")
    log_window = AccessibilityLogWindow(log, window)
    qtbot.addWidget(log_window)
    log_window.open_and_focus()
    qtbot.waitExposed(log_window)
    problems += [f"log window: {problem}" for problem in french_shown(log_window)]
    problems += [f"main window: {problem}" for problem in french_shown(window)]  # with the testers' menu
    assert seen and problems == []


# --- the switch ----------------------------------------------------------------------------------------


def test_the_switch_on_accueil_is_named_in_its_language_and_switches_everything_at_once(
    qtbot, window: MainWindow, french_after
) -> None:
    page = window.wizard.pages[PageId.WELCOME]
    button = page.child(QAbstractButton, "languageButton")
    french = sorted(text for _, text in shown_texts(window))
    heard: list[str] = []
    window.context.announcer.announced.connect(lambda text, _assertive: heard.append(text))
    assert (button.text(), button.accessibleName()) == ("English", "English")
    assert button.locale().language() == QLocale.Language.English  # said with an English voice
    assert window.wizard.button(Button.NextButton).text() == "Candidater"

    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # the switch is done when the click returns
    assert current_language() == "en" and QLocale().name() == "en_GB"
    assert window.locale().language() == QLocale.Language.English
    assert page.heading().text() == "Welcome to Mon Master" == page.heading().accessibleName()
    assert window.wizard.button(Button.NextButton).text() == "Apply"
    assert (button.text(), button.accessibleName()) == ("Français", "Français")
    assert button.locale().language() == QLocale.Language.French
    assert heard == ["Interface in English."]
    assert french_shown(window) == []

    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert current_language() == "fr" and heard[-1] == "Interface en français."
    assert sorted(text for _, text in shown_texts(window)) == french  # the French of before, word for word


def test_switching_mid_journey_keeps_what_was_typed_the_answers_and_the_page(
    qtbot, window: MainWindow, french_after
) -> None:
    candidate = Candidate.at(window)
    candidate.go_to_credentials()
    candidate.fill_credentials(
        "camille.martin@example", "motdep1", "motdep", consent=False
    )
    candidate.submit_credentials()
    page = candidate.credentials_page()
    summary = candidate.message(PageId.CREDENTIALS, "formErrorTitle")
    assert summary.startswith("Le formulaire contient")

    window.language_action.trigger()  # Affichage › English, from step 2
    assert candidate.current_page() is PageId.CREDENTIALS
    assert page.email_edit.text() == "camille.martin@example"
    assert (page.password_edit.text(), page.confirmation_edit.text()) == ("motdep1", "motdep")
    assert candidate.message(PageId.CREDENTIALS, "formErrorTitle").startswith("The form contains")
    assert "• Your email address: " in page.error_summary.listing.text()
    assert candidate.message(PageId.CREDENTIALS, "confirmationMessage") == "The passwords do not match."
    assert page.password_edit.accessibleName() == "Your password"
    assert "Missing: at least 8 characters" in page.password_edit.accessibleDescription()
    assert page.checklist.findChild(QLabel, "criterion_digit").text() == "at least 1 digit: met"
    assert window.wizard.button(Button.CommitButton).text() == "Continue"
    assert french_shown(window) == []

    window.wizard.back()  # the answers of step 1 are still there, said in English
    eligibility = candidate.eligibility_page()
    assert all(eligibility.radio(key, Answer.OUI).isChecked() for key in QUESTION_KEYS)
    assert eligibility.radio(QUESTION_KEYS[0], Answer.OUI).text() == "Yes"
    assert french_shown(window) == []


def test_the_whole_journey_in_english_by_widgets(english, window: MainWindow) -> None:
    gui_context = window.context  # the window is made once English is on, as with --lang en
    candidate = Candidate.at(window)
    candidate.go_to_credentials()  # checks "Apply", "Create an account", "Create my account"
    question = window.findChild(QLabel, "captchaQuestionLabel").text()
    assert question.startswith("Question: Write in digits the number ")
    candidate.register(EMAIL, GOOD_PASSWORD)
    sent = candidate.page(PageId.MAIL_SENT).child(QLabel, "mailSentLabel").text()
    assert sent == f"An activation email has been sent to the address {EMAIL}."

    outbox = candidate.open_outbox()
    mail = gui_context.service.outbox.get(outbox.displayed_mail_id()).message
    assert (mail["Subject"], mail["Content-Language"]) == ("Activate your Mon Master account", "en")
    assert '<html lang="en">' in mail.get_body(preferencelist=("html",)).get_content()
    candidate.follow_link()  # "Activate my account"
    candidate.wait_for_page(PageId.ACTIVATED)
    assert candidate.message(PageId.ACTIVATED, "activationMessage").startswith(
        "Your account has been activated."
    )
    candidate.press(Button.NextButton, "Se connecter")  # reads "Sign in"
    candidate.wait_for_page(PageId.SIGN_IN)
    candidate.sign_in(EMAIL, GOOD_PASSWORD)
    candidate.wait_for_page(PageId.SIGNED_IN)
    created = candidate.page(PageId.SIGNED_IN).child(QLabel, "createdValueLabel").text()
    assert created.startswith("Account created on ") and " at " in created  # "27/11/2026 at 09:41"
    assert french_shown(window) == []


def test_a_kiosk_gives_the_next_candidate_its_own_language(
    qtbot, gui_context: GuiContext, french_after
) -> None:
    gui_context.settings = dataclasses.replace(gui_context.settings, kiosk=True, captcha=CaptchaMode.OFF)
    window = MainWindow(gui_context)
    qtbot.addWidget(window)
    window.show()
    switch_language("en")  # the candidate chose English on Accueil
    assert window.wizard.button(Button.NextButton).text() == "Apply"
    window.reset_for_next_candidate()  # the end of the session
    assert current_language() == "fr"
    assert window.wizard.button(Button.NextButton).text() == "Candidater"


def test_the_log_records_the_language_of_each_entry(qapp, window: MainWindow, french_after) -> None:
    log = AccessibilityLog()
    log.watch_announcer(window.context.announcer)
    window.context.announcer.announce(window, "Candidater")
    window.findChild(QAction, "languageAction").trigger()
    assert [(entry.text, entry.language) for entry in log.entries()] == [
        ("Candidater", "fr"),
        ("Interface in English.", "en"),
    ]
    assert log.entries()[-1].columns()[1:3] == ("announcement", "polite")


# --- the kiosk and the operator ------------------------------------------------------------------------

PIN = "73519246"


@pytest.fixture
def make_kiosk(
    qtbot, real_clock_service: AccountService, settings: Settings, monkeypatch
) -> Iterator[Callable[..., Kiosk]]:
    """A kiosk as the application builds one; ``second_ms``: its "second" (long enough by default
    that no countdown runs out while a test looks at it)."""
    made: list[Kiosk] = []

    def make(*, second_ms: int = 1000, **options: object) -> Kiosk:
        monkeypatch.setattr(idle, "SECOND_MS", second_ms)
        no_captcha = dataclasses.replace(settings, captcha=CaptchaMode.OFF)
        made.append(open_test_kiosk(qtbot, no_captcha, real_clock_service, **options))
        return made[-1]

    yield make
    for kiosk in made:
        kiosk.close()


def said_in_english(log: AnnouncementLog) -> list[str]:
    """What was announced while English was on (a switch to French says French, rightly)."""
    return [text for text, language in log.languages if language == "en"]


def french_said(log: AnnouncementLog) -> list[str]:
    return [f"announcement: {text!r} ({why})" for text in said_in_english(log) if (why := french_in(text))]


def test_the_kiosks_screens_are_english_in_every_state_and_follow_a_switch(
    qtbot, english, make_kiosk
) -> None:
    language_switch().default_language = "en"  # as with --lang en: each session starts in English
    # Long enough that nothing runs out while the test looks (a minute of warning, ten before the return).
    kiosk = make_kiosk(warning=59, return_after_activation=600)
    window = kiosk.window
    heard = AnnouncementLog(window.context.announcer)
    candidate = Candidate.at(window)
    candidate.go_to_credentials()
    page = candidate.credentials_page()
    page.email_edit.setText(EMAIL)

    # The idle warning, open and counting.
    kiosk.controller.guard.warn()
    warning = kiosk.controller.guard.dialog
    assert warning is not None
    qtbot.waitExposed(warning)
    assert warning.windowTitle() == "Are you still there?"
    assert warning.countdown_label.text() == "The session will end in 59 seconds."
    qtbot.waitUntil(lambda: warning.countdown_label.text() != "The session will end in 59 seconds.")
    assert french_shown(warning) == []
    assert warning.continue_button.accessibleDescription().startswith("The session will end in 59 seconds.")
    switch_language("fr")  # while it is open: every text of it, at once
    assert (warning.windowTitle(), warning.accessibleName()) == ("Êtes-vous toujours là ?",) * 2
    assert warning.countdown_label.text().startswith("La session se terminera dans ")
    assert warning.continue_button.text() == "Continuer"
    description = warning.continue_button.accessibleDescription()
    assert description.startswith("La session se terminera dans 59 secondes.")
    switch_language("en")
    assert french_shown(warning) == []
    qtbot.mouseClick(warning.continue_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: kiosk.controller.guard.dialog is None)
    assert page.email_edit.text() == EMAIL  # the page and what was typed, as they were

    # "Compte activé": the automatic return's countdown and "Finish".
    candidate.register(EMAIL, GOOD_PASSWORD)
    candidate.open_outbox()
    candidate.follow_link()
    candidate.wait_for_page(PageId.ACTIVATED)
    activated = candidate.page(PageId.ACTIVATED)
    home = window.wizard.button(Button.CustomButton1)
    assert activated.auto_return_label.text() == "Automatic return to the home page in 10 minutes."
    assert home.text() == "Finish"
    assert french_shown(window) == []
    switch_language("fr")
    assert home.text() == "Terminer"  # the kiosk's word survives the page's own retranslation
    assert activated.auto_return_label.text().startswith("Retour automatique à l'accueil dans ")
    assert activated.stay_button.text() == "Rester sur cette page"
    switch_language("en")
    assert home.text() == "Finish" and french_shown(window) == []

    # A new session: its notice on the home page.
    candidate.press(Button.CustomButton1, "Terminer")  # reads "Finish"
    candidate.wait_for_page(PageId.WELCOME)
    notice = candidate.page(PageId.WELCOME).child(QLabel, "sessionNoticeLabel")
    assert notice.isVisible()
    assert notice.text() == "New session: nothing of the previous person has been kept."
    assert heard.texts[-1] == "New session. Nothing of the previous person has been kept."
    assert french_shown(window) == []
    switch_language("fr")
    assert notice.text() == "Nouvelle session : rien de la personne précédente n'a été conservé."
    switch_language("en")
    assert french_said(heard) == []
    assert "The session continues." in heard.texts


@pytest.mark.parametrize(("default", "chosen"), [("fr", "en"), ("en", "fr")])
def test_the_end_of_a_kiosk_session_brings_back_the_kiosks_own_language(
    qtbot, make_kiosk, french_after, default: str, chosen: str
) -> None:
    switch_language(default)
    language_switch().default_language = default  # --lang
    kiosk = make_kiosk(second_ms=20, idle_timeout=20, warning=20)
    window = kiosk.window
    heard = AnnouncementLog(window.context.announcer)
    welcome = window.wizard.pages[PageId.WELCOME]
    welcome.child(QAbstractButton, "languageButton").click()  # the candidate's choice
    assert current_language() == chosen
    # Nobody answers the warning: the session ends.
    qtbot.waitUntil(lambda: kiosk.controller.guard.dialog is not None)
    qtbot.waitUntil(lambda: kiosk.controller.guard.dialog is None and welcome.session_notice.isVisible())
    assert current_language() == default
    next_words = {"fr": "Candidater", "en": "Apply"}
    assert window.wizard.button(Button.NextButton).text() == next_words[default]
    new_session = {
        "fr": "Nouvelle session. Rien de la personne précédente n'a été conservé.",
        "en": "New session. Nothing of the previous person has been kept.",
    }
    assert heard.texts[-1] == new_session[default]
    if default == "en":
        assert french_shown(window) == []


def test_the_operators_screens_are_english_and_follow_a_switch(
    qtbot, english, make_kiosk, real_clock_service: AccountService, tmp_path: Path
) -> None:
    kiosk = make_kiosk()
    window = kiosk.window
    heard = AnnouncementLog(window.context.announcer)
    access = window.findChild(OperatorAccess)
    assert access is not None
    access.operator.set_pin(PIN)
    for number in range(2):
        real_clock_service.register(registration(f"visitor{number}@example.fr"))

    # The PIN prompt, with a refusal.
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    QTest.keyClick(window.wizard, Qt.Key.Key_O, OPERATOR_MODIFIERS)
    qtbot.waitUntil(lambda: isinstance(access.dialog, PinPromptDialog) and access.dialog.isVisible())
    prompt = access.dialog
    assert isinstance(prompt, PinPromptDialog)
    QTest.keyClicks(prompt.pin_edit, "11111111")
    QTest.keyClick(prompt.pin_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not prompt.is_busy() and prompt.message.isVisible())
    assert prompt.windowTitle() == "Operator access"
    assert prompt.message.text() == "Wrong operator PIN."
    assert prompt.pin_edit.accessibleDescription() == "Wrong operator PIN. 6 to 12 digits."
    assert french_shown(prompt) == []
    switch_language("fr")
    assert prompt.windowTitle() == "Accès opérateur" and prompt.message.text() == "Code opérateur incorrect."
    assert prompt.pin_edit.accessibleDescription() == "Code opérateur incorrect. De 6 à 12 chiffres."
    switch_language("en")
    assert french_shown(prompt) == []

    # The console, with figures, the chart and the audit.
    QTest.keyClicks(prompt.pin_edit, PIN)
    QTest.keyClick(prompt.pin_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: isinstance(access.dialog, OperatorConsole) and access.dialog.isVisible())
    console = access.dialog
    assert isinstance(console, OperatorConsole)
    assert "2 accounts created, of which 2 awaiting activation and 0 activated." in console.today_label.text()
    assert console.chart.accessibleName() == "Accounts created per hour today"
    assert console.audit_model.rowCount() >= 2  # the refusal, the console opened
    assert french_shown(console) == []
    switch_language("fr")
    assert console.windowTitle() == "Console de l'opérateur"
    assert "2 comptes créés, dont 2 en attente d'activation et 0 activé." in console.today_label.text()
    assert console.chart.accessibleName() == "Comptes créés par heure aujourd'hui"
    header = console.audit_model.headerData(2, Qt.Orientation.Horizontal)
    actions = {console.audit_model.index(row, 1).data() for row in range(console.audit_model.rowCount())}
    assert header == "Nombre" and "Console ouverte" in actions
    switch_language("en")
    assert french_shown(console) == []

    # The export: the save dialog's name and filter, the outcome.
    asked: list[tuple[Path, str]] = []

    def save_as(kind: ExportFormat, default: Path) -> Path:
        asked.append((default, kind.value))
        return tmp_path / "export.csv"

    console.ask_export_path = save_as  # type: ignore[method-assign]
    console.export_csv_button.click()
    qtbot.waitUntil(lambda: console.export_message.isVisible() and not console.is_busy())
    assert asked[0][0].name.startswith("registrations-")
    assert console.export_message.text() == f"2 accounts exported to {tmp_path / 'export.csv'}."
    assert french_shown(console) == []
    switch_language("fr")
    assert console.export_message.text().startswith("2 comptes exportés dans ")
    switch_language("en")

    # The purge's confirmation: the word of the language shown.
    purge = PurgeDialog(2, console)
    purge.open()
    qtbot.waitExposed(purge)
    assert purge.warning_label.text().startswith("2 accounts and their simulated emails will be permanently")
    assert purge.instruction_label.text() == "To confirm, type ERASE in the field below."
    assert french_shown(purge) == []
    QTest.keyClicks(purge.confirmation_edit, "erase")
    assert purge.purge_button.isEnabled()
    switch_language("fr")
    assert not purge.purge_button.isEnabled()  # "EFFACER" now
    assert purge.instruction_label.text() == "Pour confirmer, écrivez EFFACER dans le champ ci-dessous."
    assert purge.confirmation_edit.accessibleDescription() == purge.instruction_label.text()
    switch_language("en")
    assert purge.purge_button.isEnabled() and french_shown(purge) == []
    purge.reject()

    # The new PIN dialog of a kiosk's first start, with a refusal.
    new_pin = NewPinDialog(
        access.operator,
        window.context.runner,
        window.context.announcer,
        window,
        cancel_text=translated(operator_texts.CONTEXT, operator_texts.QUIT_KIOSK_BUTTON),
    )
    new_pin.open()
    qtbot.waitExposed(new_pin)
    QTest.keyClicks(new_pin.new_pin_edit, "24681357")
    QTest.keyClicks(new_pin.confirm_pin_edit, "24681350")
    new_pin.save_button.click()
    assert new_pin.message.text() == "The two PINs entered are not the same."
    assert new_pin.cancel_button.text() == "Quit the kiosk"
    assert french_shown(new_pin) == []
    switch_language("fr")
    assert new_pin.cancel_button.text() == "Quitter la borne"
    assert new_pin.confirm_pin_edit.accessibleDescription().startswith("Les deux codes saisis ne sont pas")
    switch_language("en")
    assert french_shown(new_pin) == []
    new_pin.reject()
    console.reject()
    assert french_said(heard) == []
