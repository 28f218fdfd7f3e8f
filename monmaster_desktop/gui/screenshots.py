"""``monmaster-desktop --screenshots DIR``: every page in its typical states, as PNG files.

A reviewer sees the whole product without clicking. The states are reached the way a candidate
reaches them (clicks and key presses on the real widgets, the real service on a throw-away data
dir), once at 100 % and once at 200 % text. Runs offscreen; never touches the user's data.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QCheckBox, QLineEdit, QWidget, QWizard

from monmaster_desktop.accounts.service import open_account_service
from monmaster_desktop.accounts.store import utc_now
from monmaster_desktop.eligibility import QUESTION_KEYS, Answer
from monmaster_desktop.gui.accessibility import Announcer
from monmaster_desktop.gui.context import GuiContext, PageId
from monmaster_desktop.gui.main_window import MainWindow
from monmaster_desktop.gui.style import DEFAULT_THEME, apply_style
from monmaster_desktop.gui.worker import TaskRunner
from monmaster_desktop.settings import CaptchaMode, HashingParameters, Settings

WINDOW_SIZE = (1366, 768)
SCALES = (1.0, 2.0)
EMAIL = "camille.martin@example.fr"
PASSWORD = "Rh%8vQz!mLw2"
Button = QWizard.WizardButton


class _Clock:
    """The screenshots' own clock, moved forward to show an expired link."""

    def __init__(self) -> None:
        self.offset = timedelta()

    def __call__(self) -> datetime:
        return utc_now() + self.offset


class _Tour:
    def __init__(self, directory: Path, scale: float, data_dir: Path, hashing: HashingParameters) -> None:
        self.directory = directory
        self.scale = scale
        self.clock = _Clock()
        settings = Settings(data_dir=data_dir, captcha=CaptchaMode.IMAGE, hashing=hashing)
        service = open_account_service(settings, self.clock)
        self.context = GuiContext(
            settings=settings, service=service, runner=TaskRunner(), announcer=Announcer(), clock=self.clock
        )
        self.window = MainWindow(self.context)
        self.window.resize(*WINDOW_SIZE)
        self.window.show()
        QTest.qWait(50)
        self.written: list[Path] = []

    # --- driving the real widgets ---------------------------------------------------------------------

    def page(self, page_id: PageId):
        return self.window.wizard.pages[page_id]

    def click(self, button: QAbstractButton) -> None:
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)
        QTest.qWait(20)

    def wizard_button(self, which: Button) -> QAbstractButton:
        return self.window.wizard.button(which)

    def type(self, page_id: PageId, name: str, text: str) -> None:
        edit = self.page(page_id).child(QLineEdit, name)
        edit.setFocus()
        edit.setText("")
        QTest.keyClicks(edit, text)

    def settle(self, condition: Callable[[], bool] = lambda: True, timeout_ms: int = 15000) -> None:
        waited = 0
        while (self.context.runner.busy or not condition()) and waited < timeout_ms:
            QTest.qWait(25)
            waited += 25
        QTest.qWait(900)  # debounced checklist, strength line and announcements

    def shot(self, name: str, widget: QWidget | None = None) -> None:
        target = widget or self.window
        path = self.directory / f"{name}-{round(self.scale * 100)}.png"
        target.grab().save(str(path))
        self.written.append(path)

    # --- the tour -------------------------------------------------------------------------------------

    def run(self) -> list[Path]:
        self.shot("01-accueil")
        self.click(self.wizard_button(Button.NextButton))
        self.shot("02-candidater")
        self.click(self.wizard_button(Button.NextButton))
        self.shot("03-etape1-vide")
        eligibility_page = self.page(PageId.ELIGIBILITY)
        for key in QUESTION_KEYS[:-1]:
            self.click(eligibility_page.radio(key, Answer.OUI))
        self.click(eligibility_page.radio(QUESTION_KEYS[-1], Answer.NON))
        self.settle()
        self.shot("04-etape1-non-eligible")
        self.click(eligibility_page.radio(QUESTION_KEYS[-1], Answer.OUI))
        self.settle()
        eligibility_page.scroll_area.ensureWidgetVisible(eligibility_page.child(QWidget, "eligiblePanel"))
        self.shot("05-etape1-eligible")
        self.click(self.wizard_button(Button.NextButton))

        credentials = self.page(PageId.CREDENTIALS)
        self.shot("06-etape2-vide")
        self.type(PageId.CREDENTIALS, "emailEdit", "camille@icloud.com")
        self.type(PageId.CREDENTIALS, "passwordEdit", "motdep1")
        self.settle()
        credentials.scroll_area.ensureWidgetVisible(credentials.checklist)
        self.shot("07-etape2-checklist-a-moitie")
        self.type(PageId.CREDENTIALS, "emailEdit", "camille.martin@example")
        self.type(PageId.CREDENTIALS, "confirmationEdit", "motdep")
        if credentials.captcha_widget is not None:
            self.type(PageId.CREDENTIALS, "captchaAnswerEdit", credentials.captcha_widget.captcha.code)
        self.click(self.wizard_button(Button.CommitButton))
        self.settle()
        self.shot("08-etape2-erreurs")

        self.type(PageId.CREDENTIALS, "emailEdit", EMAIL)
        self.type(PageId.CREDENTIALS, "passwordEdit", PASSWORD)
        self.type(PageId.CREDENTIALS, "confirmationEdit", PASSWORD)
        consent = credentials.child(QCheckBox, "consentCheckBox")
        if not consent.isChecked():
            self.click(consent)
        self.click(self.wizard_button(Button.CommitButton))
        self.settle(lambda: self.window.wizard.current_page_id is PageId.MAIL_SENT)
        self.shot("09-courriel-envoye")

        self.click(self.page(PageId.MAIL_SENT).open_outbox_button)
        outbox = self.window.outbox_window()
        outbox.resize(*WINDOW_SIZE)
        self.settle()
        self.shot("10-boite-de-reception", outbox)

        self.clock.offset = timedelta(hours=73)
        self.click(outbox.link_buttons()[0])
        self.settle()
        self.shot("11-lien-expire", outbox)
        self.clock.offset = timedelta()
        self.click(self.page(PageId.MAIL_SENT).resend_button)
        self.window.open_outbox(None)
        self.settle()
        self.click(outbox.link_buttons()[0])
        self.settle(lambda: self.window.wizard.current_page_id is PageId.ACTIVATED)
        self.shot("12-compte-active")

        self.click(self.wizard_button(Button.NextButton))
        self.type(PageId.SIGN_IN, "passwordEdit", "Mauvais%pass1")
        self.click(self.wizard_button(Button.NextButton))
        self.settle()
        self.shot("13-connexion-refusee")
        self.type(PageId.SIGN_IN, "passwordEdit", PASSWORD)
        self.click(self.wizard_button(Button.NextButton))
        self.settle(lambda: self.window.wizard.current_page_id is PageId.SIGNED_IN)
        self.shot("14-connecte")

        outbox.close()
        self.window.close()
        self.context.service.close()
        return self.written


def take_screenshots(
    directory: Path, scales: tuple[float, ...] = SCALES, hashing: HashingParameters | None = None
) -> list[Path]:
    """Render the tour at each text scale into ``directory``; returns the files written.

    ``hashing`` defaults to the production parameters; the tests pass fast ones.
    """
    directory.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance()
    assert isinstance(app, QApplication), "create_application() first"
    written: list[Path] = []
    for scale in scales:
        apply_style(app, DEFAULT_THEME, scale)
        with tempfile.TemporaryDirectory(prefix="monmaster-screenshots-") as data_dir:
            written += _Tour(directory, scale, Path(data_dir), hashing or HashingParameters()).run()
    apply_style(app, DEFAULT_THEME, 1.0)
    return written
