"""The English interface: the switch on Accueil, every state of every page, the journey, and going back.

With English on, no visible text, accessible name, description, menu or announcement stays French
(``tests/language_support.py`` says what French looks like), on every page in each of its states (the
testers' scenarios reach them all), in the outbox, the dialogs and the testers' tools. Switching keeps
what was typed and the page; switching back gives the French of before, word for word.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

import pytest
from gui_support import EMAIL, main_window_shown
from language_support import french_in
from PySide6.QtCore import QLocale, Qt, QTimer
from PySide6.QtGui import QAccessible, QAction
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
from support import GOOD_PASSWORD

from monmaster_desktop import i18n
from monmaster_desktop.eligibility import QUESTION_KEYS, Answer
from monmaster_desktop.gui.accessibility.recorder import AccessibilityLog
from monmaster_desktop.gui.context import GuiContext, PageId
from monmaster_desktop.gui.documents import DOCUMENT_TITLES, show_document
from monmaster_desktop.gui.language import current_language, language_switch, switch_language
from monmaster_desktop.gui.main_window import MainWindow
from monmaster_desktop.gui.testers.journey import Candidate
from monmaster_desktop.gui.testers.log_window import AccessibilityLogWindow
from monmaster_desktop.gui.testers.menu import install_accessibility_menu
from monmaster_desktop.gui.testers.scenarios import SCENARIOS, ScenarioRun
from monmaster_desktop.settings import CaptchaMode, HashingParameters

Button = QWizard.WizardButton


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
