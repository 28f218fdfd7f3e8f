"""Courriel envoyé: the account exists and waits; open the (simulated) inbox or resend the mail."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QPushButton

from monmaster_desktop import texts, validation
from monmaster_desktop.gui.context import GuiContext, PageId
from monmaster_desktop.gui.feedback import FieldMessage, resend_message_kind
from monmaster_desktop.gui.pages.base import FormPage


class MailSentPage(FormPage):
    FORM = "mail_sent_page.ui"

    def __init__(self, context: GuiContext) -> None:
        super().__init__(context)
        self.created_message = self.child(FieldMessage, "accountCreatedMessage")
        self.mail_sent_label = self.child(QLabel, "mailSentLabel")
        self.email_warning = self.child(FieldMessage, "emailWarningMessage")
        self.resend_message = self.child(FieldMessage, "resendMessage")
        self.open_outbox_button = self.child(QPushButton, "openOutboxButton")
        self.resend_button = self.child(QPushButton, "resendButton")
        self.open_outbox_button.clicked.connect(
            lambda: self.context.open_outbox(self.context.session.activation_mail_id)
        )
        self.resend_button.clicked.connect(self.resend)

    def initializePage(self) -> None:
        email = self.context.session.registered_email or ""
        self.created_message.show_message("success", texts.ACCOUNT_CREATED)
        self.mail_sent_label.setText(texts.MAIL_SENT_TO.format(email=email))
        warning = validation.check_email(email).warning if email else None
        if warning:
            self.email_warning.show_message("warning", warning)
        else:
            self.email_warning.clear()
        self.resend_message.clear()
        mail_id = self.context.session.activation_mail_id
        if mail_id is not None:
            # After the page itself is announced: first where the candidate is, then what arrived.
            QTimer.singleShot(0, self, lambda: self.context.notify_mail(mail_id))

    def resend(self) -> None:
        email = self.context.session.registered_email
        if not email:
            return
        # No hashing involved: quick enough to run on the UI thread.
        result = self.context.service.resend_activation(email)
        kind = resend_message_kind(result.outcome)
        self.resend_message.show_message(kind, result.message)
        self.context.announcer.announce(self.resend_message, result.message)
        if result.mail_id is not None:
            self.context.session.activation_mail_id = result.mail_id
            self.context.notify_mail(result.mail_id)

    def nextId(self) -> int:
        return PageId.ACTIVATED

    def clear(self) -> None:
        super().clear()
        for message in (self.created_message, self.email_warning, self.resend_message):
            message.clear()
        self.mail_sent_label.setText("")
