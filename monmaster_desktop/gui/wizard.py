"""The enrollment wizard: the seed's screens in order, their buttons, one call to start over.

Pages own their fields and branch in ``nextId()``; this class adds what no page can do alone: the
buttons each page shows, jumps such as "Vous avez déjà vos identifiants ? →", the announcement and
focus of each new page, and ``reset_for_next_candidate()`` for kiosks.

Only Accueil is built before the window's first paint; the other pages (and their modules) are built
one at a time once it is painted, or at once when something needs one earlier (``pages[...]``, the
wizard moving to it): docs/performance.md, "First paint". A page built later is built in the current
language, theme and text size, with its accessible names, like one built at start.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Mapping

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget, QWizard

from monmaster_desktop import eligibility, texts
from monmaster_desktop.gui.context import GuiContext, PageId
from monmaster_desktop.gui.first_paint import after_first_paint
from monmaster_desktop.gui.language import is_language_change, translated
from monmaster_desktop.gui.pages.base import FormPage
from monmaster_desktop.gui.soon import call_soon
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



# Each page's module (under gui/pages/) and class: imported when the page is first built, so none is
# needed before the first paint but Accueil's.
PAGE_CLASSES: dict[PageId, tuple[str, str]] = {
    PageId.WELCOME: ("welcome_page", "WelcomePage"),
    PageId.CANDIDATER: ("candidater_page", "CandidaterPage"),
    PageId.ELIGIBILITY: ("eligibility_page", "EligibilityPage"),
    PageId.CREDENTIALS: ("credentials_page", "CredentialsPage"),
    PageId.MAIL_SENT: ("mail_sent_page", "MailSentPage"),
    PageId.ACTIVATED: ("activated_page", "ActivatedPage"),
    PageId.SIGN_IN: ("sign_in_page", "SignInPage"),
    PageId.SIGNED_IN: ("signed_in_page", "SignedInPage"),
}


def page_class(page_id: PageId) -> type[FormPage]:
    """The class of a page, its module imported on first use."""
    module, name = PAGE_CLASSES[page_id]
    kind: type[FormPage] = getattr(importlib.import_module(f"monmaster_desktop.gui.pages.{module}"), name)
    return kind


class WizardPages(Mapping[PageId, FormPage]):
    """The wizard's pages by id: every id is there; a page not built yet is built when asked for.

    A page is built in four steps — its modules imported, the page made (without a parent), the page
    placed in the wizard's page frame (where the style sheet first polishes its widgets), the page
    added to the wizard — at once when it is asked for, or one step per call of ``build_step`` (the
    wizard's building after the first paint). Each reparenting of a page re-polishes its whole tree:
    a page is reparented once, into the frame QWizard would move it to (docs/performance.md, "Pages
    built after the first paint").
    """

    def __init__(self, wizard: EnrollmentWizard) -> None:
        self._wizard = wizard
        self._imported: set[PageId] = set()
        self._made: dict[PageId, FormPage] = {}  # made, without a parent yet
        self._placed: dict[PageId, FormPage] = {}  # in the page frame, not added to the wizard yet
        self._built: dict[PageId, FormPage] = {}
        self._frame: QWidget | None = None
        # A page made but not placed has no parent yet: it goes with the wizard, not whenever Python
        # collects this mapping.
        wizard.destroyed.connect(self._discard_unplaced)

    def __getitem__(self, page_id: PageId) -> FormPage:
        return self.build(page_id)

    def build(self, page_id: PageId) -> FormPage:
        """The page, built now if it was not yet."""
        page_id = PageId(page_id)
        while page_id not in self._built:
            self.build_step(page_id)
        return self._built[page_id]

    def build_step(self, page_id: PageId) -> None:
        """The next step of building a page (nothing once it is built)."""
        if page_id in self._built:
            return
        if page_id not in self._imported:
            page_class(page_id).import_modules(self._wizard.context)
            self._imported.add(page_id)
        elif page_id in self._placed:
            page = self._built[page_id] = self._placed.pop(page_id)
            # QWizard reparents the page into its frame: already there, Qt leaves it as it is.
            self._wizard.add_page(page_id, page)
        elif page_id in self._made:
            page = self._placed[page_id] = self._made.pop(page_id)
            frame = self._page_frame()
            if frame is not None:
                # Owned (and deleted) by the wizard from now on.
                page.setParent(frame)
                # A language switch while the page had no parent gave it that language's locale as
                # a window's own: from now on it follows the window's, as every page does.
                page.unsetLocale()
        else:
            # Until it is placed, the page is a parentless widget held (and deleted) by this mapping.
            self._made[page_id] = page_class(page_id)(self._wizard.context)

    def _discard_unplaced(self) -> None:
        for page in self._made.values():
            page.deleteLater()
        self._made.clear()

    def _page_frame(self) -> QWidget | None:
        """The widget QWizard keeps its pages in (the parent of any page added), None before the first.

        Its Python wrapper is kept: when a page is given a parent through a wrapper that Python frees
        afterwards, PySide6 6.11 invalidates the wrappers of the widgets QUiLoader made for the page
        (its form "already deleted" while Qt still has it; a ten-line program shows it).
        """
        if self._frame is None and self._built:
            self._frame = next(iter(self._built.values())).parentWidget()
        return self._frame

    def __iter__(self) -> Iterator[PageId]:
        return iter(PageId)

    def __len__(self) -> int:
        return len(PageId)

    def built(self) -> list[FormPage]:
        """The pages built so far, in the journey's order (building none)."""
        return [self._built[page_id] for page_id in PageId if page_id in self._built]

    def missing(self) -> list[PageId]:
        return [page_id for page_id in PageId if page_id not in self._built]


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
        # A dialog class, embedded in the main window as a plain widget: said before it has children,
        # as changing it later re-parents the whole tree.
        self.setWindowFlags(Qt.WindowType.Widget)
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage)
        self.setOption(QWizard.WizardOption.HaveCustomButton1)
        self._name_buttons()
        for which in (Button.BackButton, HOME):
            self.button(which).setProperty("variant", "secondary")
        self.customButtonClicked.connect(self._custom_button_clicked)

        self._waiting_for_first_paint = False
        self.pages = WizardPages(self)
        self.pages.build(PageId.WELCOME)  # the first screen; the others once it is painted
        self.setStartId(PageId.WELCOME)
        self.currentIdChanged.connect(self._page_changed)
        self._fit_buttons_to_text()

    def add_page(self, page_id: PageId, page: FormPage) -> None:
        """Put a page just made in the wizard (``pages`` calls it once per page)."""
        self.setPage(page_id, page)
        page.sign_in_requested.connect(self._go_to_sign_in)
        page.document_requested.connect(self.document_requested)
        page.outbox_requested.connect(self.outbox_requested)
        page.mail_sent.connect(self.mail_sent)

    def page_of(self, kind: type[FormPage]) -> FormPage:
        return next(self.pages[page_id] for page_id in PageId if issubclass(page_class(page_id), kind))

    # --- pages built after the first paint --------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.pages.missing() and not self._waiting_for_first_paint:
            self._waiting_for_first_paint = True
            after_first_paint(self.window(), self._start_building_pages)

    def _start_building_pages(self) -> None:
        # After what else waits for the first paint (the start-up probe among them).
        call_soon(self, self._build_next_missing_page)

    def _build_next_missing_page(self) -> None:
        """One step of one page per turn of the event loop: a key or a click waits for one step at most
        (docs/performance.md, "First paint")."""
        missing = self.pages.missing()
        if missing:
            self.pages.build_step(missing[0])
            call_soon(self, self._build_next_missing_page)

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
        valid = True if self._jump_target is not None else super().validateCurrentPage()
        following = self.nextId() if valid else -1
        if following != -1:
            # QWizard moves only to a page it has: the next one is built now if it was not yet.
            self.pages.build(PageId(following))
        return valid

    def _go_to_sign_in(self) -> None:
        self.go_to(PageId.SIGN_IN)

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
        call_soon(page, page.focus_first)
        self.context.announcer.announce(heading or page, announcement)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            # After the buttons themselves have taken the new font (their events come later).
            call_soon(self, self._fit_buttons_to_text)
        elif is_language_change(event):
            self._name_buttons()
            # The pages retranslate as the event reaches them (after this); the buttons a page names
            # itself follow then. New words need new heights at large text sizes.
            call_soon(self, self._fit_buttons_to_text)

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
        for page in self.pages.built():  # a page never built has nothing to clear
            page.clear()
        self.context.reset_session()
        self.restart()
        self.setButtonLayout(PAGE_BUTTONS[PageId.WELCOME])
