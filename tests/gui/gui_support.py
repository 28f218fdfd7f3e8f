"""Helpers shared by the GUI tests (their fixtures live in conftest.py)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QCheckBox, QLineEdit, QPushButton, QWizard, QWizardPage
from support import GOOD_PASSWORD

from monmaster_desktop.eligibility import QUESTION_KEYS, Answer
from monmaster_desktop.gui.accessibility.announcer import Announcer
from monmaster_desktop.gui.context import PageId
from monmaster_desktop.gui.main_window import MainWindow
from monmaster_desktop.gui.widgets.field_message import FieldMessage

Button = QWizard.WizardButton
EMAIL = "camille.martin@example.fr"


class AnnouncementLog:
    """Every announcement sent through the context's Announcer: (text, assertive)."""

    def __init__(self, announcer: Announcer) -> None:
        self.entries: list[tuple[str, bool]] = []
        announcer.announced.connect(lambda text, assertive: self.entries.append((text, assertive)))

    @property
    def texts(self) -> list[str]:
        return [text for text, _ in self.entries]


# Wizards made by show_in_wizard, released after each test (see conftest.py).
shown_wizards: list[QWizard] = []


def show_in_wizard(qtbot, page: QWizardPage) -> QWizard:
    """Put one page in a bare wizard (as its only page) and show it: for page-level tests.

    The wizard is kept alive until the end of the test, so a caller that only keeps the page does not
    lose it to the garbage collector.
    """
    wizard = QWizard()
    shown_wizards.append(wizard)
    wizard.setPage(0, page)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    return wizard


# --- driving the main window the way a candidate does: clicks and key presses ------------------------


def click(qtbot, widget: QAbstractButton) -> None:
    assert widget.isVisible() and widget.isEnabled(), f"{widget.text()!r} cannot be clicked"
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def wizard_button(window: MainWindow, which: Button) -> QAbstractButton:
    return window.wizard.button(which)


def page_widget(window: MainWindow, page: PageId, kind: type, name: str):
    return window.wizard.pages[page].child(kind, name)


def current(window: MainWindow) -> PageId | None:
    return window.wizard.current_page_id


def go_to_eligibility(qtbot, window: MainWindow) -> None:
    assert wizard_button(window, Button.NextButton).text() == "Candidater"
    click(qtbot, wizard_button(window, Button.NextButton))
    assert current(window) is PageId.CANDIDATER
    assert wizard_button(window, Button.NextButton).text() == "Créer un compte"
    click(qtbot, wizard_button(window, Button.NextButton))
    assert current(window) is PageId.ELIGIBILITY


def answer_all(qtbot, window: MainWindow, answers: dict[str, Answer] | None = None) -> None:
    page = window.wizard.pages[PageId.ELIGIBILITY]
    for key in QUESTION_KEYS:
        click(qtbot, page.radio(key, (answers or {}).get(key, Answer.OUI)))


def go_to_credentials(qtbot, window: MainWindow) -> None:
    go_to_eligibility(qtbot, window)
    answer_all(qtbot, window)
    create = wizard_button(window, Button.NextButton)
    assert create.text() == "Créer mon compte"
    click(qtbot, create)
    assert current(window) is PageId.CREDENTIALS


def type_into(qtbot, window: MainWindow, name: str, text: str) -> None:
    edit = page_widget(window, PageId.CREDENTIALS, QLineEdit, name)
    edit.setFocus()
    qtbot.keyClicks(edit, text)


def fill_credentials(
    qtbot,
    window: MainWindow,
    email: str = EMAIL,
    password: str = GOOD_PASSWORD,
    confirmation: str | None = None,
    consent: bool = True,
) -> None:
    type_into(qtbot, window, "emailEdit", email)
    type_into(qtbot, window, "passwordEdit", password)
    type_into(qtbot, window, "confirmationEdit", password if confirmation is None else confirmation)
    if consent:
        click(qtbot, page_widget(window, PageId.CREDENTIALS, QCheckBox, "consentCheckBox"))


def submit_credentials(qtbot, window: MainWindow) -> None:
    commit = wizard_button(window, Button.CommitButton)
    assert commit.text() == "Continuer"
    click(qtbot, commit)
    qtbot.waitUntil(lambda: not window.context.runner.busy and commit.isEnabled(), timeout=10000)


def register_through_the_wizard(qtbot, window: MainWindow, email: str = EMAIL) -> None:
    go_to_credentials(qtbot, window)
    fill_credentials(qtbot, window, email=email)
    submit_credentials(qtbot, window)
    qtbot.waitUntil(lambda: current(window) is PageId.MAIL_SENT, timeout=10000)


def open_outbox_and_follow(qtbot, window: MainWindow, link_text: str = "Activer mon compte") -> None:
    click(qtbot, page_widget(window, PageId.MAIL_SENT, QPushButton, "openOutboxButton"))
    outbox = window.outbox_window()
    qtbot.waitUntil(outbox.isVisible)
    (button,) = [button for button in outbox.link_buttons() if button.text() == link_text]
    click(qtbot, button)


def message_text(window: MainWindow, page: PageId, name: str) -> str:
    message = page_widget(window, page, FieldMessage, name)
    return message.text() if message.isVisible() else ""
