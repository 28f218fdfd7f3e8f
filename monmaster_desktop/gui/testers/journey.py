"""The one driver of the journey: a candidate's clicks and key presses on the real widgets.

``Candidate`` drives an enrollment wizard (and the outbox window beside it) the way a person does: mouse
clicks and key presses sent as Qt's own input events (QtTest, the events a real mouse and keyboard
make), and waits for what a person would wait for (a page, the end of the hashing, the pause after
typing). It serves the self-test of every build (``selftest.py``), the testers' scenarios ("Aller à"
and the screenshots, ``scenarios.py``) and the GUI tests; nothing else drives the journey.

Each step checks what the seed says the candidate sees (the button reads "Créer mon compte", or
"Create my account" while the interface is in English: ``JOURNEY_WORDS``, written here independently
of the catalogs) and raises ``JourneyError`` naming the step when it is not so. It reads widgets only
to find them and to check them; it never reads a password back from a field, and types only the text
it is given.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QLineEdit, QWidget, QWizard

from monmaster_desktop.eligibility import QUESTION_KEYS, Answer
from monmaster_desktop.gui.context import PageId
from monmaster_desktop.gui.language import current_language
from monmaster_desktop.gui.pages.base import FormPage
from monmaster_desktop.gui.pages.credentials_page import CredentialsPage
from monmaster_desktop.gui.pages.eligibility_page import EligibilityPage
from monmaster_desktop.gui.widgets.field_message import FieldMessage
from monmaster_desktop.gui.wizard import EnrollmentWizard
from monmaster_desktop.gui.worker import TaskRunner
from monmaster_desktop.settings import CaptchaMode
from monmaster_desktop.texts import ACTIVATION_LINK_TEXT

if TYPE_CHECKING:
    from monmaster_desktop.gui.main_window import MainWindow
    from monmaster_desktop.gui.outbox.window import OutboxWindow

Button = QWizard.WizardButton

# How long one step may take: a page change, a registration hashed with the production parameters on a
# slow kiosk (well under a second), an announcement after its pause.
STEP_TIMEOUT_MS = 20000
# Between two looks at what is awaited.
POLL_MS = 10

# The words the candidate reads on the journey's buttons and link, by language: the seed's in French.
# Steps name them in French; the candidate checks the current language's (a check of the catalogs too).
JOURNEY_WORDS: dict[str, dict[str, str]] = {
    "en": {
        "Candidater": "Apply",
        "Créer un compte": "Create an account",
        "Créer mon compte": "Create my account",
        "Continuer": "Continue",
        "Se connecter": "Sign in",
        "Activer mon compte": "Activate my account",
        "Se déconnecter": "Sign out",
        "Terminer": "Finish",  # a kiosk's "Retour à l'accueil" on "Compte activé"
    },
}


class JourneyError(RuntimeError):
    """A step of the journey could not be done; the message says which step and what was expected."""


class Candidate:
    """A candidate at one wizard: looks at it, acts on it, waits for it.

    ``outbox`` gives the simulated outbox window (the main window's), for the steps that read a mail.
    ``step`` names what the candidate is doing; errors start with it.
    """

    def __init__(
        self,
        wizard: QWizard,
        runner: TaskRunner,
        outbox: Callable[[], OutboxWindow] | None = None,
        *,
        timeout_ms: int = STEP_TIMEOUT_MS,
    ) -> None:
        self.wizard = wizard
        self.runner = runner
        self._outbox = outbox
        self.timeout_ms = timeout_ms
        self.step = "start"

    @classmethod
    def at(cls, window: MainWindow, *, timeout_ms: int = STEP_TIMEOUT_MS) -> Candidate:
        """The candidate in front of a main window: its wizard, its worker and its outbox."""
        return cls(window.wizard, window.context.runner, window.outbox_window, timeout_ms=timeout_ms)

    # --- looking ------------------------------------------------------------------------------------------

    def page(self, page_id: PageId) -> FormPage:
        # The application's wizard builds a page the candidate's next step needs if it has not yet.
        wizard = self.wizard
        page = wizard.pages[page_id] if isinstance(wizard, EnrollmentWizard) else wizard.page(page_id)
        if page is None:
            raise JourneyError(f"{self.step}: the wizard has no page {page_id.name}")
        return cast(FormPage, page)

    def current_page(self) -> PageId | None:
        current = self.wizard.currentId()
        return PageId(current) if current != -1 else None

    def eligibility_page(self) -> EligibilityPage:
        return cast(EligibilityPage, self.page(PageId.ELIGIBILITY))

    def credentials_page(self) -> CredentialsPage:
        return cast(CredentialsPage, self.page(PageId.CREDENTIALS))

    def button(self, which: Button) -> QAbstractButton:
        return self.wizard.button(which)

    def field(self, page_id: PageId, name: str) -> QLineEdit:
        return self.page(page_id).child(QLineEdit, name)

    def message(self, page_id: PageId, name: str) -> str:
        """The words of a message under a field, or "" while it is hidden."""
        message = self.page(page_id).child(FieldMessage, name)
        return message.text() if message.isVisible() else ""

    def outbox(self) -> OutboxWindow:
        if self._outbox is None:
            raise JourneyError(f"{self.step}: this wizard has no outbox window")
        return self._outbox()

    # --- acting -------------------------------------------------------------------------------------------

    def click(self, widget: QWidget) -> None:
        """A left click in the middle of ``widget``; it must be visible and enabled, as for a person."""
        if not (widget.isVisible() and widget.isEnabled()):
            what = widget.text() if isinstance(widget, QAbstractButton) else widget.objectName()
            raise JourneyError(f"{self.step}: « {what} » cannot be clicked now")
        QTest.mouseClick(widget, Qt.MouseButton.LeftButton)

    @staticmethod
    def words(text: str) -> str:
        """The seed's word ``text`` as the candidate reads it in the interface's current language."""
        return JOURNEY_WORDS.get(current_language(), {}).get(text, text)

    def press(self, which: Button, text: str) -> None:
        """Click a button of the wizard after checking it reads ``text`` (the seed's word, in French)."""
        button = self.button(which)
        text = self.words(text)
        if button.text() != text:
            raise JourneyError(f"{self.step}: the button reads « {button.text()} », not « {text} »")
        self.click(button)

    def key(
        self, widget: QWidget, key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
    ) -> None:
        QTest.keyClick(widget, key, modifiers)

    def type_into(self, edit: QLineEdit, text: str) -> None:
        """Focus the field and type ``text`` at the caret, key by key."""
        edit.setFocus(Qt.FocusReason.OtherFocusReason)
        QTest.keyClicks(edit, text)

    def replace_text(self, edit: QLineEdit, text: str) -> None:
        """Focus the field, select everything, erase it, then type ``text`` key by key."""
        edit.setFocus(Qt.FocusReason.OtherFocusReason)
        QTest.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        QTest.keyClick(edit, Qt.Key.Key_Backspace)
        QTest.keyClicks(edit, text)

    # --- waiting ------------------------------------------------------------------------------------------

    def wait_until(self, condition: Callable[[], bool], what: str, timeout_ms: int | None = None) -> None:
        """Let the application run until ``condition`` holds; JourneyError after the timeout."""
        deadline = time.monotonic() + (timeout_ms if timeout_ms is not None else self.timeout_ms) / 1000
        while not condition():
            if time.monotonic() > deadline:
                raise JourneyError(f"{self.step}: timed out waiting for {what}")
            QTest.qWait(POLL_MS)

    def refresh(self) -> None:
        """Let the application handle what it has already queued (a layout, a scroll into view)."""
        QTest.qWait(POLL_MS)

    def wait_for_page(self, page_id: PageId, timeout_ms: int | None = None) -> None:
        """Until the wizard shows ``page_id`` and has done what a page does once shown (focus, new mail)."""
        self.wait_until(lambda: self.current_page() is page_id, f"the page {page_id.name}", timeout_ms)
        self.refresh()

    def wait_until_idle(self, timeout_ms: int | None = None) -> None:
        """Until the slow work (hashing, verifying) is done and its result shown."""
        # The worker calls the page back before it stops counting the work as running.
        self.wait_until(lambda: not self.runner.busy, "the end of the background work", timeout_ms)

    def settle(self) -> None:
        """Until the screen is complete: slow work done, and what waits for a pause in typing shown."""
        self.wait_until_idle()
        pages = [self.page(PageId(page_id)) for page_id in self.wizard.pageIds()]
        self.wait_until(lambda: not any(page.settling() for page in pages), "the pause after typing")
        self.refresh()  # what those updates scheduled for "right after" (scrolling into view)

    # --- the journey, in the seed's words -----------------------------------------------------------------

    def go_to_eligibility(self) -> None:
        """From "Accueil": "Candidater", then "Créer un compte"."""
        self.press(Button.NextButton, "Candidater")
        self.wait_for_page(PageId.CANDIDATER)
        self.press(Button.NextButton, "Créer un compte")
        self.wait_for_page(PageId.ELIGIBILITY)

    def answer(self, answers: Mapping[str, Answer] | None = None) -> None:
        """Click Oui (or the answer given) for each question of step 1, in order."""
        page = self.eligibility_page()
        for key in QUESTION_KEYS:
            self.click(page.radio(key, (answers or {}).get(key, Answer.OUI)))

    def go_to_credentials(self) -> None:
        """From "Accueil" to step 2: Oui to the four questions, then "Créer mon compte"."""
        self.go_to_eligibility()
        self.answer()
        self.press(Button.NextButton, "Créer mon compte")
        self.wait_for_page(PageId.CREDENTIALS)

    def fill_credentials(
        self,
        email: str,
        password: str,
        confirmation: str | None = None,
        *,
        consent: bool = True,
        solve_captcha: bool = True,
    ) -> None:
        """Type the address, the password and its confirmation; answer the captcha; tick the consent."""
        self.replace_text(self.field(PageId.CREDENTIALS, "emailEdit"), email)
        self.replace_text(self.field(PageId.CREDENTIALS, "passwordEdit"), password)
        self.replace_text(
            self.field(PageId.CREDENTIALS, "confirmationEdit"),
            password if confirmation is None else confirmation,
        )
        if solve_captcha:
            self.solve_captcha()
        box = self.credentials_page().consent_checkbox
        if consent and not box.isChecked():
            self.click(box)

    def solve_captcha(self) -> None:
        """Type the captcha's answer, as a sighted candidate reads it (the code, or the question's number)."""
        captcha = self.credentials_page().captcha_widget
        if captcha is None or captcha.captcha.solved:
            return
        challenge = captcha.captcha
        answer = challenge.code if captcha.mode() is CaptchaMode.IMAGE else challenge.question_answer
        self.replace_text(captcha.answer_edit(), answer)

    def submit_credentials(self) -> None:
        """ "Continuer", then wait for the account to be created or refused."""
        self.press(Button.CommitButton, "Continuer")
        self.wait_until_idle()

    def register(self, email: str, password: str) -> None:
        """Step 2 filled in and sent, until "Activez votre compte"."""
        self.fill_credentials(email, password)
        self.submit_credentials()
        self.wait_for_page(PageId.MAIL_SENT)

    def open_outbox(self) -> OutboxWindow:
        """ "Ouvrir la boîte de réception" on "Activez votre compte"."""
        self.click(self.page(PageId.MAIL_SENT).child(QAbstractButton, "openOutboxButton"))
        outbox = self.outbox()
        self.wait_until(outbox.isVisible, "the outbox window")
        return outbox

    def follow_link(self, text: str = ACTIVATION_LINK_TEXT) -> None:
        """Click the link named ``text`` (in French; the mail is in the language it was sent in)."""
        text = self.words(text)
        outbox = self.outbox()
        self.wait_until(lambda: bool(outbox.link_buttons()), "a link in the mail")
        links = [button for button in outbox.link_buttons() if button.text() == text]
        if not links:
            raise JourneyError(f"{self.step}: no « {text} » link in the mail")
        self.click(links[0])

    def sign_in(self, email: str, password: str) -> None:
        """On "Se connecter": the address (if not already there), the password, "Se connecter"."""
        email_edit = self.field(PageId.SIGN_IN, "emailEdit")
        if email_edit.text() != email:
            self.replace_text(email_edit, email)
        self.replace_text(self.field(PageId.SIGN_IN, "passwordEdit"), password)
        self.press(Button.NextButton, "Se connecter")
        self.wait_until_idle()
