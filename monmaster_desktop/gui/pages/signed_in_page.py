"""The signed-in page: the account's address and dates, and "Se déconnecter"."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWizard

from monmaster_desktop import texts
from monmaster_desktop.gui.context import GuiContext
from monmaster_desktop.gui.pages.base import FormPage
from monmaster_desktop.gui.widgets.field_message import FieldMessage


class SignedInPage(FormPage):
    FORM = "signed_in_page.ui"

    def __init__(self, context: GuiContext) -> None:
        super().__init__(context)
        self.setButtonText(QWizard.WizardButton.FinishButton, "Se déconnecter")
        self.welcome_message = self.child(FieldMessage, "signedInMessage")
        self.email_label = self.child(QLabel, "emailValueLabel")
        self.created_label = self.child(QLabel, "createdValueLabel")
        self.activated_label = self.child(QLabel, "activatedValueLabel")
        self.last_sign_in_label = self.child(QLabel, "lastSignInValueLabel")

    def initializePage(self) -> None:
        account = self.context.session.signed_in_account
        if account is None:
            return
        self.welcome_message.show_message("success", texts.SIGNED_IN_WELCOME)
        self.email_label.setText(texts.SIGNED_IN_EMAIL.format(email=account.email))
        self.created_label.setText(
            texts.SIGNED_IN_CREATED.format(moment=texts.format_moment(account.created_at))
        )
        activated = texts.format_moment(account.activated_at) if account.activated_at else "—"
        self.activated_label.setText(texts.SIGNED_IN_ACTIVATED.format(moment=activated))
        last = texts.format_moment(account.last_sign_in_at) if account.last_sign_in_at else "—"
        self.last_sign_in_label.setText(texts.SIGNED_IN_LAST.format(moment=last))

    def nextId(self) -> int:
        return -1

    def clear(self) -> None:
        super().clear()
        self.welcome_message.clear()
        for label in (self.email_label, self.created_label, self.activated_label, self.last_sign_in_label):
            label.setText("")
