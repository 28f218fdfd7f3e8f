"""The signed-in page: the account's address and dates, and "Se déconnecter"."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QLabel, QWizard

from monmaster_desktop import texts
from monmaster_desktop.gui.context import GuiContext
from monmaster_desktop.gui.language import format_moment, translated
from monmaster_desktop.gui.pages.base import FormPage
from monmaster_desktop.gui.widgets.field_message import FieldMessage
from monmaster_desktop.i18n import message

SIGN_OUT_BUTTON = QT_TRANSLATE_NOOP("SignedInPage", "Se déconnecter")


class SignedInPage(FormPage):
    FORM = "signed_in_page.ui"

    def __init__(self, context: GuiContext) -> None:
        super().__init__(context)
        self.welcome_message = self.child(FieldMessage, "signedInMessage")
        self.email_label = self.child(QLabel, "emailValueLabel")
        self.created_label = self.child(QLabel, "createdValueLabel")
        self.activated_label = self.child(QLabel, "activatedValueLabel")
        self.last_sign_in_label = self.child(QLabel, "lastSignInValueLabel")
        self._shown = False
        self.retranslate()

    def retranslate(self) -> None:
        super().retranslate()
        self.setButtonText(QWizard.WizardButton.FinishButton, translated("SignedInPage", SIGN_OUT_BUTTON))
        if self._shown:
            self._show_account()

    def initializePage(self) -> None:
        if self.context.session.signed_in_account is None:
            return
        self._shown = True
        self.welcome_message.show_message("success", message(texts.SIGNED_IN_WELCOME))
        self._show_account()

    def _show_account(self) -> None:
        account = self.context.session.signed_in_account
        if account is None:
            return
        self.email_label.setText(message(texts.SIGNED_IN_EMAIL, email=account.email))
        self.created_label.setText(message(texts.SIGNED_IN_CREATED, moment=format_moment(account.created_at)))
        activated = format_moment(account.activated_at) if account.activated_at else "—"
        self.activated_label.setText(message(texts.SIGNED_IN_ACTIVATED, moment=activated))
        last = format_moment(account.last_sign_in_at) if account.last_sign_in_at else "—"
        self.last_sign_in_label.setText(message(texts.SIGNED_IN_LAST, moment=last))

    def nextId(self) -> int:
        return -1

    def clear(self) -> None:
        super().clear()
        self._shown = False
        self.welcome_message.clear()
        for label in (self.email_label, self.created_label, self.activated_label, self.last_sign_in_label):
            label.setText("")
