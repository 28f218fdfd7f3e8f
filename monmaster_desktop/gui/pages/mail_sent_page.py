"""Courriel envoyé: the account exists and waits; open the (simulated) inbox or resend the mail."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QPushButton

from monmaster_desktop import texts, validation
from monmaster_desktop.gui.context import GuiContext, PageId
from monmaster_desktop.gui.pages.activation_mail import resend_activation_mail
from monmaster_desktop.gui.pages.base import FormPage
from monmaster_desktop.gui.soon import call_soon
from monmaster_desktop.gui.widgets.field_message import FieldMessage
from monmaster_desktop.i18n import again, message


class MailSentPage(FormPage):
    FORM = "mail_sent_page.ui"
    HEADING_LABELLED_BY = ("mailSentLabel",)

    def __init__(self, context: GuiContext) -> None:
        super().__init__(context)
        self.created_message = self.child(FieldMessage, "accountCreatedMessage")
        self.mail_sent_label = self.child(QLabel, "mailSentLabel")
        self.email_warning = self.child(FieldMessage, "emailWarningMessage")
        self.resend_message = self.child(FieldMessage, "resendMessage")
        self.open_outbox_button = self.child(QPushButton, "openOutboxButton")
        self.resend_button = self.child(QPushButton, "resendButton")
        self.open_outbox_button.clicked.connect(
            lambda: self.outbox_requested.emit(self.context.session.activation_mail_id)
        )
        self.resend_button.clicked.connect(self.resend)
        self._mail_sent_text = (
            ""  # "Un courriel d'activation a été envoyé à l'adresse …", said again after a switch
        )

    def retranslate(self) -> None:
        super().retranslate()
        if self._mail_sent_text:
            self._mail_sent_text = again(self._mail_sent_text)
            self.mail_sent_label.setText(self._mail_sent_text)

    def initializePage(self) -> None:
        email = self.context.session.registered_email or ""
        self.created_message.show_message("success", message(texts.ACCOUNT_CREATED))
        self._mail_sent_text = message(texts.MAIL_SENT_TO, email=email)
        self.mail_sent_label.setText(self._mail_sent_text)
        warning = validation.check_email(email).warning if email else None
        if warning:
            self.email_warning.show_message("warning", warning)
        else:
            self.email_warning.clear()
        self.resend_message.clear()
        mail_id = self.context.session.activation_mail_id
        if mail_id is not None:
            # After the page itself is announced: first where the candidate is, then what arrived.
            call_soon(self, lambda: self.mail_sent.emit(mail_id))

    def resend(self) -> None:
        email = self.context.session.registered_email
        if email:
            resend_activation_mail(self, email, self.resend_message)

    def nextId(self) -> int:
        return PageId.ACTIVATED

    def clear(self) -> None:
        super().clear()
        for field_message in (self.created_message, self.email_warning, self.resend_message):
            field_message.clear()
        self._mail_sent_text = ""
        self.mail_sent_label.setText("")
