"""The main window: the enrollment wizard, its menus, the simulated outbox and the documents.

It answers what the pages ask for through the wizard's signals (open a document, open the outbox, a
mail was sent) and follows the links of the outbox's mails: an activation link activates the account
through the service and takes the wizard to "Compte activé"; any other outcome is shown in the outbox
window, where it was clicked. Its menus follow the language (Affichage › English / Français switches
it from any page), and the switch is announced in the new language.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QDialog, QMainWindow, QMenu, QMessageBox, QVBoxLayout, QWidget

import monmaster_desktop
from monmaster_desktop import APP_DISPLAY_NAME, texts
from monmaster_desktop.accounts.mail import token_from_activation_url
from monmaster_desktop.accounts.service import ActivationOutcome
from monmaster_desktop.accounts.store import StorageError
from monmaster_desktop.gui.appearance import AppearanceController
from monmaster_desktop.gui.context import GuiContext, PageId
from monmaster_desktop.gui.language import (
    current_language,
    is_available,
    is_language_change,
    language_switch,
    locale_of,
    reset_to_default_language,
    switch_language,
    translated,
)
from monmaster_desktop.gui.wizard import EnrollmentWizard
from monmaster_desktop.i18n import LANGUAGE_NAMES, LANGUAGES, message

if TYPE_CHECKING:  # imported when first opened: neither is needed before the first paint
    from monmaster_desktop.gui.outbox.window import OutboxWindow

OUTBOX_SHORTCUT = QKeySequence("Ctrl+Shift+B")

# --- Texts (project-written) -------------------------------------------------------------------------
_CONTEXT = "MainWindow"
MAIL_MENU = QT_TRANSLATE_NOOP("MainWindow", "&Courriels")
OUTBOX_ACTION = QT_TRANSLATE_NOOP("MainWindow", "&Boîte de réception (simulée)")
VIEW_MENU = QT_TRANSLATE_NOOP("MainWindow", "&Affichage")
HELP_MENU = QT_TRANSLATE_NOOP("MainWindow", "Ai&de")
ABOUT_ACTION = QT_TRANSLATE_NOOP("MainWindow", "À &propos de {app}")
ABOUT_TITLE = QT_TRANSLATE_NOOP("MainWindow", "À propos de {app}")
ABOUT_NOT_OFFICIAL = QT_TRANSLATE_NOOP(
    "MainWindow",
    "Cette application reproduit hors ligne la création d'un compte ; elle n'est pas la "
    "plateforme officielle.",
)
# Said, in the new language, once the interface has switched to it.
LANGUAGE_SWITCHED = QT_TRANSLATE_NOOP("MainWindow", "Interface en français.")


class MainWindow(QMainWindow):
    retranslated = Signal()  # the window's own words are in the new language (its menus follow)
    closed = Signal()  # the window accepted a close (the testers' menu closes what it opened)

    def __init__(
        self,
        context: GuiContext,
        parent: QWidget | None = None,
        appearance: AppearanceController | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        # Theme and text size (remembered between runs); None in tests, which must not touch the
        # user's saved settings.
        self.appearance = appearance
        self.setWindowTitle(APP_DISPLAY_NAME)
        self.wizard = EnrollmentWizard(context)  # a dialog class, which embeds itself as a plain widget
        frame = QWidget(self)
        frame_layout = QVBoxLayout(frame)
        frame_layout.setContentsMargins(12, 0, 12, 8)  # the wizard's buttons do not touch the window's edges
        frame_layout.addWidget(self.wizard)
        self.setCentralWidget(frame)
        self._outbox_window: OutboxWindow | None = None
        self._open_documents: list[QDialog] = []
        self.wizard.start_over_requested.connect(self.reset_for_next_candidate)
        self.wizard.document_requested.connect(self.open_document)
        self.wizard.outbox_requested.connect(self.open_outbox)
        self.wizard.mail_sent.connect(self.mail_sent)
        self._build_menus()
        self.retranslate()
        self.setLocale(locale_of(current_language()))
        language_switch().changed.connect(self._language_switched)
        self.resize(1100, 760)

    # --- menus ----------------------------------------------------------------------------------------

    def _build_menus(self) -> None:
        self.mail_menu = QMenu(self.menuBar())
        self.mail_menu.setObjectName("mailMenu")
        self.menuBar().addMenu(self.mail_menu)
        self.outbox_action = QAction(self)
        self.outbox_action.setShortcut(OUTBOX_SHORTCUT)
        self.outbox_action.triggered.connect(lambda: self.open_outbox(None))
        self.mail_menu.addAction(self.outbox_action)

        self.view_menu = QMenu(self.menuBar())
        self.view_menu.setObjectName("viewMenu")
        self.menuBar().addMenu(self.view_menu)
        if self.appearance is not None:
            self.appearance.set_announcer(self.context.announcer, self)
            self.appearance.build_menu(self.view_menu)
            self.view_menu.addSeparator()
        # The language switch of Accueil, reachable from every page: named in the language it offers.
        self.language_action = QAction(self)
        self.language_action.setObjectName("languageAction")
        self.language_action.triggered.connect(self._switch_language)
        self.view_menu.addAction(self.language_action)

        self.help_menu = QMenu(self.menuBar())
        self.help_menu.setObjectName("helpMenu")
        self.menuBar().addMenu(self.help_menu)
        self.about_action = QAction(self)
        self.about_action.triggered.connect(self.show_about)
        self.help_menu.addAction(self.about_action)

    def retranslate(self) -> None:
        """The menus in the current language (the pages and windows retranslate themselves)."""
        self.mail_menu.setTitle(translated(_CONTEXT, MAIL_MENU))
        self.outbox_action.setText(translated(_CONTEXT, OUTBOX_ACTION))
        self.view_menu.setTitle(translated(_CONTEXT, VIEW_MENU))
        self.language_action.setText(LANGUAGE_NAMES[self._offered_language()])
        self.language_action.setVisible(is_available(self._offered_language()))
        self.help_menu.setTitle(translated(_CONTEXT, HELP_MENU))
        self.about_action.setText(translated(_CONTEXT, ABOUT_ACTION, app=APP_DISPLAY_NAME))
        if self.appearance is not None:
            self.appearance.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if is_language_change(event):
            self.retranslate()
            self.retranslated.emit()
        super().changeEvent(event)

    @staticmethod
    def _offered_language() -> str:
        return LANGUAGES[(LANGUAGES.index(current_language()) + 1) % len(LANGUAGES)]

    def _switch_language(self) -> None:
        switch_language(self._offered_language())

    def _language_switched(self, _language: str) -> None:
        if not self.isVisible():
            return
        source = self.focusWidget() or self
        self.context.announcer.announce(source, translated(_CONTEXT, LANGUAGE_SWITCHED))

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            translated(_CONTEXT, ABOUT_TITLE, app=APP_DISPLAY_NAME),
            f"{APP_DISPLAY_NAME} {monmaster_desktop.__version__}\n\n{message(texts.PLATFORM_DESCRIPTION)}\n\n"
            f"{translated(_CONTEXT, ABOUT_NOT_OFFICIAL)}",
        )

    # --- documents and outbox -------------------------------------------------------------------------

    def open_document(self, key: str) -> None:
        from monmaster_desktop.gui import documents

        dialog = documents.show_document(self, key)
        self._open_documents.append(dialog)
        dialog.finished.connect(lambda _result, dialog=dialog: self._forget_document(dialog))

    def _forget_document(self, dialog: QDialog) -> None:
        if dialog in self._open_documents:
            self._open_documents.remove(dialog)

    def outbox_window(self) -> OutboxWindow:
        if self._outbox_window is None:
            from monmaster_desktop.gui.outbox.window import OutboxWindow

            # On a kiosk the next candidate must not read the previous one's mail: the window lists
            # only the mails of the current session.
            self._outbox_window = OutboxWindow(
                self.context.service.outbox,
                self.context.clock,
                self.context.announcer,
                self,
                only_mail_ids=self.context.session.sent_mail_ids if self.context.settings.kiosk else None,
            )
            self._outbox_window.link_activated.connect(self.follow_mail_link)
            if self.appearance is not None:  # Ctrl + / Ctrl − work in the outbox window too
                self._outbox_window.addActions(self.appearance.zoom_actions())
        return self._outbox_window

    def open_outbox(self, mail_id: int | None = None) -> None:
        window = self.outbox_window()
        if self.context.settings.kiosk:
            window.set_mail_ids(self.context.session.sent_mail_ids)
        window.show_mail(mail_id)

    def mail_sent(self, mail_id: int) -> None:
        if mail_id not in self.context.session.sent_mail_ids:
            self.context.session.sent_mail_ids.append(mail_id)
        if self._outbox_window is not None:
            if self.context.settings.kiosk:
                self._outbox_window.set_mail_ids(self.context.session.sent_mail_ids)
            self._outbox_window.refresh()
        else:
            try:
                stored = self.context.service.outbox.get(mail_id)
            except StorageError:  # the mail was stored; only reading its subject failed: no announcement
                return
            if stored is not None:
                self.context.announcer.announce(
                    self, message(texts.NEW_MAIL_ANNOUNCEMENT, subject=stored.entry.subject)
                )

    def follow_mail_link(self, url: str) -> None:
        window = self.outbox_window()
        token = token_from_activation_url(url)
        if token is None:
            window.show_status("error", message(texts.NOT_AN_ACTIVATION_LINK))
            return
        result = self.context.service.activate(token)
        if result.outcome in (ActivationOutcome.ACTIVATED, ActivationOutcome.ALREADY_ACTIVE):
            window.show_status(
                "success" if result.outcome is ActivationOutcome.ACTIVATED else "info", result.message
            )
        else:
            window.show_status("error", result.message)
            return
        if result.outcome is ActivationOutcome.ACTIVATED:
            self.context.session.activation_message = result.message
            if result.account is not None:
                self.context.session.prefill_sign_in_email = result.account.email
            window.hide()
            self.wizard.go_to(PageId.ACTIVATED)
            self.activateWindow()
            self.raise_()

    # --- kiosk reset and closing ----------------------------------------------------------------------

    def reset_for_next_candidate(self) -> None:
        if self.context.settings.kiosk:
            # The next candidate finds the kiosk's own language (--lang), whatever this one chose.
            reset_to_default_language()
        for dialog in list(self._open_documents):
            dialog.close()
        self._open_documents.clear()
        if self._outbox_window is not None:
            self._outbox_window.clear()
        self.wizard.reset_for_next_candidate()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._outbox_window is not None:
            self._outbox_window.close()
        super().closeEvent(event)
        if event.isAccepted():
            self.closed.emit()
