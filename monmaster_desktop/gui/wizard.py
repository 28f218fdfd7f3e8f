"""The enrollment wizard: the seed's screens in order, their buttons, one call to start over.

Pages own their fields and branch in ``nextId()``; this class adds what no page can do alone: the
buttons each page shows, jumps such as "Vous avez déjà vos identifiants ? →", the announcement and
focus of each new page, and ``reset_for_next_candidate()`` for kiosks.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QTimer, Signal
from PySide6.QtWidgets import QWidget, QWizard

from monmaster_desktop import eligibility, texts
from monmaster_desktop.gui.context import GuiContext, PageId
from monmaster_desktop.gui.language import is_language_change, translated
from monmaster_desktop.gui.pages.activated_page import ActivatedPage
from monmaster_desktop.gui.pages.base import FormPage
from monmaster_desktop.gui.pages.candidater_page import CandidaterPage
from monmaster_desktop.gui.pages.credentials_page import CredentialsPage
from monmaster_desktop.gui.pages.eligibility_page import EligibilityPage
from monmaster_desktop.gui.pages.mail_sent_page import MailSentPage
from monmaster_desktop.gui.pages.sign_in_page import SignInPage
from monmaster_desktop.gui.pages.signed_in_page import SignedInPage
from monmaster_desktop.gui.pages.welcome_page import WelcomePage
from monmaster_desktop.i18n import message

Button = QWizard.WizardButton
HOME = Button.CustomButton1

# The buttons each page shows, left to right (Qt hides the others).
PAGE_BUTTONS: dict[PageId, list[Button]] = {
    PageId.WELCOME: [Button.Stretch, Button.NextButton],
    PageId.CANDIDATER: [Button.Stretch, Button.BackButton, Button.NextButton],
    PageId.ELIGIBILITY: [Button.Stretch, Button.BackButton, Button.NextButton],
    PageId.CREDENTIALS: [Button.Stretch, Button.BackButton, Button.CommitButton],
    PageId.MAIL_SENT: [HOME, Button.Stretch],
    PageId.ACTIVATED: [HOME, Button.Stretch, Button.NextButton],
    PageId.SIGN_IN: [HOME, Button.Stretch, Button.BackButton, Button.NextButton],
    PageId.SIGNED_IN: [Button.Stretch, Button.FinishButton],
}
# What a screen reader hears when a page opens, besides the heading (the core's catalog says them).
STEP_LABELS = {PageId.ELIGIBILITY: eligibility.STEP_LABEL, PageId.CREDENTIALS: texts.STEP_2_LABEL}
# The buttons' words: set explicitly, or QWizard would say "Next >" whatever the language.
BUTTON_TEXTS: dict[Button, str] = {
    Button.BackButton: QT_TRANSLATE_NOOP("EnrollmentWizard", "Précédent"),
    Button.NextButton: QT_TRANSLATE_NOOP("EnrollmentWizard", "Suivant"),
    Button.CommitButton: QT_TRANSLATE_NOOP("EnrollmentWizard", "Continuer"),
    Button.FinishButton: QT_TRANSLATE_NOOP("EnrollmentWizard", "Terminer"),
    Button.CancelButton: QT_TRANSLATE_NOOP("EnrollmentWizard", "Annuler"),
    HOME: QT_TRANSLATE_NOOP("EnrollmentWizard", "Retour à l'accueil"),
}


class EnrollmentWizard(QWizard):
    # "Retour à l'accueil" or "Se déconnecter": the main window clears everything (outbox and
    # dialogs included) and calls reset_for_next_candidate().
    start_over_requested = Signal()
    # What the pages ask of the main window (see FormPage), passed on unchanged.
    document_requested = Signal(str)
    outbox_requested = Signal(object)
    mail_sent = Signal(int)

    def __init__(self, context: GuiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._jump_target: PageId | None = None
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage)
        self.setOption(QWizard.WizardOption.HaveCustomButton1)
        self._name_buttons()
        for which in (Button.BackButton, HOME):
            self.button(which).setProperty("variant", "secondary")
        self.customButtonClicked.connect(self._custom_button_clicked)

        self.pages: dict[PageId, FormPage] = {
            PageId.WELCOME: WelcomePage(context),
            PageId.CANDIDATER: CandidaterPage(context),
            PageId.ELIGIBILITY: EligibilityPage(context),
            PageId.CREDENTIALS: CredentialsPage(context),
            PageId.MAIL_SENT: MailSentPage(context),
            PageId.ACTIVATED: ActivatedPage(context),
            PageId.SIGN_IN: SignInPage(context),
            PageId.SIGNED_IN: SignedInPage(context),
        }
        for page_id, page in self.pages.items():
            self.setPage(page_id, page)
            page.sign_in_requested.connect(lambda: self.go_to(PageId.SIGN_IN))
            page.document_requested.connect(self.document_requested)
            page.outbox_requested.connect(self.outbox_requested)
            page.mail_sent.connect(self.mail_sent)
        self.setStartId(PageId.WELCOME)
        self.currentIdChanged.connect(self._page_changed)
        self._fit_buttons_to_text()

    def page_of(self, kind: type[FormPage]) -> FormPage:
        return next(page for page in self.pages.values() if isinstance(page, kind))

    @property
    def current_page_id(self) -> PageId | None:
        current = self.currentId()
        return PageId(current) if current != -1 else None

    # --- navigation ---------------------------------------------------------------------------------

    def go_to(self, page_id: PageId) -> None:
        """Move forward to any page (a link, an activation from the outbox), keeping the history for Back."""
        if self.currentId() == page_id:
            self.currentPage().initializePage()
            self._page_changed(page_id)
            return
        self._jump_target = page_id
        try:
            self.next()
        finally:
            self._jump_target = None

    def nextId(self) -> int:
        if self._jump_target is not None:
            return self._jump_target
        return super().nextId()

    def validateCurrentPage(self) -> bool:
        # A jump is not the page's own "next": its checks (and a registration) must not run.
        return True if self._jump_target is not None else super().validateCurrentPage()

    def _custom_button_clicked(self, which: int | Button) -> None:
        # The signal carries a plain int in PySide6, which never equals the enum member.
        if Button(which) is HOME:
            self.start_over_requested.emit()

    def _page_changed(self, page_id: int) -> None:
        if page_id == -1:
            return
        page_id = PageId(page_id)
        self.setButtonLayout(PAGE_BUTTONS[page_id])
        page = self.pages[page_id]
        heading = page.heading()
        heading_text = heading.text() if heading is not None else ""
        step = STEP_LABELS.get(page_id)
        # A step's page says which step it is; any other page, its heading alone.
        announcement = (
            message(texts.STEP_PAGE_ANNOUNCEMENT, step=message(step), heading=heading_text)
            if step
            else heading_text
        )
        # After Qt has finished showing the page: focus its heading, then tell the screen reader.
        QTimer.singleShot(0, page, page.focus_first)
        self.context.announcer.announce(heading or page, announcement)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            # After the buttons themselves have taken the new font (their events come later).
            QTimer.singleShot(0, self, self._fit_buttons_to_text)
        elif is_language_change(event):
            self._name_buttons()
            # The pages retranslate as the event reaches them (after this); the buttons a page names
            # itself follow then. New words need new heights at large text sizes.
            QTimer.singleShot(0, self, self._fit_buttons_to_text)

    def _name_buttons(self) -> None:
        for which, text in BUTTON_TEXTS.items():
            self.setButtonText(which, translated("EnrollmentWizard", text))

    def _fit_buttons_to_text(self) -> None:
        # QWizard's button row keeps the height it had at the first font; at 200 % text the labels
        # would be cut. Every button is at least as tall as its text needs.
        for which in (*PAGE_BUTTONS[PageId.CREDENTIALS], HOME, Button.FinishButton, Button.NextButton):
            if which is not Button.Stretch:
                button = self.button(which)
                button.setMinimumHeight(button.sizeHint().height())

    # --- ending ---------------------------------------------------------------------------------------

    def done(self, result: int) -> None:
        # "Se déconnecter" (Finish) ends the candidate's session; the embedded wizard never closes.
        self.context.announcer.announce(self, message(texts.SIGNED_OUT))
        self.start_over_requested.emit()

    def reject(self) -> None:
        # Escape must not hide the wizard embedded in the main window.
        pass

    def reset_for_next_candidate(self) -> None:
        """Back to the empty first page: every field, answer, message and captcha cleared."""
        for page in self.pages.values():
            page.clear()
        self.context.reset_session()
        self.restart()
        self.setButtonLayout(PAGE_BUTTONS[PageId.WELCOME])
