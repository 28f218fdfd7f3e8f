"""Étape 2 sur 2, "Choisir mes identifiants": address, password, confirmation, captcha, consent, "Continuer".

The static layout is ``ui/credentials_page.ui``; this module adds the page's own behaviour and leaves
the rest to the widgets it is made of (docs/architecture.md, "Where each screen lives"):

- live help that does not shout: the password checklist (``widgets/checklist.py``) follows every
  keystroke; the confirmation mismatch shows as soon as the confirmation is not empty; the iCloud
  remark shows as soon as the domain matches; the address is judged only when the candidate leaves
  the field (or submits); Caps Lock is watched by ``widgets/caps_lock.py``;
- screen readers hear what a sighted candidate sees change, once typing pauses, and only what changed
  (``accessibility/debounced.py``); the focused field's accessible description holds its state. What
  the accessibility layer shows of the password (the checklist's names, the password's description)
  changes with that announcement only, never per key: sighted candidates see each key's effect;
- "Continuer" (the wizard's commit button) stays enabled except while the account is being created:
  a candidate who presses it too early is told what is missing, which a screen reader user cannot
  learn from a silently disabled button. Registration (argon2: 0.1–0.3 s) runs in the worker;
  every refusal of the service shows under its field and in the error summary
  (``widgets/error_summary.py``), and nothing typed is lost, passwords included.

After a language switch (``retranslate``) every text, name and description is said again in the new
language, from the state the page keeps (nothing typed changes, nothing new is published to assistive
technologies about the password).

Never logs, prints or announces a password, nor puts one in an accessible name or description.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from itertools import pairwise
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QFocusEvent, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QFrame,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QWidget,
    QWizard,
)

from monmaster_desktop import texts, validation
from monmaster_desktop.accounts.service import RegistrationField, RegistrationRequest, RegistrationResult
from monmaster_desktop.gui.accessibility.announcer import describe
from monmaster_desktop.gui.accessibility.debounced import DebouncedAnnouncer
from monmaster_desktop.gui.accessibility.password_protection import protect_password_field
from monmaster_desktop.gui.context import GuiContext, PageId
from monmaster_desktop.gui.language import current_language, translated
from monmaster_desktop.gui.pages.base import FormPage
from monmaster_desktop.gui.soon import call_soon
from monmaster_desktop.gui.style import mark_invalid, theme_colour
from monmaster_desktop.gui.widgets.caps_lock import CapsLockWatcher
from monmaster_desktop.gui.widgets.checklist import ALL_CRITERIA_MET, INVALID, VALID, PasswordChecklist
from monmaster_desktop.gui.widgets.error_summary import ErrorSummary, error_count_text
from monmaster_desktop.gui.widgets.field_message import FieldMessage
from monmaster_desktop.gui.widgets.link_button import rewrap_button_text, wrap_button_text
from monmaster_desktop.gui.widgets.show_password import show_passwords
from monmaster_desktop.i18n import Message, again, listing, message, sentences
from monmaster_desktop.settings import CaptchaMode

if TYPE_CHECKING:
    from monmaster_desktop.gui.widgets.captcha_widget import CaptchaWidget

# --- Texts -----------------------------------------------------------------------------------------
_CONTEXT = "CredentialsPage"
# From the seed: the wizard button of this page.
CONTINUE_BUTTON = QT_TRANSLATE_NOOP("CredentialsPage", "Continuer")
# Written by the project.
BUSY_TEXT = QT_TRANSLATE_NOOP("CredentialsPage", "Création de votre compte en cours…")
BUSY_ANNOUNCEMENT = QT_TRANSLATE_NOOP("CredentialsPage", "Création de votre compte en cours.")
CRITERION_VALID = QT_TRANSLATE_NOOP("CredentialsPage", "Critère validé : {labels}.")
CRITERIA_VALID = QT_TRANSLATE_NOOP("CredentialsPage", "Critères validés : {labels}.")
CRITERION_INVALID = QT_TRANSLATE_NOOP("CredentialsPage", "Critère en erreur : {labels}.")
CRITERIA_INVALID = QT_TRANSLATE_NOOP("CredentialsPage", "Critères en erreur : {labels}.")
PASSWORDS_MATCH = QT_TRANSLATE_NOOP("CredentialsPage", "Les mots de passe correspondent.")
# Names of the places an error can be, in the error summary (the fields use their own labels).
CONSENT_FIELD_NAME = QT_TRANSLATE_NOOP("CredentialsPage", "Conditions générales d'utilisation")
ELIGIBILITY_FIELD_NAME = QT_TRANSLATE_NOOP("CredentialsPage", "Étape 1 sur 2")
CAPTCHA_FIELD_NAME = QT_TRANSLATE_NOOP("CredentialsPage", "Captcha")

# An address found wrong on leaving the field is told after this delay, so that a click on
# "Continuer" (which also leaves the field) gives one announcement, not two.
EMAIL_ERROR_DELAY_MS = 400


@dataclass(frozen=True)
class LiveState:
    """What the live help shows, as screen readers are told it: never a character of a password."""

    criteria: tuple[tuple[str, str], ...]  # (criterion key, "neutral" | "valid" | "invalid")
    problems: tuple[str, ...]  # the password's problems (too long, forbidden character)
    too_guessable: bool
    mismatch: bool | None  # None while the confirmation is empty
    email_warning: str | None  # the iCloud remark


def live_changes(told: LiveState, now: LiveState) -> list[str]:
    """The sentences that say what changed between two states of the live help."""
    parts: list[str] = []
    labels = {criterion.key: message(criterion.label) for criterion in validation.PASSWORD_CRITERIA}
    before = dict(told.criteria)
    changed = [(key, state) for key, state in now.criteria if state != before[key]]
    validated = [labels[key] for key, state in changed if state == VALID]
    in_error = [labels[key] for key, state in changed if state == INVALID]
    if validated:
        template = CRITERION_VALID if len(validated) == 1 else CRITERIA_VALID
        parts.append(translated(_CONTEXT, template, labels=listing(validated)))
    if in_error:
        template = CRITERION_INVALID if len(in_error) == 1 else CRITERIA_INVALID
        parts.append(translated(_CONTEXT, template, labels=listing(in_error)))
    if changed and all(state == VALID for _, state in now.criteria):
        parts.append(translated("PasswordChecklist", ALL_CRITERIA_MET))
    parts.extend(
        message(validation.PASSWORD_PROBLEM_MESSAGES[problem])
        for problem in now.problems
        if problem not in told.problems
    )
    if now.too_guessable and not told.too_guessable:
        parts.append(message(validation.TOO_GUESSABLE_MESSAGE))
    if now.mismatch is not None and now.mismatch != told.mismatch:
        parts.append(
            message(texts.PASSWORD_MISMATCH) if now.mismatch else translated(_CONTEXT, PASSWORDS_MATCH)
        )
    if now.email_warning and now.email_warning != told.email_warning:
        parts.append(now.email_warning)
    return parts


class CredentialsPage(FormPage):
    FORM = "credentials_page.ui"
    HEADING_LABELLED_BY = ("stepCountLabel",)

    def __init__(self, context: GuiContext) -> None:
        super().__init__(context)
        self.setCommitPage(True)

        self.email_label = self.child(QLabel, "emailLabel")
        self.email_hint = self.child(QLabel, "emailHintLabel")
        self.email_edit = self.child(QLineEdit, "emailEdit")
        self.email_message = self.child(FieldMessage, "emailMessage")
        self.password_label = self.child(QLabel, "passwordLabel")
        self.password_row = self.child(QWidget, "passwordRow")
        self.password_edit = self.child(QLineEdit, "passwordEdit")
        self.show_password_button = self.child(QPushButton, "showPasswordButton")
        self.caps_lock_message = self.child(FieldMessage, "capsLockMessage")
        self.password_message = self.child(FieldMessage, "passwordMessage")
        self.password_rules = self.child(QLabel, "passwordRulesLabel")
        self.checklist = self.child(PasswordChecklist, "passwordChecklist")
        self.cnil_link = self.child(QPushButton, "cnilLinkButton")
        self.confirmation_label = self.child(QLabel, "confirmationLabel")
        self.confirmation_edit = self.child(QLineEdit, "confirmationEdit")
        self.confirmation_message = self.child(FieldMessage, "confirmationMessage")
        # Before anything else: no character of either password ever reaches the accessibility bus.
        protect_password_field(self.password_edit)
        protect_password_field(self.confirmation_edit)
        for edit in (self.password_edit, self.confirmation_edit):
            edit.setMaxLength(validation.MAX_PASSWORD_FIELD_LENGTH)  # a 1 MB paste stops there
        self.captcha_container = self.child(QWidget, "captchaContainer")
        self.consent_checkbox = self.child(QCheckBox, "consentCheckBox")
        self.consent_label = self.child(QLabel, "consentLabel")
        self.consent_message = self.child(FieldMessage, "consentMessage")
        self.cgu_link = self.child(QPushButton, "cguLinkButton")
        self.sign_in_link = self.child(QPushButton, "signInLinkButton")
        self.busy_panel = self.child(QFrame, "busyPanel")
        self.busy_label = self.child(QLabel, "busyLabel")
        self.busy_indicator = self.child(QProgressBar, "busyIndicator")
        self.error_summary = ErrorSummary(
            self.child(QFrame, "formErrorSummary"),
            self.child(FieldMessage, "formErrorTitle"),
            self.child(QLabel, "formErrorList"),
        )

        self._busy = False
        self._registered = False
        self._generation = 0  # bumped by clear(): a registration finishing after it is ignored
        self._email_error: str | None = None  # the error shown under the address, if any
        self._password_errors: list[str] = []  # the service's refusals shown under the password

        self.caps_lock = CapsLockWatcher(
            (self.password_edit, self.confirmation_edit), self.caps_lock_message, context.announcer, self
        )
        self.caps_lock.changed.connect(self._describe_password_fields)
        self.live_announcer: DebouncedAnnouncer[LiveState] = DebouncedAnnouncer(
            context.announcer,
            self._live_state,
            self._say_live_changes,
            self,
            delay_ms=context.announce_delay_ms,
        )
        # What assistive technologies read of the checklist changes with the announcement, never per key.
        self.live_announcer.settled.connect(self._publish_live_state)
        self.checklist.strength_shown.connect(self._strength_shown)
        self._email_error_timer = QTimer(self)
        self._email_error_timer.setSingleShot(True)
        self._email_error_timer.setInterval(EMAIL_ERROR_DELAY_MS)
        self._email_error_timer.timeout.connect(self._announce_email_error)

        self._set_up_accessibility()
        self._set_up_links()
        self.captcha_widget = self._set_up_captcha()
        self._set_up_tab_order()
        self.cap_field_widths(self.email_edit, self.password_row, self.confirmation_edit)

        self.email_edit.textChanged.connect(self._email_changed)
        self.password_edit.textChanged.connect(self._password_changed)
        self.confirmation_edit.textChanged.connect(self._confirmation_changed)
        self.show_password_button.toggled.connect(self._show_password_toggled)
        self.consent_checkbox.toggled.connect(self._consent_toggled)
        # "Afficher" takes focus from Tab only; a click on it would otherwise hand focus to the nearest
        # ancestor accepting clicks (the scroll area). The row takes it and gives it back to the field.
        self.password_row.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self._last_password_field: QLineEdit = self.password_edit
        # Not the password fields: a filter on them would cross into Python for each of a keystroke's
        # events (docs/performance.md, "Typing"); which of them had the focus last comes from Qt.
        for watched in (self.email_edit, self.consent_label, self.password_row):
            watched.installEventFilter(self)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

        self.busy_panel.hide()
        self._name_from_labels()
        self._describe_all()

    # --- building -----------------------------------------------------------------------------------

    def _set_up_accessibility(self) -> None:
        self.consent_label.setCursor(Qt.CursorShape.PointingHandCursor)
        self._contrast_consent_box()

    def _name_from_labels(self) -> None:
        """Accessible names are the visible labels (one source: the .ui), in the current language."""
        self.setButtonText(QWizard.WizardButton.CommitButton, translated(_CONTEXT, CONTINUE_BUTTON))
        for label, field in (
            (self.email_label, self.email_edit),
            (self.password_label, self.password_edit),
            (self.confirmation_label, self.confirmation_edit),
            (self.consent_label, self.consent_checkbox),
        ):
            field.setAccessibleName(label.text())
        self.checklist.setAccessibleName(self.password_rules.text())
        busy = translated(_CONTEXT, BUSY_TEXT)
        self.busy_label.setText(busy)
        self.busy_indicator.setAccessibleName(busy)
        for button in (self.cnil_link, self.cgu_link, self.sign_in_link):
            button.setAccessibleName(button.text())
            rewrap_button_text(button)
        self._show_password_toggled(self.show_password_button.isChecked())

    def retranslate(self) -> None:
        """Every text, name and description in the current language; the state stays (docstring)."""
        super().retranslate()  # the form's texts and the messages under the fields
        self.checklist.retranslate()
        if self.captcha_widget is not None:
            self.captcha_widget.retranslate()
        self.error_summary.retranslate()
        if self._email_error is not None:
            self._email_error = again(self._email_error)
        self._password_errors = [again(error) for error in self._password_errors]
        self._name_from_labels()
        self._describe_all()

    def _contrast_consent_box(self) -> None:
        # Fusion (Linux) outlines a checkbox in the palette's window colour darkened: too pale on white
        # for a control's 3:1 contrast. A strong border colour from the theme fixes it.
        palette = self.consent_checkbox.palette()
        palette.setColor(QPalette.ColorRole.Window, theme_colour("border-strong"))
        self.consent_checkbox.setPalette(palette)

    def _set_up_links(self) -> None:
        wrap_button_text(self.cnil_link)
        wrap_button_text(self.cgu_link)
        self.sign_in_link.setCursor(Qt.CursorShape.PointingHandCursor)
        self.sign_in_link.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.cnil_link.clicked.connect(lambda: self.document_requested.emit("cnil"))
        self.cgu_link.clicked.connect(lambda: self.document_requested.emit("cgu"))
        self.sign_in_link.clicked.connect(self.sign_in_requested)

    @classmethod
    def import_modules(cls, context: GuiContext) -> None:
        if context.settings.captcha is not CaptchaMode.OFF:
            import monmaster_desktop.gui.widgets.captcha_widget  # noqa: F401

    def _set_up_captcha(self) -> CaptchaWidget | None:
        if self.context.settings.captcha is CaptchaMode.OFF:
            self.captcha_container.hide()
            return None
        # Imported here: with the captcha off (operators, tests) the page does not need that module.
        from monmaster_desktop.gui.widgets.captcha_widget import CaptchaWidget

        captcha = CaptchaWidget(self.captcha_container, self.context.settings.captcha)
        captcha.set_announcer(self.context.announcer)
        layout = self.captcha_container.layout()
        assert layout is not None
        layout.addWidget(captcha)
        return captcha

    def _set_up_tab_order(self) -> None:
        chain: list[QWidget] = [
            self.email_edit,
            self.password_edit,
            self.show_password_button,
            self.cnil_link,  # it sits right under the criteria, between the two password fields
            self.confirmation_edit,
        ]
        if self.captcha_widget is not None:
            chain.extend(self.captcha_widget.tab_chain())
        chain.extend([self.consent_checkbox, self.cgu_link, self.sign_in_link])
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.StyleChange:
            self._contrast_consent_box()
        super().changeEvent(event)

    # --- the wizard's questions ---------------------------------------------------------------------

    def nextId(self) -> int:
        return PageId.MAIL_SENT

    def isComplete(self) -> bool:
        # Always complete but while busy: see the module docstring for why "Continuer" stays enabled.
        return not self._busy

    def is_busy(self) -> bool:
        return self._busy

    def settling(self) -> bool:
        return self.live_announcer.pending() or self._email_error_timer.isActive() or self.checklist.pending()

    def validatePage(self) -> bool:
        if self._registered:
            return True
        if self._busy:
            return False
        self._submit()
        return False  # the worker's answer moves the wizard on (or shows what to fix)

    # --- live behaviour -----------------------------------------------------------------------------

    def _email_changed(self, text: str) -> None:
        self.checklist.set_strength_context(validation.strength_context_for_email(text))
        check = validation.check_email(text)
        if self._email_error is not None and not check.is_valid:
            pass  # an error already shown stays until the address is valid; no new one while typing
        elif check.warning:
            self._show_email_message("warning", check.warning)
        else:
            self._show_email_message(None, None)
        self.live_announcer.changed()

    def _validate_email_on_leave(self) -> None:
        text = self.email_edit.text()
        if not text.strip():
            return  # passing through an empty field is not a mistake yet; "Continuer" will say it
        check = validation.check_email(text)
        if check.is_valid:
            self._show_email_message("warning" if check.warning else None, check.warning)
            return
        if check.error and check.error != self._email_error:
            self._show_email_message("error", check.error)
            # Told a moment later, unless the candidate left the field by pressing "Continuer":
            # the error summary then says it, once.
            self._email_error_timer.start()

    def _announce_email_error(self) -> None:
        if self._email_error is not None and not self._busy:
            self.context.announcer.announce(self.email_edit, self._email_error, assertive=True)

    def _show_email_message(self, kind: str | None, text: str | None) -> None:
        self._email_error = text if kind == "error" else None
        if kind and text:
            self.email_message.show_message(kind, text)
        else:
            self.email_message.clear()
        mark_invalid(self.email_edit, kind == "error")
        describe(self.email_edit, self.email_hint.text(), text)

    def _password_changed(self, text: str) -> None:
        self.checklist.set_password(text)
        if self._password_errors:
            # The candidate is fixing it: the checklist now says what is still missing.
            self._password_errors = []
            self.password_message.clear()
            mark_invalid(self.password_edit, False)
        self._update_confirmation_message(publish=False)
        self.live_announcer.changed()

    def _confirmation_changed(self, _text: str) -> None:
        self._update_confirmation_message(publish=False)  # its description follows at the pause
        self.live_announcer.changed()

    def _passwords_mismatch(self) -> bool | None:
        """None while the confirmation is empty, else whether it differs from the password."""
        confirmation = self.confirmation_edit.text()
        if not confirmation:
            return None
        normalize = validation.normalize_password
        return normalize(confirmation) != normalize(self.password_edit.text())

    def _update_confirmation_message(self, *, publish: bool = True) -> None:
        mismatch = self._passwords_mismatch()
        if mismatch:
            self.confirmation_message.show_message("error", message(texts.PASSWORD_MISMATCH))
        else:
            self.confirmation_message.clear()
        mark_invalid(self.confirmation_edit, bool(mismatch))
        if publish:
            self._describe_confirmation()

    def _show_password_toggled(self, shown: bool) -> None:
        # One button for both fields: the candidate sees what they type in the confirmation too.
        show_passwords(self.show_password_button, (self.password_edit, self.confirmation_edit), shown)

    def _consent_toggled(self, checked: bool) -> None:
        if checked:
            self.consent_message.clear()
            mark_invalid(self.consent_checkbox, False)
            describe(self.consent_checkbox)

    # --- focus and clicks ------------------------------------------------------------------------------

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        for field in (self.password_edit, self.confirmation_edit):
            if new is field:
                self._last_password_field = field

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if watched is self.password_row and kind == QEvent.Type.FocusIn:
            self._last_password_field.setFocus(Qt.FocusReason.MouseFocusReason)
        elif watched is self.email_edit and kind == QEvent.Type.FocusOut and isinstance(event, QFocusEvent):
            # Leaving the window or opening a context menu is not leaving the field.
            if event.reason() not in (
                Qt.FocusReason.ActiveWindowFocusReason,
                Qt.FocusReason.PopupFocusReason,
            ):
                self._validate_email_on_leave()
        elif (
            watched is self.consent_label
            and kind == QEvent.Type.MouseButtonRelease
            and self.consent_checkbox.isEnabled()
        ):
            # The sentence is the checkbox's label: a click on it ticks the box, as in a browser.
            self.consent_checkbox.setFocus(Qt.FocusReason.MouseFocusReason)
            self.consent_checkbox.click()
            return True
        return super().eventFilter(watched, event)

    # --- accessible descriptions and coalesced announcements ------------------------------------------

    def _rules_sentence(self) -> str:
        labels = ", ".join(message(criterion.label) for criterion in validation.PASSWORD_CRITERIA)
        return f"{self.password_rules.text()} {labels}."

    def _describe_password(self) -> None:
        # The checklist's part as published, not as shown: a description that changed per key would
        # tell any program on the accessibility bus the kind of each character typed.
        describe(
            self.password_edit,
            self.caps_lock.warning(),
            " ".join(self._password_errors) or None,
            self.checklist.published_summary() or self._rules_sentence(),
            self.checklist.published_strength_text() or None,
        )

    def _strength_shown(self) -> None:
        # The estimate comes from its own process (or a thread), usually well within the pause; one
        # that comes after the pause's announcement (a busy machine) is told and published one pause
        # later.
        if not self.live_announcer.pending():
            self.live_announcer.changed()

    def _publish_live_state(self) -> None:
        self.checklist.publish_to_accessibility()
        # Both password fields' descriptions change here, at the pause, never per key: one that
        # changed as the confirmation stops matching would tell a listener where it differs.
        self._describe_password_fields()

    def _describe_confirmation(self) -> None:
        describe(self.confirmation_edit, self.caps_lock.warning(), self.confirmation_message.text() or None)

    def _describe_password_fields(self) -> None:
        self._describe_password()
        self._describe_confirmation()

    def _describe_all(self) -> None:
        describe(self.email_edit, self.email_hint.text(), self.email_message.text() or None)
        self._describe_password_fields()
        describe(self.consent_checkbox, self.consent_message.text() or None)

    def _live_state(self) -> LiveState:
        check = self.checklist.check()
        return LiveState(
            criteria=tuple(self.checklist.row_states().items()),
            problems=check.problems if check is not None else (),
            too_guessable=self.checklist.too_guessable_shown(),
            mismatch=self._passwords_mismatch(),
            email_warning=self.email_message.text() if self.email_message.kind() == "warning" else None,
        )

    def _say_live_changes(self, told: LiveState, now: LiveState) -> tuple[QWidget, str] | None:
        parts = live_changes(told, now)
        return (QApplication.focusWidget() or self, " ".join(parts)) if parts else None

    # --- submitting -----------------------------------------------------------------------------------

    def _submit(self) -> None:
        self._email_error_timer.stop()
        captcha = self.captcha_widget
        if captcha is not None:
            # Solved once, it stays solved until clear(): a refused form is fixed, not re-captcha'd.
            verdict = captcha.verify()
            if not verdict.ok:
                # The captcha widget shows and announces its own message; the summary repeats it.
                self.error_summary.show_errors(
                    [(translated(_CONTEXT, CAPTCHA_FIELD_NAME), verdict.message or "")]
                )
                if QApplication.focusWidget() not in captcha.tab_chain():
                    self._focus(captcha.answer_edit())
                return
        request = RegistrationRequest(
            email=self.email_edit.text(),
            password=self.password_edit.text(),
            password_confirmation=self.confirmation_edit.text(),
            consent=self.consent_checkbox.isChecked(),
            eligibility_answers=dict(self.context.session.eligibility_answers),
            language=current_language(),  # the activation mail in the language the candidate uses
        )
        service = self.context.service
        generation = self._generation
        self._set_busy(True)
        self.context.runner.submit(
            lambda: service.register(request),
            lambda result: self._registration_done(generation, result),
            lambda error: self._registration_failed(generation),
        )

    def _set_busy(self, busy: bool) -> None:
        if busy == self._busy:
            return
        self._busy = busy
        self.busy_panel.setVisible(busy)
        # Read-only rather than disabled: the fields stay readable and focus stays where it is.
        edits = [self.email_edit, self.password_edit, self.confirmation_edit]
        controls: list[QWidget] = [
            self.show_password_button,
            self.consent_checkbox,
            self.cnil_link,
            self.cgu_link,
            self.sign_in_link,
        ]
        if self.captcha_widget is not None:
            edits.append(self.captcha_widget.answer_edit())
            controls.extend(widget for widget in self.captcha_widget.tab_chain() if widget not in edits)
        for edit in edits:
            edit.setReadOnly(busy)
        for control in controls:
            control.setEnabled(not busy)
        self.completeChanged.emit()  # the wizard disables "Continuer" while busy (and restores Back after)
        wizard = self.wizard()
        if busy and wizard is not None and wizard.currentPage() is self:
            # Going back while the account is being created would leave its result nowhere to show.
            wizard.button(QWizard.WizardButton.BackButton).setEnabled(False)
        if busy:
            self.scroll_area.ensureWidgetVisible(self.busy_panel)
            self.context.announcer.announce(self.busy_indicator, translated(_CONTEXT, BUSY_ANNOUNCEMENT))

    def _registration_done(self, generation: int, result: RegistrationResult) -> None:
        if generation != self._generation:
            return  # the page was cleared for the next candidate meanwhile
        if result.ok:
            assert result.account is not None
            self.context.session.registered_email = result.account.email
            self.context.session.activation_mail_id = result.mail_id
            self._registered = True
            wizard = self.wizard()
            if wizard is None or wizard.currentPage() is not self:
                self._set_busy(False)
                return
            wizard.next()
            # The busy state ends on the next turn of the event loop, on a page no longer shown:
            # the next page appears one step sooner (docs/performance.md, "The registration's stall").
            call_soon(self, functools.partial(self._set_busy, False))
            return
        self._set_busy(False)
        storage = result.refusals_for(RegistrationField.STORAGE)
        if storage:  # the form is fine, the disk refused: say that alone, keep everything typed
            self._show_form_failure(sentences(storage[0].message, message(texts.INPUT_KEPT)))
            return
        self._show_refusals(result)

    def _registration_failed(self, generation: int) -> None:
        if generation != self._generation:
            return
        self._set_busy(False)
        self._show_form_failure(message(texts.UNEXPECTED_ERROR))

    def _show_form_failure(self, message: str) -> None:
        self._clear_refusals()
        self.error_summary.show_errors([], title=message)
        self._focus(self.error_summary.title)
        self.context.announcer.announce(self.error_summary.title, message, assertive=True)

    def _show_refusals(self, result: RegistrationResult) -> None:
        self._clear_refusals()
        field_names: dict[RegistrationField, str] = {
            # The fields' labels as the form says them at the moment (the summary follows a switch).
            RegistrationField.EMAIL: Message(self.email_label.text),
            RegistrationField.PASSWORD: Message(self.password_label.text),
            RegistrationField.PASSWORD_CONFIRMATION: Message(self.confirmation_label.text),
            RegistrationField.CONSENT: translated(_CONTEXT, CONSENT_FIELD_NAME),
            RegistrationField.ELIGIBILITY: translated(_CONTEXT, ELIGIBILITY_FIELD_NAME),
        }
        focus_targets: dict[RegistrationField, QWidget] = {
            RegistrationField.EMAIL: self.email_edit,
            RegistrationField.PASSWORD: self.password_edit,
            RegistrationField.PASSWORD_CONFIRMATION: self.confirmation_edit,
            RegistrationField.CONSENT: self.consent_checkbox,
            RegistrationField.ELIGIBILITY: self.error_summary.title,
        }
        lines: list[tuple[str, str]] = []
        first_target: QWidget | None = None
        for where in field_names:  # the page's order, top to bottom
            messages = [refusal.message for refusal in result.refusals_for(where)]
            if not messages:
                continue
            lines.extend((field_names[where], message) for message in messages)
            first_target = first_target or focus_targets[where]
            joined = sentences(*messages)
            if where is RegistrationField.EMAIL:
                self._show_email_message("error", joined)
            elif where is RegistrationField.PASSWORD:
                self._password_errors = messages
                self.password_message.show_message("error", joined)
                mark_invalid(self.password_edit, True)
            elif where is RegistrationField.PASSWORD_CONFIRMATION:
                self.confirmation_message.show_message("error", joined)
                mark_invalid(self.confirmation_edit, True)
                self._describe_confirmation()
            elif where is RegistrationField.CONSENT:
                self.consent_message.show_message("error", joined)
                mark_invalid(self.consent_checkbox, True)
                describe(self.consent_checkbox, joined)
        if not result.refusals_for(RegistrationField.EMAIL) and result.email_warning:
            self._show_email_message("warning", result.email_warning)
        self._describe_password()
        self.error_summary.show_errors(lines)
        target = first_target or self.error_summary.title
        self._focus(target)
        first_message = lines[0][1] if lines else ""
        self.context.announcer.announce(
            target, sentences(error_count_text(len(lines)), first_message), assertive=True
        )

    def _clear_refusals(self) -> None:
        """Hide what the last refused submit showed (live messages are recomputed)."""
        self.error_summary.clear()
        self._password_errors = []
        self.password_message.clear()
        mark_invalid(self.password_edit, False)
        self.consent_message.clear()
        mark_invalid(self.consent_checkbox, False)
        if self._email_error is not None:
            self._show_email_message(None, None)
        self._update_confirmation_message()
        self._describe_all()

    def _focus(self, widget: QWidget) -> None:
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        self.scroll_area.ensureWidgetVisible(widget)

    # --- back to empty --------------------------------------------------------------------------------

    def clear(self) -> None:
        """Everything emptied for the next candidate: fields (and their undo history), messages, captcha."""
        super().clear()
        self._generation += 1
        self._registered = False
        self._set_busy(False)
        for edit in (self.email_edit, self.password_edit, self.confirmation_edit):
            edit.setText("")  # setText also empties the undo history: Ctrl+Z brings nothing back
        self.show_password_button.setChecked(False)
        self._show_password_toggled(False)
        self.checklist.clear()
        self.consent_checkbox.setChecked(False)
        self.caps_lock.reset()
        self._show_email_message(None, None)
        self._clear_refusals()
        self.confirmation_message.clear()
        mark_invalid(self.confirmation_edit, False)
        if self.captcha_widget is not None:
            self.captcha_widget.clear()
        self._email_error_timer.stop()
        self.live_announcer.forget()
        self._describe_all()
