"""Se connecter: address and password, verified off the UI thread; a pending account can get a new mail.

Caps Lock is watched as on step 2 (``widgets/caps_lock.py``): the same warning under the password,
announced and put in the field's description. The password is handed to the service and forgotten;
it is never logged or announced.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QFrame, QLabel, QLineEdit, QProgressBar, QPushButton, QWizard

from monmaster_desktop import texts, validation
from monmaster_desktop.accounts.service import SignInOutcome, SignInResult
from monmaster_desktop.gui.accessibility.announcer import describe
from monmaster_desktop.gui.accessibility.password_protection import protect_password_field
from monmaster_desktop.gui.context import GuiContext, PageId
from monmaster_desktop.gui.language import translated
from monmaster_desktop.gui.pages.activation_mail import resend_activation_mail
from monmaster_desktop.gui.pages.base import FormPage
from monmaster_desktop.gui.widgets.caps_lock import CapsLockWatcher
from monmaster_desktop.gui.widgets.field_message import FieldMessage
from monmaster_desktop.gui.widgets.show_password import show_passwords
from monmaster_desktop.i18n import again, message, sentences

_CONTEXT = "SignInPage"
EMAIL_HINT = QT_TRANSLATE_NOOP("SignInPage", "Par exemple : nom@example.com")
SIGN_IN_BUTTON = QT_TRANSLATE_NOOP("SignInPage", "Se connecter")
MISSING_CREDENTIALS = QT_TRANSLATE_NOOP(
    "SignInPage", "Saisissez votre adresse électronique et votre mot de passe."
)


class SignInPage(FormPage):
    FORM = "sign_in_page.ui"

    def __init__(self, context: GuiContext) -> None:
        super().__init__(context)
        self.email_edit = self.child(QLineEdit, "emailEdit")
        self.password_edit = self.child(QLineEdit, "passwordEdit")
        protect_password_field(self.password_edit)  # no character of it on the accessibility bus
        self.show_password_button = self.child(QPushButton, "showPasswordButton")
        self.error_panel = self.child(QFrame, "signInErrorPanel")
        self.sign_in_message = self.child(FieldMessage, "signInMessage")
        self.resend_button = self.child(QPushButton, "resendActivationButton")
        self.resend_message = self.child(FieldMessage, "resendMessage")
        self.busy_indicator = self.child(QProgressBar, "busyIndicator")
        self.busy_label = self.child(QLabel, "busyLabel")
        self._error: str | None = None  # the refusal shown, also in the password's description
        self.caps_lock = CapsLockWatcher(
            (self.password_edit,), self.child(FieldMessage, "capsLockMessage"), context.announcer, self
        )
        self.caps_lock.changed.connect(self._describe_password)
        self.child(QLabel, "emailLabel").setBuddy(self.email_edit)
        self.child(QLabel, "passwordLabel").setBuddy(self.password_edit)
        self.email_edit.setMaxLength(validation.MAX_EMAIL_LENGTH)
        self.password_edit.setMaxLength(validation.MAX_PASSWORD_FIELD_LENGTH)  # a 1 MB paste stops there
        self.cap_field_widths(self.email_edit, self.password_edit)
        self.busy_indicator.setRange(0, 0)
        self.show_password_button.setCheckable(True)
        self.show_password_button.toggled.connect(self._show_password)
        self.resend_button.clicked.connect(self._resend_activation)
        self.email_edit.textChanged.connect(self.completeChanged)
        self.password_edit.textChanged.connect(self.completeChanged)
        self._signed_in = False
        self._busy = False
        self.clear()
        self.retranslate()

    def retranslate(self) -> None:
        super().retranslate()  # the refusal shown is said again there (a FieldMessage)
        self.setButtonText(QWizard.WizardButton.NextButton, translated(_CONTEXT, SIGN_IN_BUTTON))
        describe(self.email_edit, translated(_CONTEXT, EMAIL_HINT))
        self.busy_indicator.setAccessibleName(message(texts.SIGNING_IN))
        self._show_password(self.show_password_button.isChecked())
        if self._error:
            self._error = again(self._error)
        self._describe_password()

    # --- the page's states --------------------------------------------------------------------------

    def initializePage(self) -> None:
        prefill = self.context.session.prefill_sign_in_email or self.context.session.registered_email
        if prefill and not self.email_edit.text():
            self.email_edit.setText(prefill)

    def clear(self) -> None:
        super().clear()
        self.email_edit.setText("")  # setText also drops the undo history
        self.password_edit.setText("")
        self.show_password_button.setChecked(False)
        self._show_password(False)
        self._hide_error()
        self.resend_button.hide()
        self.resend_message.clear()
        self.caps_lock.reset()
        self._set_busy(False)
        self._signed_in = False

    def isComplete(self) -> bool:
        return not self._busy

    def nextId(self) -> int:
        return PageId.SIGNED_IN

    def _show_password(self, visible: bool) -> None:
        show_passwords(self.show_password_button, (self.password_edit,), visible)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.busy_indicator.setVisible(busy)
        self.busy_label.setVisible(busy)
        # Read-only rather than disabled: the focus stays where it is while the password is checked.
        self.email_edit.setReadOnly(busy)
        self.password_edit.setReadOnly(busy)
        self.show_password_button.setEnabled(not busy)
        self.completeChanged.emit()

    def _show_error(self, text: str) -> None:
        self.sign_in_message.show_message("error", text)
        self.error_panel.show()
        self._error = text
        self._describe_password()
        self.context.announcer.announce(self.sign_in_message, text, assertive=True)

    def _hide_error(self) -> None:
        self.sign_in_message.clear()
        self.error_panel.hide()
        self._error = None
        self._describe_password()

    def _describe_password(self) -> None:
        describe(self.password_edit, self.caps_lock.warning(), self._error)

    # --- signing in ---------------------------------------------------------------------------------

    def validatePage(self) -> bool:
        if self._signed_in:
            return True
        if self._busy:
            return False
        email, password = self.email_edit.text(), self.password_edit.text()
        self._hide_error()
        self.resend_button.hide()
        self.resend_message.clear()
        if not email.strip() or not password:
            self._show_error(translated(_CONTEXT, MISSING_CREDENTIALS))
            (self.email_edit if not email.strip() else self.password_edit).setFocus()
            return False
        self._set_busy(True)
        self.context.announcer.announce(self.busy_indicator, message(texts.SIGNING_IN))
        service = self.context.service
        self.context.runner.submit(
            lambda: service.sign_in(email, password), self._signed_in_or_not, self._failed
        )
        return False

    def _signed_in_or_not(self, result: SignInResult) -> None:
        self._set_busy(False)
        if result.outcome is SignInOutcome.SIGNED_IN:
            self.context.session.signed_in_account = result.account
            self._signed_in = True
            self.password_edit.setText("")
            self.enrollment_wizard().next()
            return
        refusal = result.message or message(texts.SIGN_IN_FAILED)
        if result.outcome is SignInOutcome.STORAGE_FAILED:
            refusal = sentences(refusal, message(texts.INPUT_KEPT))
        self._show_error(refusal)
        if result.outcome is SignInOutcome.PENDING_ACTIVATION:
            self.resend_button.show()
        self.password_edit.setFocus()
        self.password_edit.selectAll()

    def _failed(self, error: BaseException) -> None:
        self._set_busy(False)
        self._show_error(message(texts.UNEXPECTED_ERROR))

    def _resend_activation(self) -> None:
        resend_activation_mail(self, self.email_edit.text(), self.resend_message)
